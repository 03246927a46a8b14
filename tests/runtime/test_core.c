// Unit cases of the runtime's core (tests/runtime/core.test.sh): objects and
// their printing, calls and argument checks, exceptions and tracebacks,
// operators and their errors, attributes, printf formats, modules, and the
// heap: a million short-lived objects in a 256 KB heap, and MemoryError
// (not a crash) when it runs out.
//
// Prints "ok NAME" / "fail NAME: WHY" per case and "done N" at the end.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"

#define HEAP_SIZE (256 * 1024)

static int n_run;
static const char *case_name;
static bool case_failed;

#define FAIL(...) \
    do { \
        printf("fail %s: %s:%d: ", case_name, __FILE__, __LINE__); \
        printf(__VA_ARGS__); \
        printf("\n"); \
        case_failed = true; \
        return; \
    } while (0)

#define CHECK(cond) \
    do { \
        if (!(cond)) { \
            FAIL("%s", #cond); \
        } \
    } while (0)

#define CHECK_STR(got, want) \
    do { \
        const char *g_ = (got), *w_ = (want); \
        if (strcmp(g_, w_) != 0) { \
            FAIL("got \"%s\", want \"%s\"", g_, w_); \
        } \
    } while (0)

// Each case runs under an nlr frame: an unexpected exception fails it.
static void run(const char *name, void (*fn)(void)) {
    case_name = name;
    case_failed = false;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        fn();
        nlr_pop();
    } else {
        vstr_t vstr;
        mp_print_t print;
        vstr_init_print(&vstr, 32, &print);
        mp_obj_print_helper(&print, MP_OBJ_FROM_PTR(nlr.ret_val), PRINT_EXC);
        printf("fail %s: uncaught %s\n", name, vstr_null_terminated_str(&vstr));
        case_failed = true;
    }
    if (!case_failed) {
        printf("ok %s\n", name);
    }
    fflush(stdout);
    n_run++;
}

#define RUN(fn) run(#fn, fn)

// o printed with kind, as a C string on the heap.
static const char *print_to_str(mp_obj_t o, mp_print_kind_t kind) {
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    mp_obj_print_helper(&print, o, kind);
    return vstr_null_terminated_str(&vstr);
}

static const char *repr(mp_obj_t o) {
    return print_to_str(o, PRINT_REPR);
}

// The exception fn raises (MP_OBJ_NULL if none).
typedef void (*thunk_t)(void);
static mp_obj_t catch(thunk_t fn) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        fn();
        nlr_pop();
        return MP_OBJ_NULL;
    }
    return MP_OBJ_FROM_PTR(nlr.ret_val);
}

// "Type: message" of what fn raises, or "(none)".
static const char *raised(thunk_t fn) {
    mp_obj_t exc = catch(fn);
    if (exc == MP_OBJ_NULL) {
        return "(none)";
    }
    return print_to_str(exc, PRINT_EXC);
}

/******************************************************************************/
// Functions used by the cases

static mp_obj_t add2(mp_obj_t a, mp_obj_t b) {
    return mp_binary_op(MP_BINARY_OP_ADD, a, b);
}
static MP_DEFINE_CONST_FUN_OBJ_2(add2_obj, add2);

