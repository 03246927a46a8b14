#!/usr/bin/env bash
# MicroPython's own check of dynamic native modules, run on mpy-host:
# builds MicroPython's natmod examples (deflate, framebuf, heapq, random,
# re; btree needs the berkeley-db submodule and is left out, as the runner
# reports) with this repository's SDK and linker, then runs MicroPython's
# tests/run-natmodtests.py with mpy-host as the target. The runner embeds
# each .mpy in the test script and imports it from a Python file system
# mounted with os.mount. Not part of `make test`: it needs a MicroPython
# v1.21 source tree.
#
#   tests/host/natmodtests.sh UPSTREAM_DIR [ARCH...]
#
# ARCH: x64 and/or x86 (default both); x86 runs build/mpy-host-x86. Set
# MICROPYTHON_X64 / MICROPYTHON_X86 to run another runtime instead (a
# single command, e.g. a wrapper script around qemu-i386). Uses
# build/mpy-host and build/mpy-ld (run `make` first). The exit status is
# non-zero if a test fails.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
UPSTREAM=${1:?usage: $0 UPSTREAM_DIR [ARCH...]}
shift
ARCHS=("$@")
[ ${#ARCHS[@]} -gt 0 ] || ARCHS=(x64 x86)
EXAMPLES="deflate framebuf heapq random re"

for f in tests/run-natmodtests.py tools/pyboard.py examples/natmod extmod lib/uzlib lib/re1.5; do
    [ -e "$UPSTREAM/$f" ] || { echo "$UPSTREAM/$f: not found (a MicroPython source tree?)" >&2; exit 2; }
done

# The runner looks for ../examples/natmod/E/E_ARCH.mpy from its tests/
# folder and imports ../tools/pyboard.py: a scratch copy keeps the upstream
# tree untouched. The examples compile upstream's extmod/ and lib/ sources.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/examples" "$WORK/lib"
cp -r "$UPSTREAM/tests" "$UPSTREAM/tools" "$UPSTREAM/extmod" "$WORK/"
cp -r "$UPSTREAM/examples/natmod" "$WORK/examples/"
cp -r "$UPSTREAM/lib/uzlib" "$UPSTREAM/lib/re1.5" "$WORK/lib/"

status=0
for arch in "${ARCHS[@]}"; do
    case $arch in
        x64) runtime=${MICROPYTHON_X64:-$TOP/build/mpy-host} ;;
        x86) runtime=${MICROPYTHON_X86:-$TOP/build/mpy-host-x86} ;;
        *) echo "unknown ARCH $arch (x64 or x86)" >&2; exit 2 ;;
    esac
    echo "== $arch: $runtime"
    for e in $EXAMPLES; do
        dir=$WORK/examples/natmod/$e
        rm -rf "$dir/build"
        if ! make -C "$dir" MPY_DIR="$TOP" ARCH="$arch" CFLAGS_EXTRA="-I$WORK" >"$dir/build-$arch.log" 2>&1; then
            echo "build of $e for $arch failed:" >&2
            tail -n 5 "$dir/build-$arch.log" >&2
            status=1
        fi
    done
    (cd "$WORK/tests" && MICROPY_MICROPYTHON=$runtime python3 run-natmodtests.py -a "$arch" \
        extmod/btree*.py extmod/deflate*.py extmod/framebuf*.py extmod/heapq*.py \
        extmod/random*.py extmod/re*.py) || status=1
done
exit $status
