// 64-bit file offsets on 32-bit hosts too.
#define _FILE_OFFSET_BITS 64

// Files of the host: io.FileIO (binary) and io.TextIOWrapper (text), both
// an unbuffered file descriptor under the stream protocol, as the unix
// port's (extmod/vfs_posix_file.c). sys.stdin, sys.stdout and sys.stderr
// are text files on descriptors 0, 1 and 2, with a binary twin as their
// `buffer` attribute.
#include "runtime/vfs.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "runtime/modsys.h"
#include "runtime/stream.h"

static host_file_t *file_open_or_raise(mp_obj_t self_in) {
    host_file_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->fd < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("I/O operation on closed file"));
    }
    return self;
}

static void file_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    host_file_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "<io.%s %d>", mp_obj_get_type_str(self_in), self->fd);
}

mp_obj_t mp_vfs_posix_file_open(const mp_obj_type_t *type, mp_obj_t file, mp_obj_t mode) {
    // As the unix port: the last of r/w/a says how, '+' makes it read and
    // write, 'b'/'t' pick the type; other letters are ignored.
    int flags_rw = O_RDONLY, flags_create = 0;
    for (const char *m = mp_obj_str_get_str(mode); *m != '\0'; m++) {
        switch (*m) {
            case 'r':
                flags_rw = O_RDONLY;
                break;
            case 'w':
                flags_rw = O_WRONLY;
                flags_create = O_CREAT | O_TRUNC;
                break;
            case 'a':
                flags_rw = O_WRONLY;
                flags_create = O_CREAT | O_APPEND;
                break;
            case '+':
                flags_rw = O_RDWR;
                break;
            case 'b':
                type = &mp_type_vfs_posix_fileio;
                break;
            case 't':
                type = &mp_type_vfs_posix_textio;
                break;
        }
    }
    int fd;
    if (mp_obj_is_small_int(file)) {
        mp_vfs_check_host_access();
        fd = (int)MP_OBJ_SMALL_INT_VALUE(file);
    } else {
        const char *path = mp_obj_str_get_str(file);
        while ((fd = open(path, flags_rw | flags_create, 0644)) < 0) {
            if (errno != EINTR) {
                mp_raise_OSError(errno);
            }
        }
    }
    // Made once the descriptor is known: its __del__ closes it if it is
    // dropped open.
    host_file_t *self = m_malloc_with_finaliser(sizeof(host_file_t));
    self->base.type = type;
    self->fd = fd;
    return MP_OBJ_FROM_PTR(self);
}

static mp_obj_t file_fileno(mp_obj_t self_in) {
    return MP_OBJ_NEW_SMALL_INT(file_open_or_raise(self_in)->fd);
}
static MP_DEFINE_CONST_FUN_OBJ_1(file_fileno_obj, file_fileno);

static mp_uint_t file_read(mp_obj_t self_in, void *buf, mp_uint_t size, int *errcode) {
    host_file_t *self = file_open_or_raise(self_in);
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

static mp_uint_t file_write(mp_obj_t self_in, const void *buf, mp_uint_t size, int *errcode) {
    host_file_t *self = file_open_or_raise(self_in);
    for (;;) {
        ssize_t n = write(self->fd, buf, size);
        if (n >= 0) {
            return (mp_uint_t)n;
        }
        if (errno != EINTR) {
            *errcode = errno;
            return MP_STREAM_ERROR;
        }
    }
}

static const host_file_t stdin_buffer_obj, stdout_buffer_obj, stderr_buffer_obj;

static bool is_stdio(const host_file_t *self) {
    return self == &mp_sys_stdin_obj || self == &mp_sys_stdout_obj || self == &mp_sys_stderr_obj
           || self == &stdin_buffer_obj || self == &stdout_buffer_obj || self == &stderr_buffer_obj;
}

static mp_uint_t file_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    host_file_t *self = MP_OBJ_TO_PTR(self_in);
    if (request == MP_STREAM_CLOSE) {
        if (self->fd <= STDERR_FILENO && is_stdio(self)) {
            return 0; // sys.stdin and friends are constants and stay open
        }
        if (self->fd >= 0) {
            close(self->fd);
        }
        self->fd = -1;
        return 0;
    }
    file_open_or_raise(self_in);
    switch (request) {
        case MP_STREAM_FLUSH:
            // Nothing is buffered here; fsync fails with EINVAL on
            // terminals and pipes, which for stdio is no error.
            while (fsync(self->fd) != 0) {
                if (errno == EINVAL && self->fd <= STDERR_FILENO) {
                    return 0;
                }
                if (errno != EINTR) {
                    *errcode = errno;
                    return MP_STREAM_ERROR;
                }
            }
            return 0;
        case MP_STREAM_SEEK: {
            struct mp_stream_seek_t *s = (struct mp_stream_seek_t *)arg;
            off_t off = lseek(self->fd, (off_t)s->offset, s->whence);
            if (off == (off_t)-1) {
                *errcode = errno;
                return MP_STREAM_ERROR;
            }
            s->offset = (mp_off_t)off;
            return 0;
        }
        case MP_STREAM_GET_FILENO:
            return (mp_uint_t)self->fd;
        default:
            *errcode = MP_EINVAL;
            return MP_STREAM_ERROR;
    }
}

