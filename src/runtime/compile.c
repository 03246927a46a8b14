// The code generator: the syntax tree of each scope to MicroPython v6
// bytecode, instruction for instruction as MicroPython's compiler emits it
// (compile.c/emitbc.c of v1.21) where the semantics depend on it: the
// exception-handler layout, loops and their unwinding, calls, closures and
// comprehensions. mp_compile ties parsing, scopes and code together.
#include <string.h>

#include "mpy/bc_opcodes.h"
#include "mpy/bc_prelude.h"
#include "runtime/compile.h"
#include "runtime/compile_error.h"
#include "runtime/compile_scope.h"
#include "runtime/emitbc.h"
#include "runtime/parse.h"

#define ITER_SLOTS 4 // stack slots of a for loop's iterator (MP_OBJ_ITER_BUF_NSLOTS)
#define BREAK_FROM_FOR ((size_t)1 << (sizeof(size_t) * 8 - 1))

typedef struct {
    scope_t *scope;
    emit_t *e;
    bool is_repl;
    size_t break_label;     // with BREAK_FROM_FOR when breaking a for loop; SIZE_MAX: none
    size_t continue_label;
    size_t except_level;    // open exception handlers
    size_t break_continue_except_level;
    size_t max_except_level;
    scope_t **children;     // children in the order MAKE_FUNCTION names them
    size_t n_children, alloc_children;
} comp_t;

#define NO_LABEL ((size_t)-1)

mp_uint_t compile_opt_level;

static void compile_expr(comp_t *c, node_t *n);
static void compile_stmts(comp_t *c, node_list_t *body);

static NORETURN void comp_error(comp_t *c, node_t *n, const char *msg) {
    compile_error_at(&mp_type_SyntaxError, c->scope->name, n->line, msg);
}

static void set_line(comp_t *c, node_t *n) {
    c->e->line = n->line;
}

/******************************************************************************/
// Names

static void compile_load_id(comp_t *c, qstr name) {
    scope_id_t *id = scope_find(c->scope, name);
    emit_t *e = c->e;
    if (id == NULL || id->kind == ID_GLOBAL_IMPLICIT || id->kind == ID_GLOBAL_IMPLICIT_ASSIGNED) {
        emit_op_qstr(e, SCOPE_IS_FUNC_LIKE(c->scope->kind) ? BC_LOAD_GLOBAL : BC_LOAD_NAME, name, 1);
    } else if (id->kind == ID_GLOBAL_EXPLICIT) {
        emit_op_qstr(e, BC_LOAD_GLOBAL, name, 1);
    } else if (id->kind == ID_LOCAL) {
        emit_load_fast(e, id->local_num);
    } else {
        emit_op_uint(e, BC_LOAD_DEREF, id->local_num, 1);
    }
}

static void compile_store_id(comp_t *c, qstr name) {
    scope_id_t *id = scope_find(c->scope, name);
    emit_t *e = c->e;
    if (id == NULL || id->kind == ID_GLOBAL_IMPLICIT || id->kind == ID_GLOBAL_IMPLICIT_ASSIGNED) {
        emit_op_qstr(e, SCOPE_IS_FUNC_LIKE(c->scope->kind) ? BC_STORE_GLOBAL : BC_STORE_NAME, name, -1);
    } else if (id->kind == ID_GLOBAL_EXPLICIT) {
        emit_op_qstr(e, BC_STORE_GLOBAL, name, -1);
    } else if (id->kind == ID_LOCAL) {
        emit_store_fast(e, id->local_num);
    } else {
        emit_op_uint(e, BC_STORE_DEREF, id->local_num, -1);
    }
}

static void compile_delete_id(comp_t *c, qstr name) {
    scope_id_t *id = scope_find(c->scope, name);
    emit_t *e = c->e;
    if (id == NULL || id->kind == ID_GLOBAL_IMPLICIT || id->kind == ID_GLOBAL_IMPLICIT_ASSIGNED) {
        emit_op_qstr(e, SCOPE_IS_FUNC_LIKE(c->scope->kind) ? BC_DELETE_GLOBAL : BC_DELETE_NAME, name, 0);
    } else if (id->kind == ID_GLOBAL_EXPLICIT) {
        emit_op_qstr(e, BC_DELETE_GLOBAL, name, 0);
    } else if (id->kind == ID_LOCAL) {
        emit_op_uint(e, BC_DELETE_FAST, id->local_num, 0);
    } else {
        emit_op_uint(e, BC_DELETE_DEREF, id->local_num, 0);
    }
}

/******************************************************************************/
// Constants

static bool is_constant(node_t *n) {
    switch (n->kind) {
        case E_INT: case E_OBJ: case E_STR: case E_BYTES: case E_NONE: case E_TRUE: case E_FALSE:
        case E_ELLIPSIS:
            return true;
        default:
            return false;
    }
}

static void compile_str(comp_t *c, const char *s, size_t len) {
    // Short strings are interned, as MicroPython's parser does; longer ones
    // only when the name already exists.
    qstr q = len <= 10 ? qstr_from_strn(s, len) : qstr_find_strn(s, len);
    if (q != MP_QSTRnull) {
        emit_op_qstr(c->e, BC_LOAD_CONST_STRING, q, 1);
    } else {
        emit_op_obj(c->e, BC_LOAD_CONST_OBJ, mp_obj_new_str(s, len), 1);
    }
}

/******************************************************************************/
// Functions and closures

static void add_child(comp_t *c, scope_t *s) {
    if (c->n_children == c->alloc_children) {
        c->alloc_children = c->alloc_children ? c->alloc_children * 2 : 4;
        c->children = m_realloc(c->children, c->alloc_children * sizeof(scope_t *));
    }
    c->children[c->n_children++] = s;
}

// Loads the cells the new function closes over and makes it (MAKE_FUNCTION
// or MAKE_CLOSURE, with defaults when n_pos_defaults or n_kw_defaults).
static void close_over_and_make(comp_t *c, scope_t *child, size_t n_pos_defaults, size_t n_kw_defaults) {
    if (n_kw_defaults > 0) {
        child->scope_flags |= BC_SCOPE_DEFKWARGS;
    }
    child->n_def_pos_args = n_pos_defaults;
    size_t nfree = 0;
    if (c->scope->kind != SCOPE_MODULE) {
        for (size_t i = 0; i < c->scope->n_ids; i++) {
            scope_id_t *id = &c->scope->ids[i];
            if (id->kind == ID_CELL || id->kind == ID_FREE) {
                for (size_t j = 0; j < child->n_ids; j++) {
                    scope_id_t *id2 = &child->ids[j];
                    if (id2->kind == ID_FREE && id2->name == id->name) {
                        emit_load_fast(c->e, id->local_num);
                        nfree++;
                    }
                }
            }
        }
    }
    add_child(c, child);
    bool defaults = n_pos_defaults > 0 || n_kw_defaults > 0;
    if (nfree == 0) {
        emit_op_child(c->e, defaults ? BC_MAKE_FUNCTION_DEFARGS : BC_MAKE_FUNCTION, defaults ? -1 : 1, false, 0);
    } else {
        if (nfree > 255) {
            compile_error_at(&mp_type_SyntaxError, c->scope->name, c->e->line, "too many closed-over variables");
        }
        int delta = defaults ? -2 - (int)nfree + 1 : 1 - (int)nfree;
        emit_op_child(c->e, defaults ? BC_MAKE_CLOSURE_DEFARGS : BC_MAKE_CLOSURE, delta, true, (uint8_t)nfree);
    }
}

