// Formatting doubles as text exactly as MicroPython v1.21 does (its own
// digit generator, not the C library's printf): repr(0.1 + 0.2) is "0.3"
// there, and every float printed by this runtime must read the same.
//
// The method: find the decimal exponent e of |f| with powers of ten from
// pow(), then peel digits off by repeated subtraction of 10**k (k >= 0) or,
// below the units, by scaling f by ten; one digit more than shown is made
// and decides the rounding (half up on that digit alone). The precision is
// clipped so that the text fits the caller's buffer, as MicroPython does:
// printing with a 32-byte buffer limits '%.30f' the same way there.
#include <math.h>
#include <string.h>

#include "runtime/runtime.h"

// Room for an exponent with its sign and letter, and a sign: "+9e+199".
#define FMT_EXP_ROOM 7

static int fmt_binary_exponent(double x) {
    union {
        double f;
        uint64_t i;
    } u = {x};
    return (int)((u.i >> 52) & 0x7ff) - 1023;
}

int mp_format_float(mp_float_t f, char *buf, size_t buf_size, char fmt, int prec, char sign) {
    char *s = buf;
    if (buf_size <= FMT_EXP_ROOM) {
        // Too small for any number.
        if (buf_size >= 2) {
            *s++ = '?';
        }
        if (buf_size >= 1) {
            *s = '\0';
        }
        return buf_size >= 2;
    }
    if (signbit(f) && !isnan(f)) {
        *s++ = '-';
        f = -f;
    } else if (sign) {
        *s++ = sign;
    }
    // Bytes left for digits, point and exponent (the NUL excluded).
    int room = (int)buf_size - 1 - (int)(s - buf);

    char upper = fmt & 0x20; // 0 for upper-case formats
    if (isinf(f) || isnan(f)) {
        const char *word = isinf(f) ? "INF" : "NAN";
        for (int i = 0; i < 3; i++) {
            *s++ = word[i] ^ upper;
        }
        *s = '\0';
        return (int)(s - buf);
    }

    if (prec < 0) {
        prec = 6;
    }
    char e_letter = 'E' | (fmt & 0x20);
    fmt |= 0x20;
    const char asked = fmt;
    if (fmt == 'g' && prec == 0) {
        prec = 1;
    }

    int e;                 // |decimal exponent|
    int point_after = 0;   // digits still to emit before the point
    char e_sign = '\0';    // '+'/'-' when an exponent is written
    int n_digits = 0;      // digits to emit
    int first_power = 0;   // power of ten of the first digit
    int e_guess = (int)(fmt_binary_exponent(f) * 0.3010299956639812);

    if (f == 0) {
        e = 0;
        if (fmt == 'f') {
            if (prec + 2 > room) {
                prec = room - 2;
            }
            n_digits = prec + 1;
        } else {
            if (prec + 6 > room) {
                prec = room - 6;
            }
            if (fmt == 'e') {
                e_sign = '+';
            }
        }
    } else if (f < 1.0) {
        double unscaled = f;
        e = -e_guess;
        double unit = pow(10, -e);
        while (unit > f) {
            e++;
            unit = pow(10, -e);
        }
        f /= unit; // now in [1, 10)
        if (fmt == 'f' || (fmt == 'g' && e <= 4)) {
            // Fixed notation: digits start at the units (all zeros there).
            fmt = 'f';
            if (asked == 'g') {
                prec += e - 1;
            }
            if (prec + 2 > room) {
                prec = room - 2;
            }
            n_digits = prec + 1;
            f = unscaled;
        } else {
            e_sign = '-';
            if (prec > room - FMT_EXP_ROOM) {
                prec = room - FMT_EXP_ROOM;
                if (fmt == 'g') {
                    prec++;
                }
            }
            first_power = -e;
        }
    } else {
        // Find e with 10**e <= f < 10**(e+1), leaving f unscaled.
        e = e_guess;
        while (f >= pow(10, e + 1)) {
            e++;
        }
        if (fmt == 'f') {
            if (e >= room) {
                fmt = 'e';
            } else if (e + prec + 2 > room) {
                prec = room - e - 2;
                if (prec < 0) {
                    prec++;
                }
            }
        }
        if (fmt == 'e' && prec > room - FMT_EXP_ROOM) {
            prec = room - FMT_EXP_ROOM;
        }
        if (fmt == 'g' && prec + FMT_EXP_ROOM - 1 > room) {
            prec = room - (FMT_EXP_ROOM - 1);
        }
        if (fmt == 'g' && e < prec) {
            fmt = 'f';
            prec -= e + 1;
        }
        if (fmt == 'f') {
            point_after = e;
            n_digits = prec + e + 1;
        } else {
            e_sign = '+';
        }
        first_power = e;
    }
    if (prec < 0) {
        prec = 0;
    }
    if (fmt == 'e') {
        n_digits = prec + 1;
    } else if (fmt == 'g') {
        if (prec == 0) {
            prec = 1;
        }
        n_digits = prec;
    }

    // Digits: one more is computed than shown; it decides the rounding.
    int next_digit = 0;
    for (int power = first_power; n_digits >= 0; power--) {
        double unit = power > 0 ? pow(10, power) : 1.0;
        int d = 0;
        while (d < 9 && f >= unit) {
            f -= unit;
            d++;
        }
        next_digit = d;
        if (n_digits > 0) {
            *s++ = (char)('0' + d);
            if (point_after == 0 && prec > 0) {
                *s++ = '.';
            }
        }
        point_after--;
        n_digits--;
        if (power <= 0) {
            f *= 10.0;
        }
    }

    if (next_digit >= 5) {
        // Round up the shown digits, carrying leftwards over the point.
        char *r = s - 1;
        for (;;) {
            if (*r == '.') {
                r--;
                continue;
            }
            if (*r < '0' || *r > '9') {
                r++; // a sign: the carry lands on the digit after it
                break;
            }
            if (*r < '9') {
                (*r)++;
                break;
            }
            *r = '0';
            if (r == buf) {
                break;
            }
            r--;
        }
        if (*r == '0') {
            // All nines: a leading 1 goes in front.
            if (r[1] == '.' && fmt != 'f') {
                // 9.99e+N becomes 1.00e+N+1: the point stays after one digit.
                r[0] = '.';
                r[1] = '0';
                if (e_sign == '-') {
                    e--;
                    if (e == 0) {
                        e_sign = '+';
                    }
                } else {
                    e++;
                }
            } else if ((size_t)(s + 1 - buf) < buf_size) {
                s++; // one digit longer (or, at the limit, the last one drops)
            }
            for (char *p = s; p > r; p--) {
                *p = p[-1];
            }
            *r = '1';
        }
    }

    if (asked == 'g' && prec > 0) {
        while (s[-1] == '0') {
            s--;
        }
        if (s[-1] == '.') {
            s--;
        }
    }
    if (e_sign) {
        *s++ = e_letter;
        *s++ = e_sign;
        if (e >= 100) {
            *s++ = (char)('0' + e / 100);
        }
        *s++ = (char)('0' + (e / 10) % 10);
        *s++ = (char)('0' + e % 10);
    }
    *s = '\0';
    return (int)(s - buf);
}

int mp_print_float(const mp_print_t *print, mp_float_t f, char fmt, int flags, char fill, int width, int prec) {
    char buf[32];
    char sign = '\0';
    if (flags & PF_FLAG_SHOW_SIGN) {
        sign = '+';
    } else if (flags & PF_FLAG_SPACE_SIGN) {
        sign = ' ';
    }
    int len = mp_format_float(f, buf, sizeof(buf), fmt, prec, sign);
    if ((flags & PF_FLAG_ADD_PERCENT) && (size_t)(len + 1) < sizeof(buf)) {
        buf[len++] = '%';
        buf[len] = '\0';
    }
    char *s = buf;
    int chrs = 0;
    if ((flags & PF_FLAG_PAD_AFTER_SIGN) && (buf[0] == '-' || buf[0] == '+' || buf[0] == ' ')) {
        // '=' alignment: the sign first, then the padding.
        chrs += mp_print_strn(print, buf, 1, 0, 0, 1);
        s++;
        width--;
        len--;
    }
    chrs += mp_print_strn(print, s, len, flags, fill, width);
    return chrs;
}
