// Division: magnitudes by Knuth's algorithm D (The Art of Computer
// Programming, vol. 2, 4.3.1), then Python's floor rounding for signs.
#include "runtime/bigint_internal.h"

#include <string.h>

static unsigned leading_zeros(digit_t d) {
    unsigned n = 0;
    while (!(d & 0x80000000u)) {
        d <<= 1;
        n++;
    }
    return n;
}

// Algorithm D on normalised operands: v[n-1] has its top bit set, n >= 2,
// u has m + n + 1 digits (its top digit may be 0). Writes the quotient to
// q[0..m] and leaves the remainder in u[0..n).
static void divide_normalised(digit_t *q, digit_t *u, size_t m, const digit_t *v, size_t n) {
    const ddigit_t base = (ddigit_t)1 << 32;
    const digit_t vtop = v[n - 1], vnext = v[n - 2];
    for (size_t j = m + 1; j-- > 0;) {
        // Estimate the quotient digit from the top two digits of the current
        // remainder over the top digit of v, then correct it with the next
        // digit of each: the estimate is then exact or one too large.
        ddigit_t top = (ddigit_t)u[j + n] << 32 | u[j + n - 1];
        ddigit_t qhat = top / vtop;
        ddigit_t rhat = top % vtop;
        // qhat < base is tested first, so qhat * vnext cannot overflow;
        // rhat < base likewise keeps rhat << 32 in range.
        while (qhat >= base || qhat * vnext > (rhat << 32 | u[j + n - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >= base) {
                break;
            }
        }
        // u[j..j+n] -= qhat * v; when that goes negative, qhat was one too
        // large: add v back once.
        digit_t borrow = mag_submul_1(u + j, v, n, (digit_t)qhat);
        digit_t old_top = u[j + n];
        u[j + n] = old_top - borrow;
        if (old_top < borrow) {
            qhat--;
            u[j + n] += mag_add(u + j, u + j, n, v, n);
        }
        q[j] = (digit_t)qhat;
    }
}

bigint_err_t mag_divmod(digit_t *q, digit_t *m, const digit_t *a, size_t an, const digit_t *b,
                        size_t bn) {
    if (bn == 1) {
        digit_t rem = mag_div_1(q, a, an, b[0]);
        if (m) {
            m[0] = rem;
        }
        return BIGINT_OK;
    }
    // Shift both so that the divisor's top bit is set; the quotient is the
    // same and the remainder comes out shifted.
    digit_t *u = bigint_alloc_digits(an + 1 + bn);
    if (!u) {
        return BIGINT_ENOMEM;
    }
    digit_t *v = u + an + 1;
    unsigned shift = leading_zeros(b[bn - 1]);
    mag_shl_bits(v, b, bn, shift);
    u[an] = mag_shl_bits(u, a, an, shift);
    divide_normalised(q, u, an - bn, v, bn);
    if (m) {
        mag_shr_bits(m, u, bn, shift);
    }
    bigint_free_digits(u);
    return BIGINT_OK;
}

bigint_err_t bigint_divmod(bigint_t *q, bigint_t *m, const bigint_t *a, const bigint_t *b) {
    if (b->len == 0) {
        return BIGINT_EZERODIV;
    }
    // Results go to temporaries first: q and m may be a or b.
    bigint_t tq, tm;
    bigint_init(&tq);
    bigint_init(&tm);
    bigint_err_t err = BIGINT_OK;
    if (mag_cmp(a->digits, a->len, b->digits, b->len) < 0) {
        // |a| < |b|: quotient 0, remainder a.
        err = bigint_copy(&tm, a);
    } else {
        size_t qn = a->len - b->len + 1;
        if ((err = bigint_reserve(&tq, qn + 1)) == BIGINT_OK &&
            (err = bigint_reserve(&tm, b->len)) == BIGINT_OK) {
            err = mag_divmod(tq.digits, tm.digits, a->digits, a->len, b->digits, b->len);
        }
        if (!err) {
            tq.len = qn;
            tm.len = b->len;
            tq.neg = a->neg != b->neg;
            tm.neg = a->neg; // truncated: the remainder has a's sign
            bigint_normalize(&tq);
            bigint_normalize(&tm);
        }
    }
    // Truncated to floored: when the signs differ and the division is not
    // exact, q goes one further from zero and m becomes b - m's magnitude.
    if (!err && a->neg != b->neg && tm.len) {
        if ((err = bigint_reserve(&tq, tq.len + 1)) == BIGINT_OK) {
            tq.digits[tq.len] = mag_add_1(tq.digits, tq.digits, tq.len, 1);
            tq.len++;
            tq.neg = true;
            bigint_normalize(&tq);
            // m = b - m (same sign as b, smaller magnitude).
            if ((err = bigint_reserve(&tm, b->len)) == BIGINT_OK) {
                mag_sub(tm.digits, b->digits, b->len, tm.digits, tm.len);
                tm.len = b->len;
                tm.neg = b->neg;
                bigint_normalize(&tm);
            }
        }
    }
    if (!err) {
        if (q) {
            bigint_move(q, &tq);
        }
        if (m) {
            bigint_move(m, &tm);
        }
    }
    bigint_free(&tq);
    bigint_free(&tm);
    return err;
}

bigint_err_t bigint_floordiv(bigint_t *q, const bigint_t *a, const bigint_t *b) {
    return bigint_divmod(q, NULL, a, b);
}

bigint_err_t bigint_mod(bigint_t *m, const bigint_t *a, const bigint_t *b) {
    return bigint_divmod(NULL, m, a, b);
}
