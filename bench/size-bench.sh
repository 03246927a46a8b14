#!/usr/bin/env bash
# size-bench.sh - how much smaller dead-code removal makes native modules.
# A benchmark, not a test: it prints figures and never judges them.
#
#   bench/size-bench.sh [ARCH...]      (default: all ten architectures)
#
# Each example of examples/natmod/ (and of $MICROPY_SRC/examples/natmod/ when
# an upstream tree is given) is built with the SDK for each architecture
# twice: GC_SECTIONS=0 (everything linked, as upstream's dynruntime.mk does)
# and GC_SECTIONS=1 (the default: the smaller of that and a link of objects
# compiled with -ffunction-sections -fdata-sections by mpy-ld --gc-sections). The objects of the first build are also linked by the
# reference linker. It prints the native .mpy's bytes of each, and the mean
# reduction against both. Builds that fail (no compiler, Python sources
# without mpy-cross, a library the example needs) are listed and left out.
#
# Environment:
#   MPY_LD       the linker (default: build/mpy-ld of this tree)
#   MPY_LD_PY    the reference for .mpy 6.1 (MicroPython v1.21's
#                tools/mpy_ld.py); unset: no reference column
#   MPY_LD_PY_63 the reference for rv32imc and rv64imc, which only .mpy 6.3
#                has (v1.28's tools/mpy_ld.py, which also takes -l libgcc)
#   PYTHON       interpreter for the references, with pyelftools (default
#                /usr/bin/python3)
#   MICROPY_SRC  a MicroPython source tree whose natmod examples are built
#                against this SDK too
#   BENCH_DIR    build here and keep the builds (default: a temporary folder)
set -u -o pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
: "${MPY_LD:=$TOP/build/mpy-ld}"
: "${MPY_LD_PY:=}"
: "${MPY_LD_PY_63:=}"
: "${PYTHON:=/usr/bin/python3}"
: "${MICROPY_SRC:=}"
ARCHS=${*:-x86 x64 armv6m armv7m armv7emsp armv7emdp xtensa xtensawin rv32imc rv64imc}

die() { echo "size-bench: $*" >&2; exit 1; }
[ -x "$MPY_LD" ] || die "no linker at $MPY_LD (run make first, or set MPY_LD)"
if [ -n "$MPY_LD_PY$MPY_LD_PY_63" ]; then
    "$PYTHON" -c 'import elftools' 2>/dev/null || die "$PYTHON has no pyelftools (needed by the reference)"
fi

if [ -n "${BENCH_DIR:-}" ]; then
    mkdir -p "$BENCH_DIR"
    WORK=$(cd "$BENCH_DIR" && pwd)
else
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/size-bench.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
fi

