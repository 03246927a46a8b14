#!/usr/bin/env bash
# make demo: builds the seed's factorial module with this SDK (py/dynruntime.mk
# and mpy-ld) and shows what was written. Importing it in the host runtime
# (mpy-host) follows once the runtime exists; until then the .mpy is for
# MicroPython v1.21 firmware (x64: the unix port).
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
if [ -x "$TOOLS_DIR/mpy-host" ]; then
    echo "== mpy-host -c 'import factorial; print(factorial.factorial(10))'"
    cd "$mod" && "$TOOLS_DIR/mpy-host" -c "import factorial; print(factorial.factorial(10))"
else
    echo "== mpy-host is not built yet: import the module in MicroPython v1.21 (unix port):"
    echo "   cd examples/natmod/factorial && micropython -c 'import factorial; print(factorial.factorial(10))'"
fi