static mp_obj_t count_args(size_t n, const mp_obj_t *args) {
    (void)args;
    return MP_OBJ_NEW_SMALL_INT(n);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(count_args_obj, 1, 3, count_args);

// Returns n_args * 100 + number of keywords + the value of keyword "self".
static mp_obj_t kw_fun(size_t n, const mp_obj_t *args, mp_map_t *kw) {
    (void)args;
    mp_int_t extra = 0;
    mp_map_elem_t *e = mp_map_lookup(kw, MP_OBJ_NEW_QSTR(MP_QSTR_self), MP_MAP_LOOKUP);
    if (e != NULL) {
        extra = mp_obj_get_int(e->value);
    }
    return MP_OBJ_NEW_SMALL_INT((mp_int_t)n * 100 + (mp_int_t)kw->used * 10 + extra);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(kw_fun_obj, 0, kw_fun);

static mp_obj_t raise_value_error(void) {
    mp_raise_ValueError(MP_ERROR_TEXT("bad value"));
}
static MP_DEFINE_CONST_FUN_OBJ_0(raise_value_error_obj, raise_value_error);

/******************************************************************************/
// Cases

static void test_types_and_printing(void) {
    CHECK(mp_obj_get_type(MP_OBJ_NEW_SMALL_INT(3)) == &mp_type_int);
    CHECK(mp_obj_get_type(MP_OBJ_NEW_QSTR(MP_QSTR_len)) == &mp_type_str);
    CHECK(mp_obj_get_type(mp_const_none) == &mp_type_NoneType);
    CHECK(mp_obj_get_type(mp_const_true) == &mp_type_bool);
    CHECK(mp_obj_get_type(MP_OBJ_FROM_PTR(&mp_type_int)) == &mp_type_type);
    CHECK_STR(mp_obj_get_type_str(MP_OBJ_NEW_SMALL_INT(3)), "int");
    CHECK_STR(repr(MP_OBJ_NEW_SMALL_INT(-42)), "-42");
    CHECK_STR(repr(mp_const_none), "None");
    CHECK_STR(repr(MP_OBJ_FROM_PTR(&mp_type_int)), "<class 'int'>");
    CHECK_STR(repr(MP_OBJ_FROM_PTR(&mp_type_type)), "<class 'type'>");
    CHECK_STR(repr(MP_OBJ_FROM_PTR(&add2_obj)), "<function>");
    CHECK_STR(repr(MP_OBJ_NEW_QSTR(MP_QSTR_len)), "'len'");
    CHECK_STR(print_to_str(MP_OBJ_NEW_QSTR(MP_QSTR_len), PRINT_STR), "len");
    mp_obj_t items[2] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_QSTR(MP_QSTR_key) };
    CHECK_STR(repr(mp_obj_new_list(2, items)), "[1, 'key']");
    CHECK_STR(repr(mp_obj_new_tuple(1, items)), "(1,)");
    // type(x) and calling a type.
    mp_obj_t t = mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_type), MP_OBJ_NEW_SMALL_INT(5));
    CHECK(t == MP_OBJ_FROM_PTR(&mp_type_int));
    CHECK_STR(repr(mp_call_function_0(MP_OBJ_FROM_PTR(&mp_type_object))), "<object>");
}

static void test_printf(void) {
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 8, &print);
    mp_printf(&print, "[%d|%5d|%-5d|%05d|%+d|%u|%x|%X|%ld|%lld]", -12, 34, 56, -78, 9, 4000000000u, 255, 255,
        (long)-1234567, 1LL << 40);
    CHECK_STR(vstr_null_terminated_str(&vstr),
        "[-12|   34|56   |-0078|+9|4000000000|ff|FF|-1234567|1099511627776]");
    vstr_reset(&vstr);
    mp_printf(&print, "[%s|%6s|%-6s|%.2s|%c|%q|%%|%b|%*d]", "ab", "ab", "ab", "abcdef", 'z', (qstr)MP_QSTR_append,
        1, 4, 7);
    CHECK_STR(vstr_null_terminated_str(&vstr), "[ab|    ab|ab    |ab|z|append|%|true|   7]");
    vstr_reset(&vstr);
    mp_printf(&print, "%p", (void *)0x1234abcd);
    CHECK_STR(vstr_null_terminated_str(&vstr), "1234abcd");
    vstr_reset(&vstr);
    mp_print_strn(&print, "ab", 2, PF_FLAG_CENTER_ADJUST, '*', 7);
    CHECK_STR(vstr_null_terminated_str(&vstr), "**ab***");
    vstr_reset(&vstr);
    mp_print_mp_int(&print, MP_OBJ_NEW_SMALL_INT(255), 16, 'a', PF_FLAG_SHOW_PREFIX, ' ', 8, 0);
    CHECK_STR(vstr_null_terminated_str(&vstr), "    0xff");
    vstr_reset(&vstr);
    vstr_add_char(&vstr, 0x20ac);
    vstr_add_str(&vstr, "!");
    CHECK_STR(vstr_null_terminated_str(&vstr), "\xe2\x82\xac!");
}

