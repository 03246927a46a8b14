# exceptions: raised from C, and caught in C with nlr_push.
import exceptions as E

for f, a in ((E.check_range, (5, 0, 3)), (E.check_range, (-1, 0, 3)), (E.os_error, (2,)),
             (E.os_error, (13,)), (E.lookup, ({"a": 1}, "b")), (E.lookup, ({}, 3))):
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e.args, e)
print(E.check_range(2, 0, 3), E.lookup({"a": 1}, "a"))
print(E.try_call(int, "x", 0), E.try_call(int, "7", 0), E.try_call(len, [1, 2], -1))
ok, exc = E.catch(int, "x")
print(ok, type(exc).__name__, isinstance(exc, ValueError))
print(E.catch(int, "12"), E.catch(int, "101", 2))


def boom():
    raise KeyError("k")


print(E.catch(boom)[0], repr(E.catch(boom)[1]))


def deep(n):
    if n == 0:
        raise RuntimeError("bottom")
    return E.catch(deep, n - 1)


print(deep(3))
# try_call catches whatever the call raises, a TypeError for a bad callable too.
print(E.try_call(None, 1, 2))
for i in range(1000):
    E.try_call(int, "x", 0)
print("ok")
