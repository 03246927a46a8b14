// Single-precision arithmetic on a core without an FPU: the compiler calls
// libgcc's soft-float helpers (__addsf3, __mulsf3), which mpy-ld takes from
// libgcc.a (-l).
float scale(float x, float y) {
    return x * y + 0.5f;
}
void *mpy_init(void) {
    return (void *)scale;
}
