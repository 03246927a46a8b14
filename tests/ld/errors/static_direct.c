// A static variable loaded and stored directly (auipc + lw/sw on RISC-V):
// the auipc jumps to a stub that loads the address from the GOT.
static int value;
int get(void) {
    return value;
}
void *mpy_init(void) {
    value++;
    return 0;
}
