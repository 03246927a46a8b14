// Placing sections: text (after the entry jump), rodata (its own region only
// where the arch keeps it apart) and BSS, each section at its alignment.
#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"
#include "mpy/mpy_format.h"

region_t section_region(const link_env_t *env, const ld_section_t *sec) {
    switch (sec->kind) {
        case SEC_BSS:
        case SEC_DATA:
            return sec->in_text ? REGION_TEXT : REGION_BSS;
        case SEC_RODATA:
        case SEC_DATA_REL_RO:
        case SEC_INIT_ARRAY:
            return env->arch->separate_rodata ? REGION_RODATA : REGION_TEXT;
        case SEC_TEXT:
        case SEC_GOT:
        case SEC_LIT:
            return REGION_TEXT;
        default:
            return REGION_NONE;
    }
}

const char *region_name(region_t region) {
    static const char *const names[] = {"text", "rodata", "bss", "-"};
    return names[region];
}

// The load-time destination for an address inside a linked section.
uint32_t section_reloc_dest(const link_env_t *env, const ld_section_t *sec) {
    switch (section_region(env, sec)) {
        case REGION_RODATA:
            return MPY_RELOC_RODATA;
        case REGION_BSS:
            return MPY_RELOC_BSS;
        default:
            return MPY_RELOC_TEXT;
    }
}

static uint32_t align_up(uint32_t value, uint32_t align) {
    return (value + align - 1) / align * align;
}

// A region larger than this is refused (no microcontroller has the memory,
// and the sizes stay far from the 32-bit limits of the format).
#define REGION_MAX (256u << 20)

bool link_layout(link_env_t *env) {
    link_layout_data(env); // .data kept in BSS goes first there, and sizes its image
    link_order_sections(env);
    // Room for the entry jump, written once mpy_init's address is known.
    env->text.len = 0;
    env->rodata.len = 0;
    buf_append_zeros(&env->text, env->entry_jump_len);
    for (size_t i = 0; i < env->n_sections; i++) {
        ld_section_t *sec = env->sections[i];
        region_t region = section_region(env, sec);
        uint64_t end = (region == REGION_BSS ? env->bss_size
                        : region == REGION_RODATA ? env->rodata.len : env->text.len) +
                       (uint64_t)sec->align + sec->size;
        if (end > REGION_MAX) {
            ld_error("%s: section %s (%u bytes) makes the module larger than %u bytes",
                     sec->obj ? sec->obj->path : "(linker)", sec->name, sec->size, REGION_MAX);
            return false;
        }
        if (section_has_image(env, sec)) {
            continue; // placed by link_layout_data
        }
        if (region == REGION_BSS) {
            sec->addr = align_up(env->bss_size, sec->align);
            env->bss_size = sec->addr + sec->size;
            continue;
        }
        buf_t *b = region == REGION_RODATA ? &env->rodata : &env->text;
        sec->addr = align_up((uint32_t)b->len, sec->align);
        buf_append_zeros(b, sec->addr - b->len);
        if (sec->data) {
            buf_append(b, sec->data, sec->size);
        } else {
            buf_append_zeros(b, sec->size);
        }
    }
    return true;
}

void link_log_sections(const link_env_t *env) {
    ld_log(2, "sections:");
    for (size_t i = 0; i < env->n_sections; i++) {
        const ld_section_t *sec = env->sections[i];
        ld_log(2, "  %08x %s size=%u", sec->addr, sec->name, sec->size);
    }
}

void link_add_mpy_reloc(link_env_t *env, region_t where, uint32_t byte_offset, uint32_t dest) {
    if (env->n_mpy_relocs == env->cap_mpy_relocs) {
        env->cap_mpy_relocs = env->cap_mpy_relocs ? env->cap_mpy_relocs * 2 : 64;
        env->mpy_relocs = xrealloc(env->mpy_relocs, env->cap_mpy_relocs * sizeof(mpy_reloc_t));
    }
    env->mpy_relocs[env->n_mpy_relocs++] = (mpy_reloc_t){
        .base = where == REGION_RODATA ? MPY_RELOC_IN_RODATA : MPY_RELOC_IN_TEXT,
        .word_offset = byte_offset / env->arch->word_size,
        .dest = dest,
    };
}
