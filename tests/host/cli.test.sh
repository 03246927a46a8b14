#!/usr/bin/env bash
# mpy-host's command line, checked against the behaviour of MicroPython
# v1.21's unix micropython: -c, a script with arguments, -m, -X heapsize,
# MICROPYPATH, stdin, exit statuses, tracebacks on stderr, SystemExit,
# import errors (unknown module, wrong architecture) and syntax errors.
source "$(dirname "$0")/../lib.sh"
source "$TOP/tests/host/examples-lib.sh"
source "$TOP/tests/fw-lib.sh"
HOST=${MPY_HOST:-$TOOLS_DIR/mpy-host}
make_tmpdir

if [ ! -x "$HOST" ]; then
    test_fail host/cli "$HOST not built"
    exit 0
fi

# check LABEL WANT_STATUS WANT_STDOUT WANT_STDERR_PATTERN -- COMMAND...:
# runs COMMAND; stdout must equal WANT_STDOUT, stderr must match the
# extended regular expression (empty: stderr must be empty).
check() {
    local label=$1 want_rc=$2 want_out=$3 want_err=$4
    shift 5
    local out err rc
    out=$("$@" 2>"$TMP/stderr" </dev/null)
    rc=$?
    err=$(cat "$TMP/stderr")
    if [ "$rc" != "$want_rc" ]; then
        test_fail "host/cli/$label" "exit status $rc, expected $want_rc (stderr: $(head -c 300 "$TMP/stderr"))"
    elif [ "$out" != "$want_out" ]; then
        test_fail "host/cli/$label" "stdout '$out', expected '$want_out'"
    elif [ -z "$want_err" ] && [ -n "$err" ]; then
        test_fail "host/cli/$label" "unexpected stderr: $err"
    elif [ -n "$want_err" ] && ! grep -qzE -- "$want_err" "$TMP/stderr"; then
        test_fail "host/cli/$label" "stderr '$err' does not match '$want_err'"
    else
        test_pass "host/cli/$label"
    fi
}

check c-print 0 "2 hello" "" -- "$HOST" -c 'print(1 + 1, "hello")'
check c-argv 0 "['-c', 'x', 'y']" "" -- "$HOST" -c 'import sys; print(sys.argv)' x y
check c-name 0 "<stdin> __main__" "" -- "$HOST" -c 'print(__file__, __name__)'
check no-code 1 "" "^Invalid command line arguments. Use -h option for help." -- "$HOST" -c
check bad-option 1 "" "^Invalid command line arguments" -- "$HOST" -Q

mkdir -p "$TMP/scripts/sub"
cat >"$TMP/scripts/sub/args.py" <<'PY'
import sys
print(sys.argv[1:], sys.argv[0].endswith("args.py"))
print(sys.path[0] == __file__.rsplit("/", 1)[0] or sys.path[0])
PY
check script-args 0 "['a', 'b c'] True
True" "" -- "$HOST" "$TMP/scripts/sub/args.py" a "b c"
check script-missing 2 "" "can't open file '$TMP/nosuch.py': \[Errno 2\] No such file or directory" -- "$HOST" "$TMP/nosuch.py"

check stdin-script 0 "5" "" -- bash -c "echo 'print(2 + 3)' | '$HOST'"
# sys.stdin reads text by characters; .buffer is the binary view of each
# stdio stream (outputs as MicroPython v1.21's unix port).
check stdin-buffer 0 "b'ab' <io.TextIOWrapper 0> <io.FileIO 0>
raw" "" -- bash -c "printf ab | '$HOST' -c 'import sys; print(sys.stdin.buffer.read(), sys.stdin, sys.stdin.buffer); sys.stdout.buffer.write(b\"raw\\n\")'"
check stdin-text 0 "'x\\xe9' 'y\\n' b'z'" "" -- bash -c "printf 'x\\303\\251y\\nz' | '$HOST' -c 'import sys; print(repr(sys.stdin.read(2)), repr(sys.stdin.readline()), sys.stdin.buffer.read())'"

