# consts: module constants and dicts, in rodata and built at import.
import consts as C

print(C.MAX_ITEMS, C.NAME, C.VERSION, C.BIG, C.BIG == 2**40, C.BIG // 2**20)
print(sorted(C.DEFAULTS.items()), C.DEFAULTS["step"], C.DEFAULTS["sep"] + "x", "stop" in C.DEFAULTS)
print(len(C.DEFAULTS), C.DEFAULTS.get("nosuch"), C.DEFAULTS.get("step", 0))
print(C.ERRNO_NAMES[2], C.errno_name(13), sorted(C.ERRNO_NAMES), sorted(C.ERRNO_NAMES.values()))
try:
    C.errno_name(99)
except KeyError as e:
    print("KeyError", e)
try:
    C.DEFAULTS["x"] = 1
except TypeError:
    print("TypeError")
cfg = C.config()
print(sorted(cfg.items()), C.config() is not cfg)
cfg["level"] = 4
print(C.config()["level"])
print(C.DEFAULTS["sep"] == ", ", {C.DEFAULTS["sep"]: 1}[", "], type(C.VERSION).__name__)
