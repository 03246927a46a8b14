// Numeric built-ins: abs, divmod, pow, round, hex, oct, bin, chr, ord, hash,
// id.
#include "runtime/modbuiltins.h"

#include <math.h>

static mp_obj_t builtin_abs(mp_obj_t x) {
    return mp_unary_op(MP_UNARY_OP_ABS, x);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_abs_obj, builtin_abs);

static mp_obj_t builtin_divmod(mp_obj_t a, mp_obj_t b) {
    return mp_binary_op(MP_BINARY_OP_DIVMOD, a, b);
}
MP_DEFINE_CONST_FUN_OBJ_2(mp_builtin_divmod_obj, builtin_divmod);

static mp_obj_t builtin_pow(size_t n_args, const mp_obj_t *args) {
    if (n_args == 2) {
        return mp_binary_op(MP_BINARY_OP_POWER, args[0], args[1]);
    }
    return mp_obj_int_pow3(args[0], args[1], args[2]);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin_pow_obj, 2, 3, builtin_pow);

// round(int, ndigits < 0): to the nearest multiple of 10**-ndigits, ties to
// the even multiple.
static mp_obj_t round_int(mp_obj_t x, mp_int_t ndigits) {
    if (ndigits >= 0) {
        return x;
    }
    mp_obj_t mult = mp_binary_op(MP_BINARY_OP_POWER, MP_OBJ_NEW_SMALL_INT(10), MP_OBJ_NEW_SMALL_INT(-ndigits));
    mp_obj_t half = mp_binary_op(MP_BINARY_OP_FLOOR_DIVIDE, mult, MP_OBJ_NEW_SMALL_INT(2));
    mp_obj_t rem = mp_binary_op(MP_BINARY_OP_MODULO, x, mult);
    mp_obj_t down = mp_binary_op(MP_BINARY_OP_SUBTRACT, x, rem);
    mp_obj_t up = mp_binary_op(MP_BINARY_OP_ADD, down, mult);
    if (mp_obj_is_true(mp_binary_op(MP_BINARY_OP_LESS, rem, half))) {
        return down;
    }
    if (mp_obj_is_true(mp_binary_op(MP_BINARY_OP_MORE, rem, half))) {
        return up;
    }
    // A tie: the multiple whose quotient is even.
    mp_obj_t q = mp_binary_op(MP_BINARY_OP_FLOOR_DIVIDE, down, mult);
    bool odd = mp_obj_is_true(mp_binary_op(MP_BINARY_OP_AND, q, MP_OBJ_NEW_SMALL_INT(1)));
    return odd ? up : down;
}

static mp_obj_t builtin_round(size_t n_args, const mp_obj_t *args) {
    mp_obj_t x = args[0];
    bool has_digits = n_args > 1 && args[1] != mp_const_none;
    if (mp_obj_is_integer(x) || mp_obj_is_big_int(x)) {
        if (mp_obj_is_bool(x)) {
            x = MP_OBJ_NEW_SMALL_INT(x == mp_const_true);
        }
        return has_digits ? round_int(x, mp_obj_get_int(args[1])) : x;
    }
    mp_float_t val = mp_obj_get_float(x);
    if (has_digits) {
        mp_int_t ndigits = mp_obj_get_int(args[1]);
        mp_float_t mult = pow(10, (mp_float_t)ndigits);
        // nearbyint rounds ties to even in the default rounding mode.
        mp_float_t rounded = nearbyint(val * mult) / mult;
        if (isfinite(rounded)) {
            return mp_obj_new_float(rounded);
        }
        return mp_obj_new_float(val);
    }
    return mp_obj_new_int_from_float(nearbyint(val));
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin_round_obj, 1, 2, builtin_round);

// hex/oct/bin: the int with its 0x/0o/0b prefix.
static mp_obj_t int_to_prefixed_str(mp_obj_t x, int base) {
    if (mp_obj_is_bool(x)) {
        x = MP_OBJ_NEW_SMALL_INT(x == mp_const_true);
    } else if (!mp_obj_is_int(x)) {
        // Not an int: raises the TypeError MicroPython gives.
        x = mp_obj_new_int(mp_obj_get_int(x));
    }
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    mp_print_mp_int(&print, x, base, 'a', PF_FLAG_SHOW_PREFIX | PF_FLAG_SHOW_OCTAL_LETTER, '\0', 0, 0);
    return mp_obj_new_str_from_vstr(&vstr);
}

static mp_obj_t builtin_hex(mp_obj_t x) {
    return int_to_prefixed_str(x, 16);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_hex_obj, builtin_hex);

static mp_obj_t builtin_oct(mp_obj_t x) {
    return int_to_prefixed_str(x, 8);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_oct_obj, builtin_oct);

static mp_obj_t builtin_bin(mp_obj_t x) {
    return int_to_prefixed_str(x, 2);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_bin_obj, builtin_bin);

static mp_obj_t builtin_chr(mp_obj_t code_in) {
    mp_int_t c = mp_obj_get_int(code_in);
    if (c < 0 || c >= 0x110000) {
        mp_raise_ValueError(MP_ERROR_TEXT("chr() arg not in range(0x110000)"));
    }
    vstr_t vstr;
    vstr_init(&vstr, 4);
    vstr_add_char(&vstr, (unsigned int)c);
    return mp_obj_new_str_from_vstr(&vstr);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_chr_obj, builtin_chr);

// Length in bytes of the UTF-8 sequence led by byte b (1 for a stray byte).
static size_t utf8_seq_len(byte b) {
    if (b >= 0xf0) {
        return 4;
    }
    if (b >= 0xe0) {
        return 3;
    }
    if (b >= 0xc0) {
        return 2;
    }
    return 1;
}

static mp_obj_t builtin_ord(mp_obj_t o_in) {
    size_t len;
    const byte *s = (const byte *)mp_obj_str_get_data(o_in, &len);
    if (mp_obj_is_str(o_in)) {
        // One code point, however many bytes it takes.
        size_t n_chars = 0;
        for (size_t i = 0; i < len; i += utf8_seq_len(s[i])) {
            n_chars++;
        }
        if (n_chars == 1) {
            mp_uint_t c = s[0];
            size_t n = utf8_seq_len(s[0]);
            if (n > 1) {
                c &= 0x3f >> (n - 1);
                for (size_t i = 1; i < n && i < len; i++) {
                    c = (c << 6) | (s[i] & 0x3f);
                }
            }
            return MP_OBJ_NEW_SMALL_INT(c);
        }
        len = n_chars;
    } else if (len == 1) {
        return MP_OBJ_NEW_SMALL_INT(s[0]);
    }
    mp_raise_msg_varg(&mp_type_TypeError,
        MP_ERROR_TEXT("ord() expected a character, but string of length %d found"), (int)len);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_ord_obj, builtin_ord);

static mp_obj_t builtin_hash(mp_obj_t o) {
    return mp_obj_hash(o);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_hash_obj, builtin_hash);

static mp_obj_t builtin_id(mp_obj_t o) {
    return mp_obj_id(o);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_id_obj, builtin_id);
