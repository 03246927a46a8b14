// The link map (--map): what went where in the module, and why. Offsets are
// from the start of each region (text and rodata as stored in the .mpy,
// BSS as the loader allocates it).
#include <stdio.h>
#include <stdlib.h>

#include "mpy-ld/link.h"
#include "mpy/fun_table.h"
#include "mpy/mpy_format.h"
#include "mpy/reloc_dest.h"

static const char *origin(const ld_section_t *sec) {
    return sec->obj ? sec->obj->path : "(linker)";
}

static const char *symbol_kind(const ld_symbol_t *sym) {
    if (sym->elf->shndx == SHN_COMMON) {
        return "common";
    }
    switch (sym->elf->type) {
        case STT_FUNC:
            return "func";
        case STT_OBJECT:
            return "object";
        default:
            return "notype";
    }
}

static const char *symbol_binding(const ld_symbol_t *sym) {
    switch (sym->elf->bind) {
        case STB_LOCAL:
            return "local";
        case STB_WEAK:
            return "weak";
        default:
            return "global";
    }
}

static const char *place_name(const ld_section_t *sec) {
    switch (sec->place) {
        case PLACE_VENEER:
            return "entry veneer";
        case PLACE_CALL_STUBS:
            return "call stub";
        case PLACE_GOT:
            return "GOT";
        case PLACE_LIT:
            return "literal table";
        default:
            return sec->name;
    }
}

// The output section that holds offset of region, or NULL.
static const ld_section_t *section_at(const link_env_t *env, region_t region, uint32_t offset) {
    for (size_t i = 0; i < env->n_sections; i++) {
        const ld_section_t *sec = env->sections[i];
        if (section_region(env, sec) == region && offset >= sec->addr &&
            offset - sec->addr < sec->size) {
            return sec;
        }
    }
    return NULL;
}

// What lies at offset of region, for a reader of the map: a GOT entry, a
// call stub, or a place in an object's section.
static void describe_place(const link_env_t *env, buf_t *out, region_t region, uint32_t offset) {
    const ld_section_t *sec = section_at(env, region, offset);
    uint32_t rel = sec ? offset - sec->addr : 0;
    if (!sec) {
        buf_printf(out, "%s", region == REGION_TEXT && offset < env->entry_jump_len
                                  ? "entry jump" : "-");
    } else if (sec == &env->got_section && rel / env->arch->word_size < env->n_got) {
        buf_printf(out, "GOT entry %s", env->got[rel / env->arch->word_size]->name);
    } else if (sec->place == PLACE_INPUTS) {
        buf_printf(out, "%s+0x%x of %s", sec->name, rel, origin(sec));
    } else {
        buf_printf(out, "%s+0x%x", place_name(sec), rel);
    }
}

static void write_regions(const link_env_t *env, buf_t *out) {
    buf_printf(out, "\nRegions (bytes)\n");
    buf_printf(out, "  text    %8zu  at file offset 0x%zx, starting with the %zu-byte jump to "
                    "mpy_init\n",
               env->text.len, env->emitted.text, env->entry_jump_len);
    if (env->rodata.len) {
        buf_printf(out, "  rodata  %8zu  at file offset 0x%zx\n", env->rodata.len,
                   env->emitted.rodata);
    }
    buf_printf(out, "  bss     %8u  allocated at import\n", env->bss_size);
}

static void write_inputs(const link_env_t *env, buf_t *out) {
    buf_printf(out, "\nInput files\n");
    for (size_t i = 0; i < env->n_objects; i++) {
        const ld_object_t *obj = env->objects[i];
        buf_printf(out, "  %s", obj->path);
        if (obj->taken_for) {
            buf_printf(out, "  for %s, referenced by %s", obj->taken_for, obj->taken_by->path);
        }
        buf_printf(out, "\n");
    }
}

static void write_sections(const link_env_t *env, buf_t *out) {
    buf_printf(out, "\nSections\n  %-7s %-8s %8s %5s  %-24s %s\n", "region", "offset", "size",
               "align", "name", "from");
    buf_printf(out, "  %-7s %08x %8zu %5s  %-24s %s\n", "text", 0u, env->entry_jump_len, "-",
               "(entry jump)", "(linker)");
    for (size_t i = 0; i < env->n_sections; i++) {
        const ld_section_t *sec = env->sections[i];
        buf_printf(out, "  %-7s %08x %8u %5u  %-24s %s\n",
                   region_name(section_region(env, sec)), sec->addr, sec->size, sec->align,
                   place_name(sec), origin(sec));
    }
}

