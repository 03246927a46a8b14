import hybrid

print(hybrid.dot([1, 2, 3], [4, 5, 6]), hybrid.norm2([3, 4]))
m = hybrid.Matrix([[1, 2], [3, 4]])
print(m * [1, 1], m)
try:
    hybrid.dot([1], [1, 2])
except ValueError as e:
    print("ValueError", e)
