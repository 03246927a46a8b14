// Driver for the container tests (tests/runtime/containers.test.sh):
//   test_containers --unit        C-level cases of the container API
//   test_containers DIR MODULE    imports MODULE (a .mpy) with DIR on sys.path
// Unit cases print "ok NAME" / "fail NAME: WHY" and a final "done N"; an
// import prints what the module prints, and an uncaught exception with its
// traceback (exit 1).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/vfs.h"

static int unit_run;
static int unit_failed;

// repr(o) as a C string (on the heap).
static const char *repr(mp_obj_t o) {
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    mp_obj_print_helper(&print, o, PRINT_REPR);
    return vstr_null_terminated_str(&vstr);
}

static void expect_str(const char *name, const char *got, const char *want) {
    unit_run++;
    if (strcmp(got, want) == 0) {
        printf("ok %s\n", name);
    } else {
        unit_failed++;
        printf("fail %s: got %s, want %s\n", name, got, want);
    }
}

static void expect_repr(const char *name, mp_obj_t o, const char *want) {
    expect_str(name, repr(o), want);
}

// Runs fn(arg) and checks that it raises an exception of repr want.
static void expect_raise(const char *name, void (*fn)(mp_obj_t), mp_obj_t arg, const char *want) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        fn(arg);
        nlr_pop();
        expect_str(name, "(no exception)", want);
    } else {
        expect_str(name, repr(MP_OBJ_FROM_PTR(nlr.ret_val)), want);
    }
}

static mp_obj_t small(mp_int_t i) {
    return MP_OBJ_NEW_SMALL_INT(i);
}

static mp_obj_t str(const char *s) {
    return mp_obj_new_str(s, strlen(s));
}

static void raise_index_list(mp_obj_t list) {
    mp_get_index(&mp_type_list, 2, small(5), false);
    (void)list;
}

static void raise_index_type(mp_obj_t arg) {
    mp_get_index(&mp_type_tuple, 2, arg, false);
}

static void raise_fixed_n(mp_obj_t tuple) {
    mp_obj_t *items;
    mp_obj_get_array_fixed_n(tuple, 3, &items);
}

static void raise_get_array(mp_obj_t o) {
    size_t len;
    mp_obj_t *items;
    mp_obj_get_array(o, &len, &items);
}

static void raise_dict_get(mp_obj_t dict) {
    mp_obj_dict_get(dict, str("missing"));
}

static void raise_dict_delete(mp_obj_t dict) {
    mp_obj_dict_delete(dict, small(42));
}

static void raise_seq_index(mp_obj_t list) {
    mp_obj_t args[2] = {list, small(99)};
    size_t len;
    mp_obj_t *items;
    mp_obj_list_get(list, &len, &items);
    mp_seq_index_obj(items, len, 2, args);
}

