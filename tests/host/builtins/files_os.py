# The os module: directories, stat, rename/remove, the current directory,
# the environment, mounting VfsPosix. Works in a scratch folder it removes.
import os

D = "files_os_scratch"


def rmtree(path):
    for name, kind, *_ in os.ilistdir(path):
        if kind == 0x4000:
            rmtree(path + "/" + name)
        else:
            os.remove(path + "/" + name)
    os.rmdir(path)


def write(path, data):
    with open(path, "w") as f:
        f.write(data)


def oserror(fun, *args):
    try:
        fun(*args)
        print("no error")
    except OSError as e:
        print("OSError", e)


try:
    rmtree(D)
except OSError:
    pass

print(os.sep, os.unlink is os.remove or os.unlink == os.remove)
os.mkdir(D)
oserror(os.mkdir, D)
write(D + "/one.txt", "12345")
os.mkdir(D + "/sub")
write(D + "/sub/two.txt", "")
print(sorted(os.listdir(D)), os.listdir(D + "/sub"), sorted(os.listdir(D.encode())))
print(sorted((name, kind) for name, kind, inode in os.ilistdir(D)))
st = os.stat(D + "/one.txt")
print(len(st), st[0] & 0xF000 == 0x8000, st[6], os.stat(D)[0] & 0xF000 == 0x4000)
oserror(os.stat, D + "/none")
oserror(os.remove, D + "/none")
oserror(os.rmdir, D + "/sub")
oserror(os.listdir, D + "/none")
os.rename(D + "/one.txt", D + "/sub/one.txt")
print(sorted(os.listdir(D + "/sub")))
os.unlink(D + "/sub/one.txt")
print(os.listdir(D + "/sub"))

# The current directory: relative paths follow it.
cwd = os.getcwd()
os.chdir(D + "/sub")
print(os.getcwd() == cwd + "/" + D + "/sub", os.listdir(), os.listdir("."), os.listdir(".."))
write("three.txt", "3")
os.chdir("..")
print(sorted(os.listdir("sub")), os.getcwd() == cwd + "/" + D)
os.chdir(cwd)
oserror(os.chdir, D + "/none")
print(os.getcwd() == cwd)

# The root: stat and statvfs, the host's entries.
print(os.stat("/")[0] & 0xF000 == 0x4000, len(os.statvfs("/")), "tmp" in os.listdir("/"))

# VfsPosix with a root folder, mounted at a path of the VFS.
vfs = os.VfsPosix(cwd + "/" + D)
os.mount(vfs, "/files_os_mnt")
print(sorted(os.listdir("/files_os_mnt")), os.listdir("/files_os_mnt/sub"))
with open("/files_os_mnt/sub/three.txt") as f:
    print(f.read())
write("/files_os_mnt/four.txt", "4")
print(os.stat("/files_os_mnt/four.txt")[6], "files_os_mnt" in os.listdir("/"))
os.chdir("/files_os_mnt/sub")
print(os.getcwd(), os.listdir())
os.chdir(cwd)
oserror(os.mount, vfs, "/files_os_mnt")
oserror(os.rename, "/files_os_mnt/four.txt", cwd + "/x")
os.umount("/files_os_mnt")
oserror(os.umount, "/files_os_mnt")
oserror(os.listdir, "/files_os_mnt")
print(sorted(os.listdir(D)))

# A read-only mount refuses writing opens; umount takes the object too.
ro = os.VfsPosix(cwd + "/" + D)
os.mount(ro, "/files_os_ro", readonly=True)
oserror(open, "/files_os_ro/four.txt", "w")
oserror(open, "/files_os_ro/four.txt", "a")
print(open("/files_os_ro/four.txt").read())
os.umount(ro)
print("files_os_ro" in os.listdir("/"))

# The environment.
print(os.getenv("FILES_OS_TEST"), os.getenv("FILES_OS_TEST", "dflt"))
os.putenv("FILES_OS_TEST", "value")
print(os.getenv("FILES_OS_TEST"))
os.unsetenv("FILES_OS_TEST")
print(os.getenv("FILES_OS_TEST"))
print(len(os.urandom(5)), type(os.urandom(0)))
print(os.system("exit 3") >> 8)

rmtree(D)
print(D in os.listdir())
