// The int type: small ints (immediate objects) and big ints (mp_obj_int_t
// over runtime/bigint.h), with Python's semantics and MicroPython v1.21's
// messages. Results that fit a small int are always returned as small ints.
#include <math.h>
#include <string.h>

#include "runtime/objint.h"

// Big int digits live on the collected heap: an mp_obj_int_t points at its
// digit array, and temporaries on the C stack are seen by the conservative
// scan.
static void *int_digits_alloc(size_t n) {
    return gc_alloc(n, 0);
}

static bool int_allocator_set;

void mp_obj_int_use_gc(void) {
    if (!int_allocator_set) {
        bigint_set_allocator(int_digits_alloc, gc_free);
        int_allocator_set = true;
    }
}

void mp_obj_int_check(bigint_err_t err) {
    switch (err) {
        case BIGINT_OK:
            return;
        case BIGINT_ENOMEM:
            mp_raise_type(&mp_type_MemoryError);
        case BIGINT_EZERODIV:
            mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
        case BIGINT_EOVERFLOW:
        case BIGINT_ENEGATIVE:
            mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("overflow converting long int to machine word"));
        case BIGINT_EVALUE:
        default:
            mp_raise_ValueError(MP_ERROR_TEXT(bigint_strerror(err)));
    }
}

static mp_obj_int_t *int_new_big(void) {
    mp_obj_int_use_gc();
    mp_obj_int_t *o = mp_obj_malloc(mp_obj_int_t, &mp_type_int);
    bigint_init(&o->val);
    return o;
}

mp_obj_t mp_obj_int_from_bigint(bigint_t *b) {
    int64_t v;
    if (bigint_to_i64(b, &v) == BIGINT_OK && v >= MP_SMALL_INT_MIN && v <= MP_SMALL_INT_MAX) {
        bigint_free(b);
        return MP_OBJ_NEW_SMALL_INT((mp_int_t)v);
    }
    mp_obj_int_t *o = int_new_big();
    bigint_swap(&o->val, b);
    return MP_OBJ_FROM_PTR(o);
}

const bigint_t *mp_obj_int_get_bigint(mp_const_obj_t o, bigint_t *view,
    bigint_digit_t store[BIGINT_I64_DIGITS]) {
    if (mp_obj_is_small_int(o)) {
        bigint_view_i64(view, store, MP_OBJ_SMALL_INT_VALUE(o));
        return view;
    }
    if (mp_obj_is_bool(o)) {
        bigint_view_i64(view, store, o == mp_const_true);
        return view;
    }
    return &((const mp_obj_int_t *)MP_OBJ_TO_PTR(o))->val;
}

/******************************************************************************/
// Constructors

mp_obj_t mp_obj_new_int_from_ll(long long val) {
    if (val >= MP_SMALL_INT_MIN && val <= MP_SMALL_INT_MAX) {
        return MP_OBJ_NEW_SMALL_INT((mp_int_t)val);
    }
    mp_obj_int_t *o = int_new_big();
    mp_obj_int_check(bigint_set_i64(&o->val, val));
    return MP_OBJ_FROM_PTR(o);
}

mp_obj_t mp_obj_new_int_from_ull(unsigned long long val) {
    if (val <= (unsigned long long)MP_SMALL_INT_MAX) {
        return MP_OBJ_NEW_SMALL_INT((mp_int_t)val);
    }
    mp_obj_int_t *o = int_new_big();
    mp_obj_int_check(bigint_set_u64(&o->val, val));
    return MP_OBJ_FROM_PTR(o);
}

mp_obj_t mp_obj_new_int(mp_int_t value) {
    return mp_obj_new_int_from_ll(value);
}

mp_obj_t mp_obj_new_int_from_uint(mp_uint_t value) {
    return mp_obj_new_int_from_ull(value);
}

mp_obj_t mp_obj_new_int_from_float(mp_float_t val) {
    if (isinf(val)) {
        mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("can't convert inf to int"));
    }
    if (isnan(val)) {
        mp_raise_ValueError(MP_ERROR_TEXT("can't convert NaN to int"));
    }
    mp_float_t t = trunc(val);
    if (t >= -4611686018427387904.0 && t < 4611686018427387904.0 && t >= (mp_float_t)MP_SMALL_INT_MIN
        && t <= (mp_float_t)MP_SMALL_INT_MAX) {
        return MP_OBJ_NEW_SMALL_INT((mp_int_t)t);
    }
    mp_obj_int_use_gc();
    bigint_t b;
    bigint_init(&b);
    mp_obj_int_check(bigint_set_double(&b, t));
    return mp_obj_int_from_bigint(&b);
}

