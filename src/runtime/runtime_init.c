// The runtime's global state and its start-up: the heap, the qstr pool,
// the maps' view of the object model, sys.modules/path/argv and __main__.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/objint.h"
#include "runtime/platform.h"

mp_state_t mp_state;

// Room left below the stack limit for the C code that runs between two
// checks (printing, the collector's marking, libc).
#define STACK_MARGIN (64 * 1024)
// The depth used when the stack size is unlimited or unknown.
#define STACK_DEFAULT (8 * 1024 * 1024)

/******************************************************************************/
// What a hash, equality and table memory mean to the maps (runtime/map.h)

static size_t map_hash(mp_obj_t key) {
    mp_obj_t h = mp_unary_op(MP_UNARY_OP_HASH, key);
    if (mp_obj_is_small_int(h)) {
        return (size_t)MP_OBJ_SMALL_INT_VALUE(h);
    }
    return (size_t)mp_obj_get_int_truncated(h);
}

static bool map_equal(mp_obj_t key, mp_obj_t other) {
    return mp_obj_equal(key, other);
}

static bool map_is_str(mp_obj_t obj) {
    return mp_obj_is_exact_type(obj, &mp_type_str);
}

static void *map_alloc(size_t nbytes) {
    return m_malloc(nbytes);
}

static void map_free(void *ptr, size_t nbytes) {
    (void)nbytes;
    m_free(ptr);
}

static const mp_map_hooks_t map_hooks = {
    .hash = map_hash,
    .equal = map_equal,
    .is_str = map_is_str,
    .alloc = map_alloc,
    .free = map_free,
};

/******************************************************************************/

// The lowest address the C stack may reach before RuntimeError: the stack
// size limit from here (near the top: mp_init runs from main), less a margin.
static char *stack_limit_from_here(void) {
    volatile char here = 0;
    uintptr_t top = (uintptr_t)&here;
    size_t size = platform_stack_size();
    if (size == 0 || size > STACK_DEFAULT) {
        size = STACK_DEFAULT;
    }
    size = size > 2 * STACK_MARGIN ? size - STACK_MARGIN : size / 2;
    return (char *)(top - size);
}

// The collector's finaliser hook: an unreachable object allocated with a
// finaliser (a file, say) has its __del__ called, as in MicroPython;
// whatever it raises is dropped.
static void call_del(void *ptr) {
    if (((mp_obj_base_t *)ptr)->type == NULL) {
        return; // not made into an object yet
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t dest[2];
        mp_load_method_maybe(MP_OBJ_FROM_PTR(ptr), MP_QSTR___del__, dest);
        if (dest[0] != MP_OBJ_NULL) {
            mp_call_method_n_kw(0, 0, dest);
        }
        nlr_pop();
    }
}

void mp_init(size_t heap_size) {
    memset(&mp_state, 0, sizeof(mp_state));
    if (!gc_init_size(heap_size)) {
        fprintf(stderr, "cannot allocate a heap of %zu bytes\n", heap_size);
        exit(1);
    }
    mp_state.heap_size = heap_size;
    // Everything mp_state points to is live.
    gc_add_root(&mp_state, sizeof(mp_state));
    gc_set_finaliser(call_del);
    mp_state.stack_limit = stack_limit_from_here();

    qstr_init(NULL);
    rt_qstr_init();
    mp_map_set_hooks(&map_hooks);
    mp_obj_int_use_gc(); // big-int digits on the collected heap from the start

    mp_state.loaded_modules = mp_obj_new_dict(0);
    mp_state.sys_path = mp_obj_new_list(0, NULL);
    mp_state.sys_argv = mp_obj_new_list(0, NULL);
    mp_state.sys_exitcode = mp_const_none;

    // __main__: its globals are where -c code and scripts run.
    mp_obj_t main_module = mp_obj_new_module(MP_QSTR___main__);
    mp_state.dict_main = mp_obj_module_globals(main_module);
    mp_state.dict_globals = mp_state.dict_main;
    mp_state.dict_locals = mp_state.dict_main;
}

void mp_deinit(void) {
    memset(&mp_state, 0, sizeof(mp_state));
    mp_map_set_hooks(NULL);
    qstr_deinit();
    gc_deinit();
}
