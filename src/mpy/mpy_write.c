#include "mpy/mpy_write.h"

#include "mpy/mpy_format.h"
#include "mpy/qstr_static.h"

void mpy_write_header(buf_t *out, unsigned arch, unsigned sub_version, uint64_t arch_flags) {
    uint8_t feature = (uint8_t)MPY_FEATURE_ENCODE(arch, sub_version);
    if (arch_flags) {
        feature |= MPY_FEATURE_ARCH_FLAGS;
    }
    uint8_t header[4] = {MPY_MAGIC, MPY_VERSION, feature, MPY_SMALL_INT_BITS};
    buf_append(out, header, sizeof(header));
    if (arch_flags) {
        mpy_write_uint(out, arch_flags);
    }
}

void mpy_write_uint(buf_t *out, uint64_t value) {
    uint8_t bytes[10];
    size_t n = sizeof(bytes);
    bytes[--n] = value & 0x7f;
    while ((value >>= 7) != 0) {
        bytes[--n] = 0x80 | (value & 0x7f);
    }
    buf_append(out, bytes + n, sizeof(bytes) - n);
}

void mpy_write_qstr(buf_t *out, const char *str, size_t len) {
    size_t number = qstr_static_find(str, len);
    if (number) {
        mpy_write_uint(out, (uint64_t)number << 1 | 1);
        return;
    }
    mpy_write_uint(out, (uint64_t)len << 1);
    buf_append(out, str, len);
    buf_put_u8(out, 0);
}

// Op byte: bit 0 says an offset follows. Destinations text/rodata/bss are
// stored as (dest << 1 | has_count), others as themselves (count is then 1).
// The loader could continue from the previous run without an offset, but
// mpy_ld.py always writes one; so does this, to give identical files.
static void write_reloc_run(buf_t *out, uint32_t base, uint32_t offset, uint32_t dest,
                            size_t count) {
    uint32_t op = dest <= MPY_RELOC_BSS ? (dest << 1 | (count > 1)) : dest;
    buf_put_u8(out, (uint8_t)(op << 1 | 1));
    mpy_write_uint(out, (uint64_t)offset << 1 | base);
    if (count > 1) {
        mpy_write_uint(out, count);
    }
}

size_t mpy_reloc_run_length(const mpy_reloc_t *relocs, size_t n, size_t i) {
    const mpy_reloc_t *r = &relocs[i];
    size_t count = 1;
    // Only text/rodata/bss destinations carry a count in the stream.
    if (r->dest <= MPY_RELOC_BSS) {
        while (i + count < n && relocs[i + count].dest == r->dest &&
               relocs[i + count].base == r->base &&
               relocs[i + count].word_offset == (uint64_t)r->word_offset + count) {
            count++;
        }
    }
    return count;
}

void mpy_write_relocs(buf_t *out, const mpy_reloc_t *relocs, size_t n) {
    size_t i = 0;
    while (i < n) {
        const mpy_reloc_t *r = &relocs[i];
        size_t count = mpy_reloc_run_length(relocs, n, i);
        write_reloc_run(out, r->base, r->word_offset, r->dest, count);
        i += count;
    }
    buf_put_u8(out, MPY_RELOC_END);
}
