// The size report (--size): the bytes of the .mpy by part, the BSS the
// module takes at run time, and what contributes most.
#include <stdlib.h>

#include "mpy-ld/link.h"

// How many of the largest symbols and input files the report names.
#define TOP_N 5

// The parts of text, by what the sections hold.
enum { TEXT_CODE, TEXT_RODATA, TEXT_GOT, TEXT_LIT, TEXT_STUBS, TEXT_VENEER, N_TEXT_PARTS };

static const char *const text_part_names[N_TEXT_PARTS] = {
    "code", "rodata (kept in text)", "GOT", "literal table", "call stubs", "entry veneer",
};

static int text_part(const ld_section_t *sec) {
    switch (sec->place) {
        case PLACE_GOT:
            return TEXT_GOT;
        case PLACE_LIT:
            return TEXT_LIT;
        case PLACE_CALL_STUBS:
            return TEXT_STUBS;
        case PLACE_VENEER:
            return TEXT_VENEER;
        default:
            return sec->kind == SEC_TEXT ? TEXT_CODE : TEXT_RODATA;
    }
}

static void write_parts(const link_env_t *env, buf_t *out) {
    size_t text_parts[N_TEXT_PARTS] = {0}, used = env->entry_jump_len;
    for (size_t i = 0; i < env->n_sections; i++) {
        const ld_section_t *sec = env->sections[i];
        if (section_region(env, sec) == REGION_TEXT) {
            text_parts[text_part(sec)] += sec->size;
            used += sec->size;
        }
    }
    buf_printf(out, "  %-26s %8zu\n", "header and qstrs", env->emitted.text);
    buf_printf(out, "  %-26s %8zu\n", "text", env->text.len);
    buf_printf(out, "    %-24s %8zu\n", "entry jump", env->entry_jump_len);
    for (int p = 0; p < N_TEXT_PARTS; p++) {
        if (text_parts[p] || p == TEXT_CODE) {
            buf_printf(out, "    %-24s %8zu", text_part_names[p], text_parts[p]);
            if (p == TEXT_GOT) {
                buf_printf(out, "  (%zu entries)", env->n_got);
            }
            buf_printf(out, "\n");
        }
    }
    if (env->text.len > used) {
        buf_printf(out, "    %-24s %8zu\n", "alignment padding", env->text.len - used);
    }
    buf_printf(out, "  %-26s %8zu\n", "flags and sizes", env->emitted.rodata - env->emitted.text_end);
    buf_printf(out, "  %-26s %8zu\n", "rodata", env->rodata.len);
    buf_printf(out, "  %-26s %8zu  (%zu words)\n", "relocation stream",
               env->emitted.end - env->emitted.relocs, env->n_mpy_relocs);
    buf_printf(out, "  %-26s %8u  (not in the file)\n", "BSS at run time", env->bss_size);
}

static int compare_size_desc(const void *a, const void *b) {
    const link_symbol_t *x = a, *y = b;
    if (x->size != y->size) {
        return x->size > y->size ? -1 : 1;
    }
    return (x->order > y->order) - (x->order < y->order);
}

static void write_top_symbols(const link_env_t *env, buf_t *out) {
    size_t n;
    link_symbol_t *syms = link_defined_symbols(env, &n);
    if (n > 1) {
        qsort(syms, n, sizeof(*syms), compare_size_desc);
    }
    buf_printf(out, "largest symbols:\n");
    for (size_t i = 0; i < n && i < TOP_N && syms[i].size; i++) {
        buf_printf(out, "  %8u  %-6s %-32s %s\n", syms[i].size, region_name(syms[i].region),
                   syms[i].name, syms[i].sym->obj->path);
    }
    free(syms);
}

// Bytes each input file put in text, rodata and BSS.
typedef struct {
    const ld_object_t *obj;
    size_t region[3], total, order;
} contribution_t;

static int compare_contribution(const void *a, const void *b) {
    const contribution_t *x = a, *y = b;
    if (x->total != y->total) {
        return x->total > y->total ? -1 : 1;
    }
    return (x->order > y->order) - (x->order < y->order);
}

static void write_top_inputs(const link_env_t *env, buf_t *out) {
    contribution_t *c = xcalloc(env->n_objects + 1, sizeof(contribution_t));
    for (size_t i = 0; i < env->n_objects; i++) {
        c[i].obj = env->objects[i];
        c[i].order = i;
    }
    for (size_t i = 0; i < env->n_inputs; i++) {
        const ld_section_t *sec = env->inputs[i];
        region_t region = section_region(env, sec);
        for (size_t j = 0; j < env->n_objects && region != REGION_NONE; j++) {
            if (c[j].obj == sec->obj) {
                c[j].region[region] += sec->size;
                c[j].total += sec->size;
            }
        }
    }
    qsort(c, env->n_objects, sizeof(*c), compare_contribution);
    buf_printf(out, "largest input files:\n");
    for (size_t i = 0; i < env->n_objects && i < TOP_N && c[i].total; i++) {
        buf_printf(out, "  %8zu  %s (text %zu, rodata %zu, bss %zu)\n", c[i].total,
                   c[i].obj->path, c[i].region[REGION_TEXT], c[i].region[REGION_RODATA],
                   c[i].region[REGION_BSS]);
    }
    free(c);
}

void link_write_size_report(const link_env_t *env, buf_t *out, const char *mpy_name) {
    buf_printf(out, "%s: %zu bytes\n", mpy_name, env->emitted.end);
    write_parts(env, out);
    write_top_symbols(env, out);
    write_top_inputs(env, out);
}
