// Scope analysis (see compile_scope.h), following MicroPython's rules:
// names are recorded in the order the code mentions them; a name assigned
// in a function is local to it; loads of names not local are looked up in
// the enclosing functions and become free variables (cells there).
#include <string.h>

#include "mpy/bc_prelude.h"
#include "runtime/compile.h"
#include "runtime/compile_error.h"
#include "runtime/compile_scope.h"

typedef struct {
    scope_t *head, *tail;
} scope_builder_t;

static NORETURN void scope_error(scope_t *scope, size_t line, const char *msg) {
    compile_error_at(&mp_type_SyntaxError, scope->name, line, msg);
}

scope_id_t *scope_find(scope_t *scope, qstr name) {
    for (size_t i = 0; i < scope->n_ids; i++) {
        if (scope->ids[i].name == name) {
            return &scope->ids[i];
        }
    }
    return NULL;
}

scope_id_t *scope_find_or_add(scope_t *scope, qstr name, id_kind_t kind) {
    scope_id_t *id = scope_find(scope, name);
    if (id != NULL) {
        return id;
    }
    if (scope->n_ids == scope->alloc_ids) {
        scope->alloc_ids = scope->alloc_ids ? scope->alloc_ids * 2 : 8;
        scope->ids = m_realloc(scope->ids, scope->alloc_ids * sizeof(scope_id_t));
    }
    id = &scope->ids[scope->n_ids++];
    memset(id, 0, sizeof(*id));
    id->name = name;
    id->kind = (uint8_t)kind;
    return id;
}

static scope_t *scope_new(scope_builder_t *b, uint8_t kind, scope_t *parent, node_t *node, qstr name) {
    scope_t *s = m_malloc0(sizeof(scope_t));
    s->kind = kind;
    s->parent = parent;
    s->node = node;
    s->name = name;
    s->rc = m_malloc0(sizeof(rt_raw_code_t));
    if (b->tail == NULL) {
        b->head = s;
    } else {
        b->tail->next = s;
    }
    b->tail = s;
    if (node != NULL) {
        node->scope = s;
    }
    return s;
}

static void note_load(scope_t *scope, qstr name) {
    scope_find_or_add(scope, name, ID_GLOBAL_IMPLICIT);
}

static scope_id_t *note_store(scope_t *scope, qstr name) {
    scope_id_t *id = scope_find_or_add(scope, name, ID_GLOBAL_IMPLICIT);
    if (id->kind == ID_GLOBAL_IMPLICIT) {
        id->kind = SCOPE_IS_FUNC_LIKE(scope->kind) ? ID_LOCAL : ID_GLOBAL_IMPLICIT_ASSIGNED;
    }
    return id;
}

// The target of "name := value". In a comprehension the name is bound in the
// enclosing scope, as MicroPython binds it: stored there (declarations
// there honoured), and in the comprehension a global when that scope is the
// module, otherwise a free variable (a SyntaxError if the comprehension
// binds the name itself, e.g. as its loop variable).
static void note_namedexpr_store(scope_t *scope, node_t *n) {
    if (n->a->kind != E_NAME) {
        scope_error(scope, n->line, "can't assign to expression");
    }
    qstr name = n->a->name;
    if (!SCOPE_IS_COMP_LIKE(scope->kind)) {
        note_store(scope, name);
        return;
    }
    scope_id_t *outer = note_store(scope->parent, name);
    if (outer->kind == ID_GLOBAL_EXPLICIT) {
        scope_find_or_add(scope, name, ID_GLOBAL_EXPLICIT);
        return;
    }
    scope_id_t *id = scope_find_or_add(scope, name, ID_UNDECIDED);
    if (scope->parent->kind == SCOPE_MODULE) {
        if (id->kind != ID_UNDECIDED && id->kind != ID_GLOBAL_EXPLICIT) {
            scope_error(scope, n->line, "identifier redefined as global");
        }
        id->kind = ID_GLOBAL_EXPLICIT;
        outer->kind = ID_GLOBAL_EXPLICIT;
        return;
    }
    if (id->kind == ID_UNDECIDED || id->kind == ID_GLOBAL_IMPLICIT) {
        // Resolved with the nonlocal declarations (resolve).
        id->kind = ID_FREE;
        id->nonlocal_decl = true;
        id->line = n->line;
        id->col = n->col;
    } else if (id->kind != ID_FREE) {
        scope_error(scope, n->line, "identifier redefined as nonlocal");
    }
}

/******************************************************************************/
// The walk

typedef struct {
    scope_builder_t *b;
} walk_t;

