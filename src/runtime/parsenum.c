// Parsing numbers from text: int() and float() of strings, and the
// compiler's number literals, with MicroPython v1.21's rules and messages.
//
// Floats are parsed the way MicroPython does it (digits accumulated into a
// double, then scaled by a power of ten), not correctly rounded: the same
// text gives the same double as in MicroPython, so results print alike.
#include <limits.h>
#include <math.h>
#include <string.h>

#include "runtime/objint.h"

static bool parse_isspace(byte c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// The value of digit character c in bases up to 36, or 36 or more for a
// character that is no digit.
static unsigned parse_digit_value(byte c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    return 99;
}

// Skips a base prefix (0x, 0o, 0b) fitting *base; base 0 becomes the base
// of the prefix, or 10. Returns the length of the prefix.
static size_t parse_base_prefix(const byte *s, size_t len, int *base) {
    if (len >= 2 && s[0] == '0') {
        byte c = s[1] | 0x20;
        if ((*base == 0 || *base == 16) && c == 'x') {
            *base = 16;
            return 2;
        }
        if ((*base == 0 || *base == 8) && c == 'o') {
            *base = 8;
            return 2;
        }
        if ((*base == 0 || *base == 2) && c == 'b') {
            *base = 2;
            return 2;
        }
    }
    if (*base == 0) {
        *base = 10;
    }
    return 0;
}

// Reads the digits (and underscores) at *str as a big int and leaves *str
// after them.
mp_obj_t mp_obj_new_int_from_str_len(const char **str, size_t len, bool neg, unsigned int base) {
    const byte *s = (const byte *)*str;
    char *digits = m_malloc(len + 2);
    size_t n = 0, i = 0;
    if (neg) {
        digits[n++] = '-';
    }
    for (; i < len; i++) {
        if (s[i] == '_') {
            continue;
        }
        if (parse_digit_value(s[i]) >= base) {
            break;
        }
        digits[n++] = s[i];
    }
    *str += i;
    mp_obj_int_use_gc();
    bigint_t b;
    bigint_init(&b);
    if (n == (size_t)neg) {
        m_free(digits);
        return MP_OBJ_NEW_SMALL_INT(0);
    }
    bigint_err_t err = bigint_from_str(&b, digits, n, base);
    m_free(digits);
    mp_obj_int_check(err);
    return mp_obj_int_from_bigint(&b);
}

mp_obj_t mp_parse_num_integer(const char *restrict str_, size_t len, int base) {
    const byte *str = (const byte *)str_;
    const byte *top = str + len;
    bool neg = false;
    if ((base != 0 && base < 2) || base > 36) {
        mp_raise_ValueError(MP_ERROR_TEXT("int() arg 2 must be >= 2 and <= 36"));
    }
    while (str < top && parse_isspace(*str)) {
        str++;
    }
    if (str < top && (*str == '+' || *str == '-')) {
        neg = *str == '-';
        str++;
    }
    str += parse_base_prefix(str, top - str, &base);

    const byte *digits_start = str;
    mp_obj_t result;
    mp_int_t val = 0;
    for (; str < top; str++) {
        if (*str == '_') {
            continue;
        }
        unsigned dig = parse_digit_value(*str);
        if (dig >= (unsigned)base) {
            break;
        }
        if (mp_small_int_mul_overflow(val, base) || !MP_SMALL_INT_FITS(val * base + (mp_int_t)dig)) {
            // Too big for a small int: parse it again as a big int.
            const char *s2 = (const char *)digits_start;
            result = mp_obj_new_int_from_str_len(&s2, top - digits_start, neg, base);
            str = (const byte *)s2;
            goto parsed;
        }
        val = val * base + dig;
    }
    result = MP_OBJ_NEW_SMALL_INT(neg ? -val : val);
parsed:
    if (str != digits_start) {
        while (str < top && parse_isspace(*str)) {
            str++;
        }
        if (str == top) {
            return result;
        }
    }
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 50, &print);
    mp_printf(&print, "invalid syntax for integer with base %d: ", base);
    mp_str_print_quoted(&print, digits_start, top - digits_start, true);
    nlr_raise(mp_obj_new_exception_arg1(&mp_type_ValueError, mp_obj_new_str_from_vstr(&vstr)));
}

/******************************************************************************/
// Decimal numbers

