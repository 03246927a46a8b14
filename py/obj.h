// The MicroPython object model as native code sees it: the mp_obj_t word and
// its encodings, object headers, function objects, maps and dicts, the type
// object with its slots, and the buffer protocol.
//
// Everything here mirrors the firmware's own layouts (MicroPython v1.21,
// object representation A); the _Static_asserts pin the sizes and offsets
// that the firmware reads.
#ifndef MP_SDK_PY_OBJ_H
#define MP_SDK_PY_OBJ_H

#include "py/mpconfig.h"
#include "py/misc.h"
#include "py/qstr.h"
#include "py/mpprint.h"
#include "py/runtime0.h"

/******************************************************************************/
// The object word

// An object is one machine word: a pointer to a heap/ROM object, or an
// immediate value (small int, qstr, None/False/True) told apart by its low bits.
typedef void *mp_obj_t;
typedef const void *mp_const_obj_t;

typedef struct _mp_obj_type_t mp_obj_type_t;

// Every concrete object starts with this header.
typedef struct _mp_obj_base_t {
    const mp_obj_type_t *type MICROPY_OBJ_BASE_ALIGNMENT;
} mp_obj_base_t;

// Marker values that are never real objects.
#define MP_OBJ_NULL (MP_OBJ_FROM_PTR((void *)0))
#define MP_OBJ_STOP_ITERATION (MP_OBJ_FROM_PTR((void *)0))
#define MP_OBJ_SENTINEL (MP_OBJ_FROM_PTR((void *)4))

#define MP_OBJ_TO_PTR(o) ((void *)(o))
#define MP_OBJ_FROM_PTR(p) ((mp_obj_t)(p))

// Representation A:
//   xxxx...xxx1  small int (value in the upper bits)
//   xxxx...x010  qstr (number in the upper bits)
//   xxxx...x110  immediate object (0 None, 1 False, 3 True)
//   xxxx...xx00  pointer to an object
static inline bool mp_obj_is_small_int(mp_const_obj_t o) {
    return ((mp_uint_t)o & 1) != 0;
}
#define MP_OBJ_SMALL_INT_VALUE(o) (((mp_int_t)(o)) >> 1)
#define MP_OBJ_NEW_SMALL_INT(small_int) ((mp_obj_t)((((mp_uint_t)(small_int)) << 1) | 1))

static inline bool mp_obj_is_qstr(mp_const_obj_t o) {
    return ((mp_uint_t)o & 7) == 2;
}
#define MP_OBJ_QSTR_VALUE(o) (((mp_uint_t)(o)) >> 3)
// MP_OBJ_NEW_QSTR itself goes through mp_fun_table (see py/dynruntime.h),
// since a non-static qstr is only known at run time.

static inline bool mp_obj_is_immediate_obj(mp_const_obj_t o) {
    return ((mp_uint_t)o & 7) == 6;
}
#define MP_OBJ_IMMEDIATE_OBJ_VALUE(o) (((mp_uint_t)(o)) >> 3)
#define MP_OBJ_NEW_IMMEDIATE_OBJ(val) ((mp_obj_t)((((mp_uint_t)(val)) << 3) | 6))

static inline bool mp_obj_is_obj(mp_const_obj_t o) {
    return ((mp_uint_t)o & 3) == 0;
}

MP_STATIC_ASSERT_DECL(sizeof(mp_obj_t) == sizeof(mp_uint_t), "an object is one machine word");
MP_STATIC_ASSERT_DECL(sizeof(mp_obj_base_t) == sizeof(void *), "object header is one pointer");

// Objects in read-only tables (dict tables, locals dicts). Only values that
// are constants at compile time can appear: small ints, static qstrs, the
// immediate objects and addresses of module data.
typedef mp_const_obj_t mp_rom_obj_t;
#define MP_ROM_INT(i) MP_OBJ_NEW_SMALL_INT(i)
#define MP_ROM_QSTR(q) ((mp_obj_t)((((mp_uint_t)(q)) << 3) | 2))
#define MP_ROM_PTR(p) (p)
#define MP_ROM_NONE MP_OBJ_NEW_IMMEDIATE_OBJ(0)
#define MP_ROM_FALSE MP_OBJ_NEW_IMMEDIATE_OBJ(1)
#define MP_ROM_TRUE MP_OBJ_NEW_IMMEDIATE_OBJ(3)

