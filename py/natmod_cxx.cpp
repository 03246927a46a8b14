// C++ support for native modules: operator new and delete on the
// MicroPython heap, and the handler of a call to a pure virtual function.
// py/dynruntime.mk links it into modules with .cpp sources, compiled with
// the module's flags. Without exceptions (-fno-exceptions), new raises
// MemoryError as m_malloc does when the heap is full.
#include "py/dynruntime.h"

typedef __SIZE_TYPE__ natmod_size_t;

void *operator new(natmod_size_t n) {
    return m_malloc(n);
}

void *operator new[](natmod_size_t n) {
    return m_malloc(n);
}

void operator delete(void *p) noexcept {
    m_free(p);
}

void operator delete[](void *p) noexcept {
    m_free(p);
}

void operator delete(void *p, natmod_size_t) noexcept {
    m_free(p);
}

void operator delete[](void *p, natmod_size_t) noexcept {
    m_free(p);
}

extern "C" void __cxa_pure_virtual(void) {
    mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("pure virtual function called"));
}
