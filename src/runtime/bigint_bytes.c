// int.to_bytes and int.from_bytes: fixed-size two's complement or unsigned
// byte strings, little or big endian.
#include "runtime/bigint_internal.h"

#include <string.h>

// Byte i (0 = least significant) of a magnitude; 0 past its end.
static uint8_t mag_byte(const digit_t *a, size_t n, size_t i) {
    return i / 4 < n ? (uint8_t)(a[i / 4] >> (8 * (i % 4))) : 0;
}

// Whether a fits in len bytes in the given representation.
static bool fits_bytes(const bigint_t *a, size_t len, bool is_signed) {
    size_t bits = bigint_bit_length(a);
    if (len > SIZE_MAX / 8) {
        return true; // more bytes than any magnitude in memory
    }
    size_t room = 8 * len;
    if (!is_signed) {
        return bits <= room;
    }
    if (room == 0) {
        // CPython gives b'' for (-1).to_bytes(0, signed=True) too.
        return bits == 0 || (a->neg && bits == 1);
    }
    // -2**(room - 1) <= a < 2**(room - 1); the lowest value's magnitude is
    // the only one with room bits.
    if (bits < room) {
        return true;
    }
    return a->neg && bits == room && bigint_bit_count(a) == 1;
}

bigint_err_t bigint_to_bytes(const bigint_t *a, uint8_t *out, size_t len, bool big_endian,
                             bool is_signed) {
    if (a->neg && !is_signed) {
        return BIGINT_ENEGATIVE;
    }
    if (!fits_bytes(a, len, is_signed)) {
        return BIGINT_EOVERFLOW;
    }
    // Negatives as ~|a| + 1, the carry running up from the lowest byte.
    unsigned carry = 1;
    for (size_t i = 0; i < len; i++) {
        uint8_t b = mag_byte(a->digits, a->len, i);
        if (a->neg) {
            unsigned t = (uint8_t)~b + carry;
            carry = t >> 8;
            b = (uint8_t)t;
        }
        out[big_endian ? len - 1 - i : i] = b;
    }
    return BIGINT_OK;
}

bigint_err_t bigint_from_bytes(bigint_t *r, const uint8_t *bytes, size_t len, bool big_endian,
                               bool is_signed) {
    if (len == 0) {
        return bigint_set_i64(r, 0);
    }
    if (len > SIZE_MAX - 3) {
        return BIGINT_ENOMEM;
    }
    size_t n = (len + 3) / 4;
    bigint_t t;
    bigint_err_t err = bigint_new_with(&t, n);
    if (err) {
        return err;
    }
    memset(t.digits, 0, n * sizeof(digit_t));
    // Byte i counted from the least significant end.
#define BYTE_AT(i) bytes[big_endian ? len - 1 - (i) : (i)]
    bool neg = is_signed && (BYTE_AT(len - 1) & 0x80);
    unsigned carry = 1;
    for (size_t i = 0; i < len; i++) {
        uint8_t b = BYTE_AT(i);
        if (neg) {
            // |value| == ~bytes + 1 over the len bytes.
            unsigned v = (uint8_t)~b + carry;
            carry = v >> 8;
            b = (uint8_t)v;
        }
        t.digits[i / 4] |= (digit_t)b << (8 * (i % 4));
    }
#undef BYTE_AT
    t.len = n;
    t.neg = neg;
    // (The carry never runs off the top: that would take all-zero bytes,
    // which are not negative. 80 00 .. 00 gives 2**(8 * len - 1), in range.)
    bigint_normalize(&t);
    bigint_move(r, &t);
    return BIGINT_OK;
}
