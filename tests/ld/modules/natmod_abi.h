// natmod_abi.h - a small, self-contained stand-in for the interface a
// MicroPython dynamic native module links against (mpy-6.1 ABI).
//
// Only used by the linker test corpus under tests/ld/: the modules built
// with it are never run, they only have to produce realistic object files.
// The generated <module>.config.h must be included first (the build passes
// it with -include); it supplies mp_uint_t/mp_int_t, the MP_QSTR_xxx macros
// and the declarations of mp_native_qstr_table and mp_native_obj_table.
#ifndef NATMOD_ABI_H
#define NATMOD_ABI_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef void *mp_obj_t;
typedef size_t qstr_t;

struct _mp_obj_type_t;
struct _mp_obj_fun_builtin_t;
struct _mp_print_t;

// Selected by the build (like dynruntime.mk does) from the architecture.
#define MICROPY_FLOAT_IMPL_NONE (0)
#define MICROPY_FLOAT_IMPL_FLOAT (1)
#define MICROPY_FLOAT_IMPL_DOUBLE (2)

// The table of entry points the firmware hands to native code. Entry order
// and count (80 pointer-sized slots) are the ABI; the types are loose.
typedef struct _natmod_fun_table_t {
    const void *const_none;                                        // 0
    const void *const_false;
    const void *const_true;
    mp_uint_t (*native_from_obj)(mp_obj_t o, mp_uint_t kind);
    mp_obj_t (*native_to_obj)(mp_uint_t v, mp_uint_t kind);
    void *(*swap_globals)(void *globals);                          // 5
    mp_obj_t (*load_name)(qstr_t q);
    mp_obj_t (*load_global)(qstr_t q);
    mp_obj_t (*load_build_class)(void);
    mp_obj_t (*load_attr)(mp_obj_t obj, qstr_t attr);
    void (*load_method)(mp_obj_t obj, qstr_t attr, mp_obj_t *out); // 10
    void (*load_super_method)(qstr_t attr, mp_obj_t *out);
    void (*store_name)(qstr_t q, mp_obj_t v);
    void (*store_global)(qstr_t q, mp_obj_t v);
    void (*store_attr)(mp_obj_t obj, qstr_t attr, mp_obj_t v);
    mp_obj_t (*obj_subscr)(mp_obj_t obj, mp_obj_t idx, mp_obj_t v); // 15
    bool (*obj_is_true)(mp_obj_t o);
    mp_obj_t (*unary_op)(int op, mp_obj_t o);
    mp_obj_t (*binary_op)(int op, mp_obj_t a, mp_obj_t b);
    mp_obj_t (*new_tuple)(size_t n, const mp_obj_t *items);
    mp_obj_t (*new_list)(size_t n, mp_obj_t *items);               // 20
    mp_obj_t (*new_dict)(size_t n);
    mp_obj_t (*new_set)(size_t n, mp_obj_t *items);
    void (*set_store)(mp_obj_t set, mp_obj_t item);
    mp_obj_t (*list_append)(mp_obj_t list, mp_obj_t item);
    mp_obj_t (*dict_store)(mp_obj_t d, mp_obj_t k, mp_obj_t v);    // 25
    void *make_function_from_raw_code;
    mp_obj_t (*call_function_n_kw)(mp_obj_t f, size_t n, const mp_obj_t *args);
    mp_obj_t (*call_method_n_kw)(size_t n, size_t n_kw, const mp_obj_t *args);
    void *call_method_n_kw_var;
    mp_obj_t (*getiter)(mp_obj_t o, void *iter_buf);               // 30
    mp_obj_t (*iternext)(void *iter);
    void *nlr_push;
    void *nlr_pop;
    void (*raise)(mp_obj_t exc);
    void *import_name;                                             // 35
    void *import_from;
    void *import_all;
    void *new_slice;
    void *unpack_sequence;
    void *unpack_ex;                                               // 40
    void *delete_name;
    void *delete_global;
    void *new_closure;
    void (*arg_check_num_sig)(size_t n_args, size_t n_kw, uint32_t sig);
    void *setup_code_state_native;                                 // 45
    mp_int_t (*small_int_floor_divide)(mp_int_t a, mp_int_t b);
    mp_int_t (*small_int_modulo)(mp_int_t a, mp_int_t b);
    void *yield_from;
    void *setjmp_;
    void *(*memset_)(void *p, int c, size_t n);                    // 50
    void *(*memmove_)(void *d, const void *s, size_t n);
    void *(*realloc_)(void *p, size_t n, bool may_move);
    int (*printf_)(const struct _mp_print_t *pr, const char *fmt, ...);
    int (*vprintf_)(const struct _mp_print_t *pr, const char *fmt, va_list ap);
    void (*raise_msg)(const struct _mp_obj_type_t *type, const char *msg); // 55
    const struct _mp_obj_type_t *(*obj_get_type)(mp_obj_t o);
    mp_obj_t (*obj_new_str)(const char *s, size_t len);
    mp_obj_t (*obj_new_bytes)(const uint8_t *s, size_t len);
    mp_obj_t (*obj_new_bytearray_by_ref)(size_t n, void *items);
    mp_obj_t (*obj_new_float_from_f)(float f);                     // 60
    mp_obj_t (*obj_new_float_from_d)(double d);
    float (*obj_get_float_to_f)(mp_obj_t o);
    double (*obj_get_float_to_d)(mp_obj_t o);
    void (*get_buffer_raise)(mp_obj_t o, void *info, mp_uint_t flags);
    const void *(*get_stream_raise)(mp_obj_t o, int flags);        // 65
    const struct _mp_print_t *plat_print;
    const struct _mp_obj_type_t *type_type;
    const struct _mp_obj_type_t *type_str;
    const struct _mp_obj_type_t *type_list;
    const struct _mp_obj_type_t *type_dict;                        // 70
    const struct _mp_obj_type_t *type_fun_builtin_0;
    const struct _mp_obj_type_t *type_fun_builtin_1;
    const struct _mp_obj_type_t *type_fun_builtin_2;
    const struct _mp_obj_type_t *type_fun_builtin_3;
    const struct _mp_obj_type_t *type_fun_builtin_var;             // 75
    const struct _mp_obj_fun_builtin_t *stream_read_obj;
    const struct _mp_obj_fun_builtin_t *stream_readinto_obj;
    const struct _mp_obj_fun_builtin_t *stream_unbuffered_readline_obj;
    const struct _mp_obj_fun_builtin_t *stream_write_obj;          // 79
} natmod_fun_table_t;

