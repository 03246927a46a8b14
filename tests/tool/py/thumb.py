# Inline assembler (compiled with -march=armv7m; see README.md).
import micropython


@micropython.asm_thumb
def add_asm(r0, r1):
    add(r0, r0, r1)  # noqa: F821


@micropython.viper
def viper_add(a: int, b: int) -> int:
    return a + b


print("thumb", add_asm(2, 3), viper_add(4, 5))
