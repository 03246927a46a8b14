// mpy-host's command line, parsed as MicroPython's unix port parses its own:
//   mpy-host [-h] [-i] [-O[N]] [-X heapsize=N[w][k|m]] [-X mpy-version=V] [-c CODE | -m MODULE | FILE] [ARGS...]
// plus, of our own, --arch ARCH: run the code in the runtime for ARCH. A
// program named mpy-host-ARCH (a link to mpy-host) takes ARCH as the default.
#ifndef MPY_HOST_ARGS_H
#define MPY_HOST_ARGS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    HOST_RUN_INTERACTIVE, // nothing named: the REPL on a terminal, else stdin
    HOST_RUN_COMMAND,     // -c CODE
    HOST_RUN_MODULE,      // -m MODULE
    HOST_RUN_FILE,        // FILE
} host_run_kind_t;

typedef struct {
    host_run_kind_t kind;
    const char *target;  // CODE, MODULE or FILE
    const char *arch;    // --arch ARCH, or NULL
    int argv_start;      // argv[argv_start..] become sys.argv
    size_t heap_size;    // bytes
    bool inspect;        // -i: the REPL after running
    bool compile_only;   // -X compile-only
    unsigned mpy_sub_version; // -X mpy-version: the only sub-version loaded; 0: all
    unsigned opt_level;  // -O[N]
} host_args_t;

#define HOST_DEFAULT_HEAP_SIZE ((size_t)8 * 1024 * 1024)

// Fills args from argv; on a bad command line prints MicroPython's message
// to stderr and returns false. -h prints the help and exits.
bool host_args_parse(int argc, char **argv, host_args_t *args);

#endif
