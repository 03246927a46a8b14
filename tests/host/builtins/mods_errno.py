# errno: the unix port's constants and errorcode; OSError's messages with
# errno names.
import errno

print(errno.__name__)
names = ("EPERM ENOENT EIO EBADF EAGAIN ENOMEM EACCES EEXIST ENODEV EISDIR EINVAL EOPNOTSUPP "
         "EADDRINUSE ECONNABORTED ECONNRESET ENOBUFS ENOTCONN ETIMEDOUT ECONNREFUSED EHOSTUNREACH "
         "EALREADY EINPROGRESS").split()
for name in names:
    value = getattr(errno, name)
    print(name, value, type(value), errno.errorcode[value])
print(len(errno.errorcode), type(errno.errorcode))
print(sorted(errno.errorcode.items()) == sorted((getattr(errno, n), n) for n in names))
print(errno.errorcode)
print(errno.errorcode.get(9999), 9999 in errno.errorcode, errno.EIO in errno.errorcode)
# errno names that the unix port does not have
for name in ("EWOULDBLOCK", "ENOSPC", "EPIPE", "errno"):
    print(name, hasattr(errno, name))
try:
    errno.ENOSPC
except AttributeError as e:
    print("AttributeError", e)
# errorcode is read only
try:
    errno.errorcode[1] = "x"
except TypeError:
    print("TypeError")

# OSError with an errno: "[Errno N] NAME", with the message after a colon
print(str(OSError(errno.ENOENT)))
print(str(OSError(errno.EIO, "details")))
print(str(OSError(errno.EIO, "details", "more")))
print(repr(OSError(errno.EIO)))
print(repr(OSError(errno.EIO, "x")))
print(str(OSError(9999)))
print(str(OSError(9999, "unknown")))
print(str(OSError(-1)))
print(str(OSError("text")))
print(str(OSError()))
print(str(OSError(errno.EPERM, 5)))
print(str(OSError(True)))
e = OSError(errno.EEXIST, "exists")
print(e.errno, e.args, e.errno == errno.EEXIST)


# subclasses print the same way
class MyError(OSError):
    pass


print(str(MyError(errno.EINVAL)), str(MyError(errno.EINVAL, "bad")))
print(repr(MyError(errno.EINVAL)))

# other exceptions do not
print(str(ValueError(errno.ENOENT)), str(Exception(errno.ENOENT, "x")))

# raised and caught, with the traceback's last line
try:
    raise OSError(errno.EAGAIN)
except OSError as e:
    print(e, e.errno == errno.EAGAIN, errno.errorcode[e.errno])
import sys
sys.print_exception(OSError(errno.ETIMEDOUT), sys.stdout)
sys.print_exception(OSError(errno.ETIMEDOUT, "late"), sys.stdout)
# the module can be named again (a failed lookup used to break this)
errno = errno
print(errno.__name__)
import uerrno
print(uerrno is errno)
raise OSError(errno.ENOENT, "missing")
