// Shared by the fuzz targets of the host runtime: one runtime for the whole
// fuzzing process (a small heap, so that memory exhaustion is reached and
// handled too), each input run under an exception handler, and a budget of
// loop turns so that input that loops forever ends with an exception.
#ifndef FUZZ_RUNTIME_H
#define FUZZ_RUNTIME_H

#include "runtime/runtime.h"

#define FUZZ_HEAP_SIZE (2 * 1024 * 1024)
#define FUZZ_LOOP_BUDGET 20000

static size_t fuzz_loops_left;

static void fuzz_loop_hook(void) {
    if (fuzz_loops_left == 0) {
        mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("fuzz: loop budget spent"));
    }
    fuzz_loops_left--;
}

// Runs fn(data, size) with a fresh loop budget; an exception it raises ends
// the run (what the target checks is that nothing worse happens).
static void fuzz_run(void (*fn)(const uint8_t *, size_t), const uint8_t *data, size_t size) {
    static bool ready;
    if (!ready) {
        mp_init(FUZZ_HEAP_SIZE);
        mp_state.loop_hook = fuzz_loop_hook;
        ready = true;
    }
    fuzz_loops_left = FUZZ_LOOP_BUDGET;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        fn(data, size);
        nlr_pop();
    }
    // Whatever the input left behind is garbage now, but for the modules it
    // imported: forget those too, so that each run starts alike.
    mp_obj_dict_t *modules = MP_OBJ_TO_PTR(mp_state.loaded_modules);
    mp_map_clear(&modules->map);
    mp_globals_set(mp_state.dict_main);
    mp_locals_set(mp_state.dict_main);
}

#endif
