// The runtime proper: names (locals, globals, builtins), truth, equality,
// hashing, the unary and binary operators, calls (with *args/**kwargs),
// attributes and methods, subscripts, iteration, unpacking, the buffer
// protocol and the C stack check. Semantics and messages are MicroPython
// v1.21's (py/runtime.c, py/obj.c).
#include <string.h>

#include "runtime/modbuiltins.h"
#include "runtime/runtime.h"

/******************************************************************************/
// The C stack check

bool mp_stack_exhausted(void) {
    char here;
    return mp_state.stack_limit != NULL && &here < mp_state.stack_limit;
}

void mp_stack_check(void) {
    if (mp_stack_exhausted()) {
        mp_raise_recursion_depth();
    }
}

/******************************************************************************/
// Names

mp_obj_dict_t *mp_swap_globals(mp_obj_dict_t *new_globals) {
    mp_obj_dict_t *old = mp_state.dict_globals;
    mp_state.dict_globals = new_globals;
    return old;
}

mp_obj_t mp_load_name(qstr qst) {
    // At module level locals are the globals: one lookup is enough.
    if (mp_state.dict_locals != mp_state.dict_globals && mp_state.dict_locals != NULL) {
        mp_map_elem_t *elem = mp_map_lookup(&mp_state.dict_locals->map, MP_OBJ_NEW_QSTR(qst), MP_MAP_LOOKUP);
        if (elem != NULL) {
            return elem->value;
        }
    }
    return mp_load_global(qst);
}

mp_obj_t mp_builtins_override_lookup(qstr qst) {
    if (mp_state.builtins_override == NULL) {
        return MP_OBJ_NULL;
    }
    mp_map_elem_t *elem = mp_map_lookup(&mp_state.builtins_override->map, MP_OBJ_NEW_QSTR(qst), MP_MAP_LOOKUP);
    return elem == NULL ? MP_OBJ_NULL : elem->value;
}

mp_obj_t mp_load_global(qstr qst) {
    mp_map_elem_t *elem = NULL;
    if (mp_state.dict_globals != NULL) {
        elem = mp_map_lookup(&mp_state.dict_globals->map, MP_OBJ_NEW_QSTR(qst), MP_MAP_LOOKUP);
    }
    if (elem != NULL) {
        return elem->value;
    }
    mp_obj_t custom = mp_builtins_override_lookup(qst);
    if (custom != MP_OBJ_NULL) {
        return custom;
    }
    elem = mp_map_lookup(&mp_module_builtins.globals->map, MP_OBJ_NEW_QSTR(qst), MP_MAP_LOOKUP);
    if (elem == NULL) {
        mp_raise_msg_varg(&mp_type_NameError, MP_ERROR_TEXT("name '%q' isn't defined"), qst);
    }
    return elem->value;
}

void mp_store_name(qstr qst, mp_obj_t obj) {
    mp_obj_dict_store(MP_OBJ_FROM_PTR(mp_state.dict_locals), MP_OBJ_NEW_QSTR(qst), obj);
}

void mp_store_global(qstr qst, mp_obj_t obj) {
    mp_obj_dict_store(MP_OBJ_FROM_PTR(mp_state.dict_globals), MP_OBJ_NEW_QSTR(qst), obj);
}

// MicroPython deletes straight from the dict: an absent name is a KeyError.
void mp_delete_name(qstr qst) {
    mp_obj_dict_delete(MP_OBJ_FROM_PTR(mp_state.dict_locals), MP_OBJ_NEW_QSTR(qst));
}

void mp_delete_global(qstr qst) {
    mp_obj_dict_delete(MP_OBJ_FROM_PTR(mp_state.dict_globals), MP_OBJ_NEW_QSTR(qst));
}

/******************************************************************************/
// Truth, equality, hash, len, id

bool mp_obj_is_true(mp_obj_t arg) {
    if (arg == mp_const_false || arg == mp_const_none) {
        return false;
    } else if (arg == mp_const_true) {
        return true;
    } else if (mp_obj_is_small_int(arg)) {
        return MP_OBJ_SMALL_INT_VALUE(arg) != 0;
    }
    const mp_obj_type_t *type = mp_obj_get_type(arg);
    if (MP_OBJ_TYPE_HAS_SLOT(type, unary_op)) {
        mp_obj_t result = MP_OBJ_TYPE_GET_SLOT(type, unary_op)(MP_UNARY_OP_BOOL, arg);
        if (result != MP_OBJ_NULL) {
            return result == mp_const_true;
        }
    }
    mp_obj_t len = mp_obj_len_maybe(arg);
    if (len != MP_OBJ_NULL) {
        return len != MP_OBJ_NEW_SMALL_INT(0);
    }
    return true;
}

bool mp_obj_is_callable(mp_obj_t o_in) {
    const mp_obj_type_t *type = mp_obj_get_type(o_in);
    if (MP_OBJ_TYPE_HAS_SLOT(type, call)) {
        if (type->flags & MP_TYPE_FLAG_INSTANCE_TYPE) {
            // An instance is callable when its class defines __call__.
            return mp_obj_type_lookup(type, MP_QSTR___call__) != NULL;
        }
        return true;
    }
    return false;
}

