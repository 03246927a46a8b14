// Conversions between objects and the machine values of native (viper)
// code, by MP_NATIVE_TYPE_xxx code, as mp_fun_table's native_from_obj and
// native_to_obj do in MicroPython.
#include "runtime/runtime.h"

mp_uint_t mp_native_from_obj(mp_obj_t obj, mp_uint_t type) {
    switch (type & 0xf) {
        case MP_NATIVE_TYPE_OBJ:
            return (mp_uint_t)obj;
        case MP_NATIVE_TYPE_BOOL:
            return mp_obj_is_true(obj);
        case MP_NATIVE_TYPE_INT:
        case MP_NATIVE_TYPE_UINT:
            return (mp_uint_t)mp_obj_get_int_truncated(obj);
        default: {
            // A pointer: the data of a buffer, else an int taken as an address.
            mp_buffer_info_t bufinfo;
            if (mp_get_buffer(obj, &bufinfo, MP_BUFFER_READ)) {
                return (mp_uint_t)bufinfo.buf;
            }
            return (mp_uint_t)mp_obj_get_int_truncated(obj);
        }
    }
}

mp_obj_t mp_native_to_obj(mp_uint_t val, mp_uint_t type) {
    switch (type & 0xf) {
        case MP_NATIVE_TYPE_OBJ:
            return (mp_obj_t)val;
        case MP_NATIVE_TYPE_BOOL:
            return mp_obj_new_bool(val != 0);
        case MP_NATIVE_TYPE_INT:
            return mp_obj_new_int((mp_int_t)val);
        case MP_NATIVE_TYPE_UINT:
            return mp_obj_new_int_from_uint(val);
        case MP_NATIVE_TYPE_QSTR:
            return MP_OBJ_NEW_QSTR(val);
        default:
            // A pointer comes back as its address.
            return mp_obj_new_int_from_uint(val);
    }
}
