# Generators: yield, generator expressions, send, throw, close, yield from,
# return values, try/finally inside generators.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)), sum(x * x for x in range(5)))
print([x for x in count(3)])
def echo():
    got = yield "ready"
    while True:
        got = yield "got %s" % got
g = echo()
print(next(g), g.send(1), g.send("two"))
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = with_finally()
print(next(g))
g.close()
print("closed")
def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught in gen", e)
g = catcher()
next(g)
g.throw(ValueError("thrown"))
def inner():
    yield 1
    yield 2
    return "inner-result"
def outer():
    r = yield from inner()
    print("yield from returned", r)
    yield from [10, 20]
print(list(outer()))
def ret():
    yield 1
    return 5
g = ret()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    g.send(None)
except StopIteration as e:
    print("again", e.args)
def bad():
    raise StopIteration
    yield
try:
    next(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print(type(count).__name__, type(count(1)).__name__)
