// The struct module, as MicroPython v1.21's: calcsize, pack, pack_into,
// unpack and unpack_from. A format is an optional byte order ('@' native
// sizes and alignment, the default; '<' little and '>' or '!' big endian,
// standard sizes; '=' is accepted but has no sizes, so any value in it is a
// "bad typecode", as in MicroPython), then items: an optional decimal
// count and a typecode, b B h H i I l L q Q f d P O S (binary.c packs the
// values), 'x' (count zero bytes) or 's' (one bytes value of count bytes).
// No spaces. MicroPython's leniencies are kept: unpack takes a buffer at
// least as long as the format (not exactly as long), pack packs the values
// it is given (missing ones stay zero, extra ones are ignored).
#include <string.h>

#include "runtime/runtime.h"

// The byte order at the start of *fmt, skipped; '@' when there is none.
static char struct_fmt_type(const char **fmt) {
    char t = **fmt;
    switch (t) {
        case '!':
            t = '>';
            break;
        case '@':
        case '=':
        case '<':
        case '>':
            break;
        default:
            return '@';
    }
    (*fmt)++;
    return t;
}

static bool struct_is_digit(char c) {
    return c >= '0' && c <= '9';
}

// The count at *p (a digit is there), skipped.
static size_t struct_fmt_num(const char **p) {
    const char *start = *p;
    const char *num = start;
    while (struct_is_digit(*num)) {
        num++;
    }
    *p = num;
    mp_int_t val = mp_obj_get_int(mp_parse_num_integer(start, (size_t)(num - start), 10));
    return (size_t)val;
}

static NORETURN void struct_raise_too_big(void) {
    mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("struct format too big"));
}

// The number of values fmt packs, and its size in bytes in *total_sz.
static size_t struct_calc_size_items(const char *fmt, size_t *total_sz) {
    char fmt_type = struct_fmt_type(&fmt);
    size_t total_cnt = 0;
    size_t size = 0;
    for (; *fmt; fmt++) {
        size_t cnt = 1;
        if (struct_is_digit(*fmt)) {
            cnt = struct_fmt_num(&fmt);
        }
        size_t add;
        if (*fmt == 'x' || *fmt == 's') {
            total_cnt += *fmt == 's';
            add = cnt;
        } else {
            size_t align;
            size_t sz = mp_binary_get_size(fmt_type, *fmt, &align);
            if (total_cnt + cnt < total_cnt) {
                struct_raise_too_big();
            }
            total_cnt += cnt;
            if (cnt == 0) {
                continue;
            }
            // Each item is aligned; every size is a multiple of its
            // alignment, so only the first of a run moves.
            size_t aligned = (size + align - 1) / align * align;
            if (aligned < size || cnt > (SIZE_MAX - aligned) / sz) {
                struct_raise_too_big();
            }
            size = aligned;
            add = cnt * sz;
        }
        if (size + add < size) {
            struct_raise_too_big();
        }
        size += add;
    }
    *total_sz = size;
    return total_cnt;
}

static mp_obj_t struct_calcsize(mp_obj_t fmt_in) {
    size_t size;
    struct_calc_size_items(mp_obj_str_get_str(fmt_in), &size);
    return mp_obj_new_int_from_uint(size);
}
static MP_DEFINE_CONST_FUN_OBJ_1(struct_calcsize_obj, struct_calcsize);

// unpack(fmt, buffer) and unpack_from(fmt, buffer, offset=0): the buffer
// (from offset; a negative one counts from the end) must hold at least
// calcsize(fmt) bytes.
static mp_obj_t struct_unpack_from(size_t n_args, const mp_obj_t *args) {
    const char *fmt = mp_obj_str_get_str(args[0]);
    size_t total_sz;
    size_t num_items = struct_calc_size_items(fmt, &total_sz);
    char fmt_type = struct_fmt_type(&fmt);
    mp_obj_tuple_t *res = MP_OBJ_TO_PTR(mp_obj_new_tuple(num_items, NULL));
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[1], &bufinfo, MP_BUFFER_READ);
    mp_int_t offset = 0;
    if (n_args > 2) {
        offset = mp_obj_get_int(args[2]);
        if (offset < 0) {
            offset += (mp_int_t)bufinfo.len;
            if (offset < 0) {
                mp_raise_ValueError(MP_ERROR_TEXT("buffer too small"));
            }
        }
    }
    if ((size_t)offset > bufinfo.len || total_sz > bufinfo.len - (size_t)offset) {
        mp_raise_ValueError(MP_ERROR_TEXT("buffer too small"));
    }
    byte *p_base = (byte *)bufinfo.buf + offset;
    byte *p = p_base;
    for (size_t i = 0; i < num_items; fmt++) {
        size_t cnt = 1;
        if (struct_is_digit(*fmt)) {
            cnt = struct_fmt_num(&fmt);
        }
        if (*fmt == 'x') {
            p += cnt;
        } else if (*fmt == 's') {
            res->items[i++] = mp_obj_new_bytes(p, cnt);
            p += cnt;
        } else {
            while (cnt--) {
                res->items[i++] = mp_binary_get_val(fmt_type, *fmt, p_base, &p);
            }
        }
    }
    return MP_OBJ_FROM_PTR(res);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(struct_unpack_from_obj, 2, 3, struct_unpack_from);

