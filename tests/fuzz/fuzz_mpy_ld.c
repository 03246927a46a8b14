// libFuzzer target for mpy-ld: the first byte picks the architecture, the
// rest is one input file (an ELF object or an ar archive) linked in memory.
// Build and run with tests/fuzz/run-fuzz.sh (needs clang).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"
#include "mpy/mpy_version.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static const char *const archs[] = {"x86", "x64", "armv6m", "armv7m",
                                        "armv7emsp", "armv7emdp", "xtensa", "xtensawin"};
    if (size < 1) {
        return 0;
    }
    ld_log_level = 0;
    link_env_t env;
    link_init(&env, arch_find(archs[data[0] % 8]), MPY_SUB_VERSION_DEFAULT);
    uint8_t *image = xmalloc(size - 1);
    memcpy(image, data + 1, size - 1);
    if (link_load_image(&env, "fuzz.o", image, size - 1, false) && link_finish(&env)) {
        buf_t out = {0};
        link_write_mpy(&env, &out, "fuzz.mpy", NULL, 0);
        buf_free(&out);
    }
    link_free(&env);
    free(image);
    return 0;
}
