// A weak default that a strong definition in weak_b.c replaces, also for the
// call from this file.
__attribute__((weak)) int hook(int x) {
    return x;
}
void *mpy_init(int x) {
    return (void *)(long)hook(x);
}
