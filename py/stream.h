// The stream protocol: a type whose protocol slot points to an mp_stream_p_t
// gets read/write/ioctl from C, and Python methods such as read() by putting
// the firmware's mp_stream_*_obj function objects in its locals dict.
#ifndef MP_SDK_PY_STREAM_H
#define MP_SDK_PY_STREAM_H

#include "py/obj.h"
#include "py/mperrno.h"

// Returned by read/write/ioctl on error, with *errcode set to an MP_Exxx.
#define MP_STREAM_ERROR ((mp_uint_t)-1)

// ioctl requests.
#define MP_STREAM_FLUSH (1)
#define MP_STREAM_SEEK (2)
#define MP_STREAM_POLL (3)
#define MP_STREAM_CLOSE (4)
#define MP_STREAM_TIMEOUT (5)
#define MP_STREAM_GET_OPTS (6)
#define MP_STREAM_SET_OPTS (7)
#define MP_STREAM_GET_DATA_OPTS (8)
#define MP_STREAM_SET_DATA_OPTS (9)
#define MP_STREAM_GET_FILENO (10)
#define MP_STREAM_GET_BUFFER_SIZE (11)

// Poll flags (as Linux).
#define MP_STREAM_POLL_RD (0x0001)
#define MP_STREAM_POLL_WR (0x0004)
#define MP_STREAM_POLL_ERR (0x0008)
#define MP_STREAM_POLL_HUP (0x0010)
#define MP_STREAM_POLL_NVAL (0x0020)

// Argument of MP_STREAM_SEEK.
struct mp_stream_seek_t {
    mp_off_t offset;
    int whence;
};
#define MP_SEEK_SET (0)
#define MP_SEEK_CUR (1)
#define MP_SEEK_END (2)

typedef struct _mp_stream_p_t {
    mp_uint_t (*read)(mp_obj_t obj, void *buf, mp_uint_t size, int *errcode);
    mp_uint_t (*write)(mp_obj_t obj, const void *buf, mp_uint_t size, int *errcode);
    mp_uint_t (*ioctl)(mp_obj_t obj, mp_uint_t request, uintptr_t arg, int *errcode);
    mp_uint_t is_text : 1; // text rather than bytes
} mp_stream_p_t;

MP_STATIC_ASSERT_DECL(offsetof(mp_stream_p_t, ioctl) == 2 * sizeof(void *), "mp_stream_p_t.ioctl");
MP_STATIC_ASSERT_DECL(sizeof(mp_stream_p_t) == 4 * sizeof(void *), "mp_stream_p_t size");

// Flags for mp_get_stream_raise.
#define MP_STREAM_OP_READ (1)
#define MP_STREAM_OP_WRITE (2)
#define MP_STREAM_OP_IOCTL (4)

// The stream protocol of an object known to have one.
static inline const mp_stream_p_t *mp_get_stream(mp_const_obj_t self) {
    const mp_obj_type_t *type = ((const mp_obj_base_t *)MP_OBJ_TO_PTR(self))->type;
    return (const mp_stream_p_t *)MP_OBJ_TYPE_GET_SLOT(type, protocol);
}

// close() and __exit__ (which closes): the host runtime has them, and a
// module that wants them in firmware, which does not export them, defines
// its own under these names.
mp_obj_t mp_stream_close(mp_obj_t stream);
MP_DECLARE_CONST_FUN_OBJ_1(mp_stream_close_obj);
MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream___exit___obj);

#define mp_is_nonblocking_error(errno) ((errno) == MP_EAGAIN || (errno) == MP_EWOULDBLOCK)

#endif // MP_SDK_PY_STREAM_H
