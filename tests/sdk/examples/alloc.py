import gc
import alloc

print(alloc.primes(30), len(alloc.primes(10000)), alloc.primes(1))
print(alloc.repeat(b"ab", 3), alloc.repeat(b"", 5), alloc.repeat("xyz", 0))
print(alloc.join([b"x", b"yz"]), alloc.join((b"a" * 10, bytearray(b"b" * 20), "c" * 3)))
print(alloc.join([]), len(alloc.join([b"k" * 100] * 100)))
# Lots of allocation and collection: the C-side buffers must stay valid.
keep = [alloc.repeat(b"q", 100) for _ in range(50)]
for i in range(100):
    alloc.primes(1000)
    gc.collect()
print(all(k == bytearray(b"q" * 100) for k in keep))
try:
    alloc.repeat(b"ab", 1 << 28)
except MemoryError:
    print("MemoryError")
try:
    alloc.repeat(b"ab", -1)
except ValueError as e:
    print("ValueError", e)
