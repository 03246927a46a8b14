// dict over runtime/map.h: construction, printing, equality, `in`, len,
// subscript load/store/delete (KeyError carries the key), | and |=,
// iteration, the views keys()/values()/items(), and the methods clear, copy,
// fromkeys, get, pop, popitem, setdefault and update.
//
// collections.OrderedDict is the same object over an ordered map (kept in
// insertion order), as in MicroPython: it prints as OrderedDict({...}), and
// two of them are equal only with the same items in the same order.
#include <string.h>

#include "runtime/runtime.h"

static mp_obj_t dict_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);

// A dict or an OrderedDict (the types made by dict_make_new).
bool mp_obj_is_dict_or_ordereddict(mp_obj_t o) {
    return mp_obj_is_obj(o)
        && MP_OBJ_TYPE_GET_SLOT_OR_NULL(((mp_obj_base_t *)MP_OBJ_TO_PTR(o))->type, make_new) == dict_make_new;
}

static mp_obj_dict_t *dict_self(mp_obj_t self_in) {
    return MP_OBJ_TO_PTR(self_in);
}

// A fixed dict (a module's ROM table) cannot change: TypeError, no message.
static void dict_ensure_not_fixed(const mp_obj_dict_t *dict) {
    if (dict->map.is_fixed) {
        mp_raise_type(&mp_type_TypeError);
    }
}

static NORETURN void dict_raise_key_error(mp_obj_t key) {
    nlr_raise(mp_obj_new_exception_arg1(&mp_type_KeyError, key));
}

static mp_map_elem_t *dict_iter_next(mp_obj_dict_t *dict, size_t *cur) {
    return mp_map_iter_next(&dict->map, cur);
}

static void dict_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    mp_obj_dict_t *self = dict_self(self_in);
    bool json = kind == PRINT_JSON;
    if (!json) {
        kind = PRINT_REPR;
    }
    bool named = !json && self->base.type != &mp_type_dict;
    if (named) {
        mp_printf(print, "%q(", (qstr)self->base.type->name);
    }
    mp_print_str(print, "{");
    size_t cur = 0;
    mp_map_elem_t *next;
    bool first = true;
    while ((next = dict_iter_next(self, &cur)) != NULL) {
        if (!first) {
            mp_print_str(print, ", ");
        }
        first = false;
        // JSON object keys are strings: quote any other key.
        bool quote = json && !mp_obj_is_str(next->key) && !mp_obj_is_type(next->key, &mp_type_bytes);
        if (quote) {
            mp_print_str(print, "\"");
        }
        mp_obj_print_helper(print, next->key, kind);
        if (quote) {
            mp_print_str(print, "\"");
        }
        mp_print_str(print, ": ");
        mp_obj_print_helper(print, next->value, kind);
    }
    mp_print_str(print, "}");
    if (named) {
        mp_print_str(print, ")");
    }
}

