// bigint_t storage, machine-integer conversions, comparisons, sign changes.
#include "runtime/bigint_internal.h"

#include <stdlib.h>
#include <string.h>

static void *(*alloc_hook)(size_t) = malloc;
static void (*free_hook)(void *) = free;

void bigint_set_allocator(void *(*alloc)(size_t size), void (*free_fn)(void *p)) {
    alloc_hook = alloc && free_fn ? alloc : malloc;
    free_hook = alloc && free_fn ? free_fn : free;
}

const char *bigint_strerror(bigint_err_t err) {
    switch (err) {
    case BIGINT_OK:
        return "no error";
    case BIGINT_ENOMEM:
        return "out of memory";
    case BIGINT_EZERODIV:
        return "division by zero";
    case BIGINT_EOVERFLOW:
        return "int too large to convert";
    case BIGINT_ENEGATIVE:
        return "can't convert negative int to unsigned";
    case BIGINT_EVALUE:
        return "invalid value";
    }
    return "unknown error";
}

digit_t *bigint_alloc_digits(size_t n) {
    if (n == 0 || n > BIGINT_MAX_DIGITS) {
        return NULL;
    }
    return alloc_hook(n * sizeof(digit_t));
}

void bigint_free_digits(digit_t *p) {
    if (p) {
        free_hook(p);
    }
}

void bigint_init(bigint_t *a) {
    a->digits = NULL;
    a->len = 0;
    a->cap = 0;
    a->neg = false;
}

void bigint_free(bigint_t *a) {
    if (a->cap) {
        bigint_free_digits(a->digits);
    }
    bigint_init(a);
}

void bigint_swap(bigint_t *a, bigint_t *b) {
    bigint_t t = *a;
    *a = *b;
    *b = t;
}

bigint_err_t bigint_reserve(bigint_t *a, size_t n) {
    if (n <= a->cap) {
        return BIGINT_OK;
    }
    digit_t *p = bigint_alloc_digits(n);
    if (!p) {
        return BIGINT_ENOMEM;
    }
    if (a->len) {
        memcpy(p, a->digits, a->len * sizeof(digit_t));
    }
    // A view (cap 0) does not own its array.
    if (a->cap) {
        bigint_free_digits(a->digits);
    }
    a->digits = p;
    a->cap = n;
    return BIGINT_OK;
}

bigint_err_t bigint_new_with(bigint_t *t, size_t n) {
    bigint_init(t);
    return bigint_reserve(t, n);
}

void bigint_normalize(bigint_t *a) {
    a->len = mag_trim(a->digits, a->len);
    if (a->len == 0) {
        a->neg = false;
    }
}

void bigint_move(bigint_t *r, bigint_t *t) {
    if (r == t) {
        return;
    }
    bigint_free(r);
    *r = *t;
    bigint_init(t);
}

bigint_err_t bigint_copy(bigint_t *r, const bigint_t *a) {
    if (r == a) {
        return BIGINT_OK;
    }
    // Not bigint_reserve: r's old digits need not be kept.
    if (r->cap < a->len) {
        digit_t *p = bigint_alloc_digits(a->len);
        if (!p) {
            return BIGINT_ENOMEM;
        }
        bigint_free(r);
        r->digits = p;
        r->cap = a->len;
    }
    if (a->len) {
        memcpy(r->digits, a->digits, a->len * sizeof(digit_t));
    }
    r->len = a->len;
    r->neg = a->neg;
    return BIGINT_OK;
}

// Stores the magnitude m (at most two digits) with the given sign in store.
static size_t split_u64(digit_t store[BIGINT_I64_DIGITS], uint64_t m) {
    store[0] = (digit_t)m;
    store[1] = (digit_t)(m >> 32);
    return store[1] ? 2 : store[0] ? 1 : 0;
}

