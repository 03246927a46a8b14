# Edge cases of the container types, checked against MicroPython v1.21.

# The key function is called once per comparison, in MicroPython's order.
calls = []
def key(x):
    calls.append(x)
    return x % 3
l = [5, 3, 8, 1, 9, 2, 7]
l.sort(key=key)
print(l, calls)
l.sort(key=key, reverse=True)
print(l)
print(sorted([3, 1, 2]), sorted('cab', reverse=True), sorted([]), sorted([1]))
l = [4, 2, 4, 1, 2]
l.sort(reverse=True)
print(l)

# Slices: bounds, negative steps, assignment and deletion.
a = list(range(8))
print(a[-100:100], a[100:], a[:-100], a[::-2], a[-1:-5:-1], a[5:2:-1], a[1:7:3])
a[:] = a
print(a)
a[2:2] = a
print(a, len(a))
a[::1] = [1]
print(a)
del a[:]
print(a)
t = tuple(range(6))
print(t[-3:], t[:100], t[4:2], t[::1], t[::-1] if 0 else 0)
def set_step(a):
    a[::2] = [1]
def del_step(a):
    del a[::2]
def set_int(a):
    a[0:1] = 5
def set_range(a):
    a[0:1] = range(2)
for bad in (set_step, del_step, set_int, set_range):
    try:
        a = [1, 2, 3]
        bad(a)
        print(a)
    except Exception as e:
        print(type(e).__name__, repr(e.args))

# Comparisons.
print([1, 2] < [1, 2, 3], [1, 2] > [1], [1, 3] > [1, 2, 9], [] == [], [1] == (1,), (1, 2) >= (1, 2), (2,) <= (1, 9))
print([1, [2]] == [1, [2]], (1, (2, 3)) < (1, (2, 4)), [1, 2] != [1, 2])

# Dicts: order after deletions and growth, iteration, views, equality.
d = {}
for i in range(12):
    d[i * 7] = i
for i in range(0, 12, 3):
    del d[i * 7]
print(d, len(d))
d2 = dict(d)
print(d2 == d, d2 is d, d.copy() == d)
print(list(d.keys()) == list(d), sorted(d.values()), 14 in d, 14 in d.keys(), 99 in d.keys())
d = {'x': 1}
d.update([('y', 2), ['z', 3]], w=4)
print(d, dict.fromkeys(range(3)), dict(zip('ab', (1, 2))))
e = {}
e.setdefault('k', []).append(1)
e.setdefault('k', []).append(2)
print(e, e.pop('nope', 'dflt'), {(1, 2): 'tuple key', 3.0: 'float'}[(1, 2)])
k = {1: 'a', 2: 'b'}
print(k.popitem(), k.popitem(), k)
d = {1: 2}
d |= {3: 4}
print(d, {1: 2} != {1: 3}, {} == {})

# Sets.
s = set(range(10))
print(s, {x * x for x in range(-3, 4)}, set('hello'))
s.difference_update({1, 2}, [3])
s.intersection_update(range(2, 8))
s.symmetric_difference_update([4, 100])
print(s, s.pop(), s)
s2 = s.copy()
s2.update([1], (2,))
print(s2, s2 >= s, s2 > s, s < s2, s2 == s, s.copy() == s)
f = frozenset([1, 2])
print(f | {3}, f & {2}, f - {1}, f ^ {1, 5}, type(f | {3}).__name__, {f: 1}[frozenset([2, 1])], hash(f) == hash(frozenset([2, 1])))
fi = f
fi |= {7}
print(fi, f, fi is f)
s = {1}
si = s
si |= {2}
print(si is s, s)

# range.
for r in (range(0), range(1, 0), range(5, -5, -3), range(-3), range(2, 20, 4)):
    print(r, len(r), list(r), bool(r), r[0] if r else None, r[::-1], r[1:3])
print(list(range(10)[2:8:2]), range(10)[::-3], range(0, 10, 3)[-1])

# Iterators.
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
z = zip()
print(list(z), list(zip('ab')), list(map(pow, [2, 3], [3, 2])), list(filter(lambda x: x % 2, range(7))))
class R:
    def __reversed__(self):
        return iter('custom')
print(list(reversed(R())), list(reversed('abc')), list(reversed(range(3))), list(reversed((1, 2))))
e = enumerate(['a', 'b'], start=10)
print(next(e), next(e))
print(list(enumerate(iterable='xy')))
for bad in (lambda: enumerate(), lambda: enumerate([], 1, 2), lambda: enumerate([], foo=1), lambda: list(reversed({})), lambda: tuple(1), lambda: list(1, 2), lambda: dict(1), lambda: range(), lambda: set(5)):
    try:
        print(bad())
    except Exception as ex:
        print(type(ex).__name__, ex)

# Lists changing during iteration.
l = [1, 2, 3]
for x in l:
    if x < 3:
        l.append(x * 10)
print(l)
l = [0] * 3
l[1] = l
print(len(l), l[1] is l, [[]] * 2, [None] * 2)
