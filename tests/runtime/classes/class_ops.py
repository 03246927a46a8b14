# Special methods: operators, comparisons, containers, calls, iteration.
class V:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return "V(%r)" % (self.x,)

    def __add__(self, o):
        return V(self.x + (o.x if isinstance(o, V) else o))

    def __sub__(self, o):
        return V(self.x - o.x)

    def __mul__(self, k):
        return V(self.x * k)

    def __rmul__(self, k):
        return V(k * self.x * 100)

    def __radd__(self, o):
        return V(o + self.x + 1000)

    def __truediv__(self, k):
        return V(self.x / k)

    def __floordiv__(self, k):
        return V(self.x // k)

    def __mod__(self, k):
        return V(self.x % k)

    def __pow__(self, k):
        return V(self.x ** k)

    def __and__(self, k):
        return V(self.x & k)

    def __or__(self, k):
        return V(self.x | k)

    def __xor__(self, k):
        return V(self.x ^ k)

    def __lshift__(self, k):
        return V(self.x << k)

    def __rshift__(self, k):
        return V(self.x >> k)

    def __neg__(self):
        return V(-self.x)

    def __pos__(self):
        return self

    def __abs__(self):
        return V(abs(self.x))

    def __invert__(self):
        return V(~self.x)

    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x

    def __lt__(self, o):
        return self.x < o.x

    def __le__(self, o):
        return self.x <= o.x

    def __gt__(self, o):
        return self.x > o.x

    def __ge__(self, o):
        return self.x >= o.x

    def __hash__(self):
        return self.x

    def __bool__(self):
        return self.x != 0

    def __int__(self):
        return self.x


a, b = V(5), V(3)
print(a + b, a - b, a * 2, 2 * a, a + 1, 1 + a, a / 2, a // 2, a % 3, a ** 2)
print(a & 1, a | 2, a ^ 1, a << 2, a >> 1, -a, +a, abs(V(-4)), ~a)
print(a == V(5), a != V(5), a == b, a != b, a < b, a <= b, a > b, a >= b)
print(hash(a), bool(V(0)), bool(a), int(a), sorted([V(3), V(1), V(2)]))
print(max(V(1), V(7), V(2)), min([V(4), V(2)]))
c = a
c += b
print(c, a)
c -= V(1)
print(c)
c *= 3
print(c)
print({V(1): "one"}[V(1)])
if V(0):
    print("true")
else:
    print("false")


class Acc:
    def __init__(self):
        self.v = 0

    def __iadd__(self, n):
        self.v += n
        return self


x = Acc()
y = x
x += 5
print(x is y, x.v)


class Box:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __len__(self):
        return len(self.d)

    def __contains__(self, k):
        return k in self.d

    def __call__(self, *args, **kw):
        return ("called", args, sorted(kw.items()))


bx = Box()
bx["a"] = 1
bx[2] = "two"
print(bx["a"], bx[2], len(bx), "a" in bx, "b" in bx, "b" not in bx)
del bx["a"]
print(len(bx), bool(bx), bool(Box()))
print(bx(1, 2, k=3))
try:
    bx["zz"]
except KeyError as e:
    print("KeyError", e)


class Count:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        self.i = 0
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print(list(Count(4)), [i * 2 for i in Count(3)], sum(Count(5)))
for i in Count(2):
    print("it", i)


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10


print(list(Seq()))


class NoOps:
    pass


for expr in ("NoOps() + 1", "1 + NoOps()", "-NoOps()", "NoOps()[0]", "len(NoOps())", "NoOps()()"):
    try:
        eval(expr)
    except TypeError as e:
        print("TypeError", e)


class EqOnly:
    def __eq__(self, o):
        return True


print(EqOnly() == 1, EqOnly() != 1)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError", e)
n = NoOps()
print(n == n, n != NoOps(), hash(n) == hash(n))
