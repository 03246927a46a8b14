// Field names of mp_fun_table, the table of runtime entry points a native
// module calls through, per .mpy sub-version (from stock firmware's
// py/nativeglue.h; see the ABI data beside the project brief).
#include "mpy/fun_table.h"

#include <stddef.h>

static const char *const fun_table_6_1[] = {
    "const_none", "const_false", "const_true", "native_from_obj", "native_to_obj", "swap_globals",
    "load_name", "load_global", "load_build_class", "load_attr", "load_method",
    "load_super_method", "store_name", "store_global", "store_attr", "obj_subscr", "obj_is_true",
    "unary_op", "binary_op", "new_tuple", "new_list", "new_dict", "new_set", "set_store",
    "list_append", "dict_store", "make_function_from_raw_code", "call_function_n_kw",
    "call_method_n_kw", "call_method_n_kw_var", "getiter", "iternext", "nlr_push", "nlr_pop",
    "raise", "import_name", "import_from", "import_all", "new_slice", "unpack_sequence",
    "unpack_ex", "delete_name", "delete_global", "new_closure", "arg_check_num_sig",
    "setup_code_state_native", "small_int_floor_divide", "small_int_modulo", "yield_from",
    "setjmp_", "memset_", "memmove_", "realloc_", "printf_", "vprintf_", "raise_msg",
    "obj_get_type", "obj_new_str", "obj_new_bytes", "obj_new_bytearray_by_ref",
    "obj_new_float_from_f", "obj_new_float_from_d", "obj_get_float_to_f", "obj_get_float_to_d",
    "get_buffer_raise", "get_stream_raise", "plat_print", "type_type", "type_str", "type_list",
    "type_dict", "type_fun_builtin_0", "type_fun_builtin_1", "type_fun_builtin_2",
    "type_fun_builtin_3", "type_fun_builtin_var", "stream_read_obj", "stream_readinto_obj",
    "stream_unbuffered_readline_obj", "stream_write_obj",
};

static const char *const fun_table_6_3[] = {
    "const_none", "const_false", "const_true", "native_from_obj", "native_to_obj", "swap_globals",
    "load_name", "load_global", "load_build_class", "load_attr", "load_method",
    "load_super_method", "store_name", "store_global", "store_attr", "obj_subscr", "obj_is_true",
    "unary_op", "binary_op", "new_tuple", "new_list", "new_dict", "new_set", "set_store",
    "list_append", "dict_store", "make_function_from_proto_fun", "call_function_n_kw",
    "call_method_n_kw", "call_method_n_kw_var", "getiter", "iternext", "nlr_push", "nlr_pop",
    "raise", "import_name", "import_from", "import_all", "new_slice", "unpack_sequence",
    "unpack_ex", "delete_name", "delete_global", "new_closure", "arg_check_num_sig",
    "setup_code_state_native", "small_int_floor_divide", "small_int_modulo", "yield_from",
    "setjmp_", "memset_", "memmove_", "realloc_", "printf_", "vprintf_", "raise_msg",
    "obj_get_type", "obj_new_str", "obj_new_bytes", "obj_new_bytearray_by_ref",
    "obj_new_float_from_f", "obj_new_float_from_d", "obj_get_float_to_f", "obj_get_float_to_d",
    "load_method_maybe", "get_buffer", "get_stream_raise", "arg_parse_all",
    "arg_parse_all_kw_array", "binary_get_size", "binary_get_val_array", "binary_set_val_array",
    "plat_print", "type_type", "type_str", "type_list", "type_dict", "type_fun_builtin_0",
    "type_fun_builtin_1", "type_fun_builtin_2", "type_fun_builtin_3", "type_fun_builtin_var",
    "type_Exception", "stream_read_obj", "stream_readinto_obj", "stream_unbuffered_readline_obj",
    "stream_write_obj",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

size_t fun_table_size(unsigned sub_version) {
    return sub_version >= 3 ? COUNT(fun_table_6_3) : COUNT(fun_table_6_1);
}

const char *fun_table_name(unsigned sub_version, size_t index) {
    if (index >= fun_table_size(sub_version)) {
        return NULL;
    }
    if (sub_version >= 3) {
        return fun_table_6_3[index];
    }
    // 6.2 renamed one entry of 6.1.
    if (sub_version == 2 && index == 64) {
        return "get_buffer";
    }
    return fun_table_6_1[index];
}