// |v| without overflow, INT64_MIN included.
static uint64_t magnitude_i64(int64_t v) {
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

void bigint_view_i64(bigint_t *view, digit_t store[BIGINT_I64_DIGITS], int64_t v) {
    view->digits = store;
    view->len = split_u64(store, magnitude_i64(v));
    view->cap = 0;
    view->neg = v < 0;
}

static bigint_err_t set_mag_u64(bigint_t *r, uint64_t m, bool neg) {
    digit_t store[BIGINT_I64_DIGITS];
    size_t n = split_u64(store, m);
    if (r->cap < n) {
        bigint_err_t err = bigint_reserve(r, n);
        if (err) {
            return err;
        }
    }
    for (size_t i = 0; i < n; i++) {
        r->digits[i] = store[i];
    }
    r->len = n;
    r->neg = neg && n;
    return BIGINT_OK;
}

bigint_err_t bigint_set_i64(bigint_t *r, int64_t v) {
    return set_mag_u64(r, magnitude_i64(v), v < 0);
}

bigint_err_t bigint_set_u64(bigint_t *r, uint64_t v) {
    return set_mag_u64(r, v, false);
}

// The magnitude when it fits in 64 bits.
static bool get_mag_u64(const bigint_t *a, uint64_t *m) {
    if (a->len > 2) {
        return false;
    }
    *m = a->len == 0   ? 0
         : a->len == 1 ? a->digits[0]
                       : (uint64_t)a->digits[1] << 32 | a->digits[0];
    return true;
}

bigint_err_t bigint_to_i64(const bigint_t *a, int64_t *out) {
    uint64_t m;
    if (!get_mag_u64(a, &m)) {
        return BIGINT_EOVERFLOW;
    }
    if (a->neg) {
        if (m > (uint64_t)INT64_MAX + 1) {
            return BIGINT_EOVERFLOW;
        }
        // 1 <= m <= 2**63: m - 1 fits, and so does -(m - 1) - 1.
        *out = -(int64_t)(m - 1) - 1;
        return BIGINT_OK;
    }
    if (m > (uint64_t)INT64_MAX) {
        return BIGINT_EOVERFLOW;
    }
    *out = (int64_t)m;
    return BIGINT_OK;
}

bigint_err_t bigint_to_u64(const bigint_t *a, uint64_t *out) {
    if (a->neg) {
        return BIGINT_ENEGATIVE;
    }
    uint64_t m;
    if (!get_mag_u64(a, &m)) {
        return BIGINT_EOVERFLOW;
    }
    *out = m;
    return BIGINT_OK;
}

uint64_t bigint_to_u64_wrap(const bigint_t *a) {
    uint64_t m = a->len == 0 ? 0 : a->digits[0];
    if (a->len > 1) {
        m |= (uint64_t)a->digits[1] << 32;
    }
    return a->neg ? (uint64_t)0 - m : m;
}

bool bigint_is_zero(const bigint_t *a) {
    return a->len == 0;
}

int bigint_sign(const bigint_t *a) {
    return a->len == 0 ? 0 : a->neg ? -1 : 1;
}

int bigint_cmp_abs(const bigint_t *a, const bigint_t *b) {
    return mag_cmp(a->digits, a->len, b->digits, b->len);
}

int bigint_cmp(const bigint_t *a, const bigint_t *b) {
    if (a->neg != b->neg) {
        return a->neg ? -1 : 1;
    }
    int c = bigint_cmp_abs(a, b);
    return a->neg ? -c : c;
}

int bigint_cmp_i64(const bigint_t *a, int64_t v) {
    digit_t store[BIGINT_I64_DIGITS];
    bigint_t b;
    bigint_view_i64(&b, store, v);
    return bigint_cmp(a, &b);
}

bigint_err_t bigint_neg(bigint_t *r, const bigint_t *a) {
    bigint_err_t err = bigint_copy(r, a);
    if (!err) {
        r->neg = r->len && !r->neg;
    }
    return err;
}

bigint_err_t bigint_abs(bigint_t *r, const bigint_t *a) {
    bigint_err_t err = bigint_copy(r, a);
    if (!err) {
        r->neg = false;
    }
    return err;
}
