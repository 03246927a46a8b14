# Comparisons as MicroPython v1.21 makes them: str subclasses, bytes against
# any buffer, arrays by item layout, NotImplemented from binary methods.
import array
class S(str):
    pass
print(S("ab") == "ab", "ab" == S("ab"), S("ab") != "ab", S("a") == "b")
print(b"a" < bytearray(b"b"), b"abc" == bytearray(b"abc"), b"ab" >= memoryview(b"ab"), b"a" + "b")
print(bytearray(b"abc") == "abc", bytearray(b"a") < b"b", b"b" in bytearray(b"abc"), b"b" in memoryview(b"abc"))
print(array.array("h", [1, 2]) == array.array("H", [1, 2]), array.array("B", [1]) < array.array("B", [2]))
for a, b in (("b", "h"), ("f", "f"), ("i", "I")):
    try:
        print(array.array(a, [1]) < array.array(b, [1]))
    except NotImplementedError:
        print("NotImplementedError", a, b)
try:
    print(1 in array.array("b", [1]))
except NotImplementedError:
    print("NotImplementedError in")
print("12" in array.array("B", b"12"), [] in array.array("B", b"12"))
print(bytearray(b",").join([b"a", bytearray(b"b")]), b"-".join([bytearray(b"x")]))
try:
    memoryview(b"") + b""
except TypeError:
    print("TypeError +")
try:
    {}[:] = 1
except TypeError:
    print("TypeError slice hash")
class C:
    def __add__(self, o):
        return NotImplemented
    def __neg__(self):
        return NotImplemented
try:
    C() + 1
except TypeError:
    print("TypeError NotImplemented")
print(-C(), type(NotImplemented), type(...), hash(NotImplemented) == hash(NotImplemented))
print("%s %(k)s" % {"k": 1})
try:
    print("%(k)s %s" % {"k": 1})
except TypeError:
    print("TypeError format")
print("a\r\nb\rc\n".splitlines(keepends=True), b"x\ny".splitlines(True), "p\nq".splitlines())
print(eval(bytearray(b"1 + 1")), eval(memoryview(b"2 * 3")))
exec(bytearray(b"print('exec', 7)"))
