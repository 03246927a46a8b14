// sys.stdin, sys.stdout and sys.stderr: text streams over file descriptors
// 0, 1 and 2, unbuffered like the runtime's own printers (mpprint.c), so
// that print() and sys.stdout.write() keep their order.
#include "runtime/modsys.h"

#include <errno.h>
#include <unistd.h>

#include "py/stream.h"


static void stdio_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    stdio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<io.%q %d>", (qstr)MP_QSTR_TextIOWrapper, self->fd);
}

static mp_uint_t stdio_read(mp_obj_t self_in, void *buf, mp_uint_t size, int *errcode) {
    stdio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    for (;;) {
        ssize_t n = read(self->fd, buf, size);
        if (n >= 0) {
            return (mp_uint_t)n;
        }
        if (errno != EINTR) {
            *errcode = errno;
            return MP_STREAM_ERROR;
        }
    }
}

static mp_uint_t stdio_write(mp_obj_t self_in, const void *buf, mp_uint_t size, int *errcode) {
    stdio_obj_t *self = MP_OBJ_TO_PTR(self_in);
    const char *p = buf;
    mp_uint_t left = size;
    while (left > 0) {
        ssize_t n = write(self->fd, p, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            *errcode = errno;
            return MP_STREAM_ERROR;
        }
        p += n;
        left -= (mp_uint_t)n;
    }
    return size;
}

static mp_uint_t stdio_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    (void)self_in;
    (void)arg;
    switch (request) {
        case MP_STREAM_FLUSH:
        case MP_STREAM_CLOSE:
            return 0; // unbuffered; the descriptors stay open
        default:
            *errcode = MP_EINVAL;
            return MP_STREAM_ERROR;
    }
}

static mp_obj_t stdio_flush(mp_obj_t self_in) {
    (void)self_in;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(stdio_flush_obj, stdio_flush);

static const mp_rom_map_elem_t stdio_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&mp_stream_read_obj) },
    { MP_ROM_QSTR(MP_QSTR_readinto), MP_ROM_PTR(&mp_stream_readinto_obj) },
    { MP_ROM_QSTR(MP_QSTR_readline), MP_ROM_PTR(&mp_stream_unbuffered_readline_obj) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&mp_stream_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_flush), MP_ROM_PTR(&stdio_flush_obj) },
};
static MP_DEFINE_CONST_DICT(stdio_locals_dict, stdio_locals_table);

static const mp_stream_p_t stdio_stream_p = {
    .read = stdio_read,
    .write = stdio_write,
    .ioctl = stdio_ioctl,
    .is_text = true,
};

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_host_textio,
    MP_QSTR_TextIOWrapper,
    MP_TYPE_FLAG_NONE,
    print, stdio_print,
    protocol, &stdio_stream_p,
    locals_dict, &stdio_locals_dict
);

const stdio_obj_t mp_sys_stdin_obj = { { &mp_type_host_textio }, 0 };
const stdio_obj_t mp_sys_stdout_obj = { { &mp_type_host_textio }, 1 };
const stdio_obj_t mp_sys_stderr_obj = { { &mp_type_host_textio }, 2 };
