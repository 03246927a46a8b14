# Assignment expressions: where the grammar allows them, their value, and
# the scope their name is bound in (MicroPython's rules).


def syntax(code):
    try:
        exec(code)
        print("no error")
    except SyntaxError as e:
        print("SyntaxError:", e)


print((n := 10), n)
if (m := n * 2) > 15:
    print("m", m)
data = [3, 1, 4]
while (top := data.pop()) != 3:
    print("popped", top)
print(len(s := "abc"), s)
print([y := 5, y ** 2])
print([(sq := i * i) + sq for i in range(4)], sq)


def counter():
    total = 0
    vals = [total := total + v for v in (1, 2, 3)]
    return vals, total


print(counter())


def genexp_binds():
    found = any((hit := w) == "b" for w in "abc")
    return found, hit


print(genexp_binds())


def nested():
    def inner():
        return [last := k for k in range(3)], last
    return inner()


print(nested())


class C:
    attr = (v := 7)


print(C.attr, C.v)

syntax("x := 1")
syntax("(a.b := 1)")
syntax("((p, q) := (1, 2))")
syntax("[i := 0 for i in range(2)]")
syntax("def f():\n  global g\n  return [g := 1 for _ in (0,)]\nprint(f(), g)")
syntax("{z := 1}")
