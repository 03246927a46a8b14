#!/usr/bin/env bash
# py/dynruntime.mk's behaviour: its variables (ARCH, BUILD, V, CFLAGS_EXTRA,
# MICROPY_FLOAT_IMPL, MPY_LD, GC_SECTIONS), building mpy-ld on demand, make clean, and its
# error messages for an unknown ARCH or a missing tool.
source "$(dirname "$0")/../lib.sh"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# A scratch copy of the factorial example (its Makefile is the four-line one).
mod="$WORK/mod"
mkdir -p "$mod"
cp "$TOP/examples/natmod/factorial/factorial.c" "$TOP/examples/natmod/factorial/Makefile" "$mod/"

# mk NAME ARGS...: run make in the module, output in $out, status in $rc.
mk() {
    out=$(make -C "$mod" MPY_DIR="$TOP" MPY_LD="$MPY_LD" "$@" 2>&1)
    rc=$?
}

# expect NAME PATTERN: the last make run's output contains PATTERN.
expect() {
    if grep -qE -- "$2" <<<"$out"; then
        test_pass "sdk/mk/$1"
    else
        test_fail "sdk/mk/$1" "output lacks /$2/: $(tail -2 <<<"$out" | tr '\n' ' ')"
    fi
}

have_tool gcc || { test_skip "sdk/mk" "gcc not installed"; exit 0; }

mk ARCH=x64
if [ $rc -eq 0 ] && [ -f "$mod/factorial.mpy" ] && [ -f "$mod/build/factorial.o" ]; then
    test_pass "sdk/mk/build"
else
    test_fail "sdk/mk/build" "$(tail -2 <<<"$out" | tr '\n' ' ')"
fi
! grep -q -- '-fpic' <<<"$out" && test_pass "sdk/mk/quiet" || test_fail "sdk/mk/quiet" "commands shown without V=1"

mk ARCH=x64
expect up-to-date "Nothing to be done|is up to date"

mk clean
[ $rc -eq 0 ] && [ ! -d "$mod/build" ] && test_pass "sdk/mk/clean" || test_fail "sdk/mk/clean" "$out"

# make shows the size report; MAP=1 writes the link map beside the .mpy, also
# when the module is up to date, and make clean removes it.
mk ARCH=x64
expect size-report 'relocation stream +[0-9]+'
mk ARCH=x64 MAP=1
if [ $rc -eq 0 ] && grep -q '^Symbols' "$mod/factorial.map" 2>/dev/null &&
    grep -qE ' factorial +\.text[^ ]* build/(gc/)?factorial.o' <<<"$(grep -A99 '^Symbols' "$mod/factorial.map")"; then
    test_pass "sdk/mk/map"
else
    test_fail "sdk/mk/map" "no factorial.map naming factorial: $(tail -2 <<<"$out" | tr '\n' ' ')"
fi
mk clean
[ ! -e "$mod/factorial.map" ] && test_pass "sdk/mk/clean-map" || test_fail "sdk/mk/clean-map" "factorial.map left"

mk clean ARCH=nonsense
[ $rc -eq 0 ] && test_pass "sdk/mk/clean-any-arch" || test_fail "sdk/mk/clean-any-arch" "$out"

mk ARCH=x64 V=1 BUILD=out-dir CFLAGS_EXTRA=-DSDK_TEST_FLAG MICROPY_FLOAT_IMPL=float
expect verbose 'gcc .*-c factorial.c'
expect cflags-extra 'SDK_TEST_FLAG'
expect float-impl 'MICROPY_FLOAT_IMPL=MICROPY_FLOAT_IMPL_FLOAT'
expect mpy-ld-verbose 'mpy[-_]ld.* -vvv'
expect gc-cflags 'gcc .*-ffunction-sections -fdata-sections'
expect gc-link 'mpy[-_]ld.* --gc-sections'
[ -f "$mod/out-dir/factorial.o" ] && test_pass "sdk/mk/build-dir" || test_fail "sdk/mk/build-dir" "no out-dir/factorial.o"
mk clean BUILD=out-dir

# GC_SECTIONS=0: one section per kind, and everything linked.
mk ARCH=x64 V=1 GC_SECTIONS=0
if [ $rc -eq 0 ] && ! grep -qE -- '-ffunction-sections|--gc-sections' <<<"$out"; then
    test_pass "sdk/mk/gc-off"
