# struct: calcsize, pack, pack_into, unpack, unpack_from (MicroPython v1.21).
# Only what is the same on 32- and 64-bit hosts: standard sizes ('<', '>',
# '!'), and native ('@') sizes and alignment of b, h and i.
import struct


def t(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e)


print(struct.__name__)
print(struct.unpack is struct.unpack_from)

# calcsize: byte orders, counts, padding, strings, native alignment
for fmt in ("", "b", "<b", ">h", "!i", "<l", ">q", "<f", ">d", "<3h", "<10s", "<x", "<5x",
            "<0i", "<bhiq", "@b", "@h", "@i", "@bh", "@bi", "@hi", "@bbi", "@ib", "@2b2h",
            "bi", "b0i", "b0h", "@bhi", "2s3x", b"<hh", "<20sb"):
    t(struct.calcsize, fmt)

# bad formats: unknown typecodes, '=' (no sizes in MicroPython), a trailing
# count, spaces; a format that is neither str nor bytes
for fmt in ("z", "<?", "e", "n", "=i", "=", "=3s", "2", "<2", " i", "i ", "<i h"):
    t(struct.calcsize, fmt)
t(struct.calcsize, 1)
t(struct.calcsize, None)

# pack: every typecode, both byte orders
for fmt, v in (("b", -128), ("B", 255), ("h", -2), ("H", 65535), ("i", -3), ("I", 4294967295),
               ("l", -4), ("L", 4294967294), ("q", -5), ("Q", 18446744073709551615),
               ("f", 1.5), ("d", -0.1)):
    print(fmt, struct.pack("<" + fmt, v), struct.pack(">" + fmt, v), struct.pack("!" + fmt, v))

# pack: native order and alignment for the sizes common to all hosts
print(struct.pack("@bh", 1, 2), len(struct.pack("@bh", 1, 2)))
print(struct.pack("@bi", 1, 2)[1:4], len(struct.pack("@bi", 1, 2)))
print(struct.unpack("@bhi", struct.pack("@bhi", -1, -2, -3)))

# wrapping of too big or negative values (MicroPython keeps the low bytes)
t(struct.pack, "<b", 300)
t(struct.pack, "<B", -1)
t(struct.pack, "<h", 2 ** 31)
t(struct.pack, "<h", -(2 ** 40))
t(struct.pack, "<i", 2 ** 31)
t(struct.pack, "<b", 2 ** 100)
t(struct.pack, "<i", 2 ** 70)
t(struct.pack, "<Q", -1)
t(struct.pack, "<q", 2 ** 64 - 1)
t(struct.pack, ">q", -(2 ** 63))
t(struct.pack, ">Q", 2 ** 63 + 5)
t(struct.pack, "<i", True)

# type errors
t(struct.pack, "<i", 1.5)
t(struct.pack, "<i", "1")
t(struct.pack, "<f", "x")
t(struct.pack, "<i", None)
t(struct.pack, "<3s", 1)

# floats: from ints too; single precision rounds
t(struct.pack, "<f", 1)
t(struct.pack, ">d", 2)
print(struct.unpack("<f", struct.pack("<f", 0.1)))
print(struct.unpack(">d", struct.pack(">d", 0.1)))
print(struct.unpack("<d", struct.pack("<d", float("inf"))))

# counts: missing values stay zero, extra ones are ignored
t(struct.pack, "<i")
t(struct.pack, "<i", 1, 2)
t(struct.pack, "<2i", 1)
t(struct.pack, "<3h", 1, 2, 3)
t(struct.pack, "<bx", 1)
t(struct.pack, "<2x")
t(struct.pack, "<x2b", 7, 8)

# strings: padded with zeros or cut; str values are taken as their bytes
t(struct.pack, "<3s", b"ab")
t(struct.pack, "<3s", b"abcdef")
t(struct.pack, "<3s", "ab")
t(struct.pack, "<s", b"abc")
t(struct.pack, "<0s", b"abc")
t(struct.pack, "<2sh3s", b"xy", 258, bytearray(b"z"))

# unpack: tuples, signedness, big Q and q values
print(struct.unpack("<bBhH", b"\xff\xff\xfe\xff\xfe\xff"))
print(struct.unpack(">iI", b"\xff\xff\xff\xfd\xff\xff\xff\xfd"))
print(struct.unpack("<lL", b"\x00\x00\x00\x80\x00\x00\x00\x80"))
print(struct.unpack("<qQ", b"\xff" * 16))
print(struct.unpack(">qQ", b"\x80" + b"\x00" * 7 + b"\x80" + b"\x00" * 7))
print(struct.unpack("<Q", b"\x01\x02\x03\x04\x05\x06\x07\x08"))
print(struct.unpack("<3s2x", b"abcde"))
print(struct.unpack("<2s2sb", b"abcd\x05"))
print(struct.unpack("<2x", b"ab"))
print(struct.unpack("", b""))
print(struct.unpack("<i", "abcd"))
print(struct.unpack("<h", bytearray(b"\x01\x02")))
print(struct.unpack("<h", memoryview(b"\x03\x04")))

# unpack takes a buffer that is long enough, not only one that fits exactly
t(struct.unpack, "<i", b"12345")
t(struct.unpack, "<i", b"123")
t(struct.unpack, "<i", 5)

# unpack_from: offsets, negative ones from the end
t(struct.unpack_from, "<h", b"123456", 2)
t(struct.unpack_from, "<h", b"123456", -2)
t(struct.unpack_from, "<h", b"123456", -6)
t(struct.unpack_from, "<h", b"123456", -7)
t(struct.unpack_from, "<h", b"123456", 5)
t(struct.unpack_from, "<h", b"123456", 6)
t(struct.unpack_from, "<h", b"123456", 100)
t(struct.unpack_from, "<h", b"123456", 4)

# pack_into
b = bytearray(8)
t(struct.pack_into, "<hh", b, 2, 1, 2)
print(b)
t(struct.pack_into, ">hh", b, -4, 3, 4)
print(b)
t(struct.pack_into, "<hh", b, -9, 3, 4)
t(struct.pack_into, "<hh", b, 6, 3, 4)
t(struct.pack_into, "<hh", b, 5, 3, 4)
t(struct.pack_into, "<hh", b"12345678", 0, 3, 4)
print(b)
# values run out: what follows (even padding) stays as it was
b = bytearray(b"\xff" * 6)
struct.pack_into("<bxh", b, 0, 1)
print(b)
struct.pack_into("<4s", b, 2, b"ab")
print(b)

# round trips
for fmt, vals in (("<bhiq", (-1, -300, -70000, -(2 ** 40))), (">BHIQ", (200, 60000, 4000000000, 2 ** 63)),
                  ("!fd", (0.5, 1e300)), ("<5s3b", (b"hello", 1, 2, 3))):
    print(struct.unpack(fmt, struct.pack(fmt, *vals)) == vals)

# arguments
t(struct.pack)
t(struct.unpack, "<i")
t(struct.unpack, "<i", b"1234", 0, 0)
t(struct.pack_into, "<i", bytearray(4))
