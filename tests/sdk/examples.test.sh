#!/usr/bin/env bash
# The SDK end to end: builds every example in examples/natmod/ for every
# architecture whose compiler is installed (the others are reported as
# skipped), with py/dynruntime.mk and this project's mpy-ld, and checks the
# .mpy header. Where a MicroPython runtime is named, the x64 and x86 builds are
# imported into it and their output compared with tests/sdk/examples/NAME.py.exp.
#
# Optional environment:
#   MICROPYTHON      runtime for x64 modules, e.g. MicroPython v1.21's unix port
#   MICROPYTHON_X86  runtime for x86 modules (a 32-bit unix port)
#   MPY_CROSS        MicroPython v1.21's mpy-cross (default: mpy-cross on PATH),
#                    for examples with Python sources
#   MPY_TOOL         .mpy merger (default: $TOOLS_DIR/mpy-tool)
#   MICROPY_SRC      a MicroPython v1.21 source tree: its own
#                    examples/natmod/features{0,1,2,3,4} are then built against
#                    this SDK unchanged (and run, given the runtimes above)
#   SDK_ARCHS        architectures to try (default: all ten)
source "$(dirname "$0")/../lib.sh"

: "${MPY_CROSS:=mpy-cross}"
: "${MPY_TOOL:=$TOOLS_DIR/mpy-tool}"
: "${SDK_ARCHS:=x64 x86 armv6m armv7m armv7emsp armv7emdp xtensa xtensawin rv32imc rv64imc}"
HERE="$TOP/tests/sdk"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# .mpy architecture code of each ARCH (the header's third byte is code << 2 | sub-version).
arch_code() {
    case $1 in
        x86) echo 1 ;; x64) echo 2 ;; armv6m) echo 4 ;; armv7m) echo 5 ;;
        armv7emsp) echo 7 ;; armv7emdp) echo 8 ;; xtensa) echo 9 ;; xtensawin) echo 10 ;;
        rv32imc) echo 11 ;; rv64imc) echo 12 ;;
    esac
}

# Why ARCH cannot be built here, or nothing when it can.
arch_missing() {
    case $1 in
        x64) have_tool gcc || echo "gcc not installed" ;;
        x86) x86_cc_missing ;;
        armv*) have_tool arm-none-eabi-gcc || echo "arm-none-eabi-gcc not installed" ;;
        xtensa) have_tool xtensa-lx106-elf-gcc || echo "xtensa-lx106-elf-gcc not installed" ;;
        rv32imc | rv64imc) have_tool riscv64-unknown-elf-gcc ||
            echo "riscv64-unknown-elf-gcc not installed (Debian: gcc-riscv64-unknown-elf)" ;;
        # Without an ESP32 compiler (Debian has none), lx106 objects are linked as xtensawin.
        xtensawin) have_tool xtensa-esp32-elf-gcc || have_tool xtensa-lx106-elf-gcc ||
            echo "neither xtensa-esp32-elf-gcc nor xtensa-lx106-elf-gcc installed" ;;
    esac
}

# The runtime for ARCH's modules, if one is named.
arch_runtime() {
    case $1 in
        x64) echo "${MICROPYTHON:-}" ;;
        x86) echo "${MICROPYTHON_X86:-}" ;;
    esac
}

have_mpy_cross() { command -v "${MPY_CROSS%% *}" >/dev/null 2>&1; }
have_mpy_tool() { command -v "${MPY_TOOL%% *}" >/dev/null 2>&1; }

