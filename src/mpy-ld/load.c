// Loading one ELF object: check its machine, keep the sections a native
// module is made of, read their relocations, and record its global symbols.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"

static bool starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

void link_add_input(link_env_t *env, ld_section_t *sec) {
    if ((env->n_inputs & (env->n_inputs + 1)) == 0) {
        env->inputs = xrealloc(env->inputs, (env->n_inputs * 2 + 1) * sizeof(*env->inputs));
    }
    env->inputs[env->n_inputs++] = sec;
}

static void add_literal_section(link_env_t *env, ld_section_t *sec) {
    size_t n = env->n_literal_sections;
    if ((n & (n + 1)) == 0) {
        env->literal_sections = xrealloc(env->literal_sections, (n * 2 + 1) * sizeof(ld_section_t *));
    }
    env->literal_sections[env->n_literal_sections++] = sec;
}

// Which kind of output section an input section becomes, by name as
// mpy_ld.py decides it; returns false for sections that are not linked.
static bool classify_section(const char *name, sec_kind_t *kind) {
    static const struct {
        const char *prefix;
        sec_kind_t kind;
    } kinds[] = {
        {".literal", SEC_LITERAL}, // xtensa: pools that arch_xtensa.c turns into GOT and LIT
        {".text", SEC_TEXT},
        {".rodata", SEC_RODATA},
        {".data.rel.ro", SEC_DATA_REL_RO},
        {".data", SEC_DATA},
        {".init_array", SEC_INIT_ARRAY},
        {".ctors", SEC_INIT_ARRAY}, // the older form (xtensa-lx106-elf-g++), run backwards
        {".bss", SEC_BSS},
        // RISC-V's small-data forms (code built without -fpic puts small
        // variables there)
        {".srodata", SEC_RODATA},
        {".sbss", SEC_BSS},
        {".sdata", SEC_DATA},
    };
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        if (starts_with(name, kinds[i].prefix)) {
            *kind = kinds[i].kind;
            return true;
        }
    }
    return false;
}

// Sections that are not linked: most are debugging or unwinding tables no
// one reads; those that code would need are refused, with what to do.
static bool check_unlinked_section(const ld_object_t *obj, const elf_section_t *es) {
    if (starts_with(es->name, ".fini_array") || starts_with(es->name, ".dtors")) {
        ld_warning("%s: section %s holds destructors of global objects, which never run: a "
                   "native module is never unloaded",
                   obj->path, es->name);
        return true;
    }
    if (starts_with(es->name, ".gcc_except_table")) {
        ld_error("%s: section %s holds C++ exception handlers: native modules cannot throw C++ "
                 "exceptions (the firmware has no unwinder)",
                 obj->path, es->name);
        ld_hint("compile with -fno-exceptions (py/dynruntime.mk does) and raise MicroPython "
                "exceptions with mp_raise_* instead");
        return false;
    }
    return true;
}

static bool load_sections(link_env_t *env, ld_object_t *obj) {
    elf_file_t *elf = &obj->elf;
    bool ok = true;
    for (size_t i = 0; i < elf->n_sections; i++) {
        const elf_section_t *es = &elf->sections[i];
        sec_kind_t kind;
        bool has_bytes = es->type == SHT_PROGBITS || es->type == SHT_INIT_ARRAY ||
                         es->type == SHT_FINI_ARRAY;
        if ((!has_bytes && es->type != SHT_NOBITS) || es->size == 0) {
            continue;
        }
        if (es->flags & SHF_TLS) {
            ld_error("%s: section %s holds thread-local variables, which native modules cannot "
                     "have (the firmware gives them no thread pointer)",
                     obj->path, es->name);
            ld_hint("remove _Thread_local/__thread from the variable");
            ok = false;
            continue;
        }
        if (!classify_section(es->name, &kind)) {
            ok = check_unlinked_section(obj, es) && ok;
            continue;
        }
        if (es->addr != 0) {
            ld_error("%s: section %s has address 0x%llx: expected a relocatable object with "
                     "unplaced sections",
                     obj->path, es->name, (unsigned long long)es->addr);
            ok = false;
            continue;
        }
        if (es->type == SHT_NOBITS && kind != SEC_BSS) {
            ld_error("%s: section %s has no contents in the file (SHT_NOBITS) but is not BSS",
                     obj->path, es->name);
            ok = false;
            continue;
        }
        if (es->flags & SHF_COMPRESSED) {
            ld_error("%s: section %s is compressed; build without -gz", obj->path, es->name);
            ok = false;
            continue;
        }
        if (es->size > UINT32_MAX / 2 || es->addralign > 0x10000) {
            ld_error("%s: section %s is too large (size 0x%llx, alignment 0x%llx)", obj->path,
                     es->name, (unsigned long long)es->size, (unsigned long long)es->addralign);
            ok = false;
            continue;
        }
        ld_section_t *sec = xcalloc(1, sizeof(ld_section_t));
        sec->obj = obj;
        sec->name = es->name;
        sec->kind = kind;
        sec->data = es->type == SHT_NOBITS ? NULL : es->data;
        sec->size = (uint32_t)es->size;
        sec->align = es->addralign ? (uint32_t)es->addralign : 1;
        obj->by_index[i] = sec;
        if (kind == SEC_LITERAL) {
            add_literal_section(env, sec);
        } else {
            link_add_input(env, sec);
        }
    }
    return ok;
}