// Packs args[0..n_args) by fmt at p, which has room for calcsize(fmt)
// bytes. Stops when the values run out (what follows is left as it was)
// or the format ends (further values are ignored).
static void struct_pack_into_internal(mp_obj_t fmt_in, byte *p, size_t n_args, const mp_obj_t *args) {
    const char *fmt = mp_obj_str_get_str(fmt_in);
    char fmt_type = struct_fmt_type(&fmt);
    byte *p_base = p;
    for (size_t i = 0; i < n_args && *fmt != '\0'; fmt++) {
        size_t cnt = 1;
        if (struct_is_digit(*fmt)) {
            cnt = struct_fmt_num(&fmt);
        }
        if (*fmt == 'x') {
            memset(p, 0, cnt);
            p += cnt;
        } else if (*fmt == 's') {
            mp_buffer_info_t bufinfo;
            mp_get_buffer_raise(args[i++], &bufinfo, MP_BUFFER_READ);
            size_t to_copy = bufinfo.len < cnt ? bufinfo.len : cnt;
            memcpy(p, bufinfo.buf, to_copy);
            memset(p + to_copy, 0, cnt - to_copy);
            p += cnt;
        } else {
            while (cnt-- && i < n_args) {
                mp_binary_set_val(fmt_type, *fmt, args[i++], p_base, &p);
            }
        }
    }
}

static mp_obj_t struct_pack(size_t n_args, const mp_obj_t *args) {
    size_t size;
    struct_calc_size_items(mp_obj_str_get_str(args[0]), &size);
    vstr_t vstr;
    vstr_init_len(&vstr, size);
    memset(vstr.buf, 0, size);
    struct_pack_into_internal(args[0], (byte *)vstr.buf, n_args - 1, &args[1]);
    return mp_obj_new_bytes_from_vstr(&vstr);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(struct_pack_obj, 1, MP_OBJ_FUN_ARGS_MAX, struct_pack);

// pack_into(fmt, buffer, offset, v...): offset may count from the end.
static mp_obj_t struct_pack_into(size_t n_args, const mp_obj_t *args) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[1], &bufinfo, MP_BUFFER_WRITE);
    mp_int_t offset = mp_obj_get_int(args[2]);
    if (offset < 0) {
        offset += (mp_int_t)bufinfo.len;
        if (offset < 0) {
            mp_raise_ValueError(MP_ERROR_TEXT("buffer too small"));
        }
    }
    size_t size;
    struct_calc_size_items(mp_obj_str_get_str(args[0]), &size);
    if ((size_t)offset > bufinfo.len || size > bufinfo.len - (size_t)offset) {
        mp_raise_ValueError(MP_ERROR_TEXT("buffer too small"));
    }
    struct_pack_into_internal(args[0], (byte *)bufinfo.buf + offset, n_args - 3, &args[3]);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(struct_pack_into_obj, 3, MP_OBJ_FUN_ARGS_MAX, struct_pack_into);

static const mp_rom_map_elem_t struct_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_struct) },
    { MP_ROM_QSTR(MP_QSTR_calcsize), MP_ROM_PTR(&struct_calcsize_obj) },
    { MP_ROM_QSTR(MP_QSTR_pack), MP_ROM_PTR(&struct_pack_obj) },
    { MP_ROM_QSTR(MP_QSTR_pack_into), MP_ROM_PTR(&struct_pack_into_obj) },
    { MP_ROM_QSTR(MP_QSTR_unpack), MP_ROM_PTR(&struct_unpack_from_obj) },
    { MP_ROM_QSTR(MP_QSTR_unpack_from), MP_ROM_PTR(&struct_unpack_from_obj) },
};
static MP_DEFINE_CONST_DICT(struct_dict, struct_table);

const mp_obj_module_t mp_module_struct = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&struct_dict,
};
