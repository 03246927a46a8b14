# Classes: __init__, methods, attributes, class attributes, printing.
class Point:
    count = 0

    def __init__(self, x, y=0):
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)


p = Point(3, 4)
print(p, repr(p), str(p), p.norm2(), Point.count)
q = Point(1)
print(q.x, q.y, Point.count, p.count)
p.z = 5
print(p.z, hasattr(p, "z"), hasattr(p, "w"), getattr(p, "x"))
del p.z
print(hasattr(p, "z"))
print(type(p) is Point, isinstance(p, Point), isinstance(3, Point))
print(Point.__name__, type(Point), Point)
m = p.norm2
print(m())
print(Point.norm2(q))


class Empty:
    pass


e = Empty()
print(str(e)[:14], repr(e)[:14])
print(e.__class__ is Empty)
try:
    e.missing
except AttributeError as ex:
    print("AttributeError", ex)
try:
    Empty.missing
except AttributeError as ex:
    print("AttributeError", ex)
try:
    del e.missing
except AttributeError as ex:
    print("AttributeError", ex)


class Str:
    def __str__(self):
        return "str!"


s = Str()
print(s, str(s), repr(s)[:12])


class BadInit:
    def __init__(self):
        return 1


try:
    BadInit()
except TypeError as ex:
    print("TypeError", ex)
try:
    Point()
except TypeError as ex:
    print("TypeError", ex)


def make():
    y = 10

    class Local:
        z = y

        def get(self):
            return y + self.z

    return Local


print(make()().get(), make().__name__)


class WithDoc:
    "a docstring"
    a, b = 1, 2
    c = [a, b]
    for i in range(3):
        c.append(i)


print(WithDoc.a, WithDoc.b, WithDoc.c, WithDoc.i)
print(WithDoc.__module__ if hasattr(WithDoc, "__module__") else "")
print("ok")
print(p.__dict__ == {"x": 3, "y": 4})
print(callable(p), callable(Point))
