// The recursive-descent parser (see parse.h). Grammar: MicroPython v1.21's
// (Python 3's, with assignment expressions only where v1.21 has them).
#include <string.h>

#include "runtime/compile_error.h"
#include "runtime/lexer.h"
#include "runtime/parse.h"

typedef struct {
    lexer_t lex;
    mp_parse_input_kind_t kind;
} parser_t;

#define TOK (p->lex.tok)

node_t *node_new(uint8_t kind, size_t line, size_t col) {
    node_t *n = m_malloc0(sizeof(node_t));
    n->kind = kind;
    n->line = line;
    n->col = col;
    return n;
}

static node_t *node_at_tok(parser_t *p, uint8_t kind) {
    return node_new(kind, TOK.line, TOK.col);
}

static void list_add(node_list_t *l, node_t *n) {
    // Grows in powers of two from 4.
    if (l->n == 0 || (l->n >= 4 && (l->n & (l->n - 1)) == 0)) {
        size_t alloc = l->n < 4 ? 4 : l->n * 2;
        l->items = m_realloc(l->items, alloc * sizeof(node_t *));
    }
    l->items[l->n++] = n;
}

static NORETURN void syntax_error_here(parser_t *p, const char *msg) {
    if (TOK.kind == T_INDENT) {
        compile_error_at(&mp_type_IndentationError, MP_QSTRnull, TOK.line, "unexpected indent");
    }
    compile_error_at(&mp_type_SyntaxError, MP_QSTRnull, TOK.line, msg);
}

static NORETURN void invalid(parser_t *p) {
    syntax_error_here(p, "invalid syntax");
}

static void advance(parser_t *p) {
    lexer_next(&p->lex);
}

static bool accept(parser_t *p, tok_kind_t k) {
    if (TOK.kind == k) {
        advance(p);
        return true;
    }
    return false;
}

static void expect(parser_t *p, tok_kind_t k) {
    if (!accept(p, k)) {
        invalid(p);
    }
}

static qstr expect_name(parser_t *p) {
    if (TOK.kind != T_NAME) {
        invalid(p);
    }
    qstr q = qstr_from_strn(TOK.text, TOK.text_len);
    advance(p);
    return q;
}

// Called where the grammar recurses (atoms, unary operators, `not`,
// blocks): input nested deeper than the C stack allows is a MemoryError, as
// in MicroPython, whose parser keeps its rule stack on the heap.
static void check_nesting(void) {
    if (mp_stack_exhausted()) {
        mp_raise_msg(&mp_type_MemoryError, MP_ERROR_TEXT("memory allocation failed: code nested too deeply"));
    }
}

/******************************************************************************/
// Expressions

static node_t *parse_test(parser_t *p);
static node_t *parse_or_test(parser_t *p);
static node_t *parse_expr(parser_t *p);
static node_t *parse_atom_expr(parser_t *p);
static node_t *parse_factor(parser_t *p);
static void parse_params(parser_t *p, node_t *n, tok_kind_t end);
static node_t *parse_target_list(parser_t *p);
static node_t *parse_yield(parser_t *p);

// Can the current token start an expression?
static bool starts_expr(parser_t *p) {
    switch (TOK.kind) {
        case T_NAME: case T_NUMBER: case T_STRING: case T_BYTES: case T_FSTRING:
        case K_FALSE: case K_NONE: case K_TRUE: case K_LAMBDA: case K_NOT: case K_AWAIT:
        case P_LPAREN: case P_LBRACKET: case P_LBRACE: case P_ELLIPSIS:
        case O_PLUS: case O_MINUS: case O_TILDE: case O_STAR:
            return true;
        default:
            return false;
    }
}

static node_t *parse_number(parser_t *p) {
    node_t *n = node_at_tok(p, E_INT);
    // Underscores between digits are dropped before conversion.
    char *text = m_malloc(TOK.text_len + 1);
    size_t len = 0;
    bool is_float = false;
    bool hex = TOK.text_len > 1 && TOK.text[0] == '0' && (TOK.text[1] | 0x20) == 'x';
    for (size_t i = 0; i < TOK.text_len; i++) {
        char c = TOK.text[i];
        if (c == '_') {
            continue;
        }
        if (c == '.' || c == 'j' || c == 'J' || (!hex && (c == 'e' || c == 'E'))) {
            is_float = true;
        }
        text[len++] = c;
    }
    text[len] = 0;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t o = is_float ? mp_parse_num_decimal(text, len, true, false)
                              : mp_parse_num_integer(text, len, 0);
        nlr_pop();
        if (mp_obj_is_small_int(o)) {
            n->ival = MP_OBJ_SMALL_INT_VALUE(o);
        } else {
            n->kind = E_OBJ;
            n->obj = o;
        }
    } else {
        // A malformed number: MicroPython reports the converter's message
        // as a SyntaxError.
        mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
        const char *msg = "invalid syntax";
        if (mp_obj_is_exception_instance(exc) && mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_ValueError))) {
            mp_obj_t v = mp_obj_exception_get_value(exc);
            if (mp_obj_is_str(v)) {
                msg = mp_obj_str_get_str(v);
            }
        } else {
            nlr_jump(nlr.ret_val);
        }
        compile_error_at(&mp_type_SyntaxError, MP_QSTRnull, n->line, msg);
    }
    advance(p);
    return n;
}

// The text of an f-string becomes fmt.format(args...), as MicroPython's
// lexer makes it: each replacement field {expr!c:spec} keeps only {!c:spec}
// in the format string and its expression, parsed on its own, joins the
// arguments. A field {expr=...} also puts "expr=" before its value. Fields
// nested in a format spec ({x:{w}}) are arguments too, taken in order by
// str.format's automatic numbering.
typedef struct {
    const char *s;  // the f-string's text (escapes applied, braces kept)
    size_t len, i;  // its length, the position read
    size_t line;
    char *fmt;      // the format string made (room for 2 * len bytes)
    size_t fmt_len;
    node_list_t *args;
} fstring_t;

