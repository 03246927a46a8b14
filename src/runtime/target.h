// The instruction set the runtime is compiled for, as the .mpy format names
// it: which native modules it runs (persistentcode.c) and what
// `mpy-host --arch` calls it (src/mpy-host/arch.h). The one place that maps
// the compiler's target macros to an architecture.
#ifndef RUNTIME_TARGET_H
#define RUNTIME_TARGET_H

#include "py/mpyarch.h"

#if defined(__x86_64__)
#define RT_TARGET_NAME "x64"
#define RT_TARGET_MPY_ARCH MP_NATIVE_ARCH_X64
#elif defined(__i386__)
#define RT_TARGET_NAME "x86"
#define RT_TARGET_MPY_ARCH MP_NATIVE_ARCH_X86
#elif defined(__ARM_ARCH_6M__)
#define RT_TARGET_NAME "armv6m"
#define RT_TARGET_MPY_ARCH MP_NATIVE_ARCH_ARMV6M
#elif defined(__ARM_ARCH_7M__)
#define RT_TARGET_NAME "armv7m"
#define RT_TARGET_MPY_ARCH MP_NATIVE_ARCH_ARMV7M
#elif defined(__ARM_ARCH_7EM__) && defined(__ARM_FP) && (__ARM_FP & 8)
#define RT_TARGET_NAME "armv7emdp"
#define RT_TARGET_MPY_ARCH MP_NATIVE_ARCH_ARMV7EMDP
#elif defined(__ARM_ARCH_7EM__) && defined(__ARM_FP)
#define RT_TARGET_NAME "armv7emsp"
#define RT_TARGET_MPY_ARCH MP_NATIVE_ARCH_ARMV7EMSP
#elif defined(__riscv) && __riscv_xlen == 32
#define RT_TARGET_NAME "rv32imc"
#define RT_TARGET_MPY_ARCH MP_NATIVE_ARCH_RV32IMC
#elif defined(__riscv) && __riscv_xlen == 64
#define RT_TARGET_NAME "rv64imc"
#define RT_TARGET_MPY_ARCH MP_NATIVE_ARCH_RV64IMC
#elif defined(__XTENSA__) && !defined(__XTENSA_WINDOWED_ABI__)
#define RT_TARGET_NAME "xtensa"
#define RT_TARGET_MPY_ARCH MP_NATIVE_ARCH_XTENSA
#else
#define RT_TARGET_NAME "native"
#define RT_TARGET_MPY_ARCH (-1) // no native code runs here
#endif

// The system it runs on: a POSIX host (reported as the unix port does), or
// the bare-metal firmware on a board in QEMU (src/baremetal/).
#if defined(__unix__) || defined(__APPLE__)
#define RT_TARGET_SYSTEM "linux"
#else
#define RT_TARGET_SYSTEM "qemu"
#endif

#endif
