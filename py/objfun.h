// Function, code and module-context objects: what mpy_init receives and what
// MP_DYNRUNTIME_MAKE_FUNCTION hands to the firmware to make a function object
// out of a piece of native code.
#ifndef MP_SDK_PY_OBJFUN_H
#define MP_SDK_PY_OBJFUN_H

#include "py/objlayout.h"

// Per-module constant tables, filled in by the loader.
typedef struct _mp_module_constants_t {
    qstr_short_t *qstr_table;
    mp_obj_t *obj_table;
} mp_module_constants_t;

// State of a loaded module: the module object (with its globals dict) and its
// constants.
typedef struct _mp_module_context_t {
    mp_obj_module_t module;
    mp_module_constants_t constants;
} mp_module_context_t;

// A function object made from bytecode or native code. mpy_init is called
// with one of these as self; self->context->module.globals is the module's
// namespace.
typedef struct _mp_obj_fun_bc_t {
    mp_obj_base_t base;
    const mp_module_context_t *context;
    struct _mp_raw_code_t *const *child_table;
    const byte *bytecode;
    mp_obj_t extra_args[];
} mp_obj_fun_bc_t;

MP_STATIC_ASSERT_DECL(offsetof(mp_obj_fun_bc_t, context) == sizeof(void *), "mp_obj_fun_bc_t.context");
MP_STATIC_ASSERT_DECL(offsetof(mp_module_context_t, module) == 0, "mp_module_context_t.module");
MP_STATIC_ASSERT_DECL(offsetof(mp_module_context_t, constants) == 2 * sizeof(void *), "mp_module_context_t.constants");

// Kinds of code.
typedef enum {
    MP_CODE_UNUSED,
    MP_CODE_RESERVED,
    MP_CODE_BYTECODE,
    MP_CODE_NATIVE_PY,
    MP_CODE_NATIVE_VIPER,
    MP_CODE_NATIVE_ASM,
} mp_raw_code_kind_t;

#if MP_ABI_HAS_PROTO_FUN

// From 6.3 on a function is made from a "proto fun": either bytecode or a
// raw-code record, told apart by two leading zero bytes.
typedef const void *mp_proto_fun_t;
#define MP_PROTO_FUN_INDICATOR_RAW_CODE_0 (0)
#define MP_PROTO_FUN_INDICATOR_RAW_CODE_1 (0)

typedef struct _mp_raw_code_t {
    uint8_t proto_fun_indicator[2];
    uint8_t kind; // mp_raw_code_kind_t
    bool is_generator;
    const void *fun_data;
    struct _mp_raw_code_t **children;
} mp_raw_code_t;

// The leading part of mp_raw_code_t, enough for non-asm kinds.
typedef mp_raw_code_t mp_raw_code_truncated_t;

MP_STATIC_ASSERT_DECL(offsetof(mp_raw_code_t, kind) == 2, "mp_raw_code_t.kind");
MP_STATIC_ASSERT_DECL(offsetof(mp_raw_code_t, fun_data) == sizeof(void *), "mp_raw_code_t.fun_data");

#else

typedef struct _mp_raw_code_t {
    mp_uint_t kind : 3; // mp_raw_code_kind_t
    mp_uint_t scope_flags : 7;
    mp_uint_t n_pos_args : 11;
    const void *fun_data;
    struct _mp_raw_code_t **children;
} mp_raw_code_t;

MP_STATIC_ASSERT_DECL(offsetof(mp_raw_code_t, fun_data) == sizeof(void *), "mp_raw_code_t.fun_data");

#endif

#endif // MP_SDK_PY_OBJFUN_H
