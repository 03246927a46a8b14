import features1

print(features1.add(1, 2), features1.add(-5, 3))
print(features1.fibonacci(0), features1.fibonacci(7), features1.fibonacci(20))
try:
    features1.fibonacci(-1)
except ValueError as e:
    print("ValueError", e)
print(features1.access())
features1.access(1, 5)
features1.access(6, 9)
print(features1.access(), features1.access(1), features1.access(2))
print(features1.make_array())
print(features1.VAL, features1.MSG, type(features1.MSG).__name__)
