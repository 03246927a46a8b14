// The float type (double precision), with MicroPython v1.21's semantics:
// floor division and modulo follow Python's signs, int and float mix,
// hash as MicroPython's mp_float_hash.
#include <math.h>
#include <string.h>

#include "runtime/objfloat.h"
#include "runtime/objint.h"

mp_obj_t mp_obj_new_float(mp_float_t value) {
    mp_obj_float_t *o = mp_obj_malloc(mp_obj_float_t, &mp_type_float);
    o->value = value;
    return MP_OBJ_FROM_PTR(o);
}

mp_float_t mp_obj_float_get(mp_obj_t self_in) {
    return ((mp_obj_float_t *)MP_OBJ_TO_PTR(self_in))->value;
}

// The hash of MicroPython's unix port (no MICROPY_FLOAT_HIGH_QUALITY_HASH):
// the value truncated to an integer; values beyond the machine word (and
// inf, nan) give what the x86 conversion gives, the "integer indefinite"
// 0x80..0, which as a small int is 0.
static mp_int_t float_hash(mp_float_t val) {
    if (isfinite(val) && val > -(mp_float_t)MP_SSIZE_MAX - 1 && val < (mp_float_t)MP_SSIZE_MAX) {
        return (mp_int_t)val;
    }
    return 0;
}

static void float_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    (void)kind;
    char buf[40];
    mp_format_float(mp_obj_float_get(o_in), buf, sizeof(buf), 'g', 16, '\0');
    mp_print_str(print, buf);
    if (strchr(buf, '.') == NULL && strchr(buf, 'e') == NULL && strchr(buf, 'n') == NULL) {
        // A Python float always shows a decimal point (but not inf, nan).
        mp_print_str(print, ".0");
    }
}

static mp_obj_t float_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    if (n_args == 0) {
        return mp_obj_new_float(0);
    }
    mp_obj_t arg = args[0];
    if (mp_obj_is_exact_type(arg, &mp_type_float)) {
        return arg;
    }
    mp_float_t v;
    if (mp_obj_get_float_maybe(arg, &v)) {
        return mp_obj_new_float(v);
    }
    mp_buffer_info_t bufinfo;
    if (mp_obj_is_str(arg) || mp_get_buffer(arg, &bufinfo, MP_BUFFER_READ)) {
        size_t len;
        const byte *s = mp_obj_bytes_data(arg, &len);
        return mp_parse_num_decimal((const char *)s, len, false, false);
    }
    return mp_obj_new_float(mp_obj_get_float(arg));
}

static mp_obj_t float_unary_op(mp_unary_op_t op, mp_obj_t o_in) {
    mp_float_t val = mp_obj_float_get(o_in);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(val != 0);
        case MP_UNARY_OP_NOT:
            return mp_obj_new_bool(val == 0);
        case MP_UNARY_OP_HASH:
            return MP_OBJ_NEW_SMALL_INT(float_hash(val));
        case MP_UNARY_OP_POSITIVE:
        case MP_UNARY_OP_FLOAT_MAYBE:
            return o_in;
        case MP_UNARY_OP_NEGATIVE:
            return mp_obj_new_float(-val);
        case MP_UNARY_OP_ABS:
            return signbit(val) ? mp_obj_new_float(-val) : o_in;
        default:
            return MP_OBJ_NULL;
    }
}

// Python's divmod for floats: *x becomes x // y, *y becomes x % y (y != 0).
static void float_divmod(mp_float_t *x, mp_float_t *y) {
    mp_float_t mod = fmod(*x, *y);
    mp_float_t div = (*x - mod) / *y;
    if (mod == 0) {
        mod = copysign(0.0, *y);
    } else if ((mod < 0) != (*y < 0)) {
        mod += *y;
        div -= 1.0;
    }
    mp_float_t floordiv;
    if (div == 0) {
        floordiv = copysign(0.0, *x / *y);
    } else {
        floordiv = floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
    }
    *x = floordiv;
    *y = mod;
}

