// Scopes of the host compiler: which names are locals, cells, free
// variables or globals in each function, numbered as MicroPython numbers
// them (free variables first, then parameters, then other locals, then
// cells that are not parameters; *args after the keyword-only parameters).
#ifndef RUNTIME_COMPILE_SCOPE_H
#define RUNTIME_COMPILE_SCOPE_H

#include "runtime/parse.h"

typedef enum {
    SCOPE_MODULE,
    SCOPE_CLASS,    // a class body: names stay in its locals dict (LOAD_NAME/STORE_NAME)
    SCOPE_FUNCTION,
    SCOPE_LAMBDA,
    SCOPE_LIST_COMP,
    SCOPE_DICT_COMP,
    SCOPE_SET_COMP,
    SCOPE_GEN_EXPR,
} scope_kind_t;

typedef enum {
    ID_UNDECIDED,
    ID_GLOBAL_IMPLICIT,          // loaded, never assigned here: LOAD_NAME / LOAD_GLOBAL
    ID_GLOBAL_IMPLICIT_ASSIGNED, // module level: assigned
    ID_GLOBAL_EXPLICIT,          // declared global (or implicit in a function)
    ID_LOCAL,
    ID_CELL,                     // local closed over by an inner scope
    ID_FREE,                     // a cell of an enclosing scope
} id_kind_t;

typedef struct {
    qstr name;
    uint8_t kind;   // id_kind_t
    bool is_param;
    bool is_star_param;
    bool is_dstar_param;
    bool nonlocal_decl;
    uint16_t local_num;
    size_t line, col; // first use, for errors
} scope_id_t;

typedef struct _scope_t {
    uint8_t kind; // scope_kind_t
    struct _scope_t *parent;
    struct _scope_t *next; // all scopes of the unit, in creation order
    node_t *node;          // S_DEF, S_CLASS, E_LAMBDA, comprehension, or NULL (module)
    qstr name;
    scope_id_t *ids;
    size_t n_ids, alloc_ids;
    size_t n_pos_args, n_kwonly_args, n_def_pos_args;
    uint8_t scope_flags;   // BC_SCOPE_xxx
    size_t num_locals;
    rt_raw_code_t *rc;
} scope_t;

#define SCOPE_IS_FUNC_LIKE(k) ((k) != SCOPE_MODULE && (k) != SCOPE_CLASS)
#define SCOPE_IS_COMP_LIKE(k) ((k) >= SCOPE_LIST_COMP)

scope_id_t *scope_find(scope_t *scope, qstr name);
scope_id_t *scope_find_or_add(scope_t *scope, qstr name, id_kind_t kind);

// Builds the scopes of a unit from its statements: the module scope first,
// then every def, lambda and comprehension (nodes get their ->scope). Names
// are resolved and numbered; errors raise SyntaxError.
scope_t *scope_build(node_list_t *body, bool is_eval);

#endif