/******************************************************************************/
// Maps (the hash table behind dicts, modules and locals dicts)

typedef struct _mp_map_elem_t {
    mp_obj_t key;
    mp_obj_t value;
} mp_map_elem_t;

typedef struct _mp_rom_map_elem_t {
    mp_rom_obj_t key;
    mp_rom_obj_t value;
} mp_rom_map_elem_t;

typedef struct _mp_map_t {
    size_t all_keys_are_qstrs : 1;
    size_t is_fixed : 1;    // table is read-only
    size_t is_ordered : 1;  // table is a plain array, searched linearly
    size_t used : (8 * sizeof(size_t) - 3);
    size_t alloc;
    mp_map_elem_t *table;
} mp_map_t;

typedef enum _mp_map_lookup_kind_t {
    MP_MAP_LOOKUP = 0,
    MP_MAP_LOOKUP_ADD_IF_NOT_FOUND = 1,
    MP_MAP_LOOKUP_REMOVE_IF_FOUND = 2,
    MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND = 3,
} mp_map_lookup_kind_t;

static inline bool mp_map_slot_is_filled(const mp_map_t *map, size_t pos) {
    mp_obj_t key = map->table[pos].key;
    return key != MP_OBJ_NULL && key != MP_OBJ_SENTINEL;
}

typedef struct _mp_set_t {
    size_t alloc;
    size_t used;
    mp_obj_t *table;
} mp_set_t;

static inline bool mp_set_slot_is_filled(const mp_set_t *set, size_t pos) {
    mp_obj_t item = set->table[pos];
    return item != MP_OBJ_NULL && item != MP_OBJ_SENTINEL;
}

typedef struct _mp_obj_dict_t {
    mp_obj_base_t base;
    mp_map_t map;
} mp_obj_dict_t;

MP_STATIC_ASSERT_DECL(sizeof(mp_map_elem_t) == 2 * sizeof(void *), "map entry is key, value");
MP_STATIC_ASSERT_DECL(sizeof(mp_rom_map_elem_t) == sizeof(mp_map_elem_t), "ROM and RAM map entries agree");
MP_STATIC_ASSERT_DECL(sizeof(mp_map_t) == 3 * sizeof(size_t), "mp_map_t is flags/used, alloc, table");
MP_STATIC_ASSERT_DECL(offsetof(mp_map_t, alloc) == sizeof(size_t), "mp_map_t.alloc");
MP_STATIC_ASSERT_DECL(offsetof(mp_map_t, table) == 2 * sizeof(size_t), "mp_map_t.table");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_dict_t, map) == sizeof(void *), "mp_obj_dict_t.map");
MP_STATIC_ASSERT_DECL(sizeof(mp_obj_dict_t) == 4 * sizeof(void *), "mp_obj_dict_t size");

static inline mp_map_t *mp_obj_dict_get_map(mp_obj_t dict) {
    return &((mp_obj_dict_t *)MP_OBJ_TO_PTR(dict))->map;
}

// A constant dict whose table is a C array of mp_rom_map_elem_t (or of
// mp_map_elem_t filled in at run time, as a locals dict often is).
#define MP_DEFINE_CONST_MAP(map_name, table_name) \
    const mp_map_t map_name = { \
        .all_keys_are_qstrs = 1, .is_fixed = 1, .is_ordered = 1, \
        .used = MP_ARRAY_SIZE(table_name), .alloc = MP_ARRAY_SIZE(table_name), \
        .table = (mp_map_elem_t *)(mp_rom_map_elem_t *)(table_name), \
    }

#define MP_DEFINE_CONST_DICT_WITH_SIZE(dict_name, table_name, n) \
    const mp_obj_dict_t dict_name = { \
        .base = { &mp_type_dict }, \
        .map = { \
            .all_keys_are_qstrs = 1, .is_fixed = 1, .is_ordered = 1, \
            .used = (n), .alloc = (n), \
            .table = (mp_map_elem_t *)(mp_rom_map_elem_t *)(table_name), \
        }, \
    }

