// Running code in __main__ under an nlr handler, and reporting what escapes.
#include "mpy-host/run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mpy/debug_elf.h"
#include "runtime/native_fault.h"

bool host_compile_only;

// A fault in a native module's code: the traceback, then what faulted
// where, with the function and line when the module's ELF (MOD.elf beside
// MOD.mpy, which the SDK writes) is there; the status is 128 + the signal
// number, as a shell reports a process the signal ended.
static int report_fault(mp_obj_t exc) {
    const native_fault_t *f = native_fault_last();
    fflush(stdout);
    mp_obj_print_traceback(&mp_stderr_print, exc);
    char where[600] = "", err[512] = "";
    size_t n = strlen(f->path);
    char *elf_path = malloc(n + 1);
    if (elf_path && n > 4 && strcmp(f->path + n - 4, ".mpy") == 0) {
        memcpy(elf_path, f->path, n - 4);
        strcpy(elf_path + n - 4, ".elf");
        debug_elf_t elf;
        debug_location_t loc;
        FILE *probe = fopen(elf_path, "rb");
        if (probe) {
            fclose(probe);
        }
        if (!probe) {
            snprintf(err, sizeof(err),
                     "no %s, which names the function and line: the SDK writes it (mpy-ld "
                     "--debug-elf); mpy-tool addr2line %s 0x%zx reads it later",
                     elf_path, f->path, f->offset);
        } else if (debug_elf_load(&elf, elf_path, err, sizeof(err))) {
            if (debug_elf_locate(&elf, f->offset, &loc, err, sizeof(err))) {
                debug_location_format(&loc, where, sizeof(where));
            }
            debug_elf_free(&elf);
        }
    }
    free(elf_path);
    mp_printf(&mp_stderr_print, "Fatal: %s in native module '%s' at text+0x%x", f->signal,
        f->module, (unsigned)f->offset);
    if (where[0]) {
        mp_printf(&mp_stderr_print, " (%s)\n", where);
    } else {
        mp_printf(&mp_stderr_print, "\n  (%s)\n", err);
    }
    return HOST_FORCED_EXIT | (128 + f->signo);
}

// SystemExit: HOST_FORCED_EXIT | code (None is 0, an int its value, anything
// else 1); any other exception: its traceback on stderr and status 1.
static int handle_uncaught_exception(mp_obj_t exc) {
    if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), MP_OBJ_FROM_PTR(&mp_type_SystemExit))) {
        mp_obj_t exit_val = mp_obj_exception_get_value(exc);
        mp_int_t val = 0;
        if (exit_val != mp_const_none && !mp_obj_get_int_maybe(exit_val, &val)) {
            val = 1;
        }
        return HOST_FORCED_EXIT | (int)(val & 255);
    }
    if (native_fault_is(exc)) {
        return report_fault(exc);
    }
    fflush(stdout);
    mp_obj_print_exception(&mp_stderr_print, exc);
    return 1;
}

int host_run_source(const char *source, size_t len, qstr source_name, mp_parse_input_kind_t kind) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_dict_t *globals = mp_state.dict_main;
        mp_globals_set(globals);
        mp_locals_set(globals);
        if (kind == MP_PARSE_FILE_INPUT) {
            mp_obj_dict_store(MP_OBJ_FROM_PTR(globals), MP_OBJ_NEW_QSTR(MP_QSTR___file__),
                MP_OBJ_NEW_QSTR(source_name));
        }
        if (host_compile_only) {
            mp_compile(source, len, source_name, kind, globals);
        } else {
            mp_exec_source(source, len, source_name, kind, globals);
        }
        nlr_pop();
        fflush(stdout);
        return 0;
    }
    return handle_uncaught_exception(MP_OBJ_FROM_PTR(nlr.ret_val));
}

// Reads all of fd into a malloc'd buffer (NUL-terminated); NULL on error.
static char *read_all(int fd, size_t *len_out) {
    size_t alloc = 4096, len = 0;
    char *buf = malloc(alloc);
    if (buf == NULL) {
        return NULL;
    }
    for (;;) {
        if (len + 1 >= alloc) {
            alloc *= 2;
            char *bigger = realloc(buf, alloc);
            if (bigger == NULL) {
                free(buf);
                return NULL;
            }
            buf = bigger;
        }
        ssize_t n = read(fd, buf + len, alloc - len - 1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            int saved = errno;
            free(buf);
            errno = saved;
            return NULL;
        }
        if (n == 0) {
            break;
        }
        len += (size_t)n;
    }
    buf[len] = '\0';
    *len_out = len;
    return buf;
}

int host_run_file(const char *argv0, const char *path) {
    FILE *f = fopen(path, "rb");
    size_t len = 0;
    char *source = f == NULL ? NULL : read_all(fileno(f), &len);
    if (source == NULL) {
        int err = errno;
        if (f != NULL) {
            fclose(f);
        }
        mp_printf(&mp_stderr_print, "%s: can't open file '%s': [Errno %d] %s\n", argv0, path, err, strerror(err));
        return 2;
    }
    fclose(f);
    int ret = host_run_source(source, len, qstr_from_str(path), MP_PARSE_FILE_INPUT);
    free(source);
    return ret;
}

int host_run_stdin(void) {
    size_t len = 0;
    char *source = read_all(0, &len);
    if (source == NULL) {
        perror("mpy-host: stdin");
        return 1;
    }
    int ret = host_run_source(source, len, MP_QSTR__lt_stdin_gt_, MP_PARSE_FILE_INPUT);
    free(source);
    return ret;
}

int host_run_module(const char *name) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_globals_set(mp_state.dict_main);
        mp_locals_set(mp_state.dict_main);
        mp_import_name(qstr_from_str(name), mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
        nlr_pop();
        fflush(stdout);
        return 0;
    }
    return handle_uncaught_exception(MP_OBJ_FROM_PTR(nlr.ret_val));
}
