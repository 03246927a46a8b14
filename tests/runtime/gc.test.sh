#!/usr/bin/env bash
# The garbage collector (src/runtime/gc.c): tests/runtime/test_gc.c, in
# every build variant (see ctest.sh) and on each Arm target under QEMU.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/ctest.sh"
make_tmpdir

ctest_variants gc test_gc.c test_gc_regs.c test_stack.c
ctest_arm gc test_gc.c test_gc_regs.c test_stack.c
