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
# The modules the tests build use this checkout's mpy-tool (the SDK would
# otherwise build $TOP/build/mpy-tool on demand, also in a sanitizer run).
: "${MPY_TOOL:=$TOOLS_DIR/mpy-tool}"
export MPY_TOOL

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

# The compiler and flags of the build under test (`make test` passes them;
# under SANITIZE=1 the flags carry the sanitizers).
: "${TEST_CC:=cc}"
: "${TEST_CFLAGS:=-O2 -g}"
: "${TEST_LDFLAGS:=}"

# 32-bit x86. gcc -m32 needs the multilib headers and libraries (Debian:
# gcc-multilib). Running what it builds needs a kernel with IA-32 emulation,
# which some kernels lack ("Exec format error"): there the user-mode
# emulator qemu-i386 (Debian: qemu-user) runs i386 programs instead.

# x86_cc_missing [CC]: why CC (default gcc) -m32 cannot compile x86 code
# (modules, header checks) here, or nothing.
x86_cc_missing() {
    local cc=${1:-gcc}
    printf '#include <stdint.h>\nint x86_probe;\n' | $cc -m32 -x c -c -o /dev/null - >/dev/null 2>&1 ||
        echo "$cc -m32 cannot compile (Debian: gcc-multilib)"
}

# x86_probe [CC [FLAGS...]]: builds a program with CC -m32 FLAGS (default:
# the build's compiler and flags) and runs it. On success sets X86_RUN to
# what runs such programs here: empty where the kernel runs them, qemu-i386
# where it refuses them (x86_wrap uses it). Otherwise sets X86_WHY and
# returns 1. Only running a linked program tells the two kinds of machine
# apart: both link it.
x86_probe() {
    local cc=${1:-$TEST_CC} dir
    [ $# -gt 0 ] && shift
    # The default flags are lists: split on purpose.
    # shellcheck disable=SC2086
    [ $# -eq 0 ] && set -- $TEST_CFLAGS $TEST_LDFLAGS
    X86_RUN= X86_WHY=
    dir=$(mktemp -d)
    printf 'int main(void) { return 0; }\n' >"$dir/probe.c"
    if ! $cc -m32 "$@" "$dir/probe.c" -o "$dir/probe.i386" >/dev/null 2>&1; then
        X86_WHY="$cc -m32 cannot link (Debian: gcc-multilib)"
    else
        X86_WHY="i386 programs run neither natively nor under qemu-i386"
        for X86_RUN in "" qemu-i386; do
            if [ -n "$X86_RUN" ] && ! have_tool "$X86_RUN"; then
                X86_WHY="this kernel cannot run i386 programs and qemu-i386 is not installed (Debian: qemu-user)"
                break
            fi
            if x86_write_runner "$dir/probe" "$dir/probe.i386" && timeout 60 "$dir/probe" >/dev/null 2>&1; then
                X86_WHY=
                break
            fi
        done
    fi
    rm -rf "$dir"
    [ -z "$X86_WHY" ] || X86_RUN=
    [ -z "$X86_WHY" ]
}

# x86_wrap PROGRAM: makes the i386 PROGRAM runnable as it is here, after
# x86_probe: PROGRAM becomes a script that runs the original (moved to
# PROGRAM.i386) directly or under qemu-i386.
x86_wrap() {
    mv "$1" "$1.i386" && x86_write_runner "$1" "$1.i386"
}

# x86_write_runner SCRIPT PROGRAM: writes SCRIPT, which runs PROGRAM with
# X86_RUN. Without LeakSanitizer: its check at exit stops the other threads
# with ptrace, which qemu-user does not emulate, and hangs; and a kernel
# may hand i386 programs to qemu-i386 unasked (binfmt_misc). Leaks are
# still checked in the x64 runs of the same code.
x86_write_runner() {
    printf '#!/bin/sh\nASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" exec %s"%s" "$@"\n' \
        "${X86_RUN:+$X86_RUN }" "$2" >"$1" && chmod +x "$1"
}

# host_runtime_missing ARCH: why mpy-host cannot run ARCH (x64 or x86)
# code here, or nothing. mpy-host-x86 itself runs the x86 runtime under
# qemu-i386 where the kernel needs it to.
host_runtime_missing() {
    case $1 in
        x86) x86_probe || echo "$X86_WHY" ;;
    esac
}

# host_command ARCH: the mpy-host command for ARCH's code.
host_command() {
    case $1 in
        x64) echo "$TOOLS_DIR/mpy-host" ;;
        x86) echo "$TOOLS_DIR/mpy-host-x86" ;;
    esac
}

# host_scripts_test PREFIX DIR: runs each DIR/NAME.py with mpy-host and
# mpy-host-x86, from DIR; each must print DIR/NAME.py.exp (stdout and
# stderr). One result per script and runtime: PREFIX/mpy-host[-x86]/NAME.
host_scripts_test() {
    local prefix=$1 dir=$2 arch host why test name out
    out=$(mktemp -d)
    for arch in x64 x86; do
        host=$(host_command "$arch")
        why=$(host_runtime_missing "$arch")
        if [ -n "$why" ]; then
            test_skip "$prefix/$(basename "$host")" "$why"
            continue
        fi
        if [ ! -x "$host" ]; then
            test_fail "$prefix/$(basename "$host")" "$host not built"
            continue
        fi
        for test in "$dir"/*.py; do
            name=$(basename "$test" .py)
            (cd "$dir" && timeout 60 "$host" "$name.py" >"$out/$name.out" 2>&1)
            if diff -u "$test.exp" "$out/$name.out" >"$out/$name.diff"; then
                test_pass "$prefix/$(basename "$host")/$name"
            else
                test_fail "$prefix/$(basename "$host")/$name" "output differs from $name.py.exp"
                head -30 "$out/$name.diff"
            fi
        done
    done
    rm -rf "$out"
}
