# Source of pkgmpy/__init__.mpy (see README.md): a package whose __init__ is
# a .mpy imports its own submodule while it runs.
from . import sub
print("pkgmpy init:", __name__, sub.VALUE)