// What --gc-sections left out, with the symbols each section defined.
static void write_discarded(const link_env_t *env, buf_t *out) {
    if (!env->gc_sections) {
        return;
    }
    uint64_t bytes = 0;
    for (size_t i = 0; i < env->n_discarded; i++) {
        bytes += env->discarded[i]->size;
    }
    buf_printf(out, "\nDiscarded sections (--gc-sections: not reached from mpy_init): %zu, "
                    "%llu bytes\n",
               env->n_discarded, (unsigned long long)bytes);
    for (size_t i = 0; i < env->n_discarded; i++) {
        const ld_section_t *sec = env->discarded[i];
        buf_printf(out, "  %8u  %-24s %s", sec->size, sec->name, origin(sec));
        const ld_object_t *obj = sec->obj;
        for (size_t j = 0; j < obj->elf.n_symbols; j++) {
            const ld_symbol_t *sym = &obj->symbols[j];
            const elf_symbol_t *es = sym->elf;
            if (sym->section == sec && es->name[0] &&
                (es->type == STT_FUNC || es->type == STT_OBJECT)) {
                buf_printf(out, " %s", es->name);
            }
        }
        buf_printf(out, "\n");
    }
}

static void write_symbols(const link_env_t *env, buf_t *out) {
    size_t n;
    link_symbol_t *syms = link_defined_symbols(env, &n);
    buf_printf(out, "\nSymbols\n  %-7s %-8s %8s %-6s %-6s %-32s %s\n", "region", "offset", "size",
               "bind", "type", "name", "section and file");
    for (size_t i = 0; i < n; i++) {
        const link_symbol_t *s = &syms[i];
        buf_printf(out, "  %-7s %08x %8u %-6s %-6s %-32s %s %s%s\n", region_name(s->region),
                   s->offset, s->size, symbol_binding(s->sym), symbol_kind(s->sym), s->name,
                   s->section->name, s->sym->obj->path,
                   s->unused ? " (unused: a strong definition replaces it)" : "");
    }
    free(syms);
}

static void write_got(const link_env_t *env, buf_t *out) {
    unsigned word = env->arch->word_size;
    buf_printf(out, "\nGOT: %zu entries of %u bytes at text+0x%x\n", env->n_got, word,
               env->got_section.addr);
    buf_printf(out, "  %-8s %-32s %-10s %s\n", "offset", "entry", "load-time", "points to");
    for (size_t i = 0; i < env->n_got; i++) {
        const got_entry_t *e = env->got[i];
        const ld_section_t *t = e->target;
        buf_printf(out, "  %08x %-32s ", env->got_section.addr + e->offset, e->name);
        switch (t->kind) {
            case SEC_EXT_FIXED:
                buf_printf(out, "%-10s fixed address 0x%llx\n", "-",
                           (unsigned long long)e->link_addr);
                continue;
            case SEC_EXT_FUN_ENTRY: {
                uint32_t index = symbol_target(e->sym)->fun_table_index;
                buf_printf(out, "%-10s mp_fun_table[%u] (%s)\n", "fun_table", index,
                           fun_table_name(env->sub_version, index));
                continue;
            }
            case SEC_EXT_FUN_TABLE:
                buf_printf(out, "%-10s mp_fun_table", "fun_table");
                if (e->addend) {
                    buf_printf(out, "[%llu]", (unsigned long long)(e->addend / word));
                }
                buf_printf(out, "\n");
                continue;
            case SEC_EXT_QSTR_TABLE:
            case SEC_EXT_OBJ_TABLE:
                buf_printf(out, "%-10s %s+0x%llx\n", t->kind == SEC_EXT_QSTR_TABLE ? "qstr_table"
                                                                              : "obj_table",
                           t->kind == SEC_EXT_QSTR_TABLE ? "mp_native_qstr_table"
                                                         : "mp_native_obj_table",
                           (unsigned long long)e->link_addr);
                continue;
            default:
                break;
        }
        region_t region = section_region(env, t);
        buf_printf(out, "%-10s %s+0x%llx: ", region_name(region),
                   region_name(region), (unsigned long long)e->link_addr);
        describe_place(env, out, region, (uint32_t)e->link_addr);
        buf_printf(out, "\n");
    }
}