static void call_add_one_arg(void) {
    mp_call_function_1(MP_OBJ_FROM_PTR(&add2_obj), MP_OBJ_NEW_SMALL_INT(1));
}
static void call_count_none(void) {
    mp_call_function_0(MP_OBJ_FROM_PTR(&count_args_obj));
}
static void call_count_kw(void) {
    mp_obj_t args[3] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_QSTR(MP_QSTR_key), mp_const_none };
    mp_call_function_n_kw(MP_OBJ_FROM_PTR(&count_args_obj), 1, 1, args);
}
static void call_int_obj(void) {
    mp_call_function_0(MP_OBJ_NEW_SMALL_INT(1));
}

static void test_calls(void) {
    mp_obj_t r = mp_call_function_2(MP_OBJ_FROM_PTR(&add2_obj), MP_OBJ_NEW_SMALL_INT(2), MP_OBJ_NEW_SMALL_INT(3));
    CHECK(r == MP_OBJ_NEW_SMALL_INT(5));
    mp_obj_t args[6] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(2), MP_OBJ_NEW_SMALL_INT(3),
                         MP_OBJ_NEW_QSTR(MP_QSTR_self), MP_OBJ_NEW_SMALL_INT(7) };
    CHECK(mp_call_function_n_kw(MP_OBJ_FROM_PTR(&count_args_obj), 3, 0, args) == MP_OBJ_NEW_SMALL_INT(3));
    CHECK(mp_call_function_n_kw(MP_OBJ_FROM_PTR(&kw_fun_obj), 3, 1, args) == MP_OBJ_NEW_SMALL_INT(317));
    // Packed count, as mp_fun_table's call_function_n_kw takes it.
    CHECK(mp_call_function_n_kw_packed(MP_OBJ_FROM_PTR(&kw_fun_obj), 3 | 1 << 8, args) == MP_OBJ_NEW_SMALL_INT(317));
    CHECK_STR(raised(call_add_one_arg), "TypeError: function takes 2 positional arguments but 1 were given");
    CHECK_STR(raised(call_count_none), "TypeError: function missing 1 required positional arguments");
    CHECK_STR(raised(call_count_kw), "TypeError: function doesn't take keyword arguments");
    CHECK_STR(raised(call_int_obj), "TypeError: 'int' object isn't callable");

    // A bound method puts self first; a closure puts its cells first.
    mp_obj_t meth = mp_obj_new_bound_meth(MP_OBJ_FROM_PTR(&add2_obj), MP_OBJ_NEW_SMALL_INT(40));
    CHECK(mp_call_function_1(meth, MP_OBJ_NEW_SMALL_INT(2)) == MP_OBJ_NEW_SMALL_INT(42));
    mp_obj_t closed = MP_OBJ_NEW_SMALL_INT(100);
    mp_obj_t clo = mp_obj_new_closure(MP_OBJ_FROM_PTR(&add2_obj), 1, &closed);
    CHECK(mp_call_function_1(clo, MP_OBJ_NEW_SMALL_INT(1)) == MP_OBJ_NEW_SMALL_INT(101));
    mp_obj_t cell = mp_obj_new_cell(MP_OBJ_NEW_SMALL_INT(3));
    CHECK(mp_obj_cell_get(cell) == MP_OBJ_NEW_SMALL_INT(3));

    // mp_call_method_n_kw: [fun, self, args...].
    mp_obj_t margs[4] = { MP_OBJ_FROM_PTR(&add2_obj), MP_OBJ_NULL, MP_OBJ_NEW_SMALL_INT(5), MP_OBJ_NEW_SMALL_INT(6) };
    CHECK(mp_call_method_n_kw(2, 0, margs) == MP_OBJ_NEW_SMALL_INT(11));

    // f(1, *[2, 3], **{'self': 4}): star bitmap marks positional arg 1.
    mp_obj_t star_items[2] = { MP_OBJ_NEW_SMALL_INT(2), MP_OBJ_NEW_SMALL_INT(3) };
    mp_obj_t kwd = mp_obj_new_dict(1);
    mp_obj_dict_store(kwd, MP_OBJ_NEW_QSTR(MP_QSTR_self), MP_OBJ_NEW_SMALL_INT(4));
    mp_obj_t vargs[6] = { MP_OBJ_FROM_PTR(&kw_fun_obj), MP_OBJ_NEW_SMALL_INT(1), mp_obj_new_list(2, star_items),
                          MP_OBJ_NULL, kwd, MP_OBJ_NEW_SMALL_INT(2) };
    CHECK(mp_call_method_n_kw_var(false, 2 | 1 << 8, vargs) == MP_OBJ_NEW_SMALL_INT(314));
}

