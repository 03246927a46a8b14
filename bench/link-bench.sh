#!/usr/bin/env bash
# link-bench.sh - how fast mpy-ld links x64 native modules, optionally next
# to the reference tools/mpy_ld.py. A benchmark, not a test: it prints
# figures and never judges them (it stops only when a link fails).
#
#   bench/link-bench.sh
#
# Environment:
#   MPY_LD     the linker to time (default: build/mpy-ld of this tree)
#   MPY_LD_PY  path to the reference mpy_ld.py; when set it is timed on the
#              same inputs, its output compared byte for byte with ours, and
#              the ratio reference/ours printed
#   PYTHON     interpreter for MPY_LD_PY, needs pyelftools (default /usr/bin/python3)
#   SERIES     function counts of the scaling series, multiples of 250
#              (default "500 1000 2000 4000 8000"; "" for none). The large
#              module (4000 functions) is always built.
#   CC         C compiler (default gcc)
#   JOBS       parallel compiles (default: number of CPUs)
#   BENCH_DIR  build the inputs here and keep them; a later run with the
#              same generator, compiler and series reuses the objects
#   RUNS       minimum timed runs of mpy-ld per input (default 11)
#   REF_RUNS   minimum timed runs of the reference per input (default 3)
set -eu -o pipefail

TOP=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$TOP/bench
: "${MPY_LD:=$TOP/build/mpy-ld}"
: "${MPY_LD_PY:=}"
: "${PYTHON:=/usr/bin/python3}"
: "${SERIES=500 1000 2000 4000 8000}"
: "${CC:=gcc}"
: "${JOBS:=$(nproc 2>/dev/null || echo 2)}"
: "${RUNS:=11}"
: "${REF_RUNS:=3}"

# The flags py/dynruntime.mk uses for ARCH=x64.
CFLAGS_X64="-std=c99 -Os -Wall -Werror -DNDEBUG -DNO_QSTR -DMICROPY_ENABLE_DYNRUNTIME"
CFLAGS_X64="$CFLAGS_X64 -fpic -fno-common -U _FORTIFY_SOURCE -fno-stack-protector"

PER=250           # functions per block of the large module
LARGE_FUNCS=4000  # the "large" input

die() { echo "link-bench: $*" >&2; exit 1; }

abspath() { case $1 in /*) echo "$1" ;; */*) echo "$PWD/$1" ;; *) command -v "$1" || echo "$1" ;; esac; }
MPY_LD=$(abspath "$MPY_LD")
[ -z "$MPY_LD_PY" ] || MPY_LD_PY=$(abspath "$MPY_LD_PY")
[ -x "$MPY_LD" ] || die "no linker at $MPY_LD (run make first, or set MPY_LD)"
command -v "${CC%% *}" >/dev/null || die "no C compiler ($CC)"
if [ -n "$MPY_LD_PY" ]; then
    [ -f "$MPY_LD_PY" ] || die "MPY_LD_PY=$MPY_LD_PY: no such file"
    "$PYTHON" -c 'import elftools' 2>/dev/null || die "$PYTHON has no pyelftools (needed by $MPY_LD_PY)"
fi
for n in $SERIES; do
    [[ $n =~ ^[0-9]+$ ]] && [ "$n" -gt 0 ] && [ $((n % PER)) -eq 0 ] ||
        die "SERIES: $n is not a positive multiple of $PER"
done

if [ -n "${BENCH_DIR:-}" ]; then
    mkdir -p "$BENCH_DIR"
    WORK=$(cd "$BENCH_DIR" && pwd)
else
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/link-bench.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
fi

# Time a private copy of the linker, so that rebuilding the tree while the
# benchmark runs cannot pull the binary away in the middle.
LD_BIN=$WORK/.mpy-ld
cp "$MPY_LD" "$LD_BIN"

# ---------------------------------------------------------------------------
# Building the inputs

gen() { awk -f "$BENCH/gen-module.awk" -v dir="$WORK" "$@"; }