static void walk_expr(walk_t *w, scope_t *scope, node_t *n);
static void walk_stmts(walk_t *w, scope_t *scope, node_list_t *body);

static void walk_target(walk_t *w, scope_t *scope, node_t *t) {
    mp_stack_check(); // the walk follows the nesting of the source
    switch (t->kind) {
        case E_NAME:
            note_store(scope, t->name);
            break;
        case E_TUPLE:
        case E_LIST:
            for (size_t i = 0; i < t->list.n; i++) {
                walk_target(w, scope, t->list.items[i]);
            }
            break;
        case E_STARRED:
            walk_target(w, scope, t->a);
            break;
        default:
            // Attributes and subscripts: their parts are loads.
            walk_expr(w, scope, t);
            break;
    }
}

static void walk_list(walk_t *w, scope_t *scope, node_list_t *l) {
    for (size_t i = 0; i < l->n; i++) {
        walk_expr(w, scope, l->items[i]);
    }
}

// A function's parameters: ids first, in MicroPython's order.
static void add_params(scope_t *s, node_t *n) {
    for (size_t i = 0; i < n->n_params; i++) {
        param_t *p = &n->params[i];
        scope_id_t *id = scope_find_or_add(s, p->name, ID_LOCAL);
        id->kind = ID_LOCAL;
        id->is_param = true;
        switch (p->kind) {
            case PARAM_POS:
                s->n_pos_args++;
                break;
            case PARAM_KWONLY:
                s->n_kwonly_args++;
                break;
            case PARAM_STAR:
                s->scope_flags |= BC_SCOPE_VARARGS;
                id->is_star_param = true;
                break;
            case PARAM_DSTAR:
                s->scope_flags |= BC_SCOPE_VARKEYWORDS;
                id->is_dstar_param = true;
                break;
        }
    }
}

// Defaults are evaluated in the enclosing scope, the body in the new one.
static void walk_function(walk_t *w, scope_t *scope, node_t *n, bool is_lambda) {
    for (size_t i = 0; i < n->n_params; i++) {
        if (n->params[i].def != NULL) {
            walk_expr(w, scope, n->params[i].def);
        }
    }
    scope_t *s = scope_new(w->b, is_lambda ? SCOPE_LAMBDA : SCOPE_FUNCTION, scope, n,
        is_lambda ? MP_QSTR__lt_lambda_gt_ : n->name);
    add_params(s, n);
    (void)s;
}

static void walk_comprehension(walk_t *w, scope_t *scope, node_t *n) {
    // The first iterable is evaluated in the enclosing scope.
    walk_expr(w, scope, n->list.items[0]->b);
    uint8_t kind;
    qstr name;
    if (n->kind == E_LISTCOMP) {
        kind = SCOPE_LIST_COMP;
        name = MP_QSTR__lt_listcomp_gt_;
    } else if (n->kind == E_DICTCOMP) {
        kind = SCOPE_DICT_COMP;
        name = MP_QSTR__lt_dictcomp_gt_;
    } else if (n->kind == E_GENEXP) {
        kind = SCOPE_GEN_EXPR;
        name = MP_QSTR__lt_genexpr_gt_;
    } else {
        kind = SCOPE_SET_COMP;
        name = MP_QSTR__lt_setcomp_gt_;
    }
    scope_t *s = scope_new(w->b, kind, scope, n, name);
    if (kind == SCOPE_GEN_EXPR) {
        s->scope_flags |= BC_SCOPE_GENERATOR;
    }
    // Its one argument, the iterator, under the empty name.
    scope_find_or_add(s, MP_QSTR_, ID_LOCAL);
    s->n_pos_args = 1;
}