# build SRC_DIR ARCH GC DIR: builds the module of SRC_DIR into DIR with
# GC_SECTIONS=GC; the make log (V=1: it shows the link) is DIR/build.log.
# Upstream's examples that compile a file of its tree (extmod/modre.c...)
# find it through CFLAGS_EXTRA, after this SDK's headers.
build() {
    local src=$1 arch=$2 gc=$3 dir=$4 args=()
    [ -n "$MICROPY_SRC" ] && [[ $src == "$MICROPY_SRC"/* ]] && args+=(CFLAGS_EXTRA=-I"$MICROPY_SRC")
    if [ "$arch" = xtensawin ] && ! command -v xtensa-esp32-elf-gcc >/dev/null; then
        args+=(CROSS=xtensa-lx106-elf-) # the lx106 compiler stands in, as in tests/sdk
    fi
    rm -rf "$dir" && mkdir -p "$dir" && cp -r "$src"/. "$dir"/ && rm -rf "$dir"/build "$dir"/*.mpy
    make -C "$dir" MPY_DIR="$TOP" MPY_LD="$MPY_LD" ARCH="$arch" GC_SECTIONS="$gc" V=1 \
        "${args[@]}" >"$dir/build.log" 2>&1
}

# reference DIR MOD ARCH: links DIR's objects (as the SDK's link named them)
# with the reference, to the same output name; prints the size, or nothing
# when the reference cannot link them into a working module.
reference() {
    local dir=$1 mod=$2 arch=$3 ref=$MPY_LD_PY link libs=() objs=() prev='' w
    case $arch in rv*) ref=$MPY_LD_PY_63 ;; esac
    [ -n "$ref" ] || return 0
    link=$(grep -e "--qstrs build/$mod.config.h" "$dir/build.log" | grep -v -e --preprocess | tail -1)
    # The module's objects, not the SDK's init object (linked by mpy-ld
    # only when the module has initialised data or constructors).
    for w in $link; do
        case $prev:$w in
            --init-object:*) ;;
            *:*.o) objs+=("$w") ;;
            -l:*) libs+=(-l "$w") ;;
        esac
        prev=$w
    done
    [ ${#objs[@]} -gt 0 ] || return 0
    # Initialised data or constructors: the reference links the module
    # without running them (no init object), which is no working module.
    grep -q 'mpy_natmod_' "$dir/build.log" && return 0
    [ "$ref" = "$MPY_LD_PY_63" ] || libs=() # v1.21's has no -l
    # v1.28's reads libraries with the Python package ar; without it, modules
    # that need no library member still link.
    rm -f "$dir/build/$mod.native.mpy"
    run_reference "$dir" "$ref" "$mod" "$arch" "${objs[@]}" "${libs[@]}" ||
        { [ ${#libs[@]} -gt 0 ] && run_reference "$dir" "$ref" "$mod" "$arch" "${objs[@]}"; } &&
        stat -c %s "$dir/build/$mod.native.mpy"
}

# run_reference DIR REF MOD ARCH ARGS...: the reference's link in DIR.
run_reference() {
    local dir=$1 ref=$2 mod=$3 arch=$4
    shift 4
    (cd "$dir" && "$PYTHON" "$ref" --arch "$arch" --qstrs "build/$mod.config.h" \
        -o "build/$mod.native.mpy" "$@" >ref.log 2>&1)
}

# pct TENTHS: a number of tenths of a percent, as "-12.3".
pct() {
    local v=$1 sign=
    [ "$v" -lt 0 ] && sign=- v=$((-v))
    printf '%s%d.%d' "$sign" $((v / 10)) $((v % 10))
}

printf '%-22s %-10s %8s %8s %9s %8s %8s\n' module arch without with reference "-%/w/o" "-%/ref"
sum_without=0 n_without=0 sum_ref=0 n_ref=0 larger=0
declare -A failed=() # example -> the architectures it did not build for
examples=("$TOP"/examples/natmod/*/)
[ -n "$MICROPY_SRC" ] && examples+=("$MICROPY_SRC"/examples/natmod/*/)
for arch in $ARCHS; do
    for src in "${examples[@]}"; do
        src=${src%/}
        [ -f "$src/Makefile" ] || continue
        origin=ours
        [ -n "$MICROPY_SRC" ] && [[ $src == "$MICROPY_SRC"/* ]] && origin=upstream
        name=$origin/$(basename "$src")
        mod=$(sed -n 's/^MOD *= *//p' "$src/Makefile")
        mod=${mod//\$(ARCH)/$arch} # upstream's heapq_$(ARCH)...
        base=$WORK/$arch/$origin-$(basename "$src")
        if ! build "$src" "$arch" 0 "$base-0" || ! build "$src" "$arch" 1 "$base-1" ||
            [ ! -f "$base-0/build/$mod.native.mpy" ] || [ ! -f "$base-1/build/$mod.native.mpy" ]; then
            failed[$name]="${failed[$name]:-}${failed[$name]:+ }$arch"
            continue
        fi
        without=$(stat -c %s "$base-0/build/$mod.native.mpy")
        with=$(stat -c %s "$base-1/build/$mod.native.mpy")
        ref=$(reference "$base-0" "$mod" "$arch")
        # Reductions in tenths of a percent, to stay in shell integers.
        red_without=$(((without - with) * 1000 / without))
        sum_without=$((sum_without + red_without)) n_without=$((n_without + 1))
        red_ref=-
        if [ -n "$ref" ]; then
            red_ref=$(((ref - with) * 1000 / ref))
            sum_ref=$((sum_ref + red_ref)) n_ref=$((n_ref + 1))
            [ "$with" -gt "$ref" ] && larger=$((larger + 1))
            red_ref=$(pct "$red_ref")
        fi
        printf '%-22s %-10s %8d %8d %9s %8s %8s\n' "$name" "$arch" "$without" "$with" \
            "${ref:--}" "$(pct "$red_without")" "$red_ref"
    done
done

echo
for name in "${!failed[@]}"; do
    echo "not built: $name for ${failed[$name]}"
done | sort
mean() { if [ "$2" -gt 0 ]; then echo "$(pct $(($1 / $2)))%"; else echo -; fi; }
echo "mean reduction with --gc-sections: $(mean $sum_without $n_without) against the same" \
    "SDK without it ($n_without modules), $(mean $sum_ref $n_ref) against the reference" \
    "linker's output ($n_ref modules; larger than the reference: $larger)"