static NORETURN void fstring_invalid(fstring_t *f) {
    compile_error_at(&mp_type_SyntaxError, MP_QSTRnull, f->line, "invalid syntax");
}

static node_t *parse_fstring_expr(fstring_t *f, const char *src, size_t len) {
    check_nesting();
    parser_t sub;
    // Parenthesised so that newlines inside are ignored as within brackets.
    char *text = m_malloc(len + 3);
    text[0] = '(';
    memcpy(text + 1, src, len);
    text[len + 1] = ')';
    text[len + 2] = 0;
    lexer_init(&sub.lex, text, len + 2);
    sub.lex.line = f->line;
    sub.kind = MP_PARSE_EVAL_INPUT;
    lexer_next(&sub.lex);
    node_t *e = parse_test(&sub);
    if (sub.lex.tok.kind != T_EOF && sub.lex.tok.kind != T_NEWLINE) {
        fstring_invalid(f);
    }
    return e;
}

// Does a conversion ("!r" or "!s", then ':' or '}') start at s[i]?
static bool fstring_at_conversion(const fstring_t *f, size_t i) {
    return f->s[i] == '!' && i + 2 < f->len && (f->s[i + 1] == 'r' || f->s[i + 1] == 's')
           && (f->s[i + 2] == ':' || f->s[i + 2] == '}');
}

static void fstring_add(fstring_t *f, char c) {
    f->fmt[f->fmt_len++] = c;
}

// A replacement field, at the character after its '{'.
static void fstring_field(fstring_t *f) {
    check_nesting();
    const char *s = f->s;
    size_t start = f->i, i = f->i;
    // The expression runs to a ':', '}' or conversion outside brackets and
    // string literals.
    int depth = 0;
    char quote = 0;
    while (i < f->len) {
        char d = s[i];
        if (quote) {
            if (d == quote) {
                quote = 0;
            }
        } else if (d == '\'' || d == '"') {
            quote = d;
        } else if (d == '(' || d == '[' || d == '{') {
            depth++;
        } else if (depth > 0 && (d == ')' || d == ']' || d == '}')) {
            depth--;
        } else if (depth == 0 && (d == ':' || d == '}' || fstring_at_conversion(f, i))) {
            break;
        }
        i++;
    }
    if (i >= f->len || i == start) {
        fstring_invalid(f);
    }
    size_t expr_len = i - start;
    if (s[i - 1] == '=') {
        // {expr=}: the text of the field, as written, before its value.
        for (size_t k = start; k < i; k++) {
            fstring_add(f, s[k]);
            if (s[k] == '{' || s[k] == '}') {
                fstring_add(f, s[k]);
            }
        }
        expr_len--;
    }
    list_add(f->args, parse_fstring_expr(f, s + start, expr_len));
    fstring_add(f, '{');
    if (s[i] == '!') {
        fstring_add(f, s[i++]);
        fstring_add(f, s[i++]);
    }
    if (s[i] == ':') {
        fstring_add(f, s[i++]);
        while (i < f->len && s[i] != '}') {
            if (s[i] == '{' && i + 1 < f->len && s[i + 1] != '{') {
                f->i = i + 1;
                fstring_field(f);
                i = f->i;
            } else if (s[i] == '{' && i + 1 < f->len) {
                // "{{" stays, for str.format to judge.
                fstring_add(f, s[i++]);
                fstring_add(f, s[i++]);
            } else {
                fstring_add(f, s[i++]);
            }
        }
        if (i >= f->len) {
            fstring_invalid(f);
        }
    }
    fstring_add(f, '}');
    f->i = i + 1;
}

static void fstring_to_format(const char *s, size_t len, size_t line, char **fmt_out,
    size_t *fmt_len, node_list_t *args) {
    fstring_t f = {s, len, 0, line, m_malloc(2 * len + 1), 0, args};
    while (f.i < len) {
        char c = s[f.i++];
        if (c == '{' && !(f.i < len && s[f.i] == '{')) {
            fstring_field(&f);
            continue;
        }
        fstring_add(&f, c);
        if ((c == '{' || c == '}') && f.i < len && s[f.i] == c) {
            // "{{" and "}}" stay as they are for str.format.
            fstring_add(&f, s[f.i++]);
        }
    }
    *fmt_out = f.fmt;
    *fmt_len = f.fmt_len;
}

// One or more adjacent string literals (str and f-strings, or bytes).
static node_t *parse_strings(parser_t *p) {
    size_t line = TOK.line, col = TOK.col;
    bool is_bytes = TOK.kind == T_BYTES;
    bool any_f = false;
    // The joined text (f-string parts already turned into format text,
    // plain parts with their braces doubled when an f-string is involved).
    char *buf = NULL;
    size_t blen = 0;
    node_list_t args = {0};
    // Plain parts seen before the first f-string, kept raw until we know.
    while (TOK.kind == T_STRING || TOK.kind == T_BYTES || TOK.kind == T_FSTRING) {
        if ((TOK.kind == T_BYTES) != is_bytes) {
            syntax_error_here(p, "cannot mix bytes and nonbytes literals");
        }
        const char *part = TOK.str;
        size_t plen = TOK.str_len;
        char *conv = NULL;
        size_t clen = 0;
        if (TOK.kind == T_FSTRING) {
            if (!any_f) {
                // Braces of the plain text so far must be escaped now.
                char *esc = m_malloc(2 * blen + 1);
                size_t el = 0;
                for (size_t i = 0; i < blen; i++) {
                    esc[el++] = buf[i];
                    if (buf[i] == '{' || buf[i] == '}') {
                        esc[el++] = buf[i];
                    }
                }
                buf = esc;
                blen = el;
                any_f = true;
            }
            fstring_to_format(part, plen, TOK.line, &conv, &clen, &args);
        } else if (any_f) {
            conv = m_malloc(2 * plen + 1);
            for (size_t i = 0; i < plen; i++) {
                conv[clen++] = part[i];
                if (part[i] == '{' || part[i] == '}') {
                    conv[clen++] = part[i];
                }
            }
        } else {
            conv = (char *)part;
            clen = plen;
        }
        buf = m_realloc(buf, blen + clen + 1);
        memcpy(buf + blen, conv, clen);
        blen += clen;
        buf[blen] = 0;
        advance(p);
    }
    node_t *s = node_new(is_bytes ? E_BYTES : E_STR, line, col);
    s->str = buf ? buf : "";
    s->len = blen;
    if (!any_f) {
        return s;
    }
    node_t *attr = node_new(E_ATTR, line, col);
    attr->a = s;
    attr->name = MP_QSTR_format;
    node_t *call = node_new(E_CALL, line, col);
    call->a = attr;
    call->list = args;
    return call;
}

