# The math module's float functions and constants, printed to 12 significant
# digits (x87 and SSE may differ in the last bit).
import math


def show(name, *args):
    try:
        r = getattr(math, name)(*args)
    except Exception as e:
        print(name, args, type(e).__name__, e)
        return
    if isinstance(r, float):
        print(name, args, "%.12g" % r)
    else:
        print(name, args, r)


print("%.15g %.15g %.15g" % (math.e, math.pi, math.tau), math.inf, -math.inf, math.nan)
print(type(math.pi), math.pi == 3.141592653589793, math.tau == 2 * math.pi)
print(math.__name__)
print(dir(math))

for name in ("sqrt", "exp", "expm1", "log2", "log10", "cosh", "sinh", "tanh", "asinh",
             "cos", "sin", "tan", "atan", "fabs", "erf", "erfc", "gamma", "lgamma",
             "radians", "degrees"):
    for x in (0.5, 2, -1.25, 3.75, True):
        show(name, x)
for name in ("acos", "asin", "atanh"):
    show(name, 0.25)
    show(name, -0.75)
show("acosh", 1.5)
show("log", 7.5)
show("log", 1024, 2)
show("log", 100.0, 10)
show("log", 0.25, 0.5)
for name in ("pow", "atan2", "copysign", "fmod"):
    for x, y in ((2, 0.5), (-3.5, 2), (7, -3), (0.0, -1.0)):
        show(name, x, y)
show("pow", 2, 10)
show("pow", -8, 1 / 3)
show("pow", 0, 0)

# Infinities and NaN go through unchanged where libm allows them.
for name in ("sqrt", "exp", "expm1", "cosh", "sinh", "tanh", "atan", "fabs", "erf", "erfc", "log2", "log10"):
    show(name, math.inf)
    show(name, -math.inf)
    show(name, math.nan)
show("atan2", math.inf, math.inf)
show("atan2", -math.inf, 1)
show("copysign", 1, -0.0)
show("copysign", math.inf, -1)
show("fmod", 5, math.inf)
show("pow", math.nan, 0)
show("pow", 1, math.nan)
show("log", math.inf)
show("log", math.nan)
show("log", 2, math.nan)

# isclose
print(math.isclose(1, 1.0), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.0001))
print(math.isclose(1.0, 1.0001, rel_tol=1e-3), math.isclose(0, 1e-12), math.isclose(0, 1e-12, abs_tol=1e-11))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
print(math.isclose(1e300, math.inf, abs_tol=math.inf), math.isclose(5, 6, abs_tol=1))
print(math.isclose(100, 95, rel_tol=0.05), math.isclose(100, 94.9, rel_tol=0.05))

# Classification
for x in (0, 1.5, -2, math.inf, -math.inf, math.nan, 10**400 if False else 10**30):
    print(x, math.isfinite(x), math.isinf(x), math.isnan(x))
