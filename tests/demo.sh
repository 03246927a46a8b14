#!/usr/bin/env bash
# make demo: links a native module with mpy-ld and shows what it wrote.
# (Until the SDK and the host runtime are in place, the module is one of the
# committed linker test objects.)
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build}
case $BUILD in /*) ;; *) BUILD=$TOP/$BUILD ;; esac
out=$BUILD/demo
mkdir -p "$out"
obj=$TOP/tests/ld/objs/x64/qstrs/qstrs.o
cfg=$TOP/tests/ld/modules/qstrs/qstrs.config.h
cp "$obj" "$cfg" "$out/"
cd "$out"
echo "mpy-ld --arch x64 --qstrs qstrs.config.h -o qstrs.mpy qstrs.o"
"$BUILD/mpy-ld" --arch x64 --qstrs qstrs.config.h -o qstrs.mpy qstrs.o
echo
echo "wrote $out/qstrs.mpy ($(stat -c %s "$out/qstrs.mpy") bytes); header:"
od -A d -t x1 -N 16 "$out/qstrs.mpy"
