# Argument binding: positional, defaults, keywords, *args, **kwargs,
# keyword-only, closures, lambdas.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0))
print(f(*[1, 2, 3], **{"c": 5, "z": 6}))
def g(x, y):
    return x - y
print(g(y=1, x=10), g(10, y=3))
for call in (lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, x=2), lambda: g(1, z=2), lambda: f(1), lambda: f()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def kwonly(*, k):
    return k
print(kwonly(k=7))
try:
    kwonly()
except TypeError as e:
    print("TypeError:", e)
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
c(); c(5)
print("counter", c())
def outer(v):
    return [lambda: v + i for i in range(3)]
print([h() for h in outer(10)])
def defaults(a, b=[1], c={"x": 1}):
    return a, b, c
print(defaults(0))
def varargs(*a):
    return a
print(varargs(), varargs(1, 2))
def varkw(**k):
    return sorted(k)
print(varkw(), varkw(a=1, b=2))
m = [1, 2].append
print(m(3))
print(sorted([3, 1, 2], reverse=True))
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(20))
