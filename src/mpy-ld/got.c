// The global offset table. Code reaches every global symbol through a GOT
// word that the loader relocates. Generic here: an entry for each symbol
// that a relocation with RF_MAKES_GOT refers to; an arch may collect them its
// own way (xtensa: from its literal pools, arch_xtensa.c).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"
#include "mpy/mpy_format.h"

static bool is_got_action(reloc_action_t a) {
    return a == RELOC_GOT_OFFSET || a == RELOC_GOT_PC_RELATIVE;
}

got_entry_t *link_got_add(link_env_t *env, const char *key, ld_symbol_t *sym,
                            const char *name, char *owned_name, char *owned_key,
                            uint64_t addend) {
    got_entry_t *e = key ? strmap_get(&env->got_by_key, key, strlen(key)) : NULL;
    if (e) {
        free(owned_name);
        free(owned_key);
        return e;
    }
    e = xcalloc(1, sizeof(got_entry_t));
    e->name = name;
    e->owned_name = owned_name;
    e->owned_key = owned_key;
    e->sym = sym;
    e->addend = addend;
    if (key) {
        strmap_put(&env->got_by_key, key, strlen(key), e);
    }
    if ((env->n_got & (env->n_got + 1)) == 0) {
        env->got = xrealloc(env->got, (env->n_got * 2 + 1) * sizeof(got_entry_t *));
    }
    env->got[env->n_got++] = e;
    return e;
}

bool link_check_got_symbol(const ld_symbol_t *sym, const ld_section_t *sec, uint64_t offset) {
    uint8_t t = sym->elf->type;
    if (t == STT_NOTYPE || t == STT_FUNC || t == STT_OBJECT || t == STT_SECTION) {
        return true;
    }
    ld_error("%s: %s+0x%llx: symbol %s of type %u cannot be reached through the GOT",
             sec->obj->path, sec->name, (unsigned long long)offset, sym->elf->name, t);
    return false;
}

// A GOT entry holding the address of a variable in BSS plus an addend, for
// code that reached it PC-relatively (RF_STATIC_VIA_GOT).
static bool add_static_got(link_env_t *env, ld_section_t *sec, const elf_reloc_t *r,
                           ld_symbol_t *sym) {
    if (!link_check_got_symbol(sym, sec, r->offset)) {
        return false;
    }
    link_add_static_stub(env, sec, r);
    char key[64];
    link_static_got_key(sym, r->addend, key, sizeof(key));
    if (strmap_get(&env->got_by_key, key, strlen(key))) {
        return true;
    }
    const char *base = sym->elf->type == STT_SECTION && sym->section ? sym->section->name
                                                                      : sym->elf->name;
    size_t len = strlen(base) + 32;
    char *name = xmalloc(len);
    snprintf(name, len, "%s%+lld", base, (long long)r->addend);
    char *owned_key = xstrdup(key);
    link_got_add(env, owned_key, sym, name, name, owned_key, (uint64_t)r->addend);
    return true;
}

static bool build_got_generic(link_env_t *env) {
    bool ok = true;
    for (size_t i = 0; i < env->n_inputs; i++) {
        ld_section_t *sec = env->inputs[i];
        for (size_t j = 0; j < sec->n_relocs; j++) {
            const elf_reloc_t *r = &sec->relocs[j];
            ld_symbol_t *sym = &sec->obj->symbols[r->sym];
            const arch_reloc_t *info = arch_find_reloc(env->arch, r->type);
            if (info && (info->flags & RF_STATIC_VIA_GOT) && env->arch->static_stub_size &&
                link_symbol_in_bss(env, sym)) {
                ok = add_static_got(env, sec, r, sym) && ok;
                continue;
            }
            if (!info || !(info->flags & RF_MAKES_GOT)) {
                continue;
            }
            // mpy_ld.py puts only STB_GLOBAL symbols in the GOT; others need an
            // entry only when the code really loads through the GOT.
            if (sym->elf->bind != STB_GLOBAL && !is_got_action(info->action)) {
                continue;
            }
            if (sym->got) {
                continue;
            }
            if (!link_check_got_symbol(sym, sec, r->offset)) {
                ok = false;
                continue;
            }
            // Globals share one entry by name; each local symbol has its own.
            const char *name =
                sym->elf->type == STT_SECTION && sym->section ? sym->section->name : sym->elf->name;
            const char *key = sym->elf->bind == STB_LOCAL ? NULL : name;
            sym->got = link_got_add(env, key, sym, name, NULL, NULL, 0);
        }
    }
    return ok;
}

