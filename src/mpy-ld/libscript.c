// Libraries given as GNU ld scripts: on Debian, for one, libm.a is a text
// file that names the real archives,
//
//     /* GNU ld script */
//     OUTPUT_FORMAT(elf64-x86-64)
//     GROUP ( /usr/lib/x86_64-linux-gnu/libm-2.36.a /usr/lib/x86_64-linux-gnu/libmvec.a )
//
// The files of GROUP, INPUT and AS_NEEDED are loaded as libraries in their
// order (as MicroPython v1.28's mpy_ld.py does); OUTPUT_FORMAT is skipped.
// Anything else is an error rather than a guess.
#include <ctype.h>
#include <string.h>

#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"

// Scripts that name scripts: deeper than this is taken for a loop.
#define LIBSCRIPT_MAX_DEPTH 8

typedef struct {
    const char *path;
    const char *p, *end;
    const char *start; // of the text, for offsets in messages
} script_t;

static void skip_space_and_comments(script_t *s) {
    for (;;) {
        while (s->p < s->end && isspace((unsigned char)*s->p)) {
            s->p++;
        }
        if (s->end - s->p >= 2 && s->p[0] == '/' && s->p[1] == '*') {
            const char *close = NULL;
            for (const char *q = s->p + 2; q + 1 < s->end; q++) {
                if (q[0] == '*' && q[1] == '/') {
                    close = q;
                    break;
                }
            }
            s->p = close ? close + 2 : s->end;
            continue;
        }
        return;
    }
}

// A word: a keyword or a file name, up to space, a comma or a parenthesis.
static size_t word_length(const script_t *s) {
    size_t n = 0;
    while (s->p + n < s->end && !isspace((unsigned char)s->p[n]) && s->p[n] != '(' &&
           s->p[n] != ')' && s->p[n] != ',') {
        n++;
    }
    return n;
}

static bool is_word(const script_t *s, size_t n, const char *keyword) {
    return n == strlen(keyword) && memcmp(s->p, keyword, n) == 0;
}

static bool script_error(const script_t *s, const char *what) {
    ld_error("%s: offset 0x%zx: %s", s->path, (size_t)(s->p - s->start), what);
    ld_hint("a library must be an ar archive or a GNU ld script of GROUP, INPUT and AS_NEEDED "
            "file lists");
    return false;
}

static bool expect(script_t *s, char c, const char *what) {
    skip_space_and_comments(s);
    if (s->p >= s->end || *s->p != c) {
        return script_error(s, what);
    }
    s->p++;
    return true;
}

// The inside of GROUP(...), INPUT(...) or AS_NEEDED(...), up to its ')'.
static bool load_file_list(link_env_t *env, script_t *s, unsigned depth) {
    bool ok = true;
    for (;;) {
        skip_space_and_comments(s);
        if (s->p < s->end && *s->p == ',') {
            s->p++;
            continue;
        }
        if (s->p < s->end && *s->p == ')') {
            s->p++;
            return ok;
        }
        size_t n = word_length(s);
        if (n == 0) {
            return script_error(s, "expected a file name or ')'");
        }
        if (is_word(s, n, "AS_NEEDED")) {
            s->p += n;
            if (!expect(s, '(', "expected '(' after AS_NEEDED") ||
                !load_file_list(env, s, depth)) {
                return false;
            }
            continue;
        }
        if (s->p[0] == '-') {
            return script_error(s, "library search (-lNAME) is not supported: name the file");
        }
        char *file = xmalloc(n + 1);
        memcpy(file, s->p, n);
        file[n] = 0;
        s->p += n;
        ok = link_load_library(env, file, depth + 1) && ok;
        // The path stays in use for messages about the library's members.
        env->owned_paths = xrealloc(env->owned_paths, (env->n_owned_paths + 1) * sizeof(char *));
        env->owned_paths[env->n_owned_paths++] = file;
    }
}

bool libscript_is_script(const uint8_t *image, size_t size) {
    // Text that opens with a comment or one of the commands read here.
    static const char *const openings[] = {"/*", "GROUP", "INPUT", "OUTPUT_FORMAT"};
    size_t i = 0;
    while (i < size && isspace(image[i])) {
        i++;
    }
    for (size_t k = 0; k < sizeof(openings) / sizeof(openings[0]); k++) {
        size_t n = strlen(openings[k]);
        if (size - i >= n && memcmp(image + i, openings[k], n) == 0) {
            return true;
        }
    }
    return false;
}

bool libscript_load(link_env_t *env, const char *path, const uint8_t *image, size_t size,
                    unsigned depth) {
    script_t s = {path, (const char *)image, (const char *)image + size, (const char *)image};
    if (depth > LIBSCRIPT_MAX_DEPTH) {
        return script_error(&s, "linker scripts name each other too deeply (a loop?)");
    }
    bool ok = true;
    for (;;) {
        skip_space_and_comments(&s);
        if (s.p >= s.end) {
            return ok;
        }
        size_t n = word_length(&s);
        bool files = is_word(&s, n, "GROUP") || is_word(&s, n, "INPUT");
        if (!files && !is_word(&s, n, "OUTPUT_FORMAT")) {
            return script_error(&s, "expected GROUP, INPUT or OUTPUT_FORMAT");
        }
        s.p += n;
        if (!expect(&s, '(', "expected '('")) {
            return false;
        }
        if (files) {
            ok = load_file_list(env, &s, depth) && ok;
            continue;
        }
        const char *close = memchr(s.p, ')', (size_t)(s.end - s.p));
        if (!close) {
            return script_error(&s, "OUTPUT_FORMAT without ')'");
        }
        s.p = close + 1;
    }
}
