// Signed addition, subtraction and multiplication.
#include "runtime/bigint_internal.h"

// r = a + (b_neg ? -|b| : |b|). Works in place: r's digits are written at
// the index they are read from, so r may be a or b.
static bigint_err_t add_signed(bigint_t *r, const bigint_t *a, const bigint_t *b, bool b_neg) {
    const bigint_t *big = a, *small = b;
    bool big_neg = a->neg, small_neg = b_neg;
    if (a->len < b->len) {
        big = b;
        small = a;
        big_neg = b_neg;
        small_neg = a->neg;
    }
    size_t bn = big->len, sn = small->len;
    bigint_err_t err = bigint_reserve(r, bn + 1);
    if (err) {
        return err;
    }
    // (r may be big or small: their digits pointers are read after the
    // reserve, which may have moved r's array.)
    if (big_neg == small_neg) {
        r->digits[bn] = mag_add(r->digits, big->digits, bn, small->digits, sn);
        r->len = bn + 1;
        r->neg = big_neg;
    } else if (mag_cmp(big->digits, bn, small->digits, sn) >= 0) {
        mag_sub(r->digits, big->digits, bn, small->digits, sn);
        r->len = bn;
        r->neg = big_neg;
    } else {
        // Same length, |small| > |big|.
        mag_sub(r->digits, small->digits, sn, big->digits, bn);
        r->len = sn;
        r->neg = small_neg;
    }
    bigint_normalize(r);
    return BIGINT_OK;
}

bigint_err_t bigint_add(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    return add_signed(r, a, b, b->neg);
}

bigint_err_t bigint_sub(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    return add_signed(r, a, b, b->len && !b->neg);
}

bigint_err_t bigint_mul(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    if (a->len == 0 || b->len == 0) {
        bigint_free(r);
        return BIGINT_OK;
    }
    bigint_t t;
    bigint_err_t err = bigint_new_with(&t, a->len + b->len);
    if (!err) {
        err = mag_mul(t.digits, a->digits, a->len, b->digits, b->len);
    }
    if (err) {
        bigint_free(&t);
        return err;
    }
    t.len = a->len + b->len;
    t.neg = a->neg != b->neg;
    bigint_normalize(&t);
    bigint_move(r, &t);
    return BIGINT_OK;
}