static void raise_in_fun(void) {
    mp_call_function_0(MP_OBJ_FROM_PTR(&raise_value_error_obj));
}

static void test_exceptions(void) {
    mp_obj_t exc = catch(raise_in_fun);
    CHECK(exc != MP_OBJ_NULL);
    CHECK(mp_obj_is_exception_instance(exc));
    CHECK(mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_ValueError)));
    CHECK(mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_Exception)));
    CHECK(!mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_TypeError)));
    CHECK(mp_obj_is_true(mp_binary_op(MP_BINARY_OP_EXCEPTION_MATCH, exc, MP_OBJ_FROM_PTR(&mp_type_BaseException))));
    CHECK_STR(repr(exc), "ValueError('bad value',)");
    CHECK_STR(print_to_str(exc, PRINT_STR), "bad value");

    mp_obj_exception_add_traceback(exc, MP_QSTR__lt_stdin_gt_, 7, MP_QSTR_append);
    mp_obj_exception_add_traceback(exc, MP_QSTR__lt_stdin_gt_, 9, MP_QSTR__lt_module_gt_);
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    mp_obj_print_exception(&print, exc);
    CHECK_STR(vstr_null_terminated_str(&vstr),
        "Traceback (most recent call last):\n"
        "  File \"<stdin>\", line 9, in <module>\n"
        "  File \"<stdin>\", line 7, in append\n"
        "ValueError: bad value\n");

    mp_obj_t args[2] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(2) };
    mp_obj_t e2 = mp_call_function_n_kw(MP_OBJ_FROM_PTR(&mp_type_KeyError), 2, 0, args);
    CHECK_STR(print_to_str(e2, PRINT_EXC), "KeyError: (1, 2)");
    CHECK_STR(print_to_str(mp_obj_new_exception(&mp_type_IndexError), PRINT_EXC), "IndexError: ");
    CHECK_STR(print_to_str(mp_obj_new_exception_arg1(&mp_type_OSError, MP_OBJ_NEW_SMALL_INT(2)), PRINT_STR),
        "[Errno 2] ENOENT");
    CHECK_STR(repr(mp_obj_new_exception_msg_varg(&mp_type_TypeError, "%d-%s", 5, "x")), "TypeError('5-x',)");
    CHECK(mp_obj_exception_get_value(e2) == MP_OBJ_NEW_SMALL_INT(1));
    CHECK(mp_load_attr(e2, MP_QSTR_args) != MP_OBJ_NULL);
    CHECK(mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(&mp_type_NotImplementedError),
        MP_OBJ_FROM_PTR(&mp_type_RuntimeError)));
    CHECK(mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(&mp_type_KeyError), MP_OBJ_FROM_PTR(&mp_type_LookupError)));
}

static void add_int_str(void) {
    mp_binary_op(MP_BINARY_OP_ADD, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_QSTR(MP_QSTR_key));
}
static void inplace_add_int_str(void) {
    mp_binary_op(MP_BINARY_OP_INPLACE_ADD, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_QSTR(MP_QSTR_key));
}
static void in_int_int(void) {
    mp_binary_op(MP_BINARY_OP_IN, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(5));
}
static void less_int_none(void) {
    mp_binary_op(MP_BINARY_OP_LESS, MP_OBJ_NEW_SMALL_INT(1), mp_const_none);
}
static void invert_str(void) {
    mp_unary_op(MP_UNARY_OP_INVERT, MP_OBJ_NEW_QSTR(MP_QSTR_key));
}
static void div_zero(void) {
    mp_binary_op(MP_BINARY_OP_FLOOR_DIVIDE, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(0));
}
static void hash_list(void) {
    mp_obj_hash(mp_obj_new_list(0, NULL));
}
static void len_int(void) {
    mp_obj_len(MP_OBJ_NEW_SMALL_INT(1));
}

