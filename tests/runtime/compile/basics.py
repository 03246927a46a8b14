x = 5
y = x * 2 + 3 ** 2 - 7 // 2 % 3
print(x, y, -x, ~x, +x, not x)
a, b = 1, 2
a, b = b, a
print(a, b)
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = (1, 2, 3)
print(a, b)
(a, (b, c)), d = (1, (2, 3)), 4
print(a, b, c, d)
l = [1, 2, 3]
l[0] = 10
l[1] += 5
print(l, l[-1], l[1:], l[::2], l[::-1], l[:2])
del l[0]
print(l)
d = {'a': 1, 'b': 2}
d['c'] = 3
print(sorted(d.items()))
s = {1, 2, 3}
print(len(s), 2 in s, 5 not in s)
t = ()
print(t, (1,), (1, 2))
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1 != 2)
print(1 and 2, 0 or 3, None or 0, [] and 1)
print('yes' if x > 3 else 'no')
print(x is None, x is not None)
big = 123456789012345678901234567890
print(big, big * 2, 0x10, 0o17, 0b101, 1_000_000, 0xdead_beef)
print(1.5, 2e3, 1/3, .5, 1e-5)
print("a\tb\\n", 'q\'s', "\x41\u00e9", b'\x00\xff', r'\n', """tri
ple""", 'imp' 'licit')
print(b'ab' b'cd', len('héllo'))
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    if n == 4:
        break
    print('n', n)
else:
    print('no')
for i in range(3):
    print('i', i)
else:
    print('done')
for i in range(10, 0, -3):
    print(i)
for i, j in [(1, 2), (3, 4)]:
    print(i + j)
for c in 'ab':
    for k in range(2):
        if k:
            break
        print(c, k)
print([i * i for i in range(5) if i % 2])
print({i: i * 2 for i in range(3)})
print(sorted({i % 3 for i in range(10)}))
print([(i, j) for i in range(3) for j in range(i)])
f = lambda a, b=2: a + b
print(f(1), f(1, 5))
print(f'{x} and {y!r:>5} {{}} {x*2}')
