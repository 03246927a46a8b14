// Running code in __main__ the way MicroPython's unix port does, with its
// exit statuses: 0, 1 for an uncaught exception (traceback on stderr), and
// for SystemExit HOST_FORCED_EXIT plus the exit code in the low 8 bits.
#ifndef MPY_HOST_RUN_H
#define MPY_HOST_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "runtime/runtime.h"

#define HOST_FORCED_EXIT (0x100)

// When set, code is compiled but not run (-X compile-only).
extern bool host_compile_only;

// Compiles and runs source[0..len) in __main__ (FILE_INPUT for scripts and
// -c, SINGLE_INPUT for the REPL).
int host_run_source(const char *source, size_t len, qstr source_name, mp_parse_input_kind_t kind);
// Runs the file at path as __main__. Returns 2 (after a message on stderr)
// when it cannot be read.
int host_run_file(const char *argv0, const char *path);
// Reads all of stdin and runs it as __main__.
int host_run_stdin(void);
// Imports the module name (-m).
int host_run_module(const char *name);

#endif
