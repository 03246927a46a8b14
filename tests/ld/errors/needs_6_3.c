// What py/dynruntime.h leaves for an API of .mpy 6.3 used in an older
// target where the compiler has no error attribute: an undefined call.
extern void mp_needs_mpy_6_3__mp_arg_parse_all(void);

int mpy_init(void);
int mpy_init(void) {
    mp_needs_mpy_6_3__mp_arg_parse_all();
    return 0;
}
