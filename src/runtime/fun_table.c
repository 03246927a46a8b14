// mp_fun_table: the entry points and objects native code calls through. The
// table itself is in the order of .mpy sub-version 1 (MicroPython v1.20/
// v1.21; the order is pinned entry by entry in py/nativeglue.h); the tables
// of the later sub-versions are made from it and from the entries they add,
// in the order src/mpy/fun_table.c gives, so that each module runs against
// the table of its own sub-version. Each entry is the runtime's own function
// where the signature is the table's, else a small adapter that behaves as
// the firmware's.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy/fun_table.h"
#include "mpy/mpy_version.h"
#include "runtime/runtime.h"
#include "runtime/vm.h"

// Swaps in a native function's globals; NULL (no globals to set, or
// already current) tells the matching swap back to do nothing.
static mp_obj_dict_t *native_swap_globals(mp_obj_dict_t *new_globals) {
    if (new_globals == NULL) {
        return NULL;
    }
    mp_obj_dict_t *old_globals = mp_globals_get();
    if (old_globals == new_globals) {
        return NULL;
    }
    mp_globals_set(new_globals);
    return old_globals;
}

// n_args_kw packs the positional count (low byte) and the keyword count.
static mp_obj_t native_call_function_n_kw(mp_obj_t fun_in, size_t n_args_kw, const mp_obj_t *args) {
    return mp_call_function_n_kw(fun_in, n_args_kw & 0xff, (n_args_kw >> 8) & 0xff, args);
}

// getiter with an iterator buffer on the native stack: the iterator lives
// in the buffer, or (not fitting) is kept in buf[0] with a NULL type word.
static mp_obj_t native_getiter(mp_obj_t obj, mp_obj_iter_buf_t *iter) {
    if (iter == NULL) {
        return mp_getiter(obj, NULL);
    }
    obj = mp_getiter(obj, iter);
    if (obj != MP_OBJ_FROM_PTR(iter)) {
        iter->base.type = MP_OBJ_NULL;
        iter->buf[0] = obj;
    }
    return NULL;
}

static mp_obj_t native_iternext(mp_obj_iter_buf_t *iter) {
    mp_obj_t obj = iter->base.type == MP_OBJ_NULL ? iter->buf[0] : MP_OBJ_FROM_PTR(iter);
    return mp_iternext(obj);
}

// Native code raises None/NULL to mean "nothing to raise".
static void native_raise(mp_obj_t o) {
    if (o != MP_OBJ_NULL && o != mp_const_none) {
        nlr_raise(vm_make_raise_obj(o));
    }
}

static void native_setup_code_state(struct _mp_code_state_native_t *code_state, size_t n_args,
                                    size_t n_kw, const mp_obj_t *args) {
    (void)code_state;
    (void)n_args;
    (void)n_kw;
    (void)args;
    mp_raise_NotImplementedError(
        MP_ERROR_TEXT("@micropython.native functions are not supported (setup_code_state_native)"));
}

static bool native_yield_from(mp_obj_t gen, mp_obj_t send_value, mp_obj_t *ret_value) {
    (void)gen;
    (void)send_value;
    (void)ret_value;
    mp_raise_NotImplementedError(MP_ERROR_TEXT("native generators are not supported (yield_from)"));
}

static void *native_realloc(void *ptr, size_t n_bytes, bool allow_move) {
    return m_realloc_maybe(ptr, n_bytes, allow_move);
}

static mp_obj_t new_float_from_f(float f) {
    return mp_obj_new_float((mp_float_t)f);
}

static mp_obj_t new_float_from_d(double d) {
    return mp_obj_new_float((mp_float_t)d);
}

static float get_float_to_f(mp_obj_t o) {
    return (float)mp_obj_get_float(o);
}

static double get_float_to_d(mp_obj_t o) {
    return (double)mp_obj_get_float(o);
}

const mp_fun_table_t mp_fun_table = {
    mp_const_none,
    mp_const_false,
    mp_const_true,
    mp_native_from_obj,
    mp_native_to_obj,
    native_swap_globals,
    mp_load_name,
    mp_load_global,
    mp_load_build_class,
    mp_load_attr,
    mp_load_method,
    mp_load_super_method,
    mp_store_name,
    mp_store_global,
    mp_store_attr,
    mp_obj_subscr,
    mp_obj_is_true,
    mp_unary_op,
    mp_binary_op,
    mp_obj_new_tuple,
    mp_obj_new_list,
    mp_obj_new_dict,
    mp_obj_new_set,
    mp_obj_set_store,
    mp_obj_list_append,
    mp_obj_dict_store,
    mp_make_function_from_raw_code,
    native_call_function_n_kw,
    mp_call_method_n_kw,
    mp_call_method_n_kw_var,
    native_getiter,
    native_iternext,
    nlr_push,
    nlr_pop,
    native_raise,
    mp_import_name,
    mp_import_from,
    mp_import_all,
    mp_obj_new_slice,
    mp_unpack_sequence,
    mp_unpack_ex,
    mp_delete_name,
    mp_delete_global,
    mp_obj_new_closure,
    mp_arg_check_num_sig,
    native_setup_code_state,
    mp_small_int_floor_divide,
    mp_small_int_modulo,
    native_yield_from,
    NULL, // setjmp_: this runtime's nlr is not setjmp-based
    // Entries for dynamic native modules (from index 50).
    memset,
    memmove,
    native_realloc,
    mp_printf,
    mp_vprintf,
    mp_raise_msg,
    mp_obj_get_type,
    mp_obj_new_str,
    mp_obj_new_bytes,
    mp_obj_new_bytearray_by_ref,
    new_float_from_f,
    new_float_from_d,
    get_float_to_f,
    get_float_to_d,
    mp_get_buffer_raise,
    mp_get_stream_raise,
    &mp_plat_print,
    &mp_type_type,
    &mp_type_str,
    &mp_type_list,
    &mp_type_dict,
    &mp_type_fun_builtin_0,
    &mp_type_fun_builtin_1,
    &mp_type_fun_builtin_2,
    &mp_type_fun_builtin_3,
    &mp_type_fun_builtin_var,
    &mp_stream_read_obj,
    &mp_stream_readinto_obj,
    &mp_stream_unbuffered_readline_obj,
    &mp_stream_write_obj,
};