#define MP_DEFINE_CONST_DICT(dict_name, table_name) \
    MP_DEFINE_CONST_DICT_WITH_SIZE(dict_name, table_name, MP_ARRAY_SIZE(table_name))

/******************************************************************************/
// Built-in function objects

typedef mp_obj_t (*mp_fun_0_t)(void);
typedef mp_obj_t (*mp_fun_1_t)(mp_obj_t);
typedef mp_obj_t (*mp_fun_2_t)(mp_obj_t, mp_obj_t);
typedef mp_obj_t (*mp_fun_3_t)(mp_obj_t, mp_obj_t, mp_obj_t);
typedef mp_obj_t (*mp_fun_var_t)(size_t n, const mp_obj_t *);
typedef mp_obj_t (*mp_fun_kw_t)(size_t n, const mp_obj_t *, mp_map_t *);

typedef struct _mp_obj_fun_builtin_fixed_t {
    mp_obj_base_t base;
    union {
        mp_fun_0_t _0;
        mp_fun_1_t _1;
        mp_fun_2_t _2;
        mp_fun_3_t _3;
    } fun;
} mp_obj_fun_builtin_fixed_t;

typedef struct _mp_obj_fun_builtin_var_t {
    mp_obj_base_t base;
    uint32_t sig; // MP_OBJ_FUN_MAKE_SIG(min, max, takes_kw)
    union {
        mp_fun_var_t var;
        mp_fun_kw_t kw;
    } fun;
} mp_obj_fun_builtin_var_t;

MP_STATIC_ASSERT_DECL(offsetof(mp_obj_fun_builtin_fixed_t, fun) == sizeof(void *), "fixed builtin: fun");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_fun_builtin_var_t, sig) == sizeof(void *), "var builtin: sig");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_fun_builtin_var_t, fun) == 2 * sizeof(void *), "var builtin: fun");

// Signature word of a var-args builtin: minimum and maximum positional
// counts and whether keywords are accepted.
#define MP_OBJ_FUN_ARGS_MAX (0xffff)
#define MP_OBJ_FUN_MAKE_SIG(n_args_min, n_args_max, takes_kw) \
    ((uint32_t)((((uint32_t)(n_args_min)) << 17) | (((uint32_t)(n_args_max)) << 1) | ((takes_kw) ? 1 : 0)))

#define MP_DECLARE_CONST_FUN_OBJ_0(obj_name) extern const mp_obj_fun_builtin_fixed_t obj_name
#define MP_DECLARE_CONST_FUN_OBJ_1(obj_name) extern const mp_obj_fun_builtin_fixed_t obj_name
#define MP_DECLARE_CONST_FUN_OBJ_2(obj_name) extern const mp_obj_fun_builtin_fixed_t obj_name
#define MP_DECLARE_CONST_FUN_OBJ_3(obj_name) extern const mp_obj_fun_builtin_fixed_t obj_name
#define MP_DECLARE_CONST_FUN_OBJ_VAR(obj_name) extern const mp_obj_fun_builtin_var_t obj_name
#define MP_DECLARE_CONST_FUN_OBJ_VAR_BETWEEN(obj_name) extern const mp_obj_fun_builtin_var_t obj_name
#define MP_DECLARE_CONST_FUN_OBJ_KW(obj_name) extern const mp_obj_fun_builtin_var_t obj_name

// Fixed-arity functions taking 0 to 3 positional arguments.
#define MP_DEFINE_CONST_FUN_OBJ_0(obj_name, fun_name) \
    const mp_obj_fun_builtin_fixed_t obj_name = { .base = { &mp_type_fun_builtin_0 }, .fun = { ._0 = fun_name } }
#define MP_DEFINE_CONST_FUN_OBJ_1(obj_name, fun_name) \
    const mp_obj_fun_builtin_fixed_t obj_name = { .base = { &mp_type_fun_builtin_1 }, .fun = { ._1 = fun_name } }
