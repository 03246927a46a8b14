// Resolving undefined symbols: against other objects, the tables the loader
// provides (mp_fun_table, mp_native_qstr_table, mp_native_obj_table), and the
// objects that mp_fun_table points to. Every symbol left over is reported.
#include <string.h>

#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"
#include "mpy/fun_table.h"
#include "mpy/mpy_format.h"

ld_symbol_t *symbol_target(ld_symbol_t *sym) {
    return sym->resolved ? sym->resolved : sym;
}

static bool starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool is_one_of(const char *name, const char *const *list) {
    for (; *list; list++) {
        if (strcmp(name, *list) == 0) {
            return true;
        }
    }
    return false;
}

// Tells the module author what to do instead of the symbol they used.
static void hint_for_undefined(const char *name) {
    static const char *const print_funcs[] = {"printf", "puts", "putchar", "fprintf",
                                              "vprintf", "sprintf", "snprintf", NULL};
    static const char *const alloc_funcs[] = {"malloc", "calloc", "realloc", "free", NULL};
    static const char *const libc_funcs[] = {"memcmp", "strlen", "strcmp", "strcpy",
                                             "strncmp", "strchr", "abort", "exit", NULL};
    // py/dynruntime.h names an API of another .mpy version so, for
    // compilers without the error attribute that would have said this.
    static const char needs_6_3[] = "mp_needs_mpy_6_3__", until_6_2[] = "mp_until_mpy_6_2__";
    if (starts_with(name, needs_6_3)) {
        ld_hint("%s needs MicroPython v1.23 or later (.mpy 6.3): build with make MPY_VERSION=6.3",
                name + sizeof(needs_6_3) - 1);
    } else if (starts_with(name, until_6_2)) {
        ld_hint("%s is not in MicroPython v1.23 and later (.mpy 6.3), which this module is built for",
                name + sizeof(until_6_2) - 1);
    } else if (starts_with(name, "__cxa_") && !strstr(name, "guard") && !strstr(name, "atexit")) {
        ld_hint("%s belongs to C++ exceptions, which native modules cannot use (the firmware has "
                "no unwinder): compile with -fno-exceptions (py/dynruntime.mk does)", name);
    } else if (starts_with(name, "__gxx_personality") || starts_with(name, "_Unwind_")) {
        ld_hint("%s unwinds C++ exceptions: compile with -fno-exceptions (py/dynruntime.mk does)",
                name);
    } else if (starts_with(name, "_ZTI") || starts_with(name, "_ZTVN10__cxxabiv1")) {
        ld_hint("%s is C++ run-time type information (typeid, dynamic_cast), which native "
                "modules cannot use: compile with -fno-rtti (py/dynruntime.mk does)", name);
    } else if (starts_with(name, "__cxa_guard") || starts_with(name, "__cxa_atexit") ||
               strcmp(name, "__dso_handle") == 0) {
        ld_hint("%s: compile C++ with -fno-threadsafe-statics -fno-use-cxa-atexit "
                "(py/dynruntime.mk does)", name);
    } else if (is_one_of(name, print_funcs)) {
        ld_hint("native modules can only call what mp_fun_table exports; print with "
                "mp_printf(&mp_plat_print, ...) from py/dynruntime.h");
    } else if (is_one_of(name, alloc_funcs)) {
        ld_hint("native modules can only call what mp_fun_table exports; allocate with "
                "m_malloc, m_realloc and m_free from py/dynruntime.h");
    } else if (is_one_of(name, libc_funcs)) {
        ld_hint("the C library is not linked into native modules (the compiler may also emit "
                "calls to it for struct copies); define %s in your module", name);
    } else if (starts_with(name, "__aeabi_") || starts_with(name, "__gnu_") ||
               (starts_with(name, "__") && (strstr(name, "div") || strstr(name, "mod") ||
                                            strstr(name, "sf") || strstr(name, "df") ||
                                            strstr(name, "di3") || strstr(name, "si3")))) {
        ld_hint("%s is a compiler helper routine from libgcc, which is not linked into native "
                "modules; avoid the operation that needs it (e.g. division, 64-bit or "
                "floating-point arithmetic without hardware support) or define it in your "
                "module",
                name);
    } else {
        ld_hint("native modules can only use symbols defined in their own objects or exported "
                "by mp_fun_table (see py/dynruntime.h)");
    }
}

// COMMON symbols (tentative definitions, from -fcommon): a real definition
// wins; otherwise all symbols of one name share one zeroed BSS section of the
// largest size and alignment asked for (st_size and st_value of COMMON).
bool link_allocate_commons(link_env_t *env) {
    strmap_t by_name = {0};
    bool ok = true;
    for (size_t i = 0; i < env->n_commons; i++) {
        ld_symbol_t *sym = env->commons[i];
        const char *name = sym->elf->name;
        size_t len = strlen(name);
        ld_section_t *sec = strmap_get(&by_name, name, len);
        ld_symbol_t *def = strmap_get(&env->known_syms, name, len);
        if (def && !sec) {
            sym->resolved = def;
            continue;
        }
        if (sym->elf->size > (1u << 30) || sym->elf->value > 0x10000) {
            ld_error("%s: COMMON symbol %s: size 0x%llx or alignment 0x%llx too large",
                     sym->obj->path, name, (unsigned long long)sym->elf->size,
                     (unsigned long long)sym->elf->value);
            ok = false;
            continue;
        }
        if (!sec) {
            sec = xcalloc(1, sizeof(ld_section_t));
            sec->name = "COMMON";
            sec->kind = SEC_BSS;
            sec->align = 1;
            sec->obj = sym->obj;
            env->common_sections = xrealloc(env->common_sections, (env->n_common_sections + 1) *
                                                                      sizeof(ld_section_t *));
            env->common_sections[env->n_common_sections++] = sec;
            link_add_input(env, sec);
            strmap_put(&by_name, name, len, sec);
            strmap_put(&env->known_syms, name, len, sym);
            sym->section = sec;
            sym->value = 0;
        } else {
            sym->resolved = def;
        }
        if (sec->size < sym->elf->size) {
            sec->size = (uint32_t)sym->elf->size;
        }
        if (sec->align < sym->elf->value) {
            sec->align = (uint32_t)sym->elf->value;
        }
    }
    strmap_free(&by_name);
    return ok;
}

