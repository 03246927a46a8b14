// Powers: a ** e and pow(a, e, m), by binary exponentiation from the top
// bit of the exponent down.
#include "runtime/bigint_internal.h"

// Bit i of a magnitude.
static bool bit_at(const bigint_t *a, size_t i) {
    return i / 32 < a->len && (a->digits[i / 32] >> (i % 32) & 1);
}

bigint_err_t bigint_pow(bigint_t *r, const bigint_t *a, const bigint_t *e) {
    if (e->neg) {
        return BIGINT_EVALUE;
    }
    if (e->len == 0) {
        return bigint_set_i64(r, 1); // 0 ** 0 == 1 too
    }
    bool odd = e->digits[0] & 1;
    size_t abits = bigint_bit_length(a);
    if (abits <= 1) {
        // 0, 1 and -1 stay small for any exponent.
        return bigint_set_i64(r, a->len == 0 ? 0 : a->neg && odd ? -1 : 1);
    }
    // The result has more than (abits - 1) * e bits: refuse what memory
    // could not hold before spending time on it.
    uint64_t ev;
    if (bigint_to_u64(e, &ev) != BIGINT_OK ||
        ev > (uint64_t)BIGINT_MAX_DIGITS * 32 / (abits - 1)) {
        return BIGINT_ENOMEM;
    }
    bigint_t base;
    bigint_init(&base);
    bigint_err_t err;
    if (bigint_bit_count(a) == 1) {
        // +-2**k: a shift, (2**k)**e == 2**(k * e).
        err = bigint_set_i64(&base, 1);
        if (!err) {
            err = bigint_shl(&base, &base, (size_t)((abits - 1) * ev));
        }
        base.neg = a->neg && odd;
    } else {
        bigint_t acc;
        bigint_init(&acc);
        err = bigint_copy(&acc, a);
        for (size_t i = bigint_bit_length(e) - 1; i-- > 0 && !err;) {
            err = bigint_mul(&acc, &acc, &acc);
            if (!err && bit_at(e, i)) {
                err = bigint_mul(&acc, &acc, a);
            }
        }
        bigint_swap(&base, &acc);
        bigint_free(&acc);
    }
    if (!err) {
        bigint_move(r, &base);
    }
    bigint_free(&base);
    return err;
}

bigint_err_t bigint_pow_mod(bigint_t *r, const bigint_t *a, const bigint_t *e,
                            const bigint_t *m) {
    if (m->len == 0) {
        return BIGINT_EVALUE; // "pow() 3rd argument cannot be 0"
    }
    bigint_t mod = *m; // a view of |m|
    mod.cap = 0;
    mod.neg = false;
    bigint_t base, exp, acc;
    bigint_init(&base);
    bigint_init(&exp);
    bigint_init(&acc);
    bigint_err_t err = BIGINT_OK;
    if (mod.len == 1 && mod.digits[0] == 1) {
        // Everything is 0 modulo 1, even what has no inverse (as in CPython).
        goto done;
    }
    if (e->neg) {
        // a ** -e == (a**-1) ** e
        if ((err = bigint_mod_inverse(&base, a, &mod)) != BIGINT_OK ||
            (err = bigint_neg(&exp, e)) != BIGINT_OK) {
            goto done;
        }
    } else if ((err = bigint_mod(&base, a, &mod)) != BIGINT_OK ||
               (err = bigint_copy(&exp, e)) != BIGINT_OK) {
        goto done;
    }
    if ((err = bigint_set_i64(&acc, 1)) != BIGINT_OK) {
        goto done;
    }
    for (size_t i = bigint_bit_length(&exp); i-- > 0 && !err;) {
        err = bigint_mul(&acc, &acc, &acc);
        if (!err) {
            err = bigint_mod(&acc, &acc, &mod);
        }
        if (!err && bit_at(&exp, i)) {
            err = bigint_mul(&acc, &acc, &base);
            if (!err) {
                err = bigint_mod(&acc, &acc, &mod);
            }
        }
    }
    // Python's result has the sign of m: acc - |m| for a negative m.
    if (!err && m->neg && acc.len) {
        err = bigint_sub(&acc, &acc, &mod);
    }
done:
    if (!err) {
        bigint_move(r, &acc);
    }
    bigint_free(&base);
    bigint_free(&exp);
    bigint_free(&acc);
    return err;
}
