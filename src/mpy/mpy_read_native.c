// The parts of a native raw code after its machine code: prelude offset or
// scope flags, asm signature, viper rodata/BSS, and the relocation stream.
#include <stdlib.h>

#include "base/buf.h"
#include "mpy/fun_table.h"
#include "mpy/mpy_arch.h"
#include "mpy/mpy_cursor.h"
#include "mpy/mpy_format.h"

// Checks that count words from word on lie inside text or rodata.
static bool check_reloc_span(mpy_cursor_t *c, const mpy_file_t *f, const mpy_raw_code_t *rc,
                             const mpy_reloc_entry_t *e) {
    size_t ws = mpy_arch_word_size(f->arch);
    uint64_t size = e->base == MPY_RELOC_IN_TEXT ? rc->data_len : rc->rodata_size;
    uint64_t words = size / ws;
    if (e->word > words || e->count > words - e->word) {
        return cursor_fail(c, e->offset,
                           "relocation of %llu word(s) at word %llu of %s, which has %llu "
                           "%zu-byte words",
                           (unsigned long long)e->count, (unsigned long long)e->word,
                           e->base == MPY_RELOC_IN_TEXT ? "text" : "rodata",
                           (unsigned long long)words, ws);
    }
    return true;
}

// Reads one record; *pos is the word the previous record stopped at.
static bool read_reloc(mpy_cursor_t *c, const mpy_file_t *f, const mpy_raw_code_t *rc,
                       uint8_t op, mpy_reloc_entry_t *e, bool *have_pos, uint8_t *base,
                       uint64_t *pos) {
    e->offset = c->pos - 1;
    if (op & 1) {
        uint64_t addr;
        if (!cursor_uint(c, &addr, "the position of a relocation")) {
            return false;
        }
        e->has_addr = true;
        *base = addr & 1 ? MPY_RELOC_IN_RODATA : MPY_RELOC_IN_TEXT;
        *pos = addr >> 1;
        *have_pos = true;
    } else if (!*have_pos) {
        return cursor_fail(c, e->offset,
                           "relocation op 0x%02x without a position, but no record before it "
                           "set one",
                           op);
    }
    if (*base == MPY_RELOC_IN_RODATA && !rc->has_rodata) {
        return cursor_fail(c, e->offset, "relocation in rodata, but the code has no rodata");
    }
    e->base = *base;
    e->word = *pos;
    e->count = 1;
    op >>= 1;
    if (op <= 5) {
        if ((op & 1) && !cursor_uint(c, &e->count, "the word count of a relocation")) {
            return false;
        }
        e->dest = op >> 1; // text, rodata or BSS
    } else {
        e->dest = op;
        if (op >= MPY_RELOC_FUN_TABLE_ENTRY) {
            size_t n = fun_table_size(f->sub_version);
            if ((size_t)(op - MPY_RELOC_FUN_TABLE_ENTRY) >= n) {
                return cursor_fail(c, e->offset,
                                   "relocation to mp_fun_table entry %u, but the table of .mpy "
                                   "6.%u has %zu entries",
                                   op - MPY_RELOC_FUN_TABLE_ENTRY, f->sub_version, n);
            }
        }
    }
    if (!check_reloc_span(c, f, rc, e)) {
        return false;
    }
    *pos = e->word + e->count;
    return true;
}

static bool read_relocs(mpy_cursor_t *c, const mpy_file_t *f, mpy_raw_code_t *rc) {
    rc->has_relocs = true;
    rc->relocs_offset = c->pos;
    size_t cap = 0;
    bool have_pos = false;
    uint8_t base = MPY_RELOC_IN_TEXT;
    uint64_t pos = 0;
    for (;;) {
        uint8_t op;
        if (!cursor_byte(c, &op, "a relocation op byte or the 0xff that ends the relocations")) {
            return false;
        }
        if (op == MPY_RELOC_END) {
            return true;
        }
        if (rc->n_relocs == cap) {
            cap = cap ? 2 * cap : 16;
            rc->relocs = xrealloc(rc->relocs, cap * sizeof(mpy_reloc_entry_t));
        }
        mpy_reloc_entry_t *e = &rc->relocs[rc->n_relocs];
        *e = (mpy_reloc_entry_t){0};
        if (!read_reloc(c, f, rc, op, e, &have_pos, &base, &pos)) {
            return false;
        }
        rc->n_relocs++;
    }
}

