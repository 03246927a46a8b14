# A module imported by vm_import.py.
VALUE = 42
_private = 1
def double(x):
    return 2 * x
print("vm_mod loading as", __name__)