#define MP_DEFINE_CONST_FUN_OBJ_2(obj_name, fun_name) \
    const mp_obj_fun_builtin_fixed_t obj_name = { .base = { &mp_type_fun_builtin_2 }, .fun = { ._2 = fun_name } }
#define MP_DEFINE_CONST_FUN_OBJ_3(obj_name, fun_name) \
    const mp_obj_fun_builtin_fixed_t obj_name = { .base = { &mp_type_fun_builtin_3 }, .fun = { ._3 = fun_name } }

// Functions taking (n_args, args): at least n_args_min, at most n_args_max.
#define MP_DEFINE_CONST_FUN_OBJ_VAR(obj_name, n_args_min, fun_name) \
    const mp_obj_fun_builtin_var_t obj_name = { .base = { &mp_type_fun_builtin_var }, \
        .sig = MP_OBJ_FUN_MAKE_SIG(n_args_min, MP_OBJ_FUN_ARGS_MAX, false), .fun = { .var = fun_name } }
#define MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(obj_name, n_args_min, n_args_max, fun_name) \
    const mp_obj_fun_builtin_var_t obj_name = { .base = { &mp_type_fun_builtin_var }, \
        .sig = MP_OBJ_FUN_MAKE_SIG(n_args_min, n_args_max, false), .fun = { .var = fun_name } }

// Functions taking (n_args, args, kw_args map).
#define MP_DEFINE_CONST_FUN_OBJ_KW(obj_name, n_args_min, fun_name) \
    const mp_obj_fun_builtin_var_t obj_name = { .base = { &mp_type_fun_builtin_var }, \
        .sig = MP_OBJ_FUN_MAKE_SIG(n_args_min, MP_OBJ_FUN_ARGS_MAX, true), .fun = { .kw = fun_name } }

/******************************************************************************/
// Type objects

// mp_obj_type_t.flags
#define MP_TYPE_FLAG_NONE (0x0000)
#define MP_TYPE_FLAG_IS_SUBCLASSED (0x0001)
#define MP_TYPE_FLAG_HAS_SPECIAL_ACCESSORS (0x0002)
#define MP_TYPE_FLAG_EQ_NOT_REFLEXIVE (0x0004)
#define MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE (0x0008)
#define MP_TYPE_FLAG_EQ_HAS_NEQ_TEST (0x0010)
#define MP_TYPE_FLAG_BINDS_SELF (0x0020)
#define MP_TYPE_FLAG_BUILTIN_FUN (0x0040)
#define MP_TYPE_FLAG_ITER_IS_GETITER (0x0000)
#define MP_TYPE_FLAG_ITER_IS_ITERNEXT (0x0080)
#define MP_TYPE_FLAG_ITER_IS_CUSTOM (0x0100)
#define MP_TYPE_FLAG_ITER_IS_STREAM (MP_TYPE_FLAG_ITER_IS_ITERNEXT | MP_TYPE_FLAG_ITER_IS_CUSTOM)
#define MP_TYPE_FLAG_INSTANCE_TYPE (0x0200)

typedef enum {
    PRINT_STR = 0,
    PRINT_REPR = 1,
    PRINT_EXC = 2,
    PRINT_JSON = 3,
    PRINT_RAW = 4,
    PRINT_EXC_SUBCLASS = 0x80,
} mp_print_kind_t;

// Room for an iterator on the caller's stack (see the getiter slot).
typedef struct _mp_obj_iter_buf_t {
    mp_obj_base_t base;
    mp_obj_t buf[3];
} mp_obj_iter_buf_t;
#define MP_OBJ_ITER_BUF_NSLOTS ((sizeof(mp_obj_iter_buf_t) + sizeof(mp_obj_t) - 1) / sizeof(mp_obj_t))

// Buffer protocol.
typedef struct _mp_buffer_info_t {
    void *buf;      // may be NULL when len is 0
    size_t len;     // in bytes
    int typecode;   // array typecode ('B', 'h', 'f', ...)
} mp_buffer_info_t;
#define MP_BUFFER_READ (1)
#define MP_BUFFER_WRITE (2)
#define MP_BUFFER_RW (MP_BUFFER_READ | MP_BUFFER_WRITE)
#define MP_BUFFER_RAISE_IF_UNSUPPORTED (4)

