# Methods of built-in types taken from the type check their first argument.
l = []
list.append(l, 5)
print(l, str.upper("ab"), dict.get({1: 2}, 1), bytes.hex(b"\x01"))
for f, args in ((list.append, (1, 2)), (dict.get, (1, 2)), (str.upper, (5,)),
                (set.add, ([], 1)), (bytearray.append, ("x", 1))):
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e)
