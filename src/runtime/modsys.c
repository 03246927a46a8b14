// The sys module: argv, path, modules (the runtime's own objects in
// mp_state), exit, the standard streams, and facts about the
// implementation.
#include "runtime/modsys.h"

#include <string.h>

#include "mpy/mpy_format.h"
#include "mpy/mpy_version.h"
#include "runtime/target.h"

// .mpy architecture code of the runtime's own code.
#define MPY_HOST_ARCH RT_TARGET_MPY_ARCH

static mp_obj_t sys_exit(size_t n_args, const mp_obj_t *args) {
    nlr_raise(mp_obj_new_exception_args(&mp_type_SystemExit, n_args, args));
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(sys_exit_obj, 0, 1, sys_exit);

// sys.print_exception(exc, file=sys.stdout)
static void print_to_file_strn(void *data, const char *str, size_t len) {
    mp_obj_t dest[3];
    mp_load_method(MP_OBJ_FROM_PTR(data), MP_QSTR_write, dest);
    dest[2] = mp_obj_new_str(str, len);
    mp_call_method_n_kw(1, 0, dest);
}

static mp_obj_t sys_print_exception(size_t n_args, const mp_obj_t *args) {
    if (n_args == 1 || args[1] == MP_OBJ_FROM_PTR(&mp_sys_stdout_obj)) {
        mp_obj_print_exception(&mp_plat_print, args[0]);
    } else if (args[1] == MP_OBJ_FROM_PTR(&mp_sys_stderr_obj)) {
        mp_obj_print_exception(&mp_stderr_print, args[0]);
    } else {
        mp_print_t print = { MP_OBJ_TO_PTR(args[1]), print_to_file_strn };
        mp_obj_print_exception(&print, args[0]);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(sys_print_exception_obj, 1, 2, sys_print_exception);

// sys.implementation: a named tuple as MicroPython prints it,
// (name='micropython', version=(1, 21, 0), _machine=..., _mpy=...).
static const mp_rom_obj_tuple_t impl_version_obj = {
    { &mp_type_tuple }, 3, { MP_ROM_INT(1), MP_ROM_INT(21), MP_ROM_INT(0) }
};
static const mp_rom_obj_tuple_t version_info_obj = {
    { &mp_type_tuple }, 3, { MP_ROM_INT(3), MP_ROM_INT(4), MP_ROM_INT(0) }
};
static const char *const impl_machine = RT_TARGET_SYSTEM " " RT_TARGET_NAME " mpy-host";
static const MP_DEFINE_STR_OBJ(version_obj, "3.4.0; MicroPython v1.21.0 compatible mpy-host");

static mp_obj_t impl_machine_str(void) {
    return mp_obj_new_str(impl_machine, strlen(impl_machine));
}

typedef struct {
    mp_obj_base_t base;
} impl_obj_t;

static mp_obj_t impl_field(qstr attr) {
    switch (attr) {
        case MP_QSTR_name:
            return MP_OBJ_NEW_QSTR(MP_QSTR_micropython);
        case MP_QSTR_version:
            return MP_OBJ_FROM_PTR(&impl_version_obj);
        case MP_QSTR__machine:
            return impl_machine_str();
        case MP_QSTR__mpy:
        {
            // The sub-version it loads: one with -X mpy-version, else (all
            // three are loaded) the default target of the tools.
            unsigned sub = mp_state.mpy_sub_version ? mp_state.mpy_sub_version : MPY_SUB_VERSION_DEFAULT;
            return MP_OBJ_NEW_SMALL_INT(MPY_VERSION | MPY_FEATURE_ENCODE(MPY_HOST_ARCH, sub) << 8);
        }
        default:
            return MP_OBJ_NULL;
    }
}

static const qstr impl_fields[] = { MP_QSTR_name, MP_QSTR_version, MP_QSTR__machine, MP_QSTR__mpy };

static void impl_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)self_in;
    (void)kind;
    mp_print_str(print, "(");
    for (size_t i = 0; i < MP_ARRAY_SIZE(impl_fields); i++) {
        mp_printf(print, "%s%q=", i ? ", " : "", impl_fields[i]);
        mp_obj_print_helper(print, impl_field(impl_fields[i]), PRINT_REPR);
    }
    mp_print_str(print, ")");
}

static void impl_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    (void)self_in;
    if (dest[0] == MP_OBJ_NULL) {
        dest[0] = impl_field(attr);
    }
}

