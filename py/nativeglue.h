// mp_fun_table: the firmware's table of entry points and objects that native
// code calls through. Its order is the ABI: a native module refers to entry
// N as word N of the table, and mpy-ld and the loader resolve the symbols
// mp_type_type ... mp_stream_write_obj to entries of it. The order for each
// .mpy sub-version is checked entry by entry at the end of this file.
#ifndef MP_SDK_PY_NATIVEGLUE_H
#define MP_SDK_PY_NATIVEGLUE_H

#include <stdarg.h>

#include "py/obj.h"
#include "py/objfun.h"
#include "py/nlr.h"
#include "py/stream.h"

struct _mp_code_state_native_t;

// Argument descriptions for mp_arg_parse_all (in mp_fun_table from 6.3).
typedef enum {
    MP_ARG_BOOL = 0x001,
    MP_ARG_INT = 0x002,
    MP_ARG_OBJ = 0x003,
    MP_ARG_KIND_MASK = 0x0ff,
    MP_ARG_REQUIRED = 0x100,
    MP_ARG_KW_ONLY = 0x200,
} mp_arg_flag_t;

typedef union _mp_arg_val_t {
    bool u_bool;
    mp_int_t u_int;
    mp_obj_t u_obj;
    mp_rom_obj_t u_rom_obj;
} mp_arg_val_t;

typedef struct _mp_arg_t {
    uint16_t qst;
    uint16_t flags;
    mp_arg_val_t defval;
} mp_arg_t;

