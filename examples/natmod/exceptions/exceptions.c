// exceptions: raising Python exceptions from C and catching them.
//
// mp_raise_* functions raise and never return. To catch an exception raised
// by code called from C, push an nlr_buf_t: nlr_push returns 0 and the
// protected code runs; if it raises, control comes back out of nlr_push a
// second time with 1 and buf.ret_val is the exception. Pop the buffer with
// nlr_pop when the protected code finishes normally.
//
//     import exceptions
//     exceptions.check_range(5, 0, 3)   # ValueError: 5 is not in range 0..3
//     exceptions.os_error(2)            # OSError: [Errno 2] ENOENT
//     exceptions.lookup({'a': 1}, 'b')  # KeyError: b
//     exceptions.try_call(int, 'x', 0)  # 0: int('x') raised, default returned
//     exceptions.catch(int, 'x')        # (False, ValueError(...))
//     exceptions.catch(int, '12')       # (True, 12)
#include "py/dynruntime.h"

// ValueError with a message formatted like printf.
STATIC mp_obj_t check_range(mp_obj_t value_in, mp_obj_t lo_in, mp_obj_t hi_in) {
    mp_int_t value = mp_obj_get_int(value_in);
    mp_int_t lo = mp_obj_get_int(lo_in);
    mp_int_t hi = mp_obj_get_int(hi_in);
    if (value < lo || value > hi) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("%d is not in range %d..%d"),
            (int)value, (int)lo, (int)hi);
    }
    return value_in;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_3(check_range_obj, check_range);

// OSError carrying an errno value.
STATIC mp_obj_t os_error(mp_obj_t errno_in) {
    mp_raise_OSError(mp_obj_get_int(errno_in));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(os_error_obj, os_error);

// An exception made from an object (here KeyError(key)) and raised.
STATIC mp_obj_t lookup(mp_obj_t dict_in, mp_obj_t key) {
    mp_obj_t dest[2];
    mp_load_method(dict_in, MP_QSTR_get, dest);
    mp_obj_t call_args[3] = { dest[0], dest[1], key };
    mp_obj_t value = mp_call_method_n_kw(1, 0, call_args);
    if (value == mp_const_none) {
        nlr_raise(mp_obj_new_exception_arg1(&mp_type_KeyError, key));
    }
    return value;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(lookup_obj, lookup);

// fn(arg), or default if that raises any exception.
STATIC mp_obj_t try_call(mp_obj_t fn, mp_obj_t arg, mp_obj_t default_value) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t result = mp_call_function_1(fn, arg);
        nlr_pop();
        return result;
    }
    // An exception was raised inside the protected region.
    return default_value;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_3(try_call_obj, try_call);

// (True, fn(*args)) or (False, the exception fn raised).
STATIC mp_obj_t catch(size_t n_args, const mp_obj_t *args) {
    mp_obj_t pair[2];
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        pair[1] = mp_call_function_n_kw(args[0], n_args - 1, 0, args + 1);
        nlr_pop();
        pair[0] = mp_const_true;
    } else {
        pair[0] = mp_const_false;
        pair[1] = MP_OBJ_FROM_PTR(nlr.ret_val);
    }
    return mp_obj_new_tuple(2, pair);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_VAR(catch_obj, 1, catch);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY

    mp_store_global(MP_QSTR_check_range, MP_OBJ_FROM_PTR(&check_range_obj));
    mp_store_global(MP_QSTR_os_error, MP_OBJ_FROM_PTR(&os_error_obj));
    mp_store_global(MP_QSTR_lookup, MP_OBJ_FROM_PTR(&lookup_obj));
    mp_store_global(MP_QSTR_try_call, MP_OBJ_FROM_PTR(&try_call_obj));
    mp_store_global(MP_QSTR_catch, MP_OBJ_FROM_PTR(&catch_obj));

    MP_DYNRUNTIME_INIT_EXIT
}
