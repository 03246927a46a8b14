t = (1, 2, 3)
print(t, (1,), (), t[1], t[-1], t[1:], t[:-1], t + (4,), t * 2, 2 * t, len(t))
print(t.index(2), t.count(1), t < (1, 3), t == (1, 2, 3), hash(t) == hash((1, 2, 3)))
l = [3, 1, 2]
l.append(5); l.extend([7, 8]); l.insert(0, 9); print(l)
print(l.pop(), l.pop(0), l, l.index(2), l.count(1))
l.remove(1); l.reverse(); print(l)
l.sort(); print(l); l.sort(reverse=True); print(l)
print(sorted([(1,'a'),(0,'b'),(1,'c'),(0,'d'),(1,'e'),(0,'f')], key=lambda x: x[0]))
a = list(range(10)); print(a[::2], a[::-1], a[2:5], a[-3:], a[5:1])
a[2:5] = [0]; print(a); del a[:3]; print(a); a[1:1] = (7, 7); print(a)
a[0] = 'x'; del a[1]; print(a, a * 2, a + [1], [1] * 0)
b = a; b += [1]; print(a is b, a)
d = {'a': 1, 'b': 2}
d['c'] = 3; print(d, d['a'], d.get('z'), d.get('z', 0), 'a' in d, len(d))
print(d.keys(), d.values(), d.items(), list(d), d.pop('a'), d)
print(d.setdefault('q', 5), d, d.popitem(), d.copy(), dict.fromkeys('abc', 0))
d.update({'x': 1}, y=2); print(d, dict(a=1), dict([(1, 2)]), {1: 2} == {1: 2}, {1: 2} | {3: 4})
del d['x']; print(d)
s = {1, 2, 3}
s.add(4); s.discard(9); s.remove(1); print(s, set(), frozenset(), frozenset({1}), len(s), 2 in s)
print(s | {9}, s & {2, 9}, s - {2}, s ^ {2, 10}, {1} < {1, 2}, {1, 2} <= {1, 2}, {1} == frozenset({1}))
print(s.union([5]), s.intersection([2, 3]), s.difference([2]), s.symmetric_difference([3, 7]), s.issubset(range(10)), s.issuperset([2]), s.isdisjoint([99]))
r = range(0, 10, 3); print(r, range(5), len(r), r[1], r[-1], r[1:], list(r), 3 in r, r.start, r.stop, r.step, list(range(5, 0, -2)))
print(list(enumerate('ab')), list(enumerate('ab', 5)), list(zip([1, 2], 'abc')), list(map(lambda x: x * 2, [1, 2])), list(filter(None, [0, 1, 2])), list(reversed([1, 2, 3])))
for f in (lambda: [].pop(), lambda: [1][5], lambda: (1,)[5], lambda: [1]['a'], lambda: {}['k'], lambda: [1].index(3), lambda: set().pop(), lambda: {1}.remove(4), lambda: {}.popitem(), lambda: range(3)[5], lambda: range(0, 1, 0), lambda: (1, 2, 3)[::2], lambda: hash([]), lambda: [1].sort(foo=1), lambda: dict([(1, 2, 3)])):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