static void walk_expr(walk_t *w, scope_t *scope, node_t *n) {
    mp_stack_check(); // the walk follows the nesting of the source
    if (n == NULL) {
        return;
    }
    switch (n->kind) {
        case E_NAME:
            note_load(scope, n->name);
            break;
        case E_INT: case E_OBJ: case E_STR: case E_BYTES: case E_NONE: case E_TRUE:
        case E_FALSE: case E_ELLIPSIS:
            break;
        case E_TUPLE: case E_LIST: case E_SET: case E_DICT: case E_AND: case E_OR:
            walk_list(w, scope, &n->list);
            break;
        case E_LISTCOMP: case E_SETCOMP: case E_DICTCOMP: case E_GENEXP:
            walk_comprehension(w, scope, n);
            break;
        case E_YIELD:
        case E_YIELD_FROM:
            // A yield anywhere in a function's body makes it a generator.
            if (scope->kind != SCOPE_FUNCTION && scope->kind != SCOPE_LAMBDA) {
                scope_error(scope, n->line, "'yield' outside function");
            }
            scope->scope_flags |= BC_SCOPE_GENERATOR;
            walk_expr(w, scope, n->a);
            break;
        case E_AWAIT:
            // Compiled as a yield from: the function becomes a generator.
            if (scope->kind != SCOPE_FUNCTION && scope->kind != SCOPE_LAMBDA) {
                scope_error(scope, n->line, "'await' outside function");
            }
            walk_expr(w, scope, n->a);
            scope->scope_flags |= BC_SCOPE_GENERATOR;
            break;
        case E_CALL: case E_COMPARE:
            walk_expr(w, scope, n->a);
            if (n->kind == E_CALL && scope->kind == SCOPE_FUNCTION && n->a->kind == E_NAME
                && n->a->name == MP_QSTR_super && n->list.n == 0) {
                // super() in a method is super(__class__, first argument).
                note_load(scope, MP_QSTR___class__);
            }
            walk_list(w, scope, &n->list);
            break;
        case E_LAMBDA:
            walk_function(w, scope, n, true);
            break;
        case E_NAMEDEXPR:
            walk_expr(w, scope, n->b);
            note_namedexpr_store(scope, n);
            break;
        default:
            walk_expr(w, scope, n->a);
            walk_expr(w, scope, n->b);
            walk_expr(w, scope, n->c);
            break;
    }
}

// async for/with: only where an await already made the scope a generator
// (an async def is one from the start), as MicroPython checks.
static void check_async_stmt(scope_t *scope, node_t *n) {
    if (n->flag && !(scope->scope_flags & BC_SCOPE_GENERATOR)) {
        scope_error(scope, n->line, "async for/with outside async function");
    }
}

