// An indirect call through the GOT without a REX prefix: the assembler
// writes R_X86_64_GOTPCRELX for it (with -Wa,-mrelax-relocations=yes).
int helper(void) {
    return 42;
}
void *mpy_init(void) {
    long r;
    __asm__ volatile("call *helper@GOTPCREL(%%rip)" : "=a"(r) : : "memory");
    return (void *)r;
}
