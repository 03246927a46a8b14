// A destructor of the module, which never runs: a warning.
int unloaded;
__attribute__((destructor)) static void on_unload(void) {
    unloaded = 1;
}
void *mpy_init(void) {
    return &unloaded;
}
