// The errno module of MicroPython v1.21's unix port: MicroPython's default
// list of errno names, with the host's numbers (the unix port takes them
// from <errno.h>), and errorcode, the dict from number to name. OSError
// prints a number it knows as "[Errno 2] ENOENT" (objexcept.c asks
// mp_errno_to_str).
#include <errno.h>

#include "runtime/runtime.h"

#define ERRNO_LIST \
    X(EPERM) \
    X(ENOENT) \
    X(EIO) \
    X(EBADF) \
    X(EAGAIN) \
    X(ENOMEM) \
    X(EACCES) \
    X(EEXIST) \
    X(ENODEV) \
    X(EISDIR) \
    X(EINVAL) \
    X(EOPNOTSUPP) \
    X(EADDRINUSE) \
    X(ECONNABORTED) \
    X(ECONNRESET) \
    X(ENOBUFS) \
    X(ENOTCONN) \
    X(ETIMEDOUT) \
    X(ECONNREFUSED) \
    X(EHOSTUNREACH) \
    X(EALREADY) \
    X(EINPROGRESS)

static const mp_rom_map_elem_t errorcode_table[] = {
#define X(e) { MP_ROM_INT(e), MP_ROM_QSTR(MP_QSTR_##e) },
    ERRNO_LIST
#undef X
};

static const mp_obj_dict_t errorcode_dict = {
    .base = { &mp_type_dict },
    .map = {
        .all_keys_are_qstrs = 0, // the keys are ints
        .is_fixed = 1,
        .is_ordered = 1,
        .used = MP_ARRAY_SIZE(errorcode_table),
        .alloc = MP_ARRAY_SIZE(errorcode_table),
        .table = (mp_map_elem_t *)(mp_rom_map_elem_t *)errorcode_table,
    },
};

static const mp_rom_map_elem_t errno_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_errno) },
    { MP_ROM_QSTR(MP_QSTR_errorcode), MP_ROM_PTR(&errorcode_dict) },
#define X(e) { MP_ROM_QSTR(MP_QSTR_##e), MP_ROM_INT(e) },
    ERRNO_LIST
#undef X
};
static MP_DEFINE_CONST_DICT(errno_dict, errno_table);

const mp_obj_module_t mp_module_errno = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&errno_dict,
};

qstr mp_errno_to_str(mp_obj_t errno_val) {
    mp_map_elem_t *elem = mp_map_lookup((mp_map_t *)&errorcode_dict.map, errno_val, MP_MAP_LOOKUP);
    return elem == NULL ? MP_QSTRnull : MP_OBJ_QSTR_VALUE(elem->value);
}
