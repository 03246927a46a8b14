// Between nlr.c and the per-architecture assembly (nlr_x64.c, nlr_x86.c,
// nlr_thumb.c, nlr_riscv.c, nlr_xtensa.c).
// Hidden: these symbols are reached by direct jumps from the assembly,
// which must not go through a PLT.
#ifndef RUNTIME_NLR_ARCH_H
#define RUNTIME_NLR_ARCH_H

#include "runtime/nlr.h"

// Links buf into the chain and returns 0. nlr_push jumps here (a tail
// call) once the registers are saved, so this returns to nlr_push's caller.
__attribute__((visibility("hidden"), used)) unsigned int nlr_push_link(nlr_buf_t *buf);

// Restores the registers saved in buf and returns 1 from its nlr_push.
__attribute__((visibility("hidden"), noreturn)) void nlr_resume(nlr_buf_t *buf);

// Intel CET: an indirect call (through mp_fun_table) may only land on an
// endbr instruction when indirect branch tracking is compiled in.
#if defined(__CET__) && (__CET__ & 1)
#if defined(__x86_64__)
#define NLR_ENDBR "    endbr64\n"
#else
#define NLR_ENDBR "    endbr32\n"
#endif
#else
#define NLR_ENDBR ""
#endif

#endif
