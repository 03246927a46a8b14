// Driver of tests/runtime/compile.test.sh: the compiler's unit tests and
// the tools its end-to-end tests use.
//   test_compile unit          lexer, parser and REPL-continuation cases
//                              (ok/fail lines, then "done N")
//   test_compile run FILE      compile and run FILE as __main__; an uncaught
//                              exception is printed as MicroPython prints it
//   test_compile repl          the REPL's loop over stdin, without prompts:
//                              lines gathered while mp_repl_continue_with_input
//   test_compile mpy FILE OUT  write the compiled unit as a .mpy (v6, bytecode
//                              only) for `mpy-tool dump`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "mpy/mpy_write.h"
#include "runtime/compile.h"
#include "runtime/lexer.h"
#include "runtime/parse.h"
#include "runtime/runtime.h"

static int n_cases, n_failed;

static void check(bool ok, const char *name, const char *why) {
    n_cases++;
    if (ok) {
        printf("ok %s\n", name);
    } else {
        n_failed++;
        printf("fail %s: %s\n", name, why);
    }
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        exit(2);
    }
    buf_t b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        buf_append(&b, chunk, n);
    }
    fclose(f);
    buf_put_u8(&b, 0);
    *len = b.len - 1;
    return (char *)b.data;
}

/******************************************************************************/
// Unit cases

// The token kinds of src, as a string of kind numbers separated by spaces.
static void lex_kinds(const char *src, char *out, size_t out_len) {
    lexer_t lex;
    lexer_init(&lex, src, strlen(src));
    out[0] = 0;
    for (;;) {
        lexer_next(&lex);
        size_t l = strlen(out);
        snprintf(out + l, out_len - l, "%s%d", l ? " " : "", (int)lex.tok.kind);
        if (lex.tok.kind == T_EOF) {
            break;
        }
    }
}

static void expect_tokens(const char *name, const char *src, const int *kinds, size_t n) {
    char got[512], want[512] = "";
    lex_kinds(src, got, sizeof(got));
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(want);
        snprintf(want + l, sizeof(want) - l, "%s%d", l ? " " : "", kinds[i]);
    }
    char why[1100];
    snprintf(why, sizeof(why), "tokens [%s], want [%s]", got, want);
    check(strcmp(got, want) == 0, name, why);
}

// The first string token's decoded value.
static bool lex_string_is(const char *src, const char *want, size_t want_len) {
    lexer_t lex;
    lexer_init(&lex, src, strlen(src));
    lexer_next(&lex);
    return (lex.tok.kind == T_STRING || lex.tok.kind == T_BYTES) && lex.tok.str_len == want_len
           && memcmp(lex.tok.str, want, want_len) == 0;
}

// Does compiling src raise exc_type with a message starting with msg_prefix
// on the given line?
static void expect_error(const char *name, const char *src, const mp_obj_type_t *exc_type,
    const char *msg_prefix, size_t line) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_compile(src, strlen(src), MP_QSTR__lt_stdin_gt_, MP_PARSE_FILE_INPUT, mp_state.dict_main);
        nlr_pop();
        check(false, name, "compiled without error");
        return;
    }
    mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
    char why[300] = "";
    bool ok = mp_obj_get_type(exc) == exc_type;
    mp_obj_t v = mp_obj_exception_get_value(exc);
    const char *msg = mp_obj_is_str(v) ? mp_obj_str_get_str(v) : "";
    ok = ok && strncmp(msg, msg_prefix, strlen(msg_prefix)) == 0;
    size_t n = 0, *tb = NULL;
    mp_obj_exception_get_traceback(exc, &n, &tb);
    ok = ok && n >= 3 && tb[1] == line;
    snprintf(why, sizeof(why), "%s: '%s' at line %u", mp_obj_get_type_str(exc), msg,
        n >= 3 ? (unsigned)tb[1] : 0);
    check(ok, name, why);
}