MP_STATIC_ASSERT_DECL(offsetof(mp_buffer_info_t, len) == sizeof(void *), "mp_buffer_info_t.len");
MP_STATIC_ASSERT_DECL(offsetof(mp_buffer_info_t, typecode) == 2 * sizeof(void *), "mp_buffer_info_t.typecode");

// Signatures of the type slots.
typedef void (*mp_print_fun_t)(const mp_print_t *print, mp_obj_t o, mp_print_kind_t kind);
typedef mp_obj_t (*mp_make_new_fun_t)(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);
typedef mp_obj_t (*mp_call_fun_t)(mp_obj_t fun, size_t n_args, size_t n_kw, const mp_obj_t *args);
typedef mp_obj_t (*mp_unary_op_fun_t)(mp_unary_op_t op, mp_obj_t);
typedef mp_obj_t (*mp_binary_op_fun_t)(mp_binary_op_t op, mp_obj_t, mp_obj_t);
typedef void (*mp_attr_fun_t)(mp_obj_t self_in, qstr attr, mp_obj_t *dest);
typedef mp_obj_t (*mp_subscr_fun_t)(mp_obj_t self_in, mp_obj_t index, mp_obj_t value);
typedef mp_obj_t (*mp_getiter_fun_t)(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf);
typedef mp_fun_1_t mp_iternext_fun_t;
typedef mp_int_t (*mp_buffer_fun_t)(mp_obj_t obj, mp_buffer_info_t *bufinfo, mp_uint_t flags);

// The iter slot of a type flagged MP_TYPE_FLAG_ITER_IS_CUSTOM points to this.
typedef struct _mp_getiter_iternext_custom_t {
    mp_getiter_fun_t getiter;
    mp_iternext_fun_t iternext;
} mp_getiter_iternext_custom_t;

// A type object. The twelve slot_index_xxx bytes say where in slots[] each
// optional behaviour lives: 0 means "not set", n means slots[n - 1].
#define MP_SDK_TYPE_HEADER \
    mp_obj_base_t base;            /* points to mp_type_type */ \
    uint16_t flags;                /* MP_TYPE_FLAG_xxx */ \
    uint16_t name;                 /* qstr */ \
    uint8_t slot_index_make_new;   /* __new__/__init__: mp_make_new_fun_t */ \
    uint8_t slot_index_print;      /* __repr__/__str__: mp_print_fun_t */ \
    uint8_t slot_index_call;       /* __call__: mp_call_fun_t */ \
    uint8_t slot_index_unary_op;   /* mp_unary_op_fun_t */ \
    uint8_t slot_index_binary_op;  /* mp_binary_op_fun_t */ \
    uint8_t slot_index_attr;       /* load/store/delete attribute: mp_attr_fun_t */ \
    uint8_t slot_index_subscr;     /* load/store/delete item: mp_subscr_fun_t */ \
    uint8_t slot_index_iter;       /* getiter, iternext or custom, by flags */ \
    uint8_t slot_index_buffer;     /* mp_buffer_fun_t */ \
    uint8_t slot_index_protocol;   /* e.g. const mp_stream_p_t * */ \
    uint8_t slot_index_parent;     /* base type (or tuple of them) */ \
    uint8_t slot_index_locals_dict; /* mp_obj_dict_t * of methods and constants */

struct _mp_obj_type_t {
    MP_SDK_TYPE_HEADER
    const void *slots[];
};

// A type with no slots at all.
typedef struct _mp_obj_empty_type_t {
    MP_SDK_TYPE_HEADER
} mp_obj_empty_type_t;

// A type with room for every slot; what modules allocate (usually in BSS) and
// fill in at import time with MP_OBJ_TYPE_SET_SLOT.
typedef struct _mp_obj_full_type_t {
    MP_SDK_TYPE_HEADER
    const void *slots[12];
} mp_obj_full_type_t;

