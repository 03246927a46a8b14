# Constants of every kind the object table holds, and the operators.
small = (0, 1, -1, 47, -16, 48, -17, 63, 64, -64, -65, 8191, -8192, 1 << 20)
big = 12345678901234567890123
neg_big = -98765432109876543210
ratio = 3.25
tiny = 1e-300
imag = 2.5j
mixed = (1, "two", b"three", 4.0, None, True, False, ...)
text = "caf\xe9 \u2603 tab\tnewline\n quote' dquote\" backslash\\"
blob = b"\x00\x01\xfe\xff bytes"
empty = ("", b"", ())


def arith(a, b):
    r = [a + b, a - b, a * b, a / b, a // b, a % b, a**2, -a, +a, ~a]
    r += [a & b, a | b, a ^ b, a << 2, a >> 1, not a]
    r += [a < b, a > b, a == b, a <= b, a >= b, a != b]
    r += [a in (b,), a not in [b], a is b, a is not b]
    x = a
    x += b
    x -= 1
    x *= 3
    x //= 2
    x %= 100
    x **= 2
    x <<= 1
    x >>= 1
    x &= 0xFFFF
    x |= 1
    x ^= 3
    y = float(x)
    y /= 2
    return r, x, y


def containers(n):
    lst = [i * i for i in range(n)]
    dct = {i: str(i) for i in range(n)}
    st = {i % 3 for i in range(n)}
    gen = sum(i for i in range(n) if i & 1)
    sl = lst[1:n:2]
    lst[0] = -1
    del lst[1]
    a, b, *rest = lst
    *init, last = lst
    (p, q), r = (1, 2), 3
    d = {"k": 1, "j": [1, 2], 3: (4,)}
    d["new"] = d.get("k", 0) + len(st)
    del d["j"]
    return lst, sorted(dct.items()), sorted(st), gen, sl, a, b, rest, init, last, p, q, r, d


print("values", small, big, neg_big, ratio, tiny, imag, mixed)
print(repr(text), blob, empty)
print(arith(7, 3))
print(containers(6))
