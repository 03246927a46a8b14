// checksum: a module built from several C source files (main.c, crc32.c,
// adler32.c and the shared checksum.h). It also reads its input through the
// buffer protocol, so bytes, bytearray, str and array.array all work.
//
//     import checksum
//     checksum.crc32(b"hello")             # 907060870, same as zlib.crc32
//     checksum.adler32(b"hello")           # 103547413, same as zlib.adler32
//     checksum.crc32(b"lo", checksum.crc32(b"hel"))   # continue a checksum
#include "py/dynruntime.h"
#include "checksum.h"

// Shared argument handling: (data[, start_value]).
STATIC mp_obj_t run(uint32_t (*fn)(uint32_t, const uint8_t *, size_t), uint32_t initial,
    size_t n_args, const mp_obj_t *args) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(args[0], &bufinfo, MP_BUFFER_READ);
    uint32_t value = initial;
    if (n_args > 1) {
        value = (uint32_t)mp_obj_get_int_truncated(args[1]);
    }
    value = fn(value, bufinfo.buf, bufinfo.len);
    return mp_obj_new_int_from_uint(value);
}

STATIC mp_obj_t crc32(size_t n_args, const mp_obj_t *args) {
    return run(checksum_crc32, 0, n_args, args);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(crc32_obj, 1, 2, crc32);

STATIC mp_obj_t adler32(size_t n_args, const mp_obj_t *args) {
    return run(checksum_adler32, 1, n_args, args);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(adler32_obj, 1, 2, adler32);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY

    mp_store_global(MP_QSTR_crc32, MP_OBJ_FROM_PTR(&crc32_obj));
    mp_store_global(MP_QSTR_adler32, MP_OBJ_FROM_PTR(&adler32_obj));

    MP_DYNRUNTIME_INIT_EXIT
}
