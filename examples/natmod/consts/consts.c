// consts: constants and dicts exposed to Python.
//
// Module-level constants are stored into the module's globals by mpy_init.
// A dict whose keys and values are all known at compile time (small ints,
// static qstrs, constant str objects, function objects) can live entirely in
// rodata with MP_DEFINE_CONST_DICT; Python can read it but not change it.
// Names that are this module's own qstrs are only known at import time, so a
// dict keyed by them is built at run time.
//
//     import consts
//     consts.MAX_ITEMS                  # 64
//     consts.VERSION                    # (1, 2, 3)
//     consts.BIG                        # 1099511627776 (2**40)
//     consts.DEFAULTS['step']           # 5       (a dict in rodata)
//     consts.ERRNO_NAMES[2]             # 'ENOENT'
//     consts.errno_name(13)             # 'EACCES' (looked up from C)
//     consts.config()                   # {'mode': 'fast', 'level': 3}
#include "py/dynruntime.h"

// Constant str objects (in rodata).
STATIC const MP_DEFINE_STR_OBJ(sep_obj, ", ");
STATIC const MP_DEFINE_STR_OBJ(eperm_obj, "EPERM");
STATIC const MP_DEFINE_STR_OBJ(enoent_obj, "ENOENT");
STATIC const MP_DEFINE_STR_OBJ(eio_obj, "EIO");
STATIC const MP_DEFINE_STR_OBJ(eacces_obj, "EACCES");
STATIC const MP_DEFINE_STR_OBJ(einval_obj, "EINVAL");

// A dict in rodata keyed by static qstrs ('start', 'stop', 'step' and 'sep'
// are in the firmware's own qstr table, so they are constants).
STATIC const mp_rom_map_elem_t defaults_table[] = {
    { MP_ROM_QSTR(MP_QSTR_start), MP_ROM_INT(0) },
    { MP_ROM_QSTR(MP_QSTR_stop), MP_ROM_INT(100) },
    { MP_ROM_QSTR(MP_QSTR_step), MP_ROM_INT(5) },
    { MP_ROM_QSTR(MP_QSTR_sep), MP_ROM_PTR(&sep_obj) },
};
STATIC MP_DEFINE_CONST_DICT(defaults_dict, defaults_table);

// A dict in rodata keyed by small ints. MP_DEFINE_CONST_DICT declares that
// all keys are qstrs (lookups then only compare qstrs), so a dict with other
// keys sets up its map itself.
STATIC const mp_rom_map_elem_t errno_names_table[] = {
    { MP_ROM_INT(MP_EPERM), MP_ROM_PTR(&eperm_obj) },
    { MP_ROM_INT(MP_ENOENT), MP_ROM_PTR(&enoent_obj) },
    { MP_ROM_INT(MP_EIO), MP_ROM_PTR(&eio_obj) },
    { MP_ROM_INT(MP_EACCES), MP_ROM_PTR(&eacces_obj) },
    { MP_ROM_INT(MP_EINVAL), MP_ROM_PTR(&einval_obj) },
};
STATIC const mp_obj_dict_t errno_names_dict = {
    .base = { &mp_type_dict },
    .map = {
        .all_keys_are_qstrs = 0,
        .is_fixed = 1,
        .is_ordered = 1,
        .used = MP_ARRAY_SIZE(errno_names_table),
        .alloc = MP_ARRAY_SIZE(errno_names_table),
        .table = (mp_map_elem_t *)(mp_rom_map_elem_t *)errno_names_table,
    },
};

// Reading a dict from C: the name of an errno value (KeyError if unknown).
STATIC mp_obj_t errno_name(mp_obj_t num_in) {
    return mp_obj_dict_get(MP_OBJ_FROM_PTR(&errno_names_dict), num_in);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(errno_name_obj, errno_name);

// A new dict, keyed by this module's qstrs, on each call.
STATIC mp_obj_t config(void) {
    mp_obj_t dict = mp_obj_new_dict(2);
    mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(MP_QSTR_mode), MP_OBJ_NEW_QSTR(MP_QSTR_fast));
    mp_obj_dict_store(dict, MP_OBJ_NEW_QSTR(MP_QSTR_level), MP_OBJ_NEW_SMALL_INT(3));
    return dict;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(config_obj, config);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY

    // Plain constants.
    mp_store_global(MP_QSTR_MAX_ITEMS, MP_OBJ_NEW_SMALL_INT(64));
    mp_store_global(MP_QSTR_NAME, MP_OBJ_NEW_QSTR(MP_QSTR_consts));
    mp_obj_t version[3] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(2), MP_OBJ_NEW_SMALL_INT(3) };
    mp_store_global(MP_QSTR_VERSION, mp_obj_new_tuple(3, version));
    mp_store_global(MP_QSTR_BIG, mp_obj_new_int_from_ll(1LL << 40));

    // The constant dicts, and functions.
    mp_store_global(MP_QSTR_DEFAULTS, MP_OBJ_FROM_PTR(&defaults_dict));
    mp_store_global(MP_QSTR_ERRNO_NAMES, MP_OBJ_FROM_PTR(&errno_names_dict));
    mp_store_global(MP_QSTR_errno_name, MP_OBJ_FROM_PTR(&errno_name_obj));
    mp_store_global(MP_QSTR_config, MP_OBJ_FROM_PTR(&config_obj));

    MP_DYNRUNTIME_INIT_EXIT
}
