# alloc: C code allocating on the heap while the collector runs.
import gc
import alloc

print(alloc.primes(30), len(alloc.primes(10000)), alloc.primes(1), alloc.primes(2))
print(alloc.repeat(b"ab", 3), alloc.repeat(b"", 5), alloc.repeat("xyz", 0))
print(type(alloc.repeat(b"a", 1)).__name__, type(alloc.join([])).__name__)
print(alloc.join([b"x", b"yz"]), alloc.join((b"a" * 10, bytearray(b"b" * 20), "c" * 3)))
print(alloc.join([]), len(alloc.join([b"k" * 100] * 100)))
keep = [alloc.repeat(b"q", 100) for _ in range(50)]
junk = []
for i in range(200):
    junk.append(alloc.primes(500))
    if i % 20 == 0:
        junk = []
        gc.collect()
print(all([k == bytearray(b"q" * 100) for k in keep]), sum([len(j) for j in junk]))
big = alloc.repeat(b"0123456789", 10000)
gc.collect()
print(len(big), big[:12], big[-3:])
try:
    alloc.repeat(b"ab", 1 << 28)
except MemoryError:
    print("MemoryError")
try:
    alloc.repeat(b"ab", -1)
except ValueError as e:
    print("ValueError", e)
