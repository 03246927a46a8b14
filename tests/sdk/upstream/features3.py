import features3

print(features3.get_types())
print(features3.get_const_objects())
print(features3.make_dict(), sorted(features3.make_dict(1, 2, "a", [3]).items(), key=str))