static MP_DEFINE_CONST_OBJ_TYPE(
    impl_type,
    MP_QSTR_tuple,
    MP_TYPE_FLAG_NONE,
    print, impl_print,
    attr, impl_attr
);
static const impl_obj_t impl_obj = { { &impl_type } };

// The table is writable only so that argv, path, modules and maxsize can be
// filled in at run time (mp_module_sys_refresh); the dict is fixed.
enum { SYS_ARGV = 1, SYS_PATH, SYS_MODULES, SYS_MAXSIZE };
static mp_rom_map_elem_t sys_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_sys) },
    [SYS_ARGV] = { MP_ROM_QSTR(MP_QSTR_argv), MP_ROM_NONE },
    [SYS_PATH] = { MP_ROM_QSTR(MP_QSTR_path), MP_ROM_NONE },
    [SYS_MODULES] = { MP_ROM_QSTR(MP_QSTR_modules), MP_ROM_NONE },
    [SYS_MAXSIZE] = { MP_ROM_QSTR(MP_QSTR_maxsize), MP_ROM_NONE },
    { MP_ROM_QSTR(MP_QSTR_byteorder), MP_ROM_QSTR(MP_QSTR_little) },
    { MP_ROM_QSTR(MP_QSTR_exit), MP_ROM_PTR(&sys_exit_obj) },
    { MP_ROM_QSTR(MP_QSTR_implementation), MP_ROM_PTR(&impl_obj) },
    { MP_ROM_QSTR(MP_QSTR_platform), MP_ROM_QSTR(MP_QSTR_linux) },
    { MP_ROM_QSTR(MP_QSTR_print_exception), MP_ROM_PTR(&sys_print_exception_obj) },
    { MP_ROM_QSTR(MP_QSTR_stderr), MP_ROM_PTR(&mp_sys_stderr_obj) },
    { MP_ROM_QSTR(MP_QSTR_stdin), MP_ROM_PTR(&mp_sys_stdin_obj) },
    { MP_ROM_QSTR(MP_QSTR_stdout), MP_ROM_PTR(&mp_sys_stdout_obj) },
    { MP_ROM_QSTR(MP_QSTR_version), MP_ROM_PTR(&version_obj) },
    { MP_ROM_QSTR(MP_QSTR_version_info), MP_ROM_PTR(&version_info_obj) },
};

static mp_obj_dict_t sys_dict = {
    .base = { &mp_type_dict },
    .map = {
        .all_keys_are_qstrs = 1, .is_fixed = 1, .is_ordered = 1,
        .used = MP_ARRAY_SIZE(sys_table), .alloc = MP_ARRAY_SIZE(sys_table),
        .table = (mp_map_elem_t *)sys_table,
    },
};

const mp_obj_module_t mp_module_sys = {
    .base = { &mp_type_module },
    .globals = &sys_dict,
};

void mp_module_sys_refresh(void) {
    sys_table[SYS_ARGV].value = mp_state.sys_argv;
    sys_table[SYS_PATH].value = mp_state.sys_path;
    sys_table[SYS_MODULES].value = mp_state.loaded_modules;
    if (sys_table[SYS_MAXSIZE].value == mp_const_none) {
        sys_table[SYS_MAXSIZE].value = mp_obj_new_int(INTPTR_MAX);
        // maxsize may be a heap object (a big int): keep the table a root.
        gc_remove_root(sys_table);
        gc_add_root(sys_table, sizeof(sys_table));
    }
}
