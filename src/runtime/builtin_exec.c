// compile, exec, eval, globals, locals and __import__.
#include "runtime/modbuiltins.h"

// What compile() returns: the function of the compiled source's top-level
// code, which exec and eval run in the scope they are given.
typedef struct {
    mp_obj_base_t base;
    mp_obj_t module_fun;
} code_obj_t;

static MP_DEFINE_CONST_OBJ_TYPE(code_type, MP_QSTR_code, MP_TYPE_FLAG_NONE);

// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1):
// the last three are accepted and ignored, as in MicroPython.
static mp_obj_t builtin_compile(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    size_t len;
    const char *source = mp_obj_str_get_data(args[0], &len);
    qstr file = mp_obj_str_get_qstr(args[1]);
    mp_parse_input_kind_t kind;
    switch (mp_obj_str_get_qstr(args[2])) {
        case MP_QSTR_single:
            kind = MP_PARSE_SINGLE_INPUT;
            break;
        case MP_QSTR_exec:
            kind = MP_PARSE_FILE_INPUT;
            break;
        case MP_QSTR_eval:
            kind = MP_PARSE_EVAL_INPUT;
            break;
        default:
            mp_raise_ValueError(MP_ERROR_TEXT("bad compile mode"));
    }
    code_obj_t *code = mp_obj_malloc(code_obj_t, &code_type);
    code->module_fun = mp_compile(source, len, file, kind, mp_globals_get());
    return MP_OBJ_FROM_PTR(code);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin_compile_obj, 3, 6, builtin_compile);

// Compiles source (any object with the buffer protocol) or takes a code
// object, and runs it with the given globals and locals (the current ones
// where not given).
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
    mp_obj_t fun;
    if (mp_obj_is_type(args[0], &code_type)) {
        // The function finds its globals in its module context: these.
        fun = ((code_obj_t *)MP_OBJ_TO_PTR(args[0]))->module_fun;
        if (mp_obj_is_type(fun, &mp_type_fun_bc)) {
            mp_obj_fun_bc_t *fun_bc = MP_OBJ_TO_PTR(fun);
            ((mp_module_context_t *)fun_bc->context)->module.globals = globals;
        }
    } else {
        mp_buffer_info_t source;
        mp_get_buffer_raise(args[0], &source, MP_BUFFER_READ);
        fun = mp_compile(source.buf, source.len, MP_QSTR__lt_string_gt_, kind, globals);
    }
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
    return mp_import_name(name, fromlist, level);
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin___import___obj, 1, 5, builtin___import__);