bool link_build_got(link_env_t *env) {
    return env->arch->build_got ? env->arch->build_got(env) : build_got_generic(env);
}

// Sort order that groups entries by destination, so that their load-time
// relocations merge into runs: external, text, rodata, BSS.
static int got_group(const got_entry_t *e) {
    switch (e->target->kind) {
        case SEC_EXT_FUN_TABLE:
        case SEC_EXT_FUN_ENTRY:
        case SEC_EXT_QSTR_TABLE:
        case SEC_EXT_OBJ_TABLE:
        case SEC_EXT_FIXED:
            return 1;
        case SEC_TEXT:
            return 2;
        case SEC_RODATA:
        case SEC_DATA_REL_RO:
        case SEC_INIT_ARRAY:
            return 3;
        case SEC_BSS:
        case SEC_DATA:
            return e->target->in_text ? 2 : 4;
        default:
            return 0;
    }
}

static int compare_got(const void *a, const void *b) {
    const got_entry_t *x = *(got_entry_t *const *)a, *y = *(got_entry_t *const *)b;
    int d = got_group(x) - got_group(y);
    // Stable: equal groups keep the order of first reference (offset holds it).
    return d ? d : (x->offset > y->offset) - (x->offset < y->offset);
}

// The load-time relocation for a GOT entry, or -1 (with an error) if none fits.
static int64_t got_entry_dest(link_env_t *env, const got_entry_t *e) {
    switch (e->target->kind) {
        case SEC_EXT_QSTR_TABLE:
            return MPY_RELOC_QSTR_TABLE;
        case SEC_EXT_OBJ_TABLE:
            return MPY_RELOC_OBJ_TABLE;
        case SEC_EXT_FUN_TABLE:
            // mp_fun_table+N names the table entry N / word_size.
            if (e->addend % env->arch->word_size != 0) {
                break;
            }
            return e->addend ? MPY_RELOC_FUN_TABLE_ENTRY + e->addend / env->arch->word_size
                             : MPY_RELOC_FUN_TABLE;
        case SEC_EXT_FUN_ENTRY:
            if (e->addend != 0) {
                break;
            }
            return MPY_RELOC_FUN_TABLE_ENTRY + symbol_target(e->sym)->fun_table_index;
        default:
            return section_reloc_dest(env, e->target);
    }
    ld_error("GOT entry %s: unsupported offset 0x%llx from an external symbol", e->name,
             (unsigned long long)e->addend);
    return -1;
}

bool link_populate_got(link_env_t *env) {
    unsigned word = env->arch->word_size;
    bool ok = true;
    for (size_t i = 0; i < env->n_got; i++) {
        got_entry_t *e = env->got[i];
        ld_symbol_t *t = symbol_target(e->sym);
        if (!t->section) {
            ld_error("%s: symbol %s is reached through the GOT but has no place in the module "
                     "(absolute, common or in a section that is not linked)",
                     e->sym->obj->path, e->name);
            ok = false;
            continue;
        }
        e->target = t->section;
        e->offset = (uint32_t)i; // order of first reference, for the stable sort
        e->link_addr = t->section->addr + t->value;
        // The fun-table offset selects an entry instead of adding to the address.
        if (t->section->kind != SEC_EXT_FUN_TABLE) {
            e->link_addr += e->addend;
        }
    }
    if (!ok) {
        return false;
    }
    if (env->n_got > 1) {
        qsort(env->got, env->n_got, sizeof(got_entry_t *), compare_got);
    }

    ld_log(2, "GOT: %08x", env->got_section.addr);
    for (size_t i = 0; i < env->n_got; i++) {
        got_entry_t *e = env->got[i];
        e->offset = (uint32_t)(i * word);
        uint8_t *p = env->text.data + env->got_section.addr + e->offset;
        if (word == 8) {
            put_le64(p, e->link_addr);
        } else {
            put_le32(p, (uint32_t)e->link_addr);
        }
        if (e->target->kind == SEC_EXT_FIXED) {
            continue; // a fixed address: the loader leaves it as it is
        }
        int64_t dest = got_entry_dest(env, e);
        if (dest < 0) {
            ok = false;
            continue;
        }
        link_add_mpy_reloc(env, REGION_TEXT, env->got_section.addr + e->offset, (uint32_t)dest);
    }
    for (size_t i = 0; i < env->n_got; i++) {
        got_entry_t *e = env->got[i];
        ld_log(2, "  %08x %s -> %s+%08llx", e->offset, e->name, e->target->name,
               (unsigned long long)e->link_addr);
    }
    return ok;
}
