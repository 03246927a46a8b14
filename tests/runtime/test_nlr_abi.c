// Compile-time check (nlr.test.sh builds it with -fsyntax-only for x64,
// x86 and the Arm firmware's targets): the runtime's nlr_buf_t is the one native modules compile
// against. py/nativeglue.h brings the SDK's py/nlr.h; runtime/nlr.h,
// included after it, then checks the SDK's struct against its own layout
// instead of defining it again.
#include "py/nativeglue.h"
#include "runtime/nlr.h"

// MicroPython v1.21's numbers, independently of both headers.
#if defined(__x86_64__)
_Static_assert(MICROPY_NLR_NUM_REGS == 8 && NLR_REG_COUNT == 8, "x64: 8 registers");
_Static_assert(sizeof(nlr_buf_t) == 80, "x64: 80 bytes");
#elif defined(__i386__)
_Static_assert(MICROPY_NLR_NUM_REGS == 6 && NLR_REG_COUNT == 6, "x86: 6 registers");
_Static_assert(sizeof(nlr_buf_t) == 32, "x86: 32 bytes");
#elif defined(__thumb__) && defined(__SOFTFP__)
_Static_assert(MICROPY_NLR_NUM_REGS == 10 && NLR_REG_COUNT == 10, "Thumb: 10 registers");
_Static_assert(sizeof(nlr_buf_t) == 48, "Thumb: 48 bytes");
#elif defined(__thumb__)
_Static_assert(MICROPY_NLR_NUM_REGS == 16 && NLR_REG_COUNT == 16, "Thumb with FPU: 16 registers");
_Static_assert(sizeof(nlr_buf_t) == 72, "Thumb with FPU: 72 bytes");
#elif defined(__XTENSA__) && !defined(__XTENSA_WINDOWED_ABI__)
_Static_assert(MICROPY_NLR_NUM_REGS == 10 && NLR_REG_COUNT == 10, "xtensa (call0): 10 registers");
_Static_assert(sizeof(nlr_buf_t) == 48, "xtensa (call0): 48 bytes");
#endif

// The runtime's functions fit the mp_fun_table slots they fill (an
// incompatible pointer type is an error under -Werror).
void fill_fun_table(mp_fun_table_t *table);
void fill_fun_table(mp_fun_table_t *table) {
    table->nlr_push = nlr_push;
    table->nlr_pop = nlr_pop;
}