static void test_operators(void) {
    CHECK(mp_binary_op(MP_BINARY_OP_ADD, MP_OBJ_NEW_SMALL_INT(2), MP_OBJ_NEW_SMALL_INT(3)) == MP_OBJ_NEW_SMALL_INT(5));
    CHECK(mp_binary_op(MP_BINARY_OP_LESS, MP_OBJ_NEW_SMALL_INT(2), MP_OBJ_NEW_SMALL_INT(3)) == mp_const_true);
    CHECK(mp_unary_op(MP_UNARY_OP_NEGATIVE, MP_OBJ_NEW_SMALL_INT(2)) == MP_OBJ_NEW_SMALL_INT(-2));
    CHECK(mp_unary_op(MP_UNARY_OP_NOT, mp_const_none) == mp_const_true);
    // Overflow into a big int and back.
    mp_obj_t big = mp_binary_op(MP_BINARY_OP_MULTIPLY, MP_OBJ_NEW_SMALL_INT(MP_SMALL_INT_MAX), MP_OBJ_NEW_SMALL_INT(4));
    CHECK(!mp_obj_is_small_int(big));
    mp_obj_t back = mp_binary_op(MP_BINARY_OP_FLOOR_DIVIDE, big, MP_OBJ_NEW_SMALL_INT(4));
    CHECK(back == MP_OBJ_NEW_SMALL_INT(MP_SMALL_INT_MAX));
    CHECK(mp_obj_equal(MP_OBJ_NEW_QSTR(MP_QSTR_key), mp_obj_new_str("key", 3)));
    CHECK(!mp_obj_equal(MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_QSTR(MP_QSTR_key)));
    CHECK(mp_obj_equal(MP_OBJ_NEW_SMALL_INT(1), mp_const_true));
    mp_obj_t items[2] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_QSTR(MP_QSTR_key) };
    mp_obj_t list = mp_obj_new_list(2, items);
    CHECK(mp_binary_op(MP_BINARY_OP_IN, MP_OBJ_NEW_QSTR(MP_QSTR_key), list) == mp_const_true);
    CHECK(mp_binary_op(MP_BINARY_OP_IN, MP_OBJ_NEW_SMALL_INT(2), list) == mp_const_false);
    CHECK(mp_binary_op(MP_BINARY_OP_IS, list, list) == mp_const_true);
    CHECK(mp_obj_len(list) == MP_OBJ_NEW_SMALL_INT(2));
    CHECK(mp_obj_is_true(list));
    CHECK(!mp_obj_is_true(mp_obj_new_list(0, NULL)));
    CHECK(mp_obj_hash(MP_OBJ_NEW_SMALL_INT(7)) == MP_OBJ_NEW_SMALL_INT(7));
    CHECK_STR(raised(add_int_str), "TypeError: unsupported types for __add__: 'int', 'str'");
    CHECK_STR(raised(inplace_add_int_str), "TypeError: unsupported types for __add__: 'int', 'str'");
    CHECK_STR(raised(in_int_int), "TypeError: unsupported types for : 'int', 'int'");
    CHECK_STR(raised(less_int_none), "TypeError: unsupported types for __lt__: 'int', 'NoneType'");
    CHECK_STR(raised(invert_str), "TypeError: unsupported type for __invert__: 'str'");
    CHECK_STR(raised(div_zero), "ZeroDivisionError: divide by zero");
    CHECK_STR(raised(hash_list), "TypeError: unsupported type for __hash__: 'list'");
    CHECK_STR(raised(len_int), "TypeError: object of type 'int' has no len()");
}

static void attr_int_foo(void) {
    mp_load_attr(MP_OBJ_NEW_SMALL_INT(1), qstr_from_str("foo"));
}
static void attr_type_foo(void) {
    mp_load_attr(MP_OBJ_FROM_PTR(&mp_type_int), qstr_from_str("foo"));
}
static void store_int_foo(void) {
    mp_store_attr(MP_OBJ_NEW_SMALL_INT(1), qstr_from_str("foo"), mp_const_none);
}
static void load_missing_name(void) {
    mp_load_name(qstr_from_str("nothing_here"));
}

