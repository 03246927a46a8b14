# Shared helpers for test scripts. A test script sources this file and reports
# each case with test_pass, test_fail or test_skip; tests/run.sh adds them up.
# RESULTS names the file the outcomes are appended to (set by tests/run.sh).

: "${RESULTS:=/dev/null}"
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# TOOLS_DIR: where the tools were built. (Not BUILD: py/dynruntime.mk reads
# that variable as the build folder of a module, so it must not leak there.)
: "${TOOLS_DIR:=$TOP/build}"
unset BUILD
: "${MPY_LD:=$TOOLS_DIR/mpy-ld}"

test_pass() { echo "PASS $1"; echo "pass $1" >>"$RESULTS"; }
test_fail() { echo "FAIL $1${2:+: $2}"; echo "fail $1" >>"$RESULTS"; }
test_skip() { echo "SKIP $1${2:+: $2}"; echo "skip $1" >>"$RESULTS"; }

# have_tool CMD: true when CMD is on PATH.
have_tool() { command -v "$1" >/dev/null 2>&1; }

# Sanitizer reports get exit codes of their own, so that a test can tell a
# memory error from an ordinary error exit (status 1).
export ASAN_OPTIONS="exitcode=99${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="exitcode=98:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

# make_tmpdir: a scratch directory removed when the script exits.
make_tmpdir() {
    TMP=$(mktemp -d)
    trap 'rm -rf "$TMP"' EXIT
}
