// Calls memset, memcpy and memmove directly, as compilers do for struct
// copies and zeroed arrays (built with -fno-builtin to keep the calls):
// mpy-ld routes them to mp_fun_table's memset_ and memmove_ through stubs.
#include <stddef.h>
void *memset(void *s, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int buffer[32];
void *mpy_init(int n) {
    int local[32];
    memset(local, n, sizeof(local));
    memcpy(buffer, local, sizeof(local));
    return memmove(buffer + 1, buffer, 8);
}
