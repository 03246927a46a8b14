# Exception subclasses.
class MyError(Exception):
    pass


class DetailError(ValueError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


try:
    raise MyError("boom")
except MyError as e:
    print("caught", repr(e), e, e.args, type(e).__name__)

try:
    raise MyError
except Exception as e:
    print("caught class", repr(e), e.args)

try:
    raise DetailError(42, "bad value")
except ValueError as e:
    print("caught", e.code, e, e.args, isinstance(e, DetailError), isinstance(e, Exception))

print(repr(MyError()), repr(MyError(1, 2)), str(MyError("x")))
print(issubclass(MyError, Exception), issubclass(MyError, BaseException), issubclass(MyError, ValueError))


def f():
    raise MyError("from f")


try:
    f()
except (TypeError, MyError) as e:
    print("tuple match", e)


class Sub(MyError):
    pass


try:
    raise Sub("sub")
except MyError as e:
    print("base catches", type(e).__name__, e)

try:
    try:
        raise Sub("inner")
    finally:
        print("finally")
except Exception as e:
    print("outer", e)
e = MyError("a", "b")
e.extra = 5
print(e.extra, e.args)
raise DetailError(1, "uncaught")
