// mpy-host: runs Python code and imports .mpy native modules in the host
// runtime, with the command line of MicroPython's unix port (see args.h).

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mpy-host/arch.h"
#include "mpy-host/args.h"
#include "mpy-host/repl.h"
#include "mpy-host/run.h"
#include "runtime/compile.h"
#include "runtime/platform.h"
#include "runtime/runtime.h"
#include "runtime/vfs.h"

// Room kept below the recursion limit for the C code that reports the
// error (and for signal frames).
#define STACK_MARGIN ((size_t)64 * 1024)

// The C stack the runtime may use below stack_top: the soft limit of the
// process, less a margin.
static char *stack_limit_from(char *stack_top) {
    size_t size = platform_stack_size();
    if (size == 0 || size > (size_t)8 * 1024 * 1024) {
        size = (size_t)8 * 1024 * 1024;
    }
    return stack_top - (size - STACK_MARGIN);
}

// sys.path: '' then the MICROPYPATH entries (a leading "~/" is $HOME).
static void init_sys_path(void) {
    mp_obj_t path_list = mp_state.sys_path;
    mp_obj_list_set_len(path_list, 0);
    mp_obj_list_append(path_list, MP_OBJ_NEW_QSTR(MP_QSTR_));
    const char *path = getenv("MICROPYPATH");
    if (path == NULL) {
        path = "~/.micropython/lib:/usr/lib/micropython";
    }
    const char *home = getenv("HOME");
    if (*path == ':') {
        path++; // the first entry is empty: '' is there already
    }
    while (*path != '\0') {
        const char *end = strchr(path, ':');
        size_t n = end == NULL ? strlen(path) : (size_t)(end - path);
        if (n >= 2 && path[0] == '~' && path[1] == '/' && home != NULL) {
            vstr_t vstr;
            vstr_init(&vstr, strlen(home) + n);
            vstr_add_str(&vstr, home);
            vstr_add_strn(&vstr, path + 1, n - 1);
            mp_obj_list_append(path_list, mp_obj_new_str_from_vstr(&vstr));
        } else {
            mp_obj_list_append(path_list, mp_obj_new_str_via_qstr(path, n));
        }
        if (end == NULL) {
            break;
        }
        path = end + 1;
    }
}

static void append_sys_argv(const char *arg) {
    mp_obj_list_append(mp_state.sys_argv, MP_OBJ_NEW_QSTR(qstr_from_str(arg)));
}

// sys.path[0] becomes the directory of the script (its real path).
static void set_script_dir(const char *script) {
    char *real = platform_real_path(script);
    if (real == NULL) {
        return; // host_run_file reports the error
    }
    char *slash = strrchr(real, '/');
    size_t n = slash == NULL ? 0 : (size_t)(slash - real);
    mp_obj_list_store(mp_state.sys_path, MP_OBJ_NEW_SMALL_INT(0), mp_obj_new_str_via_qstr(real, n));
    free(real);
}

static MP_NOINLINE int host_main(int argc, char **argv, char *stack_top) {
    host_args_t args;
    if (!host_args_parse(argc, argv, &args)) {
        return 1;
    }
    if (args.arch != NULL && !host_arch_is_own(args.arch)) {
        host_arch_exec(args.arch, argv);
        return 1;
    }
    host_compile_only = args.compile_only;

    mp_init(args.heap_size);
    mp_vfs_mount_host_root();
    mp_state.mpy_sub_version = args.mpy_sub_version;
    compile_opt_level = args.opt_level;
    mp_state.stack_limit = stack_limit_from(stack_top);
    init_sys_path();
    mp_obj_list_set_len(mp_state.sys_argv, 0);

    int ret = 0;
    switch (args.kind) {
        case HOST_RUN_COMMAND:
            append_sys_argv("-c");
            for (int i = args.argv_start; i < argc; i++) {
                append_sys_argv(argv[i]);
            }
            ret = host_run_source(args.target, strlen(args.target), MP_QSTR__lt_stdin_gt_, MP_PARSE_FILE_INPUT);
            break;
        case HOST_RUN_MODULE:
            for (int i = args.argv_start; i < argc; i++) {
                append_sys_argv(argv[i]);
            }
            ret = host_run_module(args.target);
            break;
        case HOST_RUN_FILE:
            for (int i = args.argv_start; i < argc; i++) {
                append_sys_argv(argv[i]);
            }
            set_script_dir(args.target);
            ret = host_run_file(argv[0], args.target);
            break;
        case HOST_RUN_INTERACTIVE:
            break;
    }
    const char *inspect_env = getenv("MICROPYINSPECT");
    bool inspect = args.inspect || (inspect_env != NULL && inspect_env[0] != '\0');
    if (!(ret & HOST_FORCED_EXIT) && (args.kind == HOST_RUN_INTERACTIVE || inspect)) {
        if (isatty(0) || inspect) {
            ret = host_repl();
        } else {
            ret = host_run_stdin();
        }
    }
    fflush(stdout);
    fflush(stderr);
    return ret & 0xff;
}

int main(int argc, char **argv) {
    // The collector scans the C stack from here down: take its top before
    // any frame that may hold object pointers (host_main is not inlined).
    char stack_top;
    gc_set_stack_top(&stack_top);
    platform_command_line(&argc, &argv);
    return host_main(argc, argv, &stack_top);
}