// Defaults of a def or lambda, then the function object.
static void compile_function(comp_t *c, node_t *n) {
    size_t n_pos_defaults = 0, n_kw_defaults = 0;
    bool have_star = false;
    for (size_t i = 0; i < n->n_params; i++) {
        param_t *p = &n->params[i];
        if (p->kind == PARAM_STAR) {
            have_star = true;
            continue;
        }
        if (p->kind == PARAM_DSTAR) {
            continue;
        }
        if (p->kind == PARAM_KWONLY) {
            have_star = true;
        }
        if (p->def == NULL) {
            if (!have_star && n_pos_defaults != 0) {
                compile_error_at(&mp_type_SyntaxError, c->scope->name, p->line,
                    "non-default argument follows default argument");
            }
            continue;
        }
        if (have_star) {
            n_kw_defaults++;
            if (n_kw_defaults == 1) {
                if (n_pos_defaults > 0) {
                    emit_op_uint(c->e, BC_BUILD_TUPLE, n_pos_defaults, 1 - (int)n_pos_defaults);
                } else {
                    emit_op(c->e, BC_LOAD_NULL, 1);
                }
                emit_op_uint(c->e, BC_BUILD_MAP, 0, 1);
            }
            compile_expr(c, p->def);
            emit_op_qstr(c->e, BC_LOAD_CONST_STRING, p->name, 1);
            emit_op(c->e, BC_STORE_MAP, -2);
        } else {
            n_pos_defaults++;
            compile_expr(c, p->def);
        }
    }
    if (n_pos_defaults > 0 && n_kw_defaults == 0) {
        emit_op_uint(c->e, BC_BUILD_TUPLE, n_pos_defaults, 1 - (int)n_pos_defaults);
        emit_op(c->e, BC_LOAD_NULL, 1);
    }
    close_over_and_make(c, n->scope, n_pos_defaults, n_kw_defaults);
}

/******************************************************************************/
// Expressions

// Jumps to label when n is true (jump_if) or false, as MicroPython's
// c_if_cond: and/or/not become jumps.
static void compile_if_cond(comp_t *c, node_t *n, bool jump_if, size_t label) {
    mp_stack_check(); // the compiler follows the nesting of the source
    if (n->kind == E_NOT) {
        compile_if_cond(c, n->a, !jump_if, label);
        return;
    }
    if (n->kind == E_OR || n->kind == E_AND) {
        bool is_or = n->kind == E_OR;
        if (jump_if == is_or) {
            for (size_t i = 0; i < n->list.n; i++) {
                compile_if_cond(c, n->list.items[i], jump_if, label);
            }
        } else {
            size_t l2 = emit_new_label(c->e);
            for (size_t i = 0; i + 1 < n->list.n; i++) {
                compile_if_cond(c, n->list.items[i], !jump_if, l2);
            }
            compile_if_cond(c, n->list.items[n->list.n - 1], jump_if, label);
            emit_label(c->e, l2);
        }
        return;
    }
    if (node_is_const_true(n) || node_is_const_false(n)) {
        if (node_is_const_true(n) == jump_if) {
            emit_jump(c->e, BC_JUMP, label, 0);
        }
        return;
    }
    compile_expr(c, n);
    emit_jump(c->e, jump_if ? BC_POP_JUMP_IF_TRUE : BC_POP_JUMP_IF_FALSE, label, -1);
}

static void compile_slice_or_expr(comp_t *c, node_t *n) {
    if (n->kind != E_SLICE) {
        compile_expr(c, n);
        return;
    }
    node_t *parts[3] = {n->a, n->b, n->c};
    size_t count = n->c != NULL ? 3 : 2;
    for (size_t i = 0; i < count; i++) {
        if (parts[i] == NULL) {
            emit_op(c->e, BC_LOAD_CONST_NONE, 1);
        } else {
            compile_expr(c, parts[i]);
        }
    }
    emit_op_uint(c->e, BC_BUILD_SLICE, count, 1 - (int)count);
}

static void compile_index(comp_t *c, node_t *idx) {
    if (idx->kind == E_TUPLE && !idx->flag) {
        // a[1:2, 3]: a tuple whose items may be slices.
        for (size_t i = 0; i < idx->list.n; i++) {
            compile_slice_or_expr(c, idx->list.items[i]);
        }
        emit_op_uint(c->e, BC_BUILD_TUPLE, idx->list.n, 1 - (int)idx->list.n);
    } else {
        compile_slice_or_expr(c, idx);
    }
}

// The arguments of a call and the call itself; n_extra positional
// arguments are already on the stack (a class's body function and name).
static void compile_call_args(comp_t *c, node_list_t *args, bool is_method, size_t n_extra) {
    size_t n_pos = n_extra, n_kw = 0;
    bool star = false, dstar = false;
    mp_uint_t star_args = 0;
    for (size_t i = 0; i < args->n; i++) {
        node_t *arg = args->items[i];
        switch (arg->kind) {
            case E_STARRED:
                if (dstar) {
                    comp_error(c, arg, "* arg after **");
                }
                if (n_kw > 0) {
                    comp_error(c, arg, "* arg after keyword arg is not supported by mpy-host");
                }
                if (i >= 30) {
                    comp_error(c, arg, "too many args");
                }
                star = true;
                star_args |= (mp_uint_t)1 << i;
                compile_expr(c, arg->a);
                n_pos++;
                break;
            case E_DSTAR:
                dstar = true;
                emit_op(c->e, BC_LOAD_NULL, 1);
                compile_expr(c, arg->a);
                n_kw++;
                break;
            case E_KEYWORD:
                emit_op_qstr(c->e, BC_LOAD_CONST_STRING, arg->name, 1);
                compile_expr(c, arg->a);
                n_kw++;
                break;
            default:
                if (dstar) {
                    comp_error(c, arg, "positional arg after **");
                }
                if (n_kw > 0) {
                    comp_error(c, arg, "positional arg after keyword arg");
                }
                compile_expr(c, arg);
                n_pos++;
                break;
        }
    }
    bool var = star || dstar;
    if (var) {
        emit_load_small_int(c->e, (mp_int_t)star_args);
    }
    mp_uint_t packed = (mp_uint_t)(n_kw << 8 | n_pos);
    int delta = -(int)n_pos - 2 * (int)n_kw - (var ? 1 : 0) - (is_method ? 1 : 0);
    uint8_t op = is_method ? (var ? BC_CALL_METHOD_VAR_KW : BC_CALL_METHOD)
                           : (var ? BC_CALL_FUNCTION_VAR_KW : BC_CALL_FUNCTION);
    emit_op_uint(c->e, op, packed, delta);
}

// super() with no arguments in a function: MicroPython's compiler makes it
// super(__class__, <first parameter>).
static bool is_bare_super(comp_t *c, node_t *n) {
    return n->kind == E_CALL && c->scope->kind == SCOPE_FUNCTION && n->a->kind == E_NAME
           && n->a->name == MP_QSTR_super && n->list.n == 0;
}

// Loads super, __class__ and the first parameter.
static void compile_super_args(comp_t *c, node_t *n) {
    compile_expr(c, n->a);
    compile_load_id(c, MP_QSTR___class__);
    for (size_t i = 0; i < c->scope->n_ids; i++) {
        if (c->scope->ids[i].is_param) {
            compile_load_id(c, c->scope->ids[i].name);
            return;
        }
    }
    comp_error(c, n, "super() can't find self");
}

static void compile_call(comp_t *c, node_t *n) {
    if (n->a->kind == E_ATTR && is_bare_super(c, n->a->a)) {
        // super().f(...): the method straight from the class hierarchy.
        compile_super_args(c, n->a->a);
        emit_op_qstr(c->e, BC_LOAD_SUPER_METHOD, n->a->name, -1);
        compile_call_args(c, &n->list, true, 0);
    } else if (is_bare_super(c, n)) {
        compile_super_args(c, n);
        emit_op_uint(c->e, BC_CALL_FUNCTION, 2, -2);
    } else if (n->a->kind == E_ATTR) {
        compile_expr(c, n->a->a);
        set_line(c, n);
        emit_op_qstr(c->e, BC_LOAD_METHOD, n->a->name, 1);
        compile_call_args(c, &n->list, true, 0);
    } else {
        compile_expr(c, n->a);
        compile_call_args(c, &n->list, false, 0);
    }
}

