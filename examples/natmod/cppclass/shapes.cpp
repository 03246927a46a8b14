// Classes with a base class, virtual functions and a constructor.
#include "shapes.h"

int shapes_alive;

// cppclass.cpp's pointer to an object on the MicroPython heap. It is defined
// here, in a file without static variables: on x86/x64 the section of a
// static variable goes into text (see the README), which MicroPython v1.28's
// unix port does not trace for its collector; BSS it does.
class Tally;
Tally *kept_tally;

namespace {

class Rectangle : public Shape {
public:
    Rectangle(mp_int_t w, mp_int_t h) : w_(w), h_(h) {
        shapes_alive++;
    }
    ~Rectangle() override {
        shapes_alive--;
    }
    mp_int_t area() const override {
        return w_ * h_;
    }
    const char *name() const override {
        return "rectangle";
    }

protected:
    mp_int_t w_, h_;
};

class Square : public Rectangle {
public:
    explicit Square(mp_int_t a) : Rectangle(a, a) {}
    const char *name() const override {
        return "square";
    }
};

} // namespace

Shape *make_shape(char kind, mp_int_t a, mp_int_t b) {
    switch (kind) {
        case 's':
            return new Square(a);
        case 'r':
            return new Rectangle(a, b);
        default:
            return nullptr;
    }
}