#undef MP_SDK_TYPE_HEADER

MP_STATIC_ASSERT_DECL(offsetof(mp_obj_type_t, flags) == sizeof(void *), "type: flags");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_type_t, name) == sizeof(void *) + 2, "type: name");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_type_t, slot_index_make_new) == sizeof(void *) + 4, "type: first slot index");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_type_t, slot_index_locals_dict) == sizeof(void *) + 15, "type: last slot index");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_type_t, slots) == sizeof(void *) + 16, "type: slots");
MP_STATIC_ASSERT_DECL(sizeof(mp_obj_empty_type_t) == sizeof(void *) + 16, "empty type size");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_full_type_t, slots) == offsetof(mp_obj_type_t, slots), "full type: slots");

// The C type of each slot, used to cast what is read back.
#define _MP_OBJ_TYPE_SLOT_TYPE_make_new (mp_make_new_fun_t)
#define _MP_OBJ_TYPE_SLOT_TYPE_print (mp_print_fun_t)
#define _MP_OBJ_TYPE_SLOT_TYPE_call (mp_call_fun_t)
#define _MP_OBJ_TYPE_SLOT_TYPE_unary_op (mp_unary_op_fun_t)
#define _MP_OBJ_TYPE_SLOT_TYPE_binary_op (mp_binary_op_fun_t)
#define _MP_OBJ_TYPE_SLOT_TYPE_attr (mp_attr_fun_t)
#define _MP_OBJ_TYPE_SLOT_TYPE_subscr (mp_subscr_fun_t)
#define _MP_OBJ_TYPE_SLOT_TYPE_iter (const void *)
#define _MP_OBJ_TYPE_SLOT_TYPE_buffer (mp_buffer_fun_t)
#define _MP_OBJ_TYPE_SLOT_TYPE_protocol (const void *)
#define _MP_OBJ_TYPE_SLOT_TYPE_parent (const void *)
#define _MP_OBJ_TYPE_SLOT_TYPE_locals_dict (struct _mp_obj_dict_t *)

