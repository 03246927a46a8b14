# The math module's errors: domain errors (a finite argument giving NaN or
# an infinity), log's special cases, conversions to int, bad argument types.
import math


def attempt(f, *args, **kwargs):
    try:
        print(f(*args, **kwargs))
    except Exception as e:
        print(type(e).__name__, e)


for f, x in ((math.sqrt, -1), (math.log2, 0), (math.log10, -5), (math.acos, 2), (math.asin, -1.5),
             (math.acosh, 0.5), (math.atanh, 1), (math.atanh, -2), (math.exp, 1000), (math.expm1, 800),
             (math.cosh, 1000), (math.sinh, -1000), (math.gamma, 0), (math.gamma, -3), (math.gamma, 200),
             (math.lgamma, 0), (math.lgamma, -2), (math.cos, math.inf), (math.sin, -math.inf),
             (math.tan, math.inf), (math.sqrt, -math.inf), (math.acos, math.inf)):
    attempt(f, x)

attempt(math.pow, -8, 0.5)
attempt(math.pow, 0, -1)
attempt(math.pow, 10, 400)
attempt(math.pow, math.inf, 2)
attempt(math.fmod, 1, 0)
attempt(math.fmod, math.inf, 1)
attempt(math.atan2, 0, 0)

attempt(math.log, 0)
attempt(math.log, -1)
attempt(math.log, -math.inf)
attempt(math.log, 2, 0)
attempt(math.log, 2, -3)
attempt(math.log, 2, 1)
attempt(math.log, 2, 1.0)
attempt(math.log, 0, 1)
attempt(math.log, 1, 2, 3)
attempt(math.log)

attempt(math.factorial, -1)
attempt(math.factorial, 2.0)
attempt(math.factorial, "3")

for f in (math.ceil, math.floor, math.trunc):
    attempt(f, math.inf)
    attempt(f, -math.inf)
    attempt(f, math.nan)

attempt(math.isclose, 1, 2, rel_tol=-1)
attempt(math.isclose, 1, 2, abs_tol=-0.5)
attempt(math.isclose, 1, 2, 3)
attempt(math.isclose, 1)
attempt(math.isclose, 1, 2, tol=3)
attempt(math.isclose, 1, "2")

attempt(math.sqrt, "4")
attempt(math.sqrt, None)
attempt(math.sqrt, [])
attempt(math.sqrt)
attempt(math.sqrt, 1, 2)
attempt(math.pow, 1)
attempt(math.ldexp, 1.5, 2.0)
attempt(math.ldexp, "1", 2)
attempt(math.frexp, "1")
attempt(math.modf, b"1")
attempt(math.isnan, "nan")
attempt(math.radians, None)

# A type with __float__ is accepted; one whose __float__ gives no float is not.
class Half:
    def __float__(self):
        return 0.5


class Bad:
    def __float__(self):
        return "0.5"


attempt(math.sqrt, Half())
attempt(math.floor, Half())
attempt(math.sqrt, Bad())
attempt(float, Bad())

try:
    math.pi = 3
except AttributeError:
    print("AttributeError")
try:
    import math as m2
    print(m2 is math, m2.sqrt is math.sqrt)
except ImportError:
    print("ImportError")
