// Conversions between bigint_t and IEEE 754 binary64 doubles, and true
// division. Doubles are taken apart and put together bit by bit, so results
// do not depend on the FPU's rounding (x87 included) or on libm.
#include "runtime/bigint_internal.h"

#include <string.h>

_Static_assert(sizeof(double) == sizeof(uint64_t), "binary64 doubles expected");

#define MANT_BITS 52 // stored mantissa bits; 53 with the implicit one
#define EXP_BIAS 1023
#define EXP_SPECIAL 0x7ff // infinities and NaNs
#define MIN_EXP2 (-1074)  // weight of the lowest bit of the smallest subnormal

static uint64_t double_bits(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static double bits_double(uint64_t u) {
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

bigint_err_t bigint_set_double(bigint_t *r, double d) {
    uint64_t u = double_bits(d);
    bool neg = u >> 63;
    unsigned exp = (unsigned)(u >> MANT_BITS) & EXP_SPECIAL;
    uint64_t mant = u & (((uint64_t)1 << MANT_BITS) - 1);
    if (exp == EXP_SPECIAL) {
        return mant ? BIGINT_EVALUE : BIGINT_EOVERFLOW; // NaN, infinity
    }
    if (exp < EXP_BIAS) {
        // |d| < 1 (subnormals and zeros included) truncates to 0.
        return bigint_set_i64(r, 0);
    }
    // |d| == mant * 2**shift with the implicit bit restored.
    mant |= (uint64_t)1 << MANT_BITS;
    int shift = (int)exp - EXP_BIAS - MANT_BITS;
    bigint_t t;
    bigint_init(&t);
    bigint_err_t err = bigint_set_u64(&t, shift >= 0 ? mant : mant >> -shift);
    if (!err && shift > 0) {
        err = bigint_shl(&t, &t, (size_t)shift);
    }
    if (!err) {
        t.neg = neg && t.len;
        bigint_move(r, &t);
    }
    bigint_free(&t);
    return err;
}

bigint_err_t mag_round_to_double(const digit_t *a, size_t n, bool sticky, int64_t exp2, bool neg,
                                 double *out) {
    int64_t nbits = (int64_t)mag_bit_length(a, n);
    // The value lies in [2**(top - 1), 2**top).
    int64_t top = nbits + exp2;
    if (top > EXP_BIAS + 1) {
        return BIGINT_EOVERFLOW;
    }
    // Weight of the last bit kept: 53 significant bits for normal numbers,
    // fewer for subnormals, whose last bit weighs 2**MIN_EXP2.
    int64_t low = top - (MANT_BITS + 1);
    if (low < MIN_EXP2) {
        low = MIN_EXP2;
    }
    int64_t drop = low - exp2; // bits of a below the last bit kept
    uint64_t mant;
    if (drop <= 0) {
        // Exact (a has at most 53 bits here; sticky is then never set).
        mant = mag_get_bits(a, n, 0, 64) << -drop;
    } else {
        size_t d = (size_t)drop;
        mant = mag_get_bits(a, n, d, MANT_BITS + 1);
        bool half = mag_get_bits(a, n, d - 1, 1) != 0;
        bool rest = sticky || mag_any_bits_below(a, n, d - 1);
        // To nearest; a tie goes to the even neighbour.
        if (half && (rest || (mant & 1))) {
            mant++;
        }
    }
    if (mant >> (MANT_BITS + 1)) {
        // Rounding carried into a 54th bit.
        mant >>= 1;
        low++;
    }
    uint64_t bits;
    if (mant >> MANT_BITS) {
        // Normal: mant * 2**low == 1.f * 2**(low + 52).
        int64_t exp = low + MANT_BITS + EXP_BIAS;
        if (exp >= EXP_SPECIAL) {
            return BIGINT_EOVERFLOW;
        }
        bits = (uint64_t)exp << MANT_BITS | (mant & (((uint64_t)1 << MANT_BITS) - 1));
    } else {
        // Subnormal (or zero): low is MIN_EXP2, the exponent field 0.
        bits = mant;
    }
    *out = bits_double(bits | (uint64_t)neg << 63);
    return BIGINT_OK;
}

bigint_err_t bigint_to_double(const bigint_t *a, double *out) {
    if (a->len == 0) {
        *out = 0.0;
        return BIGINT_OK;
    }
    return mag_round_to_double(a->digits, a->len, false, 0, a->neg, out);
}

bigint_err_t bigint_cmp_double(const bigint_t *a, double d, int *out) {
    uint64_t u = double_bits(d);
    bool neg = u >> 63;
    unsigned exp = (unsigned)(u >> MANT_BITS) & EXP_SPECIAL;
    uint64_t mant = u & (((uint64_t)1 << MANT_BITS) - 1);
    if (exp == EXP_SPECIAL) {
        if (mant) {
            return BIGINT_EVALUE;
        }
        *out = neg ? 1 : -1; // every int lies between -inf and inf
        return BIGINT_OK;
    }
    // d's integer part as a bigint over local digits (at most 1024 bits),
    // and whether a fraction is left over.
    digit_t store[(EXP_BIAS + 1) / 32 + 2] = {0};
    bigint_t whole = {.digits = store, .len = 0, .cap = 0, .neg = false};
    bool fraction;
    if (exp < EXP_BIAS) {
        fraction = exp != 0 || mant != 0; // 0 < |d| < 1
    } else {
        mant |= (uint64_t)1 << MANT_BITS;
        int shift = (int)exp - EXP_BIAS - MANT_BITS;
        if (shift < 0) {
            fraction = (mant & (((uint64_t)1 << -shift) - 1)) != 0;
            mant >>= -shift;
            shift = 0;
        } else {
            fraction = false;
        }
        size_t at = (size_t)shift / 32;
        store[at] = (digit_t)mant;
        store[at + 1] = (digit_t)(mant >> 32);
        store[at + 2] = mag_shl_bits(store + at, store + at, 2, (unsigned)shift % 32);
        whole.len = mag_trim(store, at + 3);
        whole.neg = neg && whole.len;
    }
    int c = bigint_cmp(a, &whole);
    if (c == 0 && fraction) {
        // a equals d's integer part, so it lies on the zero side of d.
        c = neg ? 1 : -1;
    }
    *out = c;
    return BIGINT_OK;
}

bigint_err_t bigint_truediv(const bigint_t *a, const bigint_t *b, double *out) {
    if (b->len == 0) {
        return BIGINT_EZERODIV;
    }
    bool neg = a->neg != b->neg;
    int64_t na = (int64_t)bigint_bit_length(a), nb = (int64_t)bigint_bit_length(b);
    // |a / b| lies in (2**(na - nb - 1), 2**(na - nb + 1)).
    if (a->len == 0 || na - nb + 1 < MIN_EXP2 - 1) {
        // Below half the smallest subnormal: rounds to a zero of the sign.
        *out = bits_double((uint64_t)neg << 63);
        return BIGINT_OK;
    }
    if (na - nb - 1 >= EXP_BIAS + 1) {
        return BIGINT_EOVERFLOW;
    }
    // q = (|a| << shift) / |b| with at least 55 bits, so that the remainder
    // only needs to be known as nonzero (the sticky bit) to round q.
    int64_t shift = nb - na + 55;
    if (shift < 0) {
        shift = 0;
    }
    bigint_t num, q, m;
    bigint_init(&num);
    bigint_init(&q);
    bigint_init(&m);
    bigint_err_t err = bigint_shl(&num, a, (size_t)shift);
    num.neg = false;
    if (!err) {
        bigint_t den = *b; // a view of |b|
        den.cap = 0;
        den.neg = false;
        err = bigint_divmod(&q, &m, &num, &den);
    }
    if (!err) {
        err = mag_round_to_double(q.digits, q.len, m.len != 0, -shift, neg, out);
    }
    bigint_free(&num);
    bigint_free(&q);
    bigint_free(&m);
    return err;
}
