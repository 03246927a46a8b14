# object.__new__ makes an instance of a Python class without running __init__.
class Foo:
    def __init__(self):
        self.attr = "set"

o = object.__new__(Foo)
print(hasattr(o, "attr"), isinstance(o, Foo))
o.__init__()
print(o.attr)
for cls in (int, list, 5):
    try:
        object.__new__(cls)
    except TypeError as e:
        print("TypeError:", e)