static void walk_stmt(walk_t *w, scope_t *scope, node_t *n) {
    mp_stack_check(); // the walk follows the nesting of the source
    switch (n->kind) {
        case S_EXPR:
        case S_RETURN:
            walk_expr(w, scope, n->a);
            break;
        case S_ASSIGN:
            walk_expr(w, scope, n->a);
            for (size_t i = 0; i < n->list.n; i++) {
                walk_target(w, scope, n->list.items[i]);
            }
            break;
        case S_AUGASSIGN:
            if (n->a->kind == E_NAME) {
                note_load(scope, n->a->name);
            }
            walk_expr(w, scope, n->b);
            walk_target(w, scope, n->a);
            break;
        case S_DEL:
            for (size_t i = 0; i < n->list.n; i++) {
                walk_target(w, scope, n->list.items[i]);
            }
            break;
        case S_ASSERT:
            if (compile_opt_level != 0) {
                break; // not compiled
            }
            MP_FALLTHROUGH
        case S_RAISE:
            walk_expr(w, scope, n->a);
            walk_expr(w, scope, n->b);
            break;
        case S_GLOBAL:
            for (size_t i = 0; i < n->n_names; i++) {
                scope_id_t *id = scope_find_or_add(scope, n->names[i], ID_GLOBAL_EXPLICIT);
                if (id->kind != ID_GLOBAL_EXPLICIT && id->kind != ID_GLOBAL_IMPLICIT
                    && id->kind != ID_GLOBAL_IMPLICIT_ASSIGNED) {
                    scope_error(scope, n->line, "identifier redefined as global");
                }
                id->kind = ID_GLOBAL_EXPLICIT;
            }
            break;
        case S_NONLOCAL:
            if (scope->kind == SCOPE_MODULE) {
                scope_error(scope, n->line, "can't declare nonlocal in outer code");
            }
            for (size_t i = 0; i < n->n_names; i++) {
                scope_id_t *id = scope_find_or_add(scope, n->names[i], ID_FREE);
                if (id->kind == ID_LOCAL && !id->nonlocal_decl) {
                    scope_error(scope, n->line, "identifier redefined as nonlocal");
                }
                id->kind = ID_FREE;
                id->nonlocal_decl = true;
                id->line = n->line;
                id->col = n->col;
            }
            break;
        case S_ANNOTATE:
            // "x: T" alone makes x local to a function (and evaluates nothing).
            if (scope->kind == SCOPE_FUNCTION && n->a->kind == E_NAME) {
                scope_find_or_add(scope, n->a->name, ID_LOCAL);
            }
            break;
        case S_IMPORT:
            for (size_t i = 0; i < n->list.n; i++) {
                node_t *a = n->list.items[i];
                qstr q = a->asname;
                if (q == MP_QSTRnull) {
                    // "import a.b" binds a.
                    size_t len;
                    const byte *s = qstr_data(a->name, &len);
                    size_t k = 0;
                    while (k < len && s[k] != '.') {
                        k++;
                    }
                    q = qstr_from_strn((const char *)s, k);
                }
                note_store(scope, q);
            }
            break;
        case S_FROM:
            if (n->list.n == 0 && scope->kind != SCOPE_MODULE) {
                scope_error(scope, n->line, "import * not at module level");
            }
            for (size_t i = 0; i < n->list.n; i++) {
                node_t *a = n->list.items[i];
                note_store(scope, a->asname != MP_QSTRnull ? a->asname : a->name);
            }
            break;
        case S_IF:
            walk_expr(w, scope, n->a);
            if (!node_is_const_false(n->a)) {
                walk_stmts(w, scope, &n->list);
            }
            if (!node_is_const_true(n->a)) {
                walk_stmts(w, scope, &n->list2);
            }
            break;
        case S_WHILE:
            walk_expr(w, scope, n->a);
            if (!node_is_const_false(n->a)) {
                walk_stmts(w, scope, &n->list);
            }
            walk_stmts(w, scope, &n->list2);
            break;
        case S_FOR:
            check_async_stmt(scope, n);
            walk_expr(w, scope, n->b);
            walk_target(w, scope, n->a);
            walk_stmts(w, scope, &n->list);
            walk_stmts(w, scope, &n->list2);
            break;
        case S_TRY:
            walk_stmts(w, scope, &n->list);
            for (size_t i = 0; i < n->list2.n; i++) {
                node_t *h = n->list2.items[i];
                walk_expr(w, scope, h->a);
                if (h->name != MP_QSTRnull) {
                    note_store(scope, h->name);
                }
                walk_stmts(w, scope, &h->list);
            }
            walk_stmts(w, scope, &n->list3);
            walk_stmts(w, scope, &n->list4);
            break;
        case S_WITH:
            check_async_stmt(scope, n);
            for (size_t i = 0; i < n->list.n; i++) {
                walk_expr(w, scope, n->list.items[i]->a);
                if (n->list.items[i]->b != NULL) {
                    walk_target(w, scope, n->list.items[i]->b);
                }
            }
            walk_stmts(w, scope, &n->list2);
            break;
        case S_DEF:
            walk_list(w, scope, &n->list2); // decorators
            walk_function(w, scope, n, false);
            if (n->flag) {
                // async def: a coroutine, which in MicroPython is a generator.
                n->scope->scope_flags |= BC_SCOPE_GENERATOR;
            }
            note_store(scope, n->name);
            break;
        case S_CLASS: {
            walk_list(w, scope, &n->list2); // decorators
            scope_t *s = scope_new(w->b, SCOPE_CLASS, scope, n, n->name);
            // The class's own cell, first: a cell when a method uses
            // __class__ (or super()), otherwise never numbered.
            scope_find_or_add(s, MP_QSTR___class__, ID_LOCAL);
            walk_list(w, scope, &n->list3); // bases
            note_store(scope, n->name);
            break;
        }
        default:
            break;
    }
}

static void walk_stmts(walk_t *w, scope_t *scope, node_list_t *body) {
    for (size_t i = 0; i < body->n; i++) {
        walk_stmt(w, scope, body->items[i]);
    }
}

// The body of a scope made by walk_function / walk_comprehension.
static void walk_scope_body(walk_t *w, scope_t *s) {
    node_t *n = s->node;
    if (s->kind == SCOPE_FUNCTION || s->kind == SCOPE_CLASS) {
        walk_stmts(w, s, &n->list);
    } else if (s->kind == SCOPE_LAMBDA) {
        walk_expr(w, s, n->a);
    } else {
        // Comprehension: targets, later iterables and conditions, element.
        for (size_t i = 0; i < n->list.n; i++) {
            node_t *c = n->list.items[i];
            if (c->kind == C_FOR) {
                if (i > 0) {
                    walk_expr(w, s, c->b);
                }
                walk_target(w, s, c->a);
            } else {
                walk_expr(w, s, c->a);
            }
        }
        if (n->a->kind == E_PAIR) {
            // Value before key, as MicroPython evaluates them.
            walk_expr(w, s, n->a->b);
            walk_expr(w, s, n->a->a);
        } else {
            walk_expr(w, s, n->a);
        }
    }
}

/******************************************************************************/
// Resolution and numbering