mp_obj_t mp_obj_int_from_bytes_impl(bool big_endian, size_t len, const byte *buf, bool is_signed) {
    mp_obj_int_use_gc();
    bigint_t b;
    bigint_init(&b);
    mp_obj_int_check(bigint_from_bytes(&b, buf, len, big_endian, is_signed));
    return mp_obj_int_from_bigint(&b);
}

// Writes the low len bytes of the value's two's complement (MicroPython's
// to_bytes truncates rather than raising).
void mp_obj_int_to_bytes_impl(mp_obj_t self_in, bool big_endian, size_t len, byte *buf) {
    memset(buf, 0, len);
    if (len == 0) {
        return;
    }
    mp_obj_int_use_gc();
    bigint_t view, mod, one;
    bigint_digit_t store[BIGINT_I64_DIGITS], store1[BIGINT_I64_DIGITS];
    const bigint_t *a = mp_obj_int_get_bigint(self_in, &view, store);
    bigint_init(&mod);
    bigint_view_i64(&one, store1, 1);
    mp_obj_int_check(bigint_shl(&mod, &one, 8 * len));
    mp_obj_int_check(bigint_mod(&mod, a, &mod));
    mp_obj_int_check(bigint_to_bytes(&mod, buf, len, big_endian, false));
    bigint_free(&mod);
}

/******************************************************************************/
// Conversions to C values

bool mp_obj_is_big_int(mp_const_obj_t o) {
    return mp_obj_is_exact_type(o, &mp_type_int);
}

mp_int_t mp_obj_int_get_truncated(mp_const_obj_t self_in) {
    if (mp_obj_is_small_int(self_in)) {
        return MP_OBJ_SMALL_INT_VALUE(self_in);
    }
    const mp_obj_int_t *self = MP_OBJ_TO_PTR(self_in);
    return (mp_int_t)(mp_uint_t)bigint_to_u64_wrap(&self->val);
}

mp_int_t mp_obj_int_get_checked(mp_const_obj_t self_in) {
    if (mp_obj_is_small_int(self_in)) {
        return MP_OBJ_SMALL_INT_VALUE(self_in);
    }
    const mp_obj_int_t *self = MP_OBJ_TO_PTR(self_in);
    int64_t v;
    if (bigint_to_i64(&self->val, &v) == BIGINT_OK && v >= (int64_t)INTPTR_MIN && v <= (int64_t)INTPTR_MAX) {
        return (mp_int_t)v;
    }
    mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("overflow converting long int to machine word"));
}

int mp_obj_int_sign(mp_obj_t self_in) {
    if (mp_obj_is_small_int(self_in)) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(self_in);
        return (v > 0) - (v < 0);
    }
    return bigint_sign(&((mp_obj_int_t *)MP_OBJ_TO_PTR(self_in))->val);
}

// MicroPython hashes a big int by its value truncated to a machine word.
mp_int_t mp_obj_int_hash(mp_obj_t self_in) {
    return mp_obj_int_get_truncated(self_in);
}

mp_float_t mp_obj_int_as_float(mp_const_obj_t o) {
    if (mp_obj_is_small_int(o)) {
        return (mp_float_t)MP_OBJ_SMALL_INT_VALUE(o);
    }
    if (mp_obj_is_bool(o)) {
        return o == mp_const_true ? 1.0 : 0.0;
    }
    const bigint_t *b = &((const mp_obj_int_t *)MP_OBJ_TO_PTR(o))->val;
    double d;
    if (bigint_to_double(b, &d) != BIGINT_OK) {
        return bigint_sign(b) < 0 ? -INFINITY : INFINITY;
    }
    return d;
}

/******************************************************************************/
// Small int arithmetic helpers

mp_int_t mp_small_int_floor_divide(mp_int_t num, mp_int_t denom) {
    mp_int_t q = num / denom;
    if ((num % denom != 0) && ((num < 0) != (denom < 0))) {
        q -= 1;
    }
    return q;
}

mp_int_t mp_small_int_modulo(mp_int_t dividend, mp_int_t divisor) {
    mp_int_t r = dividend % divisor;
    if (r != 0 && ((r < 0) != (divisor < 0))) {
        r += divisor;
    }
    return r;
}

