// Multiplication of magnitudes: schoolbook for small operands, Karatsuba
// above KARATSUBA_THRESHOLD digits.
#include "runtime/bigint_internal.h"

#include <string.h>

// Operand size (digits) from which Karatsuba beats the schoolbook method;
// measured on x64, the optimum is flat between 24 and 48.
#define KARATSUBA_THRESHOLD 32

// Swaps the operands so that a is the longer one.
static void order_longer_first(const digit_t **a, size_t *an, const digit_t **b, size_t *bn) {
    if (*an < *bn) {
        const digit_t *t = *a;
        *a = *b;
        *b = t;
        size_t tn = *an;
        *an = *bn;
        *bn = tn;
    }
}

void mag_mul_basecase(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    // Fewer, longer inner loops are faster.
    order_longer_first(&a, &an, &b, &bn);
    memset(r, 0, (an + bn) * sizeof(digit_t));
    for (size_t i = 0; i < bn; i++) {
        r[i + an] = mag_addmul_1(r + i, a, an, b[i]);
    }
}

// Scratch digits that karatsuba() needs for n-digit operands: each level
// keeps 4 * (h + 1) digits while it recurses on h + 1 digits.
static size_t karatsuba_scratch(size_t n) {
    size_t total = 0;
    while (n >= KARATSUBA_THRESHOLD) {
        size_t h = n - n / 2;
        total += 4 * (h + 1);
        n = h + 1;
    }
    return total;
}

// r[0..2n) = a[0..n) * b[0..n), with scratch from karatsuba_scratch(n).
// With a = a1 * B**m + a0 and b = b1 * B**m + b0:
//   a * b = z2 * B**2m + (z1 - z2 - z0) * B**m + z0
// where z0 = a0 * b0, z2 = a1 * b1, z1 = (a0 + a1) * (b0 + b1).
static void karatsuba(digit_t *r, const digit_t *a, const digit_t *b, size_t n, digit_t *scratch) {
    if (n < KARATSUBA_THRESHOLD) {
        mag_mul_basecase(r, a, n, b, n);
        return;
    }
    size_t m = n / 2; // low half
    size_t h = n - m; // high half, h == m or m + 1
    // z0 in r[0..2m), z2 in r[2m..2n): the two fill r exactly.
    karatsuba(r, a, b, m, scratch);
    karatsuba(r + 2 * m, a + m, b + m, h, scratch);

    digit_t *sa = scratch;             // a0 + a1, h + 1 digits
    digit_t *sb = scratch + (h + 1);   // b0 + b1, h + 1 digits
    digit_t *z1 = scratch + 2 * (h + 1); // 2 * (h + 1) digits
    sa[h] = mag_add(sa, a + m, h, a, m);
    sb[h] = mag_add(sb, b + m, h, b, m);
    karatsuba(z1, sa, sb, h + 1, scratch + 4 * (h + 1));
    size_t zn = 2 * (h + 1);
    mag_sub(z1, z1, zn, r, 2 * m);
    mag_sub(z1, z1, zn, r + 2 * m, 2 * h);
    // z1 is now a0 * b1 + a1 * b0 < 2 * B**n: it fits in n + 1 digits, and
    // r + m has 2n - m >= n + 1 of them.
    zn = mag_trim(z1, zn);
    mag_add(r + m, r + m, 2 * n - m, z1, zn);
}

bigint_err_t mag_mul(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    order_longer_first(&a, &an, &b, &bn);
    if (bn < KARATSUBA_THRESHOLD) {
        mag_mul_basecase(r, a, an, b, bn);
        return BIGINT_OK;
    }
    size_t ks = karatsuba_scratch(bn);
    if (an == bn) {
        digit_t *scratch = bigint_alloc_digits(ks);
        if (!scratch) {
            return BIGINT_ENOMEM;
        }
        karatsuba(r, a, b, bn, scratch);
        bigint_free_digits(scratch);
        return BIGINT_OK;
    }
    // Unbalanced: a in slices of bn digits, each multiplied by b and added
    // in at its place. The last, shorter slice recurses (with b sliced).
    digit_t *prod = bigint_alloc_digits(2 * bn + ks);
    if (!prod) {
        return BIGINT_ENOMEM;
    }
    digit_t *scratch = prod + 2 * bn;
    memset(r, 0, (an + bn) * sizeof(digit_t));
    bigint_err_t err = BIGINT_OK;
    for (size_t off = 0; off < an; off += bn) {
        size_t len = an - off < bn ? an - off : bn;
        if (len == bn) {
            karatsuba(prod, a + off, b, bn, scratch);
        } else if ((err = mag_mul(prod, a + off, len, b, bn)) != BIGINT_OK) {
            break;
        }
        // The product has len + bn digits; it fits below r's end.
        mag_add(r + off, r + off, an + bn - off, prod, len + bn);
    }
    bigint_free_digits(prod);
    return err;
}