static void compile_compare(comp_t *c, node_t *n) {
    compile_expr(c, n->a);
    size_t count = n->list.n;
    size_t l_fail = count > 1 ? emit_new_label(c->e) : NO_LABEL;
    for (size_t i = 0; i < count; i++) {
        compile_expr(c, n->list.items[i]);
        int op = n->ops[i];
        int bop = op & CMP_NEGATED ? ((op & ~CMP_NEGATED) == MP_BINARY_OP_IN ? MP_BINARY_OP_NOT_IN_BC
                                                                          : MP_BINARY_OP_IS_NOT_BC)
                                   : op;
        if (i + 1 < count) {
            emit_op(c->e, BC_DUP_TOP, 1);
            emit_op(c->e, BC_ROT_THREE, 0);
            emit_binary_op(c->e, bop);
            emit_jump(c->e, BC_JUMP_IF_FALSE_OR_POP, l_fail, -1);
        } else {
            emit_binary_op(c->e, bop);
        }
    }
    if (count > 1) {
        size_t l_end = emit_new_label(c->e);
        emit_jump(c->e, BC_JUMP, l_end, 0);
        emit_label(c->e, l_fail);
        emit_adjust_stack(c->e, 1);
        emit_op(c->e, BC_ROT_TWO, 0);
        emit_op(c->e, BC_POP_TOP, -1);
        emit_label(c->e, l_end);
    }
}

static void compile_display(comp_t *c, node_t *n, uint8_t op) {
    for (size_t i = 0; i < n->list.n; i++) {
        if (n->list.items[i]->kind == E_STARRED) {
            comp_error(c, n->list.items[i], "*x must be assignment target");
        }
        compile_expr(c, n->list.items[i]);
    }
    emit_op_uint(c->e, op, n->list.n, 1 - (int)n->list.n);
}

// yield from the iterable on the stack (also how await is compiled).
static void compile_yield_from(comp_t *c) {
    emit_op(c->e, BC_GET_ITER, 0);
    emit_op(c->e, BC_LOAD_CONST_NONE, 1);
    emit_op(c->e, BC_YIELD_FROM, -1);
}

// await obj.method(), obj on the stack.
static void compile_await_method(comp_t *c, qstr method) {
    emit_op_qstr(c->e, BC_LOAD_METHOD, method, 1);
    emit_op_uint(c->e, BC_CALL_METHOD, 0, -1);
    compile_yield_from(c);
}

static void compile_comprehension(comp_t *c, node_t *n) {
    close_over_and_make(c, n->scope, 0, 0);
    compile_expr(c, n->list.items[0]->b);
    if (n->kind == E_GENEXP) {
        // A generator outlives this frame: it gets an iterator object, not
        // an iterator on the stack.
        emit_op(c->e, BC_GET_ITER, 0);
    }
    emit_op_uint(c->e, BC_CALL_FUNCTION, 1, -1);
}

static void compile_expr(comp_t *c, node_t *n) {
    mp_stack_check(); // the compiler follows the nesting of the source
    emit_t *e = c->e;
    if (n->line > e->line) {
        set_line(c, n);
    }
    switch (n->kind) {
        case E_NAME:
            compile_load_id(c, n->name);
            break;
        case E_INT:
            emit_load_small_int(e, n->ival);
            break;
        case E_OBJ:
            emit_op_obj(e, BC_LOAD_CONST_OBJ, n->obj, 1);
            break;
        case E_STR:
            compile_str(c, n->str, n->len);
            break;
        case E_BYTES:
            emit_op_obj(e, BC_LOAD_CONST_OBJ, mp_obj_new_bytes((const byte *)n->str, n->len), 1);
            break;
        case E_NONE:
            emit_op(e, BC_LOAD_CONST_NONE, 1);
            break;
        case E_TRUE:
            emit_op(e, BC_LOAD_CONST_TRUE, 1);
            break;
        case E_FALSE:
            emit_op(e, BC_LOAD_CONST_FALSE, 1);
            break;
        case E_ELLIPSIS:
            emit_op_obj(e, BC_LOAD_CONST_OBJ, mp_const_ellipsis, 1);
            break;
        case E_TUPLE:
            compile_display(c, n, BC_BUILD_TUPLE);
            break;
        case E_LIST:
            compile_display(c, n, BC_BUILD_LIST);
            break;
        case E_SET:
            compile_display(c, n, BC_BUILD_SET);
            break;
        case E_DICT:
            emit_op_uint(e, BC_BUILD_MAP, n->list.n, 1);
            for (size_t i = 0; i < n->list.n; i++) {
                compile_expr(c, n->list.items[i]->b);
                compile_expr(c, n->list.items[i]->a);
                emit_op(e, BC_STORE_MAP, -2);
            }
            break;
        case E_LISTCOMP:
        case E_SETCOMP:
        case E_DICTCOMP:
        case E_GENEXP:
            compile_comprehension(c, n);
            break;
        case E_YIELD:
            // The scope walk has checked it is in a function.
            if (n->a == NULL) {
                emit_op(e, BC_LOAD_CONST_NONE, 1);
            } else {
                compile_expr(c, n->a);
            }
            emit_op(e, BC_YIELD_VALUE, 0);
            break;
        case E_YIELD_FROM:
        case E_AWAIT:
            compile_expr(c, n->a);
            compile_yield_from(c);
            break;
        case E_ATTR:
            compile_expr(c, n->a);
            emit_op_qstr(e, BC_LOAD_ATTR, n->name, 0);
            break;
        case E_SUBSCR:
            compile_expr(c, n->a);
            compile_index(c, n->b);
            emit_op(e, BC_LOAD_SUBSCR, -1);
            break;
        case E_CALL:
            compile_call(c, n);
            break;
        case E_BINOP:
            compile_expr(c, n->a);
            compile_expr(c, n->b);
            emit_binary_op(e, n->op);
            break;
        case E_UNARY:
            compile_expr(c, n->a);
            emit_op(e, (uint8_t)(BC_UNARY_OP_MULTI + n->op), 0);
            break;
        case E_NOT:
            compile_expr(c, n->a);
            emit_op(e, BC_UNARY_OP_MULTI + MP_UNARY_OP_NOT, 0);
            break;
        case E_AND:
        case E_OR: {
            size_t l_end = emit_new_label(e);
            for (size_t i = 0; i + 1 < n->list.n; i++) {
                compile_expr(c, n->list.items[i]);
                emit_jump(e, n->kind == E_OR ? BC_JUMP_IF_TRUE_OR_POP : BC_JUMP_IF_FALSE_OR_POP, l_end, -1);
            }
            compile_expr(c, n->list.items[n->list.n - 1]);
            emit_label(e, l_end);
            break;
        }
        case E_COMPARE:
            compile_compare(c, n);
            break;
        case E_IFEXP: {
            size_t l_fail = emit_new_label(e), l_end = emit_new_label(e);
            compile_if_cond(c, n->b, false, l_fail);
            compile_expr(c, n->a);
            emit_jump(e, BC_JUMP, l_end, 0);
            emit_label(e, l_fail);
            emit_adjust_stack(e, -1);
            compile_expr(c, n->c);
            emit_label(e, l_end);
            break;
        }
        case E_LAMBDA:
            compile_function(c, n);
            break;
        case E_NAMEDEXPR:
            compile_expr(c, n->b);
            emit_op(e, BC_DUP_TOP, 1);
            compile_store_id(c, n->a->name);
            break;
        case E_STARRED:
            comp_error(c, n, "*x must be assignment target");
        case E_SLICE:
        case E_KEYWORD:
        case E_DSTAR:
        case E_PAIR:
        default:
            comp_error(c, n, "invalid syntax");
    }
}

/******************************************************************************/
// Assignment and deletion