typedef struct _mp_fun_table_t {
    // Entries shared with code emitted by the native compiler.
    mp_const_obj_t const_none;
    mp_const_obj_t const_false;
    mp_const_obj_t const_true;
    mp_uint_t (*native_from_obj)(mp_obj_t obj, mp_uint_t type);
    mp_obj_t (*native_to_obj)(mp_uint_t val, mp_uint_t type);
    mp_obj_dict_t *(*swap_globals)(mp_obj_dict_t *new_globals);
    mp_obj_t (*load_name)(qstr qst);
    mp_obj_t (*load_global)(qstr qst);
    mp_obj_t (*load_build_class)(void);
    mp_obj_t (*load_attr)(mp_obj_t base, qstr attr);
    void (*load_method)(mp_obj_t base, qstr attr, mp_obj_t *dest);
    void (*load_super_method)(qstr attr, mp_obj_t *dest);
    void (*store_name)(qstr qst, mp_obj_t obj);
    void (*store_global)(qstr qst, mp_obj_t obj);
    void (*store_attr)(mp_obj_t base, qstr attr, mp_obj_t val);
    mp_obj_t (*obj_subscr)(mp_obj_t base, mp_obj_t index, mp_obj_t val);
    bool (*obj_is_true)(mp_obj_t arg);
    mp_obj_t (*unary_op)(mp_unary_op_t op, mp_obj_t arg);
    mp_obj_t (*binary_op)(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs);
    mp_obj_t (*new_tuple)(size_t n, const mp_obj_t *items);
    mp_obj_t (*new_list)(size_t n, mp_obj_t *items);
    mp_obj_t (*new_dict)(size_t n_args);
    mp_obj_t (*new_set)(size_t n_args, mp_obj_t *items);
    void (*set_store)(mp_obj_t self_in, mp_obj_t item);
    mp_obj_t (*list_append)(mp_obj_t self_in, mp_obj_t arg);
    mp_obj_t (*dict_store)(mp_obj_t self_in, mp_obj_t key, mp_obj_t value);
    #if MP_ABI_HAS_PROTO_FUN
    mp_obj_t (*make_function_from_proto_fun)(mp_proto_fun_t proto_fun, const mp_module_context_t *cm, const mp_obj_t *def_args);
    #else
    mp_obj_t (*make_function_from_raw_code)(const mp_raw_code_t *rc, const mp_module_context_t *cm, const mp_obj_t *def_args);
    #endif
    mp_obj_t (*call_function_n_kw)(mp_obj_t fun_in, size_t n_args_kw, const mp_obj_t *args);
    mp_obj_t (*call_method_n_kw)(size_t n_args, size_t n_kw, const mp_obj_t *args);
    mp_obj_t (*call_method_n_kw_var)(bool have_self, size_t n_args_n_kw, const mp_obj_t *args);
    mp_obj_t (*getiter)(mp_obj_t obj, mp_obj_iter_buf_t *iter);
    mp_obj_t (*iternext)(mp_obj_iter_buf_t *iter);
    unsigned int (*nlr_push)(nlr_buf_t *);
    void (*nlr_pop)(void);
    void (*raise)(mp_obj_t o);
    mp_obj_t (*import_name)(qstr name, mp_obj_t fromlist, mp_obj_t level);
    mp_obj_t (*import_from)(mp_obj_t module, qstr name);
    void (*import_all)(mp_obj_t module);
    mp_obj_t (*new_slice)(mp_obj_t start, mp_obj_t stop, mp_obj_t step);
    void (*unpack_sequence)(mp_obj_t seq, size_t num, mp_obj_t *items);
    void (*unpack_ex)(mp_obj_t seq, size_t num, mp_obj_t *items);
    void (*delete_name)(qstr qst);
    void (*delete_global)(qstr qst);
    mp_obj_t (*new_closure)(mp_obj_t fun, size_t n_closed_over, const mp_obj_t *closed);
    void (*arg_check_num_sig)(size_t n_args, size_t n_kw, uint32_t sig);
    void (*setup_code_state_native)(struct _mp_code_state_native_t *code_state, size_t n_args, size_t n_kw, const mp_obj_t *args);
    mp_int_t (*small_int_floor_divide)(mp_int_t num, mp_int_t denom);
    mp_int_t (*small_int_modulo)(mp_int_t dividend, mp_int_t divisor);
    bool (*yield_from)(mp_obj_t gen, mp_obj_t send_value, mp_obj_t *ret_value);
    void *setjmp_; // the firmware's setjmp when it uses setjmp-based NLR, else NULL

    // Entries for dynamic native modules (from index 50).
    void *(*memset_)(void *s, int c, size_t n);
    void *(*memmove_)(void *dest, const void *src, size_t n);
    void *(*realloc_)(void *ptr, size_t n_bytes, bool allow_move);
    int (*printf_)(const mp_print_t *print, const char *fmt, ...);
    int (*vprintf_)(const mp_print_t *print, const char *fmt, va_list args);
    NORETURN void (*raise_msg)(const mp_obj_type_t *exc_type, mp_rom_error_text_t msg);
    const mp_obj_type_t *(*obj_get_type)(mp_const_obj_t o_in);
    mp_obj_t (*obj_new_str)(const char *data, size_t len);
    mp_obj_t (*obj_new_bytes)(const byte *data, size_t len);
    mp_obj_t (*obj_new_bytearray_by_ref)(size_t n, void *items);
    mp_obj_t (*obj_new_float_from_f)(float f);
    mp_obj_t (*obj_new_float_from_d)(double d);
    float (*obj_get_float_to_f)(mp_obj_t o);
    double (*obj_get_float_to_d)(mp_obj_t o);
    #if MPY_SUB_VERSION >= 3
    void (*load_method_maybe)(mp_obj_t base, qstr attr, mp_obj_t *dest);
    #endif
    #if MP_ABI_HAS_GET_BUFFER
    bool (*get_buffer)(mp_obj_t obj, mp_buffer_info_t *bufinfo, mp_uint_t flags);
    #else
    void (*get_buffer_raise)(mp_obj_t obj, mp_buffer_info_t *bufinfo, mp_uint_t flags);
    #endif
    const mp_stream_p_t *(*get_stream_raise)(mp_obj_t self_in, int flags);
    #if MPY_SUB_VERSION >= 3
    void (*arg_parse_all)(size_t n_pos, const mp_obj_t *pos, mp_map_t *kws, size_t n_allowed,
        const mp_arg_t *allowed, mp_arg_val_t *out_vals);
    void (*arg_parse_all_kw_array)(size_t n_pos, size_t n_kw, const mp_obj_t *args, size_t n_allowed,
        const mp_arg_t *allowed, mp_arg_val_t *out_vals);
    size_t (*binary_get_size)(char struct_type, char val_type, size_t *palign);
    mp_obj_t (*binary_get_val_array)(char typecode, void *p, size_t index);
    void (*binary_set_val_array)(char typecode, void *p, size_t index, mp_obj_t val_in);
    #endif
    const mp_print_t *plat_print;

    // Objects; mpy-ld resolves the symbols named mp_<entry> to these.
    const mp_obj_type_t *type_type;
    const mp_obj_type_t *type_str;
    const mp_obj_type_t *type_list;
    const mp_obj_type_t *type_dict;
    const mp_obj_type_t *type_fun_builtin_0;
    const mp_obj_type_t *type_fun_builtin_1;
    const mp_obj_type_t *type_fun_builtin_2;
    const mp_obj_type_t *type_fun_builtin_3;
    const mp_obj_type_t *type_fun_builtin_var;
    #if MPY_SUB_VERSION >= 3
    const mp_obj_type_t *type_Exception;
    #endif
    const mp_obj_fun_builtin_var_t *stream_read_obj;
    const mp_obj_fun_builtin_var_t *stream_readinto_obj;
    const mp_obj_fun_builtin_var_t *stream_unbuffered_readline_obj;
    const mp_obj_fun_builtin_var_t *stream_write_obj;
} mp_fun_table_t;

