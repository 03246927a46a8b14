import features2

print(features2.add(0.25, 0.5), features2.add_f(0.25, 0.5))
print("add_d" in dir(features2))
