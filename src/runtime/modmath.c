// The math module of MicroPython v1.21's unix port (double precision), over
// the C library's libm.
#include <math.h>

#include "runtime/objfloat.h"

// Not in strict C11's math.h.
#define MATH_PI 3.14159265358979323846
#define MATH_E 2.71828182845904523536

static NORETURN void math_domain_error(void) {
    mp_raise_ValueError(MP_ERROR_TEXT("math domain error"));
}

// MicroPython's rule for every float function: a NaN result from non-NaN
// arguments, or an infinite one from finite arguments, is a domain error
// (so exp(1000) is a ValueError, not CPython's OverflowError).
static mp_obj_t math_checked(mp_float_t result, bool any_nan_arg, bool any_inf_arg) {
    if ((isnan(result) && !any_nan_arg) || (isinf(result) && !any_inf_arg)) {
        math_domain_error();
    }
    return mp_obj_new_float(result);
}

static mp_obj_t math_apply_1(mp_float_t (*f)(mp_float_t), mp_obj_t x_in) {
    mp_float_t x = mp_obj_get_float(x_in);
    return math_checked(f(x), isnan(x), isinf(x));
}

static mp_obj_t math_apply_2(mp_float_t (*f)(mp_float_t, mp_float_t), mp_obj_t x_in, mp_obj_t y_in) {
    mp_float_t x = mp_obj_get_float(x_in);
    mp_float_t y = mp_obj_get_float(y_in);
    return math_checked(f(x, y), isnan(x) || isnan(y), isinf(x) || isinf(y));
}

