// The stream protocol (py/stream.h): objects whose type's protocol slot is
// an mp_stream_p_t get read/readinto/readline/write as Python methods by
// putting the function objects below in their locals dict.
#include "runtime/runtime.h"

#include "py/stream.h"

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

// read([size])
static mp_obj_t stream_read(size_t n_args, const mp_obj_t *args) {
    const mp_stream_p_t *stream = mp_get_stream_raise(args[0], MP_STREAM_OP_READ);
    mp_int_t size = -1;
    if (n_args > 1 && args[1] != mp_const_none) {
        size = mp_obj_get_int(args[1]);
    }
    vstr_t vstr;
    vstr_init(&vstr, size < 0 ? 256 : (size_t)size);
    if (!stream_read_into_vstr(args[0], stream, size, &vstr)) {
        return mp_const_none;
    }
    return stream_result(stream, &vstr);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream_read_obj, 1, 2, stream_read);

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
    int errcode;
    mp_uint_t n = stream->write(args[0], (const byte *)bufinfo.buf + offset, len, &errcode);
    if (n == MP_STREAM_ERROR) {
        if (mp_is_nonblocking_error(errcode)) {
            return mp_const_none;
        }
        mp_raise_OSError(errcode);
    }
    return MP_OBJ_NEW_SMALL_INT(n);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream_write_obj, 2, 4, stream_write);
