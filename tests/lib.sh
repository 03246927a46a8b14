# Shared helpers for test scripts. A test script sources this file and reports
# each case with test_pass, test_fail or test_skip; tests/run.sh adds them up.
# RESULTS names the file the outcomes are appended to (set by tests/run.sh).

: "${RESULTS:=/dev/null}"
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
: "${BUILD:=$TOP/build}"
: "${MPY_LD:=$BUILD/mpy-ld}"

test_pass() { echo "PASS $1"; echo "pass $1" >>"$RESULTS"; }
test_fail() { echo "FAIL $1${2:+: $2}"; echo "fail $1" >>"$RESULTS"; }
test_skip() { echo "SKIP $1${2:+: $2}"; echo "skip $1" >>"$RESULTS"; }

# have_tool CMD: true when CMD is on PATH.
have_tool() { command -v "$1" >/dev/null 2>&1; }
