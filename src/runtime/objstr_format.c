// The "%" operator of str and bytes, and str.format, with the features and
// messages of MicroPython v1.21 (no attribute or index lookups in format
// fields; nested fields in format specs are expanded).
#include <string.h>

#include "runtime/objstr.h"

static bool fmt_is_integer(mp_obj_t arg) {
    return mp_obj_is_bool(arg) || mp_obj_is_int(arg);
}

static bool fmt_is_numeric(mp_obj_t arg) {
    return fmt_is_integer(arg) || mp_obj_is_exact_type(arg, &mp_type_float);
}

// Reads decimal digits at *s (up to top) into *value (left as is when none).
static const char *fmt_read_int(const char *s, const char *top, int *value) {
    if (s < top && *s >= '0' && *s <= '9') {
        int v = 0;
        while (s < top && *s >= '0' && *s <= '9') {
            v = v * 10 + (*s++ - '0');
        }
        *value = v;
    }
    return s;
}

/******************************************************************************/
// "%" formatting

NORETURN static void fmt_needs_more(void) {
    mp_raise_TypeError(MP_ERROR_TEXT("format string needs more arguments"));
}

mp_obj_t str_modulo_format(mp_obj_t pattern, size_t n_args, const mp_obj_t *args, mp_obj_t dict) {
    size_t len;
    const char *str = (const char *)str_data_len(pattern, &len);
    const char *start = str, *top = str + len;
    bool is_bytes = !mp_obj_is_str(pattern);
    size_t arg_i = 0;
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);

    for (; str < top; str++) {
        if (*str != '%') {
            vstr_add_byte(&vstr, *str);
            continue;
        }
        if (++str >= top) {
            goto incomplete;
        }
        if (*str == '%') {
            vstr_add_byte(&vstr, '%');
            continue;
        }
        mp_obj_t arg = MP_OBJ_NULL;
        if (*str == '(') {
            if (dict == MP_OBJ_NULL) {
                mp_raise_TypeError(MP_ERROR_TEXT("format needs a dict"));
            }
            arg_i = 1; // the dict is used up: a later positional %s lacks its argument
            const char *key = ++str;
            while (str < top && *str != ')') {
                str++;
            }
            if (str >= top) {
                mp_raise_ValueError(MP_ERROR_TEXT("incomplete format key"));
            }
            arg = mp_obj_dict_get(dict, mp_obj_new_str(key, str - key));
            str++;
        }
        int flags = 0;
        char fill = ' ';
        for (bool more = true; more && str < top;) {
            switch (*str) {
                case '-':
                    flags |= PF_FLAG_LEFT_ADJUST;
                    break;
                case '+':
                    flags |= PF_FLAG_SHOW_SIGN;
                    break;
                case ' ':
                    flags |= PF_FLAG_SPACE_SIGN;
                    break;
                case '#':
                    flags |= PF_FLAG_SHOW_PREFIX;
                    break;
                case '0':
                    flags |= PF_FLAG_PAD_AFTER_SIGN;
                    fill = '0';
                    break;
                default:
                    more = false;
                    continue;
            }
            str++;
        }
        int width = 0;
        if (str < top && *str == '*') {
            if (arg_i >= n_args) {
                fmt_needs_more();
            }
            width = mp_obj_get_int(args[arg_i++]);
            str++;
        } else {
            str = fmt_read_int(str, top, &width);
        }
        int prec = -1;
        if (str < top && *str == '.') {
            prec = 0;
            if (++str < top && *str == '*') {
                if (arg_i >= n_args) {
                    fmt_needs_more();
                }
                prec = mp_obj_get_int(args[arg_i++]);
                str++;
            } else {
                str = fmt_read_int(str, top, &prec);
            }
        }
        if (str >= top) {
        incomplete:
            mp_raise_ValueError(MP_ERROR_TEXT("incomplete format"));
        }
        if (arg == MP_OBJ_NULL) {
            if (arg_i >= n_args) {
                fmt_needs_more();
            }
            arg = args[arg_i++];
        }
        switch (*str) {
            case 'c':
                if (mp_obj_is_str(arg)) {
                    size_t slen;
                    const byte *s = str_data_len(arg, &slen);
                    if (utf8_charlen(s, slen) != 1) {
                        mp_raise_TypeError(MP_ERROR_TEXT("%c needs int or char"));
                    }
                    mp_print_strn(&print, (const char *)s, slen, flags, ' ', width);
                } else if (fmt_is_integer(arg)) {
                    mp_int_t c = mp_obj_get_int(arg);
                    vstr_t ch;
                    vstr_init(&ch, 4);
                    vstr_add_char(&ch, (unsigned)c);
                    mp_print_strn(&print, ch.buf, ch.len, flags, ' ', width);
                    vstr_clear(&ch);
                } else {
                    mp_raise_TypeError(MP_ERROR_TEXT("%c needs int or char"));
                }
                break;
            case 'd':
            case 'i':
            case 'u':
            case 'o':
            case 'x':
            case 'X': {
                if (mp_obj_is_exact_type(arg, &mp_type_float)) {
                    arg = mp_obj_new_int_from_float(mp_obj_float_get(arg));
                } else if (!fmt_is_integer(arg)) {
                    arg = MP_OBJ_NEW_SMALL_INT(mp_obj_get_int(arg)); // raises for non-ints
                } else if (mp_obj_is_bool(arg)) {
                    arg = MP_OBJ_NEW_SMALL_INT(arg == mp_const_true);
                }
                int base = *str == 'o' ? 8 : (*str == 'x' || *str == 'X') ? 16 : 10;
                if (base == 8 && (flags & PF_FLAG_SHOW_PREFIX)) {
                    flags |= PF_FLAG_SHOW_OCTAL_LETTER;
                }
                mp_print_mp_int(&print, arg, base, *str == 'X' ? 'A' : 'a', flags, fill, width, prec);
                break;
            }
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                mp_print_float(&print, mp_obj_get_float(arg), *str, flags, fill, width, prec);
                break;
            case 'r':
            case 's': {
                vstr_t arg_vstr;
                mp_print_t arg_print;
                vstr_init_print(&arg_vstr, 16, &arg_print);
                mp_print_kind_t kind = *str == 'r' ? PRINT_REPR : PRINT_STR;
                if (is_bytes && kind == PRINT_STR && mp_obj_is_exact_type(arg, &mp_type_bytes)) {
                    kind = PRINT_RAW; // b'%s' % b'x' inserts the bytes themselves
                }
                mp_obj_print_helper(&arg_print, arg, kind);
                size_t n = arg_vstr.len;
                if (prec >= 0 && (size_t)prec < n) {
                    n = prec;
                }
                mp_print_strn(&print, arg_vstr.buf, n, flags, ' ', width);
                vstr_clear(&arg_vstr);
                break;
            }
            default:
                mp_raise_msg_varg(&mp_type_ValueError,
                    MP_ERROR_TEXT("unsupported format character '%c' (0x%x) at index %d"),
                    *str, (unsigned char)*str, (int)(str - start));
        }
    }
    if (dict == MP_OBJ_NULL && arg_i != n_args) {
        mp_raise_TypeError(MP_ERROR_TEXT("format string didn't convert all arguments"));
    }
    return is_bytes ? mp_obj_new_bytes_from_vstr(&vstr) : mp_obj_new_str_from_vstr(&vstr);
}

