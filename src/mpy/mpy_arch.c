#include "mpy/mpy_arch.h"

static const char *const arch_names[MPY_ARCH_MAX_KNOWN + 1] = {
    "none",    "x86",       "x64",    "armv6",     "armv6m",  "armv7m",  "armv7em",
    "armv7emsp", "armv7emdp", "xtensa", "xtensawin", "rv32imc", "rv64imc",
};

const char *mpy_arch_name(unsigned arch) {
    return arch <= MPY_ARCH_MAX_KNOWN ? arch_names[arch] : NULL;
}

size_t mpy_arch_word_size(unsigned arch) {
    switch (arch) {
        case 0:
            return 0;
        case 2:  // x64
        case 12: // rv64imc
            return 8;
        default:
            return arch <= MPY_ARCH_MAX_KNOWN ? 4 : 0;
    }
}
