// Differential test of the native-code loader (src/runtime/native_code.c),
// and through it of mpy-ld: a linker test module (tests/ld/modules/NAME) is
// run twice against the same stand-in mp_fun_table: once compiled into this
// program as ordinary C, once loaded from the .mpy that mpy-ld linked from
// the same source (relocated by the loader, called through the jump at the
// start of its text). Both runs must make the same calls with the same
// values.
//   test_native_code MODULE.mpy
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/file.h"
#include "mpy/mpy_read.h"
#include "runtime/native_code.h"
#include <stdarg.h>

typedef void *mp_obj_t;
typedef mp_obj_t (*entry_fn_t)(void *self, size_t n_args, size_t n_kw, mp_obj_t *args);

// The module compiled into this program (with -Dmpy_init=native_mpy_init).
mp_obj_t native_mpy_init(void *self, size_t n_args, size_t n_kw, mp_obj_t *args);

// What a run did, as text: one line per call into the table.
static buf_t run_log;

static void log_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void log_line(const char *fmt, ...) {
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    buf_append(&run_log, line, n < (int)sizeof(line) ? (size_t)n : sizeof(line) - 1);
    buf_put_u8(&run_log, '\n');
}

// Objects are logged by value when immediate, else by their first word
// (a builtin function object's type, the same in both runs).
static void log_obj(const char *what, uintptr_t q, mp_obj_t v) {
    uintptr_t w = (uintptr_t)v;
    if (w & 3) {
        log_line("%s %lu = 0x%lx", what, (unsigned long)q, (unsigned long)w);
    } else {
        log_line("%s %lu = object of type 0x%lx", what, (unsigned long)q,
                 (unsigned long)*(const uintptr_t *)v);
    }
}

static void *stub_swap_globals(void *g) {
    log_line("swap_globals %p", g);
    return g;
}

static void stub_store_global(size_t q, mp_obj_t v) {
    log_obj("store_global", q, v);
}

static mp_obj_t stub_obj_new_str(const char *s, size_t len) {
    log_line("obj_new_str \"%.*s\"", (int)len, s);
    return (mp_obj_t)(uintptr_t)((len << 3) | 2);
}

static mp_obj_t stub_native_to_obj(uintptr_t v, uintptr_t kind) {
    log_line("native_to_obj %lu %lu", (unsigned long)v, (unsigned long)kind);
    return (mp_obj_t)((v << 1) | 1);
}

// Objects that mp_fun_table points to (mp_type_list...): 13 distinct words.
uintptr_t fun_table_objects[13][4];

#define N_ENTRIES 80
uintptr_t mp_fun_table[N_ENTRIES];
uint16_t mp_native_qstr_table[64];
uintptr_t mp_native_obj_table[4];

// The named objects, as the module compiled into this program refers to them.
#define OBJ(name, i) __asm__(".globl " #name "\n.set " #name ", fun_table_objects + " #i " * 32");
OBJ(mp_type_type, 0)
OBJ(mp_type_str, 1)
OBJ(mp_type_list, 2)
OBJ(mp_type_dict, 3)
OBJ(mp_type_fun_builtin_0, 4)
OBJ(mp_type_fun_builtin_1, 5)
OBJ(mp_type_fun_builtin_2, 6)
OBJ(mp_type_fun_builtin_3, 7)
OBJ(mp_type_fun_builtin_var, 8)
OBJ(mp_stream_read_obj, 9)
OBJ(mp_stream_readinto_obj, 10)
OBJ(mp_stream_unbuffered_readline_obj, 11)
OBJ(mp_stream_write_obj, 12)

static void init_table(void) {
    for (size_t i = 0; i < N_ENTRIES; i++) {
        mp_fun_table[i] = 0;
    }
    mp_fun_table[0] = 0x06; // None, False, True as immediate objects
    mp_fun_table[1] = 0x0e;
    mp_fun_table[2] = 0x1e;
    mp_fun_table[4] = (uintptr_t)stub_native_to_obj;
    mp_fun_table[5] = (uintptr_t)stub_swap_globals;
    mp_fun_table[13] = (uintptr_t)stub_store_global;
    mp_fun_table[57] = (uintptr_t)stub_obj_new_str;
    for (size_t i = 0; i < 13; i++) {
        fun_table_objects[i][0] = 0x1000 + i;
        mp_fun_table[67 + i] = (uintptr_t)fun_table_objects[i];
    }
    for (size_t i = 0; i < 64; i++) {
        mp_native_qstr_table[i] = (uint16_t)(500 + i);
    }
}

// One result line per check, "ok NAME" or "fail NAME", as the script reads them.
static int n_failed;
static bool report(const char *name, bool ok) {
    printf("%s %s\n", ok ? "ok" : "fail", name);
    n_failed += !ok;
    return ok;
}

// The permissions /proc/self/maps shows for the page holding p ("r-xp"...).
static bool page_permissions(const void *p, char perms[5]) {
    FILE *maps = fopen("/proc/self/maps", "r");
    unsigned long lo, hi;
    char line[512];
    bool found = false;
    while (maps && fgets(line, sizeof(line), maps)) {
        if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) == 3 && (uintptr_t)p >= lo &&
            (uintptr_t)p < hi) {
            found = true;
            break;
        }
    }
    if (maps) {
        fclose(maps);
    }
    return found;
}

static char *take_log(void) {
    buf_put_u8(&run_log, 0);
    char *s = (char *)run_log.data;
    run_log = (buf_t){0};
    return s;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: test_native_code MODULE.mpy\n");
        return 2;
    }
    init_table();
    // The function object mpy_init gets: word 1 is its context.
    static uintptr_t self[4] = {0, 0x5550, 0, 0};

    native_mpy_init(self, 2, 1, NULL);
    char *expected = take_log();

    buf_t file = {0};
    mpy_file_t f;
    mpy_error_t err;
    if (!report("read", file_read_all(argv[1], &file) == 0 &&
                            mpy_read(&f, argv[1], file.data, file.len, &err))) {
        return 1;
    }
    native_targets_t to = {
        .qstr_table = (uintptr_t)mp_native_qstr_table,
        .obj_table = (uintptr_t)mp_native_obj_table,
        .fun_table = mp_fun_table,
        .fun_table_len = N_ENTRIES,
    };
    native_code_t code;
    char msg[256];
    bool loaded = native_code_load(&code, &f.rc, &to, msg, sizeof(msg));
    if (!report("load", loaded)) {
        printf("# %s\n", msg);
    } else {
        char perms[5] = "";
        // Writable too, as the unix port maps it: x86/x64 modules keep their
        // static variables in text.
        report("text-executable",
               page_permissions(code.text, perms) && strncmp(perms, "rwx", 3) == 0);
        ((entry_fn_t)(uintptr_t)code.text)(self, 2, 1, NULL);
        char *got = take_log();
        if (!report("same-calls", strcmp(expected, got) == 0)) {
            printf("# compiled in:\n%s# loaded:\n%s", expected, got);
        }
        report("calls-made", strlen(expected) > 0);
        free(got);
        native_code_free(&code);
    }
    free(expected);
    mpy_file_free(&f);
    buf_free(&file);
    return n_failed != 0;
}
