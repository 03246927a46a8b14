// One relocation being applied, and the helpers an arch file's own
// computations (arch_reloc_t.compute) use to find what it refers to.
#ifndef MPY_LD_RELOC_H
#define MPY_LD_RELOC_H

#include "mpy-ld/link.h"

typedef struct reloc_site {
    link_env_t *env;
    ld_section_t *sec;
    const elf_reloc_t *r;
    const arch_reloc_t *info;
    ld_symbol_t *sym;
    uint32_t place;  // offset of the patched bytes in their region
    buf_t *region;   // the bytes of that region
    // For the -vvv log: what the relocation points at, and its name.
    int64_t log_addr;
    const char *log_name;
    char log_buf[256]; // room for a log_name made up on the spot
} reloc_site_t;

// Relocation arithmetic wraps as the machine's does: an addend or symbol
// value from a hostile object must not overflow a signed type (the patches
// check the ranges that matter).
static inline int64_t reloc_add(int64_t a, int64_t b) {
    return (int64_t)((uint64_t)a + (uint64_t)b);
}

static inline int64_t reloc_sub(int64_t a, int64_t b) {
    return (int64_t)((uint64_t)a - (uint64_t)b);
}

// What the relocation's action computes (the value to patch in, and the
// site's log fields), or that there is nothing to do, or an error.
reloc_result_t reloc_compute(reloc_site_t *s, int64_t *value);

// Reports an error about the relocation: file, section, offset, type, symbol.
void reloc_error(const reloc_site_t *s, const char *what);
// The address of the relocation's symbol where it is reached with a
// link-time constant (text or rodata, or a call stub), else an error.
bool reloc_fixed_target(const reloc_site_t *s, int64_t *addr);
// The symbol's GOT entry, else an error.
got_entry_t *reloc_got_entry(const reloc_site_t *s);

#endif
