import features4

f = features4.Factorial(6)
print(f, type(f).__name__, f.calculate())
print(features4.Factorial(0).calculate(), features4.Factorial(10).calculate())
try:
    features4.Factorial()
except TypeError:
    print("TypeError")
