// Initialised writable data, static variables and constructors, for
// firmware whose loader knows only text, rodata and BSS.
//
// The loader relocates words in text and rodata only, and on some ports
// those cannot be written while the module runs (ESP8266/ESP32 IRAM takes
// only 32-bit stores, read-only file systems mapped into flash). So the
// .data sections live at the start of BSS, which every reference to them
// reaches; their initial values (an image, pointers included, relocated by
// the loader as any rodata word) go into text or rodata. When a module has
// such data or constructors (.init_array), the init object (py/natmod_init.c,
// --init-object) is linked in and its function becomes the module's entry:
// on each import it copies the image into BSS word by word, runs the
// constructors in order, then calls mpy_init.
//
// Code reaches a static variable PC-relatively (x64, Arm, RISC-V) or
// relative to the GOT (x86), and BSS lies at no fixed distance from text:
// that is why MicroPython's own linker refuses static BSS variables. Where
// the firmware's native code memory is writable (x86, x64: the unix
// port maps it read-write-execute), such sections are placed in text instead; xtensa reaches
// every variable through its literal pools, so through the GOT.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"

// The symbols py/natmod_init.c uses, defined by the linker.
enum {
    SYM_IMAGE, SYM_DATA, SYM_DATA_END, SYM_CTORS, SYM_INIT_ARRAY, SYM_INIT_ARRAY_END, N_INIT_SYMS
};
static const char *const init_sym_names[N_INIT_SYMS] = {
    "mpy_natmod_data_image", "mpy_natmod_data",       "mpy_natmod_data_end",
    "mpy_natmod_ctors",      "mpy_natmod_init_array", "mpy_natmod_init_array_end",
};
#define INIT_ENTRY "mpy_natmod_entry"

// The section a symbol is defined in, before resolution has run.
static const ld_section_t *defining_section(link_env_t *env, const ld_symbol_t *sym) {
    if (sym->section || sym->elf->bind == STB_LOCAL) {
        return sym->section;
    }
    const ld_symbol_t *def = strmap_get(&env->known_syms, sym->elf->name, strlen(sym->elf->name));
    return def ? def->section : NULL;
}

static bool is_writable(const ld_section_t *sec) {
    return sec && (sec->kind == SEC_BSS || sec->kind == SEC_DATA);
}

// Writable sections that code reaches at a fixed distance (PC- or
// GOT-relative) go into text where the firmware lets code write there.
static void place_static_data(link_env_t *env) {
    for (size_t i = 0; i < env->n_inputs; i++) {
        const ld_section_t *sec = env->inputs[i];
        for (size_t j = 0; j < sec->n_relocs; j++) {
            const elf_reloc_t *r = &sec->relocs[j];
            const arch_reloc_t *info = arch_find_reloc(env->arch, r->type);
            if (!info || (info->action != RELOC_PC_RELATIVE && info->action != RELOC_GOT_RELATIVE) ||
                r->sym >= sec->obj->elf.n_symbols) {
                continue;
            }
            ld_section_t *target = (ld_section_t *)defining_section(env, &sec->obj->symbols[r->sym]);
            if (is_writable(target)) {
                target->in_text = true;
            }
        }
    }
}

// The constructor table: first the .ctors sections (the older form, which
// compilers configured without .init_array write; run from last to first),
// then .init_array.N in ascending N, then the plain .init_array sections
// (as GNU ld sorts them); each group in load order.
static bool is_ctors(const ld_section_t *sec) {
    return strncmp(sec->name, ".ctors", 6) == 0;
}

static unsigned long init_priority(const ld_section_t *sec) {
    const char *p = sec->name + strlen(".init_array");
    return is_ctors(sec) ? 0 : *p == '.' ? 1 + strtoul(p + 1, NULL, 10) : 1 + 65536;
}

static int compare_init_arrays(const void *a, const void *b) {
    const ld_section_t *x = *(ld_section_t *const *)a, *y = *(ld_section_t *const *)b;
    unsigned long px = init_priority(x), py = init_priority(y);
    if (px != py) {
        return px < py ? -1 : 1;
    }
    return (x->image_addr > y->image_addr) - (x->image_addr < y->image_addr); // load order
}