// After the first element of a display: comprehension clauses.
static void parse_comp_clauses(parser_t *p, node_t *comp, tok_kind_t end) {
    while (TOK.kind == K_FOR || TOK.kind == K_IF) {
        if (TOK.kind == K_FOR) {
            node_t *c = node_at_tok(p, C_FOR);
            advance(p);
            node_t *t = parse_target_list(p);
            c->a = t;
            expect(p, K_IN);
            c->b = parse_or_test(p);
            list_add(&comp->list, c);
        } else {
            node_t *c = node_at_tok(p, C_IF);
            advance(p);
            c->a = parse_or_test(p);
            list_add(&comp->list, c);
        }
    }
    if (TOK.kind != end) {
        invalid(p);
    }
}

// A test or a starred expression (in displays and target lists).
static node_t *parse_test_or_star(parser_t *p) {
    if (TOK.kind == O_STAR) {
        node_t *n = node_at_tok(p, E_STARRED);
        advance(p);
        n->a = parse_expr(p);
        return n;
    }
    return parse_test(p);
}

// After a test: [':=' test], making an assignment expression.
static node_t *parse_walrus_rest(parser_t *p, node_t *target) {
    if (TOK.kind != P_WALRUS) {
        return target;
    }
    node_t *n = node_new(E_NAMEDEXPR, target->line, target->col);
    advance(p);
    n->a = target;
    n->b = parse_test(p);
    return n;
}

// test [':=' test], where MicroPython's grammar has namedexpr_test.
static node_t *parse_namedexpr_test(parser_t *p) {
    return parse_walrus_rest(p, parse_test(p));
}

// An item of a parenthesised or bracketed display: a starred expression or
// a test, maybe an assignment expression.
static node_t *parse_testlist_comp_item(parser_t *p) {
    if (TOK.kind == O_STAR) {
        return parse_test_or_star(p);
    }
    return parse_namedexpr_test(p);
}

// An expression (no comparison) or a starred one: a target.
static node_t *parse_test_or_star_expr(parser_t *p) {
    if (TOK.kind == O_STAR) {
        node_t *n = node_at_tok(p, E_STARRED);
        advance(p);
        n->a = parse_expr(p);
        return n;
    }
    return parse_expr(p);
}

static node_t *parse_paren(parser_t *p) {
    node_t *tup = node_at_tok(p, E_TUPLE);
    tup->flag = true;
    advance(p);
    if (accept(p, P_RPAREN)) {
        return tup;
    }
    if (TOK.kind == K_YIELD) {
        node_t *y = parse_yield(p);
        expect(p, P_RPAREN);
        return y;
    }
    node_t *first = parse_testlist_comp_item(p);
    if (TOK.kind == K_FOR) {
        node_t *g = node_new(E_GENEXP, first->line, first->col);
        g->a = first;
        parse_comp_clauses(p, g, P_RPAREN);
        advance(p);
        return g;
    }
    if (accept(p, P_RPAREN)) {
        if (first->kind == E_STARRED) {
            invalid(p);
        }
        return first;
    }
    list_add(&tup->list, first);
    while (accept(p, P_COMMA)) {
        if (TOK.kind == P_RPAREN) {
            break;
        }
        list_add(&tup->list, parse_testlist_comp_item(p));
    }
    expect(p, P_RPAREN);
    return tup;
}

static node_t *parse_bracket(parser_t *p) {
    node_t *lst = node_at_tok(p, E_LIST);
    advance(p);
    if (accept(p, P_RBRACKET)) {
        return lst;
    }
    node_t *first = parse_testlist_comp_item(p);
    if (TOK.kind == K_FOR) {
        lst->kind = E_LISTCOMP;
        lst->a = first;
        parse_comp_clauses(p, lst, P_RBRACKET);
        advance(p);
        return lst;
    }
    list_add(&lst->list, first);
    while (accept(p, P_COMMA)) {
        if (TOK.kind == P_RBRACKET) {
            break;
        }
        list_add(&lst->list, parse_testlist_comp_item(p));
    }
    expect(p, P_RBRACKET);
    return lst;
}

static node_t *parse_brace(parser_t *p) {
    node_t *d = node_at_tok(p, E_DICT);
    advance(p);
    if (accept(p, P_RBRACE)) {
        return d;
    }
    if (TOK.kind == O_DSTAR) {
        invalid(p); // {**d}: not in v1.21's grammar
    }
    node_t *first = parse_test_or_star(p);
    if (accept(p, P_COLON)) {
        node_t *pair = node_new(E_PAIR, first->line, first->col);
        pair->a = first;
        pair->b = parse_test(p);
        if (TOK.kind == K_FOR) {
            d->kind = E_DICTCOMP;
            d->a = pair;
            parse_comp_clauses(p, d, P_RBRACE);
            advance(p);
            return d;
        }
        list_add(&d->list, pair);
        while (accept(p, P_COMMA)) {
            if (TOK.kind == P_RBRACE) {
                break;
            }
            node_t *k = parse_test(p);
            expect(p, P_COLON);
            node_t *pr = node_new(E_PAIR, k->line, k->col);
            pr->a = k;
            pr->b = parse_test(p);
            list_add(&d->list, pr);
        }
        expect(p, P_RBRACE);
        return d;
    }
    if (TOK.kind == K_FOR) {
        d->kind = E_SETCOMP;
        d->a = first;
        parse_comp_clauses(p, d, P_RBRACE);
        advance(p);
        return d;
    }
    d->kind = E_SET;
    list_add(&d->list, first);
    while (accept(p, P_COMMA)) {
        if (TOK.kind == P_RBRACE) {
            break;
        }
        list_add(&d->list, parse_test_or_star(p));
    }
    expect(p, P_RBRACE);
    return d;
}

