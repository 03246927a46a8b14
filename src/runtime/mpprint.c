// Printing: the stdout/stderr printers, padded strings and integers, and
// mp_printf with MicroPython's format extras (%q for a qstr, %b for a bool,
// %p without "0x", %ll, '*' width/precision). Floats are formatted by
// mp_print_float (formatfloat.c), int objects by mp_print_mp_int below.
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "runtime/runtime.h"

// Unbuffered, as MicroPython's unix port writes: output to stdout and stderr
// keeps its order when both go to the same file.
static void fd_write_all(int fd, const char *str, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, str, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return; // nowhere to report it
        }
        str += n;
        len -= (size_t)n;
    }
}

static void stdout_print_strn(void *data, const char *str, size_t len) {
    (void)data;
    fd_write_all(1, str, len);
}

static void stderr_print_strn(void *data, const char *str, size_t len) {
    (void)data;
    fd_write_all(2, str, len);
}

const mp_print_t mp_plat_print = { NULL, stdout_print_strn };
const mp_print_t mp_stderr_print = { NULL, stderr_print_strn };

int mp_print_str(const mp_print_t *print, const char *str) {
    size_t len = strlen(str);
    if (len) {
        print->print_strn(print->data, str, len);
    }
    return (int)len;
}

// Writes n copies of fill.
static void print_fill(const mp_print_t *print, char fill, int n) {
    char chunk[16];
    memset(chunk, fill, sizeof(chunk));
    while (n > 0) {
        int k = n < (int)sizeof(chunk) ? n : (int)sizeof(chunk);
        print->print_strn(print->data, chunk, (size_t)k);
        n -= k;
    }
}

// str[0..len) padded with fill to width bytes: on the left (right-aligned,
// the default), on the right (PF_FLAG_LEFT_ADJUST) or both (CENTER).
int mp_print_strn(const mp_print_t *print, const char *str, size_t len, int flags, char fill, int width) {
    if (fill == '\0') {
        fill = ' ';
    }
    int pad = width - (int)len;
    int left = 0, right = 0;
    if (pad > 0) {
        if (flags & PF_FLAG_CENTER_ADJUST) {
            left = pad / 2;
            right = pad - left;
        } else if (flags & PF_FLAG_LEFT_ADJUST) {
            right = pad;
        } else {
            left = pad;
        }
    }
    print_fill(print, fill, left);
    if (len) {
        print->print_strn(print->data, str, len);
    }
    print_fill(print, fill, right);
    return (int)len + left + right;
}

// A machine integer in base (2..16), with sign (is_signed) and prefix
// (PF_FLAG_SHOW_PREFIX); base_char 'a' or 'A' spells digits above 9.
static int print_machine_int(const mp_print_t *print, unsigned long long x, bool is_signed, int base,
    char base_char, int flags, char fill, int width) {
    char sign = '\0';
    if (is_signed) {
        if ((long long)x < 0) {
            sign = '-';
            x = -x;
        } else if (flags & PF_FLAG_SHOW_SIGN) {
            sign = '+';
        } else if (flags & PF_FLAG_SPACE_SIGN) {
            sign = ' ';
        }
    }
    char buf[3 + 8 * sizeof(unsigned long long)];
    char *end = buf + sizeof(buf);
    char *b = end;
    do {
        unsigned int d = (unsigned int)(x % (unsigned int)base);
        x /= (unsigned int)base;
        *--b = (char)(d < 10 ? '0' + d : base_char + d - 10);
    } while (x != 0);
    char prefix = '\0';
    if (flags & PF_FLAG_SHOW_PREFIX) {
        if (base == 2) {
            prefix = (char)(base_char + 'b' - 'a');
        } else if (base == 8) {
            prefix = (char)(base_char + 'o' - 'a');
        } else if (base == 16) {
            prefix = (char)(base_char + 'x' - 'a');
        }
    }
    int len = 0;
    if (flags & PF_FLAG_PAD_AFTER_SIGN) {
        // Zero padding goes between the sign/prefix and the digits.
        if (sign) {
            len += mp_print_strn(print, &sign, 1, flags, fill, 1);
            width--;
        }
        if (prefix) {
            char pre[2] = { '0', prefix };
            len += mp_print_strn(print, pre, 2, flags, fill, 2);
            width -= 2;
        }
    } else {
        if (prefix) {
            *--b = prefix;
            *--b = '0';
        }
        if (sign) {
            *--b = sign;
        }
    }
    return len + mp_print_strn(print, b, (size_t)(end - b), flags, fill, width);
}

