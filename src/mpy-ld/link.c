// Drives a link from object files to the bytes of a .mpy (see link.h).
#include "mpy-ld/link.h"

#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "mpy-ld/diag.h"

static void init_synthetic_sections(link_env_t *env) {
    unsigned word = env->arch->word_size;
    env->got_section = (ld_section_t){.name = "GOT", .kind = SEC_GOT, .align = word};
    env->lit_section = (ld_section_t){.name = "LIT", .kind = SEC_LIT, .align = word};
    env->ext_fun_table = (ld_section_t){.name = ".external", .kind = SEC_EXT_FUN_TABLE};
    env->ext_fun_entry =
        (ld_section_t){.name = ".external.mp_fun_table", .kind = SEC_EXT_FUN_ENTRY};
    env->ext_qstr_table =
        (ld_section_t){.name = ".external.qstr_table", .kind = SEC_EXT_QSTR_TABLE};
    env->ext_obj_table = (ld_section_t){.name = ".external.obj_table", .kind = SEC_EXT_OBJ_TABLE};
    env->ext_fixed = (ld_section_t){.name = ".external.fixed_addr", .kind = SEC_EXT_FIXED};
}

static bool entry_address(link_env_t *env, int64_t *addr) {
    ld_symbol_t *entry = strmap_get(&env->known_syms, env->entry_name, strlen(env->entry_name));
    if (!entry || section_region(env, entry->section) != REGION_TEXT) {
        ld_error("no mpy_init function: every native module needs a global function mpy_init, "
                 "the entry point called on import");
        return false;
    }
    *addr = (int64_t)entry->section->addr + (int64_t)entry->value;
    return true;
}

// True when the .mpy written has the reference's shortest entry jumps.
static bool shortest_entry_jump(const link_env_t *env) {
    return env->sub_version >= 3;
}

static size_t encode_entry_jump(const link_env_t *env, uint8_t out[8], int64_t entry) {
    return env->arch->encode_entry_jump(out, entry, shortest_entry_jump(env));
}

// Where the jump at the start of text goes: mpy_init, or the veneer that
// reaches it.
static bool jump_target(link_env_t *env, int64_t *target) {
    if (!entry_address(env, target)) {
        return false;
    }
    if (env->veneer_section.size) {
        *target = env->veneer_section.addr;
    }
    return true;
}

// The loader calls the start of text. Under --gc-sections mpy_init's section
// goes first (order.c), so where the arch puts the inputs first, mpy_init
// usually starts the text and needs no jump: the link starts without one.
static bool entry_may_start_text(const link_env_t *env) {
    place_t first = env->arch->placement[0];
    return env->gc_sections && (first == PLACE_INPUTS || first == PLACE_VENEER);
}

static bool entry_starts_text(const link_env_t *env, int64_t entry) {
    return env->entry_jump_len == 0 && (entry & ~(int64_t)env->arch->func_addr_bit) == 0;
}

// Makes room for the jump that reaches mpy_init at the start of text. Where
// the jump's length depends on the distance, the text is laid out again with
// the longer jump (which moves mpy_init further, so lengths only grow). Where
// a fixed-length jump does not reach and the arch has a veneer, one goes
// first in text.
static bool place_entry(link_env_t *env) {
    const arch_t *arch = env->arch;
    uint8_t jump[8];
    for (;;) {
        int64_t target;
        if (!jump_target(env, &target)) {
            return false;
        }
        if (entry_starts_text(env, target)) {
            return true;
        }
        size_t len = encode_entry_jump(env, jump, target);
        if (len != 0 && len == env->entry_jump_len) {
            return true;
        }
        if (len > env->entry_jump_len) {
            env->entry_jump_len = len;
            if (!link_layout(env)) {
                return false;
            }
        } else if (len == 0 && arch->encode_entry_veneer && !env->veneer_section.size) {
            env->veneer_section = (ld_section_t){
                .name = "ENTRY", .kind = SEC_TEXT, .align = 4,
                .size = (uint32_t)arch->encode_entry_veneer(NULL, 0, 0)};
            if (!link_layout(env)) {
                return false;
            }
        } else {
            // len 0: out of reach (a shorter jump than reserved cannot come
            // up: the text only grew).
            ld_error("mpy_init is at offset 0x%llx of text, too far for the entry jump of %s",
                     (unsigned long long)target, arch->name);
            ld_hint("put the source file that defines mpy_init first in SRC, and mpy_init early "
                    "in that file");
            return false;
        }
    }
}