static node_t *parse_atom(parser_t *p) {
    check_nesting();
    node_t *n;
    switch (TOK.kind) {
        case T_NAME:
            n = node_at_tok(p, E_NAME);
            n->name = qstr_from_strn(TOK.text, TOK.text_len);
            advance(p);
            return n;
        case T_NUMBER:
            return parse_number(p);
        case T_STRING:
        case T_BYTES:
        case T_FSTRING:
            return parse_strings(p);
        case K_NONE:
            n = node_at_tok(p, E_NONE);
            break;
        case K_TRUE:
            n = node_at_tok(p, E_TRUE);
            break;
        case K_FALSE:
            n = node_at_tok(p, E_FALSE);
            break;
        case P_ELLIPSIS:
            n = node_at_tok(p, E_ELLIPSIS);
            break;
        case P_LPAREN:
            return parse_paren(p);
        case P_LBRACKET:
            return parse_bracket(p);
        case P_LBRACE:
            return parse_brace(p);
        default:
            // Including yield not in parentheses inside an expression.
            invalid(p);
    }
    advance(p);
    return n;
}

static void parse_call_args(parser_t *p, node_t *call) {
    // At '('.
    advance(p);
    while (TOK.kind != P_RPAREN) {
        node_t *arg;
        if (TOK.kind == O_STAR) {
            arg = node_at_tok(p, E_STARRED);
            advance(p);
            arg->a = parse_test(p);
        } else if (TOK.kind == O_DSTAR) {
            arg = node_at_tok(p, E_DSTAR);
            advance(p);
            arg->a = parse_test(p);
        } else {
            arg = parse_test(p);
            if (TOK.kind == P_WALRUS) {
                arg = parse_walrus_rest(p, arg);
            } else if (TOK.kind == P_ASSIGN) {
                if (arg->kind != E_NAME) {
                    syntax_error_here(p, "LHS of keyword arg must be an id");
                }
                advance(p);
                node_t *kw = node_new(E_KEYWORD, arg->line, arg->col);
                kw->name = arg->name;
                kw->a = parse_test(p);
                arg = kw;
            } else if (TOK.kind == K_FOR) {
                node_t *g = node_new(E_GENEXP, arg->line, arg->col);
                g->a = arg;
                parse_comp_clauses(p, g, P_RPAREN);
                arg = g;
            }
        }
        list_add(&call->list, arg);
        if (!accept(p, P_COMMA)) {
            break;
        }
    }
    expect(p, P_RPAREN);
}

static node_t *parse_subscript_item(parser_t *p) {
    node_t *start = NULL;
    if (TOK.kind != P_COLON) {
        start = parse_test(p);
        if (TOK.kind != P_COLON) {
            return start;
        }
    }
    node_t *s = node_at_tok(p, E_SLICE);
    if (start != NULL) {
        s->line = start->line;
        s->col = start->col;
    }
    s->a = start;
    advance(p); // ':'
    if (TOK.kind != P_COLON && TOK.kind != P_RBRACKET && TOK.kind != P_COMMA) {
        s->b = parse_test(p);
    }
    if (accept(p, P_COLON)) {
        if (TOK.kind != P_RBRACKET && TOK.kind != P_COMMA) {
            s->c = parse_test(p);
        }
    }
    return s;
}

// [await] atom trailer*
static node_t *parse_atom_expr(parser_t *p) {
    node_t *await = NULL;
    if (TOK.kind == K_AWAIT) {
        await = node_at_tok(p, E_AWAIT);
        advance(p);
    }
    node_t *n = parse_atom(p);
    for (;;) {
        if (TOK.kind == P_LPAREN) {
            node_t *call = node_at_tok(p, E_CALL);
            call->line = n->line;
            call->col = n->col;
            call->a = n;
            parse_call_args(p, call);
            n = call;
        } else if (TOK.kind == P_LBRACKET) {
            node_t *sub = node_at_tok(p, E_SUBSCR);
            advance(p);
            sub->a = n;
            node_t *idx = parse_subscript_item(p);
            if (TOK.kind == P_COMMA) {
                node_t *tup = node_new(E_TUPLE, idx->line, idx->col);
                list_add(&tup->list, idx);
                while (accept(p, P_COMMA)) {
                    if (TOK.kind == P_RBRACKET) {
                        break;
                    }
                    list_add(&tup->list, parse_subscript_item(p));
                }
                idx = tup;
            }
            sub->b = idx;
            expect(p, P_RBRACKET);
            n = sub;
        } else if (TOK.kind == P_DOT) {
            advance(p);
            node_t *attr = node_at_tok(p, E_ATTR);
            attr->a = n;
            attr->name = expect_name(p);
            n = attr;
        } else if (await != NULL) {
            await->a = n;
            return await;
        } else {
            return n;
        }
    }
}

static node_t *parse_power(parser_t *p) {
    node_t *base = parse_atom_expr(p);
    if (TOK.kind == O_DSTAR) {
        node_t *n = node_at_tok(p, E_BINOP);
        advance(p);
        n->op = MP_BINARY_OP_POWER;
        n->a = base;
        n->b = parse_factor(p);
        return n;
    }
    return base;
}

