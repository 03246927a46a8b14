// CRC-32 computed bit by bit (no table, so no rodata is needed).
#include "checksum.h"

uint32_t checksum_crc32(uint32_t crc, const uint8_t *data, size_t len) {
    crc = ~crc;
    while (len--) {
        crc ^= *data++;
        for (int bit = 0; bit < 8; ++bit) {
            // Subtract-free conditional xor: mask is all ones when bit 0 is set.
            uint32_t mask = -(crc & 1);
            crc = (crc >> 1) ^ (0xedb88320 & mask);
        }
    }
    return ~crc;
}
