// Initialised writable data, which a native module cannot hold.
int counter = 5;
void *mpy_init(void) {
    return &counter;
}
