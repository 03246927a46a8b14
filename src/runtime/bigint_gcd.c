// Euclid's algorithm: greatest common divisor and modular inverse.
#include "runtime/bigint_internal.h"

bigint_err_t bigint_gcd(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    bigint_t x, y;
    bigint_init(&x);
    bigint_init(&y);
    bigint_err_t err = bigint_abs(&x, a);
    if (!err) {
        err = bigint_abs(&y, b);
    }
    // (x, y) = (y, x mod y) until y is 0.
    while (!err && y.len) {
        err = bigint_mod(&x, &x, &y);
        bigint_swap(&x, &y);
    }
    if (!err) {
        bigint_move(r, &x);
    }
    bigint_free(&x);
    bigint_free(&y);
    return err;
}

bigint_err_t bigint_mod_inverse(bigint_t *r, const bigint_t *a, const bigint_t *m) {
    // Extended Euclid on (m, a mod m), keeping for each remainder its
    // coefficient t with remainder == t * a (mod m).
    bigint_t r0, r1, t0, t1, q, tmp;
    bigint_init(&r0);
    bigint_init(&r1);
    bigint_init(&t0);
    bigint_init(&t1);
    bigint_init(&q);
    bigint_init(&tmp);
    bigint_err_t err = bigint_copy(&r0, m);
    if (!err) {
        err = bigint_mod(&r1, a, m);
    }
    if (!err) {
        err = bigint_set_i64(&t1, 1);
    }
    while (!err && r1.len) {
        // (r0, r1) = (r1, r0 - q * r1); (t0, t1) = (t1, t0 - q * t1)
        err = bigint_divmod(&q, &tmp, &r0, &r1);
        if (!err) {
            bigint_swap(&r0, &r1);
            bigint_swap(&r1, &tmp);
            err = bigint_mul(&tmp, &q, &t1);
        }
        if (!err) {
            err = bigint_sub(&tmp, &t0, &tmp);
        }
        if (!err) {
            bigint_swap(&t0, &t1);
            bigint_swap(&t1, &tmp);
        }
    }
    if (!err && bigint_cmp_i64(&r0, 1) != 0) {
        err = BIGINT_EVALUE; // "base is not invertible for the given modulus"
    }
    if (!err) {
        err = bigint_mod(&t0, &t0, m);
    }
    if (!err) {
        bigint_move(r, &t0);
    }
    bigint_free(&r0);
    bigint_free(&r1);
    bigint_free(&t0);
    bigint_free(&t1);
    bigint_free(&q);
    bigint_free(&tmp);
    return err;
}
