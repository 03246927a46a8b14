// Calls a fixed-address function (--externs) directly: on x64 a PC-relative
// call, whose distance cannot be known when linking.
extern int rom_function(int);

int mpy_init(void);
int mpy_init(void) {
    return rom_function(1);
}
