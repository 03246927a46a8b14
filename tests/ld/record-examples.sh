#!/usr/bin/env bash
# shellcheck disable=SC2086 # object names are split on purpose
# Maintainer script: builds this project's examples (examples/natmod/) with
# the SDK for the given architectures (default rv32imc rv64imc), keeps the
# objects and config header of each under tests/ld/examples/ARCH/NAME/, and
# records what the reference linker writes from them into
# tests/ld/golden/examples-6.3.sha256. examples.test.sh links the same
# objects with mpy-ld and compares.
#   MPY_LD_PY=/path/to/micropython-v1.28.0/tools/mpy_ld.py tests/ld/record-examples.sh
# A module that needs libgcc (soft-float helpers) gets a LIBS file naming it
# with its SHA-256: the test links with the installed libgcc only where it is
# that same file. The reference is given the members mpy-ld takes, taken out
# with `ar x`, as objects in mpy-ld's order (v1.28's own choice of member
# order varies from run to run); no libgcc code is committed.
# PYTHON selects the interpreter (it needs pyelftools).
set -eu
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"
: "${MPY_LD_PY:?set MPY_LD_PY to the tools/mpy_ld.py of MicroPython v1.28.0}"
python=${PYTHON:-python3}
archs=${*:-rv32imc rv64imc}
out=$LD_DIR/examples
sums=$LD_GOLDEN/examples-6.3.sha256
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make -s -C "$LD_TOP" build/mpy-ld

lines=()
for arch in $archs; do
    for src in "$LD_TOP"/examples/natmod/*/; do
        name=$(basename "$src")
        grep -q '^SRC.*\.py' "$src/Makefile" && continue # needs mpy-cross
        work=$tmp/$arch-$name
        cp -r "$src" "$work"
        rm -rf "$work/build" "$work"/*.mpy
        # GC_SECTIONS=0: the reference links the same objects and all of them;
        # DEBUG_ELF=0: without -g.
        make -C "$work" MPY_DIR="$LD_TOP" ARCH="$arch" GC_SECTIONS=0 DEBUG_ELF=0 V=1 >"$work/make.log" 2>&1
        mod=$(sed -n 's/^MOD *= *//p' "$work/Makefile")
        link=$(grep -e "--qstrs build/$mod.config.h" "$work/make.log" | grep -v -e --preprocess)
        dest=$out/$arch/$name
        rm -rf "$dest"
        mkdir -p "$dest"
        cp "$work/build/$mod.config.h" "$dest/"
        objs=
        for o in $(sed 's/ -l .*//' <<<"$link" | tr ' ' '\n' | grep '^build/.*\.o$'); do
            cp "$work/$o" "$dest/"
            objs="$objs $(basename "$o")"
        done
        echo "$mod$objs" >"$dest/LINK"
        # libgcc's members, in the order mpy-ld takes them (only libgcc is linked)
        members=
        ref=$tmp/ref-$arch-$name
        cp -r "$dest" "$ref"
        for lib in $(grep -o -e '-l [^ ]*' <<<"$link" | cut -c4-); do
            members=$(sed -n "s|^using $lib(\(.*\))\$|\1|p" "$work/make.log")
            [ -n "$members" ] || continue
            case $lib in
                */libgcc.a) ;;
                *) echo "$arch/$name: takes members of $lib; only libgcc is supported here" >&2; exit 1 ;;
            esac
            echo "libgcc $(sha256sum <"$lib" | cut -d' ' -f1)" >"$dest/LIBS"
            (cd "$ref" && ar x "$lib" $members)
        done
        (cd "$ref" && $python "$MPY_LD_PY" --arch "$arch" --qstrs "$mod.config.h" -o "$mod.mpy" $objs $members) \
            >"$tmp/ref.log" 2>&1 || { echo "$arch/$name: reference fails: $(tail -n 1 "$tmp/ref.log")" >&2; exit 1; }
        lines+=("$arch/$name $(sha256sum <"$ref/$mod.mpy" | cut -d' ' -f1)")
        echo "$arch/$name: $objs" $members
    done
done
{
    echo "# MicroPython $(git -C "$(dirname "$MPY_LD_PY")" describe --tags 2>/dev/null || echo '(release unknown)'): tools/mpy_ld.py on tests/ld/examples (record-examples.sh)"
    printf '%s\n' "${lines[@]}"
} >"$sums"
echo "wrote ${sums#"$LD_DIR"/}"
