#include "mpy-ld/preprocess.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/strmap.h"
#include "mpy-ld/diag.h"
#include "mpy/qstr_static.h"

#define QSTR_PREFIX "MP_QSTR_"
#define QSTR_PREFIX_LEN 8

static bool read_file(const char *path, buf_t *b) {
    int err = file_read_all(path, b);
    if (err) {
        ld_error("%s: cannot read: %s", path, strerror(err));
    }
    return err == 0;
}

static bool is_ident_char(uint8_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Name of a punctuation character inside an identifier, as MicroPython's
// qstr tooling spells it; only characters of static qstrs are needed.
static const char *escape_name(uint8_t c) {
    switch (c) {
        case ' ':
            return "space";
        case '*':
            return "star";
        case '/':
            return "slash";
        case '<':
            return "lt";
        case '>':
            return "gt";
        case '-':
            return "hyphen";
        default:
            return NULL;
    }
}

// Appends the C identifier suffix of a qstr: other characters become _name_
// or _0xNN_.
static void append_escaped(buf_t *out, const char *q) {
    for (; *q; q++) {
        uint8_t c = (uint8_t)*q;
        if (is_ident_char(c)) {
            buf_put_u8(out, c);
            continue;
        }
        char tmp[16];
        const char *name = escape_name(c);
        if (!name) {
            snprintf(tmp, sizeof(tmp), "0x%02x", c);
            name = tmp;
        }
        buf_put_u8(out, '_');
        buf_append(out, name, strlen(name));
        buf_put_u8(out, '_');
    }
}

static void append_str(buf_t *out, const char *s) {
    buf_append(out, s, strlen(s));
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

// Spelled as MicroPython's own py/persistentcode.h spells it, so that a
// config header made for a release compiles with that release's headers
// too (an identical macro may be defined twice).
#define SUB_VERSION_LINE "#define MPY_SUB_VERSION "

bool preprocess_sources(char **sources, size_t n_sources, unsigned sub_version, buf_t *out) {
    // The escaped names of the static qstrs, which need no table entry.
    buf_t static_names = {0};
    size_t starts[QSTR_STATIC_COUNT];
    for (size_t i = 0; i < QSTR_STATIC_COUNT; i++) {
        starts[i] = static_names.len;
        append_escaped(&static_names, qstr_static_table[i]);
        buf_put_u8(&static_names, 0);
    }
    strmap_t seen = {0};
    for (size_t i = 0; i < QSTR_STATIC_COUNT; i++) {
        const char *name = (const char *)static_names.data + starts[i];
        strmap_put(&seen, name, strlen(name), (void *)name);
    }

    char **found = NULL;
    size_t n_found = 0;
    bool ok = true;
    for (size_t f = 0; f < n_sources && ok; f++) {
        buf_t src = {0};
        if (!read_file(sources[f], &src)) {
            ok = false;
            break;
        }
        for (size_t i = 0; i + QSTR_PREFIX_LEN <= src.len; i++) {
            if (memcmp(src.data + i, QSTR_PREFIX, QSTR_PREFIX_LEN) != 0) {
                continue;
            }
            size_t end = i + QSTR_PREFIX_LEN;
            while (end < src.len && is_ident_char(src.data[end])) {
                end++;
            }
            size_t len = end - i - QSTR_PREFIX_LEN;
            const char *name = (const char *)src.data + i + QSTR_PREFIX_LEN;
            if (!strmap_get(&seen, name, len)) {
                char *copy = xmalloc(len + 1);
                memcpy(copy, name, len);
                copy[len] = 0;
                strmap_put(&seen, copy, len, copy);
                found = xrealloc(found, (n_found + 1) * sizeof(char *));
                found[n_found++] = copy;
            }
            i = end - 1;
        }
        buf_free(&src);
    }

    if (ok) {
        if (n_found > 1) {
            qsort(found, n_found, sizeof(char *), compare_names);
        }
        append_str(out, "#include <stdint.h>\n"
                        "typedef uintptr_t mp_uint_t;\n"
                        "typedef intptr_t mp_int_t;\n"
                        "typedef uintptr_t mp_off_t;\n");
        char line[64];
        for (size_t i = 0; i < QSTR_STATIC_COUNT; i++) {
            append_str(out, "#define " QSTR_PREFIX);
            append_str(out, (const char *)static_names.data + starts[i]);
            snprintf(line, sizeof(line), " (%zu)\n", i + 1);
            append_str(out, line);
        }
        for (size_t i = 0; i < n_found; i++) {
            append_str(out, "#define " QSTR_PREFIX);
            append_str(out, found[i]);
            snprintf(line, sizeof(line), " (mp_native_qstr_table[%zu])\n", i + 1);
            append_str(out, line);
        }
        append_str(out, "extern const uint16_t mp_native_qstr_table[];\n"
                        "extern const mp_uint_t mp_native_obj_table[];\n");
        if (sub_version != 0) {
            snprintf(line, sizeof(line), SUB_VERSION_LINE "%u\n", sub_version);
            append_str(out, line);
        }
    }
    for (size_t i = 0; i < n_found; i++) {
        free(found[i]);
    }
    free(found);
    strmap_free(&seen);
    buf_free(&static_names);
    return ok;
}

bool read_config_qstrs(const char *path, char ***names, size_t *n_names, unsigned *sub_version) {
    static const char head[] = "#define " QSTR_PREFIX;
    static const char tail[] = " (mp_native_";
    buf_t text = {0};
    if (!read_file(path, &text)) {
        return false;
    }
    *names = NULL;
    *n_names = 0;
    *sub_version = 0;
    for (size_t line = 0; line < text.len;) {
        const uint8_t *p = text.data + line;
        size_t rest = text.len - line;
        const uint8_t *nl = memchr(p, '\n', rest);
        size_t len = nl ? (size_t)(nl - p) : rest;
        if (len >= sizeof(head) - 1 && memcmp(p, head, sizeof(head) - 1) == 0) {
            size_t start = sizeof(head) - 1, end = start;
            while (end < len && is_ident_char(p[end])) {
                end++;
            }
            if (len - end >= sizeof(tail) - 1 && memcmp(p + end, tail, sizeof(tail) - 1) == 0) {
                char *name = xmalloc(end - start + 1);
                memcpy(name, p + start, end - start);
                name[end - start] = 0;
                *names = xrealloc(*names, (*n_names + 1) * sizeof(char *));
                (*names)[(*n_names)++] = name;
            }
        } else if (len == sizeof(SUB_VERSION_LINE) &&
                   memcmp(p, SUB_VERSION_LINE, sizeof(SUB_VERSION_LINE) - 1) == 0 &&
                   p[len - 1] >= '1' && p[len - 1] <= '9') {
            *sub_version = (unsigned)(p[len - 1] - '0');
        }
        line += len + 1;
    }
    buf_free(&text);
    return true;
}
