// Applying the relocations of the objects' text, rodata and .data.rel.ro.
// What a relocation type means comes from the arch table (arch_*.c); this
// file computes values and patches them in, and turns addresses stored in
// data into load-time relocations of the .mpy.
#include <stdio.h>
#include <string.h>

#include "mpy-ld/diag.h"
#include "mpy-ld/reloc.h"
#include "mpy/mpy_format.h"

static const char *log_name(const ld_symbol_t *sym);

void reloc_error(const reloc_site_t *s, const char *what) {
    char type[32];
    const char *type_name = s->info ? s->info->name : type;
    if (!s->info) {
        snprintf(type, sizeof(type), "type %u", s->r->type);
    }
    ld_error("%s: %s+0x%llx: %s against %s: %s", s->sec->obj->path, s->sec->name,
             (unsigned long long)s->r->offset, type_name,
             log_name(s->sym)[0] ? log_name(s->sym) : "(unnamed)", what);
}

static bool patch(const reloc_site_t *s, int64_t value) {
    if (!s->info->patch->apply(s->region->data + s->place, value)) {
        reloc_error(s, s->info->patch->expected);
        return false;
    }
    return true;
}

// Name shown in -vv logs for the symbol of a relocation.
static const char *log_name(const ld_symbol_t *sym) {
    return sym->elf->type == STT_SECTION && sym->section ? sym->section->name : sym->elf->name;
}

// The definition of a relocation's symbol, if it has a place in the module
// or outside it.
static const ld_symbol_t *site_target(const reloc_site_t *s) {
    const ld_symbol_t *t = symbol_target(s->sym);
    if (!t->section) {
        reloc_error(s, "the symbol has no place in the module (absolute, or in a section that is "
                      "not linked)");
        return NULL;
    }
    return t;
}

// Address of a relocation's symbol, refusing places that cannot be reached
// with a link-time constant.
bool reloc_fixed_target(const reloc_site_t *s, int64_t *addr) {
    link_env_t *env = s->env;
    const ld_symbol_t *t = site_target(s);
    if (!t) {
        return false;
    }
    const ld_section_t *tsec = t->section;
    // Only archs that keep rodata apart reach it through the GOT, and they
    // have no PC-relative relocations (see arch_xtensa.c).
    if (section_region(env, tsec) == REGION_BSS) {
        reloc_error(s, "the code reaches a static variable at a fixed distance, but BSS (where "
                       "variables live) is allocated apart from text");
        ld_hint("remove `static` from the variable so that code reaches it through the GOT");
        return false;
    }
    const ld_section_t *stub = link_call_stub(env, t);
    if (stub) {
        *addr = stub->addr;
        return true;
    }
    if (tsec->kind == SEC_EXT_FIXED) {
        reloc_error(s, "PC-relative reference to a fixed-address symbol (--externs)");
        ld_hint("where the module will be loaded is not known when linking, so the distance to "
                "a fixed address is not either; reach it through the GOT (a pointer), e.g. "
                "call it through a function pointer variable");
        return false;
    }
    if (section_region(env, tsec) == REGION_NONE) {
        reloc_error(s, "fixed relocation to external symbol");
        ld_hint("objects outside the module can only be reached through the GOT: compile "
                "with -fpic");
        return false;
    }
    *addr = reloc_add((int64_t)tsec->addr, (int64_t)t->value);
    return true;
}

got_entry_t *reloc_got_entry(const reloc_site_t *s) {
    got_entry_t *e = s->sym->got;
    if (!e) {
        reloc_error(s, "no GOT entry for the symbol");
    }
    return e;
}

reloc_result_t reloc_compute(reloc_site_t *s, int64_t *value) {
    link_env_t *env = s->env;
    int64_t P = s->place, A = s->r->addend, addr = 0;
    got_entry_t *e;
    s->log_addr = 0;
    s->log_name = log_name(s->sym);
    switch (s->info->action) {
        case RELOC_IGNORE:
            return RELOC_DO_NOTHING;
        case RELOC_PC_RELATIVE:
            if (!reloc_fixed_target(s, &addr)) {
                return RELOC_FAILED;
            }
            *value = reloc_add(reloc_sub(addr, P), A);
            break;
        case RELOC_GOT_BASE:
            if (strcmp(s->sym->elf->name, "_GLOBAL_OFFSET_TABLE_") != 0) {
                reloc_error(s, "expected the symbol _GLOBAL_OFFSET_TABLE_");
                return RELOC_FAILED;
            }
            addr = env->got_section.addr;
            *value = reloc_add(reloc_sub(addr, P), A);
            break;
        case RELOC_GOT_OFFSET:
            if (!(e = reloc_got_entry(s))) {
                return RELOC_FAILED;
            }
            *value = addr = e->offset;
            break;
        case RELOC_GOT_PC_RELATIVE:
            if (!(e = reloc_got_entry(s))) {
                return RELOC_FAILED;
            }
            addr = (int64_t)env->got_section.addr + e->offset;
            *value = reloc_add(reloc_sub(addr, P), A);
            break;
        case RELOC_GOT_RELATIVE:
            if (!reloc_fixed_target(s, &addr)) {
                return RELOC_FAILED;
            }
            *value = reloc_add(reloc_sub(addr, (int64_t)env->got_section.addr), A);
            break;
        case RELOC_ARCH:
            return s->info->compute(s, value);
        case RELOC_UNSUPPORTED:
        default:
            reloc_error(s, "relocation type not supported here");
            return RELOC_FAILED;
    }
    s->log_addr = addr;
    return RELOC_DO_PATCH;
}

