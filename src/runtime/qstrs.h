// The runtime's qstr numbers: MP_QSTR_xxx for every name the runtime's C
// code spells, as compile-time constants.
//
// 1..165 are MicroPython v1.21's static qstrs (qstrdefs_static.h, the
// numbers native modules compile in). The runtime interns its own names
// (qstrdefs_runtime.h) right after them at start-up (rt_qstr_init), in the
// order listed, so their numbers are fixed too. A name listed twice is a
// compile error (duplicate enumerator).
#ifndef RUNTIME_QSTRS_H
#define RUNTIME_QSTRS_H

enum {
    MP_QSTR_null_number_ = 0,
#define Q(id, text) MP_QSTR_##id,
#include "runtime/qstrdefs_static.h"
#include "runtime/qstrdefs_runtime.h"
#undef Q
    MP_QSTR_number_of_
};

// Interns the names of qstrdefs_runtime.h after the static ones; called once
// by mp_init after qstr_init.
void rt_qstr_init(void);

#endif
