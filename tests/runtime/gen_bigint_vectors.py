#!/usr/bin/env python3
"""Writes tests/runtime/bigint_vectors.txt: test vectors for src/runtime/bigint
with CPython (64-bit build) as the oracle. A maintainer tool: the test itself
(tests/runtime/bigint.test.sh) only reads the committed vector file.

    python3 tests/runtime/gen_bigint_vectors.py [OUTPUT]

One case per line: an operation, its operands, then the expected results or
an expected error (!EZERODIV, !EOVERFLOW, !ENEGATIVE, !EVALUE). Tokens:
  integers     hexadecimal with an optional '-': -1f, 0
  small counts decimal (shift counts, bases, lengths, int64 values)
  doubles      the 16 hex digits of their IEEE 754 bits
  byte strings ':' then hex, ':' alone for none
  literals     "'" then the text with bytes outside '!'..'~' and '%' written
               as %XX ("'" alone is the empty string)
The output is deterministic (fixed seed). Literals stay within ASCII digits
and " \t\n\v\f\r": CPython also accepts other Unicode digits and spaces
(\x1c-\x1f, \x85, \xa0, ...), which bigint_from_str does not.
"""

import math
import os
import random
import struct
import sys

rng = random.Random(20240521)
out_lines = []


def emit(*tokens):
    out_lines.append(" ".join(str(t) for t in tokens))


def H(x):
    """An integer token."""
    return ("-" if x < 0 else "") + format(abs(x), "x")


def D(v):
    """A double token."""
    return format(struct.unpack("<Q", struct.pack("<d", v))[0], "016x")


def lit(s):
    """A literal token."""
    out = "'"
    for ch in s.encode("latin-1"):
        if 0x21 <= ch <= 0x7E and ch != 0x25:
            out += chr(ch)
        else:
            out += "%%%02X" % ch
    return out


def B(b):
    return ":" + b.hex()


# --- operands

EDGE = [0, 1, -1, 2, -2, 3, -3]
for k in (31, 32, 33, 63, 64, 65, 95, 96, 127, 128):
    for d in (-1, 0, 1):
        EDGE += [2**k + d, -(2**k + d)]
# A smaller set for the shifts.
SHIFT_EDGE = [0, 1, -1, 2, -3] + [s * (2**k + d) for k in (32, 64, 96) for d in (-1, 0, 1)
                                  for s in (1, -1)]
EDGE += [2**256 - 1, -(2**256), 2**300 + 12345, -(3**150)]
# A smaller set for the all-pairs tests.
EDGE_PAIRS = [0, 1, -1, -3, 2**32 - 1, -(2**32), 2**32 + 1, 2**63 - 1, -(2**63), 2**64 - 1,
              -(2**64 + 1), 2**96 - 1]

SPECIAL_DIGITS = [0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE]


def rand_bits():
    r = rng.random()
    if r < 0.55:
        return rng.randint(1, 64)
    if r < 0.90:
        return rng.randint(65, 200)
    if r < 0.99:
        return rng.randint(201, 500)
    return rng.randint(501, 1500)


def rand_mag(bits=None):
    if bits is None:
        bits = rand_bits()
    if rng.random() < 0.3:
        # Digits drawn from the special values exercise carries, borrows and
        # the corrections of the division.
        ndig = (bits + 31) // 32
        x = 0
        for _ in range(ndig):
            x = x << 32 | rng.choice(SPECIAL_DIGITS + [rng.getrandbits(32)])
        return x or 1
    return rng.getrandbits(bits) | 1 << (bits - 1)


def rand_int(bits=None):
    x = rand_mag(bits)
    return -x if rng.random() < 0.5 else x


def operands(n_random, bits=None):
    for _ in range(n_random):
        yield rand_int(bits)


# --- arithmetic

def gen_binary(name, fn, n_random, both_big=False):
    for a in EDGE_PAIRS:
        for b in EDGE_PAIRS:
            emit(name, H(a), H(b), fn(a, b))
    for _ in range(n_random):
        a, b = rand_int(), rand_int()
        if rng.random() < 0.3:
            b = rng.choice(EDGE)
        if rng.random() < 0.3:
            a, b = b, a
        emit(name, H(a), H(b), fn(a, b))


