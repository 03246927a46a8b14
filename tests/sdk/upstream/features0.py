import features0

print(features0.factorial(0), features0.factorial(5), features0.factorial(10))
