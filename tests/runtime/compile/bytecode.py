import sys
import a.b.c
import a.b as ab
from . import x
from ..m import y as z
from os import *
x = 5
y = x * 2 + w ** v - u // t % s
print(x, y, -x, ~x, +x, not x)
a, b = c
a, *b = [1, 2, 3, 4]
(a, (b, c)), d = t
l[1] += 5
l.x -= 1
del l[0], l.y, z
d = {'a': 1, 'b': 2}
print(1 < 2 < 3, 1 == 1 != 2, a in b, a not in b, a is not b)
print(p and q, r or s or t)
print('yes' if x > 3 else 'no')
big = 123456789012345678901234567890
print(1.5, b'xy', 'a long string constant here', ...)
while n < 5:
    n += 1
    if n == 2:
        continue
    elif n == 3:
        pass
    else:
        break
else:
    print('no')
while True:
    break
for i in range(3):
    print(i)
else:
    print('done')
for i in range(n):
    pass
for i, j in q:
    if i and j or not i:
        print(i)
print([i * i for i in range(5) if i % 2])
print({i: i * 2 for i in r})
print({i for i in r for j in i})
f = lambda a, b=2: a + b
def g(a, *args, k=1, **kw):
    global G
    G = a
    f(*args, **kw)
    o.m(a, b=1)
    return a[1:2], a[::2], a[1:2, 3]
def h():
    try:
        pass
    finally:
        return 1
with open(f) as fp, q:
    fp.read()
try:
    raise ValueError from None
except:
    raise
assert x, 'm'
s = f'{x!r:4} {y}'
def gen(n):
    for i in range(n):
        x = yield i
        s = t = yield
        s += yield x, s
    r = yield from sub(n)
    return r
print(sum(x * x for x in v), list(x + y for x in v for y in w if y > x))
lg = lambda: (yield 42)
def consts():
    if False:
        q = 1
    if 0:
        r = 2
    else:
        r = 3
    if True:
        pass
    else:
        z = 4
    if 1:
        z = 5
    elif y:
        z = 6
    while 0:
        w = 1
    else:
        w = 2
    return q

# Assignment expressions (scopes as MicroPython binds them).
(x := 4)
print(x)
if y := 2:
    print(y)
print(4, z := 5)
def f():
    l = [0, 1]
    while local := len(l):
        print(local, l.pop())
def foo():
    print(any((hit := i) % 5 == 3 for i in range(10)))
    return hit
print([((m := k + 1), k * m) for k in range(4)])
def scope1():
    var1 = 0
    print([var1 := i for i in [0, 1] if i > var1])
def scope2():
    global var2
    print([var2 := i for i in range(2)])
def scope5():
    def inner5():
        nonlocal var5
        print([var5 := i for i in range(2)])
    var5 = 0
print([[(j := i) for i in range(2)] for j in range(2)])

# async def, await, async for, async with.
async def f(x, y=1):
    a = await x
    async for i in a.b():
        if i:
            break
        elif y:
            continue
        print(i)
    else:
        print(2)
    async with x as q, y:
        print(q)
        return 5
    async with x:
        for j in y:
            break
    await (await y)
    return await x.y(1) ** 2
def g():
    await z
    async for k in z:
        pass
l = lambda: await q
@dec
async def h(): pass
class C:
    async def m(self):
        async with self:
            pass