int mp_print_mp_int(const mp_print_t *print, mp_obj_t x, int base, int base_char, int flags, char fill, int width, int prec) {
    if (!mp_obj_is_int(x)) {
        // bools become ints; anything else raises TypeError.
        x = MP_OBJ_NEW_SMALL_INT(mp_obj_get_int(x));
    }
    if ((flags & (PF_FLAG_LEFT_ADJUST | PF_FLAG_CENTER_ADJUST)) == 0 && fill == '0') {
        // Zero fill to the right width is the same as a precision.
        if (prec > width) {
            width = prec;
        }
        prec = 0;
    }

    char prefix[4];
    int prefix_len = 0;
    if (mp_obj_int_sign(x) >= 0) {
        if (flags & PF_FLAG_SHOW_SIGN) {
            prefix[prefix_len++] = '+';
        } else if (flags & PF_FLAG_SPACE_SIGN) {
            prefix[prefix_len++] = ' ';
        }
    }
    if (flags & PF_FLAG_SHOW_PREFIX) {
        if (base == 2) {
            prefix[prefix_len++] = '0';
            prefix[prefix_len++] = (char)(base_char + 'b' - 'a');
        } else if (base == 8) {
            prefix[prefix_len++] = '0';
            if (flags & PF_FLAG_SHOW_OCTAL_LETTER) {
                prefix[prefix_len++] = (char)(base_char + 'o' - 'a');
            }
        } else if (base == 16) {
            prefix[prefix_len++] = '0';
            prefix[prefix_len++] = (char)(base_char + 'x' - 'a');
        }
    }
    prefix[prefix_len] = '\0';
    char comma = (flags & PF_FLAG_SHOW_COMMA) ? ',' : '\0';

    char stack_buf[sizeof(mp_int_t) * 4];
    char *buf = stack_buf;
    size_t buf_size = sizeof(stack_buf);
    size_t fmt_size = 0;
    char *str;
    char sign = '\0';
    if (prec > 1) {
        flags |= PF_FLAG_PAD_AFTER_SIGN;
    }
    if (flags & PF_FLAG_PAD_AFTER_SIGN) {
        // The padding goes after sign and prefix: format the bare digits and
        // print sign and prefix here.
        str = mp_obj_int_formatted(&buf, &buf_size, &fmt_size, x, base, NULL, (char)base_char, comma);
        if (*str == '-') {
            sign = *str++;
            fmt_size--;
        }
    } else {
        str = mp_obj_int_formatted(&buf, &buf_size, &fmt_size, x, base, prefix, (char)base_char, comma);
    }

    int spaces_before = 0, spaces_after = 0;
    if (prec > 1) {
        // The digits are zero padded to prec, and that is aligned in width.
        int prec_width = (int)fmt_size < prec ? prec : (int)fmt_size;
        if (flags & PF_FLAG_PAD_AFTER_SIGN) {
            prec_width += (sign ? 1 : 0) + prefix_len;
        }
        if (prec_width < width) {
            if (flags & PF_FLAG_LEFT_ADJUST) {
                spaces_after = width - prec_width;
            } else {
                spaces_before = width - prec_width;
            }
        }
        fill = '0';
        flags &= ~PF_FLAG_LEFT_ADJUST;
    }

    int len = 0;
    if (spaces_before) {
        len += mp_print_strn(print, "", 0, 0, ' ', spaces_before);
    }
    if (flags & PF_FLAG_PAD_AFTER_SIGN) {
        if (sign) {
            len += mp_print_strn(print, &sign, 1, 0, 0, 1);
            width--;
        }
        if (prefix_len) {
            len += mp_print_strn(print, prefix, (size_t)prefix_len, 0, 0, 1);
            width -= prefix_len;
        }
    }
    if (prec > 1) {
        width = prec;
    }
    len += mp_print_strn(print, str, fmt_size, flags, fill, width);
    if (spaces_after) {
        len += mp_print_strn(print, "", 0, 0, ' ', spaces_after);
    }
    if (buf != stack_buf) {
        m_free(buf);
    }
    return len;
}

int mp_printf(const mp_print_t *print, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int ret = mp_vprintf(print, fmt, ap);
    va_end(ap);
    return ret;
}