/******************************************************************************/
// The entries of later sub-versions

// 6.3 makes functions from a "proto fun": a raw code, whose first two bytes
// are zero, or else the bytecode itself. The raw code's layout in 6.3:
typedef struct {
    uint8_t proto_fun_indicator[2];
    uint8_t kind;
    bool is_generator;
    const void *fun_data;
    struct _mp_raw_code_t **children;
} raw_code_6_3_t;

static mp_obj_t native_make_function_from_proto_fun(const void *proto_fun, const mp_module_context_t *context,
                                                    const mp_obj_t *def_args) {
    const raw_code_6_3_t *rc63 = proto_fun;
    mp_raw_code_t rc = {0};
    if (rc63->proto_fun_indicator[0] == 0 && rc63->proto_fun_indicator[1] == 0) {
        rc.kind = rc63->kind;
        rc.scope_flags = rc63->is_generator ? MP_SCOPE_FLAG_GENERATOR : 0;
        rc.fun_data = rc63->fun_data;
        rc.children = rc63->children;
    } else {
        vm_sig_t sig;
        vm_decode_sig(proto_fun, &sig);
        rc.kind = MP_CODE_BYTECODE;
        rc.scope_flags = sig.scope_flags;
        rc.fun_data = proto_fun;
    }
    return mp_make_function_from_raw_code(&rc, context, def_args);
}

// Entries that the table of 6.1 does not have, by field name.
static const struct {
    const char *name;
    const void *entry;
} later_entries[] = {
    {"get_buffer", (const void *)mp_get_buffer},                               // 6.2
    {"make_function_from_proto_fun", (const void *)native_make_function_from_proto_fun}, // 6.3
    {"load_method_maybe", (const void *)mp_load_method_maybe},
    {"arg_parse_all", (const void *)mp_arg_parse_all},
    {"arg_parse_all_kw_array", (const void *)mp_arg_parse_all_kw_array},
    {"binary_get_size", (const void *)mp_binary_get_size},
    {"binary_get_val_array", (const void *)mp_binary_get_val_array},
    {"binary_set_val_array", (const void *)mp_binary_set_val_array},
    {"type_Exception", (const void *)&mp_type_Exception},
};

static uintptr_t entry_by_name(const char *name) {
    const uintptr_t *table_6_1 = (const uintptr_t *)&mp_fun_table;
    for (size_t i = 0; i < fun_table_size(1); i++) {
        if (strcmp(fun_table_name(1, i), name) == 0) {
            return table_6_1[i];
        }
    }
    for (size_t i = 0; i < sizeof(later_entries) / sizeof(later_entries[0]); i++) {
        if (strcmp(later_entries[i].name, name) == 0) {
            return (uintptr_t)later_entries[i].entry;
        }
    }
    // src/mpy/fun_table.c names an entry this file does not provide.
    fprintf(stderr, "mp_fun_table: no entry '%s'\n", name);
    abort();
}

// Room for the tables made by name: sub-versions 2 and 3 (src/mpy/mpy_version.c).
#define LATER_SUB_VERSIONS 2
#define FUN_TABLE_MAX 96

const uintptr_t *mp_fun_table_words(unsigned sub_version, size_t *len) {
    static uintptr_t tables[LATER_SUB_VERSIONS][FUN_TABLE_MAX];
    static bool made[LATER_SUB_VERSIONS];
    *len = 0;
    if (!mpy_version_known(sub_version)) {
        return NULL;
    }
    if (sub_version == 1) {
        *len = sizeof(mp_fun_table) / sizeof(uintptr_t);
        return (const uintptr_t *)&mp_fun_table;
    }
    size_t slot = sub_version - 2;
    if (slot >= LATER_SUB_VERSIONS || fun_table_size(sub_version) > FUN_TABLE_MAX) {
        return NULL; // a sub-version added to the table but not here
    }
    uintptr_t *t = tables[slot];
    if (!made[slot]) {
        for (size_t i = 0; i < fun_table_size(sub_version); i++) {
            t[i] = entry_by_name(fun_table_name(sub_version, i));
        }
        made[slot] = true;
    }
    *len = fun_table_size(sub_version);
    return t;
}