# Why the module in DIR cannot be built for ARCH here, or nothing when it can.
module_missing() {
    local dir=$1 arch=$2
    # Upstream's features2 calls mp_obj_new_float unconditionally, which does
    # not exist where the default float implementation is none.
    if [ "$(basename "$dir")" = features2 ]; then
        case $arch in armv6m | armv7m | xtensa) echo "uses floats; MICROPY_FLOAT_IMPL defaults to none on $arch"; return ;; esac
    fi
    # xtensawin defaults to hardware single-precision floats (ESP32); built
    # with the lx106 compiler instead, float code needs soft-float routines
    # that Debian's lx106 libgcc lacks (the ESP8266 has them in ROM).
    if [ "$arch" = xtensawin ] && ! have_tool xtensa-esp32-elf-gcc &&
        grep -qsE 'mp_obj_new_float|mp_obj_get_float' "$dir"/*.c "$dir"/*.cpp; then
        echo "uses floats: the lx106 compiler standing in for xtensawin has no FPU and no soft-float library"
        return
    fi
    if ls "$dir"/*.cpp >/dev/null 2>&1; then
        local cxx
        cxx=$(make -s -f "$TOP/py/dynruntime.mk" MPY_DIR="$TOP" ARCH="$arch" \
            $( [ "$arch" = xtensawin ] && ! have_tool xtensa-esp32-elf-gcc && echo CROSS=xtensa-lx106-elf-) \
            print-toolchain 2>/dev/null | sed -n 's/^CXX=//p')
        have_tool "${cxx:-g++}" || { echo "needs the C++ compiler ${cxx:-g++}"; return; }
    fi
    if ls "$dir"/*.py >/dev/null 2>&1 && grep -q '^SRC.*\.py' "$dir/Makefile"; then
        have_mpy_cross || { echo "needs mpy-cross (set MPY_CROSS)"; return; }
        have_mpy_tool || { echo "needs mpy-tool ($MPY_TOOL not built)"; return; }
    fi
    if grep -q 'jsmn' "$dir/Makefile" && [ ! -f /usr/include/jsmn.h ]; then
        echo "needs jsmn.h (Debian: libjsmn-dev)"
    fi
}

# build NAME SRC_DIR ARCH: copy the module to a scratch directory and build it
# there; prints the scratch directory. Returns non-zero on failure, with the
# build log left in DIR/build.log.
build_module() {
    local name=$1 src=$2 arch=$3
    local dir="$WORK/$arch/$name"
    mkdir -p "$dir"
    cp -r "$src"/. "$dir"/
    rm -rf "$dir"/build "$dir"/build-* "$dir"/*.mpy
    echo "$dir"
    local cross=()
    if [ "$arch" = xtensawin ] && ! have_tool xtensa-esp32-elf-gcc; then
        cross=(CROSS=xtensa-lx106-elf-)
    fi
    make -C "$dir" MPY_DIR="$TOP" ARCH="$arch" MPY_LD="$MPY_LD" "${cross[@]}" \
        MPY_CROSS="$MPY_CROSS" MPY_TOOL="$MPY_TOOL" >"$dir/build.log" 2>&1
}

# check_header FILE ARCH: the .mpy starts with 'M', version 6, this
# architecture and the default sub-version: 1, or 3 for RISC-V (which only
# .mpy 6.3 knows).
check_header() {
    local want got sub=1
    case $2 in rv*) sub=3 ;; esac
    want=$(printf '4d 06 %02x' $(($(arch_code "$2") << 2 | sub)))
    got=$(od -An -tx1 -N3 "$1" | tr -s ' ' | sed 's/^ //;s/ $//')
    [ "$got" = "$want" ] || { echo "header '$got', expected '$want'"; return 1; }
}

# run_module DIR MOD TEST EXP RUNTIME: import the built module into RUNTIME by
# running TEST next to it; the output must equal EXP (module addresses that
# upstream's features1 prints are masked).
run_module() {
    local dir=$1 mod=$2 test=$3 exp=$4 runtime=$5
    local run="$dir/run"
    mkdir -p "$run"
    cp "$dir/$mod.mpy" "$run/"
    cp "$test" "$run/test.py"
    (cd "$run" && timeout 60 "$runtime" test.py >out.txt 2>&1)
    sed -i -E 's/self=[0-9a-fx]+/self=ADDR/' "$run/out.txt"
    if ! diff -u "$exp" "$run/out.txt" >"$run/diff.txt"; then
        head -20 "$run/diff.txt"
        return 1
    fi
}

# test_module LABEL NAME SRC_DIR TEST_SCRIPT: build for every architecture,
# then run the x64/x86 builds.
test_module() {
    local label=$1 name=$2 src=$3 test=$4
    local mod arch why dir runtime
    mod=$(sed -n 's/^MOD *= *//p' "$src/Makefile")
    for arch in $SDK_ARCHS; do
        why=$(arch_missing "$arch")
        [ -z "$why" ] && why=$(module_missing "$src" "$arch")
        if [ -n "$why" ]; then
            test_skip "$label/$name/$arch" "$why"
            continue
        fi
        dir=$(build_module "$name" "$src" "$arch")
        if [ $? -ne 0 ] || [ ! -f "$dir/$mod.mpy" ]; then
            test_fail "$label/$name/$arch" "build failed: $(grep -m1 -iE 'error|undefined' "$dir/build.log")"
            continue
        fi
        if ! why=$(check_header "$dir/$mod.mpy" "$arch"); then
            test_fail "$label/$name/$arch" "$why"
            continue
        fi
        test_pass "$label/$name/$arch"

        runtime=$(arch_runtime "$arch")
        if [ -n "$runtime" ] && [ -f "$test" ]; then
            if why=$(run_module "$dir" "$mod" "$test" "$test.exp" "$runtime"); then
                test_pass "$label/$name/$arch/run"
            else
                test_fail "$label/$name/$arch/run" "output differs from $(basename "$test").exp"
                echo "$why"
            fi
        fi
    done
}

[ -n "${MICROPYTHON:-}" ] || test_skip "sdk/examples/run-x64" "no runtime for x64 modules (set MICROPYTHON)"
[ -n "${MICROPYTHON_X86:-}" ] || test_skip "sdk/examples/run-x86" "no runtime for x86 modules (set MICROPYTHON_X86)"

for src in "$TOP"/examples/natmod/*/; do
    src=${src%/}
    [ -f "$src/Makefile" ] || continue
    name=$(basename "$src")
    test_module sdk/examples "$name" "$src" "$HERE/examples/$name.py"
done

# Test-only modules (each with its own test.py).
for src in "$HERE"/modules/*/; do
    src=${src%/}
    test_module sdk/modules "$(basename "$src")" "$src" "$src/test.py"
done

# Upstream's own feature examples, unchanged, against this SDK.
if [ -n "${MICROPY_SRC:-}" ] && [ -d "$MICROPY_SRC/examples/natmod" ]; then
    for name in features0 features1 features2 features3 features4; do
        test_module sdk/upstream "$name" "$MICROPY_SRC/examples/natmod/$name" "$HERE/upstream/$name.py"
    done
else
    test_skip "sdk/upstream" "MICROPY_SRC (a MicroPython v1.21 tree) not set"
fi
exit 0
