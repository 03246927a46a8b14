// Dead-code removal (--gc-sections): keeps only the input sections that
// mpy_init and the constructors reach through relocations, so that code and data no one calls
// take no room, no GOT entries and no relocation records. Objects compiled
// with -ffunction-sections -fdata-sections give each function and variable
// a section of its own, which is what makes this fine-grained.
#include <stdlib.h>
#include <string.h>

#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"

// The section a relocation's symbol lands in once symbols are resolved:
// its own, the winning definition of a global (weak and COMMON ones give
// way), or NULL for symbols the loader provides or that stay undefined.
static ld_section_t *reached_section(link_env_t *env, ld_symbol_t *sym) {
    ld_symbol_t *t = symbol_target(sym);
    const elf_symbol_t *es = t->elf;
    if (es->bind != STB_LOCAL && es->name[0] && (!t->section || es->bind == STB_WEAK)) {
        ld_symbol_t *def = strmap_get(&env->known_syms, es->name, strlen(es->name));
        if (def) {
            t = symbol_target(def);
        }
    }
    return t->section;
}

typedef struct {
    ld_section_t **items;
    size_t n, cap;
} worklist_t;

static void keep(worklist_t *w, ld_section_t *sec) {
    if (!sec || !sec->obj || sec->kept) {
        return;
    }
    sec->kept = true;
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 64;
        w->items = xrealloc(w->items, w->cap * sizeof(*w->items));
    }
    w->items[w->n++] = sec;
}

// Drops the sections not kept from list, recording them as discarded.
static size_t sweep(link_env_t *env, ld_section_t **list, size_t n, uint64_t *bytes) {
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        ld_section_t *sec = list[i];
        if (sec->kept) {
            list[kept++] = sec;
            continue;
        }
        sec->discarded = true;
        *bytes += sec->size;
        size_t d = env->n_discarded;
        if ((d & (d + 1)) == 0) {
            env->discarded = xrealloc(env->discarded, (d * 2 + 1) * sizeof(ld_section_t *));
        }
        env->discarded[env->n_discarded++] = sec;
    }
    return kept;
}

void link_gc_sections(link_env_t *env) {
    ld_symbol_t *entry = strmap_get(&env->known_syms, "mpy_init", 8);
    if (!entry) {
        return; // the link stops later with the error that says so
    }
    worklist_t w = {0};
    keep(&w, symbol_target(entry)->section);
    // Constructors run on import whatever mpy_init reaches.
    for (size_t i = 0; i < env->n_inputs; i++) {
        if (env->inputs[i]->kind == SEC_INIT_ARRAY) {
            keep(&w, env->inputs[i]);
        }
    }
    // Literal pools (xtensa) are reached like any other section: through
    // the l32r relocations of the code that loads from them.
    for (size_t i = 0; i < w.n; i++) {
        ld_section_t *sec = w.items[i];
        for (size_t j = 0; j < sec->n_relocs; j++) {
            keep(&w, reached_section(env, &sec->obj->symbols[sec->relocs[j].sym]));
        }
    }
    // Undefined symbols that only discarded code uses need no definition.
    for (size_t i = 0; i < env->n_undefined; i++) {
        env->undefined[i]->unreferenced = true;
    }
    for (size_t i = 0; i < w.n; i++) {
        const ld_section_t *sec = w.items[i];
        for (size_t j = 0; j < sec->n_relocs; j++) {
            sec->obj->symbols[sec->relocs[j].sym].unreferenced = false;
        }
    }
    free(w.items);
    uint64_t bytes = 0;
    env->n_inputs = sweep(env, env->inputs, env->n_inputs, &bytes);
    env->n_literal_sections =
        sweep(env, env->literal_sections, env->n_literal_sections, &bytes);
    ld_log(1, "--gc-sections: removed %zu unused sections, %llu bytes", env->n_discarded,
           (unsigned long long)bytes);
}