# Uncaught exceptions: traceback on stderr, status 1.
printf 'def f():\n    raise ValueError("bad")\nf()\n' >"$TMP/scripts/raise.py"
check traceback 1 "" "^Traceback \(most recent call last\):
  File \"$TMP/scripts/raise.py\", line 3, in <module>
  File \"$TMP/scripts/raise.py\", line 2, in f
ValueError: bad
$" -- "$HOST" "$TMP/scripts/raise.py"
check traceback-c 1 "before" "^Traceback \(most recent call last\):
  File \"<stdin>\", line 1, in <module>
KeyError: 3
$" -- "$HOST" -c 'print("before"); {}[3]'

# SystemExit: its code (None 0, an int its low 8 bits, anything else 1).
check exit-3 3 "" "" -- "$HOST" -c 'import sys; sys.exit(3)'
check exit-none 0 "out" "" -- "$HOST" -c 'import sys; print("out"); sys.exit()'
check exit-261 5 "" "" -- "$HOST" -c 'raise SystemExit(261)'
check exit-msg 1 "" "" -- "$HOST" -c 'import sys; sys.exit("msg")'
check exit-caught 0 "caught 4" "" -- "$HOST" -c '
import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("caught", e.args[0])'

check syntax-error 1 "" "SyntaxError: invalid syntax" -- "$HOST" -c 'x = ('
check import-unknown 1 "" "ImportError: no module named 'nosuch'" -- "$HOST" -c 'import nosuch'
check m-unknown 1 "" "ImportError: no module named 'nosuch'" -- "$HOST" -m nosuch

# -X heapsize: a small heap runs out, a bad size is refused.
check heapsize-small 1 "" "MemoryError" -- "$HOST" -X heapsize=200k -c 'x = bytearray(1000000)'
check heapsize-ok 0 "1000000" "" -- "$HOST" -X heapsize=4m -c 'print(len(bytearray(1000000)))'
check heapsize-bad 1 "" "^Invalid command line arguments" -- "$HOST" -X heapsize=1q -c 1

check micropypath 0 "['', '/a', '/b']" "" -- env MICROPYPATH=/a:/b "$HOST" -c 'import sys; print(sys.path)'

# --arch: the runtime of another architecture, run natively or under
# qemu-i386, with the same command line, output and exit status.
check arch-own 0 "1" "" -- "$HOST" --arch x64 -c 'print(1)'
check arch-no-value 1 "" "^Invalid command line arguments" -- "$HOST" --arch
check arch-unknown 1 "" "^mpy-host: --arch arm64: unknown architecture; it runs x64, x86, armv6m, armv7m, armv7emsp, armv7emdp, rv32imc, rv64imc and xtensa" -- "$HOST" --arch arm64 -c 1
check arch-other 1 "" "^mpy-host: --arch xtensawin: this mpy-host cannot run xtensawin code" -- "$HOST" --arch xtensawin -c 1
mkdir -p "$TMP/alone"
cp "$HOST" "$TMP/alone/mpy-host"
check arch-not-built 1 "" "^mpy-host: there is no x86 runtime \($TMP/alone/x86/mpy-host\): make builds it where gcc -m32" \
    -- "$TMP/alone/mpy-host" --arch x86 -c 1
check arch-firmware-not-built 1 "" "^mpy-host: there is no armv7m firmware \($TMP/alone/armv7m/firmware.elf\): make builds it where arm-none-eabi-gcc and picolibc can link \(Debian: gcc-arm-none-eabi picolibc-arm-none-eabi\)" \
    -- "$TMP/alone/mpy-host" --arch armv7m -c 1
