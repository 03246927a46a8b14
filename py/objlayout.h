// Layouts of the firmware's built-in objects that native code may look
// inside: str/bytes, tuple, list, array/bytearray, class instances,
// exceptions, modules and a few small helpers. The structs must match the
// firmware word for word; the _Static_asserts below pin them.
#ifndef MP_SDK_PY_OBJLAYOUT_H
#define MP_SDK_PY_OBJLAYOUT_H

#include "py/obj.h"

// str and bytes (data is NUL-terminated; len excludes the NUL).
typedef struct _mp_obj_str_t {
    mp_obj_base_t base;
    size_t hash;
    size_t len;
    const byte *data;
} mp_obj_str_t;

// A str object with constant contents; use as
//     STATIC const MP_DEFINE_STR_OBJ(name_obj, "text");
// (const puts it in rodata; a native module has no initialised data section).
#define MP_DEFINE_STR_OBJ(obj_name, str) \
    mp_obj_str_t obj_name = { { &mp_type_str }, 0, sizeof(str) - 1, (const byte *)str }

// tuple: items follow the header.
typedef struct _mp_obj_tuple_t {
    mp_obj_base_t base;
    size_t len;
    mp_obj_t items[];
} mp_obj_tuple_t;

typedef struct _mp_rom_obj_tuple_t {
    mp_obj_base_t base;
    size_t len;
    mp_rom_obj_t items[];
} mp_rom_obj_tuple_t;

// list: items live in a separate heap block of alloc entries.
typedef struct _mp_obj_list_t {
    mp_obj_base_t base;
    size_t alloc;
    size_t len;
    mp_obj_t *items;
} mp_obj_list_t;

// array.array, bytearray and memoryview.
#define MP_OBJ_ARRAY_TYPECODE_FLAG_RW (0x80)
#define MP_OBJ_ARRAY_FREE_SIZE_BITS (8 * sizeof(size_t) - 8)
typedef struct _mp_obj_array_t {
    mp_obj_base_t base;
    size_t typecode : 8;
    size_t free : MP_OBJ_ARRAY_FREE_SIZE_BITS; // unused elements, or memoryview offset
    size_t len; // in elements
    void *items;
} mp_obj_array_t;

// An instance of a class defined in Python; subobj[0] holds the native base
// object when the class derives from a native type.
typedef struct _mp_obj_instance_t {
    mp_obj_base_t base;
    mp_map_t members;
    mp_obj_t subobj[];
} mp_obj_instance_t;

// Exception instances.
typedef struct _mp_obj_exception_t {
    mp_obj_base_t base;
    size_t traceback_alloc : (8 * sizeof(size_t) / 2);
    size_t traceback_len : (8 * sizeof(size_t) / 2);
    size_t *traceback_data;
    mp_obj_tuple_t *args;
} mp_obj_exception_t;

// Modules.
typedef struct _mp_obj_module_t {
    mp_obj_base_t base;
    mp_obj_dict_t *globals;
} mp_obj_module_t;

static inline mp_obj_dict_t *mp_obj_module_get_globals(mp_obj_t module) {
    return ((mp_obj_module_t *)MP_OBJ_TO_PTR(module))->globals;
}

// Cells (closed-over variables).
typedef struct _mp_obj_cell_t {
    mp_obj_base_t base;
    mp_obj_t obj;
} mp_obj_cell_t;

static inline mp_obj_t mp_obj_cell_get(mp_obj_t self_in) {
    return ((mp_obj_cell_t *)MP_OBJ_TO_PTR(self_in))->obj;
}

static inline void mp_obj_cell_set(mp_obj_t self_in, mp_obj_t obj) {
    ((mp_obj_cell_t *)MP_OBJ_TO_PTR(self_in))->obj = obj;
}

// Slices.
typedef struct _mp_obj_slice_t {
    mp_obj_base_t base;
    mp_obj_t start;
    mp_obj_t stop;
    mp_obj_t step;
} mp_obj_slice_t;

typedef struct {
    mp_int_t start;
    mp_int_t stop;
    mp_int_t step;
} mp_bound_slice_t;

// staticmethod/classmethod wrappers.
typedef struct _mp_obj_static_class_method_t {
    mp_obj_base_t base;
    mp_obj_t fun;
} mp_obj_static_class_method_t;

typedef struct _mp_rom_obj_static_class_method_t {
    mp_obj_base_t base;
    mp_rom_obj_t fun;
} mp_rom_obj_static_class_method_t;

#define MP_SDK_W (sizeof(void *))
MP_STATIC_ASSERT_DECL(sizeof(mp_obj_str_t) == 4 * MP_SDK_W, "mp_obj_str_t size");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_str_t, len) == 2 * MP_SDK_W, "mp_obj_str_t.len");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_str_t, data) == 3 * MP_SDK_W, "mp_obj_str_t.data");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_tuple_t, items) == 2 * MP_SDK_W, "mp_obj_tuple_t.items");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_list_t, len) == 2 * MP_SDK_W, "mp_obj_list_t.len");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_list_t, items) == 3 * MP_SDK_W, "mp_obj_list_t.items");
MP_STATIC_ASSERT_DECL(sizeof(mp_obj_array_t) == 4 * MP_SDK_W, "mp_obj_array_t size");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_array_t, len) == offsetof(mp_obj_str_t, len), "array/str len agree");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_array_t, items) == offsetof(mp_obj_str_t, data), "array/str data agree");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_instance_t, subobj) == 4 * MP_SDK_W, "mp_obj_instance_t.subobj");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_exception_t, args) == 3 * MP_SDK_W, "mp_obj_exception_t.args");
MP_STATIC_ASSERT_DECL(offsetof(mp_obj_module_t, globals) == MP_SDK_W, "mp_obj_module_t.globals");
#undef MP_SDK_W

#endif // MP_SDK_PY_OBJLAYOUT_H