static void unit_tests(void) {
    {
        const int k[] = {K_IF, T_NAME, P_COLON, T_NEWLINE, T_INDENT, T_NAME, P_ASSIGN, T_NUMBER, T_NEWLINE,
                         T_DEDENT, T_NAME, T_NEWLINE, T_EOF};
        expect_tokens("lex/indent", "if x:\n    y = 1\n\n  # c\nz\n", k, MP_ARRAY_SIZE(k));
    }
    {
        const int k[] = {T_NAME, P_ASSIGN, P_LPAREN, T_NUMBER, P_COMMA, T_NUMBER, P_RPAREN, T_NEWLINE, T_EOF};
        expect_tokens("lex/brackets-join-lines", "x = (1,\n   2)", k, MP_ARRAY_SIZE(k));
    }
    {
        const int k[] = {T_NAME, A_DSLASH, T_NUMBER, T_NAME, O_DSTAR, T_NAME, P_ELLIPSIS, O_NE, A_RSHIFT,
                         P_ARROW, T_NEWLINE, T_EOF};
        expect_tokens("lex/operators", "a //= 1 b ** c ... != >>= ->", k, MP_ARRAY_SIZE(k));
    }
    {
        const int k[] = {K_DEF, T_NAME, K_LAMBDA, K_NONE, T_NEWLINE, T_EOF};
        expect_tokens("lex/keywords", "def define lambda None", k, MP_ARRAY_SIZE(k));
    }
    {
        const int k[] = {T_NUMBER, T_NUMBER, T_NUMBER, T_NUMBER, T_NEWLINE, T_EOF};
        expect_tokens("lex/numbers", "0x1F 1_000 1.5e-3 2j", k, MP_ARRAY_SIZE(k));
    }
    {
        const int k[] = {T_NAME, P_ASSIGN, T_NUMBER, T_NEWLINE, T_EOF};
        expect_tokens("lex/continuation", "x = \\\n  1", k, MP_ARRAY_SIZE(k));
    }
    check(lex_string_is("'a\\tb\\x41\\n'", "a\tbA\n", 5), "lex/escapes", "wrong value");
    check(lex_string_is("'\\u00e9\\101'", "\xc3\xa9" "A", 3), "lex/unicode-octal", "wrong value");
    check(lex_string_is("b'\\xff\\u00'", "\xff\\u00", 5), "lex/bytes-escapes", "wrong value");
    check(lex_string_is("r'\\n\\''", "\\n\\'", 4), "lex/raw", "wrong value");
    check(lex_string_is("'''a\nb'''", "a\nb", 3), "lex/triple", "wrong value");

    // Parser: shapes of a few trees.
    {
        node_list_t l = parse_source("x = 1 + 2 * 3\n", 14, MP_PARSE_FILE_INPUT);
        node_t *s = l.items[0];
        bool ok = l.n == 1 && s->kind == S_ASSIGN && s->a->kind == E_BINOP && s->a->op == MP_BINARY_OP_ADD
                  && s->a->b->kind == E_BINOP && s->a->b->op == MP_BINARY_OP_MULTIPLY;
        check(ok, "parse/precedence", "wrong tree");
    }
    {
        const char *src = "a < b <= c is not d not in e\n";
        node_list_t l = parse_source(src, strlen(src), MP_PARSE_FILE_INPUT);
        node_t *e = l.items[0]->a;
        bool ok = e->kind == E_COMPARE && e->list.n == 4 && e->ops[0] == MP_BINARY_OP_LESS
                  && e->ops[2] == (MP_BINARY_OP_IS | CMP_NEGATED) && e->ops[3] == (MP_BINARY_OP_IN | CMP_NEGATED);
        check(ok, "parse/comparison-chain", "wrong tree");
    }
    {
        const char *src = "-5\n";
        node_list_t l = parse_source(src, strlen(src), MP_PARSE_FILE_INPUT);
        check(l.items[0]->a->kind == E_INT && l.items[0]->a->ival == -5, "parse/fold-negative", "not folded");
    }
    {
        const char *src = "def f(a, b=1, *c, d, e=2, **f): pass\n";
        node_list_t l = parse_source(src, strlen(src), MP_PARSE_FILE_INPUT);
        node_t *d = l.items[0];
        bool ok = d->kind == S_DEF && d->n_params == 6 && d->params[2].kind == PARAM_STAR
                  && d->params[3].kind == PARAM_KWONLY && d->params[5].kind == PARAM_DSTAR && d->params[1].def != NULL;
        check(ok, "parse/params", "wrong parameters");
    }
    {
        const char *src = "f'a{x!r:>4}b{{'\n";
        node_list_t l = parse_source(src, strlen(src), MP_PARSE_FILE_INPUT);
        node_t *e = l.items[0]->a;
        bool ok = e->kind == E_CALL && e->a->kind == E_ATTR && e->a->a->kind == E_STR
                  && e->a->a->len == 11 && memcmp(e->a->a->str, "a{!r:>4}b{{", 11) == 0 && e->list.n == 1;
        check(ok, "parse/fstring", "wrong tree");
    }

    // Errors: type, message and line.
    expect_error("error/invalid", "x = = 1\n", &mp_type_SyntaxError, "invalid syntax", 1);
    expect_error("error/unexpected-indent", "x = 1\n  y = 2\n", &mp_type_IndentationError, "unexpected indent", 2);
    expect_error("error/unindent", "if 1:\n    x=1\n  y=2\n", &mp_type_IndentationError,
        "unindent doesn't match any outer indent level", 3);
    expect_error("error/return", "return 1\n", &mp_type_SyntaxError, "'return' outside function", 1);
    expect_error("error/break", "\nbreak\n", &mp_type_SyntaxError, "'break'/'continue' outside loop", 2);
    expect_error("error/super-self", "class A:\n  def f():\n    super()\n", &mp_type_SyntaxError,
        "super() can't find self", 3);
    expect_error("error/nonlocal", "def f():\n  nonlocal q\n", &mp_type_SyntaxError, "no binding for nonlocal found", 2);
    expect_error("error/yield-module", "x = 1\nyield x\n", &mp_type_SyntaxError, "'yield' outside function", 2);
    expect_error("error/yield-comp", "def f():\n  return [(yield) for x in y]\n", &mp_type_SyntaxError,
        "'yield' outside function", 2);
    expect_error("error/yield-operand", "def f():\n  x = 1 + yield 2\n", &mp_type_SyntaxError, "invalid syntax", 2);
    expect_error("error/assign", "f() = 1\n", &mp_type_SyntaxError, "can't assign to expression", 1);
    expect_error("error/string", "x = 'abc\n", &mp_type_SyntaxError, "invalid syntax", 1);
    expect_error("error/number", "x = 0o8\n", &mp_type_SyntaxError, "invalid syntax for integer", 1);

    // The REPL's continuation rule.
    check(mp_repl_continue_with_input("if x:"), "repl/compound", "no continuation");
    check(mp_repl_continue_with_input("if x:\n  y"), "repl/compound-body", "no continuation");
    check(!mp_repl_continue_with_input("if x:\n  y\n"), "repl/compound-end", "continues");
    check(mp_repl_continue_with_input("f(1,"), "repl/bracket", "no continuation");
    check(mp_repl_continue_with_input("x = '''a"), "repl/triple-quote", "no continuation");
    check(mp_repl_continue_with_input("x = 1 + \\"), "repl/backslash", "no continuation");
    check(!mp_repl_continue_with_input("x = '('"), "repl/bracket-in-string", "continues");
    check(!mp_repl_continue_with_input("print(1)"), "repl/simple", "continues");
    check(!mp_repl_continue_with_input("iffy = 1"), "repl/word", "continues");
}

