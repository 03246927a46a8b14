// A static variable loaded directly (auipc + lw on RISC-V): the instruction
// pair cannot be turned into a load through the GOT.
static int value;
int get(void) {
    return value;
}
void *mpy_init(void) {
    value++;
    return 0;
}
