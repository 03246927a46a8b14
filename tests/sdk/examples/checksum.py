import array
import checksum

print(checksum.crc32(b"hello"), checksum.adler32(b"hello"))
print(checksum.crc32(b""), checksum.adler32(b""))
print(checksum.crc32(b"hello world" * 100), checksum.adler32(b"x" * 10000))
print(checksum.crc32(b"lo", checksum.crc32(b"hel")), checksum.adler32(b"lo", checksum.adler32(b"hel")))
print(checksum.crc32("hello"), checksum.crc32(bytearray(b"hello")))
print(checksum.crc32(array.array("B", [104, 101, 108, 108, 111])))
try:
    checksum.crc32(5)
except TypeError:
    print("TypeError")