def binop(op):
    return lambda a, b: H(op(a, b))


def divmod_tokens(a, b):
    if b == 0:
        return "!EZERODIV"
    q, m = divmod(a, b)
    return H(q) + " " + H(m)


def gen_arith():
    gen_binary("add", binop(lambda a, b: a + b), 50)
    gen_binary("sub", binop(lambda a, b: a - b), 50)
    gen_binary("mul", binop(lambda a, b: a * b), 50)
    # Karatsuba sizes (32 digits and more), balanced and not.
    for _ in range(3):
        a = rand_int(rng.randint(1024, 1600))
        b = rand_int(rng.randint(1024, 1600))
        emit("mul", H(a), H(b), H(a * b))
    for bits in (1056, 2048):
        a = 2**bits - 1
        emit("mul", H(a), H(a), H(a * a))
        emit("mul", H(-a), H(a + 2), H(-a * (a + 2)))
    gen_binary("divmod", divmod_tokens, 60)
    # Dividends longer than divisors, divisors of 1 and 2+ digits, exact
    # divisions, and the add-back case of algorithm D.
    for _ in range(60):
        b = rand_int(rng.choice([rng.randint(1, 32), rng.randint(33, 64), rng.randint(65, 300)]))
        a = rand_int(abs(b).bit_length() + rng.randint(0, 300))
        if rng.random() < 0.15:
            a = b * rand_int(rng.randint(1, 200))
        emit("divmod", H(a), H(b), divmod_tokens(a, b))
    for a, b in [
        (0x7FFF800000000000 << 64, 0x800000000001 << 32 | 0xFFFF),
        (0x8000000000000000 << 96, 0x8000000000000001 << 32 | 0xFFFFFFFF),
        (2**128 - 1, 2**64 - 1),
        (2**192 - 2**160, 2**128 - 1),
        (0xFFFFFFFF_00000000_FFFFFFFF_00000000, 0xFFFFFFFF_FFFFFFFF),
        (3 << 190, (1 << 95) + 1),
        (2**1200 - 1, 2**600 + 1),
    ]:
        for sa, sb in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
            emit("divmod", H(sa * a), H(sb * b), divmod_tokens(sa * a, sb * b))
    for a in EDGE:
        emit("neg", H(a), H(-a))
        emit("abs", H(a), H(abs(a)))
        emit("invert", H(a), H(~a))
    for _ in range(60):
        a = rand_int()
        op = rng.choice(["neg", "abs", "invert"])
        emit(op, H(a), H({"neg": -a, "abs": abs(a), "invert": ~a}[op]))
    gen_binary("cmp", lambda a, b: (a > b) - (a < b), 40)
    for _ in range(30):
        a = rand_int()
        emit("cmp", H(a), H(a), 0)
        emit("cmp", H(a), H(a + 1), -1)


