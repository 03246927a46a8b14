import sdkapi as A

print(A.ABI)
for o in (1, -5, "abc", "not a static qstr " + "x", True, None, 1.5, [1], 2**70, b"x"):
    print(repr(o)[:12], A.kinds(o))
print(A.ints())
print(A.iterate([1, 2]), A.iterate("ab"), A.iterate(range(3)), A.iterate({}))
print(A.buflen(b"abc"), A.buflen(bytearray(5)), A.buflen(5), A.buflen([1]))
print(A.sum3((1, 2, 3)), A.sum3(["a", "b", "c"]))
try:
    A.sum3([1, 2])
except ValueError as e:
    print("ValueError", e)
print(A.containers())
print(A.strings("hello"), A.strings(b"by"))
print(A.upper("abc"), A.byteorder())
print(A.calls(lambda *a: len(a)))
print(A.kw(1), A.kw(1, 2, x=3, y=4), A.three(1, 2, 3), A.var(), A.var(1, 2, 3))
print(A.raw(), A.raw(1, 2))
try:
    A.raw(1, 2, 3, 4, 5)
except TypeError:
    print("TypeError")
A.printing(1)
try:
    A.fmt_error(7)
except ValueError as e:
    print("ValueError", e)
for k in range(10):
    try:
        getattr(A, "raise")(k)
    except BaseException as e:
        print(k, type(e).__name__, e.args)
e = A.exc_args()
print(type(e).__name__, e.args)


def boom():
    raise KeyError("boom")


print(A.nested(lambda: None), A.nested(boom))
print(A.memory())
v = A.value(5)
print(v, -v, bool(v), bool(A.value(0)), type(v).__name__)


class Sub(A.value):
    pass


print(A.native(v), A.native(Sub(9)), A.native(3))
s = A.Source(b"line one\nline two\nrest")
print(A.protocols(s), s.readline(), s.read(4), list(s))
buf = bytearray(3)
s2 = A.Source("abcdef")
print(s2.readinto(buf), buf, s2.read())
