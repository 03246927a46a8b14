// Compatibility name: module sources written for MicroPython may include
// "py/stackctrl.h" for MP_STACK_CHECK(). Firmware exports no stack check to
// native modules: a module that sets MICROPY_STACK_CHECK defines its own
// mp_stack_check (as MicroPython's re example does); otherwise the check is
// nothing.
#ifndef MP_SDK_PY_STACKCTRL_H
#define MP_SDK_PY_STACKCTRL_H

#include "py/dynruntime.h"

#if MICROPY_STACK_CHECK
void mp_stack_check(void);
#define MP_STACK_CHECK() mp_stack_check()
#else
#define MP_STACK_CHECK()
#endif

#endif
