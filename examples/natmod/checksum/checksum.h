// Interfaces shared by the C files of the checksum module.
#ifndef CHECKSUM_H
#define CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

// CRC-32 (IEEE 802.3, as zlib's crc32), continuing from crc.
uint32_t checksum_crc32(uint32_t crc, const uint8_t *data, size_t len);

// Adler-32 (as zlib's adler32), continuing from adler.
uint32_t checksum_adler32(uint32_t adler, const uint8_t *data, size_t len);

#endif
