# import of a .mpy module from sys.path, from-import, star-import, errors.
import vm_mod
print(vm_mod.VALUE, vm_mod.double(21), vm_mod.__name__)
import vm_mod as m2
print(m2 is vm_mod)
from vm_mod import double, VALUE
print(double(VALUE))
from vm_mod import *
print("_private" in globals(), VALUE)
try:
    import no_such_module_xyz
except ImportError as e:
    print("ImportError:", e)
try:
    from vm_mod import nothing
except ImportError as e:
    print("ImportError:", e)
import sys
print("vm_mod" in sys.modules)
