// The io module: io.StringIO and io.BytesIO, in-memory streams over a
// growing byte buffer (StringIO reads give str, BytesIO reads give bytes;
// positions and sizes count bytes in both, as in MicroPython); io.IOBase,
// and io.open (the builtin open, vfs.c).
#include "runtime/vfs.h"

#include <string.h>

#include "runtime/stream.h"

typedef struct {
    mp_obj_base_t base;
    vstr_t *vstr; // NULL once closed
    size_t pos;
} memio_obj_t;

static memio_obj_t *memio_open(mp_obj_t self_in) {
    memio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->vstr == NULL) {
        mp_raise_ValueError(MP_ERROR_TEXT("I/O operation on closed file"));
    }
    return self;
}

static mp_uint_t memio_read(mp_obj_t self_in, void *buf, mp_uint_t size, int *errcode) {
    (void)errcode;
    memio_obj_t *self = memio_open(self_in);
    size_t len = self->vstr->len;
    if (self->pos >= len) {
        return 0;
    }
    if (size > len - self->pos) {
        size = len - self->pos;
    }
    memcpy(buf, self->vstr->buf + self->pos, size);
    self->pos += size;
    return size;
}

static mp_uint_t memio_write(mp_obj_t self_in, const void *buf, mp_uint_t size, int *errcode) {
    (void)errcode;
    memio_obj_t *self = memio_open(self_in);
    size_t end = self->pos + size;
    if (end > self->vstr->len) {
        // Past the end: grow, filling any gap with zero bytes.
        size_t old_len = self->vstr->len;
        vstr_add_len(self->vstr, end - old_len);
        if (self->pos > old_len) {
            memset(self->vstr->buf + old_len, 0, self->pos - old_len);
        }
    }
    memcpy(self->vstr->buf + self->pos, buf, size);
    self->pos = end;
    return size;
}

static mp_uint_t memio_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    memio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    switch (request) {
        case MP_STREAM_SEEK: {
            memio_open(self_in);
            struct mp_stream_seek_t *s = (struct mp_stream_seek_t *)arg;
            mp_off_t base = 0;
            if (s->whence == MP_SEEK_CUR) {
                base = (mp_off_t)self->pos;
            } else if (s->whence == MP_SEEK_END) {
                base = (mp_off_t)self->vstr->len;
            }
            mp_off_t new_pos = base + s->offset;
            if (new_pos < 0) {
                *errcode = MP_EINVAL;
                return MP_STREAM_ERROR;
            }
            self->pos = (size_t)new_pos;
            s->offset = new_pos;
            return 0;
        }
        case MP_STREAM_FLUSH:
            memio_open(self_in);
            return 0;
        case MP_STREAM_CLOSE:
            self->vstr = NULL;
            return 0;
        default:
            *errcode = MP_EINVAL;
            return MP_STREAM_ERROR;
    }
}

static void memio_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mp_printf(print, "<io.%s 0x%p>", mp_obj_get_type_str(self_in), MP_OBJ_TO_PTR(self_in));
}

// StringIO(initial="") / BytesIO(initial=b""); an int argument is a size
// hint for the buffer.
static mp_obj_t memio_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    memio_obj_t *self = mp_obj_malloc(memio_obj_t, type);
    self->vstr = m_new_obj(vstr_t);
    self->pos = 0;
    if (n_args == 1 && mp_obj_is_int(args[0])) {
        mp_int_t hint = mp_obj_get_int(args[0]);
        vstr_init(self->vstr, hint > 0 ? (size_t)hint : 16);
    } else if (n_args == 1 && args[0] != mp_const_none) {
        mp_buffer_info_t bufinfo;
        mp_get_buffer_raise(args[0], &bufinfo, MP_BUFFER_READ);
        vstr_init(self->vstr, bufinfo.len + 1);
        vstr_add_strn(self->vstr, bufinfo.buf, bufinfo.len);
    } else {
        vstr_init(self->vstr, 16);
    }
    return MP_OBJ_FROM_PTR(self);
}