static void compile_assign(comp_t *c, node_t *t) {
    mp_stack_check(); // the compiler follows the nesting of the source
    emit_t *e = c->e;
    switch (t->kind) {
        case E_NAME:
            compile_store_id(c, t->name);
            break;
        case E_ATTR:
            compile_expr(c, t->a);
            emit_op_qstr(e, BC_STORE_ATTR, t->name, -2);
            break;
        case E_SUBSCR:
            compile_expr(c, t->a);
            compile_index(c, t->b);
            emit_op(e, BC_STORE_SUBSCR, -3);
            break;
        case E_TUPLE:
        case E_LIST: {
            size_t n = t->list.n, star = SIZE_MAX;
            if (n == 0 && t->kind == E_TUPLE) {
                // "() = x" (MicroPython allows "[] = x" only).
                comp_error(c, t, "can't assign to expression");
            }
            for (size_t i = 0; i < n; i++) {
                if (t->list.items[i]->kind == E_STARRED) {
                    if (star != SIZE_MAX) {
                        comp_error(c, t->list.items[i], "multiple *x in assignment");
                    }
                    star = i;
                }
            }
            if (star == SIZE_MAX) {
                emit_op_uint(e, BC_UNPACK_SEQUENCE, n, (int)n - 1);
            } else {
                size_t n_left = star, n_right = n - star - 1;
                emit_op_uint(e, BC_UNPACK_EX, n_left | n_right << 8, (int)(n_left + n_right));
            }
            for (size_t i = 0; i < n; i++) {
                node_t *item = t->list.items[i];
                compile_assign(c, item->kind == E_STARRED ? item->a : item);
            }
            break;
        }
        default:
            comp_error(c, t, "can't assign to expression");
    }
}

static void compile_del(comp_t *c, node_t *t) {
    emit_t *e = c->e;
    switch (t->kind) {
        case E_NAME:
            compile_delete_id(c, t->name);
            break;
        case E_ATTR:
            compile_expr(c, t->a);
            emit_op(e, BC_LOAD_NULL, 1);
            emit_op(e, BC_ROT_TWO, 0);
            emit_op_qstr(e, BC_STORE_ATTR, t->name, -2);
            break;
        case E_SUBSCR:
            compile_expr(c, t->a);
            compile_index(c, t->b);
            emit_op(e, BC_LOAD_NULL, 1);
            emit_op(e, BC_ROT_THREE, 0);
            emit_op(e, BC_STORE_SUBSCR, -3);
            break;
        case E_TUPLE:
        case E_LIST:
            if (t->list.n == 0) {
                comp_error(c, t, "can't delete expression");
            }
            for (size_t i = 0; i < t->list.n; i++) {
                compile_del(c, t->list.items[i]);
            }
            break;
        default:
            comp_error(c, t, "can't delete expression");
    }
}

static void compile_augassign(comp_t *c, node_t *n) {
    emit_t *e = c->e;
    node_t *t = n->a;
    switch (t->kind) {
        case E_NAME:
            compile_load_id(c, t->name);
            compile_expr(c, n->b);
            emit_binary_op(e, n->op);
            compile_store_id(c, t->name);
            break;
        case E_ATTR:
            compile_expr(c, t->a);
            emit_op(e, BC_DUP_TOP, 1);
            emit_op_qstr(e, BC_LOAD_ATTR, t->name, 0);
            compile_expr(c, n->b);
            emit_binary_op(e, n->op);
            emit_op(e, BC_ROT_TWO, 0);
            emit_op_qstr(e, BC_STORE_ATTR, t->name, -2);
            break;
        case E_SUBSCR:
            compile_expr(c, t->a);
            compile_index(c, t->b);
            emit_op(e, BC_DUP_TOP_TWO, 2);
            emit_op(e, BC_LOAD_SUBSCR, -1);
            compile_expr(c, n->b);
            emit_binary_op(e, n->op);
            emit_op(e, BC_ROT_THREE, 0);
            emit_op(e, BC_STORE_SUBSCR, -3);
            break;
        default:
            comp_error(c, t, "illegal expression for augmented assignment");
    }
}

/******************************************************************************/
// Statements

static void increase_except_level(comp_t *c, size_t label, uint8_t setup_op) {
    emit_jump(c->e, setup_op, label, setup_op == BC_SETUP_WITH ? 2 : 0);
    c->except_level++;
    if (c->except_level > c->max_except_level) {
        c->max_except_level = c->except_level;
    }
}

static void decrease_except_level(comp_t *c) {
    c->except_level--;
    emit_op(c->e, BC_END_FINALLY, -1);
}

typedef struct {
    size_t break_label, continue_label, level;
} loop_save_t;

static loop_save_t start_loop(comp_t *c, size_t break_label, size_t continue_label) {
    loop_save_t s = {c->break_label, c->continue_label, c->break_continue_except_level};
    c->break_label = break_label;
    c->continue_label = continue_label;
    c->break_continue_except_level = c->except_level;
    return s;
}

static void end_loop(comp_t *c, loop_save_t s) {
    c->break_label = s.break_label;
    c->continue_label = s.continue_label;
    c->break_continue_except_level = s.level;
}

static void compile_break_continue(comp_t *c, node_t *n) {
    size_t label = n->kind == S_BREAK ? c->break_label : c->continue_label;
    if (label == NO_LABEL) {
        comp_error(c, n, "'break'/'continue' outside loop");
    }
    size_t depth = c->except_level - c->break_continue_except_level;
    bool from_for = (label & BREAK_FROM_FOR) != 0;
    label &= ~BREAK_FROM_FOR;
    if (depth == 0) {
        if (from_for) {
            // Drop the iterator's slots.
            for (int i = 0; i < ITER_SLOTS; i++) {
                emit_op(c->e, BC_POP_TOP, 0);
            }
        }
        emit_jump(c->e, BC_JUMP, label, 0);
    } else {
        emit_unwind_jump(c->e, label, (uint8_t)((from_for ? 0x80 : 0) | depth));
    }
}

// for name in range(...) with a constant step: a counter on the stack.
static bool compile_for_range(comp_t *c, node_t *n) {
    node_t *it = n->b;
    if (n->a->kind != E_NAME || it->kind != E_CALL || it->a->kind != E_NAME || it->a->name != MP_QSTR_range
        || it->list.n < 1 || it->list.n > 3) {
        return false;
    }
    for (size_t i = 0; i < it->list.n; i++) {
        uint8_t k = it->list.items[i]->kind;
        if (k == E_STARRED || k == E_DSTAR || k == E_KEYWORD || k == E_GENEXP) {
            return false;
        }
    }
    node_t zero = {0}, one = {0};
    zero.kind = one.kind = E_INT;
    one.ival = 1;
    zero.line = one.line = n->line;
    node_t *start, *end, *step;
    if (it->list.n == 1) {
        start = &zero;
        end = it->list.items[0];
        step = &one;
    } else {
        start = it->list.items[0];
        end = it->list.items[1];
        step = it->list.n == 3 ? it->list.items[2] : &one;
        if (step->kind != E_INT || step->ival == 0) {
            return false;
        }
    }
    emit_t *e = c->e;
    size_t break_label = emit_new_label(e), continue_label = emit_new_label(e);
    loop_save_t saved = start_loop(c, break_label, continue_label);
    size_t top_label = emit_new_label(e), entry_label = emit_new_label(e);
    bool end_on_stack = end->kind != E_INT;
    if (end_on_stack) {
        compile_expr(c, end);
    }
    compile_expr(c, start);
    emit_jump(e, BC_JUMP, entry_label, 0);
    emit_label(e, top_label);
    emit_op(e, BC_DUP_TOP, 1);
    compile_assign(c, n->a);
    compile_stmts(c, &n->list);
    emit_label(e, continue_label);
    compile_expr(c, step);
    emit_binary_op(e, MP_BINARY_OP_INPLACE_ADD);
    emit_label(e, entry_label);
    if (end_on_stack) {
        emit_op(e, BC_DUP_TOP_TWO, 2);
        emit_op(e, BC_ROT_TWO, 0);
    } else {
        emit_op(e, BC_DUP_TOP, 1);
        compile_expr(c, end);
    }
    emit_binary_op(e, step->ival >= 0 ? MP_BINARY_OP_LESS : MP_BINARY_OP_MORE);
    emit_jump(e, BC_POP_JUMP_IF_TRUE, top_label, -1);
    end_loop(c, saved);
    size_t end_label = NO_LABEL;
    if (n->list2.n > 0) {
        emit_op(e, BC_POP_TOP, -1);
        if (end_on_stack) {
            emit_op(e, BC_POP_TOP, -1);
        }
        compile_stmts(c, &n->list2);
        end_label = emit_new_label(e);
        emit_jump(e, BC_JUMP, end_label, 0);
        emit_adjust_stack(e, 1 + end_on_stack);
    }
    emit_label(e, break_label);
    emit_op(e, BC_POP_TOP, -1);
    if (end_on_stack) {
        emit_op(e, BC_POP_TOP, -1);
    }
    if (end_label != NO_LABEL) {
        emit_label(e, end_label);
    }
    return true;
}

