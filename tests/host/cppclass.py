# cppclass: a module in C++: constructors of global objects run on import,
# in order; new and delete; a second import builds fresh objects.
import gc
import sys
import cppclass

print(cppclass.order())
print(cppclass.tick(), cppclass.tick())
print(cppclass.sum_limited([5, 10, 20, 40], 40), cppclass.sum_limited([], 3))
print(cppclass.sum_limited_bytes(b"\x05\x0a\x14", 20), cppclass.sum_limited_bytes(b"", 9))
print(cppclass.primes(0), cppclass.primes(10))
print(cppclass.area("s", 4), cppclass.area("r", 3, 5))
for bad in (("x", 1), ("ss", 2)):
    try:
        cppclass.area(*bad)
    except ValueError as e:
        print("ValueError", e)
try:
    cppclass.primes(11)
except ValueError as e:
    print("ValueError", e)
print(cppclass.kept())
cppclass.keep(7)
# Garbage over the freed memory; no more than fits in a small heap
# (MicroPython's QEMU firmware has 140 KB), the last round's freed first.
for _ in range(3):
    junk = None
    gc.collect()
    junk = [bytes(48) for _ in range(min(3000, gc.mem_free() // 128))]
print(cppclass.kept())

del sys.modules["cppclass"]
import cppclass as again

print(again is cppclass)
print(again.order(), again.tick(), again.kept())
print(cppclass.tick())
