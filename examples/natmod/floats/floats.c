// floats: floating point in a native module.
//
// mp_float_t, mp_obj_get_float and mp_obj_new_float follow the target's
// MICROPY_FLOAT_IMPL: double on x86/x64/armv7emdp, float on armv7emsp and
// xtensawin. Targets without a hardware FPU default to "none"; there the
// module only says so (build with MICROPY_FLOAT_IMPL=float to use software
// floating point, which needs the compiler's helper routines).
// The _f/_d forms convert to and from C float/double whatever the default.
//
//     import floats
//     floats.IMPL                       # 'double', 'float' or 'none'
//     floats.sqrt(2.0)                  # 1.414213562373095 (Newton's method)
//     floats.mean([1, 2, 3.5])          # 2.166666666666667
//     floats.poly(2.0, (1, 0, -3))      # 1.0: x*x - 3 at x = 2 (Horner)
//     floats.to_single(0.1)             # 0.1 rounded to single precision
#include "py/dynruntime.h"

#if MICROPY_PY_BUILTINS_FLOAT

#define F(x) MICROPY_FLOAT_CONST(x)

// Square root by Newton's iteration (no libm in a native module).
STATIC mp_obj_t float_sqrt(mp_obj_t x_in) {
    mp_float_t x = mp_obj_get_float(x_in);
    if (x < F(0.0)) {
        mp_raise_ValueError(MP_ERROR_TEXT("math domain error"));
    }
    if (x == F(0.0)) {
        return mp_obj_new_float(F(0.0));
    }
    mp_float_t r = x > F(1.0) ? x : F(1.0);
    for (int i = 0; i < 100; ++i) {
        mp_float_t next = F(0.5) * (r + x / r);
        if (next >= r) {
            break;
        }
        r = next;
    }
    return mp_obj_new_float(r);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(float_sqrt_obj, float_sqrt);

// Arithmetic mean of a list or tuple of numbers (ints or floats).
STATIC mp_obj_t float_mean(mp_obj_t seq_in) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(seq_in, &n, &items);
    if (n == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("mean of empty sequence"));
    }
    mp_float_t sum = F(0.0);
    for (size_t i = 0; i < n; ++i) {
        sum += mp_obj_get_float(items[i]);
    }
    return mp_obj_new_float(sum / (mp_float_t)n);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(float_mean_obj, float_mean);

// Polynomial with coefficients highest power first, evaluated at x.
STATIC mp_obj_t float_poly(mp_obj_t x_in, mp_obj_t coeffs_in) {
    mp_float_t x = mp_obj_get_float(x_in);
    size_t n;
    mp_obj_t *coeffs;
    mp_obj_get_array(coeffs_in, &n, &coeffs);
    mp_float_t acc = F(0.0);
    for (size_t i = 0; i < n; ++i) {
        acc = acc * x + mp_obj_get_float(coeffs[i]);
    }
    return mp_obj_new_float(acc);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(float_poly_obj, float_poly);

// Round-trip through a C float (single precision), whatever mp_float_t is.
STATIC mp_obj_t float_to_single(mp_obj_t x_in) {
    return mp_obj_new_float_from_f(mp_obj_get_float_to_f(x_in));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(float_to_single_obj, float_to_single);

#endif

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY

    #if MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_DOUBLE
    mp_store_global(MP_QSTR_IMPL, MP_OBJ_NEW_QSTR(MP_QSTR_double));
    #elif MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_FLOAT
    mp_store_global(MP_QSTR_IMPL, MP_OBJ_NEW_QSTR(MP_QSTR_float));
    #else
    mp_store_global(MP_QSTR_IMPL, MP_OBJ_NEW_QSTR(MP_QSTR_none));
    #endif

    #if MICROPY_PY_BUILTINS_FLOAT
    mp_store_global(MP_QSTR_sqrt, MP_OBJ_FROM_PTR(&float_sqrt_obj));
    mp_store_global(MP_QSTR_mean, MP_OBJ_FROM_PTR(&float_mean_obj));
    mp_store_global(MP_QSTR_poly, MP_OBJ_FROM_PTR(&float_poly_obj));
    mp_store_global(MP_QSTR_to_single, MP_OBJ_FROM_PTR(&float_to_single_obj));
    #endif

    MP_DYNRUNTIME_INIT_EXIT
}
