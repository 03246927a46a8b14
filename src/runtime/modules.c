// The built-in modules, found by name as MicroPython v1.21 finds them:
//   - most are extensible: found only when no module of that name is on
//     sys.path (a .py or .mpy there can extend or replace them), and
//     `import ufoo` finds the built-in foo before sys.path (MicroPython's
//     old u-names: utime, ustruct, ...);
//   - the few that are not (builtins, sys, gc, micropython, math, ...) are
//     found before anything on sys.path, and `usys` names sys.
#include <string.h>

#include "runtime/modsys.h"

// Not in runtime.h: only this table names them.
extern const mp_obj_module_t mp_module_gc;
extern const mp_obj_module_t mp_module_os;
extern const mp_obj_module_t mp_module_math;
extern const mp_obj_module_t mp_module_struct;
extern const mp_obj_module_t mp_module_collections;
extern const mp_obj_module_t mp_module_errno;
extern const mp_obj_module_t mp_module_time;

static const mp_rom_map_elem_t builtin_module_table[] = {
    { MP_ROM_QSTR(MP_QSTR_builtins), MP_ROM_PTR(&mp_module_builtins) },
    { MP_ROM_QSTR(MP_QSTR_sys), MP_ROM_PTR(&mp_module_sys) },
    { MP_ROM_QSTR(MP_QSTR_array), MP_ROM_PTR(&mp_module_array) },
    { MP_ROM_QSTR(MP_QSTR_gc), MP_ROM_PTR(&mp_module_gc) },
    { MP_ROM_QSTR(MP_QSTR_io), MP_ROM_PTR(&mp_module_io) },
    { MP_ROM_QSTR(MP_QSTR_micropython), MP_ROM_PTR(&mp_module_micropython) },
    { MP_ROM_QSTR(MP_QSTR_os), MP_ROM_PTR(&mp_module_os) },
    { MP_ROM_QSTR(MP_QSTR_math), MP_ROM_PTR(&mp_module_math) },
    { MP_ROM_QSTR(MP_QSTR_struct), MP_ROM_PTR(&mp_module_struct) },
    { MP_ROM_QSTR(MP_QSTR_collections), MP_ROM_PTR(&mp_module_collections) },
    { MP_ROM_QSTR(MP_QSTR_errno), MP_ROM_PTR(&mp_module_errno) },
    { MP_ROM_QSTR(MP_QSTR_time), MP_ROM_PTR(&mp_module_time) },
};

MP_DEFINE_CONST_MAP(mp_builtin_module_map, builtin_module_table);

// The modules of MicroPython v1.21's unix port that are not extensible.
static bool module_is_extensible(qstr module_name) {
    static const char *const fixed[] = {
        "builtins", "sys", "gc", "micropython", "math", "cmath", "uctypes", "_thread", "_asyncio",
    };
    const char *name = qstr_str(module_name);
    for (size_t i = 0; i < MP_ARRAY_SIZE(fixed); i++) {
        if (strcmp(name, fixed[i]) == 0) {
            return false;
        }
    }
    return true;
}

// The built-in module named module_name if it is (not) extensible.
static mp_obj_t module_lookup(qstr module_name, bool extensible) {
    mp_map_elem_t *elem = mp_map_lookup((mp_map_t *)&mp_builtin_module_map, MP_OBJ_NEW_QSTR(module_name),
        MP_MAP_LOOKUP);
    if (elem == NULL || module_is_extensible(module_name) != extensible) {
        return MP_OBJ_NULL;
    }
    return elem->value;
}

mp_obj_t mp_module_get_builtin(qstr module_name) {
    mp_obj_t module = module_lookup(module_name, false);
    if (module == MP_OBJ_NULL) {
        size_t len;
        const char *name = (const char *)qstr_data(module_name, &len);
        if (module_name == MP_QSTR_usys) {
            module = MP_OBJ_FROM_PTR(&mp_module_sys);
        } else if (len >= 2 && name[0] == 'u') {
            // ufoo: the extensible built-in foo, whatever is on sys.path.
            qstr rest = qstr_find_strn(name + 1, len - 1);
            module = rest == MP_QSTRnull ? MP_OBJ_NULL : module_lookup(rest, true);
        }
    }
    if (module == MP_OBJ_FROM_PTR(&mp_module_sys)) {
        mp_module_sys_refresh();
    }
    return module;
}

mp_obj_t mp_module_get_builtin_extensible(qstr module_name) {
    return module_lookup(module_name, true);
}
