// libFuzzer target: the VM on bytecode that passed the loader's checks. The
// input is a .mpy; files with native code are skipped (running random
// machine code proves nothing), bytecode-only ones are imported, which runs
// their top-level code within the loop budget.
#include "fuzz_runtime.h"
#include "mpy/mpy_format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void run_mpy(const uint8_t *data, size_t size) {
    mp_import_mpy_data(MP_QSTR___main__, "fuzz.mpy", data, size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 3 || MPY_FEATURE_ARCH(data[2]) != MP_NATIVE_ARCH_NONE) {
        return 0;
    }
    fuzz_run(run_mpy, data, size);
    return 0;
}
