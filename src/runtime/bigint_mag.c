// Primitives on magnitudes: digit arrays, least significant digit first.
// All arithmetic is unsigned; a double digit (64 bits) holds any
// digit * digit + digit + digit without overflow.
#include "runtime/bigint_internal.h"

size_t mag_trim(const digit_t *a, size_t n) {
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

int mag_cmp(const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    if (an != bn) {
        return an < bn ? -1 : 1;
    }
    while (an-- > 0) {
        if (a[an] != b[an]) {
            return a[an] < b[an] ? -1 : 1;
        }
    }
    return 0;
}

digit_t mag_add(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    ddigit_t carry = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        carry += (ddigit_t)a[i] + b[i];
        r[i] = (digit_t)carry;
        carry >>= 32;
    }
    for (; i < an; i++) {
        carry += a[i];
        r[i] = (digit_t)carry;
        carry >>= 32;
    }
    return (digit_t)carry;
}

digit_t mag_sub(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    digit_t borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        ddigit_t d = (ddigit_t)a[i] - b[i] - borrow;
        r[i] = (digit_t)d;
        borrow = (digit_t)(d >> 63); // the subtraction wrapped around
    }
    for (; i < an; i++) {
        ddigit_t d = (ddigit_t)a[i] - borrow;
        r[i] = (digit_t)d;
        borrow = (digit_t)(d >> 63);
    }
    return borrow;
}

digit_t mag_add_1(digit_t *r, const digit_t *a, size_t n, digit_t x) {
    ddigit_t carry = x;
    for (size_t i = 0; i < n; i++) {
        carry += a[i];
        r[i] = (digit_t)carry;
        carry >>= 32;
    }
    return (digit_t)carry;
}

digit_t mag_sub_1(digit_t *r, const digit_t *a, size_t n, digit_t x) {
    digit_t borrow = x;
    for (size_t i = 0; i < n; i++) {
        ddigit_t d = (ddigit_t)a[i] - borrow;
        r[i] = (digit_t)d;
        borrow = (digit_t)(d >> 63);
    }
    return borrow;
}

digit_t mag_mul_1(digit_t *r, const digit_t *a, size_t n, digit_t m, digit_t c) {
    ddigit_t carry = c;
    for (size_t i = 0; i < n; i++) {
        carry += (ddigit_t)a[i] * m;
        r[i] = (digit_t)carry;
        carry >>= 32;
    }
    return (digit_t)carry;
}

digit_t mag_addmul_1(digit_t *r, const digit_t *a, size_t n, digit_t m) {
    ddigit_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        carry += (ddigit_t)a[i] * m + r[i];
        r[i] = (digit_t)carry;
        carry >>= 32;
    }
    return (digit_t)carry;
}

digit_t mag_submul_1(digit_t *r, const digit_t *a, size_t n, digit_t m) {
    // carry: what is still to be subtracted from the next digit up. It stays
    // below 2**32: a[i] * m + carry <= 2**64 - 2**32, so the high half is at
    // most 2**32 - 1, and when it is that large the low half is 0, so no
    // borrow adds to it.
    ddigit_t carry = 0;
    for (size_t i = 0; i < n; i++) {
        ddigit_t p = (ddigit_t)a[i] * m + carry;
        digit_t lo = (digit_t)p;
        carry = (p >> 32) + (r[i] < lo);
        r[i] -= lo;
    }
    return (digit_t)carry;
}

digit_t mag_div_1(digit_t *q, const digit_t *a, size_t n, digit_t d) {
    ddigit_t rem = 0;
    while (n-- > 0) {
        ddigit_t cur = rem << 32 | a[n];
        q[n] = (digit_t)(cur / d);
        rem = cur % d;
    }
    return (digit_t)rem;
}

digit_t mag_shl_bits(digit_t *r, const digit_t *a, size_t n, unsigned bits) {
    if (bits == 0) {
        for (size_t i = n; i-- > 0;) {
            r[i] = a[i];
        }
        return 0;
    }
    digit_t out = 0;
    for (size_t i = n; i-- > 0;) {
        digit_t d = a[i];
        if (i + 1 == n) {
            out = d >> (32 - bits);
        }
        r[i] = (digit_t)(d << bits) | (i > 0 ? a[i - 1] >> (32 - bits) : 0);
    }
    return out;
}

digit_t mag_shr_bits(digit_t *r, const digit_t *a, size_t n, unsigned bits) {
    if (bits == 0) {
        for (size_t i = 0; i < n; i++) {
            r[i] = a[i];
        }
        return 0;
    }
    digit_t out = n ? (digit_t)(a[0] << (32 - bits)) : 0;
    for (size_t i = 0; i < n; i++) {
        r[i] = a[i] >> bits | (i + 1 < n ? (digit_t)(a[i + 1] << (32 - bits)) : 0);
    }
    return out;
}

static unsigned digit_bit_length(digit_t d) {
    unsigned n = 0;
    while (d) {
        d >>= 1;
        n++;
    }
    return n;
}

size_t mag_bit_length(const digit_t *a, size_t n) {
    n = mag_trim(a, n);
    return n == 0 ? 0 : (n - 1) * 32 + digit_bit_length(a[n - 1]);
}

uint64_t mag_get_bits(const digit_t *a, size_t n, size_t pos, unsigned count) {
    uint64_t v = 0;
    // Up to three digits cover 64 bits at any alignment.
    size_t i = pos / 32;
    unsigned shift = pos % 32;
    for (unsigned k = 0; k < 3 && i + k < n; k++) {
        uint64_t d = a[i + k];
        if (k == 0) {
            v = d >> shift;
        } else {
            unsigned at = 32 * k - shift; // where this digit lands in v
            if (at < 64) {
                v |= d << at;
            }
        }
    }
    return count < 64 ? v & (((uint64_t)1 << count) - 1) : v;
}

bool mag_any_bits_below(const digit_t *a, size_t n, size_t pos) {
    size_t whole = pos / 32;
    for (size_t i = 0; i < whole && i < n; i++) {
        if (a[i]) {
            return true;
        }
    }
    unsigned rest = pos % 32;
    return rest && whole < n && (a[whole] & (((digit_t)1 << rest) - 1));
}