static void compile_for(comp_t *c, node_t *n) {
    if (compile_for_range(c, n)) {
        return;
    }
    emit_t *e = c->e;
    size_t break_label = emit_new_label(e), continue_label = emit_new_label(e);
    loop_save_t saved = start_loop(c, break_label | BREAK_FROM_FOR, continue_label);
    size_t pop_label = emit_new_label(e);
    compile_expr(c, n->b);
    emit_op(e, BC_GET_ITER_STACK, ITER_SLOTS - 1);
    emit_label(e, continue_label);
    emit_jump(e, BC_FOR_ITER, pop_label, 1);
    compile_assign(c, n->a);
    compile_stmts(c, &n->list);
    emit_jump(e, BC_JUMP, continue_label, 0);
    emit_label(e, pop_label);
    emit_adjust_stack(e, -ITER_SLOTS);
    end_loop(c, saved);
    compile_stmts(c, &n->list2);
    emit_label(e, break_label);
}

static void compile_while(comp_t *c, node_t *n) {
    emit_t *e = c->e;
    size_t break_label = emit_new_label(e), continue_label = emit_new_label(e);
    loop_save_t saved = start_loop(c, break_label, continue_label);
    if (!node_is_const_false(n->a)) {
        size_t top_label = emit_new_label(e);
        if (!node_is_const_true(n->a)) {
            emit_jump(e, BC_JUMP, continue_label, 0);
        }
        emit_label(e, top_label);
        compile_stmts(c, &n->list);
        emit_label(e, continue_label);
        set_line(c, n);
        compile_if_cond(c, n->a, true, top_label);
    }
    end_loop(c, saved);
    compile_stmts(c, &n->list2);
    emit_label(e, break_label);
}

static void compile_try_except(comp_t *c, node_t *n) {
    emit_t *e = c->e;
    size_t l1 = emit_new_label(e), success_label = emit_new_label(e);
    increase_except_level(c, l1, BC_SETUP_EXCEPT);
    compile_stmts(c, &n->list);
    emit_jump(e, BC_POP_EXCEPT_JUMP, success_label, 0);
    emit_label(e, l1);
    emit_adjust_stack(e, 4); // the exception, and room for an UNWIND_JUMP's state
    size_t l2 = emit_new_label(e);
    for (size_t i = 0; i < n->list2.n; i++) {
        node_t *h = n->list2.items[i];
        size_t end_finally_label = emit_new_label(e);
        if (h->a == NULL) {
            if (i + 1 != n->list2.n) {
                comp_error(c, h, "default 'except' must be last");
            }
        } else {
            emit_op(e, BC_DUP_TOP, 1);
            compile_expr(c, h->a);
            emit_binary_op(e, MP_BINARY_OP_EXCEPTION_MATCH);
            emit_jump(e, BC_POP_JUMP_IF_FALSE, end_finally_label, -1);
        }
        if (h->name == MP_QSTRnull) {
            emit_op(e, BC_POP_TOP, -1);
        } else {
            compile_store_id(c, h->name);
        }
        // "except E as e": the body runs in a try/finally that unbinds e.
        size_t l3 = 0;
        if (h->name != MP_QSTRnull) {
            l3 = emit_new_label(e);
            increase_except_level(c, l3, BC_SETUP_FINALLY);
        }
        compile_stmts(c, &h->list);
        if (h->name != MP_QSTRnull) {
            emit_op(e, BC_LOAD_CONST_NONE, 1);
            emit_label(e, l3);
            emit_op(e, BC_LOAD_CONST_NONE, 1);
            compile_store_id(c, h->name);
            compile_delete_id(c, h->name);
            decrease_except_level(c);
        }
        emit_jump(e, BC_POP_EXCEPT_JUMP, l2, 0);
        emit_label(e, end_finally_label);
        emit_adjust_stack(e, 1);
    }
    decrease_except_level(c);
    emit_adjust_stack(e, -3);
    emit_label(e, success_label);
    compile_stmts(c, &n->list3);
    emit_label(e, l2);
}

static void compile_try(comp_t *c, node_t *n) {
    if (!n->flag) {
        compile_try_except(c, n);
        return;
    }
    emit_t *e = c->e;
    size_t l_finally = emit_new_label(e);
    increase_except_level(c, l_finally, BC_SETUP_FINALLY);
    if (n->list2.n == 0) {
        emit_adjust_stack(e, 3); // room for an UNWIND_JUMP's state
        compile_stmts(c, &n->list);
        emit_adjust_stack(e, -3);
    } else {
        compile_try_except(c, n);
    }
    emit_op(e, BC_LOAD_CONST_NONE, 1);
    emit_label(e, l_finally);
    compile_stmts(c, &n->list4);
    decrease_except_level(c);
}

static void compile_with_items(comp_t *c, node_t *n, size_t i) {
    mp_stack_check(); // the compiler follows the nesting of the source
    if (i == n->list.n) {
        compile_stmts(c, &n->list2);
        return;
    }
    emit_t *e = c->e;
    node_t *item = n->list.items[i];
    size_t l_end = emit_new_label(e);
    compile_expr(c, item->a);
    increase_except_level(c, l_end, BC_SETUP_WITH);
    if (item->b != NULL) {
        compile_assign(c, item->b);
    } else {
        emit_op(e, BC_POP_TOP, -1);
    }
    compile_with_items(c, n, i + 1);
    emit_op(e, BC_LOAD_CONST_NONE, 1);
    emit_label(e, l_end);
    emit_op(e, BC_WITH_CLEANUP, 2);
    emit_adjust_stack(e, -4);
    decrease_except_level(c);
}

// async for: the loop of MicroPython's compiler, a try/except around each
// "target = await it.__anext__()" that ends the loop on StopAsyncIteration.
static void compile_async_for(comp_t *c, node_t *n) {
    emit_t *e = c->e;
    size_t else_label = emit_new_label(e), except_label = emit_new_label(e);
    size_t body_label = emit_new_label(e), reraise_label = emit_new_label(e);
    compile_expr(c, n->b);
    emit_op_qstr(e, BC_LOAD_METHOD, MP_QSTR___aiter__, 1);
    emit_op_uint(e, BC_CALL_METHOD, 0, -1);
    size_t break_label = emit_new_label(e), continue_label = emit_new_label(e);
    loop_save_t saved = start_loop(c, break_label, continue_label);
    emit_label(e, continue_label);
    increase_except_level(c, except_label, BC_SETUP_EXCEPT);
    emit_op(e, BC_DUP_TOP, 1);
    compile_await_method(c, MP_QSTR___anext__);
    compile_assign(c, n->a);
    emit_jump(e, BC_POP_EXCEPT_JUMP, body_label, 0);
    emit_label(e, except_label);
    emit_adjust_stack(e, 4); // the exception, and room for an UNWIND_JUMP's state
    emit_op(e, BC_DUP_TOP, 1);
    emit_op_qstr(e, BC_LOAD_GLOBAL, MP_QSTR_StopAsyncIteration, 1);
    emit_binary_op(e, MP_BINARY_OP_EXCEPTION_MATCH);
    emit_jump(e, BC_POP_JUMP_IF_FALSE, reraise_label, -1);
    emit_op(e, BC_POP_TOP, -1);
    emit_jump(e, BC_POP_EXCEPT_JUMP, else_label, 0);
    emit_label(e, reraise_label);
    emit_adjust_stack(e, 1);
    decrease_except_level(c);
    emit_adjust_stack(e, -3);
    emit_label(e, body_label);
    compile_stmts(c, &n->list);
    emit_jump(e, BC_JUMP, continue_label, 0);
    end_loop(c, saved);
    emit_label(e, else_label);
    compile_stmts(c, &n->list2);
    emit_label(e, break_label);
    emit_op(e, BC_POP_TOP, -1); // the async iterator
}