static node_t *parse_factor(parser_t *p) {
    check_nesting();
    int op;
    switch (TOK.kind) {
        case O_PLUS: op = MP_UNARY_OP_POSITIVE; break;
        case O_MINUS: op = MP_UNARY_OP_NEGATIVE; break;
        case O_TILDE: op = MP_UNARY_OP_INVERT; break;
        default: return parse_power(p);
    }
    node_t *n = node_at_tok(p, E_UNARY);
    advance(p);
    node_t *arg = parse_factor(p);
    if (arg->kind == E_INT) {
        // Fold the operator into a small-int constant.
        mp_int_t v = arg->ival;
        mp_int_t r = op == MP_UNARY_OP_POSITIVE ? v : op == MP_UNARY_OP_NEGATIVE ? -v : ~v;
        if (MP_SMALL_INT_FITS(r)) {
            arg->ival = r;
            arg->line = n->line;
            arg->col = n->col;
            return arg;
        }
    }
    n->op = (uint8_t)op;
    n->a = arg;
    return n;
}

// Binary operator levels, loosest first.
typedef struct {
    tok_kind_t tok;
    uint8_t op;
} binop_map_t;

static const binop_map_t level_or[] = {{O_PIPE, MP_BINARY_OP_OR}};
static const binop_map_t level_xor[] = {{O_CARET, MP_BINARY_OP_XOR}};
static const binop_map_t level_and[] = {{O_AMP, MP_BINARY_OP_AND}};
static const binop_map_t level_shift[] = {{O_LSHIFT, MP_BINARY_OP_LSHIFT}, {O_RSHIFT, MP_BINARY_OP_RSHIFT}};
static const binop_map_t level_arith[] = {{O_PLUS, MP_BINARY_OP_ADD}, {O_MINUS, MP_BINARY_OP_SUBTRACT}};
static const binop_map_t level_term[] = {
    {O_STAR, MP_BINARY_OP_MULTIPLY}, {O_SLASH, MP_BINARY_OP_TRUE_DIVIDE},
    {O_DSLASH, MP_BINARY_OP_FLOOR_DIVIDE}, {O_PERCENT, MP_BINARY_OP_MODULO},
    {O_AT, MP_BINARY_OP_MAT_MULTIPLY},
};

static const struct {
    const binop_map_t *ops;
    size_t n;
} binop_levels[] = {
    {level_or, 1}, {level_xor, 1}, {level_and, 1}, {level_shift, 2}, {level_arith, 2}, {level_term, 5},
};

static node_t *parse_binop_level(parser_t *p, size_t level) {
    if (level == MP_ARRAY_SIZE(binop_levels)) {
        return parse_factor(p);
    }
    node_t *lhs = parse_binop_level(p, level + 1);
    for (;;) {
        const binop_map_t *found = NULL;
        for (size_t i = 0; i < binop_levels[level].n; i++) {
            if (binop_levels[level].ops[i].tok == TOK.kind) {
                found = &binop_levels[level].ops[i];
            }
        }
        if (found == NULL) {
            return lhs;
        }
        node_t *n = node_at_tok(p, E_BINOP);
        advance(p);
        n->op = found->op;
        n->a = lhs;
        n->b = parse_binop_level(p, level + 1);
        lhs = n;
    }
}

static node_t *parse_expr(parser_t *p) {
    return parse_binop_level(p, 0);
}

// A comparison operator at the current token, or -1.
static int comparison_op(parser_t *p) {
    switch (TOK.kind) {
        case O_LT: return MP_BINARY_OP_LESS;
        case O_GT: return MP_BINARY_OP_MORE;
        case O_EQ: return MP_BINARY_OP_EQUAL;
        case O_LE: return MP_BINARY_OP_LESS_EQUAL;
        case O_GE: return MP_BINARY_OP_MORE_EQUAL;
        case O_NE: return MP_BINARY_OP_NOT_EQUAL;
        case K_IN: return MP_BINARY_OP_IN;
        case K_IS: return MP_BINARY_OP_IS;
        case K_NOT: return MP_BINARY_OP_IN | CMP_NEGATED;
        default: return -1;
    }
}

static node_t *parse_comparison(parser_t *p) {
    node_t *first = parse_expr(p);
    int op = comparison_op(p);
    if (op < 0) {
        return first;
    }
    node_t *n = node_new(E_COMPARE, first->line, first->col);
    n->a = first;
    size_t alloc = 0;
    while ((op = comparison_op(p)) >= 0) {
        if (op == (MP_BINARY_OP_IN | CMP_NEGATED)) {
            advance(p);
            expect(p, K_IN);
        } else if (op == MP_BINARY_OP_IS) {
            advance(p);
            if (accept(p, K_NOT)) {
                op |= CMP_NEGATED;
            }
        } else {
            advance(p);
        }
        if (n->list.n == alloc) {
            alloc = alloc ? alloc * 2 : 4;
            n->ops = m_realloc(n->ops, alloc);
        }
        n->ops[n->list.n] = (uint8_t)op;
        list_add(&n->list, parse_expr(p));
    }
    return n;
}

static node_t *parse_not_test(parser_t *p) {
    check_nesting();
    if (TOK.kind == K_NOT) {
        node_t *n = node_at_tok(p, E_NOT);
        advance(p);
        n->a = parse_not_test(p);
        return n;
    }
    return parse_comparison(p);
}

static node_t *parse_and_or(parser_t *p, tok_kind_t tok, uint8_t kind, node_t *(*sub)(parser_t *)) {
    node_t *first = sub(p);
    if (TOK.kind != tok) {
        return first;
    }
    node_t *n = node_new(kind, first->line, first->col);
    list_add(&n->list, first);
    while (accept(p, tok)) {
        list_add(&n->list, sub(p));
    }
    return n;
}

static node_t *parse_and_test(parser_t *p) {
    return parse_and_or(p, K_AND, E_AND, parse_not_test);
}

static node_t *parse_or_test(parser_t *p) {
    return parse_and_or(p, K_OR, E_OR, parse_and_test);
}