static mp_obj_t memio_getvalue(mp_obj_t self_in) {
    memio_obj_t *self = memio_open(self_in);
    if (mp_obj_is_type(self_in, &mp_type_stringio)) {
        return mp_obj_new_str(self->vstr->buf, self->vstr->len);
    }
    return mp_obj_new_bytes((const byte *)self->vstr->buf, self->vstr->len);
}
static MP_DEFINE_CONST_FUN_OBJ_1(memio_getvalue_obj, memio_getvalue);

// seek(offset, whence=0): the new position.
static mp_obj_t memio_seek(size_t n_args, const mp_obj_t *args) {
    struct mp_stream_seek_t seek;
    seek.offset = mp_obj_get_int(args[1]);
    seek.whence = n_args > 2 ? (int)mp_obj_get_int(args[2]) : MP_SEEK_SET;
    int errcode;
    if (memio_ioctl(args[0], MP_STREAM_SEEK, (uintptr_t)&seek, &errcode) == MP_STREAM_ERROR) {
        mp_raise_OSError(errcode);
    }
    return mp_obj_new_int_from_ll(seek.offset);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(memio_seek_obj, 2, 3, memio_seek);

static mp_obj_t memio_tell(mp_obj_t self_in) {
    memio_obj_t *self = memio_open(self_in);
    return mp_obj_new_int_from_uint(self->pos);
}
static MP_DEFINE_CONST_FUN_OBJ_1(memio_tell_obj, memio_tell);

static mp_obj_t memio_flush(mp_obj_t self_in) {
    memio_open(self_in);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(memio_flush_obj, memio_flush);

static mp_obj_t memio_close(mp_obj_t self_in) {
    memio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->vstr = NULL;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(memio_close_obj, memio_close);

static mp_obj_t memio_enter(mp_obj_t self_in) {
    return self_in;
}
static MP_DEFINE_CONST_FUN_OBJ_1(memio_enter_obj, memio_enter);

static mp_obj_t memio_exit(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    return memio_close(args[0]);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(memio_exit_obj, 4, 4, memio_exit);

// Iteration yields lines until one comes back empty.
static mp_obj_t memio_iternext(mp_obj_t self_in) {
    mp_obj_t line = mp_stream_unbuffered_readline_obj.fun.var(1, &self_in);
    return mp_obj_is_true(line) ? line : MP_OBJ_STOP_ITERATION;
}

static const mp_rom_map_elem_t memio_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&mp_stream_read_obj) },
    { MP_ROM_QSTR(MP_QSTR_readinto), MP_ROM_PTR(&mp_stream_readinto_obj) },
    { MP_ROM_QSTR(MP_QSTR_readline), MP_ROM_PTR(&mp_stream_unbuffered_readline_obj) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&mp_stream_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_getvalue), MP_ROM_PTR(&memio_getvalue_obj) },
    { MP_ROM_QSTR(MP_QSTR_seek), MP_ROM_PTR(&memio_seek_obj) },
    { MP_ROM_QSTR(MP_QSTR_tell), MP_ROM_PTR(&memio_tell_obj) },
    { MP_ROM_QSTR(MP_QSTR_flush), MP_ROM_PTR(&memio_flush_obj) },
    { MP_ROM_QSTR(MP_QSTR_close), MP_ROM_PTR(&memio_close_obj) },
    { MP_ROM_QSTR(MP_QSTR___enter__), MP_ROM_PTR(&memio_enter_obj) },
    { MP_ROM_QSTR(MP_QSTR___exit__), MP_ROM_PTR(&memio_exit_obj) },
};
static MP_DEFINE_CONST_DICT(memio_locals_dict, memio_locals_table);

static const mp_stream_p_t stringio_stream_p = {
    .read = memio_read, .write = memio_write, .ioctl = memio_ioctl, .is_text = true,
};
static const mp_stream_p_t bytesio_stream_p = {
    .read = memio_read, .write = memio_write, .ioctl = memio_ioctl, .is_text = false,
};

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_stringio,
    MP_QSTR_StringIO,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    make_new, memio_make_new,
    print, memio_print,
    iter, memio_iternext,
    protocol, &stringio_stream_p,
    locals_dict, &memio_locals_dict
);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_bytesio,
    MP_QSTR_BytesIO,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    make_new, memio_make_new,
    print, memio_print,
    iter, memio_iternext,
    protocol, &bytesio_stream_p,
    locals_dict, &memio_locals_dict
);