bool mp_small_int_mul_overflow(mp_int_t x, mp_int_t y) {
    mp_int_t r;
    if (__builtin_mul_overflow(x, y, &r)) {
        return true;
    }
    return !(r >= MP_SMALL_INT_MIN && r <= MP_SMALL_INT_MAX);
}

/******************************************************************************/
// Operators

mp_obj_t mp_obj_int_unary_op(mp_unary_op_t op, mp_obj_t o_in) {
    if (mp_obj_is_small_int(o_in)) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(o_in);
        switch (op) {
            case MP_UNARY_OP_BOOL:
                return mp_obj_new_bool(v != 0);
            case MP_UNARY_OP_NOT:
                return mp_obj_new_bool(v == 0);
            case MP_UNARY_OP_HASH:
            case MP_UNARY_OP_POSITIVE:
            case MP_UNARY_OP_INT_MAYBE:
                return o_in;
            case MP_UNARY_OP_NEGATIVE:
                return mp_obj_new_int_from_ll(-(long long)v);
            case MP_UNARY_OP_ABS:
                return mp_obj_new_int_from_ll(v < 0 ? -(long long)v : v);
            case MP_UNARY_OP_INVERT:
                return MP_OBJ_NEW_SMALL_INT(~v);
            case MP_UNARY_OP_FLOAT_MAYBE:
                return mp_obj_new_float((mp_float_t)v);
            default:
                return MP_OBJ_NULL;
        }
    }
    mp_obj_int_t *self = MP_OBJ_TO_PTR(o_in);
    bigint_t r;
    bigint_init(&r);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_const_true; // a big int is never zero
        case MP_UNARY_OP_NOT:
            return mp_const_false;
        case MP_UNARY_OP_HASH:
            return MP_OBJ_NEW_SMALL_INT(mp_obj_int_hash(o_in));
        case MP_UNARY_OP_POSITIVE:
        case MP_UNARY_OP_INT_MAYBE:
            return o_in;
        case MP_UNARY_OP_NEGATIVE:
            mp_obj_int_check(bigint_neg(&r, &self->val));
            break;
        case MP_UNARY_OP_ABS:
            if (bigint_sign(&self->val) >= 0) {
                return o_in;
            }
            mp_obj_int_check(bigint_neg(&r, &self->val));
            break;
        case MP_UNARY_OP_INVERT:
            mp_obj_int_check(bigint_invert(&r, &self->val));
            break;
        case MP_UNARY_OP_FLOAT_MAYBE:
            return mp_obj_new_float(mp_obj_int_as_float(o_in));
        default:
            return MP_OBJ_NULL;
    }
    return mp_obj_int_from_bigint(&r);
}

