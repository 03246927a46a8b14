// A valid module, the base of the malformed-input tests.
extern const struct {
    void *(*fun[80])(void *);
} mp_fun_table;
const char *const names[] = {"a", "b"};
int state[8];
void *mpy_init(void *x) {
    state[1]++;
    return mp_fun_table.fun[3]((void *)names[state[1] & 1]);
}
