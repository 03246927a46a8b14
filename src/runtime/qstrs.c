// Interning the runtime's qstrs at their fixed numbers.
#include "runtime/qstrs.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/qstr.h"

static const char *const rt_qstr_texts[] = {
#define Q(id, text) text,
#include "runtime/qstrdefs_runtime.h"
#undef Q
};

void rt_qstr_init(void) {
    for (size_t i = 0; i < sizeof(rt_qstr_texts) / sizeof(rt_qstr_texts[0]); i++) {
        qstr q = qstr_from_str(rt_qstr_texts[i]);
        if (q != QSTR_STATIC_COUNT + 1 + i) {
            // Listed twice, or the pool was used before: the enum is wrong.
            abort();
        }
    }
}