// Small int op small int without allocation where possible; MP_OBJ_NULL
// when the result needs the big int path.
static mp_obj_t int_small_binary_op(mp_binary_op_t op, mp_int_t a, mp_int_t b) {
    switch (op) {
        case MP_BINARY_OP_OR:
        case MP_BINARY_OP_INPLACE_OR:
            return MP_OBJ_NEW_SMALL_INT(a | b);
        case MP_BINARY_OP_XOR:
        case MP_BINARY_OP_INPLACE_XOR:
            return MP_OBJ_NEW_SMALL_INT(a ^ b);
        case MP_BINARY_OP_AND:
        case MP_BINARY_OP_INPLACE_AND:
            return MP_OBJ_NEW_SMALL_INT(a & b);
        case MP_BINARY_OP_ADD:
        case MP_BINARY_OP_INPLACE_ADD:
            return mp_obj_new_int_from_ll((long long)a + b);
        case MP_BINARY_OP_SUBTRACT:
        case MP_BINARY_OP_INPLACE_SUBTRACT:
            return mp_obj_new_int_from_ll((long long)a - b);
        case MP_BINARY_OP_MULTIPLY:
        case MP_BINARY_OP_INPLACE_MULTIPLY:
            if (mp_small_int_mul_overflow(a, b)) {
                return MP_OBJ_NULL;
            }
            return MP_OBJ_NEW_SMALL_INT(a * b);
        case MP_BINARY_OP_FLOOR_DIVIDE:
        case MP_BINARY_OP_INPLACE_FLOOR_DIVIDE:
            if (b == 0) {
                mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
            }
            return mp_obj_new_int_from_ll(mp_small_int_floor_divide(a, b));
        case MP_BINARY_OP_MODULO:
        case MP_BINARY_OP_INPLACE_MODULO:
            if (b == 0) {
                mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
            }
            return MP_OBJ_NEW_SMALL_INT(mp_small_int_modulo(a, b));
        case MP_BINARY_OP_DIVMOD: {
            if (b == 0) {
                mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
            }
            mp_obj_t items[2] = {
                mp_obj_new_int_from_ll(mp_small_int_floor_divide(a, b)),
                MP_OBJ_NEW_SMALL_INT(mp_small_int_modulo(a, b)),
            };
            return mp_obj_new_tuple(2, items);
        }
        case MP_BINARY_OP_TRUE_DIVIDE:
        case MP_BINARY_OP_INPLACE_TRUE_DIVIDE:
            if (b == 0) {
                mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
            }
            return mp_obj_new_float((mp_float_t)a / (mp_float_t)b);
        case MP_BINARY_OP_LSHIFT:
        case MP_BINARY_OP_INPLACE_LSHIFT:
            if (b < 0) {
                mp_raise_ValueError(MP_ERROR_TEXT("negative shift count"));
            }
            if (b >= (mp_int_t)(sizeof(mp_int_t) * 8 - 1) || a > (MP_SMALL_INT_MAX >> b)
                || a < (MP_SMALL_INT_MIN >> b)) {
                return MP_OBJ_NULL;
            }
            return MP_OBJ_NEW_SMALL_INT((mp_int_t)((mp_uint_t)a << b));
        case MP_BINARY_OP_RSHIFT:
        case MP_BINARY_OP_INPLACE_RSHIFT:
            if (b < 0) {
                mp_raise_ValueError(MP_ERROR_TEXT("negative shift count"));
            }
            if (b >= (mp_int_t)(sizeof(mp_int_t) * 8)) {
                b = sizeof(mp_int_t) * 8 - 1;
            }
            return MP_OBJ_NEW_SMALL_INT(a >> b);
        case MP_BINARY_OP_POWER:
        case MP_BINARY_OP_INPLACE_POWER: {
            if (b < 0) {
                return mp_obj_float_binary_op(op, (mp_float_t)a, MP_OBJ_NEW_SMALL_INT(b));
            }
            mp_int_t ans = 1, base = a;
            while (b > 0) {
                if (b & 1) {
                    if (mp_small_int_mul_overflow(ans, base)) {
                        return MP_OBJ_NULL;
                    }
                    ans *= base;
                }
                b >>= 1;
                if (b == 0) {
                    break;
                }
                if (mp_small_int_mul_overflow(base, base)) {
                    return MP_OBJ_NULL;
                }
                base *= base;
            }
            return MP_OBJ_NEW_SMALL_INT(ans);
        }
        case MP_BINARY_OP_LESS:
            return mp_obj_new_bool(a < b);
        case MP_BINARY_OP_MORE:
            return mp_obj_new_bool(a > b);
        case MP_BINARY_OP_EQUAL:
            return mp_obj_new_bool(a == b);
        case MP_BINARY_OP_LESS_EQUAL:
            return mp_obj_new_bool(a <= b);
        case MP_BINARY_OP_MORE_EQUAL:
            return mp_obj_new_bool(a >= b);
        case MP_BINARY_OP_NOT_EQUAL:
            return mp_obj_new_bool(a != b);
        default:
            return MP_OBJ_NULL;
    }
}

static size_t int_shift_count(mp_obj_t rhs) {
    if (mp_obj_int_sign(rhs) < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("negative shift count"));
    }
    return (size_t)mp_obj_int_get_checked(rhs);
}

