# A native module (examples/natmod/factorial, built by the test) imported
# from bytecode.
import factorial
print(factorial.factorial(10) == 3628800, factorial.factorial(10))
print(factorial.factorial(1), factorial.factorial(12))
print(type(factorial.factorial).__name__)