mp_obj_t mp_obj_equal_not_equal(mp_binary_op_t op, mp_obj_t o1, mp_obj_t o2) {
    mp_obj_t local_true = (op == MP_BINARY_OP_NOT_EQUAL) ? mp_const_false : mp_const_true;
    mp_obj_t local_false = (op == MP_BINARY_OP_NOT_EQUAL) ? mp_const_true : mp_const_false;

    // Identity means equality, except for types that say otherwise (a NaN).
    if (o1 == o2 && (mp_obj_is_small_int(o1) || !(mp_obj_get_type(o1)->flags & MP_TYPE_FLAG_EQ_NOT_REFLEXIVE))) {
        return local_true;
    }
    // Nested containers compare their items through here.
    mp_stack_check();
    int pass = 0;
    if (mp_obj_is_str(o1) && mp_obj_is_str(o2)) {
        return mp_obj_str_equal(o1, o2) ? local_true : local_false;
    }
    if ((mp_obj_is_str(o1) && mp_obj_is_exact_type(o2, &mp_type_bytes))
        || (mp_obj_is_str(o2) && mp_obj_is_exact_type(o1, &mp_type_bytes))) {
        // Never equal, and most likely a mistake: MicroPython's unix port warns.
        mp_printf(&mp_stderr_print, "Warning: Comparison between bytes and str\n");
        return local_false;
    }
    if (mp_obj_is_small_int(o1) && mp_obj_is_small_int(o2)) {
        return local_false; // different small ints
    }
    if (mp_obj_is_str(o1) || mp_obj_is_small_int(o1)) {
        // Only the other operand's type can say (a str subclass, an int-like).
        pass = 1;
        mp_obj_t t = o1;
        o1 = o2;
        o2 = t;
    }
    for (; pass < 2; pass++) {
        const mp_obj_type_t *type = mp_obj_get_type(o1);
        // Unless the type compares with other types, a different type is unequal.
        if (MP_OBJ_TYPE_HAS_SLOT(type, binary_op)
            && ((type->flags & MP_TYPE_FLAG_EQ_CHECKS_OTHER_TYPE) || mp_obj_get_type(o2) == type)) {
            if (op == MP_BINARY_OP_NOT_EQUAL && (type->flags & MP_TYPE_FLAG_EQ_HAS_NEQ_TEST)) {
                mp_obj_t r = MP_OBJ_TYPE_GET_SLOT(type, binary_op)(MP_BINARY_OP_NOT_EQUAL, o1, o2);
                if (r != MP_OBJ_NULL) {
                    return r;
                }
            }
            mp_obj_t r = MP_OBJ_TYPE_GET_SLOT(type, binary_op)(MP_BINARY_OP_EQUAL, o1, o2);
            if (r != MP_OBJ_NULL) {
                if (op == MP_BINARY_OP_EQUAL) {
                    return r;
                }
                return mp_obj_is_true(r) ? local_true : local_false;
            }
        }
        mp_obj_t t = o1;
        o1 = o2;
        o2 = t;
    }
    // No type could say: fall back to identity.
    return (o1 == o2) ? local_true : local_false;
}

bool mp_obj_equal(mp_obj_t o1, mp_obj_t o2) {
    return mp_obj_equal_not_equal(MP_BINARY_OP_EQUAL, o1, o2) == mp_const_true;
}

mp_obj_t mp_obj_hash(mp_obj_t o_in) {
    return mp_unary_op(MP_UNARY_OP_HASH, o_in);
}

mp_obj_t mp_obj_len_maybe(mp_obj_t o_in) {
    const mp_obj_type_t *type = mp_obj_get_type(o_in);
    if (MP_OBJ_TYPE_HAS_SLOT(type, unary_op)) {
        return MP_OBJ_TYPE_GET_SLOT(type, unary_op)(MP_UNARY_OP_LEN, o_in);
    }
    return MP_OBJ_NULL;
}

mp_obj_t mp_obj_len(mp_obj_t o_in) {
    mp_obj_t len = mp_obj_len_maybe(o_in);
    if (len == MP_OBJ_NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("object of type '%s' has no len()"),
            mp_obj_get_type_str(o_in));
    }
    return len;
}

mp_obj_t mp_obj_id(mp_obj_t o_in) {
    mp_int_t id = (mp_int_t)o_in;
    if (!mp_obj_is_obj(o_in)) {
        return mp_obj_new_int(id);
    } else if (id >= 0) {
        return MP_OBJ_NEW_SMALL_INT(id);
    }
    return mp_obj_new_int_from_uint((mp_uint_t)id);
}

/******************************************************************************/
// Operators

// Special method names by operator, for error messages (0: none).
static const uint16_t unary_op_names[MP_UNARY_OP_NUM_RUNTIME] = {
    [MP_UNARY_OP_POSITIVE] = MP_QSTR___pos__,
    [MP_UNARY_OP_NEGATIVE] = MP_QSTR___neg__,
    [MP_UNARY_OP_INVERT] = MP_QSTR___invert__,
    [MP_UNARY_OP_BOOL] = MP_QSTR___bool__,
    [MP_UNARY_OP_LEN] = MP_QSTR___len__,
    [MP_UNARY_OP_HASH] = MP_QSTR___hash__,
    [MP_UNARY_OP_ABS] = MP_QSTR___abs__,
    [MP_UNARY_OP_INT_MAYBE] = MP_QSTR___int__,
    [MP_UNARY_OP_FLOAT_MAYBE] = MP_QSTR___float__,
    [MP_UNARY_OP_COMPLEX_MAYBE] = MP_QSTR___complex__,
    [MP_UNARY_OP_SIZEOF] = MP_QSTR___sizeof__,
};

