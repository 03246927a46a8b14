#!/usr/bin/env bash
# shellcheck disable=SC2046,SC2086 # object names are split on purpose
# Maintainer script: records what the reference linker of another release
# writes for every committed test object set, as SHA-256 sums, into
# golden/mpy-6.N.sha256 (N: the sub-version the release writes, read from
# the output's header). golden.test.sh links the same objects with
# `mpy-ld --mpy-version 6.N` and compares.
#   MPY_LD_PY=/path/to/micropython-v1.22.2/tools/mpy_ld.py tests/ld/record-versions.sh
# PYTHON selects the interpreter (default python3; it needs pyelftools).
# Links are made as record-golden.sh makes them (same arguments, relative
# names). Each line is "ARCH/NAME SUM" or "ARCH/NAME fails" (the reference
# stops with an error), followed by "expected SUM" where ref-fixed.py (the
# same reference with its known defects corrected) writes something else:
# then the tests expect that.
set -eu
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
: "${MPY_LD_PY:?set MPY_LD_PY to the reference tools/mpy_ld.py of the release}"
python=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

lines=()
sub=
for arch in $LD_LINK_ARCHS; do
    [ -d "$LD_OBJS/$(ld_obj_arch "$arch")" ] || continue
    for name in $(ld_modules); do
        [ -d "$LD_OBJS/$(ld_obj_arch "$arch")/$name" ] || continue
        # modules with fixed-address symbols need a reference with --externs
        if [ -f "$LD_MODULES/$name/$name.externs.ld" ] && ! grep -q -- '"--externs"' "$MPY_LD_PY"; then
            continue
        fi
        work=$tmp/$arch-$name
        mkdir "$work"
        objs=$(ld_stage "$name" "$arch" "$work")
        args=$(ld_link_args "$arch" "$name" $objs)
        line="$arch/$name fails"
        if (cd "$work" && $python "$MPY_LD_PY" $args) >"$work/log" 2>&1; then
            sub=$(($(od -An -tu1 -j2 -N1 "$work/$name.mpy") & 3))
            line="$arch/$name $(sha256sum <"$work/$name.mpy" | cut -d' ' -f1)"
        fi
        rm -f "$work/$name.mpy"
        if (cd "$work" && MPY_LD_PY=$MPY_LD_PY $python "$LD_DIR/ref-fixed.py" $args) >"$work/log" 2>&1; then
            fixed=$(sha256sum <"$work/$name.mpy" | cut -d' ' -f1)
            [ "$line" = "$arch/$name $fixed" ] || line="$line expected $fixed"
        fi
        lines+=("$line")
    done
done
[ -n "$sub" ] || { echo "the reference linked nothing" >&2; exit 1; }
out=$LD_GOLDEN/mpy-6.$sub.sha256
{
    echo "# MicroPython $(git -C "$(dirname "$MPY_LD_PY")" describe --tags 2>/dev/null || echo '(release unknown)'): tools/mpy_ld.py on tests/ld/objs (record-versions.sh)"
    printf '%s\n' "${lines[@]}"
} >"$out"
echo "wrote ${out#"$LD_DIR"/}"
