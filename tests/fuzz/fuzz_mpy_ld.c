// libFuzzer target for mpy-ld: the first byte picks the architecture (its
// index in the arch table), the .mpy sub-version and whether to link with
// --gc-sections, the rest is one input file (an ELF object or an ar
// archive) linked in memory, then written as a .mpy and a link map.
// Build and run with tests/fuzz/run-fuzz.sh (needs clang).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpy-ld/diag.h"
#include "mpy-ld/link.h"
#include "mpy/mpy_arch.h"
#include "mpy/mpy_version.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) {
        return 0;
    }
    ld_log_level = 0;
    const arch_t *arch = arch_at(data[0] % arch_count());
    unsigned sub_version = data[0] / arch_count() % 3 + 1;
    unsigned first = mpy_version_of_minor(mpy_arch_first_minor(arch->mpy_arch));
    link_env_t env;
    link_init(&env, arch, sub_version < first ? first : sub_version);
    env.gc_sections = data[0] / (arch_count() * 3) % 2;
    uint8_t *image = xmalloc(size - 1);
    memcpy(image, data + 1, size - 1);
    if (link_load_image(&env, "fuzz.o", image, size - 1, false) && link_finish(&env)) {
        buf_t out = {0};
        link_write_mpy(&env, &out, "fuzz.mpy", NULL, 0);
        link_write_map(&env, &out, "fuzz.mpy");
        buf_free(&out);
        if (link_write_debug_elf(&env, &out)) {
            buf_free(&out);
        }
    }
    link_free(&env);
    free(image);
    return 0;
}
