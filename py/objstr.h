// Compatibility name: module sources written for MicroPython may include
// "py/objstr.h"; in a native module everything it would provide comes from
// py/dynruntime.h.
#include "py/dynruntime.h"
