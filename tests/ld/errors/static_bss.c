// A static BSS variable is reached PC-relative, but BSS is placed apart from text.
static int hidden[4];
void *mpy_init(int i) {
    hidden[i & 3]++;
    return hidden;
}
