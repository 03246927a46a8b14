// set and frozenset over runtime/map.h's mp_set_t: construction, printing
// ({1, 2}, set(), frozenset({1})), hashing (frozenset), the operators
// | & - ^ and their in-place forms, comparisons (subset/superset), `in`,
// len, iteration and the methods.
#include <string.h>

#include "runtime/runtime.h"

typedef struct {
    mp_obj_base_t base;
    mp_set_t set;
} mp_obj_set_t;

// Where a frozenset's hash starts (MicroPython uses the type's address; a
// fixed value keeps hashes the same from run to run).
#define FROZENSET_HASH_SEED ((mp_uint_t)0x6a09e667u)

static bool is_set_or_frozenset(mp_obj_t o) {
    return mp_obj_is_type(o, &mp_type_set) || mp_obj_is_type(o, &mp_type_frozenset);
}

static mp_set_t *set_of(mp_obj_t o) {
    return &((mp_obj_set_t *)MP_OBJ_TO_PTR(o))->set;
}

static void set_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    mp_set_t *set = set_of(self_in);
    bool frozen = mp_obj_is_type(self_in, &mp_type_frozenset);
    if (set->used == 0) {
        mp_print_str(print, frozen ? "frozenset()" : "set()");
        return;
    }
    mp_print_str(print, frozen ? "frozenset({" : "{");
    bool first = true;
    for (size_t i = 0; i < set->alloc; i++) {
        if (mp_set_slot_is_filled(set, i)) {
            if (!first) {
                mp_print_str(print, ", ");
            }
            first = false;
            mp_obj_print_helper(print, set->table[i], PRINT_REPR);
        }
    }
    mp_print_str(print, frozen ? "})" : "}");
}

static void set_update_int(mp_obj_t self_in, mp_obj_t iterable) {
    mp_set_t *set = set_of(self_in);
    mp_obj_t iter = mp_getiter(iterable, NULL);
    mp_obj_t next;
    while ((next = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        mp_set_lookup(set, next, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    }
}

static mp_obj_t set_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, 1, false);
    mp_obj_t set = mp_obj_new_set(0, NULL);
    if (n_args == 1) {
        set_update_int(set, args[0]);
    }
    ((mp_obj_set_t *)MP_OBJ_TO_PTR(set))->base.type = type;
    return set;
}

// Iteration

typedef struct {
    mp_obj_base_t base;
    mp_obj_set_t *set;
    size_t cur;
} set_it_t;

static mp_obj_t set_it_iternext(mp_obj_t self_in) {
    set_it_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t next = mp_set_iter_next(&self->set->set, &self->cur);
    return next == MP_OBJ_NULL ? MP_OBJ_STOP_ITERATION : next;
}

static MP_DEFINE_CONST_OBJ_TYPE(
    set_it_type,
    MP_QSTR_iterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, set_it_iternext
    );

static mp_obj_t set_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    _Static_assert(sizeof(set_it_t) <= sizeof(mp_obj_iter_buf_t), "set iterator fits the buffer");
    set_it_t *it = iter_buf != NULL ? (set_it_t *)iter_buf : mp_obj_malloc(set_it_t, &set_it_type);
    it->base.type = &set_it_type;
    it->set = MP_OBJ_TO_PTR(self_in);
    it->cur = 0;
    return MP_OBJ_FROM_PTR(it);
}

/******************************************************************************/
// Methods

