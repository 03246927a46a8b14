// Compatibility name: module sources written for MicroPython may include
// "py/binary.h"; in a native module the mp_binary_* functions come from
// py/dynruntime.h (from .mpy 6.3 on). BYTEARRAY_TYPECODE is the typecode
// of a bytearray's items (which a bytearray's buffer reports).
#include "py/dynruntime.h"

#ifndef BYTEARRAY_TYPECODE
#define BYTEARRAY_TYPECODE 1
#endif
