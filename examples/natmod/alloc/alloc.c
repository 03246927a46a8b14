// alloc: memory allocation on the MicroPython heap from native code.
//
// m_new/m_new0/m_renew/m_del (and m_malloc/m_realloc/m_free) allocate from
// the garbage-collected heap and raise MemoryError when it is full. Memory
// only reachable from C locals is kept alive while the function runs; memory
// handed to an object (as with mp_obj_new_bytearray_by_ref) lives as long as
// that object.
//
//     import alloc
//     alloc.primes(30)             # [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
//     alloc.repeat(b"ab", 3)       # bytearray(b'ababab'), buffer made in C
//     alloc.join([b"x", b"yz"])    # b'xyz', from a buffer grown with m_renew
#include "py/dynruntime.h"

// Sieve of Eratosthenes with a temporary zeroed array.
STATIC mp_obj_t primes(mp_obj_t limit_in) {
    mp_int_t limit = mp_obj_get_int(limit_in);
    if (limit < 2) {
        return mp_obj_new_list(0, NULL);
    }
    uint8_t *composite = m_new0(uint8_t, limit + 1);
    mp_obj_t result = mp_obj_new_list(0, NULL);
    for (mp_int_t i = 2; i <= limit; ++i) {
        if (!composite[i]) {
            mp_obj_list_append(result, mp_obj_new_int(i));
            for (mp_int_t j = i + i; j <= limit; j += i) {
                composite[j] = 1;
            }
        }
    }
    m_del(uint8_t, composite, limit + 1);
    return result;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(primes_obj, primes);

// A bytearray whose storage is allocated here and then owned by the object.
STATIC mp_obj_t repeat(mp_obj_t data_in, mp_obj_t count_in) {
    mp_buffer_info_t src;
    mp_get_buffer_raise(data_in, &src, MP_BUFFER_READ);
    mp_int_t count = mp_obj_get_int(count_in);
    if (count < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("count must be >= 0"));
    }
    size_t total = src.len * count;
    byte *buf = m_new(byte, total);
    const byte *from = src.buf;
    for (size_t i = 0, k = 0; i < total; ++i) {
        buf[i] = from[k];
        if (++k == src.len) {
            k = 0;
        }
    }
    return mp_obj_new_bytearray_by_ref(total, buf);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_2(repeat_obj, repeat);

// Concatenate a sequence of bytes-like objects into a buffer that grows as
// needed, then copy it into a bytes object and free it.
STATIC mp_obj_t join(mp_obj_t seq_in) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(seq_in, &n, &items);
    size_t alloc = 4, len = 0;
    byte *buf = m_new(byte, alloc);
    for (size_t i = 0; i < n; ++i) {
        mp_buffer_info_t part;
        mp_get_buffer_raise(items[i], &part, MP_BUFFER_READ);
        if (len + part.len > alloc) {
            size_t new_alloc = alloc;
            while (len + part.len > new_alloc) {
                new_alloc *= 2;
            }
            buf = m_renew(byte, buf, alloc, new_alloc);
            alloc = new_alloc;
        }
        const byte *p = part.buf;
        for (size_t k = 0; k < part.len; ++k) {
            buf[len++] = p[k];
        }
    }
    mp_obj_t result = mp_obj_new_bytes(buf, len);
    m_del(byte, buf, alloc);
    return result;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(join_obj, join);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY

    mp_store_global(MP_QSTR_primes, MP_OBJ_FROM_PTR(&primes_obj));
    mp_store_global(MP_QSTR_repeat, MP_OBJ_FROM_PTR(&repeat_obj));
    mp_store_global(MP_QSTR_join, MP_OBJ_FROM_PTR(&join_obj));

    MP_DYNRUNTIME_INIT_EXIT
}