// dict.update(self, [other], **kwargs): other is a dict or an iterable of
// key/value pairs.
static mp_obj_t dict_update(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    mp_obj_dict_t *self = dict_self(args[0]);
    mp_arg_check_num(n_args, kwargs->used, 1, 2, true);
    dict_ensure_not_fixed(self);
    if (n_args == 2) {
        if (mp_obj_is_dict_or_ordereddict(args[1])) {
            if (args[1] != args[0]) {
                size_t cur = 0;
                mp_map_elem_t *elem;
                while ((elem = dict_iter_next(dict_self(args[1]), &cur)) != NULL) {
                    mp_map_lookup(&self->map, elem->key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = elem->value;
                }
            }
        } else {
            mp_obj_t iter = mp_getiter(args[1], NULL);
            mp_obj_t next;
            while ((next = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
                mp_obj_t inner = mp_getiter(next, NULL);
                mp_obj_t key = mp_iternext(inner);
                mp_obj_t value = key == MP_OBJ_STOP_ITERATION ? MP_OBJ_STOP_ITERATION : mp_iternext(inner);
                mp_obj_t stop = value == MP_OBJ_STOP_ITERATION ? MP_OBJ_STOP_ITERATION : mp_iternext(inner);
                if (key == MP_OBJ_STOP_ITERATION || value == MP_OBJ_STOP_ITERATION || stop != MP_OBJ_STOP_ITERATION) {
                    mp_raise_ValueError(MP_ERROR_TEXT("dict update sequence has wrong length"));
                }
                mp_map_lookup(&self->map, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
            }
        }
    }
    for (size_t i = 0; i < kwargs->alloc; i++) {
        if (mp_map_slot_is_filled(kwargs, i)) {
            mp_map_lookup(&self->map, kwargs->table[i].key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = kwargs->table[i].value;
        }
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_KW(dict_update_obj, 1, dict_update);

static mp_obj_t dict_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_obj_t dict_out = mp_obj_new_dict(0);
    dict_self(dict_out)->base.type = type;
    if (type == &mp_type_ordereddict) {
        dict_self(dict_out)->map.is_ordered = 1;
    }
    if (n_args > 0 || n_kw > 0) {
        mp_obj_t args2[2] = {dict_out, n_args > 0 ? args[0] : MP_OBJ_NULL};
        mp_map_t kwargs;
        mp_map_init_fixed_table(&kwargs, n_kw, args + n_args);
        dict_update(n_args + 1, args2, &kwargs);
    }
    return dict_out;
}

static mp_obj_t dict_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    mp_obj_dict_t *self = dict_self(self_in);
    switch (op) {
        case MP_UNARY_OP_BOOL:
            return mp_obj_new_bool(self->map.used != 0);
        case MP_UNARY_OP_LEN:
            return MP_OBJ_NEW_SMALL_INT(self->map.used);
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t dict_copy(mp_obj_t self_in);

static mp_obj_t dict_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    mp_obj_dict_t *o = dict_self(lhs_in);
    switch (op) {
        case MP_BINARY_OP_CONTAINS:
            return mp_obj_new_bool(mp_map_lookup(&o->map, rhs_in, MP_MAP_LOOKUP) != NULL);
        case MP_BINARY_OP_EQUAL: {
            if (mp_obj_is_type(lhs_in, &mp_type_ordereddict) && mp_obj_is_type(rhs_in, &mp_type_ordereddict)) {
                // The same items in the same order.
                mp_obj_dict_t *rhs = dict_self(rhs_in);
                size_t c1 = 0, c2 = 0;
                mp_map_elem_t *e1 = dict_iter_next(o, &c1), *e2 = dict_iter_next(rhs, &c2);
                for (; e1 != NULL && e2 != NULL; e1 = dict_iter_next(o, &c1), e2 = dict_iter_next(rhs, &c2)) {
                    if (!mp_obj_equal(e1->key, e2->key) || !mp_obj_equal(e1->value, e2->value)) {
                        return mp_const_false;
                    }
                }
                return mp_obj_new_bool(e1 == NULL && e2 == NULL);
            }
            if (!mp_obj_is_type(rhs_in, &mp_type_dict)) {
                return mp_const_false;
            }
            mp_obj_dict_t *rhs = dict_self(rhs_in);
            if (o->map.used != rhs->map.used) {
                return mp_const_false;
            }
            size_t cur = 0;
            mp_map_elem_t *next;
            while ((next = dict_iter_next(o, &cur)) != NULL) {
                mp_map_elem_t *elem = mp_map_lookup(&rhs->map, next->key, MP_MAP_LOOKUP);
                if (elem == NULL || !mp_obj_equal(next->value, elem->value)) {
                    return mp_const_false;
                }
            }
            return mp_const_true;
        }
        case MP_BINARY_OP_OR:
        case MP_BINARY_OP_INPLACE_OR: {
            if (op == MP_BINARY_OP_OR) {
                lhs_in = dict_copy(lhs_in);
            }
            mp_obj_t args[2] = {lhs_in, rhs_in};
            mp_map_t no_kw;
            mp_map_init_fixed_table(&no_kw, 0, NULL);
            dict_update(2, args, &no_kw);
            return lhs_in;
        }
        default:
            return MP_OBJ_NULL;
    }
}

static mp_obj_t dict_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    if (value == MP_OBJ_NULL) {
        mp_obj_dict_delete(self_in, index);
    } else if (value == MP_OBJ_SENTINEL) {
        return mp_obj_dict_get(self_in, index);
    } else {
        mp_obj_dict_store(self_in, index, value);
    }
    return mp_const_none;
}

/******************************************************************************/
// Iteration over the keys

typedef struct {
    mp_obj_base_t base;
    mp_obj_dict_t *dict;
    size_t cur;
} dict_it_t;

static mp_obj_t dict_it_iternext(mp_obj_t self_in) {
    dict_it_t *self = MP_OBJ_TO_PTR(self_in);
    mp_map_elem_t *next = dict_iter_next(self->dict, &self->cur);
    return next == NULL ? MP_OBJ_STOP_ITERATION : next->key;
}

static MP_DEFINE_CONST_OBJ_TYPE(
    dict_it_type,
    MP_QSTR_iterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, dict_it_iternext
    );

static mp_obj_t dict_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    _Static_assert(sizeof(dict_it_t) <= sizeof(mp_obj_iter_buf_t), "dict iterator fits the buffer");
    dict_it_t *it = iter_buf != NULL ? (dict_it_t *)iter_buf : mp_obj_malloc(dict_it_t, &dict_it_type);
    it->base.type = &dict_it_type;
    it->dict = dict_self(self_in);
    it->cur = 0;
    return MP_OBJ_FROM_PTR(it);
}

/******************************************************************************/
// Methods

static mp_obj_t dict_clear(mp_obj_t self_in) {
    mp_obj_dict_t *self = dict_self(self_in);
    dict_ensure_not_fixed(self);
    mp_map_clear(&self->map);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(dict_clear_obj, dict_clear);

// A copy has the same table size and slot positions, hence the same order.
static mp_obj_t dict_copy(mp_obj_t self_in) {
    mp_obj_dict_t *self = dict_self(self_in);
    mp_obj_t other_out = mp_obj_new_dict(self->map.alloc);
    mp_obj_dict_t *other = dict_self(other_out);
    other->base.type = self->base.type;
    if (other->map.alloc == self->map.alloc) {
        if (self->map.alloc > 0) {
            memcpy(other->map.table, self->map.table, self->map.alloc * sizeof(mp_map_elem_t));
        }
        other->map.used = self->map.used;
        other->map.all_keys_are_qstrs = self->map.all_keys_are_qstrs;
        other->map.is_ordered = self->map.is_ordered;
    } else {
        size_t cur = 0;
        mp_map_elem_t *elem;
        while ((elem = dict_iter_next(self, &cur)) != NULL) {
            mp_map_lookup(&other->map, elem->key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = elem->value;
        }
    }
    return other_out;
}
static MP_DEFINE_CONST_FUN_OBJ_1(dict_copy_obj, dict_copy);

// dict.fromkeys(iterable, value=None), a classmethod: args[0] is the class.
static mp_obj_t dict_fromkeys(size_t n_args, const mp_obj_t *args) {
    mp_obj_t iter = mp_getiter(args[1], NULL);
    mp_obj_t value = n_args > 2 ? args[2] : mp_const_none;
    // The table is sized from the argument's length when it has one (this
    // decides the iteration order, as in MicroPython).
    mp_obj_t len = mp_obj_len_maybe(args[1]);
    mp_obj_t self_out = mp_obj_new_dict(len == MP_OBJ_NULL ? 0 : (size_t)MP_OBJ_SMALL_INT_VALUE(len));
    mp_obj_dict_t *self = dict_self(self_out);
    mp_obj_t next;
    while ((next = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        mp_map_lookup(&self->map, next, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    }
    return self_out;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(dict_fromkeys_fun_obj, 2, 3, dict_fromkeys);
static const mp_rom_obj_static_class_method_t dict_fromkeys_obj = {
    {&mp_type_classmethod}, MP_ROM_PTR(&dict_fromkeys_fun_obj)
};

// get (lookup), setdefault (add) and pop (remove) share this: args are
// self, key and an optional default.
static mp_obj_t dict_get_helper(size_t n_args, const mp_obj_t *args, mp_map_lookup_kind_t kind) {
    mp_obj_dict_t *self = dict_self(args[0]);
    if (kind != MP_MAP_LOOKUP) {
        dict_ensure_not_fixed(self);
    }
    mp_map_elem_t *elem = mp_map_lookup(&self->map, args[1], kind);
    if (elem == NULL || elem->value == MP_OBJ_NULL) {
        mp_obj_t value;
        if (n_args > 2) {
            value = args[2];
        } else if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
            dict_raise_key_error(args[1]);
        } else {
            value = mp_const_none;
        }
        if (kind == MP_MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            elem->value = value;
        }
        return value;
    }
    mp_obj_t value = elem->value;
    if (kind == MP_MAP_LOOKUP_REMOVE_IF_FOUND) {
        elem->value = MP_OBJ_NULL; // let the collector have it
    }
    return value;
}

static mp_obj_t dict_get(size_t n_args, const mp_obj_t *args) {
    return dict_get_helper(n_args, args, MP_MAP_LOOKUP);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(dict_get_obj, 2, 3, dict_get);

static mp_obj_t dict_pop(size_t n_args, const mp_obj_t *args) {
    return dict_get_helper(n_args, args, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(dict_pop_obj, 2, 3, dict_pop);

static mp_obj_t dict_setdefault(size_t n_args, const mp_obj_t *args) {
    return dict_get_helper(n_args, args, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(dict_setdefault_obj, 2, 3, dict_setdefault);

// Removes the first entry in iteration order (the last of an ordered map),
// leaving a deleted-entry marker in its slot as MicroPython does, so that
// later orders stay the same as MicroPython's.
static mp_obj_t dict_popitem(mp_obj_t self_in) {
    mp_obj_dict_t *self = dict_self(self_in);
    dict_ensure_not_fixed(self);
    if (self->map.used == 0) {
        mp_raise_msg(&mp_type_KeyError, MP_ERROR_TEXT("popitem(): dictionary is empty"));
    }
    size_t cur = self->map.is_ordered ? self->map.used - 1 : 0;
    mp_map_elem_t *next = dict_iter_next(self, &cur);
    mp_obj_t items[2] = {next->key, next->value};
    self->map.used--;
    next->key = MP_OBJ_SENTINEL;
    next->value = MP_OBJ_NULL;
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(dict_popitem_obj, dict_popitem);

static mp_obj_t dict_getitem_method(mp_obj_t self_in, mp_obj_t key) {
    return mp_obj_dict_get(self_in, key);
}
static MP_DEFINE_CONST_FUN_OBJ_2(dict_getitem_obj, dict_getitem_method);

static mp_obj_t dict_setitem_method(mp_obj_t self_in, mp_obj_t key, mp_obj_t value) {
    mp_obj_dict_store(self_in, key, value);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_3(dict_setitem_obj, dict_setitem_method);

static mp_obj_t dict_delitem_method(mp_obj_t self_in, mp_obj_t key) {
    mp_obj_dict_delete(self_in, key);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_2(dict_delitem_obj, dict_delitem_method);

/******************************************************************************/
// Views: dict_keys([...]), dict_values([...]), dict_items([...])

typedef enum { DICT_VIEW_ITEMS, DICT_VIEW_KEYS, DICT_VIEW_VALUES } dict_view_kind_t;

static const char *const dict_view_names[] = {"dict_items", "dict_keys", "dict_values"};

typedef struct {
    mp_obj_base_t base;
    mp_obj_t dict;
    dict_view_kind_t kind;
} dict_view_t;

typedef struct {
    mp_obj_base_t base;
    mp_obj_dict_t *dict;
    dict_view_kind_t kind;
    size_t cur;
} dict_view_it_t;

static mp_obj_t dict_view_it_iternext(mp_obj_t self_in) {
    dict_view_it_t *self = MP_OBJ_TO_PTR(self_in);
    mp_map_elem_t *next = dict_iter_next(self->dict, &self->cur);
    if (next == NULL) {
        return MP_OBJ_STOP_ITERATION;
    }
    switch (self->kind) {
        case DICT_VIEW_ITEMS: {
            mp_obj_t items[2] = {next->key, next->value};
            return mp_obj_new_tuple(2, items);
        }
        case DICT_VIEW_KEYS:
            return next->key;
        default:
            return next->value;
    }
}

static MP_DEFINE_CONST_OBJ_TYPE(
    dict_view_it_type,
    MP_QSTR_iterator,
    MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, dict_view_it_iternext
    );

static mp_obj_t dict_view_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    _Static_assert(sizeof(dict_view_it_t) <= sizeof(mp_obj_iter_buf_t), "view iterator fits the buffer");
    dict_view_t *view = MP_OBJ_TO_PTR(self_in);
    dict_view_it_t *it = iter_buf != NULL ? (dict_view_it_t *)iter_buf : mp_obj_malloc(dict_view_it_t, &dict_view_it_type);
    it->base.type = &dict_view_it_type;
    it->dict = dict_self(view->dict);
    it->kind = view->kind;
    it->cur = 0;
    return MP_OBJ_FROM_PTR(it);
}

static void dict_view_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    (void)kind;
    dict_view_t *self = MP_OBJ_TO_PTR(self_in);
    mp_print_str(print, dict_view_names[self->kind]);
    mp_print_str(print, "([");
    mp_obj_iter_buf_t iter_buf;
    mp_obj_t it = dict_view_getiter(self_in, &iter_buf);
    mp_obj_t next;
    bool first = true;
    while ((next = dict_view_it_iternext(it)) != MP_OBJ_STOP_ITERATION) {
        if (!first) {
            mp_print_str(print, ", ");
        }
        first = false;
        mp_obj_print_helper(print, next, PRINT_REPR);
    }
    mp_print_str(print, "])");
}

static mp_obj_t dict_view_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    dict_view_t *self = MP_OBJ_TO_PTR(self_in);
    // As in MicroPython, only values() views hash (by identity); they have
    // no len().
    if (op == MP_UNARY_OP_HASH && self->kind == DICT_VIEW_VALUES) {
        return MP_OBJ_NEW_SMALL_INT((mp_uint_t)self_in);
    }
    return MP_OBJ_NULL;
}

static mp_obj_t dict_view_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    dict_view_t *self = MP_OBJ_TO_PTR(lhs_in);
    if (self->kind != DICT_VIEW_KEYS || op != MP_BINARY_OP_CONTAINS) {
        return MP_OBJ_NULL;
    }
    return dict_binary_op(op, self->dict, rhs_in);
}

static MP_DEFINE_CONST_OBJ_TYPE(
    dict_view_type,
    MP_QSTR_dict_view,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    print, dict_view_print,
    unary_op, dict_view_unary_op,
    binary_op, dict_view_binary_op,
    iter, dict_view_getiter
    );

static mp_obj_t dict_new_view(mp_obj_t dict, dict_view_kind_t kind) {
    dict_view_t *o = mp_obj_malloc(dict_view_t, &dict_view_type);
    o->dict = dict;
    o->kind = kind;
    return MP_OBJ_FROM_PTR(o);
}

static mp_obj_t dict_items(mp_obj_t self_in) {
    return dict_new_view(self_in, DICT_VIEW_ITEMS);
}
static MP_DEFINE_CONST_FUN_OBJ_1(dict_items_obj, dict_items);

static mp_obj_t dict_keys(mp_obj_t self_in) {
    return dict_new_view(self_in, DICT_VIEW_KEYS);
}
static MP_DEFINE_CONST_FUN_OBJ_1(dict_keys_obj, dict_keys);

static mp_obj_t dict_values(mp_obj_t self_in) {
    return dict_new_view(self_in, DICT_VIEW_VALUES);
}
static MP_DEFINE_CONST_FUN_OBJ_1(dict_values_obj, dict_values);

/******************************************************************************/
// The type

static const mp_rom_map_elem_t dict_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_clear), MP_ROM_PTR(&dict_clear_obj) },
    { MP_ROM_QSTR(MP_QSTR_copy), MP_ROM_PTR(&dict_copy_obj) },
    { MP_ROM_QSTR(MP_QSTR_fromkeys), MP_ROM_PTR(&dict_fromkeys_obj) },
    { MP_ROM_QSTR(MP_QSTR_get), MP_ROM_PTR(&dict_get_obj) },
    { MP_ROM_QSTR(MP_QSTR_items), MP_ROM_PTR(&dict_items_obj) },
    { MP_ROM_QSTR(MP_QSTR_keys), MP_ROM_PTR(&dict_keys_obj) },
    { MP_ROM_QSTR(MP_QSTR_pop), MP_ROM_PTR(&dict_pop_obj) },
    { MP_ROM_QSTR(MP_QSTR_popitem), MP_ROM_PTR(&dict_popitem_obj) },
    { MP_ROM_QSTR(MP_QSTR_setdefault), MP_ROM_PTR(&dict_setdefault_obj) },
    { MP_ROM_QSTR(MP_QSTR_update), MP_ROM_PTR(&dict_update_obj) },
    { MP_ROM_QSTR(MP_QSTR_values), MP_ROM_PTR(&dict_values_obj) },
    { MP_ROM_QSTR(MP_QSTR___getitem__), MP_ROM_PTR(&dict_getitem_obj) },
    { MP_ROM_QSTR(MP_QSTR___setitem__), MP_ROM_PTR(&dict_setitem_obj) },
    { MP_ROM_QSTR(MP_QSTR___delitem__), MP_ROM_PTR(&dict_delitem_obj) },
};
static MP_DEFINE_CONST_DICT(dict_locals_dict, dict_locals_dict_table);

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_dict,
    MP_QSTR_dict,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, dict_make_new,
    print, dict_print,
    unary_op, dict_unary_op,
    binary_op, dict_binary_op,
    subscr, dict_subscr,
    iter, dict_getiter,
    locals_dict, &dict_locals_dict
    );

MP_DEFINE_CONST_OBJ_TYPE(
    mp_type_ordereddict,
    MP_QSTR_OrderedDict,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, dict_make_new,
    print, dict_print,
    unary_op, dict_unary_op,
    binary_op, dict_binary_op,
    subscr, dict_subscr,
    iter, dict_getiter,
    parent, &mp_type_dict,
    locals_dict, &dict_locals_dict
    );

/******************************************************************************/
// The C interface

mp_obj_t mp_obj_new_dict(size_t n_args) {
    mp_obj_dict_t *o = mp_obj_malloc(mp_obj_dict_t, &mp_type_dict);
    mp_map_init(&o->map, n_args);
    return MP_OBJ_FROM_PTR(o);
}

size_t mp_obj_dict_len(mp_obj_t self_in) {
    return dict_self(self_in)->map.used;
}

mp_obj_t mp_obj_dict_store(mp_obj_t self_in, mp_obj_t key, mp_obj_t value) {
    mp_obj_dict_t *self = dict_self(self_in);
    dict_ensure_not_fixed(self);
    mp_map_lookup(&self->map, key, MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    return self_in;
}

mp_obj_t mp_obj_dict_get(mp_obj_t self_in, mp_obj_t index) {
    mp_map_elem_t *elem = mp_map_lookup(&dict_self(self_in)->map, index, MP_MAP_LOOKUP);
    if (elem == NULL) {
        dict_raise_key_error(index);
    }
    return elem->value;
}

mp_obj_t mp_obj_dict_delete(mp_obj_t self_in, mp_obj_t key) {
    mp_obj_t args[2] = {self_in, key};
    dict_get_helper(2, args, MP_MAP_LOOKUP_REMOVE_IF_FOUND);
    return self_in;
}
