// Shapes with virtual functions, made with new and freed with delete.
#ifndef CPPCLASS_SHAPES_H
#define CPPCLASS_SHAPES_H

#include "py/dynruntime.h"

class Shape {
public:
    virtual ~Shape() {}
    virtual mp_int_t area() const = 0;
    virtual const char *name() const = 0;
};

// A new shape: 's' square of side a, 'r' rectangle a by b, else NULL.
Shape *make_shape(char kind, mp_int_t a, mp_int_t b);

// How many shapes exist (made and not yet deleted).
extern int shapes_alive;

#endif