const uint16_t mp_binary_op_method_name[MP_BINARY_OP_REVERSE_POWER + 1] = {
    [MP_BINARY_OP_LESS] = MP_QSTR___lt__,
    [MP_BINARY_OP_MORE] = MP_QSTR___gt__,
    [MP_BINARY_OP_EQUAL] = MP_QSTR___eq__,
    [MP_BINARY_OP_LESS_EQUAL] = MP_QSTR___le__,
    [MP_BINARY_OP_MORE_EQUAL] = MP_QSTR___ge__,
    [MP_BINARY_OP_NOT_EQUAL] = MP_QSTR___ne__,
    [MP_BINARY_OP_CONTAINS] = MP_QSTR___contains__,
    [MP_BINARY_OP_INPLACE_ADD] = MP_QSTR___iadd__,
    [MP_BINARY_OP_INPLACE_SUBTRACT] = MP_QSTR___isub__,
    [MP_BINARY_OP_ADD] = MP_QSTR___add__,
    [MP_BINARY_OP_SUBTRACT] = MP_QSTR___sub__,
    [MP_BINARY_OP_MULTIPLY] = MP_QSTR___mul__,
    [MP_BINARY_OP_MAT_MULTIPLY] = MP_QSTR___matmul__,
    [MP_BINARY_OP_FLOOR_DIVIDE] = MP_QSTR___floordiv__,
    [MP_BINARY_OP_TRUE_DIVIDE] = MP_QSTR___truediv__,
    [MP_BINARY_OP_MODULO] = MP_QSTR___mod__,
    [MP_BINARY_OP_DIVMOD] = MP_QSTR___divmod__,
    [MP_BINARY_OP_POWER] = MP_QSTR___pow__,
    [MP_BINARY_OP_OR] = MP_QSTR___or__,
    [MP_BINARY_OP_XOR] = MP_QSTR___xor__,
    [MP_BINARY_OP_AND] = MP_QSTR___and__,
    [MP_BINARY_OP_LSHIFT] = MP_QSTR___lshift__,
    [MP_BINARY_OP_RSHIFT] = MP_QSTR___rshift__,
    [MP_BINARY_OP_REVERSE_ADD] = MP_QSTR___radd__,
    [MP_BINARY_OP_REVERSE_SUBTRACT] = MP_QSTR___rsub__,
    [MP_BINARY_OP_REVERSE_MULTIPLY] = MP_QSTR___rmul__,
    [MP_BINARY_OP_REVERSE_MAT_MULTIPLY] = MP_QSTR___rmatmul__,
    [MP_BINARY_OP_REVERSE_FLOOR_DIVIDE] = MP_QSTR___rfloordiv__,
    [MP_BINARY_OP_REVERSE_TRUE_DIVIDE] = MP_QSTR___rtruediv__,
    [MP_BINARY_OP_REVERSE_MODULO] = MP_QSTR___rmod__,
    [MP_BINARY_OP_REVERSE_POWER] = MP_QSTR___rpow__,
    [MP_BINARY_OP_REVERSE_OR] = MP_QSTR___ror__,
    [MP_BINARY_OP_REVERSE_XOR] = MP_QSTR___rxor__,
    [MP_BINARY_OP_REVERSE_AND] = MP_QSTR___rand__,
    [MP_BINARY_OP_REVERSE_LSHIFT] = MP_QSTR___rlshift__,
    [MP_BINARY_OP_REVERSE_RSHIFT] = MP_QSTR___rrshift__,
};

static bool is_str_or_bytes(mp_obj_t o) {
    return mp_obj_is_qstr(o) || mp_obj_is_exact_type(o, &mp_type_str) || mp_obj_is_exact_type(o, &mp_type_bytes);
}

mp_obj_t mp_unary_op(mp_unary_op_t op, mp_obj_t arg) {
    if (op == MP_UNARY_OP_NOT) {
        return mp_obj_new_bool(!mp_obj_is_true(arg));
    }
    if (mp_obj_is_small_int(arg)) {
        mp_int_t val = MP_OBJ_SMALL_INT_VALUE(arg);
        switch (op) {
            case MP_UNARY_OP_BOOL:
                return mp_obj_new_bool(val != 0);
            case MP_UNARY_OP_HASH:
            case MP_UNARY_OP_POSITIVE:
            case MP_UNARY_OP_INT_MAYBE:
                return arg;
            case MP_UNARY_OP_NEGATIVE:
                return val == MP_SMALL_INT_MIN ? mp_obj_new_int(-val) : MP_OBJ_NEW_SMALL_INT(-val);
            case MP_UNARY_OP_ABS:
                if (val >= 0) {
                    return arg;
                }
                return val == MP_SMALL_INT_MIN ? mp_obj_new_int(-val) : MP_OBJ_NEW_SMALL_INT(-val);
            case MP_UNARY_OP_INVERT:
                return MP_OBJ_NEW_SMALL_INT(~val);
            default:
                // __float__ and the like: the int type answers.
                break;
        }
    } else if (op == MP_UNARY_OP_HASH && is_str_or_bytes(arg)) {
        size_t h;
        if (mp_obj_is_qstr(arg)) {
            h = qstr_hash(MP_OBJ_QSTR_VALUE(arg));
        } else {
            mp_obj_str_t *s = MP_OBJ_TO_PTR(arg);
            h = s->hash;
            if (h == 0) {
                h = qstr_compute_hash(s->data, s->len);
            }
        }
        return MP_OBJ_NEW_SMALL_INT(h);
    }
    const mp_obj_type_t *type = mp_obj_get_type(arg);
    if (MP_OBJ_TYPE_HAS_SLOT(type, unary_op)) {
        mp_obj_t result = MP_OBJ_TYPE_GET_SLOT(type, unary_op)(op, arg);
        if (result != MP_OBJ_NULL) {
            return result;
        }
    } else if (op == MP_UNARY_OP_HASH) {
        // No unary_op at all: an object hashes by identity.
        return MP_OBJ_NEW_SMALL_INT((mp_uint_t)arg);
    }
    if (op == MP_UNARY_OP_BOOL) {
        return mp_const_true;
    }
    if (op == MP_UNARY_OP_INT_MAYBE || op == MP_UNARY_OP_FLOAT_MAYBE || op == MP_UNARY_OP_COMPLEX_MAYBE) {
        return MP_OBJ_NULL;
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("unsupported type for %q: '%s'"),
        (qstr)unary_op_names[op], mp_obj_get_type_str(arg));
}

