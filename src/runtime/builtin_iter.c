// Built-ins over iterables: len, all, any, callable, iter, next, min, max,
// sorted, sum.
#include "runtime/modbuiltins.h"

static mp_obj_t builtin_len(mp_obj_t o) {
    return mp_obj_len(o);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_len_obj, builtin_len);

static mp_obj_t builtin_all(mp_obj_t iterable) {
    mp_obj_iter_buf_t iter_buf;
    mp_obj_t iter = mp_getiter(iterable, &iter_buf);
    mp_obj_t item;
    while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        if (!mp_obj_is_true(item)) {
            return mp_const_false;
        }
    }
    return mp_const_true;
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_all_obj, builtin_all);

static mp_obj_t builtin_any(mp_obj_t iterable) {
    mp_obj_iter_buf_t iter_buf;
    mp_obj_t iter = mp_getiter(iterable, &iter_buf);
    mp_obj_t item;
    while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        if (mp_obj_is_true(item)) {
            return mp_const_true;
        }
    }
    return mp_const_false;
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_any_obj, builtin_any);

static mp_obj_t builtin_callable(mp_obj_t o) {
    return mp_obj_new_bool(mp_obj_is_callable(o));
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_callable_obj, builtin_callable);

static mp_obj_t builtin_iter(mp_obj_t o) {
    // No iter_buf: the iterator outlives this call.
    return mp_getiter(o, NULL);
}
MP_DEFINE_CONST_FUN_OBJ_1(mp_builtin_iter_obj, builtin_iter);

static mp_obj_t builtin_next(size_t n_args, const mp_obj_t *args) {
    mp_state.stop_iteration_arg = MP_OBJ_NULL; // a generator's return value lands here
    if (n_args == 1) {
        // A __next__ raising StopIteration is seen as it raised it.
        mp_obj_t item = mp_iternext_allow_raise(args[0]);
        if (item == MP_OBJ_STOP_ITERATION) {
            mp_raise_StopIteration(mp_state.stop_iteration_arg);
        }
        return item;
    }
    mp_obj_t item = mp_iternext(args[0]);
    return item == MP_OBJ_STOP_ITERATION ? args[1] : item;
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin_next_obj, 1, 2, builtin_next);

// min and max: op is MP_BINARY_OP_LESS (min) or MP_BINARY_OP_MORE (max); an
// item replaces the best so far only when strictly better, so the first of
// equal items wins, as in CPython.
static mp_obj_t min_max(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs, mp_binary_op_t op) {
    mp_obj_t key_fn = mp_const_none;
    mp_obj_t dflt = MP_OBJ_NULL;
    for (size_t i = 0; i < kwargs->alloc; i++) {
        if (!mp_map_slot_is_filled(kwargs, i)) {
            continue;
        }
        mp_obj_t k = kwargs->table[i].key;
        if (k == MP_OBJ_NEW_QSTR(MP_QSTR_key)) {
            key_fn = kwargs->table[i].value;
        } else if (k == MP_OBJ_NEW_QSTR(MP_QSTR_default)) {
            dflt = kwargs->table[i].value;
        } else {
            mp_raise_TypeError(MP_ERROR_TEXT("extra keyword arguments given"));
        }
    }
    mp_obj_t best_obj = MP_OBJ_NULL;
    mp_obj_t best_key = MP_OBJ_NULL;
    if (n_args == 1) {
        mp_obj_iter_buf_t iter_buf;
        mp_obj_t iter = mp_getiter(args[0], &iter_buf);
        mp_obj_t item;
        while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
            mp_obj_t key = key_fn == mp_const_none ? item : mp_call_function_1(key_fn, item);
            if (best_obj == MP_OBJ_NULL || mp_obj_is_true(mp_binary_op(op, key, best_key))) {
                best_key = key;
                best_obj = item;
            }
        }
        if (best_obj == MP_OBJ_NULL) {
            if (dflt != MP_OBJ_NULL) {
                return dflt;
            }
            mp_raise_ValueError(MP_ERROR_TEXT("arg is an empty sequence"));
        }
        return best_obj;
    }
    if (dflt != MP_OBJ_NULL) {
        mp_raise_TypeError(MP_ERROR_TEXT("default can't be used with multiple positional arguments"));
    }
    for (size_t i = 0; i < n_args; i++) {
        mp_obj_t key = key_fn == mp_const_none ? args[i] : mp_call_function_1(key_fn, args[i]);
        if (best_obj == MP_OBJ_NULL || mp_obj_is_true(mp_binary_op(op, key, best_key))) {
            best_key = key;
            best_obj = args[i];
        }
    }
    return best_obj;
}

static mp_obj_t builtin_min(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    return min_max(n_args, args, kwargs, MP_BINARY_OP_LESS);
}
MP_DEFINE_CONST_FUN_OBJ_KW(mp_builtin_min_obj, 1, builtin_min);

static mp_obj_t builtin_max(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    return min_max(n_args, args, kwargs, MP_BINARY_OP_MORE);
}
MP_DEFINE_CONST_FUN_OBJ_KW(mp_builtin_max_obj, 1, builtin_max);

static mp_obj_t builtin_sorted(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    if (n_args > 1) {
        mp_raise_TypeError(MP_ERROR_TEXT("must use keyword argument for key function"));
    }
    mp_obj_t key_fn = mp_const_none;
    bool reverse = false;
    for (size_t i = 0; i < kwargs->alloc; i++) {
        if (!mp_map_slot_is_filled(kwargs, i)) {
            continue;
        }
        mp_obj_t k = kwargs->table[i].key;
        if (k == MP_OBJ_NEW_QSTR(MP_QSTR_key)) {
            key_fn = kwargs->table[i].value;
        } else if (k == MP_OBJ_NEW_QSTR(MP_QSTR_reverse)) {
            reverse = mp_obj_is_true(kwargs->table[i].value);
        } else {
            mp_raise_TypeError(MP_ERROR_TEXT("extra keyword arguments given"));
        }
    }
    mp_obj_t list = mp_obj_list_from_iter(args[0]);
    size_t len;
    mp_obj_t *items;
    mp_obj_list_get(list, &len, &items);
    mp_obj_list_sort_items(items, len, key_fn, reverse);
    return list;
}
MP_DEFINE_CONST_FUN_OBJ_KW(mp_builtin_sorted_obj, 1, builtin_sorted);

static mp_obj_t builtin_sum(size_t n_args, const mp_obj_t *args) {
    mp_obj_t total = n_args > 1 ? args[1] : MP_OBJ_NEW_SMALL_INT(0);
    mp_obj_iter_buf_t iter_buf;
    mp_obj_t iter = mp_getiter(args[0], &iter_buf);
    mp_obj_t item;
    while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
        total = mp_binary_op(MP_BINARY_OP_ADD, total, item);
    }
    return total;
}
MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_builtin_sum_obj, 1, 2, builtin_sum);