static void unit_tests(void) {
    mp_obj_t items[3] = {small(1), str("a"), mp_const_none};
    expect_repr("tuple-print", mp_obj_new_tuple(3, items), "(1, 'a', None)");
    expect_repr("tuple-print-one", mp_obj_new_tuple(1, items), "(1,)");
    expect_repr("tuple-empty", mp_obj_new_tuple(0, NULL), "()");
    expect_str("tuple-empty-shared", mp_obj_new_tuple(0, NULL) == mp_const_empty_tuple ? "yes" : "no", "yes");

    mp_obj_t list = mp_obj_new_list(2, items);
    for (int i = 0; i < 20; i++) {
        mp_obj_list_append(list, small(i));
    }
    size_t len;
    mp_obj_t *litems;
    mp_obj_list_get(list, &len, &litems);
    expect_str("list-append-grows", len == 22 && litems[21] == small(19) ? "yes" : "no", "yes");
    mp_obj_list_set_len(list, 3);
    mp_obj_list_store(list, small(-1), str("x"));
    expect_repr("list-store", list, "[1, 'a', 'x']");
    expect_raise("list-index-error", raise_index_list, list, "IndexError('list index out of range',)");
    expect_raise("index-type-error", raise_index_type, str("s"), "TypeError('tuple indices must be integers, not str',)");
    expect_raise("seq-index-missing", raise_seq_index, list, "ValueError('object not in sequence',)");
    expect_raise("fixed-n", raise_fixed_n, mp_obj_new_tuple(2, items), "ValueError('requested length 3 but object has length 2',)");
    expect_raise("get-array", raise_get_array, small(3), "TypeError(\"object 'int' isn't a tuple or list\",)");
    expect_str("get-index-negative", mp_get_index(&mp_type_list, 5, small(-2), false) == 3 ? "yes" : "no", "yes");
    expect_str("get-index-slice-clamp", mp_get_index(&mp_type_list, 5, small(99), true) == 5 ? "yes" : "no", "yes");

    // MicroPython's sort is not stable: same order as MicroPython v1.21.
    mp_obj_t pairs[6];
    const char *tags[6] = {"a", "b", "c", "d", "e", "f"};
    for (int i = 0; i < 6; i++) {
        mp_obj_t pair[2] = {small((i + 1) % 2), str(tags[i])};
        pairs[i] = mp_obj_new_tuple(2, pair);
    }
    // Without a key the tuples compare whole; check the reverse flag instead.
    mp_obj_t nums[5] = {small(3), small(1), small(4), small(1), small(5)};
    mp_obj_list_sort_items(nums, 5, mp_const_none, false);
    expect_repr("sort", mp_obj_new_tuple(5, nums), "(1, 1, 3, 4, 5)");
    mp_obj_list_sort_items(nums, 5, MP_OBJ_NULL, true);
    expect_repr("sort-reverse", mp_obj_new_tuple(5, nums), "(5, 4, 3, 1, 1)");
    mp_obj_list_sort_items(pairs, 6, mp_const_none, false);
    expect_repr("sort-tuples", mp_obj_new_list(6, pairs),
        "[(0, 'b'), (0, 'd'), (0, 'f'), (1, 'a'), (1, 'c'), (1, 'e')]");

    mp_obj_t dict = mp_obj_new_dict(0);
    mp_obj_dict_store(dict, str("a"), small(1));
    mp_obj_dict_store(dict, small(2), mp_obj_new_tuple(1, items));
    expect_repr("dict-print", dict, "{'a': 1, 2: (1,)}");
    expect_str("dict-len", mp_obj_dict_len(dict) == 2 ? "yes" : "no", "yes");
    expect_repr("dict-get", mp_obj_dict_get(dict, str("a")), "1");
    expect_raise("dict-keyerror", raise_dict_get, dict, "KeyError('missing',)");
    expect_raise("dict-delete-keyerror", raise_dict_delete, dict, "KeyError(42,)");
    mp_obj_dict_delete(dict, str("a"));
    expect_repr("dict-delete", dict, "{2: (1,)}");

    mp_obj_t set = mp_obj_new_set(0, NULL);
    expect_repr("set-empty", set, "set()");
    mp_obj_set_store(set, small(1));
    mp_obj_set_store(set, small(2));
    mp_obj_set_store(set, small(1));
    expect_repr("set-print", set, "{2, 1}"); // MicroPython v1.21's order

    mp_obj_t slice = mp_obj_new_slice(small(-3), mp_const_none, mp_const_none);
    expect_repr("slice-print", slice, "slice(-3, None, None)");
    mp_bound_slice_t b;
    bool fast = mp_seq_get_fast_slice_indexes(10, slice, &b);
    expect_str("slice-fast", fast && b.start == 7 && b.stop == 10 && b.step == 1 ? "yes" : "no", "yes");
    mp_obj_slice_indices(mp_obj_new_slice(mp_const_none, mp_const_none, small(-2)), 5, &b);
    expect_str("slice-indices-negative", b.start == 4 && b.stop == -1 && b.step == -2 ? "yes" : "no", "yes");

    expect_repr("range-print", mp_obj_new_range(0, 10, 1), "range(0, 10)");
    expect_repr("range-print-step", mp_obj_new_range(5, -5, -2), "range(5, -5, -2)");
    expect_repr("list-from-iter", mp_obj_list_from_iter(mp_obj_new_range(0, 4, 1)), "[0, 1, 2, 3]");
    expect_repr("tuple-from-iter", mp_obj_tuple_from_iter(mp_obj_new_range(3, 0, -1)), "(3, 2, 1)");

    const byte *x = (const byte *)"abc";
    const byte *y = (const byte *)"abd";
    expect_str("cmp-bytes",
        mp_seq_cmp_bytes(MP_BINARY_OP_LESS, x, 3, y, 3) && !mp_seq_cmp_bytes(MP_BINARY_OP_MORE, x, 3, y, 3)
        && mp_seq_cmp_bytes(MP_BINARY_OP_MORE, x, 3, x, 2) && mp_seq_cmp_bytes(MP_BINARY_OP_LESS_EQUAL, x, 3, x, 3)
        && !mp_seq_cmp_bytes(MP_BINARY_OP_EQUAL, x, 3, x, 2) ? "yes" : "no", "yes");
}

static int unit(void) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        unit_tests();
        nlr_pop();
    } else {
        printf("fail unit: uncaught %s\n", repr(MP_OBJ_FROM_PTR(nlr.ret_val)));
        unit_failed++;
    }
    printf("done %d\n", unit_run);
    return unit_failed ? 1 : 0;
}

static int import(const char *dir, const char *module) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_list_append(mp_state.sys_path, mp_obj_new_str(dir, strlen(dir)));
        mp_import_name(qstr_from_str(module), mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
        nlr_pop();
        return 0;
    }
    mp_obj_print_exception(&mp_plat_print, MP_OBJ_FROM_PTR(nlr.ret_val));
    return 1;
}

int main(int argc, char **argv) {
    bool is_unit = argc == 2 && strcmp(argv[1], "--unit") == 0;
    if (!is_unit && argc != 3) {
        fprintf(stderr, "usage: test_containers --unit | test_containers DIR MODULE\n");
        return 2;
    }
    mp_init(8 << 20);
    int here;
    gc_set_stack_top(&here);
    mp_vfs_mount_host_root(); // imports read files through the VFS
    int status = is_unit ? unit() : import(argv[1], argv[2]);
    fflush(stdout);
    mp_deinit();
    return status;
}