static bool apply_code_reloc(reloc_site_t *s) {
    int64_t value = 0;
    switch (reloc_compute(s, &value)) {
        case RELOC_DO_NOTHING:
            return true;
        case RELOC_FAILED:
            return false;
        case RELOC_DO_PATCH:
            break;
    }
    if (!patch(s, value)) {
        return false;
    }
    ld_log(3, "  %08x %s -> %08llx", s->place, s->log_name, (unsigned long long)s->log_addr);
    return true;
}

// A machine word in data holding an address: stored as an offset into its
// destination region, plus a load-time relocation.
static bool apply_data_reloc(reloc_site_t *s) {
    link_env_t *env = s->env;
    unsigned word = env->arch->word_size;
    if (!(s->info->flags & RF_DATA_WORD)) {
        reloc_error(s, "only absolute word relocations are supported in data");
        return false;
    }
    if (s->info->patch->size != word) {
        reloc_error(s, "an address of this size cannot be relocated when the module is loaded "
                       "(the loader relocates machine words)");
        return false;
    }
    if (s->place % word != 0 || s->r->offset + word > s->sec->size) {
        reloc_error(s, s->sec->kind == SEC_TEXT
                          ? "absolute address inside an instruction; compile with -fpic"
                          : "address in data is not on an aligned word inside the section");
        return false;
    }
    const ld_symbol_t *t = site_target(s);
    if (!t) {
        return false;
    }
    const ld_section_t *tsec = t->section;
    uint64_t addr = tsec->addr + t->value + (uint64_t)s->r->addend;
    ld_log(3, "  %08x -> %s %08llx", s->place, log_name(s->sym), (unsigned long long)addr);
    uint32_t dest;
    switch (tsec->kind) {
        case SEC_EXT_FUN_ENTRY:
            if (addr != 0) {
                reloc_error(s, "offset from an object of mp_fun_table is not supported");
                return false;
            }
            dest = MPY_RELOC_FUN_TABLE_ENTRY + t->fun_table_index;
            break;
        case SEC_EXT_FUN_TABLE:
            dest = MPY_RELOC_FUN_TABLE;
            break;
        case SEC_EXT_QSTR_TABLE:
            dest = MPY_RELOC_QSTR_TABLE;
            break;
        case SEC_EXT_OBJ_TABLE:
            dest = MPY_RELOC_OBJ_TABLE;
            break;
        case SEC_EXT_FIXED:
            dest = 0; // not relocated
            break;
        default:
            dest = section_reloc_dest(env, tsec);
            break;
    }
    uint8_t *p = s->region->data + s->place;
    if (word == 8) {
        put_le64(p, get_le64(p) + addr);
    } else {
        put_le32(p, get_le32(p) + (uint32_t)addr);
    }
    if (tsec->kind != SEC_EXT_FIXED) {
        link_add_mpy_reloc(env, s->region == &env->rodata ? REGION_RODATA : REGION_TEXT, s->place,
                           dest);
    }
    return true;
}

static bool apply_section_relocs(link_env_t *env, ld_section_t *sec) {
    // .data kept in BSS: its relocations patch its image.
    bool image = section_has_image(env, sec);
    region_t region = section_region(env, image ? &env->data_image : sec);
    uint32_t base = image ? sec->image_addr : sec->addr;
    if (region != REGION_TEXT && region != REGION_RODATA) {
        ld_error("%s: section %s has relocations but holds no data", sec->obj->path, sec->name);
        return false;
    }
    ld_log(3, "%s: %s relocations via %s:", sec->obj->path, sec->name, sec->reloc_name);
    bool ok = true;
    for (size_t i = 0; i < sec->n_relocs; i++) {
        reloc_site_t s = {
            .env = env,
            .sec = sec,
            .r = &sec->relocs[i],
            .info = arch_find_reloc(env->arch, sec->relocs[i].type),
            .sym = &sec->obj->symbols[sec->relocs[i].sym],
            .region = region == REGION_RODATA ? &env->rodata : &env->text,
        };
        if (!s.info) {
            reloc_error(&s, "a relocation type this linker does not handle for this arch "
                            "(an address inside an instruction, as -mpure-code, "
                            "-mslow-flash-data or a large code model make, has no .mpy "
                            "relocation: compile with the SDK's flags)");
            ok = false;
            continue;
        }
        size_t size = s.info->patch->size;
        if (s.r->offset > sec->size || sec->size - s.r->offset < size) {
            reloc_error(&s, "relocation offset outside its section");
            ok = false;
            continue;
        }
        s.place = base + (uint32_t)s.r->offset;
        // Addresses stored in data need a load-time fixup. Rodata and text can
        // hold such words too (code built without -fpic, e.g. libgcc's, keeps
        // them in literal pools).
        bool data = sec->kind == SEC_DATA_REL_RO || sec->kind == SEC_DATA ||
                    sec->kind == SEC_INIT_ARRAY || s.info->action == RELOC_ABSOLUTE;
        ok = (data ? apply_data_reloc(&s) : apply_code_reloc(&s)) && ok;
    }
    return ok;
}

bool link_apply_relocations(link_env_t *env) {
    bool ok = true;
    for (size_t i = 0; i < env->n_inputs; i++) {
        if (env->inputs[i]->n_relocs) {
            ok = apply_section_relocs(env, env->inputs[i]) && ok;
        }
    }
    return ok;
}