// math.NAME(x) / math.NAME(x, y): the float function C_FUN, checked.
#define MATH_FLOAT_1(name, c_fun) \
    static mp_obj_t math_##name(mp_obj_t x) { return math_apply_1(c_fun, x); } \
    static MP_DEFINE_CONST_FUN_OBJ_1(math_##name##_obj, math_##name);
#define MATH_FLOAT_2(name, c_fun) \
    static mp_obj_t math_##name(mp_obj_t x, mp_obj_t y) { return math_apply_2(c_fun, x, y); } \
    static MP_DEFINE_CONST_FUN_OBJ_2(math_##name##_obj, math_##name);
// math.NAME(x) for a classification (bool) or a rounding to an int, with the
// C function (or macro) of the same name.
#define MATH_TEST_1(name) \
    static mp_obj_t math_##name(mp_obj_t x) { return mp_obj_new_bool(name(mp_obj_get_float(x))); } \
    static MP_DEFINE_CONST_FUN_OBJ_1(math_##name##_obj, math_##name);
#define MATH_ROUND_1(name) \
    static mp_obj_t math_##name(mp_obj_t x) { return mp_obj_new_int_from_float(name(mp_obj_get_float(x))); } \
    static MP_DEFINE_CONST_FUN_OBJ_1(math_##name##_obj, math_##name);

MATH_FLOAT_1(sqrt, sqrt)
MATH_FLOAT_1(exp, exp)
MATH_FLOAT_1(expm1, expm1)
MATH_FLOAT_1(log2, log2)
MATH_FLOAT_1(log10, log10)
MATH_FLOAT_1(cosh, cosh)
MATH_FLOAT_1(sinh, sinh)
MATH_FLOAT_1(tanh, tanh)
MATH_FLOAT_1(acosh, acosh)
MATH_FLOAT_1(asinh, asinh)
MATH_FLOAT_1(atanh, atanh)
MATH_FLOAT_1(cos, cos)
MATH_FLOAT_1(sin, sin)
MATH_FLOAT_1(tan, tan)
MATH_FLOAT_1(acos, acos)
MATH_FLOAT_1(asin, asin)
MATH_FLOAT_1(atan, atan)
MATH_FLOAT_1(fabs, fabs)
MATH_FLOAT_1(erf, erf)
MATH_FLOAT_1(erfc, erfc)
MATH_FLOAT_1(gamma, tgamma)
MATH_FLOAT_1(lgamma, lgamma)
MATH_FLOAT_2(pow, pow)
MATH_FLOAT_2(atan2, atan2)
MATH_FLOAT_2(copysign, copysign)
MATH_FLOAT_2(fmod, fmod)
MATH_TEST_1(isfinite)
MATH_TEST_1(isinf)
MATH_TEST_1(isnan)
MATH_ROUND_1(ceil)
MATH_ROUND_1(floor)
MATH_ROUND_1(trunc)

// log(x) or log(x, base); x and base must be positive, base 1 divides by 0.
static mp_obj_t math_log(size_t n_args, const mp_obj_t *args) {
    mp_float_t x = mp_obj_get_float(args[0]);
    if (x <= 0) {
        math_domain_error();
    }
    mp_float_t result = log(x);
    if (n_args == 2) {
        mp_float_t base = mp_obj_get_float(args[1]);
        if (base <= 0) {
            math_domain_error();
        }
        if (base == 1) {
            mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
        }
        result /= log(base);
    }
    return mp_obj_new_float(result);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(math_log_obj, 1, 2, math_log);

// ldexp(x, exp): the exponent as MicroPython passes it to the C function, an
// int (a wider machine word is truncated to it).
static mp_obj_t math_ldexp(mp_obj_t x, mp_obj_t exp_in) {
    return mp_obj_new_float(ldexp(mp_obj_get_float(x), (int)mp_obj_get_int(exp_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(math_ldexp_obj, math_ldexp);

static mp_obj_t math_pair(mp_obj_t first, mp_obj_t second) {
    mp_obj_t items[2] = { first, second };
    return mp_obj_new_tuple(2, items);
}

// frexp(x): (mantissa, exponent) with x == mantissa * 2**exponent.
static mp_obj_t math_frexp(mp_obj_t x) {
    int exponent = 0;
    mp_float_t mantissa = frexp(mp_obj_get_float(x), &exponent);
    return math_pair(mp_obj_new_float(mantissa), mp_obj_new_int(exponent));
}
static MP_DEFINE_CONST_FUN_OBJ_1(math_frexp_obj, math_frexp);

// modf(x): (fractional part, integral part), both floats with x's sign.
static mp_obj_t math_modf(mp_obj_t x) {
    mp_float_t integral;
    mp_float_t fraction = modf(mp_obj_get_float(x), &integral);
    return math_pair(mp_obj_new_float(fraction), mp_obj_new_float(integral));
}
static MP_DEFINE_CONST_FUN_OBJ_1(math_modf_obj, math_modf);

static mp_obj_t math_radians(mp_obj_t x) {
    return mp_obj_new_float(mp_obj_get_float(x) * (MATH_PI / 180.0));
}
static MP_DEFINE_CONST_FUN_OBJ_1(math_radians_obj, math_radians);

static mp_obj_t math_degrees(mp_obj_t x) {
    return mp_obj_new_float(mp_obj_get_float(x) * (180.0 / MATH_PI));
}
static MP_DEFINE_CONST_FUN_OBJ_1(math_degrees_obj, math_degrees);

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0): equal, or the difference
// within either tolerance (relative to a or to b); infinities are only
// close to themselves.
static mp_obj_t math_isclose(size_t n_args, const mp_obj_t *args, mp_map_t *kw_args) {
    enum { ARG_rel_tol, ARG_abs_tol };
    static const mp_arg_t allowed[] = {
        { MP_QSTR_rel_tol, MP_ARG_KW_ONLY | MP_ARG_OBJ, { .u_obj = MP_OBJ_NULL } },
        { MP_QSTR_abs_tol, MP_ARG_KW_ONLY | MP_ARG_OBJ, { .u_obj = MP_OBJ_NEW_SMALL_INT(0) } },
    };
    mp_arg_val_t vals[MP_ARRAY_SIZE(allowed)];
    mp_arg_parse_all(n_args - 2, args + 2, kw_args, MP_ARRAY_SIZE(allowed), allowed, vals);
    mp_float_t a = mp_obj_get_float(args[0]);
    mp_float_t b = mp_obj_get_float(args[1]);
    mp_obj_t rel_in = vals[ARG_rel_tol].u_obj;
    mp_float_t rel_tol = rel_in == MP_OBJ_NULL ? 1e-9 : mp_obj_get_float(rel_in);
    mp_float_t abs_tol = mp_obj_get_float(vals[ARG_abs_tol].u_obj);
    if (rel_tol < 0 || abs_tol < 0) {
        math_domain_error();
    }
    if (a == b) {
        return mp_const_true;
    }
    mp_float_t diff = fabs(a - b);
    return mp_obj_new_bool(!isinf(diff)
        && (diff <= abs_tol || diff <= fabs(rel_tol * a) || diff <= fabs(rel_tol * b)));
}
static MP_DEFINE_CONST_FUN_OBJ_KW(math_isclose_obj, 2, math_isclose);

// The product lo * (lo+1) * ... * hi (lo <= hi), halving the range so that
// the big multiplications are between numbers of similar size.
static mp_obj_t math_range_product(mp_int_t lo, mp_int_t hi) {
    if (hi - lo < 4) {
        mp_obj_t product = MP_OBJ_NEW_SMALL_INT(lo);
        for (mp_int_t k = lo + 1; k <= hi; k++) {
            product = mp_binary_op(MP_BINARY_OP_MULTIPLY, product, MP_OBJ_NEW_SMALL_INT(k));
        }
        return product;
    }
    mp_int_t mid = lo + (hi - lo) / 2;
    return mp_binary_op(MP_BINARY_OP_MULTIPLY, math_range_product(lo, mid), math_range_product(mid + 1, hi));
}

static mp_obj_t math_factorial(mp_obj_t n_in) {
    mp_int_t n = mp_obj_get_int(n_in);
    if (n < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("negative factorial"));
    }
    return n == 0 ? MP_OBJ_NEW_SMALL_INT(1) : math_range_product(1, n);
}
static MP_DEFINE_CONST_FUN_OBJ_1(math_factorial_obj, math_factorial);

static const mp_obj_float_t math_e_obj = { { &mp_type_float }, MATH_E };
static const mp_obj_float_t math_pi_obj = { { &mp_type_float }, MATH_PI };
static const mp_obj_float_t math_tau_obj = { { &mp_type_float }, 2 * MATH_PI };
static const mp_obj_float_t math_inf_obj = { { &mp_type_float }, INFINITY };
static const mp_obj_float_t math_nan_obj = { { &mp_type_float }, NAN };

static const mp_rom_map_elem_t math_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_math) },
    { MP_ROM_QSTR(MP_QSTR_e), MP_ROM_PTR(&math_e_obj) },
    { MP_ROM_QSTR(MP_QSTR_pi), MP_ROM_PTR(&math_pi_obj) },
    { MP_ROM_QSTR(MP_QSTR_tau), MP_ROM_PTR(&math_tau_obj) },
    { MP_ROM_QSTR(MP_QSTR_inf), MP_ROM_PTR(&math_inf_obj) },
    { MP_ROM_QSTR(MP_QSTR_nan), MP_ROM_PTR(&math_nan_obj) },
    { MP_ROM_QSTR(MP_QSTR_sqrt), MP_ROM_PTR(&math_sqrt_obj) },
    { MP_ROM_QSTR(MP_QSTR_pow), MP_ROM_PTR(&math_pow_obj) },
    { MP_ROM_QSTR(MP_QSTR_exp), MP_ROM_PTR(&math_exp_obj) },
    { MP_ROM_QSTR(MP_QSTR_expm1), MP_ROM_PTR(&math_expm1_obj) },
    { MP_ROM_QSTR(MP_QSTR_log), MP_ROM_PTR(&math_log_obj) },
    { MP_ROM_QSTR(MP_QSTR_log2), MP_ROM_PTR(&math_log2_obj) },
    { MP_ROM_QSTR(MP_QSTR_log10), MP_ROM_PTR(&math_log10_obj) },
    { MP_ROM_QSTR(MP_QSTR_cosh), MP_ROM_PTR(&math_cosh_obj) },
    { MP_ROM_QSTR(MP_QSTR_sinh), MP_ROM_PTR(&math_sinh_obj) },
    { MP_ROM_QSTR(MP_QSTR_tanh), MP_ROM_PTR(&math_tanh_obj) },
    { MP_ROM_QSTR(MP_QSTR_acosh), MP_ROM_PTR(&math_acosh_obj) },
    { MP_ROM_QSTR(MP_QSTR_asinh), MP_ROM_PTR(&math_asinh_obj) },
    { MP_ROM_QSTR(MP_QSTR_atanh), MP_ROM_PTR(&math_atanh_obj) },
    { MP_ROM_QSTR(MP_QSTR_cos), MP_ROM_PTR(&math_cos_obj) },
    { MP_ROM_QSTR(MP_QSTR_sin), MP_ROM_PTR(&math_sin_obj) },
    { MP_ROM_QSTR(MP_QSTR_tan), MP_ROM_PTR(&math_tan_obj) },
    { MP_ROM_QSTR(MP_QSTR_acos), MP_ROM_PTR(&math_acos_obj) },
    { MP_ROM_QSTR(MP_QSTR_asin), MP_ROM_PTR(&math_asin_obj) },
    { MP_ROM_QSTR(MP_QSTR_atan), MP_ROM_PTR(&math_atan_obj) },
    { MP_ROM_QSTR(MP_QSTR_atan2), MP_ROM_PTR(&math_atan2_obj) },
    { MP_ROM_QSTR(MP_QSTR_ceil), MP_ROM_PTR(&math_ceil_obj) },
    { MP_ROM_QSTR(MP_QSTR_copysign), MP_ROM_PTR(&math_copysign_obj) },
    { MP_ROM_QSTR(MP_QSTR_fabs), MP_ROM_PTR(&math_fabs_obj) },
    { MP_ROM_QSTR(MP_QSTR_floor), MP_ROM_PTR(&math_floor_obj) },
    { MP_ROM_QSTR(MP_QSTR_fmod), MP_ROM_PTR(&math_fmod_obj) },
    { MP_ROM_QSTR(MP_QSTR_frexp), MP_ROM_PTR(&math_frexp_obj) },
    { MP_ROM_QSTR(MP_QSTR_ldexp), MP_ROM_PTR(&math_ldexp_obj) },
    { MP_ROM_QSTR(MP_QSTR_modf), MP_ROM_PTR(&math_modf_obj) },
    { MP_ROM_QSTR(MP_QSTR_isfinite), MP_ROM_PTR(&math_isfinite_obj) },
    { MP_ROM_QSTR(MP_QSTR_isinf), MP_ROM_PTR(&math_isinf_obj) },
    { MP_ROM_QSTR(MP_QSTR_isnan), MP_ROM_PTR(&math_isnan_obj) },
    { MP_ROM_QSTR(MP_QSTR_isclose), MP_ROM_PTR(&math_isclose_obj) },
    { MP_ROM_QSTR(MP_QSTR_trunc), MP_ROM_PTR(&math_trunc_obj) },
    { MP_ROM_QSTR(MP_QSTR_radians), MP_ROM_PTR(&math_radians_obj) },
    { MP_ROM_QSTR(MP_QSTR_degrees), MP_ROM_PTR(&math_degrees_obj) },
    { MP_ROM_QSTR(MP_QSTR_factorial), MP_ROM_PTR(&math_factorial_obj) },
    { MP_ROM_QSTR(MP_QSTR_erf), MP_ROM_PTR(&math_erf_obj) },
    { MP_ROM_QSTR(MP_QSTR_erfc), MP_ROM_PTR(&math_erfc_obj) },
    { MP_ROM_QSTR(MP_QSTR_gamma), MP_ROM_PTR(&math_gamma_obj) },
    { MP_ROM_QSTR(MP_QSTR_lgamma), MP_ROM_PTR(&math_lgamma_obj) },
};
static MP_DEFINE_CONST_DICT(math_dict, math_table);

const mp_obj_module_t mp_module_math = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&math_dict,
};
