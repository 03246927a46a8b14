// The printer interface: an mp_print_t pairs a sink with its write function.
// mp_printf and mp_plat_print themselves are provided by py/dynruntime.h.
#ifndef MP_SDK_PY_MPPRINT_H
#define MP_SDK_PY_MPPRINT_H

#include "py/misc.h"

// Flags understood by the firmware's formatting routines.
#define PF_FLAG_LEFT_ADJUST (0x001)
#define PF_FLAG_SHOW_SIGN (0x002)
#define PF_FLAG_SPACE_SIGN (0x004)
#define PF_FLAG_NO_TRAILZ (0x008)
#define PF_FLAG_SHOW_PREFIX (0x010)
#define PF_FLAG_SHOW_COMMA (0x020)
#define PF_FLAG_PAD_AFTER_SIGN (0x040)
#define PF_FLAG_CENTER_ADJUST (0x080)
#define PF_FLAG_ADD_PERCENT (0x100)
#define PF_FLAG_SHOW_OCTAL_LETTER (0x200)

typedef void (*mp_print_strn_t)(void *data, const char *str, size_t len);

typedef struct _mp_print_t {
    void *data;
    mp_print_strn_t print_strn;
} mp_print_t;

MP_STATIC_ASSERT_DECL(sizeof(mp_print_t) == 2 * sizeof(void *), "mp_print_t is two words");

#endif // MP_SDK_PY_MPPRINT_H