# The firmware under QEMU (one architecture per instruction set): the same
# command line, output, tracebacks and exit status; a clear error without
# QEMU.
for arch in armv7m rv32imc xtensa; do
    fw_config "$arch"
    if [ ! -f "$TOOLS_DIR/$arch/firmware.elf" ]; then
        test_skip "host/cli/arch-$arch" "no $arch firmware (make firmware: needs $FW_PKG)"
    elif ! have_tool "$FW_QEMU"; then
        test_skip "host/cli/arch-$arch" "$FW_QEMU not installed (Debian: $FW_QEMU_PKG)"
    else
        check "arch-$arch" 0 "2147483647 ['-c', 'a b', '%,x']" "" -- "$HOST" --arch "$arch" -c 'import sys; print(sys.maxsize, sys.argv)' 'a b' '%,x'
        check "arch-$arch-exit" 7 "out" "" -- "$HOST" --arch "$arch" -c 'print("out"); raise SystemExit(7)'
        check "arch-$arch-traceback" 1 "" "^Traceback \(most recent call last\):" -- "$HOST" --arch "$arch" -c '1/0'
        mkdir -p "$TMP/noqemu"
        check "arch-$arch-no-qemu" 1 "" "^mpy-host: $arch code runs under $FW_QEMU, which is not installed: install it \(Debian: $FW_QEMU_PKG\)" \
            -- env PATH="$TMP/noqemu" "$HOST" --arch "$arch" -c 1
    fi
done
why=$(host_runtime_missing x86)
if [ -n "$why" ]; then
    test_skip host/cli/arch-x86 "$why"
else
    X86_HOST=$(host_command x86)
    check arch-x86 0 "2147483647 ['-c', 'a']" "" -- "$HOST" --arch x86 -c 'import sys; print(sys.maxsize, sys.argv)' a
    check arch-x86-exit 7 "out" "" -- "$HOST" --arch x86 -c 'print("out"); raise SystemExit(7)'
    check arch-x86-traceback 1 "" "^Traceback \(most recent call last\):
  File \"<stdin>\", line 1, in <module>
ZeroDivisionError: divide by zero" -- "$HOST" --arch x86 -c '1/0'
    check arch-x86-stdin 0 "5" "" -- bash -c "echo 'print(2 + 3)' | '$X86_HOST'"
    if x86_probe && [ -n "$X86_RUN" ]; then
        # Messages name the command as typed, also under qemu-i386 (which
        # would name the program's path).
        check arch-x86-argv0 2 "" "^$X86_HOST: can't open file 'nosuch.py'" -- "$X86_HOST" nosuch.py
        check arch-x86-no-qemu 1 "" "^mpy-host: this machine's kernel cannot run x86 programs .*install it \(Debian: qemu-user\)" \
            -- env PATH=/nonexistent "$X86_HOST" -c 1
    else
        check arch-x86-native 0 "1" "" -- env PATH=/nonexistent "$X86_HOST" -c 'print(1)'
    fi
fi

# Native modules found through MICROPYPATH; -m; a module of another
# architecture (the header's arch field changed to x86).
why=$(host_arch_missing x64)
if [ -n "$why" ]; then
    test_skip host/cli/modules "$why"
elif ! host_build_example factorial x64 "$TMP/mods"; then
    test_fail host/cli/modules "building examples/natmod/factorial failed"
else
    check import-mpy 0 "3628800" "" -- env MICROPYPATH="$TMP/mods" "$HOST" -c 'import factorial; print(factorial.factorial(10))'
    check m-module 0 "" "" -- env MICROPYPATH="$TMP/mods" "$HOST" -m factorial a b
    cp "$TMP/mods/factorial.mpy" "$TMP/mods/wrongarch.mpy"
    printf '\005' | dd of="$TMP/mods/wrongarch.mpy" bs=1 seek=2 conv=notrunc 2>/dev/null
    check wrong-arch 1 "" "ValueError: incompatible .mpy arch" -- env MICROPYPATH="$TMP/mods" "$HOST" -c 'import wrongarch'
fi
exit 0
