// mpy-tool: merges .mpy files into one (as MicroPython v1.21's
// tools/mpy-tool.py --merge does) and describes any .mpy file.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "mpy-tool/addr2line.h"
#include "mpy-tool/diag.h"
#include "mpy-tool/dump.h"
#include "mpy-tool/input.h"
#include "mpy-tool/merge.h"
#include "mpy-tool/opcodes.h"

#define MPY_TOOL_VERSION "1.0.0"

static const char usage[] =
    "usage: mpy-tool merge [-o OUTPUT] FILE.mpy [FILE.mpy ...]\n"
    "       mpy-tool --merge [-o OUTPUT] FILE.mpy [FILE.mpy ...]\n"
    "       mpy-tool dump [--json] FILE.mpy [FILE.mpy ...]\n"
    "       mpy-tool opcodes [--json]\n"
    "       mpy-tool addr2line FILE.mpy|FILE.elf OFFSET [OFFSET ...]\n";

static const char help[] =
    "\n"
    "Work with MicroPython .mpy files (version 6).\n"
    "\n"
    "commands:\n"
    "  merge      merge the files into one module: at most one may hold native\n"
    "             code (it goes first); the others' bytecode is re-based onto the\n"
    "             combined qstr and object tables. Same bytes as MicroPython\n"
    "             v1.21's tools/mpy-tool.py --merge. One input is copied as it is.\n"
    "  dump       describe each file: header, qstr and object tables, the\n"
    "             raw-code tree, preludes and disassembled bytecode, native code\n"
    "             sizes and relocations\n"
    "  opcodes    list the bytecode opcodes: value, name, operand, stack effect\n"
    "  addr2line  name the function and source line of each text OFFSET (hex)\n"
    "             of a native module, as FUNCTION+0xNN at FILE:LINE, from the\n"
    "             module's ELF (mpy-ld --debug-elf; MOD.elf beside MOD.mpy)\n"
    "\n"
    "options:\n"
    "  -h, --help             show this help and exit\n"
    "  --version              show the version and exit\n"
    "  -o, --output OUTPUT    merge: output file (default: standard output);\n"
    "                         written whole or not at all\n"
    "  --json                 dump, opcodes: print JSON instead of text\n";

typedef enum { CMD_NONE, CMD_MERGE, CMD_DUMP, CMD_OPCODES, CMD_ADDR2LINE } command_t;

typedef struct {
    command_t command;
    const char *output;
    bool json;
    char **files;
    size_t n_files;
} options_t;

static void usage_error(const char *fmt, const char *arg) {
    fputs(usage, stderr);
    fputs("mpy-tool: error: ", stderr);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(2);
}

static void set_command(options_t *o, command_t c, const char *name) {
    if (o->command != CMD_NONE && o->command != c) {
        usage_error("only one command may be given (%s)", name);
    }
    o->command = c;
}

static void parse_args(int argc, char **argv, options_t *o) {
    o->files = calloc((size_t)argc, sizeof(char *));
    if (!o->files) {
        usage_error("%s", "out of memory");
    }
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || a[1] == 0) {
            if (o->command == CMD_NONE && !only_files) {
                if (strcmp(a, "merge") == 0) {
                    o->command = CMD_MERGE;
                    continue;
                } else if (strcmp(a, "dump") == 0) {
                    o->command = CMD_DUMP;
                    continue;
                } else if (strcmp(a, "opcodes") == 0) {
                    o->command = CMD_OPCODES;
                    continue;
                } else if (strcmp(a, "addr2line") == 0) {
                    o->command = CMD_ADDR2LINE;
                    continue;
                }
                usage_error("unknown command '%s' (expected merge, dump, opcodes or addr2line)", a);
            }
            o->files[o->n_files++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_files = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            printf("%s%s", usage, help);
            exit(0);
        } else if (strcmp(a, "--version") == 0) {
            printf("mpy-tool %s (MicroPython .mpy version 6)\n", MPY_TOOL_VERSION);
            exit(0);
        } else if (strcmp(a, "--merge") == 0) {
            set_command(o, CMD_MERGE, a);
        } else if (strcmp(a, "--json") == 0) {
            o->json = true;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (i + 1 >= argc) {
                usage_error("argument %s: expected one argument", a);
            }
            o->output = argv[++i];
        } else if (strncmp(a, "--output=", 9) == 0) {
            o->output = a + 9;
        } else if (strncmp(a, "-o", 2) == 0) {
            o->output = a + 2;
        } else {
            usage_error("unrecognized argument: %s", a);
        }
    }
    if (o->command == CMD_NONE) {
        usage_error("%s", "a command is required: merge, dump, opcodes or addr2line");
    }
    if (o->command != CMD_OPCODES && o->n_files == 0) {
        usage_error("the following arguments are required: %s", "FILE.mpy");
    }
    if (o->command == CMD_OPCODES && o->n_files != 0) {
        usage_error("opcodes takes no files (got %s)", o->files[0]);
    }
    if (o->command == CMD_ADDR2LINE && o->n_files < 2) {
        usage_error("%s", "addr2line needs a FILE.mpy or FILE.elf and at least one OFFSET");
    }
    if (o->output && o->command != CMD_MERGE) {
        usage_error("%s", "-o is an option of merge only");
    }
    if (o->json && (o->command == CMD_MERGE || o->command == CMD_ADDR2LINE)) {
        usage_error("%s", "--json is an option of dump and opcodes only");
    }
}

