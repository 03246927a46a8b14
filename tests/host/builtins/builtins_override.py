# Names stored into builtins override the built-in ones, also __import__
# and __build_class__; help() and gc control.
import builtins
builtins.abs = lambda x: "my abs"
print(abs(-1))
del builtins.abs
print(abs(-1))
builtins.myname = 5
print(myname)
orig = __build_class__
builtins.__build_class__ = lambda body, name, *bases: ("class", name)
class K:
    pass
print(K)
builtins.__build_class__ = orig
def my_import(name, globals, locals, fromlist, level):
    print("import", name, fromlist, level)
    return builtins
builtins.__import__ = my_import
import foo
from bar import abs as a2
from .. import baz
del builtins.__import__
import sys
print(sys.__name__)
help(len)
help(int)
import micropython
print(micropython.opt_level())
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
l = [[i] for i in range(1000)]
gc.enable()
print(gc.isenabled(), gc.threshold())
gc.threshold(4096)
print(gc.threshold())
l = [[i] for i in range(1000)]
gc.threshold(-1)
print(gc.threshold(), len(l))
