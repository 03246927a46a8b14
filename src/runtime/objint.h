// The int object beyond the small-int range (runtime/objint.c).
//
// An int is either a small int (an immediate mp_obj_t) or an mp_obj_int_t
// holding a bigint whose value does not fit a small int: every operation
// returns a small int when its result fits, so a big int object is never
// equal to any small int.
#ifndef RUNTIME_OBJINT_H
#define RUNTIME_OBJINT_H

#include "runtime/bigint.h"
#include "runtime/runtime.h"

typedef struct _mp_obj_int_t {
    mp_obj_base_t base;
    bigint_t val;
} mp_obj_int_t;

// An int object for b's value (small when it fits); b's storage is taken
// over (b is left zero).
mp_obj_t mp_obj_int_from_bigint(bigint_t *b);

// The value of any int object (small or big, or a bool) as a bigint: either
// a pointer into the object or a view over store.
const bigint_t *mp_obj_int_get_bigint(mp_const_obj_t o, bigint_t *view,
    bigint_digit_t store[BIGINT_I64_DIGITS]);

// Makes the bigint library allocate from the collected heap; call before a
// bigint_t gets storage (the int functions do it themselves).
void mp_obj_int_use_gc(void);

// Raises the Python exception for a bigint error code (no-op for BIGINT_OK).
void mp_obj_int_check(bigint_err_t err);

// The int as a float (big ints rounded; inf beyond the double range).
mp_float_t mp_obj_int_as_float(mp_const_obj_t o);

#endif
