# Imports of packages (source and .mpy __init__) and of a module that fails.
import sys

sys.path.insert(0, "mods")
import pkgsrc
import pkgmpy
print(pkgsrc.sub.VALUE, pkgmpy.sub.VALUE)
print("pkgmpy" in sys.modules, "pkgmpy.sub" in sys.modules)
for attempt in range(2):
    try:
        import failing
    except ValueError as e:
        print("attempt", attempt, e, "failing" in sys.modules)
