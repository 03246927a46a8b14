# A native base used before __init__ has made it (raise self, a list method):
# made then without arguments. The .exp is CPython's output: MicroPython v1.21
# crashes here.
class C(Exception):
    def __init__(self):
        raise self
try:
    C()
except Exception as e:
    print(type(e).__name__, e.args)
class L(list):
    def __init__(self, x):
        self.append(0)
print(L([1, 2]))
class L2(list):
    def __init__(self, x):
        super().__init__(x)
        self.append(0)
print(L2([1, 2]))
