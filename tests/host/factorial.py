# factorial: one C function; the module object as the host sees it.
import sys
import factorial

print(factorial.factorial(0), factorial.factorial(1), factorial.factorial(5))
print([factorial.factorial(n) for n in range(13)])
print(factorial.factorial(10) == 3628800, type(factorial.factorial(3)).__name__)
print(factorial.__name__, "factorial" in sys.modules, sys.modules["factorial"] is factorial)
print(callable(factorial.factorial), type(factorial).__name__)
import factorial as f2
print(f2 is factorial)
from factorial import factorial as fact
print(fact(6), sum([fact(n) for n in range(6)]))
try:
    factorial.factorial()
except TypeError:
    print("TypeError")
try:
    factorial.nosuch
except AttributeError as e:
    print("AttributeError")