# compile HEADER SRC...: compile the sources (in $WORK, in parallel) with the
# qstr config header HEADER force-included, as a natmod Makefile does.
compile() {
    local hdr=$1 src
    shift
    rm -f "$WORK/.compile-failed"
    for src in "$@"; do
        while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
        (cd "$WORK" && $CC $CFLAGS_X64 -include "$hdr" -c -o "${src%.c}.o" "$src" ||
            touch "$WORK/.compile-failed") &
    done
    wait
    [ ! -e "$WORK/.compile-failed" ] || die "compile failed (with $hdr)"
}

# preprocess OUT SRC...: write the qstr config header OUT for the sources.
preprocess() {
    local out=$1
    shift
    (cd "$WORK" && "$LD_BIN" --preprocess -o "$out" "$@") >/dev/null ||
        die "mpy-ld --preprocess failed for $out"
}

# Inputs: NAME -> its objects in link order, and its config header.
declare -A OBJS HDR FUNCS
INPUTS=()

# small: one file, 4 functions, all stored under their own qstrs.
build_small() {
    local src
    src=$(gen -v name=small -v per=4 -v what=single)
    preprocess small.config.h "$src"
    compile small.config.h "$src"
    INPUTS+=(small); OBJS[small]=small.o; HDR[small]=small.config.h; FUNCS[small]=4
}

# medium: 4 files of 60 functions (about 100 KB of code) and a main file.
build_medium() {
    local blocks main
    blocks=$(gen -v name=medium -v per=60 -v what=blocks -v blocks=4)
    main=$(gen -v name=medium -v per=60 -v what=main -v blocks=4)
    preprocess medium.config.h $blocks $main
    compile medium.config.h $blocks $main
    INPUTS+=(medium); OBJS[medium]=$(echo $blocks $main | sed 's/\.c/.o/g')
    HDR[medium]=medium.config.h; FUNCS[medium]=240
}

# large-N: the first N/250 blocks of one set (compiled once) plus a main
# file for them. The blocks' qstrs come first in every config header, so
# the header of each size agrees with the one the blocks were compiled with.
build_large() {
    local max=$LARGE_FUNCS n k b blocks=() main objs
    for n in $SERIES; do [ "$n" -gt "$max" ] && max=$n; done
    k=$((max / PER))
    for ((b = 0; b < k; b++)); do blocks+=("large_$b.c"); done
    local stamp
    stamp=".built-$( (cat "$BENCH/gen-module.awk"; echo "$CC $CFLAGS_X64 $k"; $CC --version 2>&1 | head -1) | cksum | cut -d' ' -f1)"
    if [ ! -f "$WORK/$stamp" ]; then
        gen -v name=large -v per=$PER -v what=blocks -v blocks=$k >/dev/null
        preprocess large-blocks.config.h "${blocks[@]}"
        echo "  compiling $max functions in $k files ($JOBS jobs)..." >&2
        compile large-blocks.config.h "${blocks[@]}"
        touch "$WORK/$stamp"
    fi
    for n in $( (echo $LARGE_FUNCS; printf '%s\n' $SERIES) | sort -n -u); do
        k=$((n / PER))
        main=$(gen -v name=large -v per=$PER -v what=main -v blocks=$k)
        preprocess "large-$n.config.h" "${blocks[@]:0:k}" "$main"
        cmp -s <(grep Bm_attr "$WORK/large-blocks.config.h") <(grep Bm_attr "$WORK/large-$n.config.h") ||
            die "large-$n.config.h numbers the blocks' qstrs differently"
        compile "large-$n.config.h" "$main"
        objs=$(echo "${blocks[@]:0:k}" "$main" | sed 's/\.c/.o/g')
        INPUTS+=("large-$n"); OBJS[large-$n]=$objs; HDR[large-$n]=large-$n.config.h; FUNCS[large-$n]=$n
    done
}

# ---------------------------------------------------------------------------
# Timing

now_us() { local t=$EPOCHREALTIME; echo "${t//[.,]/}"; }

