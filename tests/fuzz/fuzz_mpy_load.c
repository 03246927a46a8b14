// libFuzzer target: the host runtime's .mpy loader on the input, up to but
// not including running it: header, qstr and object tables, the bytecode
// checks, native code placed and relocated (never called), then discarded.
#include "fuzz_runtime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void load_mpy(const uint8_t *data, size_t size) {
    mp_check_mpy_module("fuzz.mpy", data, size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_run(load_mpy, data, size);
    return 0;
}
