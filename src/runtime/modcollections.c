// The collections module of MicroPython v1.21's unix port: deque
// (objdeque.c), namedtuple (objnamedtuple.c) and OrderedDict (objdict.c).
#include "runtime/runtime.h"

// Not in runtime.h: only this table names them.
extern const mp_obj_type_t mp_type_deque;
extern const mp_obj_fun_builtin_fixed_t mp_namedtuple_obj;

static const mp_rom_map_elem_t collections_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_collections) },
    { MP_ROM_QSTR(MP_QSTR_deque), MP_ROM_PTR(&mp_type_deque) },
    { MP_ROM_QSTR(MP_QSTR_namedtuple), MP_ROM_PTR(&mp_namedtuple_obj) },
    { MP_ROM_QSTR(MP_QSTR_OrderedDict), MP_ROM_PTR(&mp_type_ordereddict) },
};
static MP_DEFINE_CONST_DICT(collections_dict, collections_table);

const mp_obj_module_t mp_module_collections = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&collections_dict,
};
