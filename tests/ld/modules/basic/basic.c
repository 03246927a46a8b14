// basic: plain calls in .text between static and global functions, a
// recursive helper, tail calls, and the usual entry point. Only static
// qstrs are used, so nothing goes through mp_native_qstr_table.
#include "natmod_abi.h"

mp_int_t basic_twice(mp_int_t x);
mp_int_t basic_step(mp_int_t x, mp_int_t depth);
mp_int_t basic_tail(mp_int_t x);

static mp_int_t add3(mp_int_t a, mp_int_t b, mp_int_t c) {
    return a + b * 3 + c;
}

static __attribute__((noinline)) mp_int_t fact(mp_int_t n) {
    return n <= 1 ? 1 : n * fact(n - 1);
}

mp_int_t basic_twice(mp_int_t x) {
    return add3(x, x, 7) - fact(x & 7);
}

mp_int_t basic_step(mp_int_t x, mp_int_t depth) {
    if (depth <= 0) {
        return basic_twice(x);
    }
    return basic_step(x ^ depth, depth - 1) + 1;
}

// a call in tail position to a global function (a plain branch on most
// targets, R_ARM_THM_JUMP24 on Thumb-2)
mp_int_t basic_tail(mp_int_t x) {
    return basic_step(x + 5, x & 3);
}

static mp_obj_t basic_call(mp_obj_t arg) {
    mp_int_t x = NM_INT_VAL(arg);
    return NM_INT(basic_step(x, 3) + fact(5));
}

mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);
    mp_obj_t r = basic_call(NM_INT(n_args + n_kw));
    mp_fun_table.store_global(MP_QSTR___init__, r);
    mp_fun_table.store_global(MP_QSTR_print, NM_INT(basic_twice(2) + basic_tail(n_args)));
    mp_fun_table.swap_globals(prev);
    return NM_NONE;
}