// lhs op rhs for two small ints; MP_OBJ_NULL when the result needs the
// generic path (big ints) or op is not arithmetic/comparison.
static mp_obj_t small_int_binary_op(mp_binary_op_t op, mp_int_t lhs_val, mp_int_t rhs_val, bool *unsupported) {
    *unsupported = false;
    switch (op) {
        case MP_BINARY_OP_OR:
        case MP_BINARY_OP_INPLACE_OR:
            return MP_OBJ_NEW_SMALL_INT(lhs_val | rhs_val);
        case MP_BINARY_OP_XOR:
        case MP_BINARY_OP_INPLACE_XOR:
            return MP_OBJ_NEW_SMALL_INT(lhs_val ^ rhs_val);
        case MP_BINARY_OP_AND:
        case MP_BINARY_OP_INPLACE_AND:
            return MP_OBJ_NEW_SMALL_INT(lhs_val & rhs_val);
        case MP_BINARY_OP_LSHIFT:
        case MP_BINARY_OP_INPLACE_LSHIFT:
            if (rhs_val < 0) {
                mp_raise_ValueError(MP_ERROR_TEXT("negative shift count"));
            }
            if (rhs_val >= (mp_int_t)(sizeof(mp_int_t) * 8 - 1)
                || lhs_val > (MP_SMALL_INT_MAX >> rhs_val) || lhs_val < (MP_SMALL_INT_MIN >> rhs_val)) {
                return MP_OBJ_NULL; // needs a big int
            }
            return MP_OBJ_NEW_SMALL_INT((mp_int_t)((mp_uint_t)lhs_val << rhs_val));
        case MP_BINARY_OP_RSHIFT:
        case MP_BINARY_OP_INPLACE_RSHIFT:
            if (rhs_val < 0) {
                mp_raise_ValueError(MP_ERROR_TEXT("negative shift count"));
            }
            if (rhs_val >= (mp_int_t)(sizeof(mp_int_t) * 8)) {
                rhs_val = sizeof(mp_int_t) * 8 - 1; // keeps the sign
            }
            return MP_OBJ_NEW_SMALL_INT(lhs_val >> rhs_val);
        case MP_BINARY_OP_ADD:
        case MP_BINARY_OP_INPLACE_ADD:
        case MP_BINARY_OP_SUBTRACT:
        case MP_BINARY_OP_INPLACE_SUBTRACT: {
            // Small ints have one bit to spare: no C overflow here.
            mp_int_t r = (op == MP_BINARY_OP_ADD || op == MP_BINARY_OP_INPLACE_ADD)
                ? lhs_val + rhs_val : lhs_val - rhs_val;
            if (MP_SMALL_INT_FITS(r)) {
                return MP_OBJ_NEW_SMALL_INT(r);
            }
            return mp_obj_new_int_from_ll(r);
        }
        case MP_BINARY_OP_MULTIPLY:
        case MP_BINARY_OP_INPLACE_MULTIPLY:
            if (mp_small_int_mul_overflow(lhs_val, rhs_val)) {
                return MP_OBJ_NULL;
            }
            return MP_OBJ_NEW_SMALL_INT(lhs_val * rhs_val);
        case MP_BINARY_OP_FLOOR_DIVIDE:
        case MP_BINARY_OP_INPLACE_FLOOR_DIVIDE:
            if (rhs_val == 0) {
                mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
            }
            return mp_obj_new_int(mp_small_int_floor_divide(lhs_val, rhs_val));
        case MP_BINARY_OP_MODULO:
        case MP_BINARY_OP_INPLACE_MODULO:
            if (rhs_val == 0) {
                mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
            }
            return mp_obj_new_int(mp_small_int_modulo(lhs_val, rhs_val));
        case MP_BINARY_OP_TRUE_DIVIDE:
        case MP_BINARY_OP_INPLACE_TRUE_DIVIDE:
            if (rhs_val == 0) {
                mp_raise_msg(&mp_type_ZeroDivisionError, MP_ERROR_TEXT("divide by zero"));
            }
            return mp_obj_new_float((mp_float_t)lhs_val / (mp_float_t)rhs_val);
        case MP_BINARY_OP_POWER:
        case MP_BINARY_OP_INPLACE_POWER:
        case MP_BINARY_OP_DIVMOD:
            return MP_OBJ_NULL; // the int type's own code
        case MP_BINARY_OP_LESS:
            return mp_obj_new_bool(lhs_val < rhs_val);
        case MP_BINARY_OP_MORE:
            return mp_obj_new_bool(lhs_val > rhs_val);
        case MP_BINARY_OP_LESS_EQUAL:
            return mp_obj_new_bool(lhs_val <= rhs_val);
        case MP_BINARY_OP_MORE_EQUAL:
            return mp_obj_new_bool(lhs_val >= rhs_val);
        default:
            *unsupported = true;
            return MP_OBJ_NULL;
    }
}

mp_obj_t mp_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    if (op == MP_BINARY_OP_IS) {
        return mp_obj_new_bool(lhs == rhs);
    }
    if (op == MP_BINARY_OP_EQUAL || op == MP_BINARY_OP_NOT_EQUAL) {
        return mp_obj_equal_not_equal(op, lhs, rhs);
    }
    if (op == MP_BINARY_OP_EXCEPTION_MATCH) {
        // rhs: an exception type or a tuple of them.
        if (mp_obj_is_exception_type(rhs)) {
            return mp_obj_new_bool(mp_obj_exception_match(lhs, rhs));
        } else if (mp_obj_is_type(rhs, &mp_type_tuple)) {
            mp_obj_tuple_t *tuple = MP_OBJ_TO_PTR(rhs);
            for (size_t i = 0; i < tuple->len; i++) {
                rhs = tuple->items[i];
                if (!mp_obj_is_exception_type(rhs)) {
                    goto unsupported;
                }
                if (mp_obj_exception_match(lhs, rhs)) {
                    return mp_const_true;
                }
            }
            return mp_const_false;
        }
        goto unsupported;
    }

    if (mp_obj_is_small_int(lhs) && mp_obj_is_small_int(rhs)) {
        bool unsupported;
        mp_obj_t r = small_int_binary_op(op, MP_OBJ_SMALL_INT_VALUE(lhs), MP_OBJ_SMALL_INT_VALUE(rhs), &unsupported);
        if (r != MP_OBJ_NULL) {
            return r;
        }
        if (unsupported) {
            goto unsupported;
        }
        // Overflowing results and the rest: the int type's binary_op below.
    }

    if (op == MP_BINARY_OP_IN) {
        // "a in b" is b.__contains__(a).
        op = MP_BINARY_OP_CONTAINS;
        mp_obj_t t = lhs;
        lhs = rhs;
        rhs = t;
    }

    for (;;) {
        const mp_obj_type_t *type = mp_obj_get_type(lhs);
        if (MP_OBJ_TYPE_HAS_SLOT(type, binary_op)) {
            mp_obj_t result = MP_OBJ_TYPE_GET_SLOT(type, binary_op)(op, lhs, rhs);
            if (result != MP_OBJ_NULL) {
                return result;
            }
        }
        if (op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER) {
            // No in-place version: the plain operator.
            op += MP_BINARY_OP_OR - MP_BINARY_OP_INPLACE_OR;
            continue;
        }
        if (op >= MP_BINARY_OP_OR && op <= MP_BINARY_OP_POWER) {
            // Try the right operand's reflected operator.
            mp_obj_t t = rhs;
            rhs = lhs;
            lhs = t;
            op += MP_BINARY_OP_REVERSE_OR - MP_BINARY_OP_OR;
            continue;
        }
        if (op >= MP_BINARY_OP_REVERSE_OR && op <= MP_BINARY_OP_REVERSE_POWER) {
            // Neither side: report the plain operator, operands in order.
            mp_obj_t t = rhs;
            rhs = lhs;
            lhs = t;
            op -= MP_BINARY_OP_REVERSE_OR - MP_BINARY_OP_OR;
        }
        break;
    }

    if (op == MP_BINARY_OP_CONTAINS) {
        // No __contains__: search by iteration (TypeError if not iterable).
        mp_obj_iter_buf_t iter_buf;
        mp_obj_t iter = mp_getiter(lhs, &iter_buf);
        mp_obj_t next;
        while ((next = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
            if (mp_obj_equal(next, rhs)) {
                return mp_const_true;
            }
        }
        return mp_const_false;
    }

unsupported:
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("unsupported types for %q: '%s', '%s'"),
        (qstr)(op < MP_ARRAY_SIZE(mp_binary_op_method_name) ? mp_binary_op_method_name[op] : 0),
        mp_obj_get_type_str(lhs), mp_obj_get_type_str(rhs));
}

