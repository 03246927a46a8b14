# jsontok: an external C library (jsmn) compiled into the module.
import jsontok as J

print(J.ARRAY, J.OBJECT, J.STRING, J.PRIMITIVE)
print(J.tokens('[1, "two"]'))
print(J.loads('{"a": [1, 2.5, "x"], "b": null}') == {"a": [1, 2.5, "x"], "b": None})
print(J.loads('[true, false, null, -17, 1e3, 123456789012345678901234567890]'))
print(J.loads('"q\\"\\n\\u0041"'), J.loads("[]"), J.loads("{}"), J.loads("0"))
d = J.loads('{"k": {"l": [1, [2, [3]]]}, "s": "\\t"}')
print(sorted(d), d["k"]["l"][1][1][0], repr(d["s"]))
print(J.loads(b'{"nested": {"deep": [[], {}]}}'))
for bad in ("[1,", "{]", "", "[1 2"):
    try:
        J.loads(bad)
        print("parsed", repr(bad))
    except ValueError as e:
        print("ValueError", e)