// Either operand may be a big int (or both small, when the small path
// overflowed).
static mp_obj_t int_big_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    mp_obj_int_use_gc();
    bigint_t lv, rv;
    bigint_digit_t ls[BIGINT_I64_DIGITS], rs[BIGINT_I64_DIGITS];
    const bigint_t *a = mp_obj_int_get_bigint(lhs_in, &lv, ls);
    const bigint_t *b = mp_obj_int_get_bigint(rhs_in, &rv, rs);
    bigint_t r;
    bigint_init(&r);
    switch (op) {
        case MP_BINARY_OP_OR:
        case MP_BINARY_OP_INPLACE_OR:
            mp_obj_int_check(bigint_or(&r, a, b));
            break;
        case MP_BINARY_OP_XOR:
        case MP_BINARY_OP_INPLACE_XOR:
            mp_obj_int_check(bigint_xor(&r, a, b));
            break;
        case MP_BINARY_OP_AND:
        case MP_BINARY_OP_INPLACE_AND:
            mp_obj_int_check(bigint_and(&r, a, b));
            break;
        case MP_BINARY_OP_ADD:
        case MP_BINARY_OP_INPLACE_ADD:
            mp_obj_int_check(bigint_add(&r, a, b));
            break;
        case MP_BINARY_OP_SUBTRACT:
        case MP_BINARY_OP_INPLACE_SUBTRACT:
            mp_obj_int_check(bigint_sub(&r, a, b));
            break;
        case MP_BINARY_OP_MULTIPLY:
        case MP_BINARY_OP_INPLACE_MULTIPLY:
            mp_obj_int_check(bigint_mul(&r, a, b));
            break;
        case MP_BINARY_OP_FLOOR_DIVIDE:
        case MP_BINARY_OP_INPLACE_FLOOR_DIVIDE:
            mp_obj_int_check(bigint_floordiv(&r, a, b));
            break;
        case MP_BINARY_OP_MODULO:
        case MP_BINARY_OP_INPLACE_MODULO:
            mp_obj_int_check(bigint_mod(&r, a, b));
            break;
        case MP_BINARY_OP_DIVMOD: {
            bigint_t m;
            bigint_init(&m);
            mp_obj_int_check(bigint_divmod(&r, &m, a, b));
            mp_obj_t items[2] = {mp_obj_int_from_bigint(&r), mp_obj_int_from_bigint(&m)};
            return mp_obj_new_tuple(2, items);
        }
        case MP_BINARY_OP_TRUE_DIVIDE:
        case MP_BINARY_OP_INPLACE_TRUE_DIVIDE:
            // As MicroPython: both operands rounded to floats first.
            if (bigint_is_zero(b)) {
                mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
            }
            return mp_obj_new_float(mp_obj_int_as_float(lhs_in) / mp_obj_int_as_float(rhs_in));
        case MP_BINARY_OP_LSHIFT:
        case MP_BINARY_OP_INPLACE_LSHIFT:
            mp_obj_int_check(bigint_shl(&r, a, int_shift_count(rhs_in)));
            break;
        case MP_BINARY_OP_RSHIFT:
        case MP_BINARY_OP_INPLACE_RSHIFT:
            if (bigint_sign(b) < 0) {
                mp_raise_ValueError(MP_ERROR_TEXT("negative shift count"));
            }
            if (!mp_obj_is_small_int(rhs_in)) {
                // Shifting everything out.
                return MP_OBJ_NEW_SMALL_INT(bigint_sign(a) < 0 ? -1 : 0);
            }
            mp_obj_int_check(bigint_shr(&r, a, int_shift_count(rhs_in)));
            break;
        case MP_BINARY_OP_POWER:
        case MP_BINARY_OP_INPLACE_POWER:
            if (bigint_sign(b) < 0) {
                return mp_obj_float_binary_op(op, mp_obj_int_as_float(lhs_in), rhs_in);
            }
            mp_obj_int_check(bigint_pow(&r, a, b));
            break;
        case MP_BINARY_OP_LESS:
            return mp_obj_new_bool(bigint_cmp(a, b) < 0);
        case MP_BINARY_OP_MORE:
            return mp_obj_new_bool(bigint_cmp(a, b) > 0);
        case MP_BINARY_OP_EQUAL:
            return mp_obj_new_bool(bigint_cmp(a, b) == 0);
        case MP_BINARY_OP_LESS_EQUAL:
            return mp_obj_new_bool(bigint_cmp(a, b) <= 0);
        case MP_BINARY_OP_MORE_EQUAL:
            return mp_obj_new_bool(bigint_cmp(a, b) >= 0);
        case MP_BINARY_OP_NOT_EQUAL:
            return mp_obj_new_bool(bigint_cmp(a, b) != 0);
        default:
            return MP_OBJ_NULL;
    }
    return mp_obj_int_from_bigint(&r);
}