typedef enum { IN_INTEGER, IN_FRACTION, IN_EXPONENT } parse_part_t;

// Beyond this the mantissa takes no more digits (only the exponent grows).
#define DEC_VAL_MAX 1e200
#define SMALL_NORMAL_VAL 1e-307
#define SMALL_NORMAL_EXP (-307)
#define EXACT_POWER_OF_10 22

static void parse_take_digit(double *val, unsigned dig, int *exp_extra, parse_part_t part) {
    if (*val < DEC_VAL_MAX) {
        *val = 10 * *val + dig;
        if (part == IN_FRACTION) {
            (*exp_extra)--;
        }
    } else if (part == IN_INTEGER) {
        (*exp_extra)++;
    }
}

static bool parse_word(const char *s, const char *top, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(top - s) < n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if ((s[i] | 0x20) != word[i]) {
            return false;
        }
    }
    return true;
}

NORETURN static void parse_number_error(void) {
    mp_raise_ValueError(MP_ERROR_TEXT("invalid syntax for number"));
}

mp_obj_t mp_parse_num_decimal(const char *str, size_t len, bool allow_imag, bool force_complex) {
    const char *top = str + len;
    double val = 0;
    bool neg = false;
    while (str < top && parse_isspace(*str)) {
        str++;
    }
    if (str < top && (*str == '+' || *str == '-')) {
        neg = *str == '-';
        str++;
    }
    const char *val_start = str;
    if (parse_word(str, top, "inf")) {
        str += 3;
        val = INFINITY;
        if (parse_word(str, top, "inity")) {
            str += 5;
        }
    } else if (parse_word(str, top, "nan")) {
        str += 3;
        val = NAN;
    } else {
        parse_part_t part = IN_INTEGER;
        bool exp_neg = false;
        int exp_val = 0, exp_extra = 0;
        // Zeros are held back until a nonzero digit follows, so that
        // trailing zeros only scale the exponent.
        int zeros_int = 0, zeros_frac = 0;
        while (str < top) {
            unsigned c = (byte)*str++;
            if (c >= '0' && c <= '9') {
                unsigned dig = c - '0';
                if (part == IN_EXPONENT) {
                    if (exp_val < (INT_MAX / 2 - 9) / 10) {
                        exp_val = 10 * exp_val + dig;
                    }
                } else if (dig == 0 || val >= DEC_VAL_MAX) {
                    if (part == IN_INTEGER) {
                        zeros_int++;
                    } else {
                        zeros_frac++;
                    }
                } else {
                    for (; zeros_int > 0; zeros_int--) {
                        parse_take_digit(&val, 0, &exp_extra, IN_INTEGER);
                    }
                    for (; zeros_frac > 0; zeros_frac--) {
                        parse_take_digit(&val, 0, &exp_extra, IN_FRACTION);
                    }
                    parse_take_digit(&val, dig, &exp_extra, part);
                }
            } else if (part == IN_INTEGER && c == '.') {
                part = IN_FRACTION;
            } else if (part != IN_EXPONENT && (c | 0x20) == 'e') {
                part = IN_EXPONENT;
                if (str < top && (*str == '+' || *str == '-')) {
                    exp_neg = *str == '-';
                    str++;
                }
                if (str == top) {
                    parse_number_error();
                }
            } else if (c == '_') {
                continue;
            } else {
                str--;
                break;
            }
        }
        if (exp_neg) {
            exp_val = -exp_val;
        }
        exp_val += exp_extra + zeros_int;
        if (exp_val < SMALL_NORMAL_EXP) {
            exp_val -= SMALL_NORMAL_EXP;
            val *= SMALL_NORMAL_VAL;
        }
        if (exp_val < 0 && exp_val >= -EXACT_POWER_OF_10) {
            val /= pow(10, -exp_val);
        } else {
            val *= pow(10, exp_val);
        }
    }
    if (allow_imag && str < top && (*str | 0x20) == 'j') {
        mp_raise_NotImplementedError(MP_ERROR_TEXT("complex values not supported"));
    }
    (void)force_complex;
    if (neg) {
        val = -val;
    }
    if (str == val_start) {
        parse_number_error();
    }
    while (str < top && parse_isspace(*str)) {
        str++;
    }
    if (str != top) {
        parse_number_error();
    }
    return mp_obj_new_float(val);
}
