// The built-in modules, found by name before any .mpy on sys.path.
#include "runtime/modsys.h"

// Not in runtime.h: only this table names them.
extern const mp_obj_module_t mp_module_gc;
extern const mp_obj_module_t mp_module_os;
extern const mp_obj_module_t mp_module_math;

static const mp_rom_map_elem_t builtin_module_table[] = {
    { MP_ROM_QSTR(MP_QSTR_builtins), MP_ROM_PTR(&mp_module_builtins) },
    { MP_ROM_QSTR(MP_QSTR_sys), MP_ROM_PTR(&mp_module_sys) },
    { MP_ROM_QSTR(MP_QSTR_array), MP_ROM_PTR(&mp_module_array) },
    { MP_ROM_QSTR(MP_QSTR_gc), MP_ROM_PTR(&mp_module_gc) },
    { MP_ROM_QSTR(MP_QSTR_io), MP_ROM_PTR(&mp_module_io) },
    { MP_ROM_QSTR(MP_QSTR_micropython), MP_ROM_PTR(&mp_module_micropython) },
    { MP_ROM_QSTR(MP_QSTR_os), MP_ROM_PTR(&mp_module_os) },
    { MP_ROM_QSTR(MP_QSTR_math), MP_ROM_PTR(&mp_module_math) },
};

MP_DEFINE_CONST_MAP(mp_builtin_module_map, builtin_module_table);

mp_obj_t mp_module_get_builtin(qstr module_name) {
    mp_map_elem_t *elem = mp_map_lookup((mp_map_t *)&mp_builtin_module_map, MP_OBJ_NEW_QSTR(module_name), MP_MAP_LOOKUP);
    if (elem == NULL) {
        return MP_OBJ_NULL;
    }
    if (elem->value == MP_OBJ_FROM_PTR(&mp_module_sys)) {
        mp_module_sys_refresh();
    }
    return elem->value;
}