/******************************************************************************/
// Tools

static int run_file(const char *path) {
    size_t len;
    char *src = read_file(path, &len);
    int status = 0;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_exec_source(src, len, qstr_from_str(path), MP_PARSE_FILE_INPUT, NULL);
        nlr_pop();
    } else {
        fflush(stdout);
        mp_obj_print_exception(&mp_plat_print, MP_OBJ_FROM_PTR(nlr.ret_val));
        status = 1;
    }
    free(src);
    return status;
}

static int run_repl(void) {
    buf_t input = {0};
    char line[4096];
    while (fgets(line, sizeof(line), stdin) != NULL) {
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\n') {
            line[--n] = 0;
        }
        if (input.len > 0) {
            buf_put_u8(&input, '\n');
        }
        buf_append(&input, line, n);
        buf_put_u8(&input, 0);
        input.len--;
        if (mp_repl_continue_with_input((const char *)input.data)) {
            continue;
        }
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            mp_exec_source((const char *)input.data, input.len, MP_QSTR__lt_stdin_gt_, MP_PARSE_SINGLE_INPUT, NULL);
            nlr_pop();
        } else {
            fflush(stdout);
            mp_obj_print_exception(&mp_plat_print, MP_OBJ_FROM_PTR(nlr.ret_val));
        }
        input.len = 0;
    }
    buf_free(&input);
    return 0;
}

