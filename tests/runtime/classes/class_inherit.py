# Inheritance, super(), multiple bases, isinstance/issubclass.
class A:
    def __init__(self, v):
        self.v = v

    def who(self):
        return "A"

    def val(self):
        return self.v

    def __repr__(self):
        return "<%s %r>" % (self.who(), self.v)


class B(A):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w

    def who(self):
        return "B" + super().who()

    def both(self):
        return (self.v, self.w)


class C(B):
    def who(self):
        return "C" + super().who()


b = B(1, 2)
c = C(3, 4)
print(b, c, b.both(), c.both(), c.val())
print(isinstance(c, A), isinstance(c, B), isinstance(b, C), issubclass(C, A), issubclass(A, C))
print(issubclass(C, object), isinstance(c, object), issubclass(B, (int, A)))
print(C.__bases__ == (B,), A.__bases__ == (object,))
s = super(C, c)
print(s.who())


class M1:
    def f(self):
        return "M1.f"

    def g(self):
        return "M1.g"


class M2:
    def f(self):
        return "M2.f"

    def h(self):
        return "M2.h"


class D(M1, M2):
    def h(self):
        return "D.h+" + super().h()


d = D()
print(d.f(), d.g(), d.h(), isinstance(d, M2), issubclass(D, M1), D.__bases__ == (M1, M2))


class Base:
    def __init__(self):
        print("Base.__init__")


class NoInit(Base):
    pass


NoInit()


class K:
    def __init__(self):
        super().__init__()
        self.k = 1


print(K().k)


class Cls:
    def m(self):
        return __class__


print(Cls().m() is Cls)


class Over(A):
    def val(self):
        return A.val(self) * 10


print(Over(7).val())
