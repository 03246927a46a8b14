// Thread-local storage: the firmware has no thread pointer for modules.
__thread int per_thread;
int *mpy_init(void) {
    per_thread++;
    return &per_thread;
}
