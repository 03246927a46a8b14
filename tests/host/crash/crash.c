// crash: a module whose functions fault, for the tests of crash reports
// (mpy-ld --debug-elf, mpy-tool addr2line, mpy-host's fault report).
//     crash.write_null(v)  stores v through a NULL pointer (SIGSEGV)
//     crash.runtime_fault() hands the runtime a bad object, which faults in
//                          the runtime's code, not the module's
//     crash.add(a, b)      a + b: code that does not fault
#include "py/dynruntime.h"

// Not static, and kept out of line: the tests look it up by name.
__attribute__((noinline)) void crash_store(volatile mp_int_t *p, mp_int_t v) {
    *p = v; // CRASH-LINE
}

STATIC mp_obj_t crash_write_null(mp_obj_t v) {
    crash_store((volatile mp_int_t *)0, mp_obj_get_int(v));
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(crash_write_null_obj, crash_write_null);

STATIC mp_obj_t crash_runtime_fault(void) {
    // An address no object is at (not a small int or qstr either), in the
    // lowest page, which no host maps and the firmware guards.
    return mp_obj_new_int(mp_obj_get_int((mp_obj_t)(uintptr_t)0x10));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(crash_runtime_fault_obj, crash_runtime_fault);

STATIC mp_obj_t crash_add(mp_obj_t a, mp_obj_t b) {
    return mp_obj_new_int(mp_obj_get_int(a) + mp_obj_get_int(b));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(crash_add_obj, crash_add);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY
    mp_store_global(MP_QSTR_write_null, MP_OBJ_FROM_PTR(&crash_write_null_obj));
    mp_store_global(MP_QSTR_runtime_fault, MP_OBJ_FROM_PTR(&crash_runtime_fault_obj));
    mp_store_global(MP_QSTR_add, MP_OBJ_FROM_PTR(&crash_add_obj));
    MP_DYNRUNTIME_INIT_EXIT
}
