// mpy-ld: links ELF objects into a native .mpy module, or (--preprocess)
// writes the qstr config header of a module's C sources. Command line and
// output as MicroPython's tools/mpy_ld.py: v1.21's for .mpy 6.1, v1.22's for
// 6.2, v1.28's for 6.3.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"
#include "mpy-ld/preprocess.h"
#include "mpy/mpy_arch.h"
#include "mpy/mpy_version.h"

#define MPY_LD_VERSION "1.0.0"

static const char usage[] =
    "usage: mpy-ld [-h] [--version] [-v] [--arch ARCH] [--arch-flags FLAGS]\n"
    "              [--mpy-version V] [--preprocess] [--qstrs FILE] [-l LIB.a]\n"
    "              [-e EXTERNS] [--init-object FILE.o] [--gc-sections]\n"
    "              [--map FILE] [--debug-elf FILE] [--size] [--source-name NAME]\n"
    "              [-o OUTPUT] FILE [FILE ...]\n";

static const char help[] =
    "\n"
    "Link ELF object files into a native .mpy module (MicroPython .mpy 6.1, 6.2, 6.3),\n"
    "or with --preprocess write the qstr config header for C sources.\n"
    "\n"
    "options:\n"
    "  -h, --help           show this help and exit\n"
    "  --version            show the version and exit\n"
    "  -v, --verbose        print more: once for sections and the GOT, twice for\n"
    "                       every relocation\n"
    "  --arch ARCH          target architecture (default x64), one of:\n"
    "                       %s\n"
    "  --arch-flags FLAGS   instruction-set extensions the code needs, for the .mpy\n"
    "                       header (.mpy 6.3): rv32imc: zba, zcmp (comma-separated,\n"
    "                       or a number)\n"
    "  --mpy-version V      the firmware to load the module: a .mpy sub-version\n"
    "                       (6.1, 6.2, 6.3) or a MicroPython release (v1.20 ...\n"
    "                       v1.28); default: the one --qstrs sets, else 6.1 (6.3\n"
    "                       for rv32imc and rv64imc)\n"
    "  --preprocess         scan source FILEs for MP_QSTR_ names and write the\n"
    "                       config header (default output: FILE.c -> FILE.config.h)\n"
    "  --qstrs FILE         config header whose qstrs the module uses\n"
    "  -l, --libs LIB.a     static library to take the members that define\n"
    "                       undefined symbols from (e.g. libgcc.a; also a GNU ld\n"
    "                       script naming archives); repeatable\n"
    "  -e, --externs FILE   linker script giving fixed-address symbols (NAME = 0xADDR;\n"
    "                       or PROVIDE(NAME = 0xADDR);), e.g. a chip's ROM functions\n"
    "  --init-object FILE.o the object that initialises the module on import when it\n"
    "                       has initialised writable data or constructors (compiled\n"
    "                       from py/natmod_init.c); linked only then\n"
    "  --gc-sections        leave out the functions and data that mpy_init does not\n"
    "                       reach (needs objects compiled with -ffunction-sections\n"
    "                       -fdata-sections to remove more than whole files'\n"
    "                       sections); the map lists what was removed\n"
    "  --map FILE           write the link map to FILE: every section and symbol with\n"
    "                       its offset, size and input file (for archive members,\n"
    "                       the symbol that took them), the GOT entries, the\n"
    "                       mp_fun_table entries used and the relocation records\n"
    "  --debug-elf FILE     also write the module as an ELF file for gdb, addr2line\n"
    "                       and mpy-tool addr2line: its .text is the .mpy's text at\n"
    "                       address 0, with the symbols and the objects' DWARF\n"
    "  --size               print the bytes of the .mpy by part (header and qstrs,\n"
    "                       text with its GOT, rodata, relocations), the BSS, and the\n"
    "                       largest symbols and input files\n"
    "  --source-name NAME   the source file name the .mpy records (its first qstr,\n"
    "                       which the firmware interns on import; default: OUTPUT,\n"
    "                       as the reference), e.g. the module name, which is\n"
    "                       interned anyway\n"
    "  -o, --output OUTPUT  output file (default: first FILE.o -> FILE.mpy)\n";

