// Shifts, bitwise operations and bit counts. Negative numbers behave as
// Python's: an infinite two's complement, -x == ~(x - 1).
#include "runtime/bigint_internal.h"

#include <string.h>

size_t bigint_bit_length(const bigint_t *a) {
    return mag_bit_length(a->digits, a->len);
}

size_t bigint_bit_count(const bigint_t *a) {
    size_t n = 0;
    for (size_t i = 0; i < a->len; i++) {
        for (digit_t d = a->digits[i]; d; d &= d - 1) {
            n++;
        }
    }
    return n;
}

bigint_err_t bigint_shl(bigint_t *r, const bigint_t *a, size_t n) {
    if (a->len == 0) {
        bigint_free(r);
        return BIGINT_OK;
    }
    size_t whole = n / 32;
    if (whole > BIGINT_MAX_DIGITS - a->len - 1) {
        return BIGINT_ENOMEM;
    }
    bigint_t t;
    size_t len = a->len + whole + 1;
    bigint_err_t err = bigint_new_with(&t, len);
    if (err) {
        return err;
    }
    memset(t.digits, 0, whole * sizeof(digit_t));
    t.digits[len - 1] = mag_shl_bits(t.digits + whole, a->digits, a->len, n % 32);
    t.len = len;
    t.neg = a->neg;
    bigint_normalize(&t);
    bigint_move(r, &t);
    return BIGINT_OK;
}

bigint_err_t bigint_shr(bigint_t *r, const bigint_t *a, size_t n) {
    size_t whole = n / 32;
    if (whole >= a->len) {
        // Every bit shifted out: 0, or -1 for negatives (floor of -x / 2**n).
        return bigint_set_i64(r, a->neg ? -1 : 0);
    }
    bigint_t t;
    size_t len = a->len - whole;
    bigint_err_t err = bigint_new_with(&t, len + 1);
    if (err) {
        return err;
    }
    bool lost = mag_shr_bits(t.digits, a->digits + whole, len, n % 32) != 0 ||
                mag_any_bits_below(a->digits, a->len, whole * 32);
    t.len = len;
    t.neg = a->neg;
    if (a->neg && lost) {
        // Floor for negatives: -(|a| >> n) - 1 when bits were lost.
        t.digits[len] = mag_add_1(t.digits, t.digits, len, 1);
        t.len = len + 1;
    }
    bigint_normalize(&t);
    bigint_move(r, &t);
    return BIGINT_OK;
}

bigint_err_t bigint_invert(bigint_t *r, const bigint_t *a) {
    // ~a == -(a + 1): for a >= 0 the magnitude grows by one, for a < 0 it
    // shrinks by one and the sign flips.
    bool neg = !a->neg;
    size_t n = a->len;
    bigint_err_t err = bigint_reserve(r, n + 1);
    if (err) {
        return err;
    }
    if (neg) {
        r->digits[n] = mag_add_1(r->digits, a->digits, n, 1);
        r->len = n + 1;
    } else {
        mag_sub_1(r->digits, a->digits, n, 1);
        r->len = n;
    }
    r->neg = neg;
    bigint_normalize(r);
    return BIGINT_OK;
}

typedef enum { OP_AND, OP_OR, OP_XOR } bitop_t;

// Digit i of x's two's complement. For a negative x, -|x| == ~|x| + 1, so
// the digits are those of ~|x| plus a carry that runs until the first
// nonzero digit of |x|; *carry holds it between calls (start it at 1).
static digit_t twos_digit(const bigint_t *x, size_t i, digit_t *carry) {
    digit_t d = i < x->len ? x->digits[i] : 0;
    if (!x->neg) {
        return d;
    }
    ddigit_t t = (ddigit_t)(digit_t)~d + *carry;
    *carry = (digit_t)(t >> 32);
    return (digit_t)t;
}

static bigint_err_t bitwise(bigint_t *r, const bigint_t *a, const bigint_t *b, bitop_t op) {
    bool an = a->neg, bn = b->neg;
    bool neg = op == OP_AND ? an && bn : op == OP_OR ? an || bn : an != bn;
    // One digit beyond both operands holds the sign extension, so a negative
    // result's magnitude (up to 2**(32 * n)) fits.
    size_t n = (a->len > b->len ? a->len : b->len) + 1;
    bigint_err_t err = bigint_reserve(r, n);
    if (err) {
        return err;
    }
    // Digits are read before the same index of r is written: in place is fine.
    digit_t ca = 1, cb = 1, cr = 1;
    for (size_t i = 0; i < n; i++) {
        digit_t x = twos_digit(a, i, &ca), y = twos_digit(b, i, &cb);
        digit_t z = op == OP_AND ? x & y : op == OP_OR ? x | y : x ^ y;
        if (neg) {
            // Back from two's complement: |z| == ~z + 1.
            ddigit_t t = (ddigit_t)(digit_t)~z + cr;
            cr = (digit_t)(t >> 32);
            z = (digit_t)t;
        }
        r->digits[i] = z;
    }
    r->len = n;
    r->neg = neg;
    bigint_normalize(r);
    return BIGINT_OK;
}

bigint_err_t bigint_and(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    return bitwise(r, a, b, OP_AND);
}

bigint_err_t bigint_or(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    return bitwise(r, a, b, OP_OR);
}

bigint_err_t bigint_xor(bigint_t *r, const bigint_t *a, const bigint_t *b) {
    return bitwise(r, a, b, OP_XOR);
}
