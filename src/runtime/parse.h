// The parser of the host compiler: tokens to an abstract syntax tree of
// its own design (not MicroPython's parse tree). Every node is on the
// collected heap; the tree lives while the compiler holds its root.
//
// Constant literals are folded here into E_INT (a small int), E_OBJ (a big
// int, float or complex object), E_STR/E_BYTES (decoded bytes) and the
// keyword constants; adjacent string literals are joined; f-strings become
// calls of str.format; a unary minus/plus/invert of a small int is folded.
#ifndef RUNTIME_PARSE_H
#define RUNTIME_PARSE_H

#include "runtime/runtime.h"

typedef enum {
    // Expressions.
    E_NAME,     // name
    E_INT,      // ival
    E_OBJ,      // obj
    E_STR,      // str, len
    E_BYTES,    // str, len
    E_NONE, E_TRUE, E_FALSE, E_ELLIPSIS,
    E_TUPLE, E_LIST, E_SET, // list: items
    E_DICT,     // list: E_PAIR items
    E_PAIR,     // a: key, b: value (dict items, dict comprehension element)
    E_LISTCOMP, E_SETCOMP, E_DICTCOMP, E_GENEXP, // a: element, list: C_FOR / C_IF clauses
    C_FOR,      // a: target, b: iterable
    C_IF,       // a: condition
    E_ATTR,     // a: object, name
    E_SUBSCR,   // a: object, b: index
    E_SLICE,    // a, b, c: start, stop, step (each may be NULL)
    E_CALL,     // a: callee, list: args (expressions, E_STARRED, E_KEYWORD, E_DSTAR)
    E_STARRED,  // a
    E_KEYWORD,  // name = a
    E_DSTAR,    // **a
    E_BINOP,    // a op b (op: mp_binary_op_t)
    E_UNARY,    // op a (op: mp_unary_op_t, not NOT)
    E_NOT,      // not a
    E_AND, E_OR, // list: operands
    E_COMPARE,  // a, then list: operands with ops[] (mp_binary_op_t; IN/IS with negation flag bit 0x80)
    E_IFEXP,    // a if b else c
    E_NAMEDEXPR, // a := b (a: the target, a name unless in error)
    E_LAMBDA,   // params, a: body
    E_YIELD,    // yield a (a may be NULL)
    E_YIELD_FROM, // yield from a
    E_AWAIT,    // await a
    // Statements.
    S_EXPR,     // a
    S_ASSIGN,   // list: targets (left to right), a: value
    S_AUGASSIGN, // a: target, op (in-place mp_binary_op_t), b: value
    S_DEL,      // list: targets
    S_PASS, S_BREAK, S_CONTINUE,
    S_ANNOTATE, // a: target of an annotation without a value ("x: T")
    S_RETURN,   // a (may be NULL)
    S_RAISE,    // a: exception (may be NULL), b: cause (may be NULL)
    S_GLOBAL, S_NONLOCAL, // names, n_names
    S_ASSERT,   // a: test, b: message (may be NULL)
    S_IMPORT,   // list: E_ALIAS
    S_FROM,     // name: module ("" for none), ival: level, list: E_ALIAS (empty: import *)
    E_ALIAS,    // name (dotted), asname (MP_QSTRnull when none)
    S_IF,       // a: condition, list: body, list2: else
    S_WHILE,    // a: condition, list: body, list2: else
    S_FOR,      // a: target, b: iterable, list: body, list2: else (flag: async for)
    S_TRY,      // list: body, list2: S_HANDLER, list3: else, list4: finally (has_finally)
    S_HANDLER,  // a: type (may be NULL), name (MP_QSTRnull when none), list: body
    S_WITH,     // list: E_PAIR (a: context, b: target or NULL), list2: body (flag: async with)
    S_DEF,      // name, params, list: body, list2: decorators (flag: async def)
    S_CLASS,    // name, list: body, list2: decorators, list3: bases (call arguments)
} node_kind_t;

typedef struct _node_t node_t;

typedef struct {
    node_t **items;
    size_t n;
} node_list_t;

typedef enum {
    PARAM_POS,    // positional (maybe with default)
    PARAM_STAR,   // *name
    PARAM_KWONLY, // after * or *name (maybe with default)
    PARAM_DSTAR,  // **name
} param_kind_t;

typedef struct {
    qstr name;
    node_t *def; // default value, or NULL
    uint8_t kind; // param_kind_t
    size_t line, col;
} param_t;

struct _scope_t;

struct _node_t {
    uint8_t kind;   // node_kind_t
    uint8_t op;
    bool flag;      // S_TRY: has finally; E_TUPLE: written in parentheses;
                    // S_DEF, S_FOR, S_WITH: async
    size_t line, col;
    node_t *a, *b, *c;
    node_list_t list, list2, list3, list4;
    uint8_t *ops;   // E_COMPARE
    qstr name, asname;
    qstr *names;    // S_GLOBAL, S_NONLOCAL
    size_t n_names;
    param_t *params; // S_DEF, E_LAMBDA
    size_t n_params;
    mp_int_t ival;
    mp_obj_t obj;
    const char *str;
    size_t len;
    struct _scope_t *scope; // the scope a def, lambda or comprehension makes
};

// Bit of an E_COMPARE op: the negated form (not in, is not).
#define CMP_NEGATED 0x80

// Conditions MicroPython's compiler treats as constant (False or a zero
// small int; True or a non-zero small int): the branches they rule out
// are neither compiled nor seen when deciding which names are local.
static inline bool node_is_const_false(const node_t *n) {
    return n->kind == E_FALSE || (n->kind == E_INT && n->ival == 0);
}
static inline bool node_is_const_true(const node_t *n) {
    return n->kind == E_TRUE || (n->kind == E_INT && n->ival != 0);
}

// Parses source[0..len) into a list of statements (MP_PARSE_FILE_INPUT,
// MP_PARSE_SINGLE_INPUT) or one S_EXPR (MP_PARSE_EVAL_INPUT). Raises
// SyntaxError / IndentationError.
node_list_t parse_source(const char *source, size_t len, mp_parse_input_kind_t kind);

node_t *node_new(uint8_t kind, size_t line, size_t col);

#endif
