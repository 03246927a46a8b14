// CPython's numeric hash (64-bit builds). A number x hashes to
// |x| mod P with x's sign, P = 2**61 - 1 (a Mersenne prime), and -1 becomes
// -2 (CPython reserves -1 for errors). Because 2**61 == 1 (mod P),
// multiplying by 2**k mod P is a rotation of 61 bits by k mod 61, which
// gives floats (m * 2**e) the same hash as the int they are equal to.
#include "runtime/bigint_internal.h"

#include <string.h>

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

// x * 2**k mod P for x < P, 0 <= k < 61.
static uint64_t rotate(uint64_t x, unsigned k) {
    if (k == 0) {
        return x;
    }
    return ((x << k) & HASH_MODULUS) | x >> (HASH_BITS - k);
}

static int64_t finish(uint64_t mag_mod_p, bool neg) {
    int64_t h = (int64_t)mag_mod_p; // < 2**61
    if (neg) {
        h = -h;
    }
    return h == -1 ? -2 : h;
}

int64_t bigint_hash(const bigint_t *a) {
    uint64_t x = 0;
    for (size_t i = a->len; i-- > 0;) {
        // x = (x * 2**32 + digit) mod P
        x = rotate(x, 32) + a->digits[i];
        if (x >= HASH_MODULUS) {
            x -= HASH_MODULUS;
        }
    }
    return finish(x, a->neg);
}

int64_t bigint_hash_i64(int64_t v) {
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return finish(m % HASH_MODULUS, v < 0);
}

int64_t bigint_hash_double(double d) {
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    bool neg = u >> 63;
    unsigned exp = (unsigned)(u >> 52) & 0x7ff;
    uint64_t mant = u & (((uint64_t)1 << 52) - 1);
    if (exp == 0x7ff) {
        return mant ? 0 : neg ? -314159 : 314159;
    }
    // |d| == mant * 2**e exactly.
    int e;
    if (exp == 0) {
        e = -1074; // subnormal (or zero)
    } else {
        mant |= (uint64_t)1 << 52;
        e = (int)exp - 1075;
    }
    // mant < 2**53 < P already; 2**e mod P == 2**(e mod 61).
    int k = e % HASH_BITS;
    if (k < 0) {
        k += HASH_BITS;
    }
    return finish(rotate(mant, (unsigned)k), neg);
}
