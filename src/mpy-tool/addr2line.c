// mpy-tool addr2line FILE OFFSET...: prints "FUNCTION+0xNN at FILE:LINE" for
// each text offset. A .mpy without its ELF still gets each offset's place
// (text+0xNN, or outside the text), and a note on how to get the ELF.
#include "mpy-tool/addr2line.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy-tool/diag.h"
#include "mpy-tool/input.h"
#include "mpy/debug_elf.h"
#include "mpy/mpy_format.h"

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

// The module's machine code: the first native raw code of the tree (a
// merged module has bytecode around it).
static const mpy_raw_code_t *native_code(const mpy_raw_code_t *rc) {
    if (rc->kind != MPY_CODE_BYTECODE) {
        return rc;
    }
    for (size_t i = 0; i < rc->n_children; i++) {
        const mpy_raw_code_t *found = native_code(&rc->children[i]);
        if (found) {
            return found;
        }
    }
    return NULL;
}

static bool parse_offset(const char *s, unsigned long long *v) {
    char *end;
    errno = 0;
    *v = strtoull(s, &end, 16);
    if (!*s || *s == '-' || *end || errno) {
        tool_error("'%s' is not a text offset (hexadecimal, with or without 0x)", s);
        return false;
    }
    return true;
}

// Offsets of a .mpy without its ELF: where each lies.
static int places_only(const char *mpy, const char *elf, size_t text_len, char **offsets,
                       size_t n_offsets) {
    for (size_t i = 0; i < n_offsets; i++) {
        unsigned long long off;
        if (!parse_offset(offsets[i], &off)) {
            return 1;
        }
        if (off < text_len) {
            printf("text+0x%llx\n", off);
        } else {
            printf("0x%llx: outside the text (0x%zx bytes)\n", off, text_len);
        }
    }
    fprintf(stderr,
            "mpy-tool: note: %s has no %s beside it, which names functions and lines: build the "
            "module with this project's SDK (it writes MOD.elf), or link with mpy-ld --debug-elf "
            "FILE (and compile with -g)\n",
            mpy, elf);
    return 0;
}

static int lookup(const char *elf_path, char **offsets, size_t n_offsets) {
    debug_elf_t elf;
    char err[512];
    if (!debug_elf_load(&elf, elf_path, err, sizeof(err))) {
        tool_error("%s", err);
        return 1;
    }
    int rc = 0;
    for (size_t i = 0; i < n_offsets && rc == 0; i++) {
        unsigned long long off;
        debug_location_t loc;
        char text[512];
        if (!parse_offset(offsets[i], &off)) {
            rc = 1;
        } else if (!debug_elf_locate(&elf, off, &loc, err, sizeof(err))) {
            tool_error("%s", err);
            rc = 1;
        } else {
            debug_location_format(&loc, text, sizeof(text));
            printf("%s\n", text);
        }
    }
    debug_elf_free(&elf);
    return rc;
}

int addr2line_run(const char *file, char **offsets, size_t n_offsets) {
    if (!ends_with(file, ".mpy")) {
        return lookup(file, offsets, n_offsets);
    }
    tool_input_t in = {0};
    if (!input_load(&in, file)) {
        return 1;
    }
    int rc;
    const mpy_raw_code_t *code = native_code(&in.mpy.rc);
    size_t n = strlen(file);
    char *elf = malloc(n + 1);
    if (!elf) {
        abort();
    }
    memcpy(elf, file, n - 4);
    strcpy(elf + n - 4, ".elf");
    FILE *probe = fopen(elf, "rb");
    if (!code) {
        tool_error("%s holds no native code: only the text of a native module has offsets", file);
        rc = 1;
    } else if (probe) {
        rc = lookup(elf, offsets, n_offsets);
    } else {
        rc = places_only(file, elf, code->data_len, offsets, n_offsets);
    }
    if (probe) {
        fclose(probe);
    }
    free(elf);
    input_free(&in);
    return rc;
}
