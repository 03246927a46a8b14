# A fault in a module's code is caught by no handler: neither line below
# prints, and the traceback shows f and this module.
import crash

print(crash.add(1, 2))


def f():
    try:
        crash.write_null(5)
    except BaseException:
        print("caught")
    finally:
        print("finally")


f()
