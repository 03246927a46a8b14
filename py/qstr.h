// Interned strings (qstrs) as seen from a native module.
//
// MP_QSTR_xxx names come from the header that `mpy-ld --preprocess` writes:
// a qstr of the firmware's static table is a plain number there, any other
// one reads mp_native_qstr_table[], which the loader fills in at import time.
// So only static qstrs are compile-time constants.
#ifndef MP_SDK_PY_QSTR_H
#define MP_SDK_PY_QSTR_H

#include "py/misc.h"

typedef size_t qstr;
typedef uint16_t qstr_short_t;

// The "no qstr" value.
#define MP_QSTRnull ((qstr)0)

#endif // MP_SDK_PY_QSTR_H
