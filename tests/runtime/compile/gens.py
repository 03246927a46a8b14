def gen(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print('got', x)
    return 'done'

print(next(gen(1)))
g = gen(3)
print(next(g))
print(g.send('a'))
print(g.send('b'))
try:
    g.send('c')
except StopIteration as e:
    print('stop', e.value, e.args)

def sub():
    r = yield from gen(2)
    print('sub got', r)
    yield from [10, 20]
    return r

for v in sub():
    print('v', v)

v = [1, 2, 3, 4]
print(sum(x * x for x in v))
print(sum((x for x in v if x % 2), 100))
print(list(x + y for x in v for y in (10, 20) if y > x))
g2 = (i for i in range(3))
print(type(g2).__name__, next(g2), list(g2))
print(max(a for a in 'hello'))

def closure(k):
    return list(x * k for x in range(4))
print(closure(3))

def empty():
    return
    yield
print(list(empty()))

def tup():
    yield 1, 2
    yield
    yield (yield 5)
print(list(tup()))
t = tup()
print(next(t), next(t), next(t), t.send(7), t.send(8) if False else None)

lg = lambda: (yield 42)
print(list(lg()))

def aug():
    s = 0
    s += yield s
    s += yield s
    yield s
a = aug()
print(next(a), a.send(5), a.send(6))

def fr():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
f = fr()
print(next(f))
f.close()
for x in fr():
    print(x)

def thrower():
    try:
        yield 1
    except ValueError as e:
        print('caught', e)
        yield 'after'
t = thrower()
next(t)
print(t.throw(ValueError('boom')))

def gen_ret():
    yield 1
    return 99
g = gen_ret()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value)

def nested():
    def inner():
        yield from range(3)
    return [v for v in inner()]
print(nested())
print(gen)
def gen_plain(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(gen_plain(4)), tuple(gen_plain(2)), sorted(gen_plain(3), reverse=True))
for a, b in zip(gen_plain(3), (c * 2 for c in 'xyz')):
    print(a, b)
for v in gen_plain(10):
    if v == 2:
        continue
    if v == 4:
        break
    print('loop', v)
else:
    print('not reached')
def deleg():
    yield from gen_plain(2)
    yield from (w + 1 for w in range(2))
    yield from 'ab'
print(list(deleg()))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received.append(x)
e = echo()
print(next(e), e.send('p'), e.send('q'))
try:
    next(e)
except StopIteration as s:
    print('final', s.value)
def outer():
    res = yield from echo()
    yield 'outer got', res
o = outer()
next(o)
o.send(1)
print(o.send(None))
print(dict((k, k * k) for k in range(3)), set(c for c in 'aab') == {'a', 'b'})
print(any(x > 2 for x in [1, 2, 3]), all(x for x in []), min(-x for x in (3, 1, 2)))
print(''.join(str(i) for i in range(5)))
def uses_if_false():
    if False:
        q = 1
    return q
q = 'global q'
print(uses_if_false())
def never_gen():
    if 0:
        yield 1
    return 'plain'
print(never_gen())
def gen_exhausted():
    yield 1
g = gen_exhausted()
print(list(g), list(g))
try:
    next(g)
except StopIteration as s:
    print('exhausted', s.args)
