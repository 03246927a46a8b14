# __debug__, annotations, source newlines, compile(), exec/eval of buffers,
# the optimisation level, and SyntaxError messages.
import micropython

print(__debug__, type(__debug__))
if __debug__:
    print("debug on")


def annotated():
    x: int
    try:
        print(x)
    except NameError:
        print("NameError")


annotated()
y: list = [1]
print(y)

exec("a = 1\r\nb = 2\rprint(a + b)\r")
exec("s = '''p\r\nq\rr'''\nprint(repr(s))")

code = compile("print(k * 2)", "named", "exec")
print(type(code).__name__)
k = 21
exec(code)
exec(code, {"k": 5})
print(eval(compile("k + 1", "f", "eval")))
exec(compile("k\n", "f", "single"))
try:
    compile("1", "f", "bad")
except ValueError as e:
    print("ValueError", e)
try:
    exec(compile("1 +", "f", "exec"))
except SyntaxError as e:
    print("SyntaxError", e)

print(eval(bytearray(b"6 * 7")))
exec(memoryview(b"print('from memoryview')"))
try:
    eval(5)
except TypeError as e:
    print("TypeError", e)

print(micropython.opt_level())
micropython.opt_level(1)
exec("print(__debug__)\nassert False, 'kept'\nprint('assert dropped')")
micropython.opt_level(0)
try:
    exec("assert False, 'raised'")
except AssertionError as e:
    print("AssertionError", e)


def syntax(code):
    try:
        exec(code)
        print("no error")
    except SyntaxError as e:
        print(type(e).__name__ + ":", e)


syntax("() = []")
syntax("[] = []")
syntax("x.__debug__")
syntax("{**{}}")
syntax("return 1")
syntax("1 = 2")
syntax("  x = 1")
syntax("\\\n")