// A weak definition gives way to a strong one in another object, also for
// the references of its own object.
static void resolve_weak_definitions(link_env_t *env) {
    for (size_t i = 0; i < env->n_objects; i++) {
        ld_object_t *obj = env->objects[i];
        for (size_t j = 0; j < obj->elf.n_symbols; j++) {
            ld_symbol_t *sym = &obj->symbols[j];
            if (sym->elf->bind != STB_WEAK || !sym->section) {
                continue;
            }
            ld_symbol_t *def = strmap_get(&env->known_syms, sym->elf->name, strlen(sym->elf->name));
            if (def && def != sym) {
                sym->resolved = def;
            }
        }
    }
}

// The mp_fun_table entry named field (in the table of the .mpy version
// written), or -1.
static int64_t fun_table_index(const link_env_t *env, const char *field) {
    for (size_t i = 0; i < fun_table_size(env->sub_version); i++) {
        if (strcmp(fun_table_name(env->sub_version, i), field) == 0) {
            return (int64_t)i;
        }
    }
    return -1;
}

// C library functions that mp_fun_table exports, by the entry serving them
// (memcpy is served by memmove). Compilers call them on their own; direct
// calls go through a stub (stubs.c).
static const struct {
    const char *name;
    const char *field;
} fun_table_functions[] = {
    {"memset", "memset_"},
    {"memmove", "memmove_"},
    {"memcpy", "memmove_"},
};
#define N_FUN_TABLE_FUNCTIONS (sizeof(fun_table_functions) / sizeof(fun_table_functions[0]))

bool link_is_fun_table_function(const link_env_t *env, uint32_t index) {
    for (size_t j = 0; j < N_FUN_TABLE_FUNCTIONS; j++) {
        if (fun_table_index(env, fun_table_functions[j].field) == (int64_t)index) {
            return true;
        }
    }
    return false;
}

// Objects and functions outside the module that mp_fun_table points to: the
// objects are the entries type_* and stream_*, named mp_type_list etc.
static bool is_fun_table_object(const link_env_t *env, const char *name, uint32_t *index) {
    int64_t i = -1;
    if (starts_with(name, "mp_type_") || starts_with(name, "mp_stream_")) {
        i = fun_table_index(env, name + 3);
    }
    for (size_t j = 0; j < N_FUN_TABLE_FUNCTIONS && i < 0; j++) {
        if (strcmp(name, fun_table_functions[j].name) == 0) {
            i = fun_table_index(env, fun_table_functions[j].field);
        }
    }
    if (i < 0) {
        return false;
    }
    *index = (uint32_t)i;
    return true;
}

// Symbols the loader provides: the section standing for each (NULL for
// _GLOBAL_OFFSET_TABLE_, whose relocations address the GOT itself), or false.
static bool loader_symbol(link_env_t *env, const char *name, ld_section_t **section) {
    const struct {
        const char *name;
        ld_section_t *section;
    } symbols[] = {
        {"_GLOBAL_OFFSET_TABLE_", NULL},
        {"mp_fun_table", &env->ext_fun_table},
        {"mp_native_qstr_table", &env->ext_qstr_table},
        {"mp_native_obj_table", &env->ext_obj_table},
    };
    for (size_t i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++) {
        if (strcmp(name, symbols[i].name) == 0) {
            *section = symbols[i].section;
            return true;
        }
    }
    return false;
}

bool link_symbol_is_provided(link_env_t *env, const char *name) {
    ld_section_t *section;
    uint32_t index;
    return loader_symbol(env, name, &section) ||
           strmap_get(&env->known_syms, name, strlen(name)) ||
           link_find_extern(env, name, &index) || is_fun_table_object(env, name, &index);
}

bool link_resolve_symbols(link_env_t *env) {
    resolve_weak_definitions(env);
    for (size_t i = 0; i < env->n_externs; i++) {
        const ld_extern_t *x = &env->externs[i];
        if (strmap_get(&env->known_syms, x->name, strlen(x->name))) {
            ld_log(1, "Symbol %s is a fixed-address symbol at %08x and is also provided from an "
                      "object file; the object file's definition is used",
                   x->name, x->addr);
        }
    }
    bool ok = true;
    for (size_t i = 0; i < env->n_undefined; i++) {
        ld_symbol_t *sym = env->undefined[i];
        const char *name = sym->elf->name;
        if (sym->unreferenced) {
            continue;
        }
        if (loader_symbol(env, name, &sym->section)) {
            continue;
        }
        ld_symbol_t *def = strmap_get(&env->known_syms, name, strlen(name));
        if (def) {
            sym->resolved = def;
            continue;
        }
        uint32_t addr;
        if (link_find_extern(env, name, &addr)) {
            sym->section = &env->ext_fixed;
            sym->value = addr;
            continue;
        }
        if (is_fun_table_object(env, name, &sym->fun_table_index)) {
            sym->section = &env->ext_fun_entry;
            continue;
        }
        if (sym->elf->bind == STB_WEAK) {
            ld_error("%s: undefined weak symbol: %s", sym->obj->path, name);
        } else {
            ld_error("%s: undefined symbol: %s", sym->obj->path, name);
        }
        hint_for_undefined(name);
        ok = false;
    }
    return ok;
}