static bool collect_init_arrays(link_env_t *env) {
    bool ok = true;
    for (size_t i = 0; i < env->n_inputs; i++) {
        ld_section_t *sec = env->inputs[i];
        if (sec->kind != SEC_INIT_ARRAY) {
            continue;
        }
        if (is_ctors(sec) && strcmp(sec->name, ".ctors") != 0) {
            ld_error("%s: section %s: constructor priorities in the .ctors form are not supported",
                     sec->obj->path, sec->name);
            ld_hint("drop the priority from __attribute__((constructor(N))), or use a compiler "
                    "that writes .init_array");
            ok = false;
            continue;
        }
        if (sec->size % env->arch->word_size != 0) {
            ld_error("%s: section %s is not a table of whole words", sec->obj->path, sec->name);
            ok = false;
            continue;
        }
        sec->image_addr = (uint32_t)env->n_init_arrays; // load order, for the stable sort
        env->init_arrays = xrealloc(env->init_arrays, (env->n_init_arrays + 1) * sizeof(sec));
        env->init_arrays[env->n_init_arrays++] = sec;
    }
    if (env->n_init_arrays > 1) {
        qsort(env->init_arrays, env->n_init_arrays, sizeof(ld_section_t *), compare_init_arrays);
    }
    return ok;
}

bool link_symbol_in_bss(link_env_t *env, const ld_symbol_t *sym) {
    const ld_section_t *sec = defining_section(env, sym);
    return sec && section_region(env, sec) == REGION_BSS;
}

void link_static_got_key(const ld_symbol_t *sym, int64_t addend, char *key, size_t len) {
    snprintf(key, len, "static %p%+lld", (const void *)sym, (long long)addend);
}

int64_t link_static_stub(link_env_t *env, const ld_section_t *sec, const elf_reloc_t *r) {
    uint32_t index = sec->static_stub ? sec->static_stub[r - sec->relocs] : 0;
    return index ? (int64_t)env->static_stubs.addr +
                       (int64_t)((index - 1) * env->arch->static_stub_size)
                 : -1;
}

void link_add_static_stub(link_env_t *env, ld_section_t *sec, const elf_reloc_t *r) {
    if (!sec->static_stub) {
        sec->static_stub = xcalloc(sec->n_relocs, sizeof(uint32_t));
    }
    uint32_t size = (uint32_t)env->arch->static_stub_size;
    sec->static_stub[r - sec->relocs] = env->static_stubs.size / size + 1;
    env->static_stubs = (ld_section_t){.name = "STATIC_STUBS", .kind = SEC_TEXT, .align = 4,
                                       .size = env->static_stubs.size + size};
}

bool section_has_image(const link_env_t *env, const ld_section_t *sec) {
    return sec->kind == SEC_DATA && section_region(env, sec) == REGION_BSS;
}

static bool needs_init(const link_env_t *env) {
    if (env->n_init_arrays) {
        return true;
    }
    for (size_t i = 0; i < env->n_inputs; i++) {
        if (section_has_image(env, env->inputs[i])) {
            return true;
        }
    }
    return false;
}

bool link_plan_data(link_env_t *env) {
    if (env->arch->writable_text) {
        place_static_data(env);
    }
    return collect_init_arrays(env);
}

static void define_init_symbols(link_env_t *env) {
    unsigned word = env->arch->word_size;
    env->data_image = (ld_section_t){.name = "DATA_IMAGE", .kind = SEC_RODATA, .align = word};
    env->data_live = (ld_section_t){.name = ".data (live)", .kind = SEC_BSS, .align = word};
    env->init_array = (ld_section_t){.name = ".init_array", .kind = SEC_INIT_ARRAY, .align = word};
    ld_section_t *sections[N_INIT_SYMS] = {&env->data_image, &env->data_live, &env->data_live,
                                           &env->init_array, &env->init_array, &env->init_array};
    for (size_t i = 0; i < N_INIT_SYMS; i++) {
        env->init_elf_syms[i] = (elf_symbol_t){
            .name = init_sym_names[i], .bind = STB_GLOBAL, .type = STT_OBJECT};
        env->init_syms[i] = (ld_symbol_t){.elf = &env->init_elf_syms[i], .section = sections[i]};
        strmap_put(&env->known_syms, init_sym_names[i], strlen(init_sym_names[i]),
                   &env->init_syms[i]);
    }
}

