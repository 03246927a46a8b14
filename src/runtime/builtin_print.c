// print() and repr().
#include "runtime/modbuiltins.h"

#include <string.h>

// print(..., file=f) writes through f.write(str), whatever f is: a stream
// of ours (sys.stdout, io.StringIO) or any object with a write method.
static void print_to_file_strn(void *data, const char *str, size_t len) {
    mp_obj_t dest[3];
    mp_load_method(MP_OBJ_FROM_PTR(data), MP_QSTR_write, dest);
    dest[2] = mp_obj_new_str(str, len);
    mp_call_method_n_kw(1, 0, dest);
}

// The text of sep= or end=: None means the default.
static const char *print_kw_str(mp_obj_t value, const char *dflt, size_t *len) {
    if (value == mp_const_none) {
        *len = strlen(dflt);
        return dflt;
    }
    return mp_obj_str_get_data(value, len);
}

static mp_obj_t builtin_print(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    mp_obj_t sep_obj = mp_const_none;
    mp_obj_t end_obj = mp_const_none;
    mp_obj_t file_obj = mp_const_none;
    for (size_t i = 0; i < kwargs->alloc; i++) {
        if (!mp_map_slot_is_filled(kwargs, i)) {
            continue;
        }
        mp_obj_t key = kwargs->table[i].key;
        mp_obj_t value = kwargs->table[i].value;
        if (key == MP_OBJ_NEW_QSTR(MP_QSTR_sep)) {
            sep_obj = value;
        } else if (key == MP_OBJ_NEW_QSTR(MP_QSTR_end)) {
            end_obj = value;
        } else if (key == MP_OBJ_NEW_QSTR(MP_QSTR_file)) {
            file_obj = value;
        } else {
            mp_raise_TypeError(MP_ERROR_TEXT("extra keyword arguments given"));
        }
    }
    size_t sep_len, end_len;
    const char *sep = print_kw_str(sep_obj, " ", &sep_len);
    const char *end = print_kw_str(end_obj, "\n", &end_len);

    mp_print_t file_print = { MP_OBJ_TO_PTR(file_obj), print_to_file_strn };
    const mp_print_t *print = file_obj == mp_const_none ? &mp_plat_print : &file_print;
    for (size_t i = 0; i < n_args; i++) {
        if (i > 0) {
            mp_print_strn(print, sep, sep_len, 0, 0, 0);
        }
        mp_obj_print_helper(print, args[i], PRINT_STR);
    }
    mp_print_strn(print, end, end_len, 0, 0, 0);
    return mp_const_none;
}
MP_DEFINE_CONST_FUN_OBJ_KW(mp_builtin_print_obj, 0, builtin_print);

static mp_obj_t builtin_repr(mp_obj_t o) {
    return mp_obj_str_make(o, PRINT_REPR);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_repr_obj, builtin_repr);