static node_t *parse_lambda(parser_t *p) {
    check_nesting();
    node_t *n = node_at_tok(p, E_LAMBDA);
    advance(p);
    parse_params(p, n, P_COLON);
    expect(p, P_COLON);
    n->a = parse_test(p);
    return n;
}

static node_t *parse_test(parser_t *p) {
    if (TOK.kind == K_LAMBDA) {
        return parse_lambda(p);
    }
    node_t *body = parse_or_test(p);
    if (TOK.kind == K_IF) {
        node_t *n = node_new(E_IFEXP, body->line, body->col);
        advance(p);
        n->a = body;
        n->b = parse_or_test(p);
        expect(p, K_ELSE);
        n->c = parse_test(p);
        return n;
    }
    return body;
}

// A comma-separated list of tests (or starred expressions when allow_star):
// one item without a trailing comma is itself, otherwise a tuple.
static node_t *parse_testlist(parser_t *p, bool allow_star) {
    node_t *first = allow_star ? parse_test_or_star(p) : parse_test(p);
    if (TOK.kind != P_COMMA) {
        return first;
    }
    node_t *tup = node_new(E_TUPLE, first->line, first->col);
    list_add(&tup->list, first);
    while (accept(p, P_COMMA)) {
        if (!starts_expr(p)) {
            break;
        }
        list_add(&tup->list, allow_star ? parse_test_or_star(p) : parse_test(p));
    }
    return tup;
}

// The targets of for and of comprehensions: expressions up to 'in'.
static node_t *parse_target_list(parser_t *p) {
    node_t *first = parse_test_or_star_expr(p);
    if (TOK.kind != P_COMMA) {
        return first;
    }
    node_t *tup = node_new(E_TUPLE, first->line, first->col);
    list_add(&tup->list, first);
    while (accept(p, P_COMMA) && TOK.kind != K_IN) {
        list_add(&tup->list, parse_test_or_star_expr(p));
    }
    return tup;
}

// yield [testlist] or yield from test, at 'yield' (statement, right-hand
// side of an assignment, or in parentheses).
static node_t *parse_yield(parser_t *p) {
    node_t *n = node_at_tok(p, E_YIELD);
    advance(p);
    if (accept(p, K_FROM)) {
        n->kind = E_YIELD_FROM;
        n->a = parse_test(p);
    } else if (starts_expr(p)) {
        n->a = parse_testlist(p, false);
    }
    return n;
}

// Parameters of def (end ')') and lambda (end ':').
static void parse_params(parser_t *p, node_t *n, tok_kind_t end) {
    size_t alloc = 0;
    bool after_star = false, bare_star = false;
    while (TOK.kind != end) {
        param_t prm = {0};
        prm.line = TOK.line;
        prm.col = TOK.col;
        if (accept(p, O_STAR)) {
            if (after_star) {
                invalid(p);
            }
            after_star = true;
            if (TOK.kind == P_COMMA) {
                bare_star = true;
                advance(p);
                continue;
            }
            prm.kind = PARAM_STAR;
            prm.name = expect_name(p);
        } else if (accept(p, O_DSTAR)) {
            prm.kind = PARAM_DSTAR;
            prm.name = expect_name(p);
        } else {
            prm.kind = after_star ? PARAM_KWONLY : PARAM_POS;
            prm.name = expect_name(p);
        }
        if (end == P_RPAREN && accept(p, P_COLON)) {
            (void)parse_test(p); // annotation: evaluated by nobody, as MicroPython
        }
        if (accept(p, P_ASSIGN)) {
            if (prm.kind == PARAM_STAR || prm.kind == PARAM_DSTAR) {
                invalid(p);
            }
            prm.def = parse_test(p);
        }
        for (size_t i = 0; i < n->n_params; i++) {
            if (n->params[i].name == prm.name) {
                compile_error_at(&mp_type_SyntaxError, MP_QSTRnull, prm.line,
                    "duplicate argument name in function definition");
            }
        }
        if (n->n_params == alloc) {
            alloc = alloc ? alloc * 2 : 4;
            n->params = m_realloc(n->params, alloc * sizeof(param_t));
        }
        n->params[n->n_params++] = prm;
        if (prm.kind == PARAM_DSTAR) {
            accept(p, P_COMMA);
            if (TOK.kind != end) {
                invalid(p);
            }
            break;
        }
        if (!accept(p, P_COMMA)) {
            break;
        }
    }
    if (bare_star && (n->n_params == 0 || n->params[n->n_params - 1].kind == PARAM_POS)) {
        // "*" must be followed by a keyword-only parameter.
        invalid(p);
    }
}

/******************************************************************************/
// Statements

static void parse_stmt(parser_t *p, node_list_t *out);

static void parse_block(parser_t *p, node_list_t *out) {
    check_nesting();
    expect(p, P_COLON);
    if (accept(p, T_NEWLINE)) {
        if (TOK.kind != T_INDENT) {
            invalid(p);
        }
        advance(p);
        while (TOK.kind != T_DEDENT && TOK.kind != T_EOF) {
            parse_stmt(p, out);
        }
        accept(p, T_DEDENT);
    } else {
        // Simple statements on the same line.
        parse_stmt(p, out);
    }
}

static node_t *parse_dotted_name(parser_t *p) {
    node_t *alias = node_at_tok(p, E_ALIAS);
    size_t start = 0;
    char *buf = NULL;
    size_t len = 0;
    for (;;) {
        if (TOK.kind != T_NAME) {
            invalid(p);
        }
        buf = m_realloc(buf, len + TOK.text_len + 2);
        memcpy(buf + len, TOK.text, TOK.text_len);
        len += TOK.text_len;
        advance(p);
        if (TOK.kind != P_DOT) {
            break;
        }
        advance(p);
        buf[len++] = '.';
    }
    (void)start;
    alias->name = qstr_from_strn(buf, len);
    return alias;
}