static bool write_stdout(const buf_t *b) {
    if (b->len && fwrite(b->data, 1, b->len, stdout) != b->len) {
        tool_error("cannot write to standard output");
        return false;
    }
    if (fflush(stdout) != 0) {
        tool_error("cannot write to standard output");
        return false;
    }
    return true;
}

static bool load_all(const options_t *o, tool_input_t *inputs) {
    bool ok = true;
    for (size_t i = 0; i < o->n_files; i++) {
        // Report every unreadable input, not only the first.
        if (!input_load(&inputs[i], o->files[i])) {
            ok = false;
        }
    }
    return ok;
}

static int run_merge(const options_t *o, tool_input_t *inputs) {
    buf_t out = {0};
    bool ok = merge_inputs(inputs, o->n_files, &out);
    if (ok && o->output) {
        int e = file_write_atomic(o->output, out.data, out.len);
        if (e) {
            tool_error("%s: cannot write: %s", o->output, strerror(e));
            ok = false;
        }
    } else if (ok) {
        ok = write_stdout(&out);
    }
    buf_free(&out);
    return ok ? 0 : 1;
}

static int run_dump(const options_t *o, const tool_input_t *inputs) {
    buf_t out = {0};
    if (o->json && o->n_files > 1) {
        buf_put_u8(&out, '[');
    }
    for (size_t i = 0; i < o->n_files; i++) {
        if (o->json) {
            if (o->n_files > 1) {
                buf_append(&out, i ? ",\n  " : "\n  ", i ? 4 : 3);
            }
            dump_json(&out, &inputs[i], o->n_files > 1 ? 1 : 0);
        } else {
            if (i) {
                buf_put_u8(&out, '\n');
            }
            dump_text(&out, &inputs[i]);
        }
    }
    if (o->json) {
        buf_append(&out, o->n_files > 1 ? "\n]\n" : "\n", o->n_files > 1 ? 3 : 1);
    }
    bool ok = write_stdout(&out);
    buf_free(&out);
    return ok ? 0 : 1;
}

int main(int argc, char **argv) {
    options_t o = {0};
    parse_args(argc, argv, &o);
    if (o.command == CMD_OPCODES) {
        buf_t out = {0};
        opcodes_list(&out, o.json);
        int rc = write_stdout(&out) ? 0 : 1;
        buf_free(&out);
        free(o.files);
        return rc;
    }
    if (o.command == CMD_ADDR2LINE) {
        int rc = addr2line_run(o.files[0], o.files + 1, o.n_files - 1);
        free(o.files);
        return rc;
    }
    tool_input_t *inputs = calloc(o.n_files, sizeof(tool_input_t));
    if (!inputs) {
        tool_error("out of memory");
        return 1;
    }
    int rc = 1;
    if (load_all(&o, inputs)) {
        rc = o.command == CMD_MERGE ? run_merge(&o, inputs) : run_dump(&o, inputs);
    }
    for (size_t i = 0; i < o.n_files; i++) {
        input_free(&inputs[i]);
    }
    free(inputs);
    free(o.files);
    return rc;
}
