// A main() for the fuzz targets without libFuzzer: runs the target once on
// each file named on the command line. make test replays the committed
// regression inputs and seeds with it (tests/fuzz/regress.test.sh).
#include <stdio.h>

#include "base/buf.h"
#include "base/file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        buf_t b = {0};
        if (file_read_all(argv[i], &b) != 0) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 2;
        }
        LLVMFuzzerTestOneInput(b.data, b.len);
        buf_free(&b);
    }
    return 0;
}