/******************************************************************************/
// Calls

mp_obj_t mp_call_function_0(mp_obj_t fun) {
    return mp_call_function_n_kw(fun, 0, 0, NULL);
}

mp_obj_t mp_call_function_1(mp_obj_t fun, mp_obj_t arg) {
    return mp_call_function_n_kw(fun, 1, 0, &arg);
}

mp_obj_t mp_call_function_2(mp_obj_t fun, mp_obj_t arg1, mp_obj_t arg2) {
    mp_obj_t args[2] = { arg1, arg2 };
    return mp_call_function_n_kw(fun, 2, 0, args);
}

mp_obj_t mp_call_function_n_kw(mp_obj_t fun_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mp_obj_type_t *type = mp_obj_get_type(fun_in);
    if (MP_OBJ_TYPE_HAS_SLOT(type, call)) {
        return MP_OBJ_TYPE_GET_SLOT(type, call)(fun_in, n_args, n_kw, args);
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object isn't callable"), mp_obj_get_type_str(fun_in));
}

mp_obj_t mp_call_function_n_kw_packed(mp_obj_t fun, size_t n_args_kw, const mp_obj_t *args) {
    return mp_call_function_n_kw(fun, n_args_kw & 0xff, (n_args_kw >> 8) & 0xff, args);
}

mp_obj_t mp_call_method_n_kw(size_t n_args, size_t n_kw, const mp_obj_t *args) {
    // args[1] is self, or MP_OBJ_NULL for a plain function.
    size_t adjust = (args[1] == MP_OBJ_NULL) ? 0 : 1;
    return mp_call_function_n_kw(args[0], n_args + adjust, n_kw, args + 2 - adjust);
}

// The argument array of a call with *args and **kwargs, grown on the heap.
typedef struct {
    mp_obj_t *items;
    size_t len;
    size_t alloc;
} arg_array_t;

static void arg_array_push(arg_array_t *a, mp_obj_t item) {
    if (a->len == a->alloc) {
        size_t new_alloc = a->alloc * 2 + 4;
        a->items = m_renew(mp_obj_t, a->items, a->alloc, new_alloc);
        a->alloc = new_alloc;
    }
    a->items[a->len++] = item;
}

// A keyword's name as a qstr object (keys of **kwargs may be str objects).
static mp_obj_t kw_key_qstr(mp_obj_t key) {
    if (mp_obj_is_qstr(key)) {
        return key;
    }
    return MP_OBJ_NEW_QSTR(mp_obj_str_get_qstr(key));
}

// args: fun, [self,] positional args, (key, value) pairs, then a small int
// bitmap of which positional args are *iterables. A pair with key
// MP_OBJ_NULL is a **mapping.
mp_obj_t mp_call_method_n_kw_var(bool have_self, size_t n_args_n_kw, const mp_obj_t *args) {
    mp_obj_t fun = *args++;
    mp_obj_t self = MP_OBJ_NULL;
    if (have_self) {
        self = *args++;
    }
    size_t n_args = n_args_n_kw & 0xff;
    size_t n_kw = (n_args_n_kw >> 8) & 0xff;
    mp_uint_t star_args = (mp_uint_t)MP_OBJ_SMALL_INT_VALUE(args[n_args + 2 * n_kw]);

    arg_array_t a = { NULL, 0, 0 };
    a.alloc = 1 + n_args + 2 * n_kw;
    a.items = m_new(mp_obj_t, a.alloc);
    if (self != MP_OBJ_NULL) {
        arg_array_push(&a, self);
    }
    for (size_t i = 0; i < n_args; i++) {
        mp_obj_t arg = args[i];
        if (i < 8 * sizeof(mp_uint_t) - 1 && ((star_args >> i) & 1)) {
            if (mp_obj_is_type(arg, &mp_type_tuple) || mp_obj_is_type(arg, &mp_type_list)) {
                size_t len;
                mp_obj_t *items;
                mp_obj_get_array(arg, &len, &items);
                for (size_t j = 0; j < len; j++) {
                    arg_array_push(&a, items[j]);
                }
            } else {
                mp_obj_iter_buf_t iter_buf;
                mp_obj_t iter = mp_getiter(arg, &iter_buf);
                mp_obj_t item;
                while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
                    arg_array_push(&a, item);
                }
            }
        } else {
            arg_array_push(&a, arg);
        }
    }
    size_t n_pos = a.len;

    for (size_t i = 0; i < n_kw; i++) {
        mp_obj_t key = args[n_args + 2 * i];
        mp_obj_t value = args[n_args + 2 * i + 1];
        if (key != MP_OBJ_NULL) {
            arg_array_push(&a, key);
            arg_array_push(&a, value);
        } else if (mp_obj_is_type(value, &mp_type_dict)) {
            mp_map_t *map = mp_obj_dict_get_map(value);
            for (size_t j = 0; j < map->alloc; j++) {
                if (mp_map_slot_is_filled(map, j)) {
                    arg_array_push(&a, kw_key_qstr(map->table[j].key));
                    arg_array_push(&a, map->table[j].value);
                }
            }
        } else {
            // Any mapping: keys() gives the names, [] the values.
            mp_obj_t dest[3];
            mp_load_method(value, MP_QSTR_keys, dest);
            mp_obj_t iter = mp_getiter(mp_call_method_n_kw(0, 0, dest), NULL);
            mp_obj_t k;
            while ((k = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
                k = kw_key_qstr(k);
                mp_load_method(value, MP_QSTR___getitem__, dest);
                dest[2] = k;
                mp_obj_t v = mp_call_method_n_kw(1, 0, dest);
                arg_array_push(&a, k);
                arg_array_push(&a, v);
            }
        }
    }

    mp_obj_t res = mp_call_function_n_kw(fun, n_pos, (a.len - n_pos) / 2, a.items);
    m_free(a.items);
    return res;
}

mp_obj_t mp_call_function_with_kw_map(mp_obj_t fun, size_t n_args, const mp_obj_t *args, mp_map_t *kw) {
    size_t n_kw = kw == NULL ? 0 : kw->used;
    if (n_kw == 0) {
        return mp_call_function_n_kw(fun, n_args, 0, args);
    }
    mp_obj_t *all = m_new(mp_obj_t, n_args + 2 * n_kw);
    memcpy(all, args, n_args * sizeof(mp_obj_t));
    size_t k = n_args;
    for (size_t i = 0; i < kw->alloc; i++) {
        if (mp_map_slot_is_filled(kw, i)) {
            all[k++] = kw_key_qstr(kw->table[i].key);
            all[k++] = kw->table[i].value;
        }
    }
    mp_obj_t res = mp_call_function_n_kw(fun, n_args, (k - n_args) / 2, all);
    m_free(all);
    return res;
}

/******************************************************************************/
// Attributes and methods

void mp_convert_member_lookup(mp_obj_t self, const mp_obj_type_t *type, mp_obj_t member, mp_obj_t *dest) {
    if (!mp_obj_is_obj(member)) {
        dest[0] = member; // a plain value
        return;
    }
    const mp_obj_type_t *m_type = ((mp_obj_base_t *)MP_OBJ_TO_PTR(member))->type;
    if (m_type->flags & MP_TYPE_FLAG_BINDS_SELF) {
        if ((m_type->flags & MP_TYPE_FLAG_BUILTIN_FUN) && (type->flags & MP_TYPE_FLAG_INSTANCE_TYPE)) {
            // A built-in function in a Python class acts as a staticmethod.
            dest[0] = member;
        } else {
            // A method: bound to self (no self when looked up on the type).
            dest[0] = member;
            dest[1] = self;
        }
    } else if (m_type == &mp_type_staticmethod) {
        dest[0] = ((mp_obj_static_class_method_t *)MP_OBJ_TO_PTR(member))->fun;
    } else if (m_type == &mp_type_classmethod) {
        // Bound to the type of the object the lookup started from.
        if (self != MP_OBJ_NULL) {
            type = mp_obj_get_type(self);
            if (type == &mp_type_type) {
                type = MP_OBJ_TO_PTR(self);
            }
        }
        dest[0] = ((mp_obj_static_class_method_t *)MP_OBJ_TO_PTR(member))->fun;
        dest[1] = MP_OBJ_FROM_PTR(type);
    } else {
        dest[0] = member;
    }
}

static bool type_has_iternext(const mp_obj_type_t *type) {
    return (type->flags & (MP_TYPE_FLAG_ITER_IS_ITERNEXT | MP_TYPE_FLAG_ITER_IS_CUSTOM)) != 0;
}

void mp_load_method_maybe(mp_obj_t obj, qstr attr, mp_obj_t *dest) {
    dest[0] = MP_OBJ_NULL;
    dest[1] = MP_OBJ_NULL;
    const mp_obj_type_t *type = mp_obj_get_type(obj);

    if (attr == MP_QSTR___class__) {
        dest[0] = MP_OBJ_FROM_PTR(type);
        return;
    }
    if (attr == MP_QSTR___next__ && type_has_iternext(type)) {
        dest[0] = MP_OBJ_FROM_PTR(&mp_builtin_next_obj);
        dest[1] = obj;
        return;
    }
    if (MP_OBJ_TYPE_HAS_SLOT(type, attr)) {
        MP_OBJ_TYPE_GET_SLOT(type, attr)(obj, attr, dest);
        // dest[1] == MP_OBJ_SENTINEL asks to go on with the locals dict.
        if (dest[1] != MP_OBJ_SENTINEL) {
            return;
        }
        dest[1] = MP_OBJ_NULL;
    }
    mp_map_elem_t *elem = mp_obj_type_lookup(type, attr);
    if (elem != NULL) {
        mp_convert_member_lookup(obj, type, elem->value, dest);
    }
}

void mp_load_method(mp_obj_t base, qstr attr, mp_obj_t *dest) {
    mp_load_method_maybe(base, attr, dest);
    if (dest[0] == MP_OBJ_NULL) {
        if (mp_obj_is_type(base, &mp_type_type)) {
            mp_raise_msg_varg(&mp_type_AttributeError, MP_ERROR_TEXT("type object '%q' has no attribute '%q'"),
                (qstr)((mp_obj_type_t *)MP_OBJ_TO_PTR(base))->name, attr);
        }
        mp_raise_msg_varg(&mp_type_AttributeError, MP_ERROR_TEXT("'%s' object has no attribute '%q'"),
            mp_obj_get_type_str(base), attr);
    }
}

void mp_load_method_protected(mp_obj_t obj, qstr attr, mp_obj_t *dest, bool catch_all_exc) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_load_method_maybe(obj, attr, dest);
        nlr_pop();
    } else {
        mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
        if (!catch_all_exc && !mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)),
            MP_OBJ_FROM_PTR(&mp_type_AttributeError))) {
            nlr_raise(exc);
        }
        dest[0] = MP_OBJ_NULL;
        dest[1] = MP_OBJ_NULL;
    }
}

