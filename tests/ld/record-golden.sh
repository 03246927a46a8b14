#!/usr/bin/env bash
# shellcheck disable=SC2046,SC2086 # object and source names are split on purpose
# Maintainer script: records the golden outputs of the reference linker,
# MicroPython v1.21.0's tools/mpy_ld.py, for every committed test object.
#   MPY_LD_PY=/path/to/micropython/tools/mpy_ld.py tests/ld/record-golden.sh [ARCH...]
# PYTHON selects the interpreter (default python3; it needs pyelftools).
# For each arch (xtensawin links the xtensa objects) and module, the objects
# and the config header are copied into an empty folder and linked there
# with relative names only, so the outputs do not depend on any path:
#   mpy_ld.py -vvv --arch ARCH --qstrs NAME.config.h -o NAME.mpy A.o B.o ...
# Results in golden/<arch>/:
#   NAME.mpy, NAME.log     the reference's output and its stdout+stderr
#   NAME.fail.log          instead of both when the reference fails (a
#                          Python traceback is cut down to its last line)
#   NAME.expected.mpy/.log the output of ref-fixed.py (the reference with
#                          known defects corrected), kept only where it
#                          differs from what the reference does
set -eu
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

if [ -z "${MPY_LD_PY:-}" ] || [ ! -f "$MPY_LD_PY" ]; then
    echo "set MPY_LD_PY to the reference tools/mpy_ld.py" >&2
    exit 2
fi
export MPY_LD_PY
python=${PYTHON:-python3}
archs=${*:-$LD_LINK_ARCHS}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for arch in $archs; do
    objarch=$(ld_obj_arch "$arch")
    if [ ! -d "$LD_OBJS/$objarch" ]; then
        echo "$arch: no objects in objs/$objarch, skipped"
        continue
    fi
    out=$LD_GOLDEN/$arch
    rm -rf "$out"
    mkdir -p "$out"
    for name in $(ld_modules); do
        [ -d "$LD_OBJS/$objarch/$name" ] || continue
        ref=$tmp/$arch-$name-ref
        fix=$tmp/$arch-$name-fix
        mkdir "$ref" "$fix"
        objs=$(ld_stage "$name" "$arch" "$ref")
        ld_stage "$name" "$arch" "$fix" >/dev/null
        args=$(ld_link_args "$arch" "$name" $objs)

        if (cd "$ref" && $python "$MPY_LD_PY" $args) >"$ref/log" 2>&1; then
            cp "$ref/log" "$out/$name.log"
            cp "$ref/$name.mpy" "$out/$name.mpy"
            echo "$arch/$name: ok ($(wc -c <"$out/$name.mpy") bytes)"
        else
            # keep the log up to the traceback, and the exception line
            awk '/^Traceback /{print "Traceback (frames omitted)"; tb=1; next}
                tb && /^[[:space:]]/{next} {print}' "$ref/log" >"$out/$name.fail.log"
            echo "$arch/$name: reference fails: $(tail -n 1 "$ref/log")"
        fi

        if (cd "$fix" && $python "$LD_DIR/ref-fixed.py" $args) >"$fix/log" 2>&1; then
            if [ -f "$out/$name.mpy" ] && cmp -s "$fix/$name.mpy" "$out/$name.mpy" &&
                cmp -s "$fix/log" "$out/$name.log"; then
                continue
            fi
            cp "$fix/log" "$out/$name.expected.log"
            cp "$fix/$name.mpy" "$out/$name.expected.mpy"
            echo "$arch/$name: the corrected reference differs, kept as $name.expected.mpy"
        elif [ -f "$out/$name.mpy" ]; then
            echo "$arch/$name: ref-fixed.py fails where the reference works: $(tail -n 1 "$fix/log")" >&2
            exit 1
        fi
    done
done