typedef struct {
    const char *arch;
    const char *arch_flags; // --arch-flags, or NULL
    const char *externs;
    const char *init_object; // --init-object, or NULL
    unsigned sub_version; // --mpy-version, or 0
    bool preprocess;
    const char *qstrs;
    const char *output;
    const char *source_name; // --source-name, or NULL: the output's name
    const char *map;  // --map FILE, or NULL
    const char *debug_elf; // --debug-elf FILE, or NULL
    bool size_report; // --size
    bool gc_sections; // --gc-sections
    char **files;
    size_t n_files;
    char **libs;
    size_t n_libs;
} options_t;

static void usage_error(const char *fmt, const char *arg) {
    fputs(usage, stderr);
    fputs("mpy-ld: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(2);
}

// Value of an option given as "--opt VALUE", "--opt=VALUE" or "-oVALUE".
static const char *option_value(int argc, char **argv, int *i, const char *opt) {
    const char *a = argv[*i];
    size_t n = strlen(opt);
    if (a[n] == '=' && a[1] == '-') {
        return a + n + 1;
    }
    if (a[n] != 0 && a[1] != '-') {
        return a + n;
    }
    if (*i + 1 >= argc) {
        usage_error("argument %s: expected one argument", opt);
    }
    return argv[++*i];
}

static bool is_option(const char *a, const char *opt) {
    size_t n = strlen(opt);
    if (strncmp(a, opt, n) != 0) {
        return false;
    }
    // Long options may carry "=VALUE"; short ones a glued value.
    return a[n] == 0 || (a[n] == '=' && opt[1] == '-') || (opt[1] != '-');
}

static void parse_args(int argc, char **argv, options_t *o) {
    o->arch = "x64";
    o->files = xcalloc((size_t)argc, sizeof(char *));
    o->libs = xcalloc((size_t)argc, sizeof(char *));
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || a[1] == 0) {
            o->files[o->n_files++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_files = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            printf(usage);
            printf(help, arch_names());
            exit(0);
        } else if (strcmp(a, "--version") == 0) {
            printf("mpy-ld %s (MicroPython .mpy version 6.1, 6.2 and 6.3)\n", MPY_LD_VERSION);
            exit(0);
        } else if (strcmp(a, "--verbose") == 0) {
            ld_log_level++;
        } else if (a[1] == 'v' && strspn(a + 1, "v") == strlen(a + 1)) {
            ld_log_level += (int)strlen(a + 1);
        } else if (strcmp(a, "--preprocess") == 0) {
            o->preprocess = true;
        } else if (is_option(a, "--mpy-version")) {
            const char *v = option_value(argc, argv, &i, "--mpy-version");
            o->sub_version = mpy_version_parse(v);
            if (o->sub_version == 0) {
                fputs(usage, stderr);
                fprintf(stderr, "mpy-ld: error: argument --mpy-version: invalid value '%s'; accepted: %s\n", v,
                    mpy_version_accepted());
                exit(2);
            }
        } else if (is_option(a, "--arch-flags")) {
            o->arch_flags = option_value(argc, argv, &i, "--arch-flags");
        } else if (is_option(a, "--arch")) {
            o->arch = option_value(argc, argv, &i, "--arch");
        } else if (is_option(a, "--init-object")) {
            o->init_object = option_value(argc, argv, &i, "--init-object");
        } else if (is_option(a, "--externs")) {
            o->externs = option_value(argc, argv, &i, "--externs");
        } else if (is_option(a, "-e")) {
            o->externs = option_value(argc, argv, &i, "-e");
        } else if (is_option(a, "--qstrs")) {
            o->qstrs = option_value(argc, argv, &i, "--qstrs");
        } else if (is_option(a, "--source-name")) {
            o->source_name = option_value(argc, argv, &i, "--source-name");
        } else if (is_option(a, "--map")) {
            o->map = option_value(argc, argv, &i, "--map");
        } else if (is_option(a, "--debug-elf")) {
            o->debug_elf = option_value(argc, argv, &i, "--debug-elf");
        } else if (strcmp(a, "--gc-sections") == 0) {
            o->gc_sections = true;
        } else if (strcmp(a, "--size") == 0) {
            o->size_report = true;
        } else if (is_option(a, "--output")) {
            o->output = option_value(argc, argv, &i, "--output");
        } else if (is_option(a, "--libs")) {
            o->libs[o->n_libs++] = (char *)option_value(argc, argv, &i, "--libs");
        } else if (is_option(a, "-l")) {
            o->libs[o->n_libs++] = (char *)option_value(argc, argv, &i, "-l");
        } else if (is_option(a, "-o")) {
            o->output = option_value(argc, argv, &i, "-o");
        } else {
            usage_error("unrecognized argument: %s", a);
        }
    }
    if (o->n_files == 0) {
        usage_error("the following arguments are required: %s", "files");
    }
}

