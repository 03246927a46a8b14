# async def, await, async for and async with: coroutines are generators,
# driven here by send().


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


class Wait:
    def __init__(self, value):
        self.value = value

    # MicroPython awaits an object by iterating it (no __await__).
    def __iter__(self):
        print("waiting", self.value)
        yield
        return self.value * 2


async def add(a, b):
    return await Wait(a) + await Wait(b)


c = add(1, 2)
print(type(c).__name__)
print(run(c))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Manager:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        print("enter", self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.swallow


async def loops():
    out = []
    async for i in Countdown(5):
        if i == 3:
            continue
        if i == 1:
            break
        out.append(i)
    else:
        out.append("no break")
    async for i in Countdown(2):
        out.append(i)
    else:
        out.append("else")
    return out


print(run(loops()))


async def managers():
    async with Manager("a") as a, Manager("b"):
        print("body", a.name)
    async with Manager("swallow", True):
        raise ValueError
    try:
        async with Manager("reraise"):
            raise KeyError
    except KeyError:
        print("KeyError out")
    for i in range(3):
        async with Manager(i):
            if i == 1:
                break
    async with Manager("ret"):
        return "returned"


print(run(managers()))

# a function is a generator as soon as it awaits
def plain():
    await Wait(5)


print(type(plain()).__name__)
print(issubclass(StopAsyncIteration, Exception))


def syntax(code):
    try:
        exec(code)
        print("no error")
    except SyntaxError as e:
        print("SyntaxError:", e)


syntax("await x")
syntax("async for x in y: pass")
syntax("def f():\n  async with y: pass")
syntax("def f():\n  await z\n  async with y: pass")
syntax("async def f(): return [await x for x in y]")
syntax("async x = 1")
