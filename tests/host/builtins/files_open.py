# open() and file objects: modes, reading and writing, seek/tell, lines,
# readinto, with, errors. Works in a scratch folder it removes.
import os

D = "files_open_scratch"


def cleanup():
    try:
        for name in os.listdir(D):
            os.remove(D + "/" + name)
        os.rmdir(D)
    except OSError:
        pass


cleanup()
os.mkdir(D)
P = D + "/a.txt"

# Text: write gives the byte count, read(n) counts characters.
f = open(P, "w")
print(type(f).__name__, f.write("h\xe9llo\n"), f.write("line two\nthird"))
f.close()
with open(P) as f:
    print(repr(f.read(2)), repr(f.read(3)), repr(f.readline()), f.tell())
    print(f.readlines(), repr(f.read()), repr(f.readline()))
    print(f.seek(0), repr(f.read(1)), f.seek(-5, 2), repr(f.read()), f.seek(3, 0), f.tell())
with open(P) as f:
    print([line for line in f])

# Binary: bytes, readinto, iteration by lines.
with open(P, "rb") as f:
    print(type(f).__name__, f.read(3), f.readline(), f.tell())
    buf = bytearray(4)
    print(f.readinto(buf), buf, f.readinto(buf, 2), buf)
    print(list(f))
    print(f.read(), f.readinto(buf))

# Append, '+' modes, 'b' and 't', 'x' (opens as MicroPython does: read).
with open(P, "a") as f:
    f.write("!")
with open(P, "r+b") as f:
    f.seek(1)
    f.write(b"E")
    f.seek(0)
    print(f.read())
with open(P, "w+") as f:
    print(f.write("new"), f.seek(0), f.read())
with open(P, "ab") as f:
    print(f.write(b"\x00\x01"), f.write(bytearray(b"23")), f.write(memoryview(b"456")[1:]))
with open(P, "rt") as f:
    print(repr(f.read()))
with open(P, "x") as f:
    print(f.read(3))

# print() to a file, and a file's number.
with open(P, "w") as f:
    print("to", "file", sep="-", file=f)
    print(type(f.fileno()), f.fileno() > 2)
    f.flush()
print(open(P).read(), end="")

# Closed files.
f = open(P)
f.close()
f.close()
for op in (lambda: f.read(), lambda: f.write("x"), lambda: f.readline(), lambda: f.seek(0), lambda: f.fileno()):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)

# Errors of the host, as the unix port shows them.
for args in ((D + "/missing.txt",), (D + "/missing.txt", "rb"), (D + "/nodir/x", "w"), (D, "w")):
    try:
        open(*args)
    except OSError as e:
        print("OSError", e.errno, e)
with open(P, "rb") as f:
    try:
        f.write(b"x")
    except OSError as e:
        print("OSError", e)
    try:
        f.seek(-1)
    except OSError as e:
        print("OSError", e)
try:
    open(P, "r", -1, None, 5)
except TypeError as e:
    print("TypeError", e)
with open(file=P, mode="r", buffering=0, encoding="utf-8") as f:
    print(f.read(2))

cleanup()
print(D in os.listdir())