static bool load_relocations(ld_object_t *obj) {
    elf_file_t *elf = &obj->elf;
    for (size_t i = 0; i < elf->n_sections; i++) {
        const elf_section_t *es = &elf->sections[i];
        if (es->type != SHT_REL && es->type != SHT_RELA) {
            continue;
        }
        ld_section_t *target = es->info < elf->n_sections ? obj->by_index[es->info] : NULL;
        if (!target) {
            continue;
        }
        if (target->relocs) {
            ld_error("%s: section %s has more than one relocation section", obj->path,
                     target->name);
            return false;
        }
        if (!elf_read_relocs(elf, i, &target->relocs, &target->n_relocs)) {
            return false;
        }
        target->reloc_name = es->name;
    }
    return true;
}

static void push_symbol(ld_symbol_t ***list, size_t *n, ld_symbol_t *sym) {
    if ((*n & (*n + 1)) == 0) {
        *list = xrealloc(*list, (*n * 2 + 1) * sizeof(ld_symbol_t *));
    }
    (*list)[(*n)++] = sym;
}

static bool record_symbols(link_env_t *env, ld_object_t *obj) {
    bool ok = true;
    obj->symbols = xcalloc(obj->elf.n_symbols, sizeof(ld_symbol_t));
    for (size_t i = 0; i < obj->elf.n_symbols; i++) {
        const elf_symbol_t *es = &obj->elf.symbols[i];
        ld_symbol_t *sym = &obj->symbols[i];
        sym->elf = es;
        sym->obj = obj;
        sym->value = es->value;
        bool global = es->bind == STB_GLOBAL || es->bind == STB_WEAK;
        if (es->shndx != SHN_UNDEF && es->shndx < SHN_LORESERVE) {
            sym->section = obj->by_index[es->shndx];
            if (!sym->section || !global) {
                continue;
            }
            ld_symbol_t *prev = strmap_get(&env->known_syms, es->name, strlen(es->name));
            if (prev && es->bind == STB_WEAK) {
                continue; // an earlier definition wins over a weak one
            }
            // Symbols every object may bring its own copy of (x86's pc
            // thunks): the last copy loaded is the one others resolve to.
            const char *shared = env->arch->shared_symbol_prefix;
            if (prev && prev->elf->bind == STB_GLOBAL && es->bind == STB_GLOBAL &&
                !(shared && starts_with(es->name, shared))) {
                ld_error("duplicate symbol: %s: defined in %s and in %s", es->name,
                         prev->obj->path, obj->path);
                ok = false;
                continue;
            }
            strmap_put(&env->known_syms, es->name, strlen(es->name), sym);
        } else if (es->shndx == SHN_UNDEF && global && es->name[0]) {
            push_symbol(&env->undefined, &env->n_undefined, sym);
        } else if (es->shndx == SHN_COMMON && global) {
            push_symbol(&env->commons, &env->n_commons, sym);
        }
    }
    return ok;
}