// The table itself: mpy-ld turns references to this symbol into the address
// of the firmware's table.
extern const mp_fun_table_t mp_fun_table;

/******************************************************************************/
// The ABI check: every entry at its index (one machine word per entry).

#define MP_FUN_TABLE_AT(entry, index) \
    MP_STATIC_ASSERT_DECL(offsetof(mp_fun_table_t, entry) == (index) * sizeof(void *), \
    "mp_fun_table." #entry " must be entry " #index)

MP_FUN_TABLE_AT(const_none, 0);
MP_FUN_TABLE_AT(const_false, 1);
MP_FUN_TABLE_AT(const_true, 2);
MP_FUN_TABLE_AT(native_from_obj, 3);
MP_FUN_TABLE_AT(native_to_obj, 4);
MP_FUN_TABLE_AT(swap_globals, 5);
MP_FUN_TABLE_AT(load_name, 6);
MP_FUN_TABLE_AT(load_global, 7);
MP_FUN_TABLE_AT(load_build_class, 8);
MP_FUN_TABLE_AT(load_attr, 9);
MP_FUN_TABLE_AT(load_method, 10);
MP_FUN_TABLE_AT(load_super_method, 11);
MP_FUN_TABLE_AT(store_name, 12);
MP_FUN_TABLE_AT(store_global, 13);
MP_FUN_TABLE_AT(store_attr, 14);
MP_FUN_TABLE_AT(obj_subscr, 15);
MP_FUN_TABLE_AT(obj_is_true, 16);
MP_FUN_TABLE_AT(unary_op, 17);
MP_FUN_TABLE_AT(binary_op, 18);
MP_FUN_TABLE_AT(new_tuple, 19);
MP_FUN_TABLE_AT(new_list, 20);
MP_FUN_TABLE_AT(new_dict, 21);
MP_FUN_TABLE_AT(new_set, 22);
MP_FUN_TABLE_AT(set_store, 23);
MP_FUN_TABLE_AT(list_append, 24);
MP_FUN_TABLE_AT(dict_store, 25);
#if MP_ABI_HAS_PROTO_FUN
MP_FUN_TABLE_AT(make_function_from_proto_fun, 26);
#else
MP_FUN_TABLE_AT(make_function_from_raw_code, 26);
#endif
MP_FUN_TABLE_AT(call_function_n_kw, 27);
MP_FUN_TABLE_AT(call_method_n_kw, 28);
MP_FUN_TABLE_AT(call_method_n_kw_var, 29);
MP_FUN_TABLE_AT(getiter, 30);
MP_FUN_TABLE_AT(iternext, 31);
MP_FUN_TABLE_AT(nlr_push, 32);
MP_FUN_TABLE_AT(nlr_pop, 33);
MP_FUN_TABLE_AT(raise, 34);
MP_FUN_TABLE_AT(import_name, 35);
MP_FUN_TABLE_AT(import_from, 36);
MP_FUN_TABLE_AT(import_all, 37);
MP_FUN_TABLE_AT(new_slice, 38);
MP_FUN_TABLE_AT(unpack_sequence, 39);
MP_FUN_TABLE_AT(unpack_ex, 40);
MP_FUN_TABLE_AT(delete_name, 41);
MP_FUN_TABLE_AT(delete_global, 42);
MP_FUN_TABLE_AT(new_closure, 43);
MP_FUN_TABLE_AT(arg_check_num_sig, 44);
MP_FUN_TABLE_AT(setup_code_state_native, 45);
MP_FUN_TABLE_AT(small_int_floor_divide, 46);
MP_FUN_TABLE_AT(small_int_modulo, 47);
MP_FUN_TABLE_AT(yield_from, 48);
MP_FUN_TABLE_AT(setjmp_, 49);
MP_FUN_TABLE_AT(memset_, 50);
MP_FUN_TABLE_AT(memmove_, 51);
MP_FUN_TABLE_AT(realloc_, 52);
MP_FUN_TABLE_AT(printf_, 53);
MP_FUN_TABLE_AT(vprintf_, 54);
MP_FUN_TABLE_AT(raise_msg, 55);
MP_FUN_TABLE_AT(obj_get_type, 56);
MP_FUN_TABLE_AT(obj_new_str, 57);
MP_FUN_TABLE_AT(obj_new_bytes, 58);
MP_FUN_TABLE_AT(obj_new_bytearray_by_ref, 59);
MP_FUN_TABLE_AT(obj_new_float_from_f, 60);
MP_FUN_TABLE_AT(obj_new_float_from_d, 61);
MP_FUN_TABLE_AT(obj_get_float_to_f, 62);
MP_FUN_TABLE_AT(obj_get_float_to_d, 63);
#if MPY_SUB_VERSION >= 3
MP_FUN_TABLE_AT(load_method_maybe, 64);
MP_FUN_TABLE_AT(get_buffer, 65);
MP_FUN_TABLE_AT(get_stream_raise, 66);
MP_FUN_TABLE_AT(arg_parse_all, 67);
MP_FUN_TABLE_AT(arg_parse_all_kw_array, 68);
MP_FUN_TABLE_AT(binary_get_size, 69);
MP_FUN_TABLE_AT(binary_get_val_array, 70);
MP_FUN_TABLE_AT(binary_set_val_array, 71);
MP_FUN_TABLE_AT(plat_print, 72);
MP_FUN_TABLE_AT(type_type, 73);
MP_FUN_TABLE_AT(type_str, 74);
MP_FUN_TABLE_AT(type_list, 75);
MP_FUN_TABLE_AT(type_dict, 76);
MP_FUN_TABLE_AT(type_fun_builtin_0, 77);
MP_FUN_TABLE_AT(type_fun_builtin_1, 78);
MP_FUN_TABLE_AT(type_fun_builtin_2, 79);
MP_FUN_TABLE_AT(type_fun_builtin_3, 80);
MP_FUN_TABLE_AT(type_fun_builtin_var, 81);
MP_FUN_TABLE_AT(type_Exception, 82);
MP_FUN_TABLE_AT(stream_read_obj, 83);
MP_FUN_TABLE_AT(stream_readinto_obj, 84);
MP_FUN_TABLE_AT(stream_unbuffered_readline_obj, 85);
MP_FUN_TABLE_AT(stream_write_obj, 86);
#else
#if MP_ABI_HAS_GET_BUFFER
MP_FUN_TABLE_AT(get_buffer, 64);
#else
MP_FUN_TABLE_AT(get_buffer_raise, 64);
#endif
MP_FUN_TABLE_AT(get_stream_raise, 65);
MP_FUN_TABLE_AT(plat_print, 66);
MP_FUN_TABLE_AT(type_type, 67);
MP_FUN_TABLE_AT(type_str, 68);
MP_FUN_TABLE_AT(type_list, 69);
MP_FUN_TABLE_AT(type_dict, 70);
MP_FUN_TABLE_AT(type_fun_builtin_0, 71);
MP_FUN_TABLE_AT(type_fun_builtin_1, 72);
MP_FUN_TABLE_AT(type_fun_builtin_2, 73);
MP_FUN_TABLE_AT(type_fun_builtin_3, 74);
MP_FUN_TABLE_AT(type_fun_builtin_var, 75);
MP_FUN_TABLE_AT(stream_read_obj, 76);
MP_FUN_TABLE_AT(stream_readinto_obj, 77);
MP_FUN_TABLE_AT(stream_unbuffered_readline_obj, 78);
MP_FUN_TABLE_AT(stream_write_obj, 79);
#endif
MP_STATIC_ASSERT_DECL(sizeof(mp_fun_table_t) == MP_FUN_TABLE_SIZE * sizeof(void *), "mp_fun_table size");

#undef MP_FUN_TABLE_AT

#endif // MP_SDK_PY_NATIVEGLUE_H
