// float: floating-point code for the architectures with hardware FP
// (x86/x64 and armv7emdp use double, armv7emsp single precision, as the
// firmware's float implementation is chosen per ARCH). Constants and a
// coefficient table go to read-only data, an accumulator to BSS.
#include "natmod_abi.h"

#if MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_FLOAT
typedef float nm_float_t;
#define NM_F(x) (x##f)
#define nm_new_float(v) (mp_fun_table.obj_new_float_from_f(v))
#define nm_get_float(o) (mp_fun_table.obj_get_float_to_f(o))
#elif MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_DOUBLE
typedef double nm_float_t;
#define NM_F(x) (x)
#define nm_new_float(v) (mp_fun_table.obj_new_float_from_d(v))
#define nm_get_float(o) (mp_fun_table.obj_get_float_to_d(o))
#else
#error "float module needs hardware floating point"
#endif

nm_float_t float_acc;
nm_float_t float_hist[4];

static const nm_float_t coeffs[6] = {
    NM_F(1.0), NM_F(-0.5), NM_F(0.041666666), NM_F(-0.0013888889),
    NM_F(2.4801587e-5), NM_F(-2.7557319e-7),
};

nm_float_t float_poly(nm_float_t x);

// cos(x) by its Taylor series in x*x
nm_float_t float_poly(nm_float_t x) {
    nm_float_t x2 = x * x;
    nm_float_t r = 0;
    for (int i = 5; i >= 0; --i) {
        r = r * x2 + coeffs[i];
    }
    return r;
}

static nm_float_t newton_sqrt(nm_float_t v) {
    if (v <= 0) {
        return 0;
    }
    nm_float_t r = v > 1 ? v * NM_F(0.5) : NM_F(1.0);
    for (int i = 0; i < 20; ++i) {
        r = NM_F(0.5) * (r + v / r);
    }
    return r;
}

static mp_obj_t float_hyp(mp_obj_t a, mp_obj_t b) {
    nm_float_t x = nm_get_float(a);
    nm_float_t y = nm_get_float(b);
    nm_float_t h = newton_sqrt(x * x + y * y);
    float_acc += h;
    float_hist[(int)h & 3] = h;
    return nm_new_float(h);
}

static mp_obj_t float_cos(mp_obj_t a) {
    nm_float_t x = nm_get_float(a);
    if (x > NM_F(3.14159265) || x < NM_F(-3.14159265)) {
        mp_fun_table.raise_msg(&mp_type_type, "argument out of range");
    }
    return nm_new_float(float_poly(x));
}

static mp_obj_t float_trunc(mp_obj_t a) {
    nm_float_t x = nm_get_float(a) * NM_F(1.5) + NM_F(0.25);
    return NM_INT((mp_int_t)x);
}

static NM_FUN_OBJ(float_hyp_obj, 2, float_hyp);
static NM_FUN_OBJ(float_cos_obj, 1, float_cos);
static NM_FUN_OBJ(float_trunc_obj, 1, float_trunc);

mp_obj_t mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);
    float_acc = (nm_float_t)n_args / NM_F(3.0);
    mp_fun_table.store_global(MP_QSTR_abs, (mp_obj_t)&float_hyp_obj);
    mp_fun_table.store_global(MP_QSTR_pow, (mp_obj_t)&float_cos_obj);
    mp_fun_table.store_global(MP_QSTR_round, (mp_obj_t)&float_trunc_obj);
    mp_fun_table.store_global(MP_QSTR_value, nm_new_float(float_acc + NM_F(0.1)));
    mp_fun_table.swap_globals(prev);
    return NM_NONE;
}
