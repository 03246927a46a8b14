// mp_arg_parse_all: positional and keyword arguments checked against a
// table of allowed ones (mp_arg_t) and converted to bool, int or object,
// with the firmware's error messages. Native modules reach it through
// mp_fun_table from .mpy 6.3 on.
#include "runtime/runtime.h"

static mp_arg_val_t convert_arg(const mp_arg_t *allowed, mp_obj_t given) {
    mp_arg_val_t val;
    switch (allowed->flags & MP_ARG_KIND_MASK) {
        case MP_ARG_BOOL:
            val.u_bool = mp_obj_is_true(given);
            break;
        case MP_ARG_INT:
            val.u_int = mp_obj_get_int(given);
            break;
        default: // MP_ARG_OBJ
            val.u_obj = given;
            break;
    }
    return val;
}

void mp_arg_parse_all(size_t n_pos, const mp_obj_t *pos, mp_map_t *kws, size_t n_allowed,
                      const mp_arg_t *allowed, mp_arg_val_t *out_vals) {
    size_t used_kws = 0;
    for (size_t i = 0; i < n_allowed; i++) {
        if (i < n_pos) {
            // A keyword-only argument cannot be given by position.
            if (allowed[i].flags & MP_ARG_KW_ONLY) {
                mp_raise_TypeError(MP_ERROR_TEXT("extra positional arguments given"));
            }
            out_vals[i] = convert_arg(&allowed[i], pos[i]);
            continue;
        }
        mp_map_elem_t *kw = kws == NULL ? NULL
            : mp_map_lookup(kws, MP_OBJ_NEW_QSTR(allowed[i].qst), MP_MAP_LOOKUP);
        if (kw != NULL) {
            used_kws++;
            out_vals[i] = convert_arg(&allowed[i], kw->value);
        } else if (allowed[i].flags & MP_ARG_REQUIRED) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%q' argument required"), allowed[i].qst);
        } else {
            out_vals[i] = allowed[i].defval;
        }
    }
    // Checked last, as the firmware does: errors about the arguments that
    // fit come first.
    if (n_pos > n_allowed) {
        mp_raise_TypeError(MP_ERROR_TEXT("extra positional arguments given"));
    }
    if (kws != NULL && used_kws < kws->used) {
        mp_raise_TypeError(MP_ERROR_TEXT("extra keyword arguments given"));
    }
}

void mp_arg_parse_all_kw_array(size_t n_pos, size_t n_kw, const mp_obj_t *args, size_t n_allowed,
                               const mp_arg_t *allowed, mp_arg_val_t *out_vals) {
    // The keywords follow the positional arguments as name, value pairs.
    mp_map_t kws;
    mp_map_init_fixed_table(&kws, n_kw, args + n_pos);
    mp_arg_parse_all(n_pos, args, &kws, n_allowed, allowed, out_vals);
}
