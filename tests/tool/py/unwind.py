# A break out of a try/finally inside a loop: the jump (UNWIND_JUMP) lands
# on a one-byte instruction, which MicroPython v1.21's mpy-tool.py --merge
# skips when it rewrites the jump (see ref-fixed.py).
def first_true(xs):
    for x in xs:
        try:
            if x:
                break
        finally:
            pass
    return 1


print("unwind", first_true([0, 1, 2]))