// The mp_fun_table entries named by the module's load-time relocations (GOT
// entries, call stubs, constant tables), and whether the code also reaches
// the table itself, whose entries it picks at run time.
static void write_fun_table(const link_env_t *env, buf_t *out) {
    unsigned word = env->arch->word_size;
    buf_printf(out, "\nmp_fun_table entries\n");
    bool whole = false;
    for (uint32_t index = 0; index < fun_table_size(env->sub_version); index++) {
        bool named = false;
        for (size_t i = 0; i < env->n_mpy_relocs; i++) {
            const mpy_reloc_t *r = &env->mpy_relocs[i];
            whole = whole || r->dest == MPY_RELOC_FUN_TABLE;
            if (r->dest != MPY_RELOC_FUN_TABLE_ENTRY + index) {
                continue;
            }
            region_t region = r->base == MPY_RELOC_IN_RODATA ? REGION_RODATA : REGION_TEXT;
            if (!named) {
                buf_printf(out, "  [%2u] %-24s used by", index, fun_table_name(env->sub_version, index));
                named = true;
            }
            buf_printf(out, " %s+0x%x (", region_name(region), r->word_offset * word);
            describe_place(env, out, region, r->word_offset * word);
            buf_printf(out, ")");
        }
        if (named) {
            buf_printf(out, "\n");
        }
    }
    if (whole) {
        buf_printf(out, "  the table itself (GOT entry mp_fun_table): the code picks entries at "
                        "run time, not listed here\n");
    }
}

static void write_relocations(const link_env_t *env, buf_t *out) {
    unsigned word = env->arch->word_size;
    size_t n_records = 0;
    for (size_t i = 0; i < env->n_mpy_relocs; i += mpy_reloc_run_length(env->mpy_relocs, env->n_mpy_relocs, i)) {
        n_records++;
    }
    buf_printf(out, "\nRelocation records: %zu (%zu words), %zu bytes at file offset 0x%zx\n",
               n_records, env->n_mpy_relocs, env->emitted.end - env->emitted.relocs,
               env->emitted.relocs);
    buf_printf(out, "  %-7s %-8s %5s %-16s %s\n", "in", "offset", "words", "+= address of", "what");
    for (size_t i = 0; i < env->n_mpy_relocs;) {
        const mpy_reloc_t *r = &env->mpy_relocs[i];
        size_t count = mpy_reloc_run_length(env->mpy_relocs, env->n_mpy_relocs, i);
        region_t region = r->base == MPY_RELOC_IN_RODATA ? REGION_RODATA : REGION_TEXT;
        char dest[32];
        snprintf(dest, sizeof(dest), "%s", mpy_reloc_dest_name(r->dest));
        if (r->dest >= MPY_RELOC_FUN_TABLE_ENTRY) {
            snprintf(dest, sizeof(dest), "fun_table[%u]", r->dest - MPY_RELOC_FUN_TABLE_ENTRY);
        }
        buf_printf(out, "  %-7s %08x %5zu %-16s ", region_name(region), r->word_offset * word,
                   count, dest);
        describe_place(env, out, region, r->word_offset * word);
        buf_printf(out, "\n");
        i += count;
    }
}

void link_write_map(const link_env_t *env, buf_t *out, const char *mpy_name) {
    buf_printf(out, "Link map of %s: %s native code, .mpy 6.%u, %zu bytes\n", mpy_name,
               env->arch->name, env->sub_version, env->emitted.end);
    buf_printf(out, "Offsets are from the start of each region; sizes are in bytes.\n");
    write_regions(env, out);
    write_inputs(env, out);
    write_sections(env, out);
    write_discarded(env, out);
    write_symbols(env, out);
    write_got(env, out);
    write_fun_table(env, out);
    write_relocations(env, out);
}
