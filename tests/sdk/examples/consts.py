import consts as C

print(C.MAX_ITEMS, C.NAME, C.VERSION, C.BIG, C.BIG == 2**40)
print(sorted(C.DEFAULTS.items()), C.DEFAULTS["step"], C.DEFAULTS["sep"] + "x", "stop" in C.DEFAULTS)
print(C.ERRNO_NAMES[2], C.errno_name(13), sorted(C.ERRNO_NAMES))
try:
    C.errno_name(99)
except KeyError as e:
    print("KeyError", e)
try:
    C.DEFAULTS["x"] = 1
except TypeError:
    print("TypeError")
print(sorted(C.config().items()))
print(C.DEFAULTS["sep"] == ", ", {C.DEFAULTS["sep"]: 1}[", "])