// Slot access. n in MP_OBJ_TYPE_SET_SLOT is the zero-based position in slots[]
// (each slot of a type needs its own position).
#define MP_OBJ_TYPE_HAS_SLOT(t, f) ((t)->slot_index_##f)
#define MP_OBJ_TYPE_GET_SLOT(t, f) (_MP_OBJ_TYPE_SLOT_TYPE_##f(t)->slots[(t)->slot_index_##f - 1])
#define MP_OBJ_TYPE_GET_SLOT_OR_NULL(t, f) \
    (_MP_OBJ_TYPE_SLOT_TYPE_##f(MP_OBJ_TYPE_HAS_SLOT(t, f) ? MP_OBJ_TYPE_GET_SLOT(t, f) : NULL))
#define MP_OBJ_TYPE_SET_SLOT(t, f, v, n) ((t)->slot_index_##f = (n) + 1, (t)->slots[(n)] = (void *)v)
#define MP_OBJ_TYPE_OFFSETOF_SLOT(f) (offsetof(mp_obj_type_t, slot_index_##f))
#define MP_OBJ_TYPE_HAS_SLOT_BY_OFFSET(t, offset) (*(uint8_t *)((char *)(t) + (offset)) != 0)

// MP_DEFINE_CONST_OBJ_TYPE(type_name, name_qstr, flags, [slot, value]...)
// defines a constant type with up to 12 slots. In a native module the name
// must be a static qstr and the slot values compile-time constants; types
// that need anything else are filled in at import time instead (see
// MP_OBJ_TYPE_SET_SLOT).
#define MP_SDK_SLOT_IDX1(k, f, v) .slot_index_##f = (k),
#define MP_SDK_SLOT_IDX2(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX1(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_IDX3(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX2(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_IDX4(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX3(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_IDX5(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX4(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_IDX6(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX5(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_IDX7(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX6(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_IDX8(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX7(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_IDX9(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX8(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_IDX10(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX9(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_IDX11(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX10(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_IDX12(k, f, v, ...) MP_SDK_SLOT_IDX1(k, f, v) MP_SDK_SLOT_IDX11(k + 1, __VA_ARGS__)
#define MP_SDK_SLOT_VAL1(f, v) v,
#define MP_SDK_SLOT_VAL2(f, v, ...) v, MP_SDK_SLOT_VAL1(__VA_ARGS__)
#define MP_SDK_SLOT_VAL3(f, v, ...) v, MP_SDK_SLOT_VAL2(__VA_ARGS__)
#define MP_SDK_SLOT_VAL4(f, v, ...) v, MP_SDK_SLOT_VAL3(__VA_ARGS__)
#define MP_SDK_SLOT_VAL5(f, v, ...) v, MP_SDK_SLOT_VAL4(__VA_ARGS__)
#define MP_SDK_SLOT_VAL6(f, v, ...) v, MP_SDK_SLOT_VAL5(__VA_ARGS__)
#define MP_SDK_SLOT_VAL7(f, v, ...) v, MP_SDK_SLOT_VAL6(__VA_ARGS__)
#define MP_SDK_SLOT_VAL8(f, v, ...) v, MP_SDK_SLOT_VAL7(__VA_ARGS__)
#define MP_SDK_SLOT_VAL9(f, v, ...) v, MP_SDK_SLOT_VAL8(__VA_ARGS__)
#define MP_SDK_SLOT_VAL10(f, v, ...) v, MP_SDK_SLOT_VAL9(__VA_ARGS__)
#define MP_SDK_SLOT_VAL11(f, v, ...) v, MP_SDK_SLOT_VAL10(__VA_ARGS__)
#define MP_SDK_SLOT_VAL12(f, v, ...) v, MP_SDK_SLOT_VAL11(__VA_ARGS__)

#define MP_SDK_TYPE_DEF0(st, tn, qn, fl) \
    const st tn = { .base = { &mp_type_type }, .flags = (fl), .name = (qn) }
#define MP_SDK_TYPE_DEFN(n, st, tn, qn, fl, ...) \
    const st tn = { .base = { &mp_type_type }, .flags = (fl), .name = (qn), \
                    MP_SDK_SLOT_IDX##n(1, __VA_ARGS__) .slots = { MP_SDK_SLOT_VAL##n(__VA_ARGS__) } }
#define MP_SDK_TYPE_DEF1(...) MP_SDK_TYPE_DEFN(1, __VA_ARGS__)
#define MP_SDK_TYPE_DEF2(...) MP_SDK_TYPE_DEFN(2, __VA_ARGS__)
#define MP_SDK_TYPE_DEF3(...) MP_SDK_TYPE_DEFN(3, __VA_ARGS__)
#define MP_SDK_TYPE_DEF4(...) MP_SDK_TYPE_DEFN(4, __VA_ARGS__)
#define MP_SDK_TYPE_DEF5(...) MP_SDK_TYPE_DEFN(5, __VA_ARGS__)
#define MP_SDK_TYPE_DEF6(...) MP_SDK_TYPE_DEFN(6, __VA_ARGS__)
#define MP_SDK_TYPE_DEF7(...) MP_SDK_TYPE_DEFN(7, __VA_ARGS__)
#define MP_SDK_TYPE_DEF8(...) MP_SDK_TYPE_DEFN(8, __VA_ARGS__)
#define MP_SDK_TYPE_DEF9(...) MP_SDK_TYPE_DEFN(9, __VA_ARGS__)
#define MP_SDK_TYPE_DEF10(...) MP_SDK_TYPE_DEFN(10, __VA_ARGS__)
#define MP_SDK_TYPE_DEF11(...) MP_SDK_TYPE_DEFN(11, __VA_ARGS__)
#define MP_SDK_TYPE_DEF12(...) MP_SDK_TYPE_DEFN(12, __VA_ARGS__)

// Picks the 28th argument: with 3 fixed arguments and n (slot, value) pairs
// in front of the countdown below, that is n.
#define MP_SDK_PICK28(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, \
                      a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, n, ...) n
#define MP_SDK_PAIRS(...) MP_SDK_PICK28(__VA_ARGS__, 12, ~, 11, ~, 10, ~, 9, ~, 8, ~, 7, ~, \
    6, ~, 5, ~, 4, ~, 3, ~, 2, ~, 1, ~, 0, ~)
