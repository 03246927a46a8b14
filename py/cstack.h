// Compatibility name: module sources written for MicroPython v1.24 and later
// include "py/cstack.h" for mp_cstack_check(), which took the place of
// py/stackctrl.h's mp_stack_check(). Firmware exports no stack check to
// native modules: a module that sets MICROPY_STACK_CHECK defines its own
// mp_cstack_check (as MicroPython's re example does); otherwise the check is
// nothing.
#ifndef MP_SDK_PY_CSTACK_H
#define MP_SDK_PY_CSTACK_H

#include "py/dynruntime.h"

#if MICROPY_STACK_CHECK
void mp_cstack_check(void);
#else
static inline void mp_cstack_check(void) {
}
#endif

#endif
