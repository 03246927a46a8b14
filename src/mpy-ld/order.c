// The order of the output sections, decided here only: the arch lists the
// groups (arch_t.placement), each group keeps the order its sections were
// made in, except the inputs under --gc-sections (compact_inputs).
#include <stdlib.h>
#include <string.h>

#include "mpy-ld/link.h"

// The padding a section of alignment align needs at offset.
static uint32_t padding(uint32_t offset, uint32_t align) {
    return (align - offset % align) % align;
}

// With --gc-sections the output need not be the reference's byte for byte,
// so the inputs go in the order that leaves the least padding: the entry's
// section first (the shortest entry jump reaches it, or none is needed),
// then, region by region, each time the most aligned section that needs no
// padding where the region has got to, or else the one that needs the
// least. Load order breaks ties. Reorders list[0..n) in place.
static void compact_inputs(const link_env_t *env, ld_section_t **list, size_t n) {
    ld_section_t **left = xmalloc((n + 1) * sizeof(ld_section_t *));
    if (n > 0) {
        memcpy(left, list, n * sizeof(ld_section_t *));
    }
    ld_symbol_t *entry = strmap_get(&env->known_syms, env->entry_name, strlen(env->entry_name));
    const ld_section_t *entry_sec = entry ? symbol_target(entry)->section : NULL;
    // Where each region has got to; text starts after the entry jump (its
    // exact length does not matter for the order).
    uint32_t end[REGION_NONE + 1] = {[REGION_TEXT] = (uint32_t)env->entry_jump_len};
    for (size_t k = 0; k < n; k++) {
        size_t best = 0;
        for (size_t i = 0; i < n - k; i++) {
            const ld_section_t *a = left[i], *b = left[best];
            if (a == entry_sec || b == entry_sec) {
                best = a == entry_sec ? i : best;
                continue;
            }
            uint32_t pa = padding(end[section_region(env, a)], a->align);
            uint32_t pb = padding(end[section_region(env, b)], b->align);
            if (pa < pb || (pa == pb && a->align > b->align)) {
                best = i;
            }
        }
        ld_section_t *sec = left[best];
        region_t r = section_region(env, sec);
        end[r] += padding(end[r], sec->align) + sec->size;
        list[k] = sec;
        memmove(&left[best], &left[best + 1], (n - k - best - 1) * sizeof(ld_section_t *));
    }
    free(left);
}

static void append(link_env_t *env, ld_section_t *sec, place_t place, size_t *cap) {
    if (env->n_sections == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        env->sections = xrealloc(env->sections, *cap * sizeof(*env->sections));
    }
    sec->place = place;
    env->sections[env->n_sections++] = sec;
}

void link_order_sections(link_env_t *env) {
    size_t cap = 0;
    free(env->sections);
    env->sections = NULL;
    env->n_sections = 0;
    for (const place_t *p = env->arch->placement; *p != PLACE_END; p++) {
        switch (*p) {
            case PLACE_VENEER:
                if (env->veneer_section.size) {
                    append(env, &env->veneer_section, *p, &cap);
                }
                break;
            case PLACE_INPUTS:
            {
                // The constructor tables have their own group.
                size_t n = 0;
                ld_section_t **list = xmalloc((env->n_inputs + 1) * sizeof(ld_section_t *));
                for (size_t i = 0; i < env->n_inputs; i++) {
                    if (env->inputs[i]->kind != SEC_INIT_ARRAY) {
                        list[n++] = env->inputs[i];
                    }
                }
                if (env->gc_sections) {
                    compact_inputs(env, list, n);
                }
                for (size_t i = 0; i < n; i++) {
                    append(env, list[i], *p, &cap);
                }
                free(list);
                break;
            }
            case PLACE_INIT_ARRAY:
                for (size_t i = 0; i < env->n_init_arrays; i++) {
                    append(env, env->init_arrays[i], *p, &cap);
                }
                break;
            case PLACE_DATA_IMAGE:
                if (env->data_image.size) {
                    append(env, &env->data_image, *p, &cap);
                }
                break;
            case PLACE_CALL_STUBS:
                for (size_t i = 0; i < env->n_stubs; i++) {
                    append(env, env->call_stubs[env->stub_order[i]], *p, &cap);
                }
                break;
            case PLACE_STATIC_STUBS:
                if (env->static_stubs.size) {
                    append(env, &env->static_stubs, *p, &cap);
                }
                break;
            case PLACE_GOT:
                append(env, &env->got_section, *p, &cap);
                break;
            case PLACE_LIT:
                append(env, &env->lit_section, *p, &cap);
                break;
            case PLACE_END:
                break;
        }
    }
}