mp_obj_t mp_load_attr(mp_obj_t base, qstr attr) {
    mp_obj_t dest[2];
    mp_load_method(base, attr, dest);
    if (dest[1] == MP_OBJ_NULL) {
        return dest[0];
    }
    return mp_obj_new_bound_meth(dest[0], dest[1]);
}

void mp_store_attr(mp_obj_t base, qstr attr, mp_obj_t value) {
    const mp_obj_type_t *type = mp_obj_get_type(base);
    if (MP_OBJ_TYPE_HAS_SLOT(type, attr)) {
        // dest[0] = MP_OBJ_SENTINEL: store (dest[1] the value, MP_OBJ_NULL
        // deletes); the slot sets dest[0] to MP_OBJ_NULL on success.
        mp_obj_t dest[2] = { MP_OBJ_SENTINEL, value };
        MP_OBJ_TYPE_GET_SLOT(type, attr)(base, attr, dest);
        if (dest[0] == MP_OBJ_NULL) {
            return;
        }
    }
    mp_raise_msg_varg(&mp_type_AttributeError, MP_ERROR_TEXT("'%s' object has no attribute '%q'"),
        mp_obj_get_type_str(base), attr);
}

void mp_delete_attr(mp_obj_t base, qstr attr) {
    mp_store_attr(base, attr, MP_OBJ_NULL);
}