// async with, one item at a time: as MicroPython's compiler, a try/finally
// whose finally awaits __aexit__ (looked up only then) with the exception,
// or with three Nones after the body ended normally, a return or an
// UNWIND_JUMP.
static void compile_async_with_items(comp_t *c, node_t *n, size_t i) {
    mp_stack_check(); // the compiler follows the nesting of the source
    if (i == n->list.n) {
        compile_stmts(c, &n->list2);
        return;
    }
    emit_t *e = c->e;
    node_t *item = n->list.items[i];
    size_t finally_label = emit_new_label(e), no_exc_label = emit_new_label(e);
    size_t unwind_label = emit_new_label(e), end_label = emit_new_label(e);
    compile_expr(c, item->a);
    emit_op(e, BC_DUP_TOP, 1);
    compile_await_method(c, MP_QSTR___aenter__);
    if (item->b != NULL) {
        compile_assign(c, item->b);
    } else {
        emit_op(e, BC_POP_TOP, -1);
    }
    increase_except_level(c, finally_label, BC_SETUP_FINALLY);
    emit_adjust_stack(e, 3); // room for an UNWIND_JUMP's state
    compile_async_with_items(c, n, i + 1);
    emit_adjust_stack(e, -3);
    // The body ended normally: (..., ctx_mgr) becomes (..., None, ctx_mgr).
    emit_op(e, BC_LOAD_CONST_NONE, 1);
    emit_op(e, BC_ROT_TWO, 0);
    emit_jump(e, BC_JUMP, no_exc_label, 0);
    // The finally block: an exception, or a return/unwind state, on top.
    emit_label(e, finally_label);
    emit_op(e, BC_DUP_TOP, 1);
    emit_op_qstr(e, BC_LOAD_GLOBAL, MP_QSTR_BaseException, 1);
    emit_binary_op(e, MP_BINARY_OP_EXCEPTION_MATCH);
    emit_jump(e, BC_POP_JUMP_IF_FALSE, unwind_label, -1);
    // An exception: await ctx_mgr.__aexit__(type(exc), exc, None), which
    // swallows it when true.
    emit_op(e, BC_DUP_TOP, 1);
    emit_op(e, BC_ROT_THREE, 0);
    emit_op(e, BC_ROT_TWO, 0);
    emit_op_qstr(e, BC_LOAD_METHOD, MP_QSTR___aexit__, 1);
    emit_op(e, BC_ROT_THREE, 0);
    emit_op(e, BC_ROT_THREE, 0);
    emit_op(e, BC_DUP_TOP, 1);
    emit_op_qstr(e, BC_LOAD_ATTR, MP_QSTR___class__, 0);
    emit_op(e, BC_ROT_TWO, 0);
    emit_op(e, BC_LOAD_CONST_NONE, 1);
    emit_op_uint(e, BC_CALL_METHOD, 3, -4);
    compile_yield_from(c);
    emit_jump(e, BC_POP_JUMP_IF_FALSE, end_label, -1);
    emit_op(e, BC_POP_TOP, -1);
    emit_op(e, BC_LOAD_CONST_NONE, 1);
    emit_jump(e, BC_JUMP, end_label, 0);
    emit_adjust_stack(e, 2);
    // A return or unwind: the state goes under ctx_mgr.
    emit_label(e, unwind_label);
    emit_op(e, BC_ROT_THREE, 0);
    emit_op(e, BC_ROT_THREE, 0);
    emit_label(e, no_exc_label);
    emit_op_qstr(e, BC_LOAD_METHOD, MP_QSTR___aexit__, 1);
    emit_op(e, BC_LOAD_CONST_NONE, 1);
    emit_op(e, BC_DUP_TOP, 1);
    emit_op(e, BC_DUP_TOP, 1);
    emit_op_uint(e, BC_CALL_METHOD, 3, -4);
    compile_yield_from(c);
    emit_op(e, BC_POP_TOP, -1);
    emit_adjust_stack(e, -1);
    emit_label(e, end_label);
    decrease_except_level(c);
}

// The part of a dotted import name before its first dot.
static qstr first_part(qstr name) {
    size_t len;
    const byte *s = qstr_data(name, &len);
    size_t k = 0;
    while (k < len && s[k] != '.') {
        k++;
    }
    return k == len ? name : qstr_from_strn((const char *)s, k);
}

static void compile_import(comp_t *c, node_t *n) {
    emit_t *e = c->e;
    for (size_t i = 0; i < n->list.n; i++) {
        node_t *a = n->list.items[i];
        emit_load_small_int(e, 0);
        emit_op(e, BC_LOAD_CONST_NONE, 1);
        emit_op_qstr(e, BC_IMPORT_NAME, a->name, -1);
        if (a->asname == MP_QSTRnull) {
            compile_store_id(c, first_part(a->name));
        } else {
            // import a.b.c as d: the innermost module, through attributes.
            size_t len;
            const byte *s = qstr_data(a->name, &len);
            size_t start = 0;
            for (size_t k = 0; k <= len; k++) {
                if (k == len || s[k] == '.') {
                    if (start > 0) {
                        emit_op_qstr(e, BC_LOAD_ATTR, qstr_from_strn((const char *)s + start, k - start), 0);
                    }
                    start = k + 1;
                }
            }
            compile_store_id(c, a->asname);
        }
    }
}

static void compile_from(comp_t *c, node_t *n) {
    emit_t *e = c->e;
    emit_load_small_int(e, n->ival);
    if (n->list.n == 0) {
        emit_op_qstr(e, BC_LOAD_CONST_STRING, MP_QSTR__star_, 1);
        emit_op_uint(e, BC_BUILD_TUPLE, 1, 0);
        emit_op_qstr(e, BC_IMPORT_NAME, n->name, -1);
        emit_op(e, BC_IMPORT_STAR, -1);
        return;
    }
    for (size_t i = 0; i < n->list.n; i++) {
        emit_op_qstr(e, BC_LOAD_CONST_STRING, n->list.items[i]->name, 1);
    }
    emit_op_uint(e, BC_BUILD_TUPLE, n->list.n, 1 - (int)n->list.n);
    emit_op_qstr(e, BC_IMPORT_NAME, n->name, -1);
    for (size_t i = 0; i < n->list.n; i++) {
        node_t *a = n->list.items[i];
        emit_op_qstr(e, BC_IMPORT_FROM, a->name, 1);
        compile_store_id(c, a->asname != MP_QSTRnull ? a->asname : a->name);
    }
    emit_op(e, BC_POP_TOP, -1);
}

// The REPL's printer of expression statements: repr of anything but None.
static mp_obj_t repl_print(mp_obj_t o) {
    if (o != mp_const_none) {
        mp_obj_print_helper(&mp_plat_print, o, PRINT_REPR);
        mp_print_str(&mp_plat_print, "\n");
    }
    return mp_const_none;
}
static const mp_obj_fun_builtin_fixed_t repl_print_obj = {{&mp_type_fun_builtin_1}, .fun._1 = repl_print};

