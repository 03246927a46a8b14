# f-strings: self-documenting fields, conversions, nested format specs.
x = 42
name = "abc"
width = 8
print(f"{x=}")
print(f"{x=:>6}")
print(f"{name=}, {name=!r}, {name=!s:>{width}}")
print(f"{x + 1=}")
print(f"a {x=:08x} b {name} c")
print(f"{x:{width}}|{x:<{width}}|{name:^{width}.{2}}|")
print(f"{x!r:>{width}}")
print(f"{{literal}} {x}")
print(f"{x!=3} {x if x!=1 else 0}")
print(f"{[1, 2][0]} {[x][0]:{width}}")


def err(code):
    try:
        print(eval(code))
    except Exception as e:
        print(type(e).__name__, e)


err("f'{x!a}'")
err("f'{x'")
err("f'a}b'")
err("f'{x:{{w}}}'")
