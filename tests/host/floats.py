# floats: double precision on x86 and x64.
import floats

print(floats.IMPL)
print(floats.sqrt(2.0), floats.sqrt(0), floats.sqrt(1e6), floats.sqrt(0.25), floats.sqrt(9))
# (Values whose square roots come out the same with x87 extended precision.)
print([floats.sqrt(x) for x in (1, 4, 16, 0.0625, 1e-4)])
print(floats.mean([1, 2, 3.5]), floats.mean((4,)), floats.mean(list(range(10))))
try:
    floats.mean(range(3))
except TypeError as e:
    print("TypeError", e)
print(floats.poly(2.0, (1, 0, -3)), floats.poly(0.5, []), floats.poly(-1, (2, 3, 4)))
print(floats.to_single(0.1), floats.to_single(0.5), floats.to_single(1 / 3))
print(type(floats.sqrt(4)).__name__, floats.sqrt(4) == 2)
for bad in ((floats.sqrt, -1), (floats.mean, [])):
    try:
        bad[0](bad[1])
    except ValueError as e:
        print("ValueError", e)
try:
    floats.sqrt("x")
except TypeError:
    print("TypeError")