static void compile_stmt(comp_t *c, node_t *n) {
    mp_stack_check(); // the compiler follows the nesting of the source
    emit_t *e = c->e;
    set_line(c, n);
    switch (n->kind) {
        case S_EXPR:
            if (c->is_repl && c->scope->kind == SCOPE_MODULE) {
                emit_op_obj(e, BC_LOAD_CONST_OBJ, MP_OBJ_FROM_PTR(&repl_print_obj), 1);
                compile_expr(c, n->a);
                emit_op_uint(e, BC_CALL_FUNCTION, 1, -1);
                emit_op(e, BC_POP_TOP, -1);
            } else if (!is_constant(n->a)) {
                compile_expr(c, n->a);
                emit_op(e, BC_POP_TOP, -1);
            }
            break;
        case S_ASSIGN:
            compile_expr(c, n->a);
            for (size_t i = 0; i < n->list.n; i++) {
                if (i + 1 < n->list.n) {
                    emit_op(e, BC_DUP_TOP, 1);
                }
                compile_assign(c, n->list.items[i]);
            }
            break;
        case S_AUGASSIGN:
            compile_augassign(c, n);
            break;
        case S_DEL:
            for (size_t i = 0; i < n->list.n; i++) {
                compile_del(c, n->list.items[i]);
            }
            break;
        case S_PASS:
        case S_ANNOTATE:
        case S_GLOBAL:
        case S_NONLOCAL:
            break;
        case S_BREAK:
        case S_CONTINUE:
            compile_break_continue(c, n);
            break;
        case S_RETURN:
            if (c->scope->kind == SCOPE_MODULE) {
                comp_error(c, n, "'return' outside function");
            }
            if (n->a == NULL) {
                emit_op(e, BC_LOAD_CONST_NONE, 1);
            } else {
                compile_expr(c, n->a);
            }
            emit_op(e, BC_RETURN_VALUE, -1);
            emit_suppress(e);
            break;
        case S_RAISE:
            if (n->a == NULL) {
                emit_op(e, BC_RAISE_LAST, 0);
            } else if (n->b == NULL) {
                compile_expr(c, n->a);
                emit_op(e, BC_RAISE_OBJ, -1);
            } else {
                compile_expr(c, n->a);
                compile_expr(c, n->b);
                emit_op(e, BC_RAISE_FROM, -2);
            }
            emit_suppress(e);
            break;
        case S_ASSERT: {
            if (compile_opt_level != 0) {
                break;
            }
            size_t l_end = emit_new_label(e);
            compile_if_cond(c, n->a, true, l_end);
            emit_op_qstr(e, BC_LOAD_GLOBAL, MP_QSTR_AssertionError, 1);
            if (n->b != NULL) {
                compile_expr(c, n->b);
                emit_op_uint(e, BC_CALL_FUNCTION, 1, -1);
            }
            emit_op(e, BC_RAISE_OBJ, -1);
            emit_suppress(e);
            emit_label(e, l_end);
            break;
        }
        case S_IMPORT:
            compile_import(c, n);
            break;
        case S_FROM:
            compile_from(c, n);
            break;
        case S_IF: {
            // As MicroPython: nothing for an "if False" body, and an "if
            // True" body with no jump over its else.
            size_t l_end = emit_new_label(e);
            if (node_is_const_false(n->a)) {
                compile_stmts(c, &n->list2);
            } else if (n->list2.n == 0 || node_is_const_true(n->a)) {
                compile_if_cond(c, n->a, false, l_end);
                compile_stmts(c, &n->list);
            } else {
                size_t l_fail = emit_new_label(e);
                compile_if_cond(c, n->a, false, l_fail);
                compile_stmts(c, &n->list);
                emit_jump(e, BC_JUMP, l_end, 0);
                emit_label(e, l_fail);
                compile_stmts(c, &n->list2);
            }
            emit_label(e, l_end);
            break;
        }
        case S_WHILE:
            compile_while(c, n);
            break;
        case S_FOR:
            if (n->flag) {
                compile_async_for(c, n);
            } else {
                compile_for(c, n);
            }
            break;
        case S_TRY:
            compile_try(c, n);
            break;
        case S_WITH:
            if (n->flag) {
                compile_async_with_items(c, n, 0);
            } else {
                compile_with_items(c, n, 0);
            }
            break;
        case S_DEF:
            // As a class, a decorated function is on the line of its first
            // decorator.
            if (n->list2.n > 0) {
                set_line(c, n->list2.items[0]);
            }
            for (size_t i = 0; i < n->list2.n; i++) {
                compile_expr(c, n->list2.items[i]);
            }
            compile_function(c, n);
            for (size_t i = 0; i < n->list2.n; i++) {
                emit_op_uint(e, BC_CALL_FUNCTION, 1, -1);
            }
            compile_store_id(c, n->name);
            break;
        case S_CLASS:
            // __build_class__(body, name, *bases, **keywords), decorated.
            // As in MicroPython, a decorated class is all on the line of
            // its first decorator.
            if (n->list2.n > 0) {
                set_line(c, n->list2.items[0]);
            }
            for (size_t i = 0; i < n->list2.n; i++) {
                compile_expr(c, n->list2.items[i]);
            }
            emit_op(e, BC_LOAD_BUILD_CLASS, 1);
            close_over_and_make(c, n->scope, 0, 0);
            emit_op_qstr(e, BC_LOAD_CONST_STRING, n->name, 1);
            compile_call_args(c, &n->list3, false, 2);
            for (size_t i = 0; i < n->list2.n; i++) {
                emit_op_uint(e, BC_CALL_FUNCTION, 1, -1);
            }
            compile_store_id(c, n->name);
            break;
        default:
            comp_error(c, n, "invalid syntax");
    }
}

static void compile_stmts(comp_t *c, node_list_t *body) {
    for (size_t i = 0; i < body->n; i++) {
        compile_stmt(c, body->items[i]);
    }
}

/******************************************************************************/
// Scopes

// The body of a comprehension: nested loops storing into the collection.
static void compile_comp_iter(comp_t *c, node_t *comp, size_t clause, size_t depth) {
    mp_stack_check(); // the compiler follows the nesting of the source
    emit_t *e = c->e;
    node_t *f = comp->list.items[clause];
    size_t l_top = emit_new_label(e), l_end = emit_new_label(e);
    emit_label(e, l_top);
    emit_jump(e, BC_FOR_ITER, l_end, 1);
    compile_assign(c, f->a);
    size_t i = clause + 1;
    for (; i < comp->list.n; i++) {
        node_t *k = comp->list.items[i];
        if (k->kind == C_IF) {
            compile_if_cond(c, k->a, false, l_top);
        } else {
            compile_expr(c, k->b);
            emit_op(e, BC_GET_ITER_STACK, ITER_SLOTS - 1);
            compile_comp_iter(c, comp, i, depth + 1);
            break;
        }
    }
    if (i == comp->list.n) {
        mp_uint_t index = 4 * depth + 5;
        if (comp->kind == E_GENEXP) {
            compile_expr(c, comp->a);
            emit_op(e, BC_YIELD_VALUE, 0);
            emit_op(e, BC_POP_TOP, -1);
        } else if (comp->kind == E_DICTCOMP) {
            compile_expr(c, comp->a->b);
            compile_expr(c, comp->a->a);
            emit_op_uint(e, BC_STORE_COMP, ((index + 1) << 2) | 1, -2);
        } else {
            compile_expr(c, comp->a);
            emit_op_uint(e, BC_STORE_COMP, (index << 2) | (comp->kind == E_SETCOMP ? 2 : 0), -1);
        }
    }
    emit_jump(e, BC_JUMP, l_top, 0);
    emit_label(e, l_end);
    emit_adjust_stack(e, -ITER_SLOTS);
}

