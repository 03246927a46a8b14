#include "mpy-ld/arch.h"

#include "base/buf.h"

#include <stdio.h>
#include <string.h>

static const arch_t *const all_archs[] = {
    &arch_x86, &arch_x64, &arch_armv6m, &arch_armv7m,
    &arch_armv7emsp, &arch_armv7emdp, &arch_xtensa, &arch_xtensawin,
    &arch_rv32imc, &arch_rv64imc,
};

const place_t place_got_last[] = {PLACE_VENEER,       PLACE_INPUTS,     PLACE_INIT_ARRAY,
                                   PLACE_DATA_IMAGE,   PLACE_CALL_STUBS, PLACE_STATIC_STUBS,
                                   PLACE_GOT,          PLACE_END};

size_t arch_count(void) {
    return sizeof(all_archs) / sizeof(all_archs[0]);
}

const arch_t *arch_at(size_t index) {
    return index < arch_count() ? all_archs[index] : NULL;
}

const arch_t *arch_find(const char *name) {
    for (size_t i = 0; i < sizeof(all_archs) / sizeof(all_archs[0]); i++) {
        if (strcmp(all_archs[i]->name, name) == 0) {
            return all_archs[i];
        }
    }
    return NULL;
}

const char *arch_names(void) {
    static char names[128];
    if (names[0] == 0) {
        size_t n = 0;
        for (size_t i = 0; i < sizeof(all_archs) / sizeof(all_archs[0]) && n < sizeof(names); i++) {
            n += (size_t)snprintf(names + n, sizeof(names) - n, "%s%s", i ? " " : "", all_archs[i]->name);
        }
    }
    return names;
}

const arch_reloc_t *arch_find_reloc(const arch_t *arch, uint32_t type) {
    for (size_t i = 0; i < arch->n_relocs; i++) {
        if (arch->relocs[i].type == type) {
            return &arch->relocs[i];
        }
    }
    return NULL;
}

const debug_reloc_t *arch_find_debug_reloc(const arch_t *arch, uint32_t type) {
    for (size_t i = 0; i < arch->n_debug_relocs; i++) {
        if (arch->debug_relocs[i].type == type) {
            return &arch->debug_relocs[i];
        }
    }
    return NULL;
}

static bool apply_le32(uint8_t *p, int64_t value) {
    put_le32(p, get_le32(p) + (uint32_t)value);
    return true;
}

const reloc_patch_t patch_le32 = {4, apply_le32, NULL};

static bool apply_le64(uint8_t *p, int64_t value) {
    put_le64(p, get_le64(p) + (uint64_t)value);
    return true;
}

const reloc_patch_t patch_le64 = {8, apply_le64, NULL};
