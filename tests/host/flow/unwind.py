# Every way out of finally, with and async-with blocks: fall-through,
# exception, break, continue and return, nested and in loops. Loaded as a
# .mpy compiled by MicroPython's mpy-cross (unwind.mpy, see README.md), it
# exercises the loader's flow verifier and the VM's unwinding.


class Ctx:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.swallow


class ACtx(Ctx):
    async def __aenter__(self):
        print("aenter", self.name)
        return self

    async def __aexit__(self, t, v, tb):
        print("aexit", self.name, t.__name__ if t else None)
        return self.swallow


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


def finally_ways():
    for i in range(4):
        try:
            if i == 0:
                continue
            if i == 1:
                raise ValueError(i)
            if i == 3:
                break
        except ValueError as e:
            print("caught", e)
        finally:
            print("finally", i)
    print("after loop", i)


def return_through(n):
    try:
        try:
            for x in range(n):
                if x == 2:
                    return x * 10
        finally:
            print("inner finally")
    finally:
        print("outer finally")
    return -1


def return_in_finally():
    try:
        raise KeyError("lost")
    finally:
        for x in [7, 8]:
            return x


def continue_in_finally():
    out = []
    for i in range(3):
        try:
            out.append(i)
        finally:
            for j in [1]:
                out.append(j)
            continue
    return out


def with_ways():
    for i in range(4):
        with Ctx("w%d" % i):
            if i == 1:
                continue
            if i == 2:
                break
        print("body done", i)
    with Ctx("swallow", True):
        raise OSError("swallowed")
    try:
        with Ctx("outer"):
            with Ctx("inner"):
                raise IndexError
    except IndexError:
        print("propagated")


def with_return():
    with Ctx("r"):
        for x in range(3):
            with Ctx("r%d" % x):
                if x == 1:
                    return x
    return None


async def async_ways():
    for i in range(4):
        async with ACtx("a%d" % i):
            if i == 1:
                continue
            if i == 2:
                break
        print("async body done", i)
    async with ACtx("aswallow", True):
        raise OSError("swallowed")
    try:
        async with ACtx("araise"):
            raise IndexError("out")
    except IndexError as e:
        print("async propagated", e)
    async with ACtx("aret"):
        return "async returned"


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")


finally_ways()
print(return_through(5))
print(return_in_finally())
print(continue_in_finally())
with_ways()
print(with_return())
print(run(async_ways()))
g = gen()
print(next(g))
g.close()
print(list(gen()))
