// Adler-32, reducing modulo 65521 by subtraction (no division helper needed
// on cores without a divide instruction).
#include "checksum.h"

#define ADLER_MOD (65521)

uint32_t checksum_adler32(uint32_t adler, const uint8_t *data, size_t len) {
    uint32_t a = adler & 0xffff;
    uint32_t b = adler >> 16;
    while (len--) {
        a += *data++;
        if (a >= ADLER_MOD) {
            a -= ADLER_MOD;
        }
        b += a;
        if (b >= ADLER_MOD) {
            b -= ADLER_MOD;
        }
    }
    return (b << 16) | a;
}
