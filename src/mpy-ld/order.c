// The order of the output sections, decided here only: the arch lists the
// groups (arch_t.placement), each group keeps the order its sections were
// made in.
#include <stdlib.h>

#include "mpy-ld/link.h"

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
                for (size_t i = 0; i < env->n_inputs; i++) {
                    if (env->inputs[i]->kind != SEC_INIT_ARRAY) {
                        append(env, env->inputs[i], *p, &cap);
                    }
                }
                break;
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