static node_t *parse_small_stmt(parser_t *p) {
    node_t *n;
    switch (TOK.kind) {
        case K_PASS:
            n = node_at_tok(p, S_PASS);
            advance(p);
            return n;
        case K_BREAK:
            n = node_at_tok(p, S_BREAK);
            advance(p);
            return n;
        case K_CONTINUE:
            n = node_at_tok(p, S_CONTINUE);
            advance(p);
            return n;
        case K_RETURN:
            n = node_at_tok(p, S_RETURN);
            advance(p);
            if (starts_expr(p)) {
                n->a = parse_testlist(p, true);
            }
            return n;
        case K_RAISE:
            n = node_at_tok(p, S_RAISE);
            advance(p);
            if (starts_expr(p)) {
                n->a = parse_test(p);
                if (accept(p, K_FROM)) {
                    n->b = parse_test(p);
                }
            }
            return n;
        case K_GLOBAL:
        case K_NONLOCAL: {
            n = node_at_tok(p, TOK.kind == K_GLOBAL ? S_GLOBAL : S_NONLOCAL);
            advance(p);
            size_t alloc = 0;
            do {
                if (n->n_names == alloc) {
                    alloc = alloc ? alloc * 2 : 4;
                    n->names = m_realloc(n->names, alloc * sizeof(qstr));
                }
                n->names[n->n_names++] = expect_name(p);
            } while (accept(p, P_COMMA));
            return n;
        }
        case K_ASSERT:
            n = node_at_tok(p, S_ASSERT);
            advance(p);
            n->a = parse_test(p);
            if (accept(p, P_COMMA)) {
                n->b = parse_test(p);
            }
            return n;
        case K_DEL:
            n = node_at_tok(p, S_DEL);
            advance(p);
            for (;;) {
                list_add(&n->list, parse_expr(p));
                if (!accept(p, P_COMMA) || !starts_expr(p)) {
                    break;
                }
            }
            return n;
        case K_IMPORT:
            n = node_at_tok(p, S_IMPORT);
            advance(p);
            do {
                node_t *alias = parse_dotted_name(p);
                if (accept(p, K_AS)) {
                    alias->asname = expect_name(p);
                }
                list_add(&n->list, alias);
            } while (accept(p, P_COMMA));
            return n;
        case K_FROM: {
            n = node_at_tok(p, S_FROM);
            advance(p);
            while (TOK.kind == P_DOT || TOK.kind == P_ELLIPSIS) {
                n->ival += TOK.kind == P_DOT ? 1 : 3;
                advance(p);
            }
            if (TOK.kind == T_NAME) {
                n->name = parse_dotted_name(p)->name;
            } else if (n->ival == 0) {
                invalid(p);
            } else {
                n->name = MP_QSTR_;
            }
            expect(p, K_IMPORT);
            if (accept(p, O_STAR)) {
                return n;
            }
            bool paren = accept(p, P_LPAREN);
            do {
                if (paren && TOK.kind == P_RPAREN) {
                    break;
                }
                node_t *alias = node_at_tok(p, E_ALIAS);
                alias->name = expect_name(p);
                if (accept(p, K_AS)) {
                    alias->asname = expect_name(p);
                }
                list_add(&n->list, alias);
            } while (accept(p, P_COMMA));
            if (paren) {
                expect(p, P_RPAREN);
            }
            return n;
        }
        case K_YIELD:
            n = node_at_tok(p, S_EXPR);
            n->a = parse_yield(p);
            return n;
        default:
            break;
    }
    // Expression statement, assignment or augmented assignment.
    size_t line = TOK.line, col = TOK.col;
    node_t *first = parse_testlist(p, true);
    if (TOK.kind >= A_PIPE && TOK.kind <= A_DSTAR) {
        n = node_new(S_AUGASSIGN, line, col);
        n->op = (uint8_t)(MP_BINARY_OP_INPLACE_OR + (TOK.kind - A_PIPE));
        advance(p);
        n->a = first;
        n->b = TOK.kind == K_YIELD ? parse_yield(p) : parse_testlist(p, false);
        return n;
    }
    if (TOK.kind == P_ASSIGN) {
        n = node_new(S_ASSIGN, line, col);
        list_add(&n->list, first);
        node_t *value = NULL;
        while (accept(p, P_ASSIGN)) {
            value = TOK.kind == K_YIELD ? parse_yield(p) : parse_testlist(p, true);
            if (TOK.kind == P_ASSIGN) {
                list_add(&n->list, value);
            }
        }
        n->a = value;
        return n;
    }
    if (TOK.kind == P_COLON) {
        // An annotated assignment "x: T = v" is compiled as "x = v".
        advance(p);
        (void)parse_test(p);
        if (!accept(p, P_ASSIGN)) {
            n = node_new(S_ANNOTATE, line, col);
            n->a = first;
            return n;
        }
        n = node_new(S_ASSIGN, line, col);
        list_add(&n->list, first);
        n->a = TOK.kind == K_YIELD ? parse_yield(p) : parse_testlist(p, true);
        return n;
    }
    n = node_new(S_EXPR, line, col);
    n->a = first;
    return n;
}

static void parse_simple_stmts(parser_t *p, node_list_t *out) {
    for (;;) {
        list_add(out, parse_small_stmt(p));
        if (!accept(p, P_SEMICOLON)) {
            break;
        }
        if (TOK.kind == T_NEWLINE) {
            break;
        }
    }
    if (TOK.kind == T_EOF) {
        return;
    }
    expect(p, T_NEWLINE);
}

static node_t *parse_if(parser_t *p) {
    node_t *n = node_at_tok(p, S_IF);
    advance(p); // if / elif
    n->a = parse_namedexpr_test(p);
    parse_block(p, &n->list);
    if (TOK.kind == K_ELIF) {
        list_add(&n->list2, parse_if(p));
    } else if (accept(p, K_ELSE)) {
        parse_block(p, &n->list2);
    }
    return n;
}

