// A module written in C++: global objects whose constructors run on import,
// a static table, a template, classes made with new and freed with delete.
//
//     import cppclass
//     cppclass.order()            # the order the global objects were built in
//     cppclass.tick()             # changes a global object; fresh on each import
//     cppclass.keep(n), cppclass.kept() # an object made with new, kept in a static pointer
//     cppclass.sum_limited(list, limit), cppclass.sum_limited_bytes(bytes, limit)
//     cppclass.primes(n)          # the first n entries of a static table
//     cppclass.area(kind, a, b)   # 's' or 'r': a shape's name and area
#include "py/dynruntime.h"
#include "shapes.h"

// Global objects with constructors: built on import, in this order.
static int built;

class Tally {
public:
    explicit Tally(int start) : value(start), rank(++built) {}
    int bump(int by) {
        value += by;
        return value;
    }
    int value;
    int rank;
};

// An object on the MicroPython heap that only this pointer refers to
// (defined in shapes.cpp: see there).
extern Tally *kept_tally;

namespace {

Tally first(10);
Tally second(first.value * 2); // constructed after first: 20

// A static table in rodata.
const mp_int_t prime_table[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};

// A template: adds values while the sum stays within limit.
template <typename T>
T sum_within(const T *values, size_t n, T limit) {
    T sum = 0;
    for (size_t i = 0; i < n && sum + values[i] <= limit; i++) {
        sum += values[i];
    }
    return sum;
}

mp_obj_t order() {
    mp_obj_t items[] = {mp_obj_new_int(first.rank), mp_obj_new_int(second.rank),
                        mp_obj_new_int(second.value)};
    return mp_obj_new_tuple(3, items);
}

mp_obj_t tick() {
    return mp_obj_new_int(first.bump(1) + second.bump(100));
}


mp_obj_t keep(mp_obj_t value_in) {
    delete kept_tally;
    kept_tally = new Tally((int)mp_obj_get_int(value_in));
    return mp_const_none;
}

mp_obj_t kept() {
    return kept_tally ? mp_obj_new_int(kept_tally->value * 1000 + kept_tally->rank) : mp_const_none;
}

mp_obj_t sum_limited(mp_obj_t list_in, mp_obj_t limit_in) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(list_in, &n, &items);
    mp_int_t *values = new mp_int_t[n];
    for (size_t i = 0; i < n; i++) {
        values[i] = mp_obj_get_int(items[i]);
    }
    mp_int_t sum = sum_within<mp_int_t>(values, n, mp_obj_get_int(limit_in));
    delete[] values;
    return mp_obj_new_int(sum);
}

mp_obj_t sum_limited_bytes(mp_obj_t bytes_in, mp_obj_t limit_in) {
    mp_buffer_info_t info;
    mp_get_buffer_raise(bytes_in, &info, MP_BUFFER_READ);
    unsigned limit = (unsigned)mp_obj_get_int(limit_in);
    const unsigned char *bytes = static_cast<const unsigned char *>(info.buf);
    unsigned sum = 0;
    for (size_t i = 0; i < info.len; i++) {
        unsigned one = bytes[i];
        if (sum_within<unsigned>(&one, 1, limit - sum) == 0) {
            break;
        }
        sum += one;
    }
    return mp_obj_new_int(sum);
}

mp_obj_t primes(mp_obj_t n_in) {
    mp_int_t n = mp_obj_get_int(n_in);
    if (n < 0 || n > (mp_int_t)MP_ARRAY_SIZE(prime_table)) {
        mp_raise_ValueError(MP_ERROR_TEXT("n out of range"));
    }
    mp_obj_t list = mp_obj_new_list(0, nullptr);
    for (mp_int_t i = 0; i < n; i++) {
        mp_obj_list_append(list, mp_obj_new_int(prime_table[i]));
    }
    return list;
}

size_t length(const char *s) {
    const volatile char *p = s; // volatile: no call to strlen
    size_t n = 0;
    while (p[n]) {
        n++;
    }
    return n;
}

mp_obj_t area(size_t n_args, const mp_obj_t *args) {
    size_t len;
    const char *kind = mp_obj_str_get_data(args[0], &len);
    mp_int_t a = mp_obj_get_int(args[1]);
    mp_int_t b = n_args > 2 ? mp_obj_get_int(args[2]) : a;
    Shape *shape = len == 1 ? make_shape(kind[0], a, b) : nullptr;
    if (!shape) {
        mp_raise_ValueError(MP_ERROR_TEXT("kind must be 's' or 'r'"));
    }
    mp_obj_t items[] = {mp_obj_new_str(shape->name(), length(shape->name())),
                        mp_obj_new_int(shape->area()), mp_obj_new_int(shapes_alive)};
    delete shape;
    items[2] = mp_obj_new_int(mp_obj_get_int(items[2]) * 10 + shapes_alive);
    return mp_obj_new_tuple(3, items);
}

MP_DEFINE_CONST_FUN_OBJ_0(order_obj, order);
MP_DEFINE_CONST_FUN_OBJ_0(tick_obj, tick);
MP_DEFINE_CONST_FUN_OBJ_1(keep_obj, keep);
MP_DEFINE_CONST_FUN_OBJ_0(kept_obj, kept);
MP_DEFINE_CONST_FUN_OBJ_2(sum_limited_obj, sum_limited);
MP_DEFINE_CONST_FUN_OBJ_2(sum_limited_bytes_obj, sum_limited_bytes);
MP_DEFINE_CONST_FUN_OBJ_1(primes_obj, primes);
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(area_obj, 2, 3, area);

} // namespace

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY
    mp_store_global(MP_QSTR_order, MP_OBJ_FROM_PTR(&order_obj));
    mp_store_global(MP_QSTR_tick, MP_OBJ_FROM_PTR(&tick_obj));
    mp_store_global(MP_QSTR_keep, MP_OBJ_FROM_PTR(&keep_obj));
    mp_store_global(MP_QSTR_kept, MP_OBJ_FROM_PTR(&kept_obj));
    mp_store_global(MP_QSTR_sum_limited, MP_OBJ_FROM_PTR(&sum_limited_obj));
    mp_store_global(MP_QSTR_sum_limited_bytes, MP_OBJ_FROM_PTR(&sum_limited_bytes_obj));
    mp_store_global(MP_QSTR_primes, MP_OBJ_FROM_PTR(&primes_obj));
    mp_store_global(MP_QSTR_area, MP_OBJ_FROM_PTR(&area_obj));
    MP_DYNRUNTIME_INIT_EXIT
}
