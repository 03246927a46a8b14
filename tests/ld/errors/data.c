// Initialised writable data: linked with the init object (--init-object)
// that copies it into BSS on import, refused without one.
int counter = 5;
void *mpy_init(void) {
    return &counter;
}
