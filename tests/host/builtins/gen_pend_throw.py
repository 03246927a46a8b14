# generator.pend_throw (MicroPython's asyncio cancels tasks with it) and the
# __name__ of generator functions.
def gen():
    i = 0
    while True:
        try:
            yield i
        except ValueError as e:
            print("caught", repr(e))
        i += 1
g = gen()
print(next(g), next(g))
print(g.pend_throw(ValueError("x")))
print(next(g))
print(repr(g.pend_throw(KeyError())), repr(g.pend_throw(None)))
print(next(g))
g2 = gen()
g2.pend_throw(OSError(5))
try:
    next(g2)
except OSError as e:
    print("unstarted", repr(e))
def inner():
    g3.pend_throw(ValueError())
    yield
g3 = inner()
try:
    next(g3)
except ValueError as e:
    print("running", e)
class A:
    def meth(self):
        yield
print(gen.__name__, A.meth.__name__, A().meth.__name__)
