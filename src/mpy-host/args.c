// Command-line parsing for mpy-host.
#include "mpy-host/args.h"

#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "mpy-host/arch.h"
#include "mpy/mpy_version.h"

static void print_help(const char *argv0) {
    printf("usage: %s [<opts>] [-X <implopt>] [-c <command> | -m <module> | <filename>]\n"
           "Options:\n"
           "-h : print this help message\n"
           "-i : enable inspection via REPL after running command/module/file\n"
           "-O[N] : apply bytecode optimizations of level N\n"
           "--arch <arch> : run in the runtime for <arch> (x64, x86, armv6m, armv7m, armv7emsp,\n"
           "    armv7emdp, rv32imc, rv64imc, xtensa: under QEMU), for modules built for it\n"
           "\n"
           "Implementation specific options (-X):\n"
           "  compile-only                 -- parse and compile only\n"
           "  heapsize=<n>[w][K|M] -- set the heap size for the GC (default %zu)\n"
           "  mpy-version=<v>      -- load native code of one .mpy sub-version only, like\n"
           "                          that firmware (6.1, 6.2, 6.3 or a release v1.20 ...\n"
           "                          v1.28; default: all three)\n"
           "\n"
           "Environment: MICROPYPATH (colon-separated) sets sys.path after ''.\n",
        argv0, HOST_DEFAULT_HEAP_SIZE);
}

static bool invalid_args(void) {
    fprintf(stderr, "Invalid command line arguments. Use -h option for help.\n");
    return false;
}

// heapsize=N[w][k|m]: bytes; 'w' scales by the word size relative to 32-bit
// words, as MicroPython does. Smaller than 700 bytes is refused.
static bool parse_heap_size(const char *text, size_t *out) {
    char *end;
    long long n = strtoll(text, &end, 0);
    if (end == text || n <= 0) {
        return false;
    }
    bool word_adjust = false;
    if ((*end | 0x20) == 'w') {
        word_adjust = true;
        end++;
    }
    if ((*end | 0x20) == 'k') {
        n *= 1024;
        end++;
    } else if ((*end | 0x20) == 'm') {
        n *= 1024 * 1024;
        end++;
    }
    if (*end != '\0') {
        return false;
    }
    if (word_adjust) {
        n = n * (long long)sizeof(void *) / 4;
    }
    if (n < 700 || (unsigned long long)n > (unsigned long long)SIZE_MAX / 2) {
        return false;
    }
    *out = (size_t)n;
    return true;
}

bool host_args_parse(int argc, char **argv, host_args_t *args) {
    args->kind = HOST_RUN_INTERACTIVE;
    args->target = NULL;
    args->arch = argc > 0 ? host_arch_from_program_name(argv[0]) : NULL;
    args->argv_start = argc;
    args->heap_size = HOST_DEFAULT_HEAP_SIZE;
    args->inspect = false;
    args->compile_only = false;
    args->mpy_sub_version = 0;
    args->opt_level = 0;
    for (int a = 1; a < argc; a++) {
        const char *arg = argv[a];
        if (arg[0] != '-') {
            // The script.
            args->kind = HOST_RUN_FILE;
            args->target = arg;
            args->argv_start = a;
            return true;
        }
        if (strcmp(arg, "-h") == 0) {
            print_help(argv[0]);
            exit(0);
        } else if (strcmp(arg, "-i") == 0) {
            args->inspect = true;
        } else if (strcmp(arg, "-c") == 0 || strcmp(arg, "-m") == 0) {
            if (a + 1 >= argc) {
                return invalid_args();
            }
            args->kind = arg[1] == 'c' ? HOST_RUN_COMMAND : HOST_RUN_MODULE;
            args->target = argv[a + 1];
            // -c: sys.argv is ['-c', ARGS...] (main adds the '-c');
            // -m: [MODULE, ARGS...].
            args->argv_start = arg[1] == 'c' ? a + 2 : a + 1;
            return true;
        } else if (strcmp(arg, "--arch") == 0) {
            if (a + 1 >= argc) {
                return invalid_args();
            }
            args->arch = argv[++a];
        } else if (strcmp(arg, "-X") == 0) {
            if (a + 1 >= argc) {
                return invalid_args();
            }
            const char *opt = argv[++a];
            if (strncmp(opt, "heapsize=", 9) == 0) {
                if (!parse_heap_size(opt + 9, &args->heap_size)) {
                    return invalid_args();
                }
            } else if (strncmp(opt, "mpy-version=", 12) == 0) {
                args->mpy_sub_version = mpy_version_parse(opt + 12);
                if (args->mpy_sub_version == 0) {
                    fprintf(stderr, "-X mpy-version=%s: accepted values are %s\n", opt + 12,
                            mpy_version_accepted());
                    return invalid_args();
                }
            } else if (strcmp(opt, "compile-only") == 0) {
                args->compile_only = true;
            } else if (strcmp(opt, "emit=bytecode") == 0) {
                // The only emitter there is.
            } else {
                return invalid_args();
            }
        } else if (strncmp(arg, "-O", 2) == 0) {
            // -ON sets level N (one digit); otherwise each O counts one.
            if (arg[2] >= '0' && arg[2] <= '9') {
                args->opt_level = (unsigned)(arg[2] - '0');
            } else {
                args->opt_level = 0;
                for (const char *o = arg + 1; *o == 'O'; o++) {
                    args->opt_level++;
                }
            }
        } else {
            return invalid_args();
        }
    }
    return true;
}