bool link_add_init_object(link_env_t *env) {
    if (!needs_init(env)) {
        return true;
    }
    if (!env->init_object) {
        ld_error("the module has initialised writable data or constructors, which need the init "
                 "object that copies the data and runs them on import");
        ld_hint("link with --init-object natmod_init.o, compiled from py/natmod_init.c with the "
                "module's flags (py/dynruntime.mk does this)");
        return false;
    }
    for (size_t i = 0; i < N_INIT_SYMS; i++) {
        if (strmap_get(&env->known_syms, init_sym_names[i], strlen(init_sym_names[i]))) {
            ld_error("the module defines %s, a name the linker defines for the init object",
                     init_sym_names[i]);
            return false;
        }
    }
    define_init_symbols(env);
    if (!link_load_input(env, env->init_object, false)) {
        return false;
    }
    ld_symbol_t *entry = strmap_get(&env->known_syms, INIT_ENTRY, strlen(INIT_ENTRY));
    if (!entry || !entry->obj || strcmp(entry->obj->path, env->init_object) != 0) {
        ld_error("%s: the init object must define the function " INIT_ENTRY, env->init_object);
        return false;
    }
    env->entry_name = INIT_ENTRY;
    return true;
}

void link_layout_data(link_env_t *env) {
    uint32_t size = 0, align = 4;
    for (size_t i = 0; i < env->n_inputs; i++) {
        ld_section_t *sec = env->inputs[i];
        if (!section_has_image(env, sec)) {
            continue;
        }
        sec->addr = (size + sec->align - 1) / sec->align * sec->align;
        size = sec->addr + sec->size;
        if (sec->align > align) {
            align = sec->align;
        }
    }
    // Whole words: the init object copies words, the only loads that IRAM takes.
    size = (size + 3) & ~3u;
    env->bss_size = size;
    env->data_live.size = size;
    env->data_image.size = size;
    env->data_image.align = align > env->arch->word_size ? align : env->arch->word_size;
    env->init_elf_syms[SYM_DATA_END].value = env->init_syms[SYM_DATA_END].value = size;
}

void link_write_data_image(link_env_t *env) {
    uint32_t ctors = 0, all = 0;
    for (size_t i = 0; i < env->n_init_arrays; i++) {
        all += env->init_arrays[i]->size;
        ctors += is_ctors(env->init_arrays[i]) ? env->init_arrays[i]->size : 0;
    }
    env->init_array.addr = env->n_init_arrays ? env->init_arrays[0]->addr : 0;
    env->init_array.size = all;
    env->init_syms[SYM_INIT_ARRAY].value = ctors;
    env->init_syms[SYM_INIT_ARRAY_END].value = all;
    if (all) {
        ld_log(2, "constructors: %u run on import, in order, before mpy_init",
               all / env->arch->word_size);
    }
    if (!env->data_image.size) {
        return;
    }
    buf_t *region = section_region(env, &env->data_image) == REGION_RODATA ? &env->rodata : &env->text;
    for (size_t i = 0; i < env->n_inputs; i++) {
        ld_section_t *sec = env->inputs[i];
        if (section_has_image(env, sec)) {
            sec->image_addr = env->data_image.addr + sec->addr;
            memcpy(region->data + sec->image_addr, sec->data, sec->size);
        }
    }
    ld_log(2, "initialised data: %u bytes kept in BSS, initialised on import from an image at "
              "%s+%08x", env->data_image.size, region_name(section_region(env, &env->data_image)),
           env->data_image.addr);
}
