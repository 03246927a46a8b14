// gcsections.test.sh's module: strings, one used, the others reached only
// from an unused function.
#include "py/dynruntime.h"

static const char gc_used_word[] = "hello";
const char gc_unused_banner[] = "this text is never printed by anyone at all";

const char *gc_used_greeting(void) {
    return gc_used_word;
}

size_t gc_unused_banner_length(void) {
    size_t n = 0;
    while (gc_unused_banner[n]) {
        n++;
    }
    return n;
}