static void write_raw_code(buf_t *out, const rt_raw_code_t *rc) {
    mpy_write_uint(out, (uint64_t)rc->fun_data_len << 3 | (rc->n_children != 0) << 2 | 0);
    buf_append(out, rc->rc.fun_data, rc->fun_data_len);
    if (rc->n_children != 0) {
        mpy_write_uint(out, rc->n_children);
        for (size_t i = 0; i < rc->n_children; i++) {
            write_raw_code(out, (const rt_raw_code_t *)rc->rc.children[i]);
        }
    }
}

static int write_mpy(const char *path, const char *out_path) {
    size_t len;
    char *src = read_file(path, &len);
    compiled_unit_t cu;
    compile_unit(src, len, qstr_from_str(path), MP_PARSE_FILE_INPUT, mp_state.dict_main, &cu);
    buf_t out = {0};
    mpy_write_header(&out, 0, 0, 0);
    mpy_write_uint(&out, cu.n_qstrs);
    mpy_write_uint(&out, cu.n_objs);
    for (size_t i = 0; i < cu.n_qstrs; i++) {
        size_t qlen;
        const byte *q = qstr_data(cu.context->constants.qstr_table[i], &qlen);
        mpy_write_qstr(&out, (const char *)q, qlen);
    }
    for (size_t i = 0; i < cu.n_objs; i++) {
        mp_obj_t o = cu.context->constants.obj_table[i];
        size_t olen;
        if (mp_obj_is_str(o) || mp_obj_get_type(o) == &mp_type_bytes) {
            const char *d = mp_obj_str_get_data(o, &olen);
            buf_put_u8(&out, mp_obj_is_str(o) ? 5 : 6); // MP_PERSISTENT_OBJ_STR / _BYTES
            mpy_write_uint(&out, olen);
            buf_append(&out, d, olen);
            buf_put_u8(&out, 0);
        } else if (o == mp_const_ellipsis) {
            buf_put_u8(&out, 4); // MP_PERSISTENT_OBJ_ELLIPSIS
        } else {
            // Numbers as their repr, as persistentcode.c saves them.
            mp_obj_t r = mp_obj_str_make(o, PRINT_REPR);
            const char *d = mp_obj_str_get_data(r, &olen);
            buf_put_u8(&out, mp_obj_get_type(o) == &mp_type_float ? 8 : 7); // _FLOAT / _INT
            mpy_write_uint(&out, olen);
            buf_append(&out, d, olen);
        }
    }
    write_raw_code(&out, cu.rc);
    free(src);
    FILE *f = fopen(out_path, "wb");
    int status = 0;
    if (f == NULL || fwrite(out.data, 1, out.len, f) != out.len || fclose(f) != 0) {
        perror(out_path);
        status = 2;
    }
    buf_free(&out);
    return status;
}

static int run_command(int argc, char **argv) {
    if (argc >= 2 && strcmp(argv[1], "unit") == 0) {
        unit_tests();
        printf("done %d\n", n_cases);
        return n_failed ? 1 : 0;
    }
    if (argc == 3 && strcmp(argv[1], "run") == 0) {
        return run_file(argv[2]);
    }
    if (argc == 2 && strcmp(argv[1], "repl") == 0) {
        return run_repl();
    }
    if (argc == 4 && strcmp(argv[1], "mpy") == 0) {
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            int r = write_mpy(argv[2], argv[3]);
            nlr_pop();
            return r;
        }
        mp_obj_print_exception(&mp_plat_print, MP_OBJ_FROM_PTR(nlr.ret_val));
        return 1;
    }
    fprintf(stderr, "usage: test_compile unit | run FILE | repl | mpy FILE OUT\n");
    return 2;
}

int main(int argc, char **argv) {
    mp_init(64 * 1024 * 1024);
    int status = run_command(argc, argv);
    mp_deinit(); // frees the qstr pool: LeakSanitizer sees no leak
    return status;
}
