# with statements (context managers are class instances).
class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.swallow
with CM("a") as n:
    print("body", n)
with CM("b", True):
    raise ValueError("swallowed")
try:
    with CM("c"):
        raise KeyError("kept")
except KeyError as e:
    print("propagated", e)
def ret_from_with():
    with CM("d"):
        return "returned"
print(ret_from_with())
for i in range(3):
    with CM("e%d" % i):
        if i == 1:
            break
with CM("x") as x, CM("y") as y:
    print(x, y)
