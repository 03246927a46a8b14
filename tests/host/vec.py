# vec: a type defined in C (make_new, print, binary_op, attr, methods).
from vec import Vec
import vec

v = Vec(3, 4)
print(v, repr(v), str(v), v.x, v.y, [v])
print(v + Vec(1, 1), v - Vec(1, 1), v.dot(Vec(2, 0)), v.scale(2), v.length2())
print(Vec(1, 2) == Vec(1, 2), Vec(1, 2) == Vec(2, 1), Vec(1, 2) != Vec(1, 2), Vec(), Vec(5))
print(type(v).__name__, isinstance(v, Vec), type(v) is Vec, vec.Vec is Vec)
print(sum([Vec(i, i) for i in range(4)], Vec()), sorted([Vec(2, 1).x, Vec(0, 7).y]))
print("%s and %r" % (v, Vec(-1, -2)), "{}".format(Vec(9, 9)))
try:
    v.x = 3
except AttributeError:
    print("AttributeError")
try:
    v + 1
except TypeError:
    print("TypeError")
try:
    v.dot(5)
except TypeError as e:
    print("TypeError", e)
try:
    Vec(1, 2, 3)
except TypeError:
    print("TypeError")
try:
    v.nosuch
except AttributeError:
    print("AttributeError")