static const mp_rom_map_elem_t file_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_fileno), MP_ROM_PTR(&file_fileno_obj) },
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&mp_stream_read_obj) },
    { MP_ROM_QSTR(MP_QSTR_readinto), MP_ROM_PTR(&mp_stream_readinto_obj) },
    { MP_ROM_QSTR(MP_QSTR_readline), MP_ROM_PTR(&mp_stream_unbuffered_readline_obj) },
    { MP_ROM_QSTR(MP_QSTR_readlines), MP_ROM_PTR(&mp_stream_unbuffered_readlines_obj) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&mp_stream_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_seek), MP_ROM_PTR(&mp_stream_seek_obj) },
    { MP_ROM_QSTR(MP_QSTR_tell), MP_ROM_PTR(&mp_stream_tell_obj) },
    { MP_ROM_QSTR(MP_QSTR_flush), MP_ROM_PTR(&mp_stream_flush_obj) },
    { MP_ROM_QSTR(MP_QSTR_close), MP_ROM_PTR(&mp_stream_close_obj) },
    { MP_ROM_QSTR(MP_QSTR___del__), MP_ROM_PTR(&mp_stream_close_obj) },
    { MP_ROM_QSTR(MP_QSTR___enter__), MP_ROM_PTR(&mp_stream___enter___obj) },
    { MP_ROM_QSTR(MP_QSTR___exit__), MP_ROM_PTR(&mp_stream___exit___obj) },
};
static MP_DEFINE_CONST_DICT(file_locals_dict, file_locals_table);

static const mp_stream_p_t fileio_stream_p = {
    .read = file_read, .write = file_write, .ioctl = file_ioctl,
};

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_vfs_posix_fileio,
    MP_QSTR_FileIO,
    MP_TYPE_FLAG_ITER_IS_STREAM,
    print, file_print,
    protocol, &fileio_stream_p,
    locals_dict, &file_locals_dict
);

static const mp_stream_p_t textio_stream_p = {
    .read = file_read, .write = file_write, .ioctl = file_ioctl, .is_text = true,
};

static const host_file_t stdin_buffer_obj = { { &mp_type_vfs_posix_fileio }, STDIN_FILENO };
static const host_file_t stdout_buffer_obj = { { &mp_type_vfs_posix_fileio }, STDOUT_FILENO };
static const host_file_t stderr_buffer_obj = { { &mp_type_vfs_posix_fileio }, STDERR_FILENO };

// `buffer` exists on sys.stdin/stdout/stderr only; other attributes come
// from the locals dict.
static void textio_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        return; // no stores
    }
    const host_file_t *self = MP_OBJ_TO_PTR(self_in);
    if (attr == MP_QSTR_buffer) {
        if (self == &mp_sys_stdin_obj) {
            dest[0] = MP_OBJ_FROM_PTR(&stdin_buffer_obj);
            return;
        }
        if (self == &mp_sys_stdout_obj) {
            dest[0] = MP_OBJ_FROM_PTR(&stdout_buffer_obj);
            return;
        }
        if (self == &mp_sys_stderr_obj) {
            dest[0] = MP_OBJ_FROM_PTR(&stderr_buffer_obj);
            return;
        }
    }
    dest[1] = MP_OBJ_SENTINEL;
}

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_vfs_posix_textio,
    MP_QSTR_TextIOWrapper,
    MP_TYPE_FLAG_ITER_IS_STREAM,
    print, file_print,
    protocol, &textio_stream_p,
    attr, textio_attr,
    locals_dict, &file_locals_dict
);

const host_file_t mp_sys_stdin_obj = { { &mp_type_vfs_posix_textio }, STDIN_FILENO };
const host_file_t mp_sys_stdout_obj = { { &mp_type_vfs_posix_textio }, STDOUT_FILENO };
const host_file_t mp_sys_stderr_obj = { { &mp_type_vfs_posix_textio }, STDERR_FILENO };
