# staticmethod, classmethod, property, __getattr__, __setattr__, native bases.
class T:
    n = 0

    @staticmethod
    def s(a, b):
        return a + b

    @classmethod
    def c(cls, x):
        return (cls.__name__, x)

    @property
    def p(self):
        return self._p * 2

    @p.setter
    def p(self, v):
        self._p = v

    def __init__(self):
        self._p = 1


class U(T):
    pass


t = T()
print(T.s(1, 2), t.s(3, 4), T.c(5), t.c(6), U.c(7), U().c(8))
print(t.p)
t.p = 10
print(t.p, t._p)
try:
    del t.p
except AttributeError as e:
    print("AttributeError", e)


class RO:
    @property
    def x(self):
        return 42


r = RO()
print(r.x)
try:
    r.x = 1
except AttributeError as e:
    print("AttributeError", e)


class G:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "virtual " + name


g = G()
print(g.real, g.other, getattr(g, "thing"))


class S:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value) if False else None


S().q = 3


class L(list):
    def total(self):
        return sum(self)


l = L([1, 2, 3])
l.append(4)
print(l, len(l), l.total(), l[1], isinstance(l, list), type(l).__name__)
print([x * 2 for x in l], 3 in l)


class D(dict):
    pass


d = D(a=1)
d["b"] = 2
print(sorted(d.items()), len(d))


class Meta:
    attr = 1


Meta.attr = 2
Meta.new = 3
print(Meta.attr, Meta.new, Meta().new)
del Meta.new
print(hasattr(Meta, "new"))


def deco(cls):
    cls.decorated = True
    return cls


@deco
class Dec:
    pass


print(Dec.decorated)
X = type("X", (T,), {"y": 5})
print(X.y, X().p, X.__name__)
print(type(T.s), type(t.c).__name__)