// io.IOBase: subclassed in Python, it makes a stream of an object whose
// readinto(buf), write(buf) and ioctl(request, arg) methods do the work:
// they return a byte count (or ioctl's result), a negative errno to fail,
// or None for "would block". The base object itself holds nothing.
static const mp_obj_type_t mp_type_iobase;
static const mp_obj_base_t iobase_singleton = { &mp_type_iobase };

static mp_obj_t iobase_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    (void)type;
    (void)n_args;
    (void)n_kw;
    (void)args;
    return MP_OBJ_FROM_PTR(&iobase_singleton);
}

// The stream result of a Python method's return value.
static mp_uint_t iobase_result(mp_obj_t ret, int *errcode) {
    if (ret == mp_const_none) {
        *errcode = MP_EAGAIN;
        return MP_STREAM_ERROR;
    }
    mp_int_t n = mp_obj_get_int(ret);
    if (n < 0) {
        *errcode = (int)-n;
        return MP_STREAM_ERROR;
    }
    return (mp_uint_t)n;
}

// The method is given a bytearray of its own (a copy of the buffer), so
// that it may keep or resize it without harm to the caller's buffer;
// readinto's bytes are copied back.
static mp_uint_t iobase_read(mp_obj_t self, void *buf, mp_uint_t size, int *errcode) {
    mp_obj_t dest[3];
    mp_load_method(self, MP_QSTR_readinto, dest);
    dest[2] = mp_obj_new_bytearray(size, buf);
    mp_uint_t n = iobase_result(mp_call_method_n_kw(1, 0, dest), errcode);
    if (n != MP_STREAM_ERROR) {
        mp_buffer_info_t bufinfo;
        mp_get_buffer_raise(dest[2], &bufinfo, MP_BUFFER_READ);
        if (n > size) {
            n = size;
        }
        memcpy(buf, bufinfo.buf, n < bufinfo.len ? n : bufinfo.len);
    }
    return n;
}

static mp_uint_t iobase_write(mp_obj_t self, const void *buf, mp_uint_t size, int *errcode) {
    mp_obj_t dest[3];
    mp_load_method(self, MP_QSTR_write, dest);
    dest[2] = mp_obj_new_bytearray(size, buf);
    return iobase_result(mp_call_method_n_kw(1, 0, dest), errcode);
}

static mp_uint_t iobase_ioctl(mp_obj_t self, mp_uint_t request, uintptr_t arg, int *errcode) {
    mp_obj_t dest[4];
    mp_load_method(self, MP_QSTR_ioctl, dest);
    dest[2] = mp_obj_new_int_from_uint(request);
    dest[3] = mp_obj_new_int_from_uint(arg);
    mp_int_t ret = mp_obj_get_int(mp_call_method_n_kw(2, 0, dest));
    if (ret < 0) {
        *errcode = (int)-ret;
        return MP_STREAM_ERROR;
    }
    return (mp_uint_t)ret;
}

static const mp_stream_p_t iobase_stream_p = {
    .read = iobase_read, .write = iobase_write, .ioctl = iobase_ioctl,
};

static MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_iobase,
    MP_QSTR_IOBase,
    MP_TYPE_FLAG_NONE,
    make_new, iobase_make_new,
    protocol, &iobase_stream_p
);

static const mp_rom_map_elem_t io_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_io) },
    { MP_ROM_QSTR(MP_QSTR_BytesIO), MP_ROM_PTR(&mp_type_bytesio) },
    { MP_ROM_QSTR(MP_QSTR_StringIO), MP_ROM_PTR(&mp_type_stringio) },
    { MP_ROM_QSTR(MP_QSTR_IOBase), MP_ROM_PTR(&mp_type_iobase) },
    { MP_ROM_QSTR(MP_QSTR_open), MP_ROM_PTR(&mp_vfs_open_obj) },
};
static MP_DEFINE_CONST_DICT(io_dict, io_table);

const mp_obj_module_t mp_module_io = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&io_dict,
};
