// The .mpy architecture codes, as written in bits 2..5 and 7 of a .mpy
// header's feature byte; the one list that the SDK, mpy-ld, mpy-tool and
// mpy-host share. rv32imc came with MicroPython v1.25 and rv64imc with
// v1.28; both need .mpy 6.3.
#ifndef MP_SDK_PY_MPYARCH_H
#define MP_SDK_PY_MPYARCH_H

#define MP_NATIVE_ARCH_NONE (0)
#define MP_NATIVE_ARCH_X86 (1)
#define MP_NATIVE_ARCH_X64 (2)
#define MP_NATIVE_ARCH_ARMV6 (3)
#define MP_NATIVE_ARCH_ARMV6M (4)
#define MP_NATIVE_ARCH_ARMV7M (5)
#define MP_NATIVE_ARCH_ARMV7EM (6)
#define MP_NATIVE_ARCH_ARMV7EMSP (7)
#define MP_NATIVE_ARCH_ARMV7EMDP (8)
#define MP_NATIVE_ARCH_XTENSA (9)
#define MP_NATIVE_ARCH_XTENSAWIN (10)
#define MP_NATIVE_ARCH_RV32IMC (11)
#define MP_NATIVE_ARCH_RV64IMC (12)

// The highest code defined.
#define MP_NATIVE_ARCH_MAX MP_NATIVE_ARCH_RV64IMC

#endif // MP_SDK_PY_MPYARCH_H
