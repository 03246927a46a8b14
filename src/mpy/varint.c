#include "mpy/varint.h"

varint_status_t varint_decode_uint(const uint8_t *data, size_t len, size_t *pos, uint64_t *value) {
    uint64_t v = 0;
    size_t p = *pos;
    for (;;) {
        if (p >= len) {
            return VARINT_TRUNCATED;
        }
        uint8_t b = data[p++];
        if (v > (UINT64_MAX >> 7)) {
            return VARINT_TOO_LARGE;
        }
        v = v << 7 | (b & 0x7f);
        if (!(b & 0x80)) {
            break;
        }
    }
    *pos = p;
    *value = v;
    return VARINT_OK;
}

varint_status_t varint_decode_sint(const uint8_t *data, size_t len, size_t *pos, int64_t *value) {
    size_t p = *pos;
    if (p >= len) {
        return VARINT_TRUNCATED;
    }
    uint8_t b = data[p++];
    // The first group, sign-extended from 7 bits.
    int64_t v = (b & 0x40) ? (int64_t)(b & 0x7f) - 0x80 : (int64_t)(b & 0x7f);
    while (b & 0x80) {
        if (p >= len) {
            return VARINT_TRUNCATED;
        }
        b = data[p++];
        if (v > INT64_MAX / 128 || v < INT64_MIN / 128) {
            return VARINT_TOO_LARGE;
        }
        v = v * 128 + (b & 0x7f);
    }
    *pos = p;
    *value = v;
    return VARINT_OK;
}

size_t varint_encode_uint(uint64_t value, uint8_t *out) {
    uint8_t tmp[VARINT_MAX_BYTES];
    size_t n = sizeof(tmp);
    tmp[--n] = value & 0x7f;
    while ((value >>= 7) != 0) {
        tmp[--n] = 0x80 | (value & 0x7f);
    }
    size_t len = sizeof(tmp) - n;
    for (size_t i = 0; i < len; i++) {
        out[i] = tmp[n + i];
    }
    return len;
}

// value >> 7, rounding towards minus infinity also for negative values.
static int64_t floor_shift7(int64_t value) {
    return value < 0 ? ~(~value >> 7) : value >> 7;
}

size_t varint_encode_sint(int64_t value, uint8_t *out) {
    uint8_t tmp[VARINT_MAX_BYTES + 1];
    size_t n = sizeof(tmp);
    tmp[--n] = (uint8_t)((uint64_t)value & 0x7f);
    value = floor_shift7(value);
    while (value != 0 && value != -1) {
        tmp[--n] = 0x80 | (uint8_t)((uint64_t)value & 0x7f);
        value = floor_shift7(value);
    }
    // The top group's bit 6 must tell the sign; add a group when it does not.
    if (value == -1 && !(tmp[n] & 0x40)) {
        tmp[--n] = 0xff;
    } else if (value == 0 && (tmp[n] & 0x40)) {
        tmp[--n] = 0x80;
    }
    size_t len = sizeof(tmp) - n;
    for (size_t i = 0; i < len; i++) {
        out[i] = tmp[n + i];
    }
    return len;
}
