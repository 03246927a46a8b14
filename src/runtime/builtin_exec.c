// exec, eval, globals, locals and __import__.
#include "runtime/modbuiltins.h"

// Compiles source and runs it with the given globals and locals (the
// current ones where not given).
static mp_obj_t eval_exec(size_t n_args, const mp_obj_t *args, mp_parse_input_kind_t kind) {
    mp_obj_dict_t *globals = mp_globals_get();
    mp_obj_dict_t *locals = mp_locals_get();
    if (n_args > 1 && args[1] != mp_const_none) {
        if (!mp_obj_is_type(args[1], &mp_type_dict)) {
            mp_raise_TypeError(MP_ERROR_TEXT("globals must be a dict"));
        }
        globals = MP_OBJ_TO_PTR(args[1]);
        locals = globals;
    }
    if (n_args > 2 && args[2] != mp_const_none) {
        if (!mp_obj_is_type(args[2], &mp_type_dict)) {
            mp_raise_TypeError(MP_ERROR_TEXT("locals must be a dict"));
        }
        locals = MP_OBJ_TO_PTR(args[2]);
    }
    // The source is any buffer (str, bytes, bytearray, memoryview).
    size_t len;
    const char *source = (const char *)mp_obj_bytes_data(args[0], &len);

    mp_obj_t fun = mp_compile(source, len, MP_QSTR__lt_string_gt_, kind, globals);
    return mp_call_in_scope(fun, globals, locals);
}

static mp_obj_t builtin_exec(size_t n_args, const mp_obj_t *args) {
    eval_exec(n_args, args, MP_PARSE_FILE_INPUT);
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin_exec_obj, 1, 3, builtin_exec);

static mp_obj_t builtin_eval(size_t n_args, const mp_obj_t *args) {
    return eval_exec(n_args, args, MP_PARSE_EVAL_INPUT);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin_eval_obj, 1, 3, builtin_eval);

static mp_obj_t builtin_globals(void) {
    return MP_OBJ_FROM_PTR(mp_globals_get());
}
MP_DEFINE_CONST_FUN_OBJ_0(mp_builtin_globals_obj, builtin_globals);

static mp_obj_t builtin_locals(void) {
    return MP_OBJ_FROM_PTR(mp_locals_get());
}
MP_DEFINE_CONST_FUN_OBJ_0(mp_builtin_locals_obj, builtin_locals);

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
static mp_obj_t builtin___import__(size_t n_args, const mp_obj_t *args) {
    qstr name = mp_obj_str_get_qstr(args[0]);
    mp_obj_t fromlist = n_args > 3 ? args[3] : mp_const_none;
    mp_obj_t level = n_args > 4 ? args[4] : MP_OBJ_NEW_SMALL_INT(0);
    return mp_builtin_import(name, fromlist, level);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin___import___obj, 1, 5, builtin___import__);