#define MP_SDK_CAT(a, b) MP_SDK_CAT2(a, b)
#define MP_SDK_CAT2(a, b) a##b
#define MP_DEFINE_CONST_OBJ_TYPE(...) \
    MP_SDK_CAT(MP_SDK_TYPE_DEF, MP_SDK_PAIRS(__VA_ARGS__))(mp_obj_type_t, __VA_ARGS__)

/******************************************************************************/
// Firmware objects that native code may name directly
//
// mpy-ld resolves these symbols to entries of mp_fun_table, so they can be
// used anywhere, including in constant initialisers. Other built-in types are
// looked up at run time (see py/dynruntime.h).

extern const mp_obj_type_t mp_type_type;
extern const mp_obj_type_t mp_type_str;
extern const mp_obj_type_t mp_type_list;
extern const mp_obj_type_t mp_type_dict;
extern const mp_obj_type_t mp_type_fun_builtin_0;
extern const mp_obj_type_t mp_type_fun_builtin_1;
extern const mp_obj_type_t mp_type_fun_builtin_2;
extern const mp_obj_type_t mp_type_fun_builtin_3;
extern const mp_obj_type_t mp_type_fun_builtin_var;
#if MPY_SUB_VERSION >= 3
extern const mp_obj_type_t mp_type_Exception;
#endif

/******************************************************************************/
// Type tests

#define mp_obj_is_exact_type(o, t) \
    (mp_obj_is_obj(o) && (((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type == (t)))
#define mp_obj_is_type(o, t) mp_obj_is_exact_type(o, t)
#define mp_obj_is_bool(o) ((o) == mp_const_false || (o) == mp_const_true)
#define mp_obj_is_int(o) (mp_obj_is_small_int(o) || mp_obj_is_exact_type(o, &mp_type_int))
#define mp_obj_is_str(o) (mp_obj_is_qstr(o) || mp_obj_is_exact_type(o, &mp_type_str))
#define mp_obj_is_integer(o) (mp_obj_is_int(o) || mp_obj_is_bool(o))

// Names from older MicroPython releases.
#define MP_OBJ_IS_SMALL_INT mp_obj_is_small_int
#define MP_OBJ_IS_QSTR mp_obj_is_qstr
#define MP_OBJ_IS_OBJ mp_obj_is_obj
#define MP_OBJ_IS_INT mp_obj_is_int
#define MP_OBJ_IS_TYPE mp_obj_is_type
#define MP_OBJ_IS_STR mp_obj_is_str
#define MP_MAP_SLOT_IS_FILLED mp_map_slot_is_filled
#define MP_SET_SLOT_IS_FILLED mp_set_slot_is_filled

// Allocate an object and set its type (mp_obj_malloc_helper is provided by
// py/dynruntime.h).
#define mp_obj_malloc(struct_type, obj_type) \
    ((struct_type *)mp_obj_malloc_helper(sizeof(struct_type), obj_type))
// mp_obj_malloc_var: with or without the flexible member's name (v1.22 and
// later: struct_type, var_field, var_type, var_num, obj_type), as
// m_new_obj_var in py/misc.h.
#define MP_SDK_OBJ_VAR4(struct_type, var_type, var_num, obj_type) \
    ((struct_type *)mp_obj_malloc_helper(MP_SDK_VAR_SIZE3(struct_type, var_type, var_num), obj_type))
#define MP_SDK_OBJ_VAR5(struct_type, var_field, var_type, var_num, obj_type) \
    ((struct_type *)mp_obj_malloc_helper(MP_SDK_VAR_SIZE4(struct_type, var_field, var_type, var_num), obj_type))
#define mp_obj_malloc_var(...) MP_SDK_PICK6(__VA_ARGS__, MP_SDK_OBJ_VAR5, MP_SDK_OBJ_VAR4, ~)(__VA_ARGS__)

#endif // MP_SDK_PY_OBJ_H
