// How long the loader's bytecode checks take per file: mpy_check_bytecode
// (decoding, operands, jump targets) and mpy_verify_bytecode (that and the
// flow verifier, src/mpy/bc_verify.h). Built and run by verify-bench.sh.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mpy/mpy_check.h"

#define RUNS 20

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    static unsigned char buf[1 << 22];
    double t_check = 0, t_verify = 0;
    size_t bytes = 0, files = 0, refused = 0;
    for (int i = 1; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        if (!fp) {
            continue;
        }
        size_t n = fread(buf, 1, sizeof(buf), fp);
        fclose(fp);
        mpy_file_t f;
        mpy_error_t err;
        if (!mpy_read(&f, argv[i], buf, n, &err)) {
            continue;
        }
        files++;
        bytes += n;
        refused += !mpy_verify_bytecode(&f, &err);
        for (int r = 0; r < RUNS; r++) {
            double a = now();
            mpy_check_bytecode(&f, &err);
            double b = now();
            mpy_verify_bytecode(&f, &err);
            t_check += b - a;
            t_verify += now() - b;
        }
        mpy_file_free(&f);
    }
    if (files == 0) {
        fprintf(stderr, "verify-bench: no readable .mpy file given\n");
        return 1;
    }
    printf("%zu files, %zu bytes, %zu refused\n", files, bytes, refused);
    printf("structural check:          %8.1f us/file\n", t_check / RUNS / (double)files * 1e6);
    printf("check + flow verification: %8.1f us/file, %.1f MB/s, %.1fx the structural check\n",
           t_verify / RUNS / (double)files * 1e6, (double)bytes / (t_verify / RUNS) / 1e6,
           t_verify / t_check);
    return 0;
}
