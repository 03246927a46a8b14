from vec import Vec

v = Vec(3, 4)
print(v, repr(v), v.x, v.y)
print(v + Vec(1, 1), v - Vec(1, 1), v.dot(Vec(2, 0)), v.scale(2), v.length2())
print(Vec(1, 2) == Vec(1, 2), Vec(1, 2) == Vec(2, 1), Vec(), Vec(5))
print(type(v).__name__, isinstance(v, Vec), type(v) is Vec)
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
print(sum((Vec(i, i) for i in range(4)), Vec()))
