// The symbols a linked module defines, where they ended up: for the link
// map and the size report, and for anything else that names addresses of
// the module (symbol tables, crash reports).
#include <stdlib.h>

#include "mpy-ld/link.h"

// Symbols worth naming: functions, data and COMMON blocks; not section and
// file symbols, nor local labels (.L*, Arm's $t/$d mapping symbols).
static bool is_named_definition(const link_env_t *env, const ld_symbol_t *sym) {
    const elf_symbol_t *es = sym->elf;
    if (!sym->section || !sym->section->obj || sym->section->discarded ||
        section_region(env, sym->section) == REGION_NONE ||
        !es->name[0] || es->type == STT_SECTION || es->type == STT_FILE) {
        return false;
    }
    return es->bind != STB_LOCAL || es->type != STT_NOTYPE;
}

static int compare_symbols(const void *a, const void *b) {
    const link_symbol_t *x = a, *y = b;
    if (x->region != y->region) {
        return (int)x->region - (int)y->region;
    }
    if (x->offset != y->offset) {
        return x->offset < y->offset ? -1 : 1;
    }
    return (x->order > y->order) - (x->order < y->order);
}

link_symbol_t *link_defined_symbols(const link_env_t *env, size_t *n) {
    link_symbol_t *list = NULL;
    size_t count = 0, cap = 0;
    for (size_t i = 0; i < env->n_objects; i++) {
        const ld_object_t *obj = env->objects[i];
        for (size_t j = 0; j < obj->elf.n_symbols; j++) {
            const ld_symbol_t *sym = &obj->symbols[j];
            if (!is_named_definition(env, sym)) {
                continue;
            }
            if (count == cap) {
                cap = cap ? cap * 2 : 64;
                list = xrealloc(list, cap * sizeof(*list));
            }
            bool common = sym->elf->shndx == SHN_COMMON;
            list[count] = (link_symbol_t){
                .name = sym->elf->name,
                .sym = sym,
                .section = sym->section,
                .region = section_region(env, sym->section),
                .offset = sym->section->addr + (uint32_t)sym->value,
                .size = common ? sym->section->size : (uint32_t)sym->elf->size,
                .unused = sym->resolved != NULL,
                .order = count,
            };
            count++;
        }
    }
    if (count > 1) {
        qsort(list, count, sizeof(*list), compare_symbols);
    }
    *n = count;
    return list;
}
