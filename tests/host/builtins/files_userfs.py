# A file system written in Python, mounted with os.mount: the VFS calls its
# methods, open() gives its io.IOBase streams, and modules (.py source and
# .mpy bytecode) are imported from it, as tests/run-natmodtests.py does.
import os, sys, io


class UserFile(io.IOBase):
    def __init__(self, mode, data):
        self.mode = mode
        self.data = data
        self.pos = 0

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos : self.pos + n]
        self.pos += n
        return n

    def write(self, buf):
        self.data += buf
        return len(buf)

    def ioctl(self, req, arg):
        print("ioctl", req, arg)
        return 0


class UserFS:
    def __init__(self, files):
        self.files = files

    def mount(self, readonly, mkfs):
        print("mount", readonly, mkfs)

    def umount(self):
        print("umount")

    def chdir(self, path):
        print("chdir", path)
        self.cwd = path

    def getcwd(self):
        print("getcwd")
        return self.cwd

    def ilistdir(self, path):
        print("ilistdir", path)
        return iter([(name[1:], 0x8000, 0) for name in self.files])

    def stat(self, path):
        print("stat", path)
        if path in self.files:
            return (0x8000, 0, 0, 0, 0, 0, len(self.files[path]), 0, 0, 0)
        raise OSError(2)

    def open(self, path, mode):
        print("open", path, mode)
        if not path.startswith("/"):
            path = "/" + path  # relative to our only directory
        return UserFile(mode, self.files[path])


# A module compiled by MicroPython v1.21's mpy-cross from:
#   print("in frommpy", __name__)
#   def twice(x):
#       return 2 * x
FROMMPY = (
    b"M\x06\x00\x1f\x07\x00\x14frommpy.py\x00\x0f\x14in frommpy\x00\ntwice\x00\x81w/"
    b"\x02x\x00\x81\x1c\x10\x04\x01)\x11\x04\x10\x02\x11\x054\x02Y2\x00\x16\x03Qc\x01H"
    b"\x11\x06\x03\x06@\x82\xb0\xf4c"
)
files = {
    "/usermod.py": b"print('in usermod', __name__)\nimport usermod2\nvalue = usermod2.value + 1",
    "/usermod2.py": b"value = 41",
    "/frommpy.mpy": FROMMPY,
    "/data.txt": b"line 1\nline 2\n",
}
fs = UserFS(files)
os.mount(fs, "/userfs", readonly=True)
print(sorted(os.listdir("/userfs")), "userfs" in os.listdir("/"))
print(os.stat("/userfs/data.txt")[6])
try:
    os.stat("/userfs/none")
except OSError as e:
    print("OSError", e)

# Import through sys.path, a .py module that imports another, then .mpy.
sys.path.insert(0, "/userfs")
import usermod

print(usermod.value, usermod.__file__)
import frommpy

print(frommpy.twice(21), frommpy.__file__)
try:
    import nonexistent
except ImportError as e:
    print("ImportError", e)
sys.path.pop(0)

# open() on the mount, and chdir into it.
f = open("/userfs/data.txt", "rb")
print(type(f).__name__, isinstance(f, io.IOBase))
os.chdir("/userfs")
print(os.getcwd())
g = open("data.txt")
print(g is not f, g.mode, g.data)
os.chdir("/")
print(os.getcwd())

# An io.IOBase subclass is a stream wherever C code expects one.
out = UserFile("w", b"")
print("abc", 123, file=out)
print(out.data)
sys.print_exception(ValueError("in a stream"), out)
print(out.data.decode().splitlines()[-1])

os.umount(fs)
try:
    open("/userfs/data.txt")
except OSError as e:
    print("OSError", e)
