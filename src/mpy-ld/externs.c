// Fixed-address symbols (--externs FILE): functions and data that sit at a
// known address in the firmware, such as a chip's ROM routines, listed in a
// linker-script file as the vendor SDKs ship them (ESP8266's
// eagle.rom.addr.v6.ld, ESP-IDF's esp_rom *.ld):
//
//     PROVIDE ( ets_printf = 0x400024cc );
//     Cache_Read_Enable = 0x40004678;
//
// Only these two forms are read (whitespace anywhere, an address of 1 to 8
// hex digits); comments are skipped and every other statement of the script
// is ignored, as MicroPython v1.28's mpy_ld.py does. Code reaches such a
// symbol through a GOT entry that holds its address and is never relocated.
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"

// The line with all whitespace removed, in out (of size >= len + 1).
static void strip_spaces(const char *line, size_t len, char *out) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (!isspace((unsigned char)line[i])) {
            out[n++] = line[i];
        }
    }
    out[n] = 0;
}

static bool starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

// Parses "NAME=0xHEX;" or "PROVIDE(NAME=0xHEX);" (spaces removed) into
// *name (pointing into s, NUL-terminated there) and *addr. Returns 0 if the
// line is another statement, 1 on success, -1 for a bad address (with *why).
static int parse_assignment(char *s, char **name, uint32_t *addr, const char **why) {
    bool provide = starts_with(s, "PROVIDE(");
    char *p = provide ? s + 8 : s;
    if (!(isalpha((unsigned char)*p) || *p == '_')) {
        return 0;
    }
    char *start = p;
    while (isalnum((unsigned char)*p) || *p == '_') {
        p++;
    }
    if (p[0] != '=' || p[1] != '0' || (p[2] != 'x' && p[2] != 'X')) {
        return 0;
    }
    *p = 0;
    p += 3;
    char *digits = p;
    while (isxdigit((unsigned char)*p)) {
        p++;
    }
    const char *end = provide ? ");" : ";";
    if (strcmp(p, end) != 0) {
        return 0;
    }
    size_t n = (size_t)(p - digits);
    if (n == 0 || n > 8) {
        *why = n == 0 ? "no hex digits after 0x" : "more than 8 hex digits (addresses are 32-bit)";
        return -1;
    }
    *name = start;
    *addr = (uint32_t)strtoul(digits, NULL, 16);
    return 1;
}

static bool add_extern(link_env_t *env, const char *path, size_t line, const char *name,
                       uint32_t addr) {
    size_t len = strlen(name);
    uintptr_t prev = (uintptr_t)strmap_get(&env->externs_by_name, name, len);
    if (prev) {
        ld_error("%s:%zu: fixed-address symbol %s is already defined on line %zu", path, line,
                 name, env->externs[prev - 1].line);
        return false;
    }
    env->externs = xrealloc(env->externs, (env->n_externs + 1) * sizeof(env->externs[0]));
    env->externs[env->n_externs] = (ld_extern_t){.name = xstrdup(name), .addr = addr, .line = line};
    env->n_externs++;
    // Stored 1-based, so that 0 means absent.
    strmap_put(&env->externs_by_name, env->externs[env->n_externs - 1].name, len,
               (void *)(uintptr_t)env->n_externs);
    return true;
}

bool link_read_externs(link_env_t *env, const char *path) {
    buf_t text = {0};
    int err = file_read_all(path, &text);
    if (err) {
        ld_error("%s: cannot read the fixed-address symbols (--externs): %s", path, strerror(err));
        return false;
    }
    bool ok = true, in_comment = false;
    const char *p = (const char *)text.data, *end = p + text.len;
    char *line = xmalloc(text.len + 1);
    for (size_t number = 1; p < end; number++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t len = eol ? (size_t)(eol - p) : (size_t)(end - p);
        strip_spaces(p, len, line);
        p += len + (eol != NULL);
        // Comments are whole lines: "/* ... */", or from a line that starts
        // with "/*" to one that ends with "*/".
        if (in_comment || starts_with(line, "/*")) {
            in_comment = !ends_with(line, "*/");
            continue;
        }
        if (starts_with(line, "//")) {
            continue;
        }
        char *name;
        uint32_t addr;
        const char *why = NULL;
        int r = parse_assignment(line, &name, &addr, &why);
        if (r < 0) {
            ld_error("%s:%zu: %s", path, number, why);
            ok = false;
        } else if (r > 0) {
            ok = add_extern(env, path, number, name, addr) && ok;
        }
    }
    free(line);
    buf_free(&text);
    return ok;
}

bool link_find_extern(const link_env_t *env, const char *name, uint32_t *addr) {
    uintptr_t i = (uintptr_t)strmap_get(&env->externs_by_name, name, strlen(name));
    if (i) {
        *addr = env->externs[i - 1].addr;
    }
    return i != 0;
}
