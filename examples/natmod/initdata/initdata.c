// Initialised writable data and static variables, as ordinary C writes
// them: each import starts from the initial values.
//
//     import initdata
//     initdata.state()     # a tuple of every variable's value
//     initdata.step()      # changes all of them
//     initdata.apply(i, x) # calls the i-th function of a table of pointers
#include "py/dynruntime.h"
#include "counters.h"

// Global and static data with initial values.
int counter = 5;
static char greeting[16] = "hello";
static long long big = 1LL << 40;

// Static variables without initial value (BSS).
static int hits;
static unsigned char scratch[64];

// Tables of pointers that the code writes to: functions, strings, data.
static int twice(int x) {
    return 2 * x;
}
static int square(int x) {
    return x * x;
}
static int negate(int x) {
    return -x;
}
static int (*ops[])(int) = {twice, square, negate};
const char *names[] = {"twice", "square", "negate"};
static int *watched[] = {&counter, &hits};

// A structure holding a string, a number and a pointer to BSS.
static struct {
    const char *label;
    int value;
    int *target;
} config = {"config", 42, &hits};

// The length of a string (volatile: compilers would call strlen, which
// native modules do not have).
static size_t length(const char *s) {
    const volatile char *p = s;
    size_t n = 0;
    while (p[n]) {
        n++;
    }
    return n;
}

static mp_obj_t new_str(const char *s) {
    return mp_obj_new_str(s, length(s));
}

static mp_obj_t state(void) {
    unsigned sum = 0;
    for (size_t i = 0; i < sizeof(scratch); i++) {
        sum += scratch[i];
    }
    mp_obj_t items[] = {
        mp_obj_new_int(counter),
        new_str(greeting),
        mp_obj_new_int_from_ll(big),
        mp_obj_new_int(hits),
        mp_obj_new_int(sum),
        new_str(names[0]),
        mp_obj_new_int(*watched[0] + *watched[1]),
        new_str(config.label),
        mp_obj_new_int(config.value + *config.target),
        mp_obj_new_int(counter_a_total() * 1000 + counter_b_total()),
    };
    return mp_obj_new_tuple(MP_ARRAY_SIZE(items), items);
}
static MP_DEFINE_CONST_FUN_OBJ_0(state_obj, state);

// Changes every variable; returns how often it ran in this import and the
// counters' next values.
static mp_obj_t step(void) {
    static int calls;          // a static local without initial value
    static int serial = 100;   // and one with
    calls++;
    serial += 10;
    counter++;
    hits += 3;
    big += 1;
    greeting[0] ^= 0x20; // toggles the case of the first letter
    greeting[length(greeting)] = '!';
    scratch[calls % sizeof(scratch)] = (unsigned char)(calls * 7);
    const char *first = names[0];
    names[0] = names[1];
    names[1] = names[2];
    names[2] = first;
    int (*op)(int) = ops[0];
    ops[0] = ops[1];
    ops[1] = ops[2];
    ops[2] = op;
    int *w = watched[0];
    watched[0] = watched[1];
    watched[1] = w;
    config.value--;
    mp_obj_t items[] = {
        mp_obj_new_int(calls),
        mp_obj_new_int(serial),
        mp_obj_new_int(counter_a_next()),
        mp_obj_new_int(counter_b_next()),
    };
    return mp_obj_new_tuple(MP_ARRAY_SIZE(items), items);
}
static MP_DEFINE_CONST_FUN_OBJ_0(step_obj, step);

static mp_obj_t apply(mp_obj_t index_in, mp_obj_t x_in) {
    mp_int_t i = mp_obj_get_int(index_in);
    if (i < 0 || i >= (mp_int_t)MP_ARRAY_SIZE(ops)) {
        mp_raise_ValueError(MP_ERROR_TEXT("no such function"));
    }
    return mp_obj_new_int(ops[i]((int)mp_obj_get_int(x_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(apply_obj, apply);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY
    mp_store_global(MP_QSTR_state, MP_OBJ_FROM_PTR(&state_obj));
    mp_store_global(MP_QSTR_step, MP_OBJ_FROM_PTR(&step_obj));
    mp_store_global(MP_QSTR_apply, MP_OBJ_FROM_PTR(&apply_obj));
    MP_DYNRUNTIME_INIT_EXIT
}
