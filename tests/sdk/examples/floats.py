import floats

print(floats.IMPL)
print(floats.sqrt(2.0), floats.sqrt(0), floats.sqrt(1e6), floats.sqrt(0.25), floats.sqrt(9))
print(floats.mean([1, 2, 3.5]), floats.mean((4,)), floats.poly(2.0, (1, 0, -3)), floats.poly(0.5, []))
print(floats.to_single(0.1), floats.to_single(0.5))
try:
    floats.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    floats.mean([])
except ValueError as e:
    print("ValueError", e)
