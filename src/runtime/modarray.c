// The array module: the array type (objarray.c) under its own name.
#include "runtime/runtime.h"

static const mp_rom_map_elem_t array_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_array) },
    { MP_ROM_QSTR(MP_QSTR_array), MP_ROM_PTR(&mp_type_array) },
};
static MP_DEFINE_CONST_DICT(array_dict, array_table);

const mp_obj_module_t mp_module_array = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&array_dict,
};