/******************************************************************************/
// str.format

// Formats one field: arg with the (already expanded) spec.
static void format_field(const mp_print_t *print, mp_obj_t arg, const char *s, const char *stop) {
    char fill = '\0', align = '\0', type = '\0';
    int width = -1, precision = -1, flags = 0;
    if (s < stop) {
#define IS_ALIGN(c) ((c) == '<' || (c) == '>' || (c) == '=' || (c) == '^')
        if (IS_ALIGN(*s)) {
            align = *s++;
        } else if (s + 1 < stop && IS_ALIGN(s[1])) {
            fill = *s++;
            align = *s++;
        }
#undef IS_ALIGN
        if (s < stop && (*s == '+' || *s == '-' || *s == ' ')) {
            if (*s == '+') {
                flags |= PF_FLAG_SHOW_SIGN;
            } else if (*s == ' ') {
                flags |= PF_FLAG_SPACE_SIGN;
            }
            s++;
        }
        if (s < stop && *s == '#') {
            flags |= PF_FLAG_SHOW_PREFIX;
            s++;
        }
        if (s < stop && *s == '0') {
            if (!align && fmt_is_numeric(arg)) {
                align = '=';
            }
            if (!fill) {
                fill = '0';
            }
        }
        s = fmt_read_int(s, stop, &width);
        if (s < stop && *s == ',') {
            flags |= PF_FLAG_SHOW_COMMA;
            s++;
        }
        if (s < stop && *s == '.') {
            s++;
            s = fmt_read_int(s, stop, &precision);
        }
        if (s < stop && strchr("bcdeEfFgGnosxX%", *s) != NULL) {
            type = *s++;
        }
        if (s < stop) {
            mp_raise_ValueError(MP_ERROR_TEXT("invalid format specifier"));
        }
    }
    if (!align) {
        align = fmt_is_numeric(arg) ? '>' : '<';
    }
    if (!fill) {
        fill = ' ';
    }
    if (flags & (PF_FLAG_SHOW_SIGN | PF_FLAG_SPACE_SIGN)) {
        if (type == 's') {
            mp_raise_ValueError(MP_ERROR_TEXT("sign not allowed in string format specifier"));
        }
        if (type == 'c') {
            mp_raise_ValueError(MP_ERROR_TEXT("sign not allowed with integer format specifier 'c'"));
        }
    }
    flags |= align == '<' ? PF_FLAG_LEFT_ADJUST : align == '=' ? PF_FLAG_PAD_AFTER_SIGN
        : align == '^' ? PF_FLAG_CENTER_ADJUST : 0;

    if (fmt_is_integer(arg)) {
        if (mp_obj_is_bool(arg)) {
            arg = MP_OBJ_NEW_SMALL_INT(arg == mp_const_true);
        }
        switch (type) {
            case 'b':
                mp_print_mp_int(print, arg, 2, 'a', flags, fill, width, 0);
                return;
            case 'c': {
                char ch = (char)mp_obj_get_int(arg);
                mp_print_strn(print, &ch, 1, flags, fill, width);
                return;
            }
            case '\0':
            case 'n':
            case 'd':
                mp_print_mp_int(print, arg, 10, 'a', flags, fill, width, 0);
                return;
            case 'o':
                if (flags & PF_FLAG_SHOW_PREFIX) {
                    flags |= PF_FLAG_SHOW_OCTAL_LETTER;
                }
                mp_print_mp_int(print, arg, 8, 'a', flags, fill, width, 0);
                return;
            case 'x':
            case 'X':
                mp_print_mp_int(print, arg, 16, type == 'X' ? 'A' : 'a', flags, fill, width, 0);
                return;
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
            case '%':
                break; // as a float
            default:
                goto unknown_code;
        }
    }
    if (fmt_is_numeric(arg)) {
        if (type == '\0' || type == 'n') {
            type = 'g';
        }
        switch (type) {
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                mp_print_float(print, mp_obj_get_float(arg), type, flags, fill, width, precision);
                return;
            case '%':
                mp_print_float(print, mp_obj_get_float(arg) * 100.0, 'f', flags | PF_FLAG_ADD_PERCENT,
                    fill, width, precision);
                return;
            default:
                goto unknown_code;
        }
    }
    if (align == '=') {
        mp_raise_ValueError(MP_ERROR_TEXT("'=' alignment not allowed in string format specifier"));
    }
    if (type != '\0' && type != 's') {
        goto unknown_code;
    }
    size_t slen;
    const char *sdata = mp_obj_str_get_data(arg, &slen);
    if (precision >= 0 && (size_t)precision < slen) {
        slen = precision;
    }
    mp_print_strn(print, sdata, slen, flags, fill, width);
    return;

unknown_code:
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("unknown format code '%c' for object of type '%s'"),
        type, mp_obj_get_type_str(arg));
}

