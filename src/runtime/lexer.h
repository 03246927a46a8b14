// The Python lexer of the host compiler: source text to tokens, with
// INDENT/DEDENT from the indentation and NEWLINE at the end of logical
// lines (none inside brackets). String literals come out decoded (escapes
// applied, adjacent literals still separate); numbers as their source text.
//
// Errors raise SyntaxError (IndentationError for indentation) through
// compile_syntax_error (compile_error.h) with the line and column.
#ifndef RUNTIME_LEXER_H
#define RUNTIME_LEXER_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    T_EOF,
    T_NEWLINE,
    T_INDENT,
    T_DEDENT,
    T_NAME,
    T_NUMBER,
    T_STRING,  // str literal, decoded
    T_BYTES,   // bytes literal, decoded
    T_FSTRING, // f-string: the raw text between the quotes (escapes applied, braces kept)
    // Keywords.
    K_FALSE, K_NONE, K_TRUE, K_AND, K_AS, K_ASSERT, K_ASYNC, K_AWAIT, K_BREAK, K_CLASS,
    K_CONTINUE, K_DEF, K_DEL, K_ELIF, K_ELSE, K_EXCEPT, K_FINALLY, K_FOR, K_FROM, K_GLOBAL,
    K_IF, K_IMPORT, K_IN, K_IS, K_LAMBDA, K_NONLOCAL, K_NOT, K_OR, K_PASS, K_RAISE,
    K_RETURN, K_TRY, K_WHILE, K_WITH, K_YIELD,
    // Delimiters.
    P_LPAREN, P_RPAREN, P_LBRACKET, P_RBRACKET, P_LBRACE, P_RBRACE,
    P_COMMA, P_COLON, P_SEMICOLON, P_DOT, P_ELLIPSIS, P_ARROW, P_ASSIGN, P_WALRUS,
    // Operators.
    O_PLUS, O_MINUS, O_STAR, O_SLASH, O_DSLASH, O_PERCENT, O_DSTAR, O_AT,
    O_LSHIFT, O_RSHIFT, O_AMP, O_PIPE, O_CARET, O_TILDE,
    O_LT, O_GT, O_LE, O_GE, O_EQ, O_NE,
    // Augmented assignment, in the order of MicroPython's in-place operators
    // (MP_BINARY_OP_INPLACE_OR + n).
    A_PIPE, A_CARET, A_AMP, A_LSHIFT, A_RSHIFT, A_PLUS, A_MINUS, A_STAR, A_AT,
    A_DSLASH, A_SLASH, A_PERCENT, A_DSTAR,
} tok_kind_t;

typedef struct {
    tok_kind_t kind;
    size_t line, col;  // 1-based
    const char *text;  // T_NAME, T_NUMBER: the source text
    size_t text_len;
    char *str;         // T_STRING, T_BYTES, T_FSTRING: the decoded value (heap)
    size_t str_len;
} token_t;

typedef struct {
    const char *src;
    size_t len;
    size_t pos;
    size_t line;
    size_t line_start;   // offset of the current line's first byte
    size_t nesting;      // open brackets
    size_t *indents;     // indentation stack (heap), indents[0] == 0
    size_t n_indents, alloc_indents;
    size_t pending_dedents;
    bool at_line_start;  // indentation of the next line still to be read
    bool emitted_newline; // the last token was a NEWLINE (or nothing yet)
    token_t tok;         // the current token
} lexer_t;

void lexer_init(lexer_t *lex, const char *src, size_t len);
// Reads the next token into lex->tok.
void lexer_next(lexer_t *lex);
// The keyword/operator spelling of a token kind, for messages.
const char *lexer_kind_name(tok_kind_t kind);

#endif
