// Built with -fpie instead of -fpic: the address of an object outside the
// module is taken PC-relative instead of through the GOT.
extern const int mp_type_list;
const void *mpy_init(void) {
    return &mp_type_list;
}
