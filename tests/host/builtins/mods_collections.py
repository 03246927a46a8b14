# collections (MicroPython v1.21's unix port): deque, namedtuple, OrderedDict.
import collections
from collections import deque, namedtuple, OrderedDict


def t(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, repr(e))


print(collections.__name__)
print(type(deque), type(namedtuple), type(OrderedDict))

# deque: fixed size, made from the empty tuple only; append and popleft
d = deque((), 3)
print(type(d), len(d), bool(d))
for i in range(5):
    print(d.append(i), len(d), bool(d))
print(d.popleft(), d.popleft(), d.popleft(), len(d), bool(d))
t(d.popleft)
d.append("a")
d.append("b")
print(d.popleft(), len(d))
# maxlen 0: nothing stays
d0 = deque((), 0)
d0.append(1)
print(len(d0), bool(d0))
t(d0.popleft)
# with flags bit 0: a full deque refuses more
d = deque((), 2, 1)
d.append(1)
d.append(2)
t(d.append, 3)
print(len(d), d.popleft(), d.popleft())
t(d.popleft)
d = deque((), 2, 0)
d.append(1)
d.append(2)
d.append(3)
print(d.popleft(), d.popleft())
# construction errors
t(deque, [1], 2)
t(deque, [], 2)
t(deque, (1,), 2)
t(deque, (), -1)
t(deque, ())
t(deque)
t(deque, (), 2, 0, 1)
t(deque, (), "2")
t(deque, (), maxlen=2)
# no iteration, subscript or other operations in v1.21
d = deque((), 2)
d.append(1)
t(iter, d)
t(lambda: d[0])
t(lambda: ~d)
t(lambda: d + d)
t(lambda: d.pop())
t(lambda: d.appendleft(0))
t(lambda: d.extend([1]))
print(d == d, d != deque((), 2))
print(repr(d)[:6])

# namedtuple: fields as a list, a tuple, or a str split at whitespace
Point = namedtuple("Point", ["x", "y"])
print(Point, type(Point))
p = Point(1, 2)
print(p, repr(p), str(p))
print(p.x, p.y, p[0], p[1], p[-1], p[:1], len(p), bool(p))
print(type(p), isinstance(p, tuple), isinstance(p, Point), issubclass(Point, tuple))
print(list(p), tuple(p), [v for v in p])
x, y = p
print(x, y)
print(p == (1, 2), (1, 2) == p, p != (1, 2), p == Point(1, 2), p == (2, 1), p < (1, 3))
print(hash(p) == hash((1, 2)))
print(p + p, p + (3,), (0,) + p, p * 2)
t(lambda: 2 * p)
print(1 in p, 3 in p)
print(Point(y=5, x=6), Point(7, y=8))
print(namedtuple("P3", "a b  c")(1, 2, 3))
print(namedtuple("P3", ("a", "b", "c"))(1, 2, 3))
print(namedtuple("P3", " a\tb\nc ")(1, 2, 3))
# "a, b" is split at whitespace only: the first field is "a,"
Odd = namedtuple("Odd", "a, b")
o = Odd(1, 2)
print(o, getattr(o, "a,"), o.b)
print(namedtuple("E", [])(), namedtuple("E", "")())
print(len(namedtuple("E", [])()))
# attributes: fields only, read only
t(lambda: p.z)
t(setattr, p, "x", 5)
t(setattr, p, "z", 5)
t(delattr, p, "x")
t(lambda: p.count(1))
t(lambda: p.index(2))
t(lambda: p._asdict())
t(lambda: p._fields)
print(Point.count(p, 1), Point.index(p, 2))
print(Point.__name__)
t(lambda: p.__class__)
# items cannot be assigned
t(p.__class__.__name__.upper)
try:
    p[0] = 1
except TypeError:
    print("TypeError")
# argument errors
t(Point, 1)
t(Point, 1, 2, 3)
t(Point, 1, x=2)
t(Point, 1, z=2)
t(Point, x=1)
t(Point, x=1, y=2, z=3)
t(namedtuple, "T", 1)
t(namedtuple, "T", [1])
t(namedtuple, 1, ["a"])
t(namedtuple, "T")


# a subclass
class Vec(Point):
    def norm2(self):
        return self.x * self.x + self.y * self.y


v = Vec(3, 4)
print(v, v.norm2(), v.x, v[1], isinstance(v, Point), len(v), v == (3, 4))

# OrderedDict: insertion order is kept
od = OrderedDict()
od["z"] = 1
od["a"] = 2
od[10] = 3
od[1.5] = 4
print(od, type(od), isinstance(od, dict), issubclass(OrderedDict, dict))
print(list(od), list(od.keys()), list(od.values()), list(od.items()))
print(len(od), bool(od), "a" in od, "b" in od, od["a"], od.get("b"), od.get("b", 0))
del od["a"]
od["a"] = 5
print(od)
print(od.pop("z"), od)
print(od.setdefault("n", 7), od.setdefault("n", 8), od)
print(od.popitem(), od.popitem(), od)
od.update([("q", 1), ("b", 2)], c=3)
print(od)
od.update({"x": 0})
print(od)
print(od.copy(), type(od.copy()), od.copy() == od)
od.clear()
print(od, len(od), bool(od))
t(od.popitem)
t(lambda: od["missing"])
print(OrderedDict([(3, "c"), (1, "a"), (2, "b")]))
print(OrderedDict(b=1, a=2) == OrderedDict(b=1, a=2), OrderedDict(b=1, a=2) == OrderedDict(a=2, b=1))
# equality with a plain dict: never, either way (MicroPython)
print(OrderedDict(a=1) == {"a": 1}, {"a": 1} == OrderedDict(a=1), OrderedDict(a=1) != {"a": 1})
print(dict(OrderedDict(a=1)) == {"a": 1})
print(OrderedDict(OrderedDict(y=1, x=2)))
print(OrderedDict(a=1) | {"b": 2}, type(OrderedDict(a=1) | {"b": 2}))
print(OrderedDict.fromkeys(["b", "a"]), type(OrderedDict.fromkeys("ab")))
print(repr(OrderedDict()), str(OrderedDict({1: 2})))
print(OrderedDict({"k": OrderedDict(n=[1])}))
d = {}
d.update(OrderedDict(m=1))
print(d)


def kw(**k):
    return sorted(k.items())


print(kw(**OrderedDict(b=1, a=2)))
# many items, removals in the middle
od = OrderedDict()
for i in range(20):
    od[str(i)] = i
for i in range(0, 20, 3):
    del od[str(i)]
print(list(od.values()))
od["0"] = 0
print(list(od)[-3:])


class Sub(OrderedDict):
    pass


s = Sub()
s["y"] = 1
s["x"] = 2
print(s, type(s), s == OrderedDict(y=1, x=2), OrderedDict(y=1, x=2) == s)

# a class made from an OrderedDict keeps its order
A = type("A", (), OrderedDict(e=1, d=2, c=3, b=4, a=5))
print([k for k in A.__dict__ if not k.startswith("_")])
print(A.a, A.e)
