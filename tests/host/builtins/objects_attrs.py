# Attributes: object.__setattr__/__delattr__, properties added after class
# creation, __dir__, __dict__ of classes and modules, StopIteration values.
class C:
    def __setattr__(self, k, v):
        print("set", k)
    def __delattr__(self, k):
        print("del", k)
c = C()
c.a = 1
object.__setattr__(c, "a", 5)
super(C, c).__setattr__("b", 6)
print(c.a, c.b)
del c.a
object.__delattr__(c, "a")
try:
    object.__delattr__(c, "a")
except AttributeError as e:
    print("AttributeError", e)
for bad in ((1, "x"), (c, 5)):
    try:
        object.__setattr__(bad[0], bad[1], 1)
    except TypeError as e:
        print("TypeError", e)
try:
    hasattr(1, b"x")
except TypeError as e:
    print("TypeError", e)
class F:
    pass
F.p = property(lambda self: "got p")
class G(F):
    pass
F.q = property(lambda self: "got q")
print(F().p, G().p, G().q)
class H:
    pass
class I(H):
    pass
try:
    H.r = property(lambda self: 1)
except AttributeError as e:
    print("AttributeError", e)
class D:
    def __dir__(self):
        return ["x", "y"]
    z = 1
print(dir(D()), "z" in dir(D), D.__dict__["z"], "from_bytes" in int.__dict__)
import sys
print(type(sys.__dict__), sys.__dict__["__name__"])
class It:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(42)
for code in ("next(It())", "next(enumerate(It()))", "next(map(abs, It()))"):
    try:
        exec(code)
    except StopIteration as e:
        print(code, e.args)
def gen():
    r = yield from It()
    print("yield from gave", r)
print(list(gen()))