static void compile_scope_code(scope_t *s, node_list_t *module_body, mp_parse_input_kind_t kind,
    emit_unit_t *unit) {
    emit_t emit;
    emit_init(&emit, unit);
    comp_t comp = {0};
    comp_t *c = &comp;
    c->scope = s;
    c->e = &emit;
    c->is_repl = kind == MP_PARSE_SINGLE_INPUT;
    c->break_label = NO_LABEL;
    c->continue_label = NO_LABEL;

    // Names first in the qstr table, as MicroPython writes them first.
    size_t n_args = s->n_pos_args + s->n_kwonly_args;
    qstr *arg_names = m_malloc((n_args + 1) * sizeof(qstr));
    for (size_t i = 0; i < n_args; i++) {
        arg_names[i] = MP_QSTR__star_;
        for (size_t j = 0; j < s->n_ids; j++) {
            if (s->ids[j].is_param && s->ids[j].local_num == i) {
                arg_names[i] = s->ids[j].name;
                break;
            }
        }
    }
    emit_unit_qstr(unit, s->name);
    for (size_t i = 0; i < n_args; i++) {
        emit_unit_qstr(unit, arg_names[i]);
    }

    node_t *n = s->node;
    switch (s->kind) {
        case SCOPE_MODULE:
            if (kind == MP_PARSE_EVAL_INPUT) {
                compile_expr(c, module_body->items[0]->a);
                emit_op(&emit, BC_RETURN_VALUE, -1);
            } else {
                compile_stmts(c, module_body);
                emit_op(&emit, BC_LOAD_CONST_NONE, 1);
                emit_op(&emit, BC_RETURN_VALUE, -1);
            }
            break;
        case SCOPE_FUNCTION:
            emit.line = n->line;
            compile_stmts(c, &n->list);
            emit_op(&emit, BC_LOAD_CONST_NONE, 1);
            emit_op(&emit, BC_RETURN_VALUE, -1);
            break;
        case SCOPE_LAMBDA:
            emit.line = n->line;
            compile_expr(c, n->a);
            if (s->scope_flags & BC_SCOPE_GENERATOR) {
                // A generator lambda returns None, not its expression's value.
                emit_op(&emit, BC_POP_TOP, -1);
                emit_op(&emit, BC_LOAD_CONST_NONE, 1);
            }
            emit_op(&emit, BC_RETURN_VALUE, -1);
            break;
        case SCOPE_CLASS: {
            // The body runs with the class's dict as its locals; it returns
            // the __class__ cell (filled by __build_class__) or None. Its
            // first instructions keep line 1, as MicroPython's do.
            compile_load_id(c, MP_QSTR___name__);
            compile_store_id(c, MP_QSTR___module__);
            emit_op_qstr(&emit, BC_LOAD_CONST_STRING, n->name, 1);
            compile_store_id(c, MP_QSTR___qualname__);
            compile_stmts(c, &n->list);
            scope_id_t *cls = scope_find(s, MP_QSTR___class__);
            if (cls->kind == ID_CELL) {
                emit_load_fast(&emit, cls->local_num);
            } else {
                emit_op(&emit, BC_LOAD_CONST_NONE, 1);
            }
            emit_op(&emit, BC_RETURN_VALUE, -1);
            break;
        }
        default: {
            emit.line = n->line;
            uint8_t build = s->kind == SCOPE_LIST_COMP ? BC_BUILD_LIST
                            : s->kind == SCOPE_DICT_COMP ? BC_BUILD_MAP : BC_BUILD_SET;
            if (s->kind == SCOPE_GEN_EXPR) {
                // The iterator's 4 stack slots, the first NULL to say that
                // the second holds the iterator object (the argument).
                emit_op(&emit, BC_LOAD_NULL, 1);
                compile_load_id(c, MP_QSTR_);
                emit_op(&emit, BC_LOAD_NULL, 1);
                emit_op(&emit, BC_LOAD_NULL, 1);
            } else {
                emit_op_uint(&emit, build, 0, 1);
                compile_load_id(c, MP_QSTR_);
                emit_op(&emit, BC_GET_ITER_STACK, ITER_SLOTS - 1);
            }
            compile_comp_iter(c, n, 0, 0);
            if (s->kind == SCOPE_GEN_EXPR) {
                emit_op(&emit, BC_LOAD_CONST_NONE, 1);
            }
            emit_op(&emit, BC_RETURN_VALUE, -1);
            break;
        }
    }

    // The cells: locals turned into cells on entry.
    uint8_t *cells = m_malloc(s->n_ids + 1);
    size_t n_cells = 0;
    for (size_t i = 0; i < s->n_ids; i++) {
        if (s->ids[i].kind == ID_CELL) {
            if (s->ids[i].local_num > 255) {
                compile_error_at(&mp_type_SyntaxError, s->name, 1, "too many locals");
            }
            cells[n_cells++] = (uint8_t)s->ids[i].local_num;
        }
    }
    emit_prelude_info_t info = {
        .name = s->name,
        .arg_names = arg_names,
        .n_locals = s->num_locals,
        .n_exc_stack = c->max_except_level,
        .scope_flags = s->scope_flags,
        .n_pos_args = s->n_pos_args,
        .n_kwonly_args = s->n_kwonly_args,
        .n_def_pos_args = s->n_def_pos_args,
        .cells = cells,
        .n_cells = n_cells,
    };
    emit_finish(&emit, &info, s->rc);
    s->rc->n_children = c->n_children;
    if (c->n_children > 0) {
        mp_raw_code_t **children = m_malloc(c->n_children * sizeof(mp_raw_code_t *));
        for (size_t i = 0; i < c->n_children; i++) {
            children[i] = &c->children[i]->rc->rc;
        }
        s->rc->rc.children = children;
    }
}

void compile_unit(const char *source, size_t len, qstr source_file, mp_parse_input_kind_t kind,
    mp_obj_dict_t *globals, compiled_unit_t *out) {
    qstr old_file = compile_error_set_file(source_file);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        compile_error_set_file(old_file);
        nlr_jump(nlr.ret_val);
    }
    node_list_t body = parse_source(source, len, kind);
    scope_t *module = scope_build(&body, kind == MP_PARSE_EVAL_INPUT);
    emit_unit_t *unit = m_malloc0(sizeof(emit_unit_t));
    emit_unit_init(unit, source_file);
    // Parents before children: a parent's MAKE_FUNCTION sets the child's
    // default-argument counts that the child's prelude then records.
    for (scope_t *s = module; s != NULL; s = s->next) {
        compile_scope_code(s, &body, kind, unit);
    }
    nlr_pop();
    compile_error_set_file(old_file);

    mp_module_context_t *context = m_malloc0(sizeof(mp_module_context_t));
    context->module.base.type = &mp_type_module;
    context->module.globals = globals;
    qstr_short_t *qstr_table = m_malloc((unit->n_qstrs + 1) * sizeof(qstr_short_t));
    for (size_t i = 0; i < unit->n_qstrs; i++) {
        qstr_table[i] = (qstr_short_t)unit->qstrs[i];
    }
    context->constants.qstr_table = qstr_table;
    mp_obj_t *obj_table = m_malloc((unit->n_objs + 1) * sizeof(mp_obj_t));
    if (unit->n_objs > 0) { // objs may be NULL then, and memcpy must not see NULL
        memcpy(obj_table, unit->objs, unit->n_objs * sizeof(mp_obj_t));
    }
    context->constants.obj_table = obj_table;
    out->rc = module->rc;
    out->context = context;
    out->n_qstrs = unit->n_qstrs;
    out->n_objs = unit->n_objs;
}

mp_obj_t mp_compile(const char *source, size_t len, qstr source_file, mp_parse_input_kind_t kind,
    mp_obj_dict_t *globals) {
    compiled_unit_t cu;
    compile_unit(source, len, source_file, kind, globals, &cu);
    return mp_make_function_from_raw_code(&cu.rc->rc, cu.context, NULL);
}