static void test_attributes_and_names(void) {
    // A method of a built-in type, bound and called.
    mp_obj_t list = mp_obj_new_list(0, NULL);
    mp_obj_t append = mp_load_attr(list, MP_QSTR_append);
    CHECK(mp_obj_is_type(append, &mp_type_bound_meth));
    mp_call_function_1(append, MP_OBJ_NEW_SMALL_INT(9));
    CHECK_STR(repr(list), "[9]");
    mp_obj_t dest[3];
    mp_load_method(list, MP_QSTR_append, dest);
    CHECK(dest[1] == list);
    dest[2] = MP_OBJ_NEW_SMALL_INT(8);
    mp_call_method_n_kw(1, 0, dest);
    CHECK_STR(repr(list), "[9, 8]");
    mp_load_method_maybe(list, qstr_from_str("nope"), dest);
    CHECK(dest[0] == MP_OBJ_NULL);
    CHECK(mp_load_attr(list, MP_QSTR___class__) == MP_OBJ_FROM_PTR(&mp_type_list));
    CHECK(mp_load_attr(MP_OBJ_FROM_PTR(&mp_type_int), MP_QSTR___name__) == MP_OBJ_NEW_QSTR(MP_QSTR_int));
    CHECK_STR(raised(attr_int_foo), "AttributeError: 'int' object has no attribute 'foo'");
    CHECK_STR(raised(attr_type_foo), "AttributeError: type object 'int' has no attribute 'foo'");
    CHECK_STR(raised(store_int_foo), "AttributeError: 'int' object has no attribute 'foo'");

    // Names: globals of __main__, then builtins.
    mp_store_global(qstr_from_str("answer"), MP_OBJ_NEW_SMALL_INT(42));
    CHECK(mp_load_name(qstr_from_str("answer")) == MP_OBJ_NEW_SMALL_INT(42));
    CHECK(mp_load_global(MP_QSTR_len) != MP_OBJ_NULL);
    CHECK_STR(raised(load_missing_name), "NameError: name 'nothing_here' isn't defined");
}

static void test_modules(void) {
    mp_obj_t loaded = mp_state.loaded_modules;
    mp_obj_t main_mod = mp_obj_dict_get(loaded, MP_OBJ_NEW_QSTR(MP_QSTR___main__));
    CHECK_STR(repr(main_mod), "<module '__main__'>");
    CHECK(mp_obj_module_globals(main_mod) == mp_state.dict_main);
    qstr name = qstr_from_str("mymod");
    mp_obj_t m = mp_obj_new_module(name);
    CHECK(mp_obj_new_module(name) == m);
    mp_store_attr(m, MP_QSTR_value, MP_OBJ_NEW_SMALL_INT(5));
    CHECK(mp_load_attr(m, MP_QSTR_value) == MP_OBJ_NEW_SMALL_INT(5));
    mp_delete_attr(m, MP_QSTR_value);
    mp_obj_t dest[2];
    mp_load_method_maybe(m, MP_QSTR_value, dest);
    CHECK(dest[0] == MP_OBJ_NULL);
    CHECK_STR(repr(m), "<module 'mymod'>");
    CHECK(mp_obj_is_type(mp_state.sys_path, &mp_type_list));
    CHECK(mp_obj_is_type(mp_state.sys_argv, &mp_type_list));
}

static void test_iteration_and_unpacking(void) {
    mp_obj_t items[3] = { MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_NEW_SMALL_INT(2), MP_OBJ_NEW_SMALL_INT(3) };
    mp_obj_t tuple = mp_obj_new_tuple(3, items);
    mp_obj_iter_buf_t buf;
    mp_obj_t it = mp_getiter(tuple, &buf);
    mp_int_t sum = 0;
    mp_obj_t x;
    while ((x = mp_iternext(it)) != MP_OBJ_STOP_ITERATION) {
        sum += MP_OBJ_SMALL_INT_VALUE(x);
    }
    CHECK(sum == 6);
    mp_obj_t out[3];
    mp_unpack_sequence(tuple, 3, out);
    CHECK(out[0] == items[2] && out[2] == items[0]);
    mp_unpack_ex(tuple, 1 | 1 << 8, out); // a, *b, c
    CHECK(out[0] == items[2]);
    CHECK_STR(repr(out[1]), "[2]");
    CHECK(out[2] == items[0]);
}

