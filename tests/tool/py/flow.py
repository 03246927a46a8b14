# Control flow: loops, exceptions, with, generators, closures, classes, calls.
import sys
from sys import platform as _platform


def loops(n):
    total = 0
    i = 0
    while i < n:
        i += 1
        if i == 2:
            continue
        if i > 8:
            break
        total += i
    else:
        total = -1
    for j in range(3):
        for k in range(3):
            if k == j:
                continue
            total += k
    return total


def unwind(xs):
    # break and continue out of try/finally and with blocks (UNWIND_JUMP)
    out = []
    for x in xs:
        try:
            if x == 2:
                continue
            if x == 4:
                break
            out.append(x)
        finally:
            out.append(-x)
    for x in xs:
        with Ctx(out):
            if x == 1:
                break
    while True:
        try:
            try:
                break
            finally:
                out.append("inner")
        finally:
            out.append("outer")
    return out


class Ctx:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append("exit")
        return False


def exceptions(v):
    log = []
    try:
        try:
            if v:
                raise ValueError(v)
            log.append("no error")
        except (TypeError, KeyError):
            log.append("not here")
        except ValueError as e:
            log.append("value " + str(e.args[0]))
            try:
                if v == 12345:
                    raise KeyError("k") from e
                raise KeyError("k")
            except KeyError:
                log.append("chained")
        else:
            log.append("else")
        finally:
            log.append("finally")
        assert v != 99, "no 99"
    except AssertionError as e:
        log.append(str(e))
    try:
        raise
    except RuntimeError:
        log.append("bare raise")
    with Ctx(log) as c:
        log.append(c is not None)
    return log


def gen(n):
    for i in range(n):
        got = yield i
        if got:
            yield got
    yield from range(100, 102)
    return "done"


def closures(a, b=2, *args, c, d=4, **kw):
    def inner(x, y=b):
        nonlocal a
        a += x
        return a + y + c

    def reader():
        return a * d

    lam = lambda z=1: z + a  # noqa: E731
    inner(1)
    return inner(10, 20), reader(), lam(), args, sorted(kw.items())


class Base:
    tag = "base"

    def __init__(self, v):
        self.v = v

    def describe(self, prefix=""):
        return prefix + self.tag + ":" + str(self.v)

    @staticmethod
    def s(x):
        return x * 2

    @classmethod
    def c(cls):
        return cls.tag

    @property
    def double(self):
        return self.v * 2


class Child(Base):
    tag = "child"

    def describe(self, prefix=""):
        return "<" + super().describe(prefix) + ">"


def calls():
    args = (1, 2)
    kw = {"d": 5, "extra": 6}
    r = closures(*args, c=3, **kw)
    o = Child(7)
    m = o.describe(*("p:",))
    m2 = o.describe(**{"prefix": "k:"})
    return r, m, m2, Child.s(4), Child.c(), o.double, getattr(o, "v"), hasattr(o, "w")


def globals_and_del():
    global counter
    counter = 1
    counter += 1
    tmp = counter
    del tmp
    del counter
    return "counter" in globals()


def odds_and_ends(a, b):
    flag = True
    v = [a]

    def peek():
        return v[0]

    r = peek()
    del v
    return (a or b, a and b, not (a or flag), r)


scratch = 1
del scratch
from micropython import *  # noqa: E402, F403

g = gen(3)
print(next(g), g.send(None), g.send(42), list(g))
print(loops(10), unwind([1, 2, 3, 4, 5]))
print(exceptions(0), exceptions(5), exceptions(99))
print(calls(), globals_and_del(), type(sys.maxsize), type(_platform))
print(odds_and_ends(0, 5), odds_and_ends(2, 3), "scratch" in globals(), "const" in globals())