static bool read_prelude_of_native(mpy_cursor_t *c, const mpy_file_t *f, mpy_raw_code_t *rc) {
    uint64_t off;
    size_t at = c->pos;
    if (!cursor_uint(c, &off, "the prelude offset of a native function")) {
        return false;
    }
    if (off >= rc->data_len) {
        return cursor_fail(c, at, "prelude offset %llu lies outside the %zu bytes of machine code",
                           (unsigned long long)off, rc->data_len);
    }
    rc->prelude_offset = (size_t)off;
    size_t where = 0;
    const uint8_t *start = rc->data + rc->prelude_offset;
    const char *msg = bc_prelude_decode(start, rc->data_len - rc->prelude_offset, &rc->prelude,
                                        &where);
    if (msg) {
        return cursor_fail(c, rc->data_offset + rc->prelude_offset + where, "%s", msg);
    }
    rc->has_prelude = true;
    for (size_t i = 0; i < rc->prelude.n_names; i++) {
        if (rc->prelude.names[i] >= f->n_qstrs) {
            return cursor_fail(c, rc->data_offset + rc->prelude_offset + rc->prelude.source_offset,
                               "name %zu of the native function is qstr %llu, but the qstr "
                               "table has %zu entries",
                               i, (unsigned long long)rc->prelude.names[i], f->n_qstrs);
        }
    }
    rc->scope_flags = rc->prelude.scope_flags;
    return true;
}

bool mpy_read_native_tail(mpy_cursor_t *c, const mpy_file_t *f, mpy_raw_code_t *rc) {
    if (mpy_arch_word_size(f->arch) == 0) {
        return cursor_fail(c, rc->offset,
                           "%s code in a file whose header names %s architecture (arch %u)",
                           mpy_code_kind_name(rc->kind), f->arch ? "an unknown" : "no", f->arch);
    }
    if (rc->kind == MPY_CODE_NATIVE_PY) {
        if (!read_prelude_of_native(c, f, rc)) {
            return false;
        }
    } else {
        uint64_t flags;
        if (!cursor_uint_max(c, &flags, UINT32_MAX, "the scope flags of native code")) {
            return false;
        }
        rc->scope_flags = (uint32_t)flags;
        if (rc->kind == MPY_CODE_NATIVE_ASM &&
            (!cursor_uint(c, &rc->asm_n_pos_args, "the argument count of asm code") ||
             !cursor_uint(c, &rc->asm_type_sig, "the type signature of asm code"))) {
            return false;
        }
    }
    if (rc->kind == MPY_CODE_NATIVE_VIPER) {
        rc->has_rodata = (rc->scope_flags & MPY_SCOPE_FLAG_VIPERRODATA) != 0;
        rc->has_bss = (rc->scope_flags & MPY_SCOPE_FLAG_VIPERBSS) != 0;
        if (rc->has_rodata && !cursor_uint(c, &rc->rodata_size, "the rodata size")) {
            return false;
        }
        if (rc->has_bss && !cursor_uint(c, &rc->bss_size, "the BSS size")) {
            return false;
        }
        rc->rodata_offset = c->pos;
        if (rc->has_rodata && !cursor_bytes(c, rc->rodata_size, &rc->rodata, "the rodata")) {
            return false;
        }
    }
    if (rc->scope_flags & MPY_SCOPE_FLAG_VIPERRELOC) {
        return read_relocs(c, f, rc);
    }
    return true;
}
