# hybrid: bytecode merged with C code in one .mpy.
import hybrid

print(hybrid.dot([1, 2, 3], [4, 5, 6]), hybrid.norm2([3, 4]), hybrid.dot([], []))
m = hybrid.Matrix([[1, 2], [3, 4]])
print(m * [1, 1], m, repr(m))
print(type(m).__name__, isinstance(m, hybrid.Matrix), m.rows)
print(hybrid.Matrix([(1, 0, 0), (0, 1, 0)]) * [7, 8, 9])
print(sorted([k for k in dir(hybrid) if not k.startswith("__")]))
try:
    hybrid.dot([1], [1, 2])
except ValueError as e:
    print("ValueError", e)
try:
    hybrid.norm2(5)
except TypeError:
    print("TypeError")