// The default output: the first input with its suffix replaced.
static char *default_output(const char *input, const char *from, const char *to) {
    size_t n = strlen(input), nf = strlen(from);
    if (n < nf || strcmp(input + n - nf, from) != 0) {
        return NULL;
    }
    char *out = xmalloc(n - nf + strlen(to) + 1);
    memcpy(out, input, n - nf);
    strcpy(out + n - nf, to);
    return out;
}

static bool write_output(const char *path, const buf_t *data) {
    int err = file_write_atomic(path, data->data, data->len);
    if (err) {
        ld_error("%s: cannot write: %s", path, strerror(err));
    }
    return err == 0;
}

// Writes the .mpy, and the debug ELF, map and size report when asked. The
// side files are written first, so that one that cannot be written leaves
// no .mpy, and removed again if the .mpy cannot be written.
static bool write_module(link_env_t *env, const options_t *o, const char *output, char **qstrs,
                         size_t n_qstrs) {
    buf_t mpy = {0}, map = {0}, elf = {0};
    link_write_mpy(env, &mpy, o->source_name ? o->source_name : output, qstrs, n_qstrs);
    bool ok = true;
    if (o->debug_elf) {
        ok = link_write_debug_elf(env, &elf) && write_output(o->debug_elf, &elf);
    }
    if (ok && o->map) {
        link_write_map(env, &map, output);
        ok = write_output(o->map, &map);
        if (!ok && o->debug_elf) {
            remove(o->debug_elf);
        }
    }
    if (ok && !write_output(output, &mpy)) {
        if (o->map) {
            remove(o->map);
        }
        if (o->debug_elf) {
            remove(o->debug_elf);
        }
        ok = false;
    }
    if (ok && o->size_report) {
        buf_t report = {0};
        link_write_size_report(env, &report, output);
        fwrite(report.data, 1, report.len, stdout);
        buf_free(&report);
    }
    buf_free(&mpy);
    buf_free(&map);
    buf_free(&elf);
    return ok;
}

// The first .mpy sub-version whose firmware loads arch's native code.
static unsigned first_sub_version(const arch_t *arch) {
    return mpy_version_of_minor(mpy_arch_first_minor(arch->mpy_arch));
}

static int run_preprocess(const options_t *o) {
    char *output = o->output ? xstrdup(o->output) : default_output(o->files[0], ".c", ".config.h");
    if (!output) {
        usage_error("cannot derive the output name from %s (not a .c file); give -o", o->files[0]);
    }
    // An architecture that only later releases know (RISC-V) has its config
    // header made for the first of them.
    const arch_t *arch = arch_find(o->arch);
    unsigned sub_version = o->sub_version;
    if (!sub_version && arch && first_sub_version(arch) > MPY_SUB_VERSION_DEFAULT) {
        sub_version = first_sub_version(arch);
    }
    buf_t out = {0};
    bool ok = preprocess_sources(o->files, o->n_files, sub_version, &out) && write_output(output, &out);
    buf_free(&out);
    free(output);
    return ok ? 0 : 1;
}

