#!/usr/bin/env bash
# shellcheck disable=SC2046,SC2086 # object and source names are split on purpose
# Compiles every test module in tests/ld/modules/ for each architecture whose
# compiler is installed, into tests/ld/objs/<arch>/<module>/*.o (the golden
# inputs of the linker tests; they are committed).
#   tests/ld/build-objs.sh [ARCH...]
# With MPY_LD_PY=/path/to/mpy_ld.py set, the modules' config headers
# (<module>.config.h, the qstr macros) are regenerated first with the
# reference tool's --preprocess (run by $PYTHON, default python3, which
# needs pyelftools); otherwise the committed ones are used.
set -eu
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

archs=${*:-$LD_OBJ_ARCHS}

if [ -n "${MPY_LD_PY:-}" ]; then
    for name in $(ld_modules); do
        (cd "$LD_MODULES/$name" &&
            "${PYTHON:-python3}" "$MPY_LD_PY" --preprocess -o "$name.config.h" $(ld_module_srcs "$name"))
    done
fi

status=0
for arch in $archs; do
    if [ "$arch" = xtensawin ]; then
        echo "xtensawin: links the xtensa objects, nothing to build"
        continue
    fi
    if ! ld_cflags "$arch" >/dev/null; then
        echo "unknown architecture: $arch" >&2
        exit 2
    fi
    if ! ld_have_cc "$arch"; then
        echo "$arch: no compiler ($(ld_cc "$arch")), install $(ld_cc_package "$arch"); skipped"
        continue
    fi
    for name in $(ld_modules); do
        ld_module_has_arch "$name" "$arch" || continue
        out=$LD_OBJS/$arch/$name
        rm -rf "$out"
        if ld_compile "$name" "$arch" "$out"; then
            echo "$arch/$name: $(cd "$out" && echo *.o)"
        else
            echo "$arch/$name: compile FAILED" >&2
            status=1
        fi
    done
done
exit $status
