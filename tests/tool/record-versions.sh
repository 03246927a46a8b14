#!/usr/bin/env bash
# shellcheck disable=SC2086 # input lists are split on purpose
# Maintainer script (not run by `make test`): records the merge cases of
# merge-cases-versions.txt whose sub-version is that of the given release's
# mpy-tool.py, and the native fixtures they use.
#
#   MPY_TOOL_PY=/path/to/micropython-1.28.0/tools/mpy-tool.py tests/tool/record-versions.sh
#
# The release's tool only reads native code of its own sub-version. This
# project's tools must be built first (make); PYTHON (default python3) runs
# the reference.
set -euo pipefail

: "${MPY_TOOL_PY:?set MPY_TOOL_PY to the tools/mpy-tool.py of a MicroPython release}"
PYTHON=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
FIX=$HERE/fixtures
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

sub=$(sed -n 's/^ *MPY_SUB_VERSION = \([0-9]\)$/\1/p' "$MPY_TOOL_PY" | head -n 1)
[ -n "$sub" ] || { echo "no MPY_SUB_VERSION in $MPY_TOOL_PY" >&2; exit 1; }
echo "== .mpy 6.$sub ($MPY_TOOL_PY)"

# The factorial example for this sub-version, built with this SDK.
cp -r "$TOP/examples/natmod/factorial" "$WORK/factorial"
make -C "$WORK/factorial" MPY_DIR="$TOP" ARCH=x64 MPY_VERSION="6.$sub" >"$WORK/build.log" 2>&1
cp "$WORK/factorial/factorial.mpy" "$FIX/x64-factorial-6.$sub.mpy"
echo "fixtures/x64-factorial-6.$sub.mpy"
if [ "$sub" = 3 ]; then
    # Architecture flags 0x3: feature byte | 0x40, then the flags as a var uint.
    f=$FIX/x64-factorial-6.3.mpy
    { head -c 2 "$f"
      printf "\\$(printf '%03o' $(($(od -An -tu1 -j2 -N1 "$f") | 0x40)))"
      head -c 4 "$f" | tail -c 1
      printf '\003'
      tail -c +5 "$f"; } >"$FIX/x64-flags-6.3.mpy"
    echo "fixtures/x64-flags-6.3.mpy"
fi

grep -v '^[[:space:]]*\(#\|$\)' "$HERE/merge-cases-versions.txt" | while read -r name case_sub inputs; do
    [ "$case_sub" = "$sub" ] || continue
    (cd "$FIX" && "$PYTHON" "$MPY_TOOL_PY" --merge -o "$HERE/golden/$name.mpy" $inputs)
    echo "golden/$name.mpy"
done