static void fmt_vstr_strn(void *data, const char *str, size_t len) {
    vstr_add_strn(data, str, len);
}

// Expands the fields of str[0..len) into vstr. *arg_i is the automatic
// field counter (-1 once a field was numbered by hand). args[0] is self.
static void format_expand(vstr_t *vstr, const char *str, size_t len, int *arg_i, size_t n_args,
    const mp_obj_t *args, mp_map_t *kwargs) {
    mp_print_t print = {vstr, fmt_vstr_strn};
    const char *top = str + len;
    for (; str < top; str++) {
        if (*str == '}') {
            if (str + 1 < top && str[1] == '}') {
                vstr_add_byte(vstr, '}');
                str++;
                continue;
            }
            mp_raise_ValueError(MP_ERROR_TEXT("single '}' encountered in format string"));
        }
        if (*str != '{') {
            vstr_add_byte(vstr, *str);
            continue;
        }
        if (++str < top && *str == '{') {
            vstr_add_byte(vstr, '{');
            continue;
        }
        // {field_name!conversion:format_spec}
        const char *name = str;
        while (str < top && *str != '}' && *str != '!' && *str != ':') {
            str++;
        }
        const char *name_end = str;
        char conversion = '\0';
        if (str < top && *str == '!') {
            if (++str >= top) {
                mp_raise_ValueError(MP_ERROR_TEXT("end of format while looking for conversion specifier"));
            }
            conversion = *str++;
            if (conversion != 'r' && conversion != 's') {
                mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("unknown conversion specifier %c"), conversion);
            }
        }
        const char *spec = NULL, *spec_end = NULL;
        if (str < top && *str == ':') {
            spec = ++str;
            int depth = 0;
            while (str < top && (depth > 0 || *str != '}')) {
                depth += *str == '{' ? 1 : *str == '}' ? -1 : 0;
                str++;
            }
            spec_end = str;
        }
        if (str >= top) {
            mp_raise_ValueError(MP_ERROR_TEXT("unmatched '{' in format"));
        }
        if (*str != '}') {
            mp_raise_ValueError(MP_ERROR_TEXT("expected ':' after format specifier"));
        }

        mp_obj_t arg;
        if (name == name_end) {
            if (*arg_i < 0) {
                mp_raise_ValueError(MP_ERROR_TEXT("can't switch from manual field specification to automatic field numbering"));
            }
            if ((size_t)*arg_i + 1 >= n_args) {
                mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("tuple index out of range"));
            }
            arg = args[++*arg_i];
        } else {
            for (const char *p = name; p < name_end; p++) {
                if (*p == '.' || *p == '[') {
                    mp_raise_NotImplementedError(MP_ERROR_TEXT("attributes not supported"));
                }
            }
            if (*name >= '0' && *name <= '9') {
                if (*arg_i > 0) {
                    mp_raise_ValueError(MP_ERROR_TEXT("can't switch from automatic field numbering to manual field specification"));
                }
                *arg_i = -1;
                int index = 0;
                fmt_read_int(name, name_end, &index);
                if ((size_t)index + 1 >= n_args) {
                    mp_raise_msg(&mp_type_IndexError, MP_ERROR_TEXT("tuple index out of range"));
                }
                arg = args[index + 1];
            } else {
                mp_obj_t key = mp_obj_new_str_via_qstr(name, name_end - name);
                mp_map_elem_t *e = kwargs ? mp_map_lookup(kwargs, key, MP_MAP_LOOKUP) : NULL;
                if (e == NULL) {
                    nlr_raise(mp_obj_new_exception_arg1(&mp_type_KeyError, key));
                }
                arg = e->value;
            }
        }
        if (spec == NULL && !conversion) {
            conversion = 's';
        }
        if (conversion) {
            arg = mp_obj_str_make(arg, conversion == 'r' ? PRINT_REPR : PRINT_STR);
        }
        if (spec == NULL) {
            format_field(&print, arg, NULL, NULL);
        } else {
            vstr_t spec_vstr;
            vstr_init(&spec_vstr, 8);
            format_expand(&spec_vstr, spec, spec_end - spec, arg_i, n_args, args, kwargs);
            format_field(&print, arg, spec_vstr.buf, spec_vstr.buf + spec_vstr.len);
            vstr_clear(&spec_vstr);
        }
    }
}

mp_obj_t mp_obj_str_format(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    size_t len;
    const char *str = mp_obj_str_get_data(args[0], &len);
    int arg_i = 0;
    vstr_t vstr;
    vstr_init(&vstr, len + 16);
    format_expand(&vstr, str, len, &arg_i, n_args, args, kwargs);
    return mp_obj_new_str_from_vstr(&vstr);
}
MP_DEFINE_CONST_FUN_OBJ_KW(str_format_obj, 1, mp_obj_str_format);
