# Code for the native emitters of mpy-cross (compiled with -march=x64; see
# README.md): native Python, viper with pointers, and plain bytecode beside.
import micropython


@micropython.native
def native_sum(xs):
    s = 0
    for x in xs:
        s += x
    return s


@micropython.viper
def viper_fill(buf, n: int) -> int:
    p = ptr8(buf)  # noqa: F821
    for i in range(n):
        p[i] = i * 3
    return n


def plain(x):
    return x + 1


print("emitters", native_sum([1, 2, 3]), viper_fill(bytearray(4), 4), plain(1))
