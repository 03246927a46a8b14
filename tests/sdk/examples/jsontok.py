import jsontok as J

print(J.loads('{"a": [1, 2.5, "x"], "b": null}') == {"a": [1, 2.5, "x"], "b": None})
print(J.tokens('[1, "two"]'), J.ARRAY, J.OBJECT, J.STRING, J.PRIMITIVE)
print(J.loads('[true, false, null, -17, 1e3, 123456789012345678901234567890]'))
print(J.loads('"q\\"\\n\\u0041"'))
for bad in ("[1,", "{]", ""):
    try:
        J.loads(bad)
    except ValueError as e:
        print("ValueError", e)
print(J.loads(b'{"nested": {"deep": [[], {}]}}'))