static void build_garbage(void) {
    // A million short-lived objects: tuples of two ints, each dropped at once.
    mp_obj_t pair[2];
    for (mp_int_t i = 0; i < 1000000; i++) {
        pair[0] = MP_OBJ_NEW_SMALL_INT(i);
        pair[1] = MP_OBJ_NEW_SMALL_INT(-i);
        mp_obj_t t = mp_obj_new_tuple(2, pair);
        if (((mp_obj_tuple_t *)MP_OBJ_TO_PTR(t))->items[1] != pair[1]) {
            mp_raise_msg(&mp_type_RuntimeError, "tuple contents wrong");
        }
    }
}

static void test_million_objects(void) {
    CHECK_STR(raised(build_garbage), "(none)");
    gc_info_t info;
    gc_info(&info);
    CHECK(info.total <= HEAP_SIZE);
    CHECK(info.collections > 0);
}

// A C global holding a heap object: registered as a GC root in main.
static mp_obj_t hoard;

static void fill_heap(void) {
    hoard = mp_obj_new_list(0, NULL);
    for (;;) {
        mp_obj_list_append(hoard, mp_obj_new_list(20, NULL));
    }
}

static void alloc_while_locked(void) {
    gc_lock();
    mp_obj_t exc = catch(build_garbage);
    gc_unlock();
    nlr_raise(exc);
}

static void test_memory_error(void) {
    mp_obj_t exc = catch(fill_heap);
    CHECK(exc != MP_OBJ_NULL);
    CHECK(mp_obj_exception_match(exc, MP_OBJ_FROM_PTR(&mp_type_MemoryError)));
    // The hoard really filled the heap, and is released now.
    size_t n;
    mp_obj_t *items;
    mp_obj_list_get(hoard, &n, &items);
    CHECK(n > 100);
    // Drop the hoard's contents explicitly: the collector is conservative,
    // and a stale copy of the list's address on the stack would keep it all.
    for (size_t i = 0; i < n; i++) {
        items[i] = MP_OBJ_NULL;
    }
    mp_obj_list_set_len(hoard, 0);
    hoard = MP_OBJ_NULL;
    gc_collect();
    // The heap is usable again.
    CHECK_STR(raised(build_garbage), "(none)");
    // With the collector locked nothing can be allocated, not even the
    // exception: the preallocated one carries the message.
    CHECK_STR(raised(alloc_while_locked), "MemoryError: memory allocation failed, heap is locked");
    CHECK(m_malloc_maybe(1 << 30) == NULL);
}

static void test_native_conversions(void) {
    CHECK(mp_native_from_obj(mp_const_true, MP_NATIVE_TYPE_BOOL) == 1);
    CHECK(mp_native_from_obj(MP_OBJ_NEW_SMALL_INT(-3), MP_NATIVE_TYPE_INT) == (mp_uint_t)-3);
    CHECK(mp_native_to_obj((mp_uint_t)-3, MP_NATIVE_TYPE_INT) == MP_OBJ_NEW_SMALL_INT(-3));
    CHECK(mp_native_to_obj(0, MP_NATIVE_TYPE_BOOL) == mp_const_false);
    mp_obj_t u = mp_native_to_obj((mp_uint_t)-1, MP_NATIVE_TYPE_UINT);
    CHECK(mp_obj_int_sign(u) > 0);
    CHECK(mp_native_to_obj(MP_QSTR_len, MP_NATIVE_TYPE_QSTR) == MP_OBJ_NEW_QSTR(MP_QSTR_len));
}

int main(void) {
    mp_init(HEAP_SIZE);
    gc_add_root(&hoard, sizeof(hoard));
    RUN(test_types_and_printing);
    RUN(test_printf);
    RUN(test_calls);
    RUN(test_exceptions);
    RUN(test_operators);
    RUN(test_attributes_and_names);
    RUN(test_modules);
    RUN(test_iteration_and_unpacking);
    RUN(test_native_conversions);
    RUN(test_million_objects);
    RUN(test_memory_error);
    mp_deinit();
    printf("done %d\n", n_run);
    return 0;
}