// Loads the object in image[0..size), which must outlive the link.
static bool load_object_image(link_env_t *env, const char *path, const uint8_t *image,
                              size_t size) {
    ld_object_t *obj = xcalloc(1, sizeof(ld_object_t));
    obj->path = path;
    env->objects = xrealloc(env->objects, (env->n_objects + 1) * sizeof(ld_object_t *));
    env->objects[env->n_objects++] = obj;
    if (!elf_read(&obj->elf, path, image, size)) {
        return false;
    }
    if (obj->elf.machine != env->arch->elf_machine) {
        const char *actual = elf_machine_name(obj->elf.machine);
        char number[32];
        if (!actual) {
            snprintf(number, sizeof(number), "machine %u", obj->elf.machine);
            actual = number;
        }
        ld_error("%s: incompatible arch: --arch %s needs %s objects, this one is %s", path,
                 env->arch->name, elf_machine_name(env->arch->elf_machine), actual);
        ld_hint("compile it for %s, or pass the --arch it was compiled for", env->arch->name);
        return false;
    }
    if (obj->elf.is64 != (env->arch->word_size == 8)) {
        ld_error("%s: incompatible arch: --arch %s needs %d-bit objects, this one is %d-bit", path,
                 env->arch->name, env->arch->word_size * 8, obj->elf.is64 ? 64 : 32);
        ld_hint("compile it for %s, or pass the --arch it was compiled for", env->arch->name);
        return false;
    }
    char why[256];
    if (env->arch->object_ok && !env->arch->object_ok(&obj->elf, why, sizeof(why))) {
        ld_error("%s: incompatible object for --arch %s: %s", path, env->arch->name, why);
        return false;
    }
    obj->by_index = xcalloc(obj->elf.n_sections, sizeof(ld_section_t *));
    bool ok = load_sections(env, obj);
    ok = load_relocations(obj) && ok;
    ok = record_symbols(env, obj) && ok;
    return ok;
}

static bool load_image(link_env_t *env, const char *path, const uint8_t *image, size_t size,
                       bool library, unsigned depth) {
    bool is_archive = archive_is_archive(image, size);
    if (!library && !is_archive) {
        return load_object_image(env, path, image, size);
    }
    if (!is_archive && libscript_is_script(image, size)) {
        return libscript_load(env, path, image, size, depth);
    }
    env->archives = xrealloc(env->archives, (env->n_archives + 1) * sizeof(archive_t));
    return archive_read(&env->archives[env->n_archives++], path, image, size);
}

static bool load_file(link_env_t *env, const char *path, bool library, unsigned depth) {
    const uint8_t *data;
    size_t len;
    int err = file_map(path, &data, &len);
    if (err) {
        ld_error("%s: cannot read: %s", path, strerror(err));
        return false;
    }
    env->mapped = xrealloc(env->mapped, (env->n_mapped + 1) * sizeof(env->mapped[0]));
    env->mapped[env->n_mapped].data = data;
    env->mapped[env->n_mapped++].len = len;
    return load_image(env, path, data, len, library, depth);
}

bool link_load_input(link_env_t *env, const char *path, bool library) {
    return load_file(env, path, library, 0);
}

bool link_load_library(link_env_t *env, const char *path, unsigned depth) {
    return load_file(env, path, true, depth);
}

bool link_load_image(link_env_t *env, const char *path, const uint8_t *image, size_t size,
                     bool library) {
    return load_image(env, path, image, size, library, 0);
}

// Takes from the archives, in order, each member that defines a symbol still
// undefined; members loaded on the way add their own undefined symbols to
// the list, so one pass over it reaches them too.
bool link_load_archive_members(link_env_t *env) {
    bool ok = true;
    for (size_t i = 0; i < env->n_undefined; i++) {
        const char *name = env->undefined[i]->elf->name;
        if (link_symbol_is_provided(env, name)) {
            continue;
        }
        for (size_t a = 0; a < env->n_archives; a++) {
            archive_t *ar = &env->archives[a];
            ar_member_t *m = archive_find_symbol(ar, name);
            if (!m || m->loaded) {
                continue;
            }
            m->loaded = true;
            size_t len = strlen(ar->path) + strlen(m->name) + 3;
            char *member_path = xmalloc(len);
            snprintf(member_path, len, "%s(%s)", ar->path, m->name);
            env->owned_paths = xrealloc(env->owned_paths, (env->n_owned_paths + 1) * sizeof(char *));
            env->owned_paths[env->n_owned_paths++] = member_path;
            ld_log(2, "using %s", member_path);
            ok = load_object_image(env, member_path, m->data, m->size) && ok;
            env->objects[env->n_objects - 1]->taken_for = name;
            env->objects[env->n_objects - 1]->taken_by = env->undefined[i]->obj;
            break;
        }
    }
    return ok;
}