/******************************************************************************/
// Subscripts

mp_obj_t mp_obj_subscr(mp_obj_t base, mp_obj_t index, mp_obj_t value) {
    const mp_obj_type_t *type = mp_obj_get_type(base);
    if (MP_OBJ_TYPE_HAS_SLOT(type, subscr)) {
        mp_obj_t ret = MP_OBJ_TYPE_GET_SLOT(type, subscr)(base, index, value);
        if (ret != MP_OBJ_NULL) {
            return ret;
        }
    }
    if (value == MP_OBJ_NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object doesn't support item deletion"),
            mp_obj_get_type_str(base));
    } else if (value == MP_OBJ_SENTINEL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object isn't subscriptable"),
            mp_obj_get_type_str(base));
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object doesn't support item assignment"),
        mp_obj_get_type_str(base));
}

/******************************************************************************/
// Iteration

// The iterator over an object that has only __getitem__: calls it with
// 0, 1, 2, ... until IndexError (or StopIteration).
typedef struct {
    mp_obj_base_t base;
    mp_obj_t args[3]; // __getitem__, self, index
} getitem_iter_t;

static mp_obj_t getitem_iternext(mp_obj_t self_in) {
    getitem_iter_t *self = MP_OBJ_TO_PTR(self_in);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t value = mp_call_method_n_kw(1, 0, self->args);
        self->args[2] = MP_OBJ_NEW_SMALL_INT(MP_OBJ_SMALL_INT_VALUE(self->args[2]) + 1);
        nlr_pop();
        return value;
    }
    mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
    const mp_obj_type_t *t = mp_obj_get_type(exc);
    if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(t), MP_OBJ_FROM_PTR(&mp_type_StopIteration))
        || mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(t), MP_OBJ_FROM_PTR(&mp_type_IndexError))) {
        return MP_OBJ_STOP_ITERATION;
    }
    nlr_raise(exc);
}

static MP_DEFINE_CONST_OBJ_TYPE(getitem_iter_type, MP_QSTR_iterator, MP_TYPE_FLAG_ITER_IS_ITERNEXT,
    iter, getitem_iternext);

_Static_assert(sizeof(getitem_iter_t) <= sizeof(mp_obj_iter_buf_t), "getitem iterator fits an iter_buf");

mp_obj_t mp_getiter(mp_obj_t o_in, mp_obj_iter_buf_t *iter_buf) {
    const mp_obj_type_t *type = mp_obj_get_type(o_in);
    // Iterators (and streams) are their own iterators: no iter_buf needed.
    if (type->flags & MP_TYPE_FLAG_ITER_IS_ITERNEXT) {
        return o_in;
    }
    if (MP_OBJ_TYPE_HAS_SLOT(type, iter)) {
        mp_getiter_fun_t getiter;
        if (type->flags & MP_TYPE_FLAG_ITER_IS_CUSTOM) {
            getiter = ((const mp_getiter_iternext_custom_t *)MP_OBJ_TYPE_GET_SLOT(type, iter))->getiter;
        } else {
            getiter = (mp_getiter_fun_t)MP_OBJ_TYPE_GET_SLOT(type, iter);
        }
        if (getiter != NULL) {
            if (iter_buf == NULL) {
                iter_buf = m_new_obj(mp_obj_iter_buf_t);
            }
            mp_obj_t iter = getiter(o_in, iter_buf);
            if (iter != MP_OBJ_NULL) {
                return iter;
            }
        }
    }
    // The sequence protocol: __getitem__ with 0, 1, 2, ...
    mp_obj_t dest[2];
    mp_load_method_maybe(o_in, MP_QSTR___getitem__, dest);
    if (dest[0] != MP_OBJ_NULL) {
        if (iter_buf == NULL) {
            iter_buf = m_new_obj(mp_obj_iter_buf_t);
        }
        getitem_iter_t *it = (getitem_iter_t *)iter_buf;
        it->base.type = &getitem_iter_type;
        it->args[0] = dest[0];
        it->args[1] = dest[1];
        it->args[2] = MP_OBJ_NEW_SMALL_INT(0);
        return MP_OBJ_FROM_PTR(it);
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object isn't iterable"), mp_obj_get_type_str(o_in));
}

// A stream iterates by lines (readline until it gives an empty result).
static mp_obj_t stream_iternext(mp_obj_t self) {
    mp_obj_t line = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_stream_unbuffered_readline_obj), self);
    if (mp_obj_len(line) == MP_OBJ_NEW_SMALL_INT(0)) {
        return MP_OBJ_STOP_ITERATION;
    }
    return line;
}

static mp_fun_1_t type_iternext(const mp_obj_type_t *type) {
    if ((type->flags & MP_TYPE_FLAG_ITER_IS_STREAM) == MP_TYPE_FLAG_ITER_IS_STREAM) {
        return stream_iternext; // no iter slot needed
    } else if (!MP_OBJ_TYPE_HAS_SLOT(type, iter)) {
        return NULL;
    } else if (type->flags & MP_TYPE_FLAG_ITER_IS_ITERNEXT) {
        return (mp_fun_1_t)MP_OBJ_TYPE_GET_SLOT(type, iter);
    } else if (type->flags & MP_TYPE_FLAG_ITER_IS_CUSTOM) {
        return ((const mp_getiter_iternext_custom_t *)MP_OBJ_TYPE_GET_SLOT(type, iter))->iternext;
    }
    return NULL;
}

