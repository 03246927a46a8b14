// Call stubs for the C library functions that mp_fun_table exports (memset,
// memmove; memcpy is served by memmove). Compilers call these on their own,
// for struct copies and zeroed arrays, with a direct call that must land
// inside the module: it lands on a small stub that jumps to the function
// whose address the loader puts in the stub's literal word.
#include <string.h>

#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"
#include "mpy/mpy_format.h"

static bool calls_fun_table_entry(const link_env_t *env, const ld_section_t *sec,
                                  const elf_reloc_t *r, uint32_t *index) {
    const arch_reloc_t *info = arch_find_reloc(env->arch, r->type);
    if (!info || info->action != RELOC_PC_RELATIVE) {
        return false;
    }
    const ld_symbol_t *t = symbol_target(&sec->obj->symbols[r->sym]);
    if (!t->section || t->section->kind != SEC_EXT_FUN_ENTRY ||
        !link_is_fun_table_function(env, t->fun_table_index)) {
        return false;
    }
    *index = t->fun_table_index;
    return true;
}

void link_add_call_stubs(link_env_t *env) {
    if (!env->arch->encode_call_stub) {
        return;
    }
    for (size_t i = 0; i < env->n_inputs; i++) {
        const ld_section_t *sec = env->inputs[i];
        for (size_t j = 0; j < sec->n_relocs; j++) {
            uint32_t index;
            if (!calls_fun_table_entry(env, sec, &sec->relocs[j], &index) ||
                env->call_stubs[index]) {
                continue;
            }
            size_t literal;
            ld_section_t *stub = xcalloc(1, sizeof(ld_section_t));
            stub->name = "STUB";
            stub->kind = SEC_TEXT;
            stub->align = env->arch->word_size;
            stub->size = (uint32_t)env->arch->encode_call_stub(NULL, 0, 0, &literal);
            env->call_stubs[index] = stub;
            env->stub_order[env->n_stubs++] = index;
        }
    }
}

const ld_section_t *link_call_stub(const link_env_t *env, const ld_symbol_t *target) {
    bool function = target->section->kind == SEC_EXT_FUN_ENTRY &&
                    link_is_fun_table_function(env, target->fun_table_index);
    return function ? env->call_stubs[target->fun_table_index] : NULL;
}

void link_write_call_stubs(link_env_t *env) {
    for (uint32_t index = 0; index < MPY_FUN_TABLE_MAX; index++) {
        const ld_section_t *stub = env->call_stubs[index];
        if (!stub) {
            continue;
        }
        size_t literal;
        env->arch->encode_call_stub(env->text.data + stub->addr, stub->addr,
                                    env->got_section.addr, &literal);
        link_add_mpy_reloc(env, REGION_TEXT, stub->addr + (uint32_t)literal,
                           MPY_RELOC_FUN_TABLE_ENTRY + index);
    }
}
