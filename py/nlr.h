// The non-local-return buffer (MicroPython's exception frames).
//
// nlr_push saves the callee-saved registers of the caller into an nlr_buf_t
// and links it into the firmware's chain; a raise unwinds to the newest one.
// The firmware's nlr_push is reached through mp_fun_table, so the buffer must
// have exactly the firmware's layout for the target, which depends on the
// architecture:
//
//   x86        6 registers       x64 (System V)   8 registers
//   Thumb      10 registers, 16 with a hardware FPU (s16-s21 saved too)
//   Xtensa     10 registers (call0 ABI, ESP8266)
//   RISC-V     14 registers (ra, s0-s11, sp), for RV32 and RV64 alike
//   Xtensa windowed (ESP32): the firmware uses setjmp, whose jmp_buf is
//              17 words; nlr_push there only links the buffer and the
//              module calls the firmware's setjmp itself.
//
// nlr_push, nlr_pop and nlr_raise are provided by py/dynruntime.h.
#ifndef MP_SDK_PY_NLR_H
#define MP_SDK_PY_NLR_H

#include "py/mpconfig.h"

#if defined(__i386__)
#define MICROPY_NLR_X86 (1)
#define MICROPY_NLR_NUM_REGS (6)
#elif defined(__x86_64__)
#define MICROPY_NLR_X64 (1)
#if defined(_WIN32) || defined(__CYGWIN__)
#define MICROPY_NLR_NUM_REGS (10)
#else
#define MICROPY_NLR_NUM_REGS (8)
#endif
#elif defined(__thumb2__) || defined(__thumb__) || defined(__arm__)
#define MICROPY_NLR_THUMB (1)
#if defined(__SOFTFP__)
#define MICROPY_NLR_NUM_REGS (10)
#else
#define MICROPY_NLR_NUM_REGS (16)
#endif
#elif defined(__xtensa__) && defined(__XTENSA_WINDOWED_ABI__)
#define MICROPY_NLR_SETJMP (1)
#define MICROPY_NLR_NUM_REGS (17)
#elif defined(__xtensa__)
#define MICROPY_NLR_XTENSA (1)
#define MICROPY_NLR_NUM_REGS (10)
#elif defined(__riscv) && (__riscv_xlen == 32 || __riscv_xlen == 64)
#define MICROPY_NLR_RISCV (1)
#define MICROPY_NLR_NUM_REGS (14)
#else
#error "native modules support x86, x64, Arm Thumb, Xtensa and RISC-V targets only"
#endif

#ifndef MICROPY_NLR_SETJMP
#define MICROPY_NLR_SETJMP (0)
#endif

typedef struct _nlr_buf_t nlr_buf_t;
struct _nlr_buf_t {
    nlr_buf_t *prev; // next older frame, NULL at the top level
    void *ret_val;   // the exception object, once raised
    #if MICROPY_NLR_SETJMP
    void *jmpbuf[MICROPY_NLR_NUM_REGS]; // the target C library's jmp_buf
    #else
    void *regs[MICROPY_NLR_NUM_REGS];
    #endif
};

MP_STATIC_ASSERT_DECL(sizeof(nlr_buf_t) == (2 + MICROPY_NLR_NUM_REGS) * sizeof(void *), "nlr_buf_t size");
MP_STATIC_ASSERT_DECL(offsetof(nlr_buf_t, ret_val) == sizeof(void *), "nlr_buf_t.ret_val");

#endif // MP_SDK_PY_NLR_H