static node_t *parse_try(parser_t *p) {
    node_t *n = node_at_tok(p, S_TRY);
    advance(p);
    parse_block(p, &n->list);
    while (TOK.kind == K_EXCEPT) {
        node_t *h = node_at_tok(p, S_HANDLER);
        advance(p);
        if (TOK.kind != P_COLON) {
            h->a = parse_test(p);
            if (accept(p, K_AS) || accept(p, P_COMMA)) {
                h->name = expect_name(p);
            }
        }
        parse_block(p, &h->list);
        list_add(&n->list2, h);
    }
    if (n->list2.n > 0 && accept(p, K_ELSE)) {
        parse_block(p, &n->list3);
    }
    if (accept(p, K_FINALLY)) {
        n->flag = true;
        parse_block(p, &n->list4);
    }
    if (n->list2.n == 0 && !n->flag) {
        invalid(p);
    }
    return n;
}

// class name[(bases)]: body. The bases are parsed as call arguments, as the
// compiler passes them to __build_class__ (keywords and *args included).
static node_t *parse_class(parser_t *p, node_list_t decorators) {
    node_t *n = node_at_tok(p, S_CLASS);
    advance(p);
    n->name = expect_name(p);
    if (TOK.kind == P_LPAREN) {
        node_t *call = node_at_tok(p, E_CALL);
        parse_call_args(p, call);
        n->list3 = call->list;
    }
    n->list2 = decorators;
    parse_block(p, &n->list);
    return n;
}

static node_t *parse_for(parser_t *p) {
    node_t *n = node_at_tok(p, S_FOR);
    advance(p);
    n->a = parse_target_list(p);
    expect(p, K_IN);
    n->b = parse_testlist(p, false);
    parse_block(p, &n->list);
    if (accept(p, K_ELSE)) {
        parse_block(p, &n->list2);
    }
    return n;
}

static node_t *parse_with(parser_t *p) {
    node_t *n = node_at_tok(p, S_WITH);
    advance(p);
    do {
        node_t *item = node_at_tok(p, E_PAIR);
        item->a = parse_test(p);
        if (accept(p, K_AS)) {
            item->b = parse_expr(p);
        }
        list_add(&n->list, item);
    } while (accept(p, P_COMMA));
    parse_block(p, &n->list2);
    return n;
}

static node_t *parse_def(parser_t *p, node_list_t decorators) {
    node_t *n = node_at_tok(p, S_DEF);
    expect(p, K_DEF);
    n->name = expect_name(p);
    expect(p, P_LPAREN);
    parse_params(p, n, P_RPAREN);
    expect(p, P_RPAREN);
    if (accept(p, P_ARROW)) {
        (void)parse_test(p);
    }
    n->list2 = decorators;
    parse_block(p, &n->list);
    return n;
}

// async def / async for / async with, at 'async': the statement with its
// flag set.
static node_t *parse_async(parser_t *p, node_list_t decorators) {
    size_t line = TOK.line, col = TOK.col;
    advance(p);
    node_t *n;
    if (TOK.kind == K_DEF) {
        n = parse_def(p, decorators);
    } else if (decorators.n == 0 && TOK.kind == K_FOR) {
        n = parse_for(p);
    } else if (decorators.n == 0 && TOK.kind == K_WITH) {
        n = parse_with(p);
    } else {
        invalid(p);
    }
    n->flag = true;
    n->line = line;
    n->col = col;
    return n;
}

static void parse_stmt(parser_t *p, node_list_t *out) {
    node_list_t decorators = {0};
    switch (TOK.kind) {
        case K_IF:
            list_add(out, parse_if(p));
            return;
        case K_WHILE: {
            node_t *n = node_at_tok(p, S_WHILE);
            advance(p);
            n->a = parse_namedexpr_test(p);
            parse_block(p, &n->list);
            if (accept(p, K_ELSE)) {
                parse_block(p, &n->list2);
            }
            list_add(out, n);
            return;
        }
        case K_FOR:
            list_add(out, parse_for(p));
            return;
        case K_TRY:
            list_add(out, parse_try(p));
            return;
        case K_WITH:
            list_add(out, parse_with(p));
            return;
        case O_AT:
            while (accept(p, O_AT)) {
                list_add(&decorators, parse_test(p));
                expect(p, T_NEWLINE);
            }
            if (TOK.kind == K_CLASS) {
                list_add(out, parse_class(p, decorators));
            } else if (TOK.kind == K_ASYNC) {
                list_add(out, parse_async(p, decorators));
            } else {
                list_add(out, parse_def(p, decorators));
            }
            return;
        case K_DEF:
            list_add(out, parse_def(p, decorators));
            return;
        case K_CLASS:
            list_add(out, parse_class(p, decorators));
            return;
        case K_ASYNC:
            list_add(out, parse_async(p, decorators));
            return;
        case T_INDENT:
        case T_DEDENT:
        case T_NEWLINE:
            invalid(p);
        default:
            parse_simple_stmts(p, out);
            return;
    }
}

node_list_t parse_source(const char *source, size_t len, mp_parse_input_kind_t kind) {
    parser_t parser;
    parser_t *p = &parser;
    p->kind = kind;
    lexer_init(&p->lex, source, len);
    advance(p);
    node_list_t out = {0};
    if (kind == MP_PARSE_EVAL_INPUT) {
        while (accept(p, T_NEWLINE)) {
        }
        node_t *e = node_at_tok(p, S_EXPR);
        e->a = parse_testlist(p, false);
        while (accept(p, T_NEWLINE)) {
        }
        if (TOK.kind != T_EOF) {
            invalid(p);
        }
        list_add(&out, e);
        return out;
    }
    while (TOK.kind != T_EOF) {
        if (kind != MP_PARSE_SINGLE_INPUT && accept(p, T_NEWLINE)) {
            continue;
        }
        parse_stmt(p, &out);
        if (kind == MP_PARSE_SINGLE_INPUT && TOK.kind != T_EOF) {
            // One interactive statement; anything after it is an error.
            while (accept(p, T_NEWLINE)) {
            }
            if (TOK.kind != T_EOF) {
                invalid(p);
            }
        }
    }
    return out;
}
