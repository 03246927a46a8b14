// help(): a short welcome, help('modules') lists the built-in modules, and
// help(obj) lists what the object's type (or module, or class) holds, in
// MicroPython's "object ... is of type ..." format.
#include "runtime/modbuiltins.h"

static const char help_text[] =
    "Welcome to mpy-host, the MicroPython host runtime of the native module SDK.\n"
    "\n"
    "It runs Python scripts and imports native modules (.mpy files) built for\n"
    "this machine, with MicroPython v1.21's semantics.\n"
    "\n"
    "List the built-in modules with help('modules').\n"
    "For further help on a specific object, type help(obj)\n";

static void help_print_modules(void) {
    mp_obj_t list = mp_obj_new_list(0, NULL);
    const mp_map_t *map = &mp_builtin_module_map;
    for (size_t i = 0; i < map->alloc; i++) {
        if (mp_map_slot_is_filled(map, i)) {
            mp_obj_list_append(list, map->table[i].key);
        }
    }
    mp_obj_list_append(list, MP_OBJ_NEW_QSTR(MP_QSTR___main__));
    size_t n;
    mp_obj_t *names;
    mp_obj_list_get(list, &n, &names);
    mp_obj_list_sort_items(names, n, mp_const_none, false);
    // Four columns, filled row by row.
    for (size_t i = 0; i < n; i++) {
        const char *name = mp_obj_str_get_str(names[i]);
        bool last_in_row = i % 4 == 3 || i + 1 == n;
        mp_printf(&mp_plat_print, last_in_row ? "%s\n" : "%-18s", name);
    }
    mp_printf(&mp_plat_print, "Plus any modules on the filesystem\n");
}

static void help_print_object(mp_obj_t obj) {
    const mp_obj_type_t *type = mp_obj_get_type(obj);
    mp_printf(&mp_plat_print, "object ");
    mp_obj_print_helper(&mp_plat_print, obj, PRINT_REPR);
    mp_printf(&mp_plat_print, " is of type %q\n", (qstr)type->name);
    const mp_map_t *map = NULL;
    if (type == &mp_type_module) {
        map = &mp_obj_module_globals(obj)->map;
    } else {
        if (type == &mp_type_type) {
            type = MP_OBJ_TO_PTR(obj); // a class: what it holds
        }
        if (MP_OBJ_TYPE_HAS_SLOT(type, locals_dict)) {
            map = &((mp_obj_dict_t *)MP_OBJ_TYPE_GET_SLOT(type, locals_dict))->map;
        }
    }
    if (map == NULL) {
        return;
    }
    for (size_t i = 0; i < map->alloc; i++) {
        if (mp_map_slot_is_filled(map, i)) {
            mp_printf(&mp_plat_print, "  %s -- ", mp_obj_str_get_str(map->table[i].key));
            mp_obj_print_helper(&mp_plat_print, map->table[i].value, PRINT_STR);
            mp_printf(&mp_plat_print, "\n");
        }
    }
}

static mp_obj_t builtin_help(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0) {
        mp_printf(&mp_plat_print, "%s", help_text);
    } else if (mp_obj_is_str(args[0]) && mp_obj_str_get_qstr(args[0]) == MP_QSTR_modules) {
        help_print_modules();
    } else {
        help_print_object(args[0]);
    }
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin_help_obj, 0, 1, builtin_help);