static mp_obj_t set_add(mp_obj_t self_in, mp_obj_t item) {
    mp_set_lookup(set_of(self_in), item, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_add_obj, set_add);

static mp_obj_t set_clear(mp_obj_t self_in) {
    mp_set_clear(set_of(self_in));
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(set_clear_obj, set_clear);

// Same type, table size and slots: the copy iterates in the same order.
static mp_obj_t set_copy(mp_obj_t self_in) {
    mp_obj_set_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_set_t *other = mp_obj_malloc(mp_obj_set_t, self->base.type);
    mp_set_init(&other->set, self->set.alloc);
    if (other->set.alloc == self->set.alloc) {
        if (self->set.alloc > 0) {
            memcpy(other->set.table, self->set.table, self->set.alloc * sizeof(mp_obj_t));
        }
        other->set.used = self->set.used;
    } else {
        set_update_int(MP_OBJ_FROM_PTR(other), self_in);
    }
    return MP_OBJ_FROM_PTR(other);
}
static MP_DEFINE_CONST_FUN_OBJ_1(set_copy_obj, set_copy);

static mp_obj_t set_discard(mp_obj_t self_in, mp_obj_t item) {
    mp_set_lookup(set_of(self_in), item, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_discard_obj, set_discard);

// args[0] minus each of args[1..]: into args[0] (update) or into a copy.
static mp_obj_t set_diff_int(size_t n_args, const mp_obj_t *args, bool update) {
    mp_obj_t self = update ? args[0] : set_copy(args[0]);
    for (size_t i = 1; i < n_args; i++) {
        mp_obj_t other = args[i];
        if (other == self) {
            set_clear(self);
            continue;
        }
        mp_obj_t iter = mp_getiter(other, NULL);
        mp_obj_t next;
        while ((next = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
            mp_set_lookup(set_of(self), next, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
        }
    }
    return self;
}

static mp_obj_t set_diff(size_t n_args, const mp_obj_t *args) {
    return set_diff_int(n_args, args, false);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR(set_diff_obj, 1, set_diff);

static mp_obj_t set_diff_update(size_t n_args, const mp_obj_t *args) {
    set_diff_int(n_args, args, true);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR(set_diff_update_obj, 1, set_diff_update);

// The items of other that are in self, as a new set (in other's order); with
// update, self takes over the result's table.
static mp_obj_t set_intersect_int(mp_obj_t self_in, mp_obj_t other, bool update) {
    if (self_in == other) {
        return update ? mp_const_none : set_copy(self_in);
    }
    mp_obj_set_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t out_obj = mp_obj_new_set(0, NULL);
    mp_obj_set_t *out = MP_OBJ_TO_PTR(out_obj);
    mp_obj_t iter = mp_getiter(other, NULL);
    mp_obj_t next;
    while ((next = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        if (mp_set_lookup(&self->set, next, MP_MAP_LOOKUP) != MP_OBJ_NULL) {
            set_add(out_obj, next);
        }
    }
    if (update) {
        self->set = out->set;
        return mp_const_none;
    }
    return out_obj;
}

static mp_obj_t set_intersect(mp_obj_t self_in, mp_obj_t other) {
    return set_intersect_int(self_in, other, false);
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_intersect_obj, set_intersect);

static mp_obj_t set_intersect_update(mp_obj_t self_in, mp_obj_t other) {
    return set_intersect_int(self_in, other, true);
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_intersect_update_obj, set_intersect_update);

static mp_obj_t set_isdisjoint(mp_obj_t self_in, mp_obj_t other) {
    mp_obj_iter_buf_t iter_buf;
    mp_obj_t iter = mp_getiter(other, &iter_buf);
    mp_obj_t next;
    while ((next = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        if (mp_set_lookup(set_of(self_in), next, MP_MAP_LOOKUP) != MP_OBJ_NULL) {
            return mp_const_false;
        }
    }
    return mp_const_true;
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_isdisjoint_obj, set_isdisjoint);

// self <= other (proper: self < other); either may be any iterable.
static mp_obj_t set_issubset_internal(mp_obj_t self_in, mp_obj_t other_in, bool proper) {
    mp_obj_t self = is_set_or_frozenset(self_in) ? self_in : set_make_new(&mp_type_set, 1, 0, &self_in);
    mp_obj_t other = is_set_or_frozenset(other_in) ? other_in : set_make_new(&mp_type_set, 1, 0, &other_in);
    if (proper && set_of(self)->used == set_of(other)->used) {
        return mp_const_false;
    }
    size_t cur = 0;
    mp_obj_t next;
    while ((next = mp_set_iter_next(set_of(self), &cur)) != MP_OBJ_NULL) {
        if (mp_set_lookup(set_of(other), next, MP_MAP_LOOKUP) == MP_OBJ_NULL) {
            return mp_const_false;
        }
    }
    return mp_const_true;
}

static mp_obj_t set_issubset(mp_obj_t self_in, mp_obj_t other_in) {
    return set_issubset_internal(self_in, other_in, false);
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_issubset_obj, set_issubset);

static mp_obj_t set_issuperset(mp_obj_t self_in, mp_obj_t other_in) {
    return set_issubset_internal(other_in, self_in, false);
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_issuperset_obj, set_issuperset);

static mp_obj_t set_equal(mp_obj_t self_in, mp_obj_t other_in) {
    if (!is_set_or_frozenset(other_in) || set_of(self_in)->used != set_of(other_in)->used) {
        return mp_const_false;
    }
    return set_issubset(self_in, other_in);
}

static mp_obj_t set_pop(mp_obj_t self_in) {
    mp_obj_t obj = mp_set_remove_first(set_of(self_in));
    if (obj == MP_OBJ_NULL) {
        mp_raise_msg(&mp_type_KeyError, MP_ERROR_TEXT("pop from an empty set"));
    }
    return obj;
}
static MP_DEFINE_CONST_FUN_OBJ_1(set_pop_obj, set_pop);

static mp_obj_t set_remove(mp_obj_t self_in, mp_obj_t item) {
    if (mp_set_lookup(set_of(self_in), item, MP_MAP_LOOKUP_REMOVE_IF_FOUND) == MP_OBJ_NULL) {
        nlr_raise(mp_obj_new_exception_arg1(&mp_type_KeyError, item));
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_remove_obj, set_remove);

static mp_obj_t set_symmetric_difference_update(mp_obj_t self_in, mp_obj_t other_in) {
    mp_set_t *set = set_of(self_in);
    mp_obj_t iter = mp_getiter(other_in, NULL);
    mp_obj_t next;
    while ((next = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        mp_set_lookup(set, next, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND_OR_REMOVE_IF_FOUND);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_symmetric_difference_update_obj, set_symmetric_difference_update);

static mp_obj_t set_symmetric_difference(mp_obj_t self_in, mp_obj_t other_in) {
    mp_obj_t self_out = set_copy(self_in);
    set_symmetric_difference_update(self_out, other_in);
    return self_out;
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_symmetric_difference_obj, set_symmetric_difference);

static mp_obj_t set_update(size_t n_args, const mp_obj_t *args) {
    for (size_t i = 1; i < n_args; i++) {
        set_update_int(args[0], args[i]);
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR(set_update_obj, 1, set_update);

static mp_obj_t set_union(mp_obj_t self_in, mp_obj_t other_in) {
    mp_obj_t self = set_copy(self_in);
    set_update_int(self, other_in);
    return self;
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_union_obj, set_union);

/******************************************************************************/
// Operators

static mp_obj_t set_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mp_set_t *set = set_of(self_in);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(set->used != 0);
        case MP_UNARY_OP_LEN:
            return MP_OBJ_NEW_SMALL_INT(set->used);
        case MP_UNARY_OP_HASH:
            if (mp_obj_is_type(self_in, &mp_type_frozenset)) {
                // The sum of the items' hashes: independent of their order.
                mp_uint_t hash = FROZENSET_HASH_SEED;
                for (size_t i = 0; i < set->alloc; i++) {
                    if (mp_set_slot_is_filled(set, i)) {
                        hash += (mp_uint_t)MP_OBJ_SMALL_INT_VALUE(mp_unary_op(MP_UNARY_OP_HASH, set->table[i]));
                    }
                }
                return MP_OBJ_NEW_SMALL_INT(hash);
            }
            return MP_OBJ_NULL; // a set is unhashable
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t set_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    mp_obj_t args[2] = {lhs, rhs};
    // A frozenset's in-place operators make a new object.
    bool update = mp_obj_is_type(lhs, &mp_type_set);
    if (op != MP_BINARY_OP_CONTAINS && !is_set_or_frozenset(rhs)) {
        return MP_OBJ_NULL;
    }
    switch (op) {
        case MP_BINARY_OP_OR:
            return set_union(lhs, rhs);
        case MP_BINARY_OP_XOR:
            return set_symmetric_difference(lhs, rhs);
        case MP_BINARY_OP_AND:
            return set_intersect(lhs, rhs);
        case MP_BINARY_OP_SUBTRACT:
            return set_diff(2, args);
        case MP_BINARY_OP_INPLACE_OR:
            if (update) {
                set_update(2, args);
                return lhs;
            }
            return set_union(lhs, rhs);
        case MP_BINARY_OP_INPLACE_XOR:
            if (update) {
                set_symmetric_difference_update(lhs, rhs);
                return lhs;
            }
            return set_symmetric_difference(lhs, rhs);
        case MP_BINARY_OP_INPLACE_AND: {
            mp_obj_t res = set_intersect_int(lhs, rhs, update);
            return update ? lhs : res;
        }
        case MP_BINARY_OP_INPLACE_SUBTRACT:
            return set_diff_int(2, args, update);
        case MP_BINARY_OP_LESS:
            return set_issubset_internal(lhs, rhs, true);
        case MP_BINARY_OP_MORE:
            return set_issubset_internal(rhs, lhs, true);
        case MP_BINARY_OP_EQUAL:
            return set_equal(lhs, rhs);
        case MP_BINARY_OP_LESS_EQUAL:
            return set_issubset(lhs, rhs);
        case MP_BINARY_OP_MORE_EQUAL:
            return set_issuperset(lhs, rhs);
        case MP_BINARY_OP_CONTAINS:
            return mp_obj_new_bool(mp_set_lookup(set_of(lhs), rhs, MP_MAP_LOOKUP) != MP_OBJ_NULL);
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t set_contains(mp_obj_t self_in, mp_obj_t item) {
    return set_binary_op(MP_BINARY_OP_CONTAINS, self_in, item);
}
static MP_DEFINE_CONST_FUN_OBJ_2(set_contains_obj, set_contains);

/******************************************************************************/
// The types

static const mp_rom_map_elem_t set_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_add), MP_ROM_PTR(&set_add_obj) },
    { MP_ROM_QSTR(MP_QSTR_clear), MP_ROM_PTR(&set_clear_obj) },
    { MP_ROM_QSTR(MP_QSTR_copy), MP_ROM_PTR(&set_copy_obj) },
    { MP_ROM_QSTR(MP_QSTR_discard), MP_ROM_PTR(&set_discard_obj) },
    { MP_ROM_QSTR(MP_QSTR_difference), MP_ROM_PTR(&set_diff_obj) },
    { MP_ROM_QSTR(MP_QSTR_difference_update), MP_ROM_PTR(&set_diff_update_obj) },
    { MP_ROM_QSTR(MP_QSTR_intersection), MP_ROM_PTR(&set_intersect_obj) },
    { MP_ROM_QSTR(MP_QSTR_intersection_update), MP_ROM_PTR(&set_intersect_update_obj) },
    { MP_ROM_QSTR(MP_QSTR_isdisjoint), MP_ROM_PTR(&set_isdisjoint_obj) },
    { MP_ROM_QSTR(MP_QSTR_issubset), MP_ROM_PTR(&set_issubset_obj) },
    { MP_ROM_QSTR(MP_QSTR_issuperset), MP_ROM_PTR(&set_issuperset_obj) },
    { MP_ROM_QSTR(MP_QSTR_pop), MP_ROM_PTR(&set_pop_obj) },
    { MP_ROM_QSTR(MP_QSTR_remove), MP_ROM_PTR(&set_remove_obj) },
    { MP_ROM_QSTR(MP_QSTR_symmetric_difference), MP_ROM_PTR(&set_symmetric_difference_obj) },
    { MP_ROM_QSTR(MP_QSTR_symmetric_difference_update), MP_ROM_PTR(&set_symmetric_difference_update_obj) },
    { MP_ROM_QSTR(MP_QSTR_union), MP_ROM_PTR(&set_union_obj) },
    { MP_ROM_QSTR(MP_QSTR_update), MP_ROM_PTR(&set_update_obj) },
    { MP_ROM_QSTR(MP_QSTR___contains__), MP_ROM_PTR(&set_contains_obj) },
};
static MP_DEFINE_CONST_DICT(set_locals_dict, set_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_set,
    MP_QSTR_set,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, set_make_new,
    print, set_print,
    unary_op, set_unary_op,
    binary_op, set_binary_op,
    iter, set_getiter,
    locals_dict, &set_locals_dict
    );

static const mp_rom_map_elem_t frozenset_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_copy), MP_ROM_PTR(&set_copy_obj) },
    { MP_ROM_QSTR(MP_QSTR_difference), MP_ROM_PTR(&set_diff_obj) },
    { MP_ROM_QSTR(MP_QSTR_intersection), MP_ROM_PTR(&set_intersect_obj) },
    { MP_ROM_QSTR(MP_QSTR_isdisjoint), MP_ROM_PTR(&set_isdisjoint_obj) },
    { MP_ROM_QSTR(MP_QSTR_issubset), MP_ROM_PTR(&set_issubset_obj) },
    { MP_ROM_QSTR(MP_QSTR_issuperset), MP_ROM_PTR(&set_issuperset_obj) },
    { MP_ROM_QSTR(MP_QSTR_symmetric_difference), MP_ROM_PTR(&set_symmetric_difference_obj) },
    { MP_ROM_QSTR(MP_QSTR_union), MP_ROM_PTR(&set_union_obj) },
    { MP_ROM_QSTR(MP_QSTR___contains__), MP_ROM_PTR(&set_contains_obj) },
};
static MP_DEFINE_CONST_DICT(frozenset_locals_dict, frozenset_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_frozenset,
    MP_QSTR_frozenset,
    // As in MicroPython: lets frozenset == set reach set_binary_op.
    MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE | MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, set_make_new,
    print, set_print,
    unary_op, set_unary_op,
    binary_op, set_binary_op,
    iter, set_getiter,
    locals_dict, &frozenset_locals_dict
    );

/******************************************************************************/
// The C interface

mp_obj_t mp_obj_new_set(size_t n_args, mp_obj_t *items) {
    mp_obj_set_t *o = mp_obj_malloc(mp_obj_set_t, &mp_type_set);
    mp_set_init(&o->set, n_args);
    for (size_t i = 0; i < n_args; i++) {
        mp_set_lookup(&o->set, items[i], MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    }
    return MP_OBJ_FROM_PTR(o);
}

void mp_obj_set_store(mp_obj_t self_in, mp_obj_t item) {
    mp_set_lookup(set_of(self_in), item, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
}
