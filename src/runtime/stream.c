// The stream protocol (py/stream.h): objects whose type's protocol slot is
// an mp_stream_p_t get read/readinto/readline/write as Python methods by
// putting the function objects below in their locals dict.
#include "runtime/runtime.h"

#include "runtime/stream.h"

const mp_stream_p_t *mp_get_stream_raise(mp_obj_t self_in, int flags) {
    const mp_obj_type_t *type = mp_obj_get_type(self_in);
    if (MP_OBJ_TYPE_HAS_SLOT(type, protocol)) {
        const mp_stream_p_t *stream = MP_OBJ_TYPE_GET_SLOT(type, protocol);
        if (!((flags & MP_STREAM_OP_READ) && stream->read == NULL)
            && !((flags & MP_STREAM_OP_WRITE) && stream->write == NULL)
            && !((flags & MP_STREAM_OP_IOCTL) && stream->ioctl == NULL)) {
            return stream;
        }
    }
    mp_raise_msg(&mp_type_OSError, MP_ERROR_TEXT("stream operation not supported"));
}

// What a read of bytes gives: str for a text stream, else bytes.
static mp_obj_t stream_result(const mp_stream_p_t *stream, vstr_t *vstr) {
    if (stream->is_text) {
        return mp_obj_new_str_from_vstr(vstr);
    }
    return mp_obj_new_bytes_from_vstr(vstr);
}

// Reads up to size bytes (all of the stream when size < 0) into vstr.
// Returns false when the stream would block before anything was read.
static bool stream_read_into_vstr(mp_obj_t self, const mp_stream_p_t *stream, mp_int_t size, vstr_t *vstr) {
    const size_t chunk = 256;
    for (;;) {
        size_t want = size < 0 ? chunk : (size_t)size - vstr->len;
        if (size >= 0 && want == 0) {
            return true;
        }
        char *p = vstr_add_len(vstr, want);
        int errcode;
        mp_uint_t n = stream->read(self, p, want, &errcode);
        if (n == MP_STREAM_ERROR) {
            vstr_cut_tail_bytes(vstr, want);
            if (mp_is_nonblocking_error(errcode)) {
                return vstr->len > 0;
            }
            mp_raise_OSError(errcode);
        }
        vstr_cut_tail_bytes(vstr, want - n);
        if (n == 0) {
            return true; // end of stream
        }
    }
}

// Reads `chars` characters of a UTF-8 text stream into vstr. With no
// buffer to keep what is read past the end, it asks only for bytes it knows
// it needs: one per character still wanted, plus the rest of a character
// read in part. Returns false as stream_read_into_vstr does.
static bool stream_read_text(mp_obj_t self, const mp_stream_p_t *stream, size_t chars, vstr_t *vstr) {
    size_t whole = 0; // bytes of vstr that end on a character boundary
    size_t need = chars; // bytes to ask for next
    while (need > 0) {
        size_t target = vstr->len + need;
        if (!stream_read_into_vstr(self, stream, (mp_int_t)target, vstr)) {
            return false;
        }
        need = 0;
        while (whole < vstr->len && chars > 0) {
            byte lead = (byte)vstr->buf[whole];
            size_t n = lead < 0x80 ? 1 : (lead & 0xe0) == 0xc0 ? 2 : (lead & 0xf0) == 0xe0 ? 3 : (lead & 0xf8) == 0xf0 ? 4 : 1;
            if (whole + n > vstr->len) {
                need = whole + n - vstr->len + chars - 1; // the rest of it, then the others
                break;
            }
            whole += n;
            chars--;
        }
        if (whole == vstr->len) {
            need = chars;
        }
        if (vstr->len < target) {
            break; // end of stream
        }
    }
    return true;
}

// read([size]): all of the stream when size is absent, None or negative; a
// text stream counts size in characters.
static mp_obj_t stream_read(size_t n_args, const mp_obj_t *args) {
    const mp_stream_p_t *stream = mp_get_stream_raise(args[0], MP_STREAM_OP_READ);
    mp_int_t size = -1;
    if (n_args > 1 && args[1] != mp_const_none) {
        size = mp_obj_get_int(args[1]);
    }
    vstr_t vstr;
    vstr_init(&vstr, size < 0 ? 256 : (size_t)size);
    bool got;
    if (size >= 0 && stream->is_text) {
        got = stream_read_text(args[0], stream, (size_t)size, &vstr);
    } else {
        got = stream_read_into_vstr(args[0], stream, size, &vstr);
    }
    if (!got) {
        return mp_const_none;
    }
    return stream_result(stream, &vstr);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream_read_obj, 1, 2, stream_read);

void mp_stream_read_all(mp_obj_t self, vstr_t *vstr) {
    const mp_stream_p_t *stream = mp_get_stream_raise(self, MP_STREAM_OP_READ);
    stream_read_into_vstr(self, stream, -1, vstr);
}

// readinto(buf[, nbytes]): the number of bytes read.
static mp_obj_t stream_readinto(size_t n_args, const mp_obj_t *args) {
    const mp_stream_p_t *stream = mp_get_stream_raise(args[0], MP_STREAM_OP_READ);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[1], &bufinfo, MP_BUFFER_WRITE);
    size_t len = bufinfo.len;
    if (n_args > 2) {
        mp_int_t n = mp_obj_get_int(args[2]);
        if (n >= 0 && (size_t)n < len) {
            len = (size_t)n;
        }
    }
    size_t done = 0;
    while (done < len) {
        int errcode;
        mp_uint_t n = stream->read(args[0], (byte *)bufinfo.buf + done, len - done, &errcode);
        if (n == MP_STREAM_ERROR) {
            if (mp_is_nonblocking_error(errcode)) {
                if (done == 0) {
                    return mp_const_none;
                }
                break;
            }
            mp_raise_OSError(errcode);
        }
        if (n == 0) {
            break;
        }
        done += n;
    }
    return MP_OBJ_NEW_SMALL_INT(done);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream_readinto_obj, 2, 3, stream_readinto);