def gen_pow():
    for a in [0, 1, -1, 2, -2, 3, -3, 2**32, -(2**32), 7**20, -(2**31 + 1)]:
        for e in [0, 1, 2, 3, 5, 31, 32, 33, 64, 100]:
            if abs(a).bit_length() * e <= 1200:
                emit("pow", H(a), H(e), H(a**e))
    for a in [0, 1, -1, 2, 5]:
        emit("pow", H(a), H(-1), "!EVALUE")
    emit("pow", H(1), H(2**100), H(1))
    emit("pow", H(-1), H(2**100 + 1), H(-1))
    emit("pow", H(0), H(2**100), H(0))
    emit("pow", H(-(2**64)), H(7), H((-(2**64)) ** 7))
    for _ in range(25):
        a = rand_int(rng.randint(2, 200))
        e = rng.randint(0, 1000 // abs(a).bit_length())
        emit("pow", H(a), H(e), H(a**e))
    # pow(a, e, m)
    for a, e, m in [(2, 10, 1000), (2, 10, -1000), (-2, 3, 5), (-2, 3, -5), (0, 0, 7),
                    (5, 0, 1), (5, 0, -1), (0, -1, 1), (4, -1, 1), (3, 5, 0), (0, 0, 0),
                    (38, -1, 97), (-38, -1, 97), (38, -1, -97), (2, -3, 7), (6, -1, 9),
                    (0, -1, 7), (2**100, -1, 2**89 - 1), (3, 2**70, 2**61 - 1)]:
        emit("powmod", H(a), H(e), H(m), powmod_tokens(a, e, m))
    for _ in range(50):
        a = rand_int(rng.randint(1, 250))
        e = rand_mag(rng.randint(1, 150))
        if rng.random() < 0.2:
            e = -e
        m = rand_int(rng.randint(1, 250))
        emit("powmod", H(a), H(e), H(m), powmod_tokens(a, e, m))
    # gcd
    for a in EDGE_PAIRS[:8]:
        for b in EDGE_PAIRS[:8]:
            emit("gcd", H(a), H(b), H(math.gcd(a, b)))
    for _ in range(50):
        c = rand_int(rng.randint(1, 200))
        a, b = c * rand_int(rng.randint(1, 300)), c * rand_int(rng.randint(1, 300))
        emit("gcd", H(a), H(b), H(math.gcd(a, b)))


def powmod_tokens(a, e, m):
    try:
        return H(pow(a, e, m))
    except ValueError:
        return "!EVALUE"


# --- bits

def gen_bits():
    for a in SHIFT_EDGE:
        for n in (0, 1, 32, 33, 65):
            emit("shl", H(a), n, H(a << n))
            emit("shr", H(a), n, H(a >> n))
    for _ in range(40):
        a = rand_int()
        n = rng.randint(0, abs(a).bit_length() + 40)
        emit("shl", H(a), n, H(a << n))
        emit("shr", H(a), n, H(a >> n))
    # Negative numbers whose low bits are all zero (nothing lost) and not.
    for k in (32, 64, 96):
        for n in (k - 1, k, k + 1):
            emit("shr", H(-(2**k)), n, H(-(2**k) >> n))
            emit("shr", H(-(2**k) - 1), n, H((-(2**k) - 1) >> n))
    emit("shr", H(-(2**64 - 1)), 32, H(-(2**64 - 1) >> 32))
    gen_binary("and", binop(lambda a, b: a & b), 45)
    gen_binary("or", binop(lambda a, b: a | b), 45)
    gen_binary("xor", binop(lambda a, b: a ^ b), 45)
    for a in EDGE:
        emit("bitlen", H(a), abs(a).bit_length())
        emit("bitcount", H(a), bin(a).count("1"))
    for _ in range(30):
        a = rand_int()
        emit("bitlen", H(a), abs(a).bit_length())
        emit("bitcount", H(a), bin(a).count("1"))


# --- machine integers

def gen_machine():
    I64_MIN, I64_MAX, U64_MAX = -(2**63), 2**63 - 1, 2**64 - 1
    values = EDGE + [I64_MIN, I64_MIN - 1, I64_MAX, I64_MAX + 1, U64_MAX, U64_MAX + 1]
    values += [rand_int(rng.randint(1, 80)) for _ in range(40)]
    for a in values:
        emit("i64", H(a), a if I64_MIN <= a <= I64_MAX else "!EOVERFLOW")
        emit("u64", H(a), "!ENEGATIVE" if a < 0 else a if a <= U64_MAX else "!EOVERFLOW")
        emit("u64wrap", H(a), a & U64_MAX)
    for v in [0, 1, -1, I64_MIN, I64_MAX, 2**32, -(2**32), 2**31 - 1] + \
            [rng.randint(I64_MIN, I64_MAX) for _ in range(20)]:
        emit("seti64", v, H(v))
    for v in [0, 1, U64_MAX, 2**63, 2**32 - 1] + [rng.randint(0, U64_MAX) for _ in range(10)]:
        emit("setu64", v, H(v))


# --- floats

def to_double_tokens(a):
    try:
        return D(float(a))
    except OverflowError:
        return "!EOVERFLOW"


def from_double_tokens(d):
    try:
        return H(int(d))
    except OverflowError:
        return "!EOVERFLOW"
    except ValueError:
        return "!EVALUE"


def truediv_tokens(a, b):
    try:
        return D(a / b)
    except ZeroDivisionError:
        return "!EZERODIV"
    except OverflowError:
        return "!EOVERFLOW"


def gen_floats():
    MAXD = 2**1024 - 2**971
    ints = EDGE + [2**53 - 1, 2**53, 2**53 + 1, 2**53 + 2, 2**53 + 3, 2**54 + 2, 2**54 + 6,
                   2**64 - 1, MAXD, MAXD + 2**969 - 1, MAXD + 2**969, MAXD + 2**970, 2**1024,
                   -MAXD, -(MAXD + 2**970)]
    # Ties and near-ties at random exponents.
    for _ in range(35):
        m = rng.getrandbits(53) | 1 << 52
        k = rng.randint(1, 200)
        base = m << k
        half = 1 << (k - 1)
        ints.append(rng.choice([base + half, base + half - 1, base + half + 1, base + 1]))
    for a in ints:
        emit("todouble", H(a), to_double_tokens(a))
        emit("todouble", H(-a), to_double_tokens(-a))
    for a in [rand_int() for _ in range(30)]:
        emit("todouble", H(a), to_double_tokens(a))
    doubles = [0.0, -0.0, 0.5, -0.5, 0.999999, 1.0, -1.0, 1.5, -1.5, 2.0**52 + 0.5, 2.0**53,
               1e308, -1e308, sys.float_info.max, 5e-324, 2.2250738585072014e-308,
               float("inf"), float("-inf"), float("nan"), 123456789.987654321, 2.0**63,
               -(2.0**63), 2.0**64, 2.0**64 * 3]
    doubles += [struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
                for _ in range(40)]
    doubles += [rng.uniform(-1e20, 1e20) for _ in range(20)]
    for d in doubles:
        emit("fromdouble", D(d), from_double_tokens(d))
    # Exact comparisons: the ints next to each double, and random ones.
    cmp_cases = []
    for d in doubles[:24] + doubles[-20:]:
        if d != d:
            cmp_cases.append((rand_int(), d))
        elif math.isinf(d):
            cmp_cases += [(rand_int(), d), (2**1030, d), (-(2**1030), d)]
        else:
            i = int(d)
            cmp_cases += [(i + delta, d) for delta in (-1, 0, 1)]
    for a in [2**53 + 1, 2**1000 + 1, -(2**64) - 1, 3]:
        cmp_cases += [(a, float(a)), (a, -float(a))]
    for d, a in [(0.5, 0), (-0.5, 0), (-0.5, -1), (1e-300, 0), (-0.0, 0), (2.5, 2), (2.5, 3)]:
        cmp_cases.append((a, d))
    for a, d in cmp_cases:
        c = "!EVALUE" if d != d else (a > d) - (a < d)
        emit("cmpdouble", H(a), D(d), c)
    pairs = [(0, 1), (0, -1), (1, 0), (0, 0), (1, 3), (-1, 3), (2, 3), (10**30, 7),
             (2**1100, 3), (2**1024, 1), (2**1023, 1), (MAXD, 1), (MAXD + 2**970, 1),
             (1, 2**1074), (1, 2**1075), (3, 2**1076), (1, 3 * 2**1073), (2**53 + 1, 1),
             (1, 2**1022 + 1), (2**60 + 1, 2**1100)]
    for _ in range(60):
        a, b = rand_int(), rand_int()
        if rng.random() < 0.12:
            # Tiny or huge quotients, subnormals included.
            if rng.random() < 0.5:
                b = rand_int(abs(a).bit_length() + rng.randint(1000, 1100))
            else:
                a = rand_int(abs(b).bit_length() + rng.randint(1000, 1030))
        pairs.append((a, b))
    for a, b in pairs:
        emit("truediv", H(a), H(b), truediv_tokens(a, b))


# --- text

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(x, base, upper=False):
    if base == 10:
        s = str(abs(x))
    elif base == 16:
        s = format(abs(x), "x")
    else:
        s, y = "", abs(x)
        while True:
            y, d = divmod(y, base)
            s = DIGITS[d] + s
            if y == 0:
                break
    if upper:
        s = s.upper()
    return s


def to_str_token(a, base, flags):
    s = to_base(a, base, "u" in flags)
    if "p" in flags and base in (2, 8, 16):
        p = {2: "0b", 8: "0o", 16: "0x"}[base]
        s = (p.upper() if "u" in flags else p) + s
    # Check against Python's own formatting where it has one.
    if base in (2, 8, 10, 16):
        spec = ("#" if "p" in flags else "") + {2: "b", 8: "o", 10: "d", 16: "x"}[base]
        ref = format(a, spec)
        if "u" in flags:
            ref = ref.upper()
        assert ref == ("-" if a < 0 else "") + s, (a, base, flags)
    return ("-" if a < 0 else "") + s


def from_str_tokens(s, base):
    try:
        return H(int(s, base))
    except ValueError:
        return "!EVALUE"


def gen_text():
    for a in EDGE[:24] + [rand_int(rng.randint(1, 200)) for _ in range(24)]:
        for base in (2, 8, 10, 16):
            for flags in ("-", "p", "u", "pu"):
                if flags != "-" and rng.random() < 0.7:
                    continue
                if base == 2 and abs(a).bit_length() > 100:
                    continue
                emit("tostr", H(a), base, flags, to_str_token(a, base, flags))
    for a in [rand_int() for _ in range(40)]:
        base = rng.randint(2, 36)
        emit("tostr", H(a), base, "-", to_str_token(a, base, ""))
    a = rand_int(1500)
    for base in (3, 7, 10, 36):
        emit("tostr", H(a), base, "-", to_str_token(a, base, ""))
    literals = [
        ("0", 0), ("00", 0), ("0_0", 0), ("010", 0), ("0_7", 0), ("1_000", 0), ("1__000", 0),
        ("_1", 0), ("1_", 0), ("0x", 0), ("0x_", 0), ("0x_1f", 0), ("0x__1f", 0), ("0X1F", 0),
        ("0o17", 0), ("0O17", 0), ("0b101", 0), ("0B101", 0), ("0b102", 0), ("0o8", 0),
        ("0b", 0), ("0_b1", 0), ("-0x10", 0), ("+0x10", 0), ("- 1", 0), ("+-1", 0), ("-", 0),
        ("", 0), ("   ", 0), ("  42  ", 0), ("\t\n\v\f\r-7\r\n", 0), ("4 2", 0), ("1.5", 0),
        ("1e5", 0), ("0x1g", 0), ("12", 10), ("012", 10), ("0x1f", 16), ("1f", 16),
        ("0x", 16), ("0b1", 16), ("0b1", 2), ("0o17", 8), ("0o17", 16), ("0x10", 8),
        ("z", 36), ("Z", 36), ("zz_zz", 36), ("10", 2), ("2", 2), ("-0", 10), ("+0", 16),
        ("1_0", 16), ("0_1", 16), ("0_x1", 16), ("10", 3), ("9", 9), ("8", 9), ("1\x00", 10),
        ("\x001", 10), ("0b_1", 2), ("0b__1", 2), ("0_", 0), ("1 ", 36), ("x", 33),
        ("-_1", 10), ("-1_", 10), ("123456789012345678901234567890", 0),
        ("-0o7777777777777777777777777", 0), ("0x" + "f" * 70, 0),
    ]
    for s, base in literals:
        emit("fromstr", base, lit(s), from_str_tokens(s, base))
    for base in (0, 1, 37, 100):
        emit("fromstr", base, lit("1"), "!EVALUE" if base else H(1))
    for _ in range(70):
        a = rand_int(rng.choice([rng.randint(1, 100), rng.randint(100, 500)]))
        base = rng.choice([2, 8, 10, 16, 0, 0, 3, 5, 7, 12, 32, 36, rng.randint(2, 36)])
        shown = base if base else rng.choice([2, 8, 10, 16])
        s = to_base(a, shown, rng.random() < 0.3)
        if base in (0, 2, 8, 16) and shown != 10 and (base == 0 or rng.random() < 0.5):
            p = {2: "0b", 8: "0o", 16: "0x"}[shown]
            s = (p.upper() if rng.random() < 0.3 else p) + ("_" if rng.random() < 0.2 else "") + s
        if rng.random() < 0.4:
            # Underscores between digits, sometimes doubled or at an end.
            chars = list(s)
            for _ in range(rng.randint(1, 4)):
                chars.insert(rng.randint(0, len(chars)), rng.choice(["_", "_", "_", "__"]))
            s = "".join(chars)
        if rng.random() < 0.2:
            s = rng.choice([" ", "\t", "\n", "  "]) + s + rng.choice(["", " ", "\r\n"])
        sign = "-" if a < 0 else rng.choice(["", "", "+"])
        s = sign + s
        emit("fromstr", base, lit(s), from_str_tokens(s, base))


# --- bytes and hash

def to_bytes_tokens(a, n, order, signed):
    try:
        return B(a.to_bytes(n, order, signed=signed))
    except OverflowError as e:
        return "!ENEGATIVE" if "negative" in str(e) else "!EOVERFLOW"


def gen_bytes():
    cases = []
    for a in EDGE[:40]:
        cases.append((a, max(0, (abs(a).bit_length() + 7) // 8 + rng.randint(-1, 2))))
    for k in (8, 16, 32, 64):
        for a in (2**(k - 1) - 1, 2**(k - 1), -(2**(k - 1)), -(2**(k - 1)) - 1, 2**k - 1, 2**k):
            cases.append((a, k // 8))
    for _ in range(40):
        a = rand_int(rng.randint(1, 200))
        cases.append((a, max(0, (abs(a).bit_length() + 7) // 8 + rng.randint(-1, 3))))
    cases += [(0, 0), (-1, 0), (1, 0), (-1, 1), (255, 1), (-128, 1), (-129, 1)]
    for a, n in cases:
        order = rng.choice(["big", "little"])
        for signed in (False, True):
            emit("tobytes", H(a), n, order, int(signed), to_bytes_tokens(a, n, order, signed))
    blobs = [b"", b"\x00", b"\x80", b"\xff", b"\x7f", b"\x00\x80", b"\x80\x00", b"\xff" * 9,
             b"\x80" + b"\x00" * 8, b"\x00" * 5 + b"\x01"]
    blobs += [rng.randbytes(rng.randint(1, 40)) for _ in range(30)]
    for blob in blobs:
        for order in ("big", "little"):
            for signed in (False, True):
                emit("frombytes", B(blob), order, int(signed),
                     H(int.from_bytes(blob, order, signed=signed)))


def gen_hash():
    assert sys.hash_info.width == 64 and sys.hash_info.modulus == 2**61 - 1
    P = 2**61 - 1
    values = EDGE + [P - 1, P, P + 1, -P, 2 * P, P * P, -(2**61), 2**61, 2**122 - 1]
    values += [rand_int() for _ in range(40)]
    for a in values:
        emit("hash", H(a), hash(a))
    for v in [0, 1, -1, -2, P, -P, P - 1, 2**63 - 1, -(2**63), 2**61] + \
            [rng.randint(-(2**63), 2**63 - 1) for _ in range(10)]:
        emit("hashi64", v, hash(v))
    doubles = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.0**61, 2.0**100, -(2.0**100), 1e308,
               5e-324, 1e-300, float("inf"), float("-inf"), 3.141592653589793,
               float(2**64 - 1), float(-(2**63))]
    doubles += [struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
                for _ in range(40)]
    for d in doubles:
        if d != d:
            continue  # NaN: identity-based in CPython >= 3.10
        emit("hashdouble", D(d), hash(d))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "bigint_vectors.txt")
    gen_arith()
    gen_pow()
    gen_bits()
    gen_machine()
    gen_floats()
    gen_text()
    gen_bytes()
    gen_hash()
    with open(path, "w") as f:
        f.write("# Test vectors for src/runtime/bigint, written by gen_bigint_vectors.py\n")
        f.write("# (CPython %d.%d is the oracle). Do not edit by hand.\n"
                % sys.version_info[:2])
        for line in out_lines:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
