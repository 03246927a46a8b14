from . import sub
print("pkgsrc init:", __name__, sub.VALUE)