mp_obj_t mp_iternext_allow_raise(mp_obj_t o_in) {
    mp_stack_check(); // chained iterators nest calls to here
    mp_hook_loop();
    const mp_obj_type_t *type = mp_obj_get_type(o_in);
    mp_fun_1_t next = type_has_iternext(type) ? type_iternext(type) : NULL;
    if (next != NULL) {
        return next(o_in);
    }
    mp_obj_t dest[2];
    mp_load_method_maybe(o_in, MP_QSTR___next__, dest);
    if (dest[0] != MP_OBJ_NULL) {
        return mp_call_method_n_kw(0, 0, dest);
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object isn't an iterator"), mp_obj_get_type_str(o_in));
}

mp_obj_t mp_iternext(mp_obj_t o_in) {
    // map, filter, zip and enumerate nest calls to here.
    mp_stack_check();
    mp_hook_loop();
    const mp_obj_type_t *type = mp_obj_get_type(o_in);
    mp_fun_1_t next = type_has_iternext(type) ? type_iternext(type) : NULL;
    if (next != NULL) {
        return next(o_in);
    }
    mp_obj_t dest[2];
    mp_load_method_maybe(o_in, MP_QSTR___next__, dest);
    if (dest[0] == MP_OBJ_NULL) {
        mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("'%s' object isn't an iterator"), mp_obj_get_type_str(o_in));
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t value = mp_call_method_n_kw(0, 0, dest);
        nlr_pop();
        return value;
    }
    mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
    if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), MP_OBJ_FROM_PTR(&mp_type_StopIteration))) {
        // Its value is what next() raises again (next(enumerate(it))).
        mp_state.stop_iteration_arg = mp_obj_exception_get_value(exc);
        return MP_OBJ_STOP_ITERATION;
    }
    nlr_raise(exc);
}

/******************************************************************************/
// Unpacking (items are stored in reverse order, as the VM's stack wants)

void mp_unpack_sequence(mp_obj_t seq_in, size_t num, mp_obj_t *items) {
    size_t seq_len;
    if (mp_obj_is_type(seq_in, &mp_type_tuple) || mp_obj_is_type(seq_in, &mp_type_list)) {
        mp_obj_t *seq_items;
        mp_obj_get_array(seq_in, &seq_len, &seq_items);
        if (seq_len < num) {
            goto too_short;
        } else if (seq_len > num) {
            goto too_long;
        }
        for (size_t i = 0; i < num; i++) {
            items[i] = seq_items[num - 1 - i];
        }
    } else {
        mp_obj_iter_buf_t iter_buf;
        mp_obj_t iter = mp_getiter(seq_in, &iter_buf);
        for (seq_len = 0; seq_len < num; seq_len++) {
            mp_obj_t el = mp_iternext(iter);
            if (el == MP_OBJ_STOP_ITERATION) {
                goto too_short;
            }
            items[num - 1 - seq_len] = el;
        }
        if (mp_iternext(iter) != MP_OBJ_STOP_ITERATION) {
            goto too_long;
        }
    }
    return;
too_short:
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("need more than %d values to unpack"), (int)seq_len);
too_long:
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("too many values to unpack (expected %d)"), (int)num);
}

// num: left count | right count << 8 (a, *b, c = ...: 1 | 1 << 8).
void mp_unpack_ex(mp_obj_t seq_in, size_t num, mp_obj_t *items) {
    size_t num_left = num & 0xff;
    size_t num_right = (num >> 8) & 0xff;
    size_t seq_len;
    if (mp_obj_is_type(seq_in, &mp_type_tuple) || mp_obj_is_type(seq_in, &mp_type_list)) {
        // seq_in stays referenced (volatile) while the new list is made:
        // seq_items may point into it.
        volatile mp_obj_t seq = seq_in;
        mp_obj_t *seq_items;
        mp_obj_get_array(seq, &seq_len, &seq_items);
        if (seq_len < num_left + num_right) {
            goto too_short;
        }
        for (size_t i = 0; i < num_right; i++) {
            items[i] = seq_items[seq_len - 1 - i];
        }
        items[num_right] = mp_obj_new_list(seq_len - num_left - num_right, seq_items + num_left);
        for (size_t i = 0; i < num_left; i++) {
            items[num_right + 1 + i] = seq_items[num_left - 1 - i];
        }
        seq = MP_OBJ_NULL;
    } else {
        mp_obj_t iter = mp_getiter(seq_in, NULL);
        mp_obj_t item;
        for (seq_len = 0; seq_len < num_left; seq_len++) {
            item = mp_iternext(iter);
            if (item == MP_OBJ_STOP_ITERATION) {
                goto too_short;
            }
            items[num_left + num_right + 1 - 1 - seq_len] = item;
        }
        mp_obj_t rest = mp_obj_new_list(0, NULL);
        while ((item = mp_iternext(iter)) != MP_OBJ_STOP_ITERATION) {
            mp_obj_list_append(rest, item);
        }
        size_t rest_len;
        mp_obj_t *rest_items;
        mp_obj_list_get(rest, &rest_len, &rest_items);
        if (rest_len < num_right) {
            goto too_short;
        }
        items[num_right] = rest;
        for (size_t i = 0; i < num_right; i++) {
            items[num_right - 1 - i] = rest_items[rest_len - num_right + i];
        }
        mp_obj_list_set_len(rest, rest_len - num_right);
    }
    return;
too_short:
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("need more than %d values to unpack"), (int)seq_len);
}

/******************************************************************************/
// The buffer protocol

bool mp_get_buffer(mp_obj_t obj, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    const mp_obj_type_t *type = mp_obj_get_type(obj);
    if (MP_OBJ_TYPE_HAS_SLOT(type, buffer)
        && MP_OBJ_TYPE_GET_SLOT(type, buffer)(obj, bufinfo, flags & MP_BUFFER_RW) == 0) {
        return true;
    }
    if (flags & MP_BUFFER_RAISE_IF_UNSUPPORTED) {
        mp_raise_TypeError(MP_ERROR_TEXT("object with buffer protocol required"));
    }
    return false;
}

void mp_get_buffer_raise(mp_obj_t obj, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    mp_get_buffer(obj, bufinfo, flags | MP_BUFFER_RAISE_IF_UNSUPPORTED);
}
