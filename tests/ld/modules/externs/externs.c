// externs: calls through many mp_fun_table slots, and the firmware objects
// the linker maps by name onto table slots (mp_type_list, mp_type_fun_builtin_1,
// mp_stream_read_obj, ...), used both from code (via the GOT) and from
// constant tables (.data.rel.ro relocations), a pointer into the middle of
// mp_fun_table, and mp_native_obj_table. Only static qstrs are used.
#include "natmod_abi.h"

static mp_obj_t ext_len(mp_obj_t o) {
    // compare the type object of the argument with named externs
    const struct _mp_obj_type_t *t = mp_fun_table.obj_get_type(o);
    if (t == &mp_type_list) {
        return NM_INT(1);
    }
    if (t == &mp_type_dict || t == &mp_type_str) {
        return NM_INT(2);
    }
    return NM_INT(t == &mp_type_type);
}

static mp_obj_t ext_pair(mp_obj_t a, mp_obj_t b) {
    mp_obj_t items[2] = { a, b };
    return mp_fun_table.new_tuple(2, items);
}

static mp_obj_t ext_dict(size_t n, const mp_obj_t *args) {
    mp_obj_t d = mp_fun_table.new_dict(n);
    for (size_t i = 0; i + 1 < n; i += 2) {
        mp_fun_table.dict_store(d, args[i], args[i + 1]);
    }
    if (n == 7) {
        mp_fun_table.raise_msg(&mp_type_dict, "odd number of arguments");
    }
    return d;
}

// walk the type slots of the table through a pointer into its middle
static mp_obj_t ext_types(void) {
    const struct _mp_obj_type_t *const *slot = &mp_fun_table.type_type;
    mp_obj_t l = mp_fun_table.new_list(0, NULL);
    for (int i = 0; i < 9; ++i) {
        mp_fun_table.list_append(l, (mp_obj_t)slot[i]);
    }
    return l;
}

static mp_obj_t ext_hello(void) {
    mp_fun_table.printf_(mp_fun_table.plat_print, "hello %d %s\n", 42, "world");
    return NM_NONE;
}

// function objects: the type pointer is a named extern
static NM_FUN_OBJ(ext_len_obj, 1, ext_len);
static NM_FUN_OBJ(ext_pair_obj, 2, ext_pair);
static NM_FUN_OBJ(ext_hello_obj, 0, ext_hello);
static NM_FUN_VAR_OBJ(ext_dict_obj, 0, 8, ext_dict);

// a table of firmware objects, all resolved through mp_fun_table
const void *const ext_firmware_objs[] = {
    &mp_type_type, &mp_type_str, &mp_type_list, &mp_type_dict,
    &mp_type_fun_builtin_3,
    &mp_stream_read_obj, &mp_stream_readinto_obj,
    &mp_stream_unbuffered_readline_obj, &mp_stream_write_obj,
};

mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);
    mp_fun_table.store_global(MP_QSTR_len, (mp_obj_t)&ext_len_obj);
    mp_fun_table.store_global(MP_QSTR_tuple, (mp_obj_t)&ext_pair_obj);
    mp_fun_table.store_global(MP_QSTR_dict, (mp_obj_t)&ext_dict_obj);
    mp_fun_table.store_global(MP_QSTR_print, (mp_obj_t)&ext_hello_obj);
    // firmware objects used directly from code
    mp_fun_table.store_global(MP_QSTR_read, (mp_obj_t)&mp_stream_read_obj);
    mp_fun_table.store_global(MP_QSTR_write, (mp_obj_t)&mp_stream_write_obj);
    mp_fun_table.store_global(MP_QSTR_list, (mp_obj_t)ext_firmware_objs[n_args & 7]);
    mp_obj_t l = mp_fun_table.new_list(0, NULL);
    mp_fun_table.list_append(l, mp_fun_table.load_global(MP_QSTR_len));
    mp_fun_table.store_global(MP_QSTR_items, l);
    mp_fun_table.store_global(MP_QSTR_type, ext_types());
    // the module's object table (empty, but it can be referenced)
    mp_fun_table.store_global(MP_QSTR_object, (mp_obj_t)&mp_native_obj_table[0]);
    mp_fun_table.swap_globals(prev);
    return NM_NONE;
}