_Static_assert(sizeof(natmod_fun_table_t) == 80 * sizeof(void *), "fun table has 80 slots");

// Provided by the loader: the function table, and (from the config header)
// the module's qstr table and object table.
extern const natmod_fun_table_t mp_fun_table;

// Objects the linker resolves by name to slots of mp_fun_table.
extern const struct _mp_obj_type_t mp_type_type, mp_type_str, mp_type_list, mp_type_dict;
extern const struct _mp_obj_type_t mp_type_fun_builtin_0, mp_type_fun_builtin_1;
extern const struct _mp_obj_type_t mp_type_fun_builtin_2, mp_type_fun_builtin_3;
extern const struct _mp_obj_type_t mp_type_fun_builtin_var;
extern const struct _mp_obj_fun_builtin_t mp_stream_read_obj, mp_stream_readinto_obj;
extern const struct _mp_obj_fun_builtin_t mp_stream_unbuffered_readline_obj, mp_stream_write_obj;

// Object representation helpers (small ints are tagged with the low bit).
#define NM_INT(i) ((mp_obj_t)(((mp_uint_t)(i) << 1) | 1))
#define NM_INT_VAL(o) (((mp_int_t)(o)) >> 1)
#define NM_NONE ((mp_obj_t)mp_fun_table.const_none)
#define NM_TRUE ((mp_obj_t)mp_fun_table.const_true)
#define NM_FALSE ((mp_obj_t)mp_fun_table.const_false)
#define NM_NEW_STR(s) (mp_fun_table.obj_new_str((s), sizeof(s) - 1))

// A builtin function object as the firmware lays it out: type pointer, then
// the C function (for "var" objects a signature word sits in between).
typedef void (*natmod_cfun_t)(void);
typedef struct _natmod_fun_obj_t {
    const struct _mp_obj_type_t *type;
    natmod_cfun_t fun;
} natmod_fun_obj_t;
typedef struct _natmod_fun_var_obj_t {
    const struct _mp_obj_type_t *type;
    uint32_t sig;
    natmod_cfun_t fun;
} natmod_fun_var_obj_t;

#define NM_FUN_OBJ(obj, n, f) \
    const natmod_fun_obj_t obj = { &mp_type_fun_builtin_##n, (natmod_cfun_t)(f) }
#define NM_FUN_VAR_OBJ(obj, n_min, n_max, f) \
    const natmod_fun_var_obj_t obj = { &mp_type_fun_builtin_var, \
        ((uint32_t)(n_min) << 17) | ((uint32_t)(n_max) << 1), (natmod_cfun_t)(f) }

// Every module defines this entry point.
mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args);

#endif // NATMOD_ABI_H