// The sub-version to write: --mpy-version, else the one the --qstrs config
// header was made for, else the default. The two must not disagree: the
// objects were compiled against the header's ABI.
static bool choose_sub_version(const options_t *o, const arch_t *arch, unsigned config_version,
                               unsigned *sub_version) {
    unsigned first = first_sub_version(arch);
    unsigned fallback = MPY_SUB_VERSION_DEFAULT > first ? MPY_SUB_VERSION_DEFAULT : first;
    *sub_version = o->sub_version ? o->sub_version : config_version ? config_version : fallback;
    char target[64], compiled[64];
    mpy_version_describe(*sub_version, target, sizeof(target));
    if (*sub_version < first) {
        ld_error("--mpy-version: %s native modules load in MicroPython v1.%u and later only (.mpy "
                 "6.%u); %s does not know %s",
                 arch->name, mpy_arch_first_minor(arch->mpy_arch), first, target, arch->name);
        ld_hint("link with --mpy-version 6.%u (make MPY_VERSION=6.%u), or leave the version "
                "out: it then defaults to 6.%u for %s",
                first, first, first, arch->name);
        return false;
    }
    if (config_version != 0 && config_version != *sub_version) {
        mpy_version_describe(config_version, compiled, sizeof(compiled));
        ld_error("%s: the sources were compiled for %s, not %s: run --preprocess with the same --mpy-version",
            o->qstrs, compiled, target);
        return false;
    }
    return true;
}

static int run_link(const options_t *o) {
    const arch_t *arch = arch_find(o->arch);
    if (!arch) {
        ld_error("unknown --arch '%s'; valid values are: %s", o->arch, arch_names());
        return 2;
    }
    char *output = o->output ? xstrdup(o->output) : default_output(o->files[0], ".o", ".mpy");
    if (!output) {
        usage_error("cannot derive the output name from %s (not a .o file); give -o", o->files[0]);
    }
    char **qstrs = NULL;
    size_t n_qstrs = 0;
    unsigned config_version = 0, sub_version = 0;
    bool ok = !o->qstrs || read_config_qstrs(o->qstrs, &qstrs, &n_qstrs, &config_version);
    ok = ok && choose_sub_version(o, arch, config_version, &sub_version);
    if (ok) {
        buf_t joined = {0};
        for (size_t i = 0; i < n_qstrs; i++) {
            if (i) {
                buf_append(&joined, ", ", 2);
            }
            buf_append(&joined, qstrs[i], strlen(qstrs[i]));
        }
        buf_put_u8(&joined, 0);
        ld_log(2, "qstr vals: %s", (const char *)joined.data);
        buf_free(&joined);
    }

    uint64_t arch_flags = 0;
    char why[256];
    if (o->arch_flags && !mpy_arch_flags_parse(arch->mpy_arch, o->arch_flags, &arch_flags, why,
                                               sizeof(why))) {
        ld_error("--arch-flags %s: %s", o->arch_flags, why);
        ok = false;
    }
    link_env_t env;
    link_init(&env, arch, sub_version);
    env.arch_flags = arch_flags;
    env.gc_sections = o->gc_sections;
    env.init_object = o->init_object;
    ok = ok && (!o->externs || link_read_externs(&env, o->externs));
    ok = ok && link_run(&env, o->files, o->n_files, o->libs, o->n_libs);
    if (ok) {
        ok = write_module(&env, o, output, qstrs, n_qstrs);
    }
    link_free(&env);
    for (size_t i = 0; i < n_qstrs; i++) {
        free(qstrs[i]);
    }
    free(qstrs);
    free(output);
    return ok ? 0 : 1;
}

int main(int argc, char **argv) {
    options_t o = {0};
    parse_args(argc, argv, &o);
    int status = o.preprocess ? run_preprocess(&o) : run_link(&o);
    if (status != 0 && ld_error_count() > 1) {
        fprintf(stderr, "mpy-ld: %zu errors\n", ld_error_count());
    }
    free(o.files);
    free(o.libs);
    return status;
}