int mp_vprintf(const mp_print_t *print, const char *fmt, va_list args) {
    int chrs = 0;
    for (;;) {
        const char *f = fmt;
        while (*f != '\0' && *f != '%') {
            f++;
        }
        if (f > fmt) {
            print->print_strn(print->data, fmt, (size_t)(f - fmt));
            chrs += (int)(f - fmt);
            fmt = f;
        }
        if (*fmt == '\0') {
            break;
        }
        fmt++; // the '%'

        int flags = 0;
        char fill = ' ';
        for (;; fmt++) {
            if (*fmt == '-') {
                flags |= PF_FLAG_LEFT_ADJUST;
            } else if (*fmt == '+') {
                flags |= PF_FLAG_SHOW_SIGN;
            } else if (*fmt == ' ') {
                flags |= PF_FLAG_SPACE_SIGN;
            } else if (*fmt == '!') {
                flags |= PF_FLAG_NO_TRAILZ;
            } else if (*fmt == '0') {
                flags |= PF_FLAG_PAD_AFTER_SIGN;
                fill = '0';
            } else {
                break;
            }
        }
        int width = 0;
        if (*fmt == '*') {
            fmt++;
            width = va_arg(args, int);
            if (width < 0) {
                flags |= PF_FLAG_LEFT_ADJUST;
                width = -width;
            }
        } else {
            for (; '0' <= *fmt && *fmt <= '9'; fmt++) {
                width = width * 10 + (*fmt - '0');
            }
        }
        int prec = -1;
        if (*fmt == '.') {
            fmt++;
            if (*fmt == '*') {
                fmt++;
                prec = va_arg(args, int);
            } else {
                prec = 0;
                for (; '0' <= *fmt && *fmt <= '9'; fmt++) {
                    prec = prec * 10 + (*fmt - '0');
                }
            }
            if (prec < 0) {
                prec = 0;
            }
        }
        int n_long = 0;
        while (*fmt == 'l') {
            n_long++;
            fmt++;
        }
        if (*fmt == 'z') {
            // size_t: the width of long on both ILP32 and LP64
            n_long = 1;
            fmt++;
        }
        if (*fmt == '\0') {
            break;
        }
        switch (*fmt) {
            case 'b':
                if (va_arg(args, int)) {
                    chrs += mp_print_strn(print, "true", 4, flags, fill, width);
                } else {
                    chrs += mp_print_strn(print, "false", 5, flags, fill, width);
                }
                break;
            case 'c': {
                char c = (char)va_arg(args, int);
                chrs += mp_print_strn(print, &c, 1, flags, fill, width);
                break;
            }
            case 'q': {
                qstr q = va_arg(args, qstr);
                size_t len;
                const char *str = (const char *)qstr_data(q, &len);
                if (str == NULL) {
                    str = "";
                    len = 0;
                }
                if (prec >= 0 && (size_t)prec < len) {
                    len = (size_t)prec;
                }
                chrs += mp_print_strn(print, str, len, flags, fill, width);
                break;
            }
            case 's': {
                const char *str = va_arg(args, const char *);
                if (str == NULL) {
                    str = "(null)";
                }
                size_t len = strlen(str);
                if (prec >= 0 && (size_t)prec < len) {
                    len = (size_t)prec;
                }
                chrs += mp_print_strn(print, str, len, flags, fill, width);
                break;
            }
            case 'd':
            case 'i': {
                long long val;
                if (n_long >= 2) {
                    val = va_arg(args, long long);
                } else if (n_long == 1) {
                    val = va_arg(args, long);
                } else {
                    val = va_arg(args, int);
                }
                chrs += print_machine_int(print, (unsigned long long)val, true, 10, 'a', flags, fill, width);
                break;
            }
            case 'u':
            case 'x':
            case 'X': {
                unsigned long long val;
                if (n_long >= 2) {
                    val = va_arg(args, unsigned long long);
                } else if (n_long == 1) {
                    val = va_arg(args, unsigned long);
                } else {
                    val = va_arg(args, unsigned int);
                }
                int base = *fmt == 'u' ? 10 : 16;
                char base_char = *fmt == 'X' ? 'A' : 'a';
                chrs += print_machine_int(print, val, false, base, base_char, flags, fill, width);
                break;
            }
            case 'p':
            case 'P':
                // The address in hex, without "0x" (callers write "0x%p").
                chrs += print_machine_int(print, (uintptr_t)va_arg(args, void *), false, 16, 'a', flags, fill, width);
                break;
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                double d = va_arg(args, double);
                chrs += mp_print_float(print, (mp_float_t)d, *fmt, flags, fill, width, prec);
                break;
            }
            default:
                // "%%" (and anything unknown) prints the character itself.
                print->print_strn(print->data, fmt, 1);
                chrs += 1;
                break;
        }
        fmt++;
    }
    return chrs;
}