// readline([size]): one byte at a time, up to and including '\n'.
static mp_obj_t stream_unbuffered_readline(size_t n_args, const mp_obj_t *args) {
    const mp_stream_p_t *stream = mp_get_stream_raise(args[0], MP_STREAM_OP_READ);
    mp_int_t max = -1;
    if (n_args > 1 && args[1] != mp_const_none) {
        max = mp_obj_get_int(args[1]);
    }
    vstr_t vstr;
    vstr_init(&vstr, 16);
    while (max < 0 || vstr.len < (size_t)max) {
        char *p = vstr_add_len(&vstr, 1);
        int errcode;
        mp_uint_t n = stream->read(args[0], p, 1, &errcode);
        if (n == MP_STREAM_ERROR) {
            vstr_cut_tail_bytes(&vstr, 1);
            if (mp_is_nonblocking_error(errcode)) {
                if (vstr.len == 0) {
                    return mp_const_none;
                }
                break;
            }
            mp_raise_OSError(errcode);
        }
        if (n == 0) {
            vstr_cut_tail_bytes(&vstr, 1);
            break;
        }
        if (*p == '\n') {
            break;
        }
    }
    return stream_result(stream, &vstr);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream_unbuffered_readline_obj, 1, 2, stream_unbuffered_readline);

// write(buf[, max_len]) or write(buf, offset, max_len): bytes written, or
// None when the stream would block.
static mp_obj_t stream_write(size_t n_args, const mp_obj_t *args) {
    const mp_stream_p_t *stream = mp_get_stream_raise(args[0], MP_STREAM_OP_WRITE);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[1], &bufinfo, MP_BUFFER_READ);
    size_t offset = 0;
    size_t len = bufinfo.len;
    if (n_args == 3) {
        mp_int_t max = mp_obj_get_int(args[2]);
        if (max >= 0 && (size_t)max < len) {
            len = (size_t)max;
        }
    } else if (n_args == 4) {
        mp_int_t off = mp_obj_get_int(args[2]);
        offset = off < 0 ? 0 : (size_t)off > len ? len : (size_t)off;
        mp_int_t max = mp_obj_get_int(args[3]);
        len -= offset;
        if (max >= 0 && (size_t)max < len) {
            len = (size_t)max;
        }
    }
    // Written in as many calls as the stream needs.
    const byte *p = (const byte *)bufinfo.buf + offset;
    size_t done = 0;
    while (done < len) {
        int errcode;
        mp_uint_t n = stream->write(args[0], p + done, len - done, &errcode);
        if (n == MP_STREAM_ERROR) {
            if (!mp_is_nonblocking_error(errcode)) {
                mp_raise_OSError(errcode);
            }
            if (done == 0) {
                return mp_const_none;
            }
            break;
        }
        if (n == 0) {
            break;
        }
        done += n;
    }
    return MP_OBJ_NEW_SMALL_INT(done);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream_write_obj, 2, 4, stream_write);

// readlines(): the list of the remaining lines.
static mp_obj_t stream_unbuffered_readlines(mp_obj_t self) {
    mp_obj_t lines = mp_obj_new_list(0, NULL);
    for (;;) {
        mp_obj_t line = stream_unbuffered_readline(1, &self);
        if (!mp_obj_is_true(line)) {
            return lines;
        }
        mp_obj_list_append(lines, line);
    }
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_stream_unbuffered_readlines_obj, stream_unbuffered_readlines);

// An ioctl request that gives no result but may fail with an OSError.
static void stream_ioctl_or_raise(mp_obj_t self, mp_uint_t request, uintptr_t arg) {
    const mp_stream_p_t *stream = mp_get_stream_raise(self, MP_STREAM_OP_IOCTL);
    int errcode;
    if (stream->ioctl(self, request, arg, &errcode) == MP_STREAM_ERROR) {
        mp_raise_OSError(errcode);
    }
}

// seek(offset, whence=0): the new position.
static mp_obj_t stream_seek(size_t n_args, const mp_obj_t *args) {
    struct mp_stream_seek_t seek;
    seek.offset = mp_obj_get_int(args[1]);
    seek.whence = n_args > 2 ? (int)mp_obj_get_int(args[2]) : MP_SEEK_SET;
    if (seek.whence == MP_SEEK_SET && seek.offset < 0) {
        mp_raise_OSError(MP_EINVAL);
    }
    stream_ioctl_or_raise(args[0], MP_STREAM_SEEK, (uintptr_t)&seek);
    return mp_obj_new_int_from_ll(seek.offset);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream_seek_obj, 2, 3, stream_seek);

static mp_obj_t stream_tell(mp_obj_t self) {
    mp_obj_t args[3] = { self, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_NEW_SMALL_INT(MP_SEEK_CUR) };
    return stream_seek(3, args);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_stream_tell_obj, stream_tell);

static mp_obj_t stream_flush(mp_obj_t self) {
    stream_ioctl_or_raise(self, MP_STREAM_FLUSH, 0);
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_stream_flush_obj, stream_flush);

mp_obj_t mp_stream_close(mp_obj_t self) {
    stream_ioctl_or_raise(self, MP_STREAM_CLOSE, 0);
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_stream_close_obj, mp_stream_close);

static mp_obj_t stream_enter(mp_obj_t self) {
    return self;
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_stream___enter___obj, stream_enter);

static mp_obj_t stream_exit(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    return mp_stream_close(args[0]);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream___exit___obj, 4, 4, stream_exit);
