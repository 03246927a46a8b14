# An uncaught exception: its traceback names file, line and function of
# every frame it left.
def inner(x):
    return 10 // x

def middle(x):
    y = x + 1
    return inner(y - 1)

def outer():
    try:
        middle(1)
    finally:
        pass
    return middle(0)

print("before")
outer()
print("not reached")