NORETURN static void float_zero_division(void) {
    mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
}

mp_obj_t mp_obj_float_binary_op(mp_binary_op_t op, mp_float_t lhs, mp_obj_t rhs_in) {
    mp_float_t rhs;
    if (!mp_obj_get_float_maybe(rhs_in, &rhs)) {
        return MP_OBJ_NULL;
    }
    switch (op) {
        case MP_BINARY_OP_ADD:
        case MP_BINARY_OP_INPLACE_ADD:
            return mp_obj_new_float(lhs + rhs);
        case MP_BINARY_OP_SUBTRACT:
        case MP_BINARY_OP_INPLACE_SUBTRACT:
            return mp_obj_new_float(lhs - rhs);
        case MP_BINARY_OP_MULTIPLY:
        case MP_BINARY_OP_INPLACE_MULTIPLY:
            return mp_obj_new_float(lhs * rhs);
        case MP_BINARY_OP_FLOOR_DIVIDE:
        case MP_BINARY_OP_INPLACE_FLOOR_DIVIDE:
            if (rhs == 0) {
                float_zero_division();
            }
            float_divmod(&lhs, &rhs);
            return mp_obj_new_float(lhs);
        case MP_BINARY_OP_TRUE_DIVIDE:
        case MP_BINARY_OP_INPLACE_TRUE_DIVIDE:
            if (rhs == 0) {
                float_zero_division();
            }
            return mp_obj_new_float(lhs / rhs);
        case MP_BINARY_OP_MODULO:
        case MP_BINARY_OP_INPLACE_MODULO:
            if (rhs == 0) {
                float_zero_division();
            }
            lhs = fmod(lhs, rhs);
            if (lhs == 0) {
                lhs = copysign(0.0, rhs);
            } else if ((lhs < 0) != (rhs < 0)) {
                lhs += rhs;
            }
            return mp_obj_new_float(lhs);
        case MP_BINARY_OP_POWER:
        case MP_BINARY_OP_INPLACE_POWER:
            if (lhs == 0 && rhs < 0 && !isinf(rhs)) {
                float_zero_division();
            }
            if (lhs < 0 && rhs != floor(rhs) && !isnan(rhs)) {
                // MicroPython gives a complex number here; this runtime has none.
                mp_raise_NotImplementedError(MP_ERROR_TEXT("complex values not supported"));
            }
            return mp_obj_new_float(pow(lhs, rhs));
        case MP_BINARY_OP_DIVMOD: {
            if (rhs == 0) {
                float_zero_division();
            }
            float_divmod(&lhs, &rhs);
            mp_obj_t items[2] = {mp_obj_new_float(lhs), mp_obj_new_float(rhs)};
            return mp_obj_new_tuple(2, items);
        }
        case MP_BINARY_OP_LESS:
            return mp_obj_new_bool(lhs < rhs);
        case MP_BINARY_OP_MORE:
            return mp_obj_new_bool(lhs > rhs);
        case MP_BINARY_OP_EQUAL:
            return mp_obj_new_bool(lhs == rhs);
        case MP_BINARY_OP_NOT_EQUAL:
            return mp_obj_new_bool(lhs != rhs);
        case MP_BINARY_OP_LESS_EQUAL:
            return mp_obj_new_bool(lhs <= rhs);
        case MP_BINARY_OP_MORE_EQUAL:
            return mp_obj_new_bool(lhs >= rhs);
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t float_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    return mp_obj_float_binary_op(op, mp_obj_float_get(lhs_in), rhs_in);
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_float,
    MP_QSTR_float,
    MP_TYPE_FLAG_EQ_NOT_REFLEXIVE | MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE,
    make_new, float_make_new,
    print, float_print,
    unary_op, float_unary_op,
    binary_op, float_binary_op
    );
