# The math functions that give ints or exact tuples: ceil, floor, trunc (to
# arbitrary precision), factorial, frexp, ldexp, modf.
import math

for x in (0, 2.5, -2.5, 3.0, -0.5, 1e15 + 0.5, -7.999, 1e30, -1e30, 2.0**70, 123456789012345678.0, True, 10**20):
    print(x, math.ceil(x), math.floor(x), math.trunc(x), type(math.floor(x)))

print(math.floor(1e30) == 1000000000000000019884624838656)
print(math.ceil(-1.5e19), math.trunc(1.7976931348623157e308) % 1000007)

for n in (0, 1, 2, 5, 10, 20, 21, 25, 52, 100):
    print(n, math.factorial(n))
f = math.factorial(500)
print(len(str(f)), f % 1000000007, f // math.factorial(499))
print(math.factorial(True))

for x in (0.0, -0.0, 1, 0.75, -3.5, 1024, 1e-310, 1e300, math.inf, math.nan):
    print(x, math.frexp(x))
for x, e in ((0.5, 1), (0.75, 4), (-1, -3), (1, 1023), (1, 1024), (1, -1074), (1, -1080), (math.inf, -5), (3, 0)):
    print(x, e, math.ldexp(x, e))
for x in (0, 2.5, -2.5, -0.0, 7, 1e20, math.inf, -math.inf, math.nan):
    print(x, math.modf(x))
