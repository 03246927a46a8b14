import factorial

print(factorial.factorial(0), factorial.factorial(1), factorial.factorial(10))
print(factorial.factorial(12))
