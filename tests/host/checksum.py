# checksum: several C files; data read through the buffer protocol.
import array
import checksum

print(checksum.crc32(b"hello"), checksum.adler32(b"hello"))
print(checksum.crc32(b""), checksum.adler32(b""))
print(hex(checksum.crc32(b"The quick brown fox jumps over the lazy dog")))
print(checksum.adler32(b"Wikipedia"), hex(checksum.adler32(b"Wikipedia")))
data = bytes(range(256)) * 40
print(checksum.crc32(data), checksum.adler32(data))
# Running checksums over pieces equal the one-shot value.
c = a = None
for i in range(0, len(data), 1000):
    piece = data[i:i + 1000]
    c = checksum.crc32(piece) if c is None else checksum.crc32(piece, c)
    a = checksum.adler32(piece) if a is None else checksum.adler32(piece, a)
print(c == checksum.crc32(data), a == checksum.adler32(data))
print(checksum.crc32("hello") == checksum.crc32(bytearray(b"hello")))
print(checksum.crc32(array.array("B", [104, 101, 108, 108, 111])) == checksum.crc32(b"hello"))
print(checksum.crc32(memoryview(b"xhellox")[1:6]) == checksum.crc32(b"hello"))
for bad in (5, None, [1, 2]):
    try:
        checksum.crc32(bad)
    except TypeError:
        print("TypeError", type(bad).__name__)
