import exceptions as E

for f, a in ((E.check_range, (5, 0, 3)), (E.os_error, (2,)), (E.lookup, ({"a": 1}, "b"))):
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e.args)
print(E.check_range(2, 0, 3), E.lookup({"a": 1}, "a"))
print(E.try_call(int, "x", 0), E.try_call(int, "7", 0))
print(E.catch(int, "x")[0], type(E.catch(int, "x")[1]).__name__)
print(E.catch(int, "12"), E.catch(int, "101", 2))


def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    return E.catch(deep, n - 1)


print(deep(3))
for i in range(1000):
    E.try_call(int, "x", 0)
print("ok")
