// Function objects from raw code, as the firmware's emitglue makes them:
// bytecode functions (mp_type_fun_bc), native and viper functions
// (mp_type_fun_native: the machine code is called as mp_call_fun_t) and
// inline-assembler functions (mp_type_fun_asm).
//
// Native modules call this through mp_fun_table with the mp_raw_code_t they
// build on their stack for MP_DYNRUNTIME_MAKE_FUNCTION: only kind,
// scope_flags, n_pos_args, fun_data and children are valid there, so
// nothing beyond the firmware's own fields is read for those kinds.
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/vm.h"

// A function object carrying the positional defaults (then the keyword
// defaults dict) after its fixed fields, as mp_obj_fun_bc_t.extra_args.
static mp_obj_t new_fun_with_defaults(const mp_obj_type_t *type, const mp_obj_t *def_args,
                                      const void *code, const mp_module_context_t *context,
                                      struct _mp_raw_code_t *const *children) {
    size_t n_def = 0, n_extra = 0;
    mp_obj_t *def_pos = NULL;
    mp_obj_t def_kw = MP_OBJ_NULL;
    if (def_args != NULL && def_args[0] != MP_OBJ_NULL) {
        mp_obj_tuple_get(def_args[0], &n_def, &def_pos);
        n_extra = n_def;
    }
    if (def_args != NULL && def_args[1] != MP_OBJ_NULL) {
        def_kw = def_args[1];
        n_extra += 1;
    }
    mp_obj_fun_bc_t *o = mp_obj_malloc_helper(sizeof(mp_obj_fun_bc_t) + n_extra * sizeof(mp_obj_t), type);
    o->context = context;
    o->child_table = children;
    o->bytecode = code;
    if (n_def) {
        memcpy(o->extra_args, def_pos, n_def * sizeof(mp_obj_t));
    }
    if (def_kw != MP_OBJ_NULL) {
        o->extra_args[n_def] = def_kw;
    }
    return MP_OBJ_FROM_PTR(o);
}

// The defaults a bytecode function is made with must be those its prelude
// announces: the VM reads that many (and a dict when it has keyword-only
// defaults) without looking. Only hostile bytecode gets this wrong.
static void check_bytecode_defaults(const byte *bytecode, const mp_obj_t *def_args) {
    vm_sig_t sig;
    vm_decode_sig(bytecode, &sig);
    size_t n_def = 0;
    bool have_kw = false;
    if (def_args != NULL && def_args[0] != MP_OBJ_NULL) {
        if (!mp_obj_is_type(def_args[0], &mp_type_tuple)) {
            mp_raise_TypeError(MP_ERROR_TEXT("function defaults must be a tuple"));
        }
        n_def = ((mp_obj_tuple_t *)MP_OBJ_TO_PTR(def_args[0]))->len;
    }
    if (def_args != NULL && def_args[1] != MP_OBJ_NULL) {
        if (!mp_obj_is_type(def_args[1], &mp_type_dict)) {
            mp_raise_TypeError(MP_ERROR_TEXT("keyword defaults must be a dict"));
        }
        have_kw = true;
    }
    if (n_def != sig.n_def_pos_args || have_kw != ((sig.scope_flags & MP_SCOPE_FLAG_DEFKWARGS) != 0)) {
        mp_raise_TypeError(MP_ERROR_TEXT("function defaults do not match its signature"));
    }
}

mp_obj_t mp_make_function_from_raw_code(const mp_raw_code_t *rc, const mp_module_context_t *context,
                                        const mp_obj_t *def_args) {
    switch (rc->kind) {
        case MP_CODE_BYTECODE:
            check_bytecode_defaults(rc->fun_data, def_args);
            // A generator function's call makes a generator (objgenerator.c).
            return new_fun_with_defaults((rc->scope_flags & MP_SCOPE_FLAG_GENERATOR) ? &mp_type_gen_wrap : &mp_type_fun_bc,
                def_args, rc->fun_data, context, rc->children);
        case MP_CODE_NATIVE_PY:
        case MP_CODE_NATIVE_VIPER:
            if (rc->scope_flags & MP_SCOPE_FLAG_GENERATOR) {
                mp_raise_NotImplementedError(MP_ERROR_TEXT("native generators are not supported"));
            }
            return new_fun_with_defaults(&mp_type_fun_native, def_args, rc->fun_data, context, rc->children);
        case MP_CODE_NATIVE_ASM: {
            // Only the loader makes asm raw codes, always as rt_raw_code_t.
            const rt_raw_code_t *full = (const rt_raw_code_t *)rc;
            mp_obj_fun_asm_t *o = mp_obj_malloc_helper(sizeof(mp_obj_fun_asm_t), &mp_type_fun_asm);
            o->n_args = rc->n_pos_args;
            o->fun_data = rc->fun_data;
            o->type_sig = full->type_sig;
            return MP_OBJ_FROM_PTR(o);
        }
        default:
            mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("invalid raw code kind %d"), (int)rc->kind);
    }
}