static void close_over_in_parents(scope_t *scope, qstr name) {
    for (scope_t *s = scope->parent; s != NULL && s->kind != SCOPE_MODULE; s = s->parent) {
        scope_id_t *id = scope_find_or_add(s, name, ID_UNDECIDED);
        if (id->kind == ID_UNDECIDED) {
            id->kind = ID_FREE;
        } else {
            if (id->kind == ID_LOCAL) {
                id->kind = ID_CELL;
            }
            return;
        }
    }
}

// Does an enclosing function define name?
static bool defined_in_parents(scope_t *scope, qstr name) {
    for (scope_t *s = scope->parent; s != NULL && s->kind != SCOPE_MODULE; s = s->parent) {
        scope_id_t *id = scope_find(s, name);
        if (id != NULL) {
            return id->kind == ID_LOCAL || id->kind == ID_CELL || id->kind == ID_FREE;
        }
    }
    return false;
}

static void resolve(scope_t *s) {
    for (size_t i = 0; i < s->n_ids; i++) {
        scope_id_t *id = &s->ids[i];
        if (id->nonlocal_decl && id->kind == ID_FREE) {
            if (!defined_in_parents(s, id->name)) {
                scope_error(s, id->line, "no binding for nonlocal found");
            }
            close_over_in_parents(s, id->name);
        } else if (id->kind == ID_GLOBAL_IMPLICIT && s->parent != NULL && defined_in_parents(s, id->name)) {
            id->kind = ID_FREE;
            close_over_in_parents(s, id->name);
        }
    }
}

static void compute_locals(scope_t *s) {
    // *args goes after every other parameter except **kwargs.
    if (s->scope_flags & BC_SCOPE_VARARGS) {
        scope_id_t *last_param = NULL;
        for (size_t i = s->n_ids; i-- > 0;) {
            scope_id_t *id = &s->ids[i];
            if (id->is_star_param) {
                if (last_param != NULL) {
                    scope_id_t tmp = *last_param;
                    *last_param = *id;
                    *id = tmp;
                }
                break;
            } else if (last_param == NULL && id->is_param && !id->is_dstar_param) {
                last_param = id;
            }
        }
    }
    s->num_locals = 0;
    for (size_t i = 0; i < s->n_ids; i++) {
        scope_id_t *id = &s->ids[i];
        if (s->kind == SCOPE_CLASS && id->name == MP_QSTR___class__) {
            continue; // not a local; numbered below if it became a cell
        }
        if (SCOPE_IS_FUNC_LIKE(s->kind) && id->kind == ID_GLOBAL_IMPLICIT) {
            id->kind = ID_GLOBAL_EXPLICIT;
        }
        if (id->kind == ID_LOCAL || id->is_param) {
            id->local_num = (uint16_t)s->num_locals++;
        }
    }
    for (size_t i = 0; i < s->n_ids; i++) {
        scope_id_t *id = &s->ids[i];
        if (id->kind == ID_CELL && !id->is_param) {
            id->local_num = (uint16_t)s->num_locals++;
        }
    }
    if (s->parent != NULL) {
        size_t num_free = 0;
        for (size_t i = 0; i < s->parent->n_ids; i++) {
            scope_id_t *pid = &s->parent->ids[i];
            if (pid->kind == ID_CELL || pid->kind == ID_FREE) {
                for (size_t j = 0; j < s->n_ids; j++) {
                    scope_id_t *id = &s->ids[j];
                    if (id->kind == ID_FREE && id->name == pid->name) {
                        id->local_num = (uint16_t)num_free++;
                    }
                }
            }
        }
        if (num_free > 0) {
            for (size_t i = 0; i < s->n_ids; i++) {
                scope_id_t *id = &s->ids[i];
                if (id->kind != ID_FREE || id->is_param) {
                    id->local_num = (uint16_t)(id->local_num + num_free);
                }
            }
            s->n_pos_args += num_free;
            s->num_locals += num_free;
        }
    }
}

scope_t *scope_build(node_list_t *body, bool is_eval) {
    (void)is_eval;
    scope_builder_t b = {0};
    walk_t w = {&b};
    scope_t *module = scope_new(&b, SCOPE_MODULE, NULL, NULL, MP_QSTR__lt_module_gt_);
    walk_stmts(&w, module, body);
    // Children are appended while walking, so this visits every scope.
    for (scope_t *s = module->next; s != NULL; s = s->next) {
        walk_scope_body(&w, s);
    }
    for (scope_t *s = module; s != NULL; s = s->next) {
        resolve(s);
    }
    for (scope_t *s = module; s != NULL; s = s->next) {
        compute_locals(s);
    }
    return module;
}
