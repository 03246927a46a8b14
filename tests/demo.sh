#!/usr/bin/env bash
# make demo: builds the seed's factorial module with this SDK (py/dynruntime.mk
# and mpy-ld), shows what was written, and imports it in the host runtime
# (mpy-host), which prints 3628800. The same .mpy runs in MicroPython v1.21's
# unix port.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
TOOLS_DIR=${1:-build}
case $TOOLS_DIR in /*) ;; *) TOOLS_DIR=$TOP/$TOOLS_DIR ;; esac
mod=$TOP/examples/natmod/factorial
echo "== make -C examples/natmod/factorial ARCH=x64"
make -C "$mod" ARCH=x64 MPY_LD="$TOOLS_DIR/mpy-ld" V=1 2>&1 | sed 's/^/   /'
echo
echo "== wrote examples/natmod/factorial/factorial.mpy ($(stat -c %s "$mod/factorial.mpy") bytes)"
od -A n -t u1 -N 4 "$mod/factorial.mpy" |
    awk '{printf "   header: magic %c, version %d, arch %d, sub-version %d, small-int bits %d\n", $1, $2, int($3 / 4), $3 % 4, $4}'
echo
echo "== mpy-host -c 'import factorial; print(factorial.factorial(10))'"
cd "$mod" && "$TOOLS_DIR/mpy-host" -c "import factorial; print(factorial.factorial(10))"