static bool write_entry(link_env_t *env) {
    int64_t entry, target;
    if (!entry_address(env, &entry) || !jump_target(env, &target)) {
        return false;
    }
    if (entry_starts_text(env, target)) {
        return true;
    }
    if (env->veneer_section.size) {
        env->arch->encode_entry_veneer(env->text.data + target, target, entry);
    }
    uint8_t jump[8];
    size_t len = encode_entry_jump(env, jump, target);
    if (len != env->entry_jump_len) {
        ld_error("internal error: the entry jump changed length after layout");
        return false;
    }
    memcpy(env->text.data, jump, len);
    return true;
}

void link_init(link_env_t *env, const arch_t *arch, unsigned sub_version) {
    memset(env, 0, sizeof(*env));
    env->arch = arch;
    env->sub_version = sub_version;
    env->entry_name = "mpy_init";
    init_synthetic_sections(env);
    // The shortest jump, to a nearby entry, until the layout says otherwise.
    uint8_t jump[8];
    env->entry_jump_len = encode_entry_jump(env, jump, 8);
}

bool link_run(link_env_t *env, char **inputs, size_t n_inputs, char **libs, size_t n_libs) {
    bool ok = true;
    for (size_t i = 0; i < n_inputs; i++) {
        ok = link_load_input(env, inputs[i], false) && ok;
    }
    for (size_t i = 0; i < n_libs; i++) {
        ok = link_load_input(env, libs[i], true) && ok;
    }
    return ok && link_finish(env);
}

bool link_finish(link_env_t *env) {
    if (!link_load_archive_members(env)) {
        return false;
    }
    bool ok = link_allocate_commons(env);
    if (ok && env->gc_sections) {
        link_gc_sections(env);
    }
    ok = ok && link_plan_data(env) && link_add_init_object(env);
    if (entry_may_start_text(env)) {
        env->entry_jump_len = 0;
    }
    ok = link_build_got(env) && ok;
    ok = link_resolve_symbols(env) && ok;
    if (!ok) {
        return false;
    }
    link_add_call_stubs(env);
    env->got_section.size = (uint32_t)(env->n_got * env->arch->word_size);
    if (!link_layout(env) || !place_entry(env)) {
        return false;
    }
    link_log_sections(env);
    link_write_data_image(env);
    if (!link_populate_got(env)) {
        return false;
    }
    if (env->arch->write_tables) {
        env->arch->write_tables(env);
    }
    if (!link_apply_relocations(env)) {
        return false;
    }
    link_write_call_stubs(env);
    return write_entry(env);
}

void link_free(link_env_t *env) {
    for (size_t i = 0; i < env->n_objects; i++) {
        ld_object_t *obj = env->objects[i];
        for (size_t j = 0; j < obj->elf.n_sections; j++) {
            ld_section_t *sec = obj->by_index ? obj->by_index[j] : NULL;
            if (sec) {
                free(sec->relocs);
                free(sec->literal_got);
                free(sec->literal_slot);
                free(sec->static_stub);
                free(sec);
            }
        }
        free(obj->by_index);
        free(obj->symbols);
        elf_free(&obj->elf);
        free(obj);
    }
    for (size_t i = 0; i < env->n_got; i++) {
        free(env->got[i]->owned_key);
        free(env->got[i]->owned_name);
        free(env->got[i]);
    }
    for (size_t i = 0; i < env->n_externs; i++) {
        free(env->externs[i].name);
    }
    free(env->externs);
    strmap_free(&env->externs_by_name);
    for (size_t i = 0; i < env->n_archives; i++) {
        archive_free(&env->archives[i]);
    }
    free(env->archives);
    for (size_t i = 0; i < env->n_owned_paths; i++) {
        free(env->owned_paths[i]);
    }
    free(env->owned_paths);
    for (size_t i = 0; i < env->n_mapped; i++) {
        file_unmap(env->mapped[i].data, env->mapped[i].len);
    }
    free(env->mapped);
    free(env->objects);
    free(env->inputs);
    free(env->sections);
    free(env->literal_sections);
    free(env->discarded);
    free(env->init_arrays);
    free(env->undefined);
    free(env->commons);
    for (size_t i = 0; i < env->n_common_sections; i++) {
        free(env->common_sections[i]);
    }
    free(env->common_sections);
    for (size_t i = 0; i < MPY_FUN_TABLE_MAX; i++) {
        free(env->call_stubs[i]);
    }
    free(env->got);
    free(env->lit_values);
    free(env->mpy_relocs);
    strmap_free(&env->known_syms);
    strmap_free(&env->got_by_key);
    buf_free(&env->text);
    buf_free(&env->rodata);
}
