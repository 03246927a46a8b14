// The builtins module: the built-in functions, types and exceptions that
// every Python name lookup ends in.
#include "runtime/modbuiltins.h"

#include "runtime/vfs.h"

// A type entry starts without a key: the key is the type's own name, which
// the type's definition owns (see type_entries_named below).
#define TYPE_ENTRY(type) { MP_OBJ_NULL, MP_ROM_PTR(&(type)) }

static mp_rom_map_elem_t builtins_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_builtins) },
    { MP_ROM_QSTR(MP_QSTR___import__), MP_ROM_PTR(&mp_builtin___import___obj) },
    { MP_ROM_QSTR(MP_QSTR___build_class__), MP_ROM_PTR(&mp_builtin___build_class___obj) },

    // Types.
    TYPE_ENTRY(mp_type_bool),
    TYPE_ENTRY(mp_type_bytes),
    TYPE_ENTRY(mp_type_bytearray),
    TYPE_ENTRY(mp_type_dict),
    TYPE_ENTRY(mp_type_enumerate),
    TYPE_ENTRY(mp_type_filter),
    TYPE_ENTRY(mp_type_float),
    TYPE_ENTRY(mp_type_frozenset),
    TYPE_ENTRY(mp_type_int),
    TYPE_ENTRY(mp_type_list),
    TYPE_ENTRY(mp_type_map),
    TYPE_ENTRY(mp_type_memoryview),
    TYPE_ENTRY(mp_type_object),
    TYPE_ENTRY(mp_type_property),
    TYPE_ENTRY(mp_type_range),
    TYPE_ENTRY(mp_type_reversed),
    TYPE_ENTRY(mp_type_set),
    TYPE_ENTRY(mp_type_slice),
    TYPE_ENTRY(mp_type_str),
    TYPE_ENTRY(mp_type_tuple),
    TYPE_ENTRY(mp_type_type),
    TYPE_ENTRY(mp_type_zip),
    TYPE_ENTRY(mp_type_classmethod),
    TYPE_ENTRY(mp_type_staticmethod),
    TYPE_ENTRY(mp_type_super),

    // Constants.
    { MP_ROM_QSTR(MP_QSTR_Ellipsis), MP_ROM_PTR(&mp_const_ellipsis_obj) },
    { MP_ROM_QSTR(MP_QSTR_NotImplemented), MP_ROM_PTR(&mp_const_notimplemented_obj) },

    // Functions.
    { MP_ROM_QSTR(MP_QSTR_abs), MP_ROM_PTR(&mp_builtin_abs_obj) },
    { MP_ROM_QSTR(MP_QSTR_all), MP_ROM_PTR(&mp_builtin_all_obj) },
    { MP_ROM_QSTR(MP_QSTR_any), MP_ROM_PTR(&mp_builtin_any_obj) },
    { MP_ROM_QSTR(MP_QSTR_bin), MP_ROM_PTR(&mp_builtin_bin_obj) },
    { MP_ROM_QSTR(MP_QSTR_callable), MP_ROM_PTR(&mp_builtin_callable_obj) },
    { MP_ROM_QSTR(MP_QSTR_chr), MP_ROM_PTR(&mp_builtin_chr_obj) },
    { MP_ROM_QSTR(MP_QSTR_compile), MP_ROM_PTR(&mp_builtin_compile_obj) },
    { MP_ROM_QSTR(MP_QSTR_delattr), MP_ROM_PTR(&mp_builtin_delattr_obj) },
    { MP_ROM_QSTR(MP_QSTR_dir), MP_ROM_PTR(&mp_builtin_dir_obj) },
    { MP_ROM_QSTR(MP_QSTR_divmod), MP_ROM_PTR(&mp_builtin_divmod_obj) },
    { MP_ROM_QSTR(MP_QSTR_eval), MP_ROM_PTR(&mp_builtin_eval_obj) },
    { MP_ROM_QSTR(MP_QSTR_exec), MP_ROM_PTR(&mp_builtin_exec_obj) },
    { MP_ROM_QSTR(MP_QSTR_getattr), MP_ROM_PTR(&mp_builtin_getattr_obj) },
    { MP_ROM_QSTR(MP_QSTR_globals), MP_ROM_PTR(&mp_builtin_globals_obj) },
    { MP_ROM_QSTR(MP_QSTR_hasattr), MP_ROM_PTR(&mp_builtin_hasattr_obj) },
    { MP_ROM_QSTR(MP_QSTR_hash), MP_ROM_PTR(&mp_builtin_hash_obj) },
    { MP_ROM_QSTR(MP_QSTR_help), MP_ROM_PTR(&mp_builtin_help_obj) },
    { MP_ROM_QSTR(MP_QSTR_hex), MP_ROM_PTR(&mp_builtin_hex_obj) },
    { MP_ROM_QSTR(MP_QSTR_id), MP_ROM_PTR(&mp_builtin_id_obj) },
    { MP_ROM_QSTR(MP_QSTR_isinstance), MP_ROM_PTR(&mp_builtin_isinstance_obj) },
    { MP_ROM_QSTR(MP_QSTR_issubclass), MP_ROM_PTR(&mp_builtin_issubclass_obj) },
    { MP_ROM_QSTR(MP_QSTR_iter), MP_ROM_PTR(&mp_builtin_iter_obj) },
    { MP_ROM_QSTR(MP_QSTR_len), MP_ROM_PTR(&mp_builtin_len_obj) },
    { MP_ROM_QSTR(MP_QSTR_locals), MP_ROM_PTR(&mp_builtin_locals_obj) },
    { MP_ROM_QSTR(MP_QSTR_max), MP_ROM_PTR(&mp_builtin_max_obj) },
    { MP_ROM_QSTR(MP_QSTR_min), MP_ROM_PTR(&mp_builtin_min_obj) },
    { MP_ROM_QSTR(MP_QSTR_next), MP_ROM_PTR(&mp_builtin_next_obj) },
    { MP_ROM_QSTR(MP_QSTR_oct), MP_ROM_PTR(&mp_builtin_oct_obj) },
    { MP_ROM_QSTR(MP_QSTR_open), MP_ROM_PTR(&mp_vfs_open_obj) },
    { MP_ROM_QSTR(MP_QSTR_ord), MP_ROM_PTR(&mp_builtin_ord_obj) },
    { MP_ROM_QSTR(MP_QSTR_pow), MP_ROM_PTR(&mp_builtin_pow_obj) },
    { MP_ROM_QSTR(MP_QSTR_print), MP_ROM_PTR(&mp_builtin_print_obj) },
    { MP_ROM_QSTR(MP_QSTR_repr), MP_ROM_PTR(&mp_builtin_repr_obj) },
    { MP_ROM_QSTR(MP_QSTR_round), MP_ROM_PTR(&mp_builtin_round_obj) },
    { MP_ROM_QSTR(MP_QSTR_setattr), MP_ROM_PTR(&mp_builtin_setattr_obj) },
    { MP_ROM_QSTR(MP_QSTR_sorted), MP_ROM_PTR(&mp_builtin_sorted_obj) },
    { MP_ROM_QSTR(MP_QSTR_sum), MP_ROM_PTR(&mp_builtin_sum_obj) },

    // Exceptions.
    TYPE_ENTRY(mp_type_ArithmeticError),
    TYPE_ENTRY(mp_type_AssertionError),
    TYPE_ENTRY(mp_type_AttributeError),
    TYPE_ENTRY(mp_type_BaseException),
    TYPE_ENTRY(mp_type_EOFError),
    TYPE_ENTRY(mp_type_Exception),
    TYPE_ENTRY(mp_type_GeneratorExit),
    TYPE_ENTRY(mp_type_ImportError),
    TYPE_ENTRY(mp_type_IndentationError),
    TYPE_ENTRY(mp_type_IndexError),
    TYPE_ENTRY(mp_type_KeyError),
    TYPE_ENTRY(mp_type_KeyboardInterrupt),
    TYPE_ENTRY(mp_type_LookupError),
    TYPE_ENTRY(mp_type_MemoryError),
    TYPE_ENTRY(mp_type_NameError),
    TYPE_ENTRY(mp_type_NotImplementedError),
    TYPE_ENTRY(mp_type_OSError),
    TYPE_ENTRY(mp_type_OverflowError),
    TYPE_ENTRY(mp_type_RuntimeError),
    TYPE_ENTRY(mp_type_StopAsyncIteration),
    TYPE_ENTRY(mp_type_StopIteration),
    TYPE_ENTRY(mp_type_SyntaxError),
    TYPE_ENTRY(mp_type_SystemExit),
    TYPE_ENTRY(mp_type_TypeError),
    TYPE_ENTRY(mp_type_UnicodeError),
    TYPE_ENTRY(mp_type_ValueError),
    TYPE_ENTRY(mp_type_ZeroDivisionError),
};

static mp_obj_dict_t builtins_dict = {
    .base = { &mp_type_dict },
    .map = {
        .all_keys_are_qstrs = 1, .is_fixed = 1, .is_ordered = 1,
        .used = MP_ARRAY_SIZE(builtins_table), .alloc = MP_ARRAY_SIZE(builtins_table),
        .table = (mp_map_elem_t *)builtins_table,
    },
};

const mp_obj_module_t mp_module_builtins = {
    .base = { &mp_type_module },
    .globals = &builtins_dict,
};

// Gives each type entry its key, the type's name. This runs before main
// (a constructor), so the table is complete before any lookup; type names
// are qstr numbers fixed at compile time, so nothing needs the qstr pool.
__attribute__((constructor)) static void type_entries_named(void) {
    for (size_t i = 0; i < MP_ARRAY_SIZE(builtins_table); i++) {
        if (builtins_table[i].key == MP_OBJ_NULL) {
            const mp_obj_type_t *type = builtins_table[i].value;
            builtins_table[i].key = MP_OBJ_NEW_QSTR(type->name);
        }
    }
}
