// libFuzzer target: the lexer, parser and compiler of the host runtime on
// Python source (the input as a file); the compiled code is not run.
#include "fuzz_runtime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void compile_source(const uint8_t *data, size_t size) {
    mp_compile((const char *)data, size, MP_QSTR__lt_stdin_gt_, MP_PARSE_FILE_INPUT, mp_state.dict_main);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_run(compile_source, data, size);
    return 0;
}
