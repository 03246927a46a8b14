// The float object (runtime/objfloat.c), for modules that define constant
// floats in ROM tables (math.pi, ...).
#ifndef RUNTIME_OBJFLOAT_H
#define RUNTIME_OBJFLOAT_H

#include "runtime/runtime.h"

typedef struct _mp_obj_float_t {
    mp_obj_base_t base;
    mp_float_t value;
} mp_obj_float_t;

#endif
