# Constants, arithmetic, locals, globals, control flow.
x = 5
y = -3
big = 12345678901234567890
print(x + y, x * y, x // 2, x % 3, -x, ~x, not x)
print(big * 3, 2 ** 70)
print(1.5, 2.5 * 2, "str", b"bytes", (1, "a", None), ..., True, False)
s = 0
for i in range(10):
    if i == 7:
        break
    if i % 2:
        continue
    s += i
print("s", s)
n = 0
while n < 100:
    n = n * 2 + 1
else:
    print("while-else", n)
print([i * i for i in range(5)], {i: i + 1 for i in range(3)}, {1, 2, 2})
a, b, *rest = [1, 2, 3, 4, 5]
print(a, b, rest)
t = (1, 2, 3)
print(t[1:], t[:-1], t[0], len(t))
d = {"k": 1}
d["j"] = 2
del d["k"]
print(d, "j" in d, 3 if x > 3 else 4, x > 3 and y < 0, x < 3 or y)
g = 1
def setg():
    global g
    g = 2
setg()
print("g", g)
del g
try:
    g
except NameError as e:
    print("NameError", e)
lst = [3, 1, 2]
lst.sort()
print(lst, lst.pop(), lst)
def local_unbound():
    if False:
        q = 1
    return q
try:
    local_unbound()
except NameError as e:
    print(e)