# children_cpu: set CPU_US to the user+sys time of all finished child
# processes so far. The builtin `times` has to run in this shell (in a $(...)
# subshell it would only see the subshell's children), hence the file.
children_cpu() {
    times >"$WORK/.times"
    local line
    line=$(sed -n 2p "$WORK/.times")   # e.g. "0m1.234s 0m0.056s"
    CPU_US=$(($(min_sec_us "${line%% *}") + $(min_sec_us "${line##* }")))
}
min_sec_us() {   # "1m2.345s" -> microseconds
    local v=${1%s} m sec whole frac
    m=${v%%m*}; sec=${v#*m}; sec=${sec/,/.}
    whole=${sec%%.*}; frac=${sec#*.}000000; frac=${frac:0:6}
    echo $(((10#$m * 60 + 10#$whole) * 1000000 + 10#$frac))
}

# time_runs MIN MAX BUDGET_MS CMD...: run CMD (in $WORK, output discarded) at
# least MIN and at most MAX times, stopping once the runs took BUDGET_MS in
# all. Sets T_BEST, T_MED, T_CPU (microseconds; CPU is the mean per run) and T_N.
time_runs() {
    local min=$1 max=$2 budget=$(($3 * 1000)) t0 t1 c0 c1 total=0 ts=() n=0
    shift 3
    cd "$WORK"
    children_cpu; c0=$CPU_US
    while [ $n -lt "$min" ] || { [ $n -lt "$max" ] && [ $total -lt $budget ]; }; do
        t0=$(now_us)
        "$@" >/dev/null 2>&1 || die "failed: $* (in $WORK)"
        t1=$(now_us)
        ts+=($((t1 - t0))); total=$((total + t1 - t0)); n=$((n + 1))
    done
    children_cpu; c1=$CPU_US
    cd - >/dev/null
    mapfile -t ts < <(printf '%s\n' "${ts[@]}" | sort -n)
    T_BEST=${ts[0]}; T_MED=${ts[$((n / 2))]}; T_CPU=$(((c1 - c0) / n)); T_N=$n
}

ms() { awk -v u="$1" 'BEGIN { f = u < 10000 ? "%.2f" : u < 100000 ? "%.1f" : "%.0f"; printf f, u / 1000 }'; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

# ---------------------------------------------------------------------------

echo "link-bench: building the inputs in $WORK" >&2
build_small
build_medium
build_large

ck=$(cksum <"$LD_BIN")
echo "mpy-ld:     $MPY_LD (timed: a copy taken at the start, cksum ${ck%% *})"
if [ -n "$MPY_LD_PY" ]; then
    echo "reference:  $PYTHON $MPY_LD_PY"
else
    echo "reference:  not timed (set MPY_LD_PY=/path/to/tools/mpy_ld.py)"
fi
echo "compiler:   $CC $CFLAGS_X64 ($($CC -dumpfullversion 2>/dev/null || echo '?'))"
echo "host:       $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Fixed costs: starting any process at all, and for the reference starting
# Python and importing pyelftools. They bound the ratio for small inputs.
time_runs 11 201 500 /bin/true
floor=$T_BEST
echo "floor:      /bin/true takes $(ms "$floor") ms (best of $T_N): process start, included in every time below"
if [ -n "$MPY_LD_PY" ]; then
    time_runs 3 11 1000 "$PYTHON" -c 'import elftools.elf.elffile'
    echo "            $PYTHON importing pyelftools takes $(ms "$T_BEST") ms, part of every reference time"
fi
echo "times:      wall clock per link, best and median of n runs (process start"
echo "            included); cpu = mean user+sys per run, fork included${MPY_LD_PY:+; ratio = ref best / ours best}"
echo

declare -A R_OBJ R_CODE R_GOT R_BEST R_MED R_CPU R_N R_REF R_REFN R_SAME
for inp in "${INPUTS[@]}"; do
    echo "  timing $inp..." >&2
    name=$inp
    objs=${OBJS[$inp]}
    args=(--arch x64 --qstrs "${HDR[$inp]}" -o "$name.mpy" $objs)
    # One verbose run for the figures (and to check the link works at all).
    (cd "$WORK" && "$LD_BIN" -v "${args[@]}" >"$name.log" 2>&1) ||
        { cat "$WORK/$name.log" >&2; die "mpy-ld failed on $inp"; }
    R_GOT[$inp]=$(sed -n 's/^GOT entries: *//p' "$WORK/$name.log")
    R_CODE[$inp]=$(sed -n 's/^text size: *//p' "$WORK/$name.log")
    R_OBJ[$inp]=$(cd "$WORK" && cat $objs | wc -c)
    cp "$WORK/$name.mpy" "$WORK/$name.ours.mpy"

    time_runs "$RUNS" 201 1000 "$LD_BIN" "${args[@]}"
    R_BEST[$inp]=$T_BEST; R_MED[$inp]=$T_MED; R_CPU[$inp]=$T_CPU; R_N[$inp]=$T_N

    if [ -n "$MPY_LD_PY" ]; then
        time_runs "$REF_RUNS" 11 3000 "$PYTHON" "$MPY_LD_PY" "${args[@]}"
        R_REF[$inp]=$T_BEST; R_REFN[$inp]=$T_N
        if cmp -s "$WORK/$name.mpy" "$WORK/$name.ours.mpy"; then R_SAME[$inp]=SAME; else R_SAME[$inp]=DIFF; fi
    fi
done

hdr="%-12s %5s %9s %9s %6s %6s  %9s %9s %7s %4s"
row="%-12s %5d %9s %9s %6d %6d  %9s %9s %7s %4d"
if [ -n "$MPY_LD_PY" ]; then
    hdr="$hdr  %9s %3s %8s %s"
    row="$row  %9s %3d %8s %s"
fi
printf "$hdr\n" input files "obj KiB" "code KiB" funcs GOT "ours best" median cpu n \
    ${MPY_LD_PY:+"ref best" n "ref/ours" output}
printf "$hdr\n" "" "" "" "" "" "" ms ms ms "" ${MPY_LD_PY:+ms "" "" ""}
worst=
for inp in "${INPUTS[@]}"; do
    set -- ${OBJS[$inp]}
    extra=()
    if [ -n "$MPY_LD_PY" ]; then
        ratio=$(awk -v r="${R_REF[$inp]}" -v o="${R_BEST[$inp]}" 'BEGIN { printf "%.0fx", r / o }')
        extra=("$(ms "${R_REF[$inp]}")" "${R_REFN[$inp]}" "$ratio" "${R_SAME[$inp]}")
        if [ -z "$worst" ] || [ "${ratio%x}" -lt "${worst%x}" ]; then worst=$ratio; fi
    fi
    printf "$row\n" "$inp" $# "$(kib "${R_OBJ[$inp]}")" "$(kib "${R_CODE[$inp]}")" "${FUNCS[$inp]}" \
        "${R_GOT[$inp]}" "$(ms "${R_BEST[$inp]}")" "$(ms "${R_MED[$inp]}")" "$(ms "${R_CPU[$inp]}")" \
        "${R_N[$inp]}" "${extra[@]}"
done
echo "(code = machine code + rodata of the linked module, the .mpy's text size;"
echo " large-$LARGE_FUNCS is the large input)"

# Scaling: per MB of object files and per 1000 functions, for the series.
series=$(printf '%s\n' $SERIES | sort -n -u)
if [ -n "$series" ]; then
    echo
    echo "scaling (best times):"
    shdr="%-12s %10s %14s %14s"
    [ -n "$MPY_LD_PY" ] && shdr="$shdr %14s %14s"
    printf "$shdr\n" input "obj MB" "ours ms/MB" "ours ms/1000f" ${MPY_LD_PY:+"ref ms/MB" "ref ms/1000f"}
    for n in $series; do
        inp=large-$n
        awk -v name="$inp" -v b="${R_OBJ[$inp]}" -v f="$n" -v o="${R_BEST[$inp]}" -v r="${R_REF[$inp]:-}" '
            BEGIN {
                mb = b / 1e6
                printf "%-12s %10.2f %14.2f %14.2f", name, mb, o / 1000 / mb, o / f
                if (r != "") printf " %14.0f %14.0f", r / 1000 / mb, r / f
                printf "\n"
            }'
    done
fi

if [ -n "$MPY_LD_PY" ]; then
    echo
    echo "target: ours at least 100x faster than the reference at every size; lowest ratio here: $worst"
    for inp in "${INPUTS[@]}"; do
        [ "${R_SAME[$inp]}" = SAME ] || echo "note: $inp: outputs differ (compare $WORK/$inp.mpy with $WORK/$inp.ours.mpy)"
    done
fi
