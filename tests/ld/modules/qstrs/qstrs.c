// qstrs: a mix of static qstrs (numbered by the firmware) and new ones
// (looked up at load time through mp_native_qstr_table), each used as an
// attribute or global name. Indexing the table with constants > 0 makes
// some compilers (xtensa gcc 12) emit literals like mp_native_qstr_table+2.
#include "natmod_abi.h"

static mp_obj_t get_attr(mp_obj_t obj) {
    // new qstrs used as attribute names
    mp_obj_t a = mp_fun_table.load_attr(obj, MP_QSTR_alpha);
    mp_obj_t b = mp_fun_table.load_attr(obj, MP_QSTR_beta_gamma);
    mp_fun_table.store_attr(obj, MP_QSTR_zeta, b);
    return mp_fun_table.binary_op(0, a, b);
}

static mp_obj_t make_names(void) {
    mp_obj_t l = mp_fun_table.new_list(0, NULL);
    mp_fun_table.list_append(l, mp_fun_table.native_to_obj(MP_QSTR_alpha, 2));
    mp_fun_table.list_append(l, mp_fun_table.native_to_obj(MP_QSTR_Delta9, 2));
    mp_fun_table.list_append(l, mp_fun_table.native_to_obj(MP_QSTR_append, 2));
    mp_fun_table.list_append(l, mp_fun_table.native_to_obj(MP_QSTR___len__, 2));
    return l;
}

mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);
    mp_fun_table.store_global(MP_QSTR_names, make_names());
    if (n_args > 0) {
        mp_fun_table.store_global(MP_QSTR_epsilon, get_attr(args[0]));
    }
    mp_fun_table.store_global(MP_QSTR___qualname__, mp_fun_table.load_global(MP_QSTR___name__));
    mp_fun_table.store_global(MP_QSTR_omega_, NM_INT(MP_QSTR_omega_ + MP_QSTR_print));
    mp_fun_table.swap_globals(prev);
    return NM_NONE;
}
