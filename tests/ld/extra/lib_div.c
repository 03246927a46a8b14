// A library member that itself needs another member (lib_check.c).
extern int lib_check(int b);
int lib_divide(int a, int b) {
    return lib_check(b) ? a / b : 0;
}
