#!/usr/bin/env bash
# The runtime's core (src/runtime/runtime.c, obj.c, objtype.c, objfun.c,
# objexcept.c, malloc.c, mpprint.c, vstr.c, objmodule.c, runtime_init.c, ...)
# through tests/runtime/test_core.c: objects and printing, calls and their
# argument checks, exceptions with tracebacks, operators and their error
# messages, attributes and names, modules, printf formats, native type
# conversions, a million temporary objects in a 256 KB heap, and MemoryError
# (not a crash) when the heap runs out. Main build (libruntime.a) and x86.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/ctest.sh"
make_tmpdir

# build_driver OUT [-m32]: the driver, see ctest_build_driver.
build_driver() { local out=$1; shift; ctest_build_driver "$out" "$CTEST_DIR/test_core.c" "$@"; }

if build_driver "$TMP/test_core"; then
    ctest_run runtime/core "$TMP/test_core"
else
    ctest_build_fail runtime/core "$TMP/test_core"
fi

if x86_probe; then
    if build_driver "$TMP/test_core32" -m32; then
        ctest_run_all runtime/core/x86 "$TMP/test_core32"
    else
        ctest_build_fail runtime/core/x86 "$TMP/test_core32"
    fi
else
    test_skip runtime/core/x86 "$X86_WHY"
fi
