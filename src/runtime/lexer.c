// The Python lexer (see lexer.h).
#include <string.h>

#include "runtime/compile.h"
#include "runtime/compile_error.h"
#include "runtime/lexer.h"

static NORETURN void lex_error(size_t line, const char *msg) {
    compile_error_at(&mp_type_SyntaxError, MP_QSTRnull, line, msg);
}

static int peek(lexer_t *lex, size_t ahead) {
    size_t p = lex->pos + ahead;
    return p < lex->len ? (unsigned char)lex->src[p] : -1;
}

static bool is_name_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static bool is_name_char(int c) {
    return is_name_start(c) || is_digit(c);
}

static int hex_value(int c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Line ends "\r\n" and a lone "\r" read as "\n", as MicroPython's lexer
// reads them (in string literals too): a copy of src with them converted,
// or src itself when it has none.
static const char *normalise_newlines(const char *src, size_t *len) {
    if (memchr(src, '\r', *len) == NULL) {
        return src;
    }
    char *out = m_malloc(*len + 1);
    size_t n = 0;
    for (size_t i = 0; i < *len; i++) {
        if (src[i] != '\r') {
            out[n++] = src[i];
        } else {
            out[n++] = '\n';
            if (i + 1 < *len && src[i + 1] == '\n') {
                i++;
            }
        }
    }
    out[n] = 0;
    *len = n;
    return out;
}

void lexer_init(lexer_t *lex, const char *src, size_t len) {
    memset(lex, 0, sizeof(*lex));
    lex->src = normalise_newlines(src, &len);
    lex->len = len;
    lex->line = 1;
    lex->alloc_indents = 8;
    lex->indents = m_malloc(lex->alloc_indents * sizeof(size_t));
    lex->indents[0] = 0;
    lex->n_indents = 1;
    lex->at_line_start = true;
    lex->emitted_newline = true;
}

static const struct {
    const char *text;
    tok_kind_t kind;
} keywords[] = {
    {"False", K_FALSE}, {"None", K_NONE}, {"True", K_TRUE}, {"and", K_AND}, {"as", K_AS},
    {"assert", K_ASSERT}, {"async", K_ASYNC}, {"await", K_AWAIT}, {"break", K_BREAK},
    {"class", K_CLASS}, {"continue", K_CONTINUE}, {"def", K_DEF}, {"del", K_DEL},
    {"elif", K_ELIF}, {"else", K_ELSE}, {"except", K_EXCEPT}, {"finally", K_FINALLY},
    {"for", K_FOR}, {"from", K_FROM}, {"global", K_GLOBAL}, {"if", K_IF}, {"import", K_IMPORT},
    {"in", K_IN}, {"is", K_IS}, {"lambda", K_LAMBDA}, {"nonlocal", K_NONLOCAL}, {"not", K_NOT},
    {"or", K_OR}, {"pass", K_PASS}, {"raise", K_RAISE}, {"return", K_RETURN}, {"try", K_TRY},
    {"while", K_WHILE}, {"with", K_WITH}, {"yield", K_YIELD},
};

// Operators, longest first so that a prefix never hides a longer match.
static const struct {
    const char *text;
    tok_kind_t kind;
} operators[] = {
    {"**=", A_DSTAR}, {"//=", A_DSLASH}, {"<<=", A_LSHIFT}, {">>=", A_RSHIFT}, {"...", P_ELLIPSIS},
    {"+=", A_PLUS}, {"-=", A_MINUS}, {"*=", A_STAR}, {"/=", A_SLASH}, {"%=", A_PERCENT},
    {"&=", A_AMP}, {"|=", A_PIPE}, {"^=", A_CARET}, {"@=", A_AT}, {"**", O_DSTAR},
    {"//", O_DSLASH}, {"<<", O_LSHIFT}, {">>", O_RSHIFT}, {"<=", O_LE}, {">=", O_GE},
    {"==", O_EQ}, {"!=", O_NE}, {"->", P_ARROW}, {":=", P_WALRUS},
    {"(", P_LPAREN}, {")", P_RPAREN}, {"[", P_LBRACKET}, {"]", P_RBRACKET}, {"{", P_LBRACE},
    {"}", P_RBRACE}, {",", P_COMMA}, {":", P_COLON}, {";", P_SEMICOLON}, {".", P_DOT},
    {"=", P_ASSIGN}, {"+", O_PLUS}, {"-", O_MINUS}, {"*", O_STAR}, {"/", O_SLASH},
    {"%", O_PERCENT}, {"@", O_AT}, {"&", O_AMP}, {"|", O_PIPE}, {"^", O_CARET}, {"~", O_TILDE},
    {"<", O_LT}, {">", O_GT},
};

const char *lexer_kind_name(tok_kind_t kind) {
    for (size_t i = 0; i < MP_ARRAY_SIZE(keywords); i++) {
        if (keywords[i].kind == kind) {
            return keywords[i].text;
        }
    }
    for (size_t i = 0; i < MP_ARRAY_SIZE(operators); i++) {
        if (operators[i].kind == kind) {
            return operators[i].text;
        }
    }
    return "token";
}

static void push_indent(lexer_t *lex, size_t col) {
    if (lex->n_indents == lex->alloc_indents) {
        lex->alloc_indents *= 2;
        lex->indents = m_realloc(lex->indents, lex->alloc_indents * sizeof(size_t));
    }
    lex->indents[lex->n_indents++] = col;
}

// A growing buffer for decoded string values.
typedef struct {
    char *buf;
    size_t len, alloc;
} strbuf_t;

static void sb_add(strbuf_t *sb, const char *s, size_t n) {
    if (sb->len + n + 1 > sb->alloc) {
        size_t alloc = sb->alloc ? sb->alloc : 16;
        while (sb->len + n + 1 > alloc) {
            alloc *= 2;
        }
        sb->buf = m_realloc(sb->buf, alloc);
        sb->alloc = alloc;
    }
    memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = 0;
}

static void sb_add_byte(strbuf_t *sb, unsigned c) {
    char b = (char)c;
    sb_add(sb, &b, 1);
}

static void sb_add_utf8(strbuf_t *sb, unsigned long c) {
    char b[4];
    size_t n;
    if (c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xc0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xe0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        b[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        b[0] = (char)(0xf0 | (c >> 18));
        b[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        b[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    sb_add(sb, b, n);
}

// Reads n hex digits at the current position into *value.
static bool read_hex(lexer_t *lex, int n, unsigned long *value) {
    unsigned long v = 0;
    for (int i = 0; i < n; i++) {
        int h = hex_value(peek(lex, 0));
        if (h < 0) {
            return false;
        }
        v = v * 16 + (unsigned long)h;
        lex->pos++;
    }
    *value = v;
    return true;
}

// Reads a string literal body after its prefix; pos is at the opening quote.
static void read_string(lexer_t *lex, bool is_raw, bool is_bytes, bool is_fstring) {
    size_t start_line = lex->line;
    int quote = peek(lex, 0);
    bool triple = peek(lex, 1) == quote && peek(lex, 2) == quote;
    lex->pos += triple ? 3 : 1;
    strbuf_t sb = {0};
    sb_add(&sb, "", 0);
    for (;;) {
        int c = peek(lex, 0);
        if (c < 0) {
            lex_error(start_line, "invalid syntax");
        }
        if (c == quote) {
            if (!triple) {
                lex->pos++;
                break;
            }
            if (peek(lex, 1) == quote && peek(lex, 2) == quote) {
                lex->pos += 3;
                break;
            }
        }
        if (c == '\n') {
            if (!triple) {
                lex_error(start_line, "invalid syntax");
            }
            lex->pos++;
            lex->line++;
            lex->line_start = lex->pos;
            sb_add_byte(&sb, '\n');
            continue;
        }
        if (c != '\\') {
            sb_add_byte(&sb, (unsigned)c);
            lex->pos++;
            continue;
        }
        // A backslash.
        int e = peek(lex, 1);
        if (e < 0) {
            lex_error(start_line, "invalid syntax");
        }
        if (is_raw) {
            // Kept as written; only stops the next character ending the string.
            sb_add_byte(&sb, '\\');
            sb_add_byte(&sb, (unsigned)e);
            lex->pos += 2;
            if (e == '\n') {
                lex->line++;
                lex->line_start = lex->pos;
            }
            continue;
        }
        lex->pos += 2;
        unsigned long value;
        switch (e) {
            case '\n':
                lex->line++;
                lex->line_start = lex->pos;
                break;
            case '\\':
                sb_add_byte(&sb, '\\');
                break;
            case '\'':
                sb_add_byte(&sb, '\'');
                break;
            case '"':
                sb_add_byte(&sb, '"');
                break;
            case 'a':
                sb_add_byte(&sb, 7);
                break;
            case 'b':
                sb_add_byte(&sb, 8);
                break;
            case 'f':
                sb_add_byte(&sb, 12);
                break;
            case 'n':
                sb_add_byte(&sb, 10);
                break;
            case 'r':
                sb_add_byte(&sb, 13);
                break;
            case 't':
                sb_add_byte(&sb, 9);
                break;
            case 'v':
                sb_add_byte(&sb, 11);
                break;
            case 'x':
                if (!read_hex(lex, 2, &value)) {
                    lex_error(start_line, "invalid syntax");
                }
                if (is_bytes) {
                    sb_add_byte(&sb, (unsigned)value);
                } else {
                    sb_add_utf8(&sb, value);
                }
                break;
            case 'u':
            case 'U':
                if (is_bytes) {
                    sb_add_byte(&sb, '\\');
                    sb_add_byte(&sb, (unsigned)e);
                    break;
                }
                if (!read_hex(lex, e == 'u' ? 4 : 8, &value) || value > 0x10ffff) {
                    lex_error(start_line, "invalid syntax");
                }
                sb_add_utf8(&sb, value);
                break;
            case 'N':
                if (is_bytes) {
                    sb_add_byte(&sb, '\\');
                    sb_add_byte(&sb, 'N');
                    break;
                }
                mp_raise_NotImplementedError(MP_ERROR_TEXT("unicode name escapes"));
            default:
                if (e >= '0' && e <= '7') {
                    value = (unsigned long)(e - '0');
                    for (int i = 0; i < 2 && peek(lex, 0) >= '0' && peek(lex, 0) <= '7'; i++) {
                        value = value * 8 + (unsigned long)(peek(lex, 0) - '0');
                        lex->pos++;
                    }
                    if (is_bytes) {
                        sb_add_byte(&sb, (unsigned)(value & 0xff));
                    } else {
                        sb_add_utf8(&sb, value);
                    }
                } else {
                    // Unknown escape: kept as written.
                    sb_add_byte(&sb, '\\');
                    sb_add_byte(&sb, (unsigned)e);
                    if (e == '\n') {
                        lex->line++;
                        lex->line_start = lex->pos;
                    }
                }
                break;
        }
    }
    lex->tok.kind = is_bytes ? T_BYTES : is_fstring ? T_FSTRING : T_STRING;
    lex->tok.str = sb.buf;
    lex->tok.str_len = sb.len;
}

// Skips spaces, comments and backslash continuations on the current line.
static void skip_space(lexer_t *lex) {
    for (;;) {
        int c = peek(lex, 0);
        if (c == ' ' || c == '\t' || c == '\f') {
            lex->pos++;
        } else if (c == '#') {
            while (peek(lex, 0) >= 0 && peek(lex, 0) != '\n') {
                lex->pos++;
            }
        } else if (c == '\\' && peek(lex, 1) == '\n') {
            lex->pos += 2;
            lex->line++;
            lex->line_start = lex->pos;
        } else {
            return;
        }
    }
}

// At the start of a line outside brackets: reads the indentation of the
// next non-blank line and returns true with an INDENT/DEDENT token when it
// changes.
static bool read_indentation(lexer_t *lex) {
    for (;;) {
        size_t col = 0;
        while (peek(lex, 0) == ' ' || peek(lex, 0) == '\t' || peek(lex, 0) == '\f') {
            col = peek(lex, 0) == '\t' ? (col + 8) & ~(size_t)7 : col + 1;
            lex->pos++;
        }
        int c = peek(lex, 0);
        if (c == '#') {
            while (peek(lex, 0) >= 0 && peek(lex, 0) != '\n') {
                lex->pos++;
            }
            c = peek(lex, 0);
        }
        if (c == '\n') {
            // A blank line: no effect on indentation.
            lex->pos++;
            lex->line++;
            lex->line_start = lex->pos;
            continue;
        }
        if (c == '\\' && peek(lex, 1) == '\n') {
            // A continuation line right at the start counts as its
            // indentation; the logical line it starts ends with a NEWLINE,
            // even if nothing follows.
            lex->at_line_start = false;
            lex->emitted_newline = false;
            return false;
        }
        lex->at_line_start = false;
        if (c < 0) {
            return false; // end of input: handled by the caller
        }
        size_t top = lex->indents[lex->n_indents - 1];
        lex->tok.line = lex->line;
        lex->tok.col = lex->pos - lex->line_start + 1;
        if (col > top) {
            push_indent(lex, col);
            lex->tok.kind = T_INDENT;
            return true;
        }
        if (col < top) {
            size_t n = 0;
            while (lex->n_indents > 1 && lex->indents[lex->n_indents - 1] > col) {
                lex->n_indents--;
                n++;
            }
            if (lex->indents[lex->n_indents - 1] != col) {
                compile_error_at(&mp_type_IndentationError, MP_QSTRnull, lex->line,
                    "unindent doesn't match any outer indent level");
            }
            lex->pending_dedents = n - 1;
            lex->tok.kind = T_DEDENT;
            return true;
        }
        return false;
    }
}

void lexer_next(lexer_t *lex) {
    token_t *tok = &lex->tok;
    tok->text = NULL;
    tok->text_len = 0;
    tok->str = NULL;
    tok->str_len = 0;
    if (lex->pending_dedents > 0) {
        lex->pending_dedents--;
        tok->kind = T_DEDENT;
        return;
    }
    if (lex->at_line_start && lex->nesting == 0) {
        if (read_indentation(lex)) {
            lex->emitted_newline = false;
            return;
        }
    }
    for (;;) {
        skip_space(lex);
        int c = peek(lex, 0);
        tok->line = lex->line;
        tok->col = lex->pos - lex->line_start + 1;
        if (c == '\n') {
            lex->pos++;
            lex->line++;
            lex->line_start = lex->pos;
            if (lex->nesting > 0) {
                continue;
            }
            lex->at_line_start = true;
            if (lex->emitted_newline) {
                if (read_indentation(lex)) {
                    return;
                }
                continue;
            }
            tok->kind = T_NEWLINE;
            lex->emitted_newline = true;
            return;
        }
        if (c < 0) {
            if (!lex->emitted_newline) {
                tok->kind = T_NEWLINE;
                lex->emitted_newline = true;
                return;
            }
            if (lex->n_indents > 1) {
                lex->n_indents--;
                tok->kind = T_DEDENT;
                return;
            }
            tok->kind = T_EOF;
            return;
        }
        break;
    }
    lex->emitted_newline = false;
    int c = peek(lex, 0);

    // String prefixes: any of r, b, f, u (either case), then a quote.
    if (is_name_start(c)) {
        size_t n = 0;
        bool raw = false, bytes = false, fstr = false, ok = true;
        while (n < 3 && is_name_start(peek(lex, n)) && peek(lex, n) < 0x80) {
            int p = peek(lex, n) | 0x20;
            if (p == 'r' && !raw) {
                raw = true;
            } else if (p == 'b' && !bytes && !fstr) {
                bytes = true;
            } else if (p == 'f' && !fstr && !bytes) {
                fstr = true;
            } else if (p == 'u' && n == 0) {
            } else {
                ok = false;
                break;
            }
            n++;
        }
        if (ok && n > 0 && (peek(lex, n) == '\'' || peek(lex, n) == '"')) {
            lex->pos += n;
            read_string(lex, raw, bytes, fstr);
            return;
        }
        size_t start = lex->pos;
        while (is_name_char(peek(lex, 0))) {
            lex->pos++;
        }
        tok->text = lex->src + start;
        tok->text_len = lex->pos - start;
        tok->kind = T_NAME;
        for (size_t i = 0; i < MP_ARRAY_SIZE(keywords); i++) {
            if (strlen(keywords[i].text) == tok->text_len
                && memcmp(keywords[i].text, tok->text, tok->text_len) == 0) {
                tok->kind = keywords[i].kind;
                break;
            }
        }
        if (tok->text_len == 9 && memcmp(tok->text, "__debug__", 9) == 0) {
            // A constant, as in MicroPython (so x.__debug__ is a syntax error).
            tok->kind = compile_opt_level == 0 ? K_TRUE : K_FALSE;
        }
        return;
    }
    if (c == '\'' || c == '"') {
        read_string(lex, false, false, false);
        return;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(lex, 1)))) {
        size_t start = lex->pos;
        bool radix = c == '0' && ((peek(lex, 1) | 0x20) == 'x' || (peek(lex, 1) | 0x20) == 'o'
                                  || (peek(lex, 1) | 0x20) == 'b');
        for (;;) {
            int d = peek(lex, 0);
            if (is_name_char(d) || d == '.') {
                lex->pos++;
            } else if ((d == '+' || d == '-') && !radix && lex->pos > start
                       && (lex->src[lex->pos - 1] | 0x20) == 'e') {
                lex->pos++;
            } else {
                break;
            }
        }
        tok->text = lex->src + start;
        tok->text_len = lex->pos - start;
        tok->kind = T_NUMBER;
        return;
    }
    for (size_t i = 0; i < MP_ARRAY_SIZE(operators); i++) {
        size_t n = strlen(operators[i].text);
        if (lex->pos + n <= lex->len && memcmp(lex->src + lex->pos, operators[i].text, n) == 0) {
            lex->pos += n;
            tok->kind = operators[i].kind;
            if (tok->kind == P_LPAREN || tok->kind == P_LBRACKET || tok->kind == P_LBRACE) {
                lex->nesting++;
            } else if ((tok->kind == P_RPAREN || tok->kind == P_RBRACKET || tok->kind == P_RBRACE)
                       && lex->nesting > 0) {
                lex->nesting--;
            }
            return;
        }
    }
    lex_error(tok->line, "invalid syntax");
}
