// Calls C library functions a native module cannot link against.
int printf(const char *fmt, ...);
void *malloc(unsigned long n);
void *mpy_init(void) {
    printf("hello");
    return malloc(4);
}