mp_obj_t mp_obj_int_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    if (mp_obj_is_bool(lhs_in)) {
        lhs_in = MP_OBJ_NEW_SMALL_INT(lhs_in == mp_const_true);
    }
    if (mp_obj_is_bool(rhs_in)) {
        rhs_in = MP_OBJ_NEW_SMALL_INT(rhs_in == mp_const_true);
    }
    if (mp_obj_is_int(rhs_in)) {
        if (mp_obj_is_small_int(lhs_in) && mp_obj_is_small_int(rhs_in)) {
            mp_obj_t res = int_small_binary_op(op, MP_OBJ_SMALL_INT_VALUE(lhs_in), MP_OBJ_SMALL_INT_VALUE(rhs_in));
            if (res != MP_OBJ_NULL || op == MP_BINARY_OP_IN || op == MP_BINARY_OP_CONTAINS
                || op >= MP_BINARY_OP_REVERSE_OR) {
                return res;
            }
        }
        return int_big_binary_op(op, lhs_in, rhs_in);
    }
    if (mp_obj_is_exact_type(rhs_in, &mp_type_float)) {
        return mp_obj_float_binary_op(op, mp_obj_int_as_float(lhs_in), rhs_in);
    }
    if (op == MP_BINARY_OP_MULTIPLY || op == MP_BINARY_OP_INPLACE_MULTIPLY) {
        // int * sequence: the sequence repeats itself.
        if (mp_obj_is_str(rhs_in) || mp_obj_is_exact_type(rhs_in, &mp_type_bytes)
            || mp_obj_is_exact_type(rhs_in, &mp_type_tuple) || mp_obj_is_exact_type(rhs_in, &mp_type_list)) {
            return mp_binary_op(MP_BINARY_OP_MULTIPLY, rhs_in, lhs_in);
        }
    }
    return MP_OBJ_NULL;
}

mp_obj_t mp_obj_int_pow3(mp_obj_t base, mp_obj_t exponent, mp_obj_t modulus) {
    if (!mp_obj_is_integer(base) || !mp_obj_is_integer(exponent) || !mp_obj_is_integer(modulus)) {
        mp_raise_TypeError(MP_ERROR_TEXT("pow() with 3 arguments requires integers"));
    }
    mp_obj_int_use_gc();
    bigint_t av, ev, mv, r;
    bigint_digit_t as[BIGINT_I64_DIGITS], es[BIGINT_I64_DIGITS], ms[BIGINT_I64_DIGITS];
    const bigint_t *a = mp_obj_int_get_bigint(base, &av, as);
    const bigint_t *e = mp_obj_int_get_bigint(exponent, &ev, es);
    const bigint_t *m = mp_obj_int_get_bigint(modulus, &mv, ms);
    if (bigint_is_zero(m)) {
        mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
    }
    bigint_init(&r);
    mp_obj_int_check(bigint_pow_mod(&r, a, e, m));
    return mp_obj_int_from_bigint(&r);
}

/******************************************************************************/
// Text

char *mp_obj_int_formatted(char **buf, size_t *buf_size, size_t *fmt_size, mp_const_obj_t self_in,
    int base, const char *prefix, char base_char, char comma) {
    bigint_t view;
    bigint_digit_t store[BIGINT_I64_DIGITS];
    const bigint_t *a = mp_obj_int_get_bigint(self_in, &view, store);
    unsigned flags = base_char == 'A' ? BIGINT_STR_UPPER : 0;
    size_t dsize = bigint_str_size(a, base, flags);
    char *digits = m_malloc(dsize);
    size_t dlen;
    mp_obj_int_check(bigint_to_str(a, base, flags, digits, dsize, &dlen));
    const char *d = digits;
    bool neg = d[0] == '-';
    if (neg) {
        d++;
        dlen--;
    }
    size_t plen = prefix ? strlen(prefix) : 0;
    size_t ncommas = comma && dlen > 0 ? (dlen - 1) / 3 : 0;
    size_t needed = neg + plen + dlen + ncommas + 1;
    if (needed > *buf_size) {
        *buf = m_malloc(needed);
        *buf_size = needed;
    }
    char *out = *buf;
    size_t n = 0;
    if (neg) {
        out[n++] = '-';
    }
    for (size_t i = 0; i < plen; i++) {
        out[n++] = prefix[i];
    }
    for (size_t i = 0; i < dlen; i++) {
        if (ncommas && i > 0 && (dlen - i) % 3 == 0) {
            out[n++] = comma;
        }
        out[n++] = d[i];
    }
    out[n] = '\0';
    *fmt_size = n;
    m_free(digits);
    return out;
}

