#!/usr/bin/env bash
# The SDK examples in MicroPython's own QEMU firmware: every example of
# examples/natmod/ built with this SDK for the .mpy version of the given
# MicroPython source tree (v1.25 and later: ports/qemu) and for each
# architecture one of its QEMU boards loads, sent with the test script
# tests/host/NAME.py to that firmware's raw REPL (upstream's
# tools/pyboard.py over a pty), and the output compared with the .exp file
# that mpy-host must print too. Not part of `make test`: it needs a
# MicroPython source tree with the firmware built (the script prints the
# command when it is missing).
#
#   tests/host/upstream-qemu.sh UPSTREAM_DIR [ARCH...]
#
# ARCH: armv7m (board MPS2_AN385), armv7emdp (MPS2_AN500), rv32imc
# (VIRT_RV32), rv64imc (VIRT_RV64); default all four. armv6m and armv7emsp
# have no such board (MICROBIT, the Cortex-M0, is built without native code
# loading) and are reported as skipped. The module travels inside the
# script: a bytes object served by a small read-only file system mounted
# at /natmod, so the firmware needs no file system of its own.
#
# Expected output: NAME.py.exp, as for mpy-host, except where the firmware
# prints floats otherwise: NAME.py.upstream-float.exp on the boards with
# single-precision floats (armv7m and RISC-V; the modules are built with
# MICROPY_FLOAT_IMPL=float where NAME.py.float.exp exists, as
# tests/host/qemu.test.sh does) and NAME.py.upstream-double.exp on
# armv7emdp (tests/host/README.md says how they were made).
#
# Each .mpy and script then also runs in this project's firmware
# (`mpy-host --arch ARCH`, build/ARCH/firmware.elf), reported as
# mpy-host-qemu/ARCH/NAME against NAME.py.exp or NAME.py.float.exp.
#
# Then MicroPython's own examples/natmod (deflate, framebuf, heapq, random,
# re), built with this SDK, run by the tree's tests/run-natmodtests.py in
# the same firmware (upstream-natmod/ARCH) and in mpy-host --arch
# (mpy-host-natmod/ARCH); NATMOD=0 leaves them out.
#
# Environment: TESTS (names of the examples to run, default all), PYTHON (default python3; needs pyserial, Debian:
# python3-serial), MPY_CROSS (default UPSTREAM_DIR/mpy-cross/build/mpy-cross,
# for the hybrid example). The exit status is non-zero if a test fails.
source "$(dirname "$0")/../lib.sh"
UPSTREAM=${1:?usage: $0 UPSTREAM_DIR [ARCH...]}
UPSTREAM=$(cd "$UPSTREAM" && pwd) || exit 2
shift
ARCHS=("$@")
[ ${#ARCHS[@]} -gt 0 ] || ARCHS=(armv7m armv7emdp rv32imc rv64imc)
: "${MPY_CROSS:=$UPSTREAM/mpy-cross/build/mpy-cross}"
source "$TOP/tests/host/examples-lib.sh"
HERE=$TOP/tests/host
PORT=$UPSTREAM/ports/qemu

if [ ! -d "$PORT" ]; then
    echo "$PORT: not found. MicroPython's QEMU port (ports/qemu) loads .mpy files from v1.25 on;" >&2
    echo "the ports/qemu-arm of v1.21 to v1.23 runs a fixed string or compiled-in tests only." >&2
    exit 2
fi
PYBOARD=$UPSTREAM/tools/pyboard.py
[ -f "$PYBOARD" ] || { echo "$PYBOARD: not found" >&2; exit 2; }
[ -x "$MPY_LD" ] || { echo "$MPY_LD: not built (run make)" >&2; exit 2; }

# A Python that has pyserial (pyboard.py's pty link).
: "${PYTHON:=python3}"
if ! "$PYTHON" -c 'import serial' 2>/dev/null; then
    if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import serial' 2>/dev/null; then
        PYTHON=/usr/bin/python3
    else
        echo "$PYTHON has no pyserial, which pyboard.py needs (Debian: python3-serial)" >&2
        exit 2
    fi
fi

# The release's minor number gives the .mpy version the modules are built for.
minor=$(sed -n 's/^#define MICROPY_VERSION_MINOR (\{0,1\}\([0-9]*\).*/\1/p' "$UPSTREAM/py/mpconfig.h")
[ -n "$minor" ] || { echo "$UPSTREAM/py/mpconfig.h: no MICROPY_VERSION_MINOR" >&2; exit 2; }
VERSION=v1.$minor

make_tmpdir
failed=0 npass=0 nfail=0 nskip=0

# MicroPython's own natmod examples and their tests (as natmodtests.sh runs
# them on the unix port): a scratch copy, as the runner looks for
# ../examples/natmod/E/E_ARCH.mpy from its tests/ folder and the examples
# compile the tree's extmod/ and lib/ sources. btree needs the berkeley-db
# submodule and is left out.
NATMODS="deflate framebuf heapq random re"
UP=$TMP/upstream
mkdir -p "$UP/examples" "$UP/lib"
cp -r "$UPSTREAM/tests" "$UPSTREAM/tools" "$UPSTREAM/extmod" "$UP/" &&
    cp -r "$UPSTREAM/examples/natmod" "$UP/examples/" &&
    cp -r "$UPSTREAM/lib/uzlib" "$UPSTREAM/lib/re1.5" "$UP/lib/" || exit 2
# The runner imports vfs (MicroPython v1.23 and later); mpy-host has
# os.mount and os.umount only, so its wrapper names os so.
VFS_ALIAS='import sys, os; sys.modules["vfs"] = os'

# natmod_tests ARCH LABEL TARGET-OPTION...: builds MicroPython's examples for
# ARCH with this SDK and runs their tests with run-natmodtests.py on the
# target given (-t DEVICE, or none with MICROPY_MICROPYTHON set).
natmod_tests() {
    local arch=$1 label=$2 e dir tests=() t log=$TMP/${2//\//-}.log
    shift 2
    for e in $NATMODS; do
        dir=$UP/examples/natmod/$e
        if [ ! -f "$dir/${e}_$arch.mpy" ]; then
            rm -rf "$dir/build"
            if ! make -C "$dir" MPY_DIR="$TOP" ARCH="$arch" MPY_LD="$MPY_LD" MPY_VERSION="$VERSION" \
                CFLAGS_EXTRA="-I$UP" >"$dir/build-$arch.log" 2>&1; then
                fail "$label/$e" "build failed: $(grep -m1 -iE 'error|undefined' "$dir/build-$arch.log")"
                continue
            fi
        fi
        for t in "$UP"/tests/extmod/"$e"*.py; do
            t=extmod/${t##*/}
            # re's own stack limit (2 KB below where it was imported) is
            # too small for these on rv64imc in MicroPython's firmware,
            # also with the module built by MicroPython's mpy_ld.py.
            case $arch/$t in
                rv64imc/extmod/re_group.py | rv64imc/extmod/re_groups.py | rv64imc/extmod/re_span.py)
                    [ "$label" = "upstream-natmod/$arch" ] && { skip "$label/$t" "RuntimeError: maximum recursion depth exceeded, as with MicroPython's own build of re"; continue; } ;;
            esac
            tests+=("$t")
        done
    done
    [ ${#tests[@]} -gt 0 ] || return
    if (cd "$UP/tests" && timeout 1800 "$PYTHON" run-natmodtests.py "$@" "${tests[@]}") >"$log" 2>&1; then
        pass "$label ($(grep -m1 'tests passed' "$log"))"
    else
        fail "$label" "$(grep -E '^FAIL|failed' "$log" | head -5)"
    fi
    grep -E '^(FAIL|SKIP) ' "$log" | sed "s|^|    $label: runner's |"
}
pass() { test_pass "$1"; npass=$((npass + 1)); }
fail() { test_fail "$@"; nfail=$((nfail + 1)); failed=1; }
skip() { test_skip "$@"; nskip=$((nskip + 1)); }

# script_for MPY TEST OUT: writes OUT, a script that mounts a file system
# holding MPY (as NAME.mpy) on /natmod, puts it first on sys.path, then runs
# TEST's lines.
script_for() {
    local name
    name=$(basename "$1")
    {
        echo "import sys, io"
        echo "try:"
        echo "    from vfs import mount as _mount"
        echo "except ImportError:"
        echo "    from os import mount as _mount"
        printf "_natmod_data = b'"
        od -An -v -tx1 "$1" | tr -d ' \n' | sed 's/../\\x&/g'
        echo "'"
        cat <<PY
class _NatmodFile(io.IOBase):
    def __init__(self):
        self.pos = 0
    def readinto(self, buf):
        n = min(len(buf), len(_natmod_data) - self.pos)
        buf[:n] = memoryview(_natmod_data)[self.pos:self.pos + n]
        self.pos += n
        return n
    def ioctl(self, req, arg):
        return 0
class _NatmodFS:
    def mount(self, readonly, mkfs):
        pass
    def umount(self):
        pass
    def stat(self, path):
        if path.endswith('/$name'):
            return (0x8000, 0, 0, 0, 0, 0, len(_natmod_data), 0, 0, 0)
        raise OSError(2)
    def open(self, path, mode):
        return _NatmodFile()
_mount(_NatmodFS(), '/natmod')
sys.path.insert(0, '/natmod')
del _mount
PY
        cat "$2"
    } >"$3"
}

for arch in "${ARCHS[@]}"; do
    board='' qemu_args='' cc=''
    case $arch in
        armv7m) board=MPS2_AN385 qemu_args="qemu-system-arm -machine mps2-an385" cc=arm-none-eabi-gcc ;;
        armv7emdp) board=MPS2_AN500 qemu_args="qemu-system-arm -machine mps2-an500" cc=arm-none-eabi-gcc ;;
        rv32imc) board=VIRT_RV32 qemu_args="qemu-system-riscv32 -machine virt -bios none" cc=riscv64-unknown-elf-gcc ;;
        rv64imc) board=VIRT_RV64 qemu_args="qemu-system-riscv64 -machine virt -bios none" cc=riscv64-unknown-elf-gcc ;;
        armv6m) skip "upstream-qemu/$arch" "no board of ports/qemu loads armv6m code (MICROBIT has no native emitter, hence no .mpy native code loading)"; continue ;;
        armv7emsp) skip "upstream-qemu/$arch" "ports/qemu has no Cortex-M4F board"; continue ;;
        *) echo "unknown ARCH $arch (armv7m, armv7emdp, rv32imc, rv64imc)" >&2; exit 2 ;;
    esac
    fw=$PORT/build-$board/firmware.elf
    if [ ! -f "$fw" ]; then
        how="make -C $PORT BOARD=$board FROZEN_MANIFEST="
        case $arch in
            # Debian's GCC 12 selects no multilib for rv*imac_zicsr: name
            # the ISA without zicsr and take it from the 2.2 ISA spec.
            rv*) how="$how RV32_ARCH=rv32imac RV64_ARCH=rv64imac CFLAGS_EXTRA=-misa-spec=2.2 AS='riscv64-unknown-elf-as -misa-spec=2.2'" ;;
        esac
        skip "upstream-qemu/$arch" "no firmware $fw; build it with: $how"
        continue
    fi
    have_tool "$cc" || { skip "upstream-qemu/$arch" "$cc not installed"; continue; }
    qemu=${qemu_args%% *}
    have_tool "$qemu" || { skip "upstream-qemu/$arch" "$qemu not installed"; continue; }
    device="execpty:$qemu_args -nographic -monitor null -semihosting -serial pty -kernel $fw"
    float=float
    [ "$arch" = armv7emdp ] && float=double
    out=$TMP/$arch
    mkdir -p "$out"
    echo "== $arch: $board ($fw), modules for $VERSION"
    ours=
    if [ -f "$TOOLS_DIR/$arch/firmware.elf" ]; then
        ours=$TMP/mpy-host-$arch
        printf '#!/bin/sh\nexec "%s" --arch %s "$@"\n' "$TOOLS_DIR/mpy-host" "$arch" >"$ours"
        chmod +x "$ours"
    else
        skip "mpy-host-qemu/$arch" "no $TOOLS_DIR/$arch/firmware.elf (make firmware)"
    fi
    for test in "$HERE"/*.py; do
        name=$(basename "$test" .py)
        [ -d "$TOP/examples/natmod/$name" ] || continue
        [ -z "${TESTS:-}" ] || [[ " $TESTS " == *" $name "* ]] || continue
        label=upstream-qemu/$arch/$name
        reason=$(host_example_missing "$name")
        if [ -n "$reason" ]; then
            skip "$label" "$reason"
            continue
        fi
        exp=$test.exp
        [ -f "$test.upstream-$float.exp" ] && exp=$test.upstream-$float.exp
        unset MICROPY_FLOAT_IMPL
        if [ "$float" = float ] && [ -f "$test.float.exp" ]; then
            export MICROPY_FLOAT_IMPL=float
        fi
        if ! host_build_example "$name" "$arch" "$out" "$VERSION"; then
            fail "$label" "build failed: $(grep -m1 -iE 'error|undefined' "$out/build-$name/build.log")"
            continue
        fi
        mod=$(sed -n 's/^MOD *= *//p' "$TOP/examples/natmod/$name/Makefile")
        script_for "$out/$mod.mpy" "$test" "$out/$name.run.py"
        (cd "$out" && timeout 120 "$PYTHON" "$PYBOARD" -d "$device" "$name.run.py" 2>&1) |
            tr -d '\r' >"$out/$name.out"
        if diff -u "$exp" "$out/$name.out" >"$out/$name.diff"; then
            pass "$label"
        else
            fail "$label" "output differs from $(basename "$exp")"
            head -30 "$out/$name.diff"
        fi
        # The same .mpy and script in this project's firmware.
        [ -n "$ours" ] || continue
        exp=$test.exp
        [ "${MICROPY_FLOAT_IMPL:-}" = float ] && exp=$test.float.exp
        host_run_example "$ours" "$name" "$out" >"$out/$name.ours"
        if diff -u "$exp" "$out/$name.ours" >"$out/$name.ours.diff"; then
            pass "mpy-host-qemu/$arch/$name"
        else
            fail "mpy-host-qemu/$arch/$name" "output differs from $(basename "$exp")"
            head -30 "$out/$name.ours.diff"
        fi
    done
    unset MICROPY_FLOAT_IMPL
    [ "${NATMOD:-1}" = 1 ] || continue
    natmod_tests "$arch" "upstream-natmod/$arch" -t "$device"
    if [ -n "$ours" ]; then
        printf '#!/bin/sh\n{ echo '"'"'%s'"'"'; cat; } | "%s" "$@"\n' "$VFS_ALIAS" "$ours" >"$ours-natmod"
        chmod +x "$ours-natmod"
        MICROPY_MICROPYTHON=$ours-natmod natmod_tests "$arch" "mpy-host-natmod/$arch"
    fi
done
echo "upstream-qemu: $npass passed, $nfail failed, $nskip skipped"
exit $failed