else
    test_fail "sdk/mk/gc-off" "$(grep -oE -- '-ffunction-sections|--gc-sections' <<<"$out" | head -1) with GC_SECTIONS=0"
fi
mk clean

mk ARCH=sparc
[ $rc -ne 0 ] && expect unknown-arch "x86 x64 armv6m armv7m armv7emsp armv7emdp xtensa xtensawin" ||
    test_fail "sdk/mk/unknown-arch" "ARCH=sparc accepted"

mk ARCH=armv7m CROSS=no-such-prefix-
[ $rc -ne 0 ] && expect missing-compiler "no-such-prefix-gcc.*apt-get install gcc-arm-none-eabi picolibc-arm-none-eabi" ||
    test_fail "sdk/mk/missing-compiler" "built without a compiler"

mk ARCH=xtensa CROSS=no-such-prefix-
[ $rc -ne 0 ] && expect missing-compiler-xtensa "gcc-xtensa-lx106 picolibc-xtensa-lx106-elf" ||
    test_fail "sdk/mk/missing-compiler-xtensa" "built without a compiler"

mk ARCH=xtensawin CROSS=no-such-prefix-
[ $rc -ne 0 ] && expect missing-compiler-xtensawin "ESP32 compiler.*Debian has no package" ||
    test_fail "sdk/mk/missing-compiler-xtensawin" "built without a compiler"

if [ -d /usr/lib/picolibc/arm-none-eabi/include ] && have_tool arm-none-eabi-gcc; then
    mk ARCH=armv7m V=1 BUILD=build-arm
    expect picolibc-include '-isystem /usr/lib/picolibc/arm-none-eabi/include'
    mk clean BUILD=build-arm
else
    test_skip "sdk/mk/picolibc-include" "arm-none-eabi-gcc or picolibc-arm-none-eabi not installed"
fi

# Python sources: a clear message for each missing tool.
printf 'def twice(x):\n    return 2 * x\n' >"$mod/extra.py"
mk ARCH=x64 SRC="factorial.c extra.py" MPY_CROSS=no-such-mpy-cross
[ $rc -ne 0 ] && expect missing-mpy-cross "need .*mpy-cross.*MPY_CROSS" ||
    test_fail "sdk/mk/missing-mpy-cross" "built without mpy-cross"

# A stand-in mpy-cross (copies the source) to reach the merge step.
cat >"$WORK/fake-mpy-cross" <<'EOF'
#!/bin/sh
# usage: fake-mpy-cross -march=ARCH -o OUT IN
cp "$4" "$3"
EOF
chmod +x "$WORK/fake-mpy-cross"
mk ARCH=x64 SRC="factorial.c extra.py" MPY_CROSS="$WORK/fake-mpy-cross" MPY_TOOL="$WORK/no-such-mpy-tool"
[ $rc -ne 0 ] && expect missing-mpy-tool "needs mpy-tool.*no-such-mpy-tool" ||
    test_fail "sdk/mk/missing-mpy-tool" "merged without mpy-tool"
rm -f "$mod/extra.py"
mk clean

# mpy-ld is built by 'make -C $(MPY_DIR) build/mpy-ld' when missing (that
# tool alone, not the runtime and firmware), without this make's
# command-line variables. A stand-in MPY_DIR whose Makefile records how it
# was called and provides build/mpy-ld as a wrapper of the real one; its
# default target fails, so that building everything shows.
fake="$WORK/fake-sdk"
mkdir -p "$fake"
ln -s "$TOP/py" "$fake/py"
cat >"$fake/Makefile" <<EOF
BUILD = build
all:
	false
build/mpy-ld:
	echo "BUILD=\$(BUILD)" > called.txt
	mkdir -p build
	printf '#!/bin/sh\nexec "$MPY_LD" "\$\$@"\n' > build/mpy-ld
	chmod +x build/mpy-ld
EOF
out=$(make -C "$mod" MPY_DIR="$fake" ARCH=x64 BUILD=build-x 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ -x "$fake/build/mpy-ld" ] && grep -qx 'BUILD=build' "$fake/called.txt" 2>/dev/null; then
    test_pass "sdk/mk/builds-mpy-ld"
else
    test_fail "sdk/mk/builds-mpy-ld" "$(tail -3 <<<"$out" | tr '\n' ' ')"
fi
exit 0
