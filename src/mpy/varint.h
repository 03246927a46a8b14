// Variable-length integers as .mpy files and bytecode store them: 7 bits per
// byte, most significant group first, bit 7 set on every byte but the last.
// The signed form (bytecode small ints) takes bit 6 of the first byte as the
// sign of the whole number.
#ifndef MPY_VARINT_H
#define MPY_VARINT_H

#include <stddef.h>
#include <stdint.h>

// Longest encoding of a 64-bit value, signed or not.
#define VARINT_MAX_BYTES 10

typedef enum {
    VARINT_OK,
    VARINT_TRUNCATED, // the data ends before the last byte
    VARINT_TOO_LARGE, // more than 64 bits (63 and a sign for signed)
} varint_status_t;

// Decodes at data[*pos] (len bytes in all) and advances *pos past it; on
// error *pos is left where the number starts.
varint_status_t varint_decode_uint(const uint8_t *data, size_t len, size_t *pos, uint64_t *value);
varint_status_t varint_decode_sint(const uint8_t *data, size_t len, size_t *pos, int64_t *value);

// Shortest encoding into out (VARINT_MAX_BYTES at least); returns its length.
size_t varint_encode_uint(uint64_t value, uint8_t *out);
size_t varint_encode_sint(int64_t value, uint8_t *out);

#endif