static void int_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    char stack_buf[32];
    char *buf = stack_buf;
    size_t buf_size = sizeof(stack_buf), fmt_size;
    char *s = mp_obj_int_formatted(&buf, &buf_size, &fmt_size, self_in, 10, NULL, 'a', '\0');
    print->print_strn(print->data, s, fmt_size);
    if (buf != stack_buf) {
        m_free(buf);
    }
}

/******************************************************************************/
// The type

static mp_obj_t int_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    mp_arg_check_num(n_args, n_kw, 0, 2, false);
    if (n_args == 0) {
        return MP_OBJ_NEW_SMALL_INT(0);
    }
    mp_obj_t arg = args[0];
    if (n_args == 2) {
        size_t len;
        const char *s = mp_obj_str_get_data(arg, &len);
        return mp_parse_num_integer(s, len, mp_obj_get_int(args[1]));
    }
    if (mp_obj_is_int(arg)) {
        return arg;
    }
    if (mp_obj_is_bool(arg)) {
        return MP_OBJ_NEW_SMALL_INT(arg == mp_const_true);
    }
    if (mp_obj_is_exact_type(arg, &mp_type_float)) {
        return mp_obj_new_int_from_float(mp_obj_float_get(arg));
    }
    if (mp_obj_is_str(arg)) {
        size_t len;
        const char *s = mp_obj_str_get_data(arg, &len);
        return mp_parse_num_integer(s, len, 0);
    }
    if (mp_obj_is_obj(arg) && MP_OBJ_TYPE_HAS_SLOT(mp_obj_get_type(arg), unary_op)) {
        mp_obj_t o = mp_unary_op(MP_UNARY_OP_INT_MAYBE, arg);
        if (o != MP_OBJ_NULL) {
            return o;
        }
    }
    mp_buffer_info_t bufinfo;
    if (mp_get_buffer(arg, &bufinfo, MP_BUFFER_READ)) {
        return mp_parse_num_integer(bufinfo.buf, bufinfo.len, 0);
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("can't convert %s to int"), mp_obj_get_type_str(arg));
}

// int.from_bytes(bytes, byteorder[, signed]): a classmethod; MicroPython
// v1.21 ignores `signed` (always unsigned).
static mp_obj_t int_from_bytes(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[1], &bufinfo, MP_BUFFER_READ);
    bool big_endian = args[2] != MP_OBJ_NEW_QSTR(MP_QSTR_little);
    return mp_obj_int_from_bytes_impl(big_endian, bufinfo.len, bufinfo.buf, false);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(int_from_bytes_fun_obj, 3, 4, int_from_bytes);
static const mp_rom_obj_static_class_method_t int_from_bytes_obj = {
    {&mp_type_classmethod}, MP_ROM_PTR(&int_from_bytes_fun_obj)
};

// int.to_bytes(length, byteorder[, signed]): the low length bytes of the
// two's complement, as MicroPython v1.21 (no overflow check).
static mp_obj_t int_to_bytes(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    mp_int_t len = mp_obj_get_int(args[1]);
    if (len < 0) {
        mp_raise_ValueError(NULL);
    }
    bool big_endian = args[2] != MP_OBJ_NEW_QSTR(MP_QSTR_little);
    vstr_t vstr;
    vstr_init_len(&vstr, len);
    mp_obj_int_to_bytes_impl(args[0], big_endian, len, (byte *)vstr.buf);
    return mp_obj_new_bytes_from_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(int_to_bytes_obj, 3, 4, int_to_bytes);

static const mp_rom_map_elem_t int_locals_dict_table[] = {
    {MP_ROM_QSTR(MP_QSTR_from_bytes), MP_ROM_PTR(&int_from_bytes_obj)},
    {MP_ROM_QSTR(MP_QSTR_to_bytes), MP_ROM_PTR(&int_to_bytes_obj)},
};
static MP_DEFINE_CONST_DICT(int_locals_dict, int_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_int,
    MP_QSTR_int,
    MP_TYPE_FLAG_NONE,
    make_new, int_make_new,
    print, int_print,
    unary_op, mp_obj_int_unary_op,
    binary_op, mp_obj_int_binary_op,
    locals_dict, &int_locals_dict
    );
