def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f(*[1, 2], **{'c': 7}))
def g(*, k=1):
    return k
print(g(), g(k=5))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
print(c())
def outer(x):
    def mid():
        def inner():
            return x + 1
        return inner()
    return mid()
print(outer(41))
G = 1
def setg():
    global G
    G = 2
setg()
print(G)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
def deco(fn):
    def w(*a):
        return fn(*a) * 10
    return w
@deco
def one(x):
    return x
print(one(3))
def closure_comp(m):
    return [i * m for i in range(3)]
print(closure_comp(3))
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
def kwonly(a, *, b):
    return a - b
print(kwonly(b=1, a=5))
def noret():
    pass
print(noret())
