#!/usr/bin/env bash
# mpy-ld's refusals and its handling of malformed input: each case checks the
# exit status, the message, and that no output file is left behind.
. "$(dirname "$0")/../lib.sh"
make_tmpdir
SRC=$TOP/tests/ld/errors

if ! have_tool gcc; then
    test_skip ld-errors "gcc not installed"
    exit 0
fi
CFLAGS="-std=c99 -Os -fpic -fno-common -fno-stack-protector"
for c in "$SRC"/*.c; do
    gcc $CFLAGS -c "$c" -o "$TMP/$(basename "${c%.c}").o" || exit 1
done
gcc -std=c99 -Os -fpie -fno-common -fno-stack-protector -c "$SRC/external_fixed.c" \
    -o "$TMP/external_fixed.o" || exit 1
gcc -m64 -c -x c /dev/null -o "$TMP/empty.o"
cd "$TMP" || exit 1

# expect NAME STATUS "TEXT..." -- ARGS: run mpy-ld ARGS -o out.mpy, want exit
# STATUS, every TEXT in its stderr, and no out.mpy afterwards.
expect() {
    local name=$1 status=$2
    shift 2
    local texts=()
    while [ "$1" != "--" ]; do texts+=("$1"); shift; done
    shift
    rm -f out.mpy
    "$MPY_LD" "$@" -o out.mpy >stdout.txt 2>stderr.txt
    local rc=$?
    if [ $rc -ne "$status" ]; then
        test_fail "$name" "exit status $rc, expected $status: $(head -c 300 stderr.txt)"
        return
    fi
    for t in "${texts[@]}"; do
        if ! grep -qF -- "$t" stderr.txt; then
            test_fail "$name" "message lacks '$t'; got: $(head -c 400 stderr.txt)"
            return
        fi
    done
    if [ "$status" -ne 0 ] && [ -e out.mpy ]; then
        test_fail "$name" "output file left behind"
        return
    fi
    test_pass "$name"
}

expect wrong-arch 1 "empty.o: incompatible arch" "--arch armv7m needs EM_ARM objects" \
    "this one is EM_X86_64" -- --arch armv7m empty.o
expect unknown-arch 2 "unknown --arch 'arm64'" "x86 x64 armv6m" -- --arch arm64 good.o
# --mpy-version: a sub-version or a release; the config header's version
# and the link's must agree.
expect bad-mpy-version 2 "invalid value '6.4'" "6.1 6.2 6.3 v1.20" "v1.28" -- --mpy-version 6.4 good.o
expect bad-release 2 "invalid value 'v1.19'" -- --mpy-version v1.19 good.o
if "$MPY_LD" --mpy-version v1.25 -o v25.mpy good.o >/dev/null && [ "$(od -An -tx1 -j2 -N1 v25.mpy | tr -d ' ')" = 0b ]; then
    test_pass mpy-version-release
else
    test_fail mpy-version-release "--mpy-version v1.25 did not write .mpy 6.3 (x64: feature byte 0x0b)"
fi
echo 'int x = MP_QSTR_foo;' >v.c
"$MPY_LD" --preprocess --mpy-version v1.22 -o v22.config.h v.c
expect config-version-mismatch 1 "v22.config.h: the sources were compiled for MicroPython v1.22 (.mpy 6.2), not MicroPython v1.20-v1.21 (.mpy 6.1)" \
    -- --mpy-version 6.1 --qstrs v22.config.h good.o
if "$MPY_LD" --qstrs v22.config.h -o v22.mpy good.o >/dev/null && [ "$(od -An -tx1 -j2 -N1 v22.mpy | tr -d ' ')" = 0a ]; then
    test_pass mpy-version-from-config
else
    test_fail mpy-version-from-config "the link did not take 6.2 from the config header"
fi
expect undefined-all-reported 1 \
    "undefined_a.o: undefined symbol: printf" "mp_printf" \
    "undefined_a.o: undefined symbol: malloc" "m_malloc" \
    "undefined_b.o: undefined symbol: missing_helper" "mpy-ld: 3 errors" \
    -- --arch x64 undefined_a.o undefined_b.o
expect needs-6.3 1 "needs_6_3.o: undefined symbol: mp_needs_mpy_6_3__mp_arg_parse_all" \
    "mp_arg_parse_all needs MicroPython v1.23 or later (.mpy 6.3): build with make MPY_VERSION=6.3" \
    -- --arch x64 needs_6_3.o
expect duplicate 1 "duplicate symbol: mpy_init: defined in undefined_a.o and in duplicate.o" \
    -- --arch x64 undefined_a.o duplicate.o
expect data-section 1 "the module has initialised writable data or constructors" \
    "link with --init-object natmod_init.o" -- --arch x64 data.o
expect init-object-entry 1 "empty.o: the init object must define the function mpy_natmod_entry" \
    -- --arch x64 --init-object empty.o data.o
# x64 keeps static variables in text (the unix port's native code memory is writable).
expect static-bss-x64 0 -- --arch x64 static_bss.o
expect destructor-warning 0 "destructor.o: section .fini_array holds destructors of global objects, which never run" \
    -- --arch x64 destructor.o
if have_tool g++; then
    g++ -Os -fpic -fno-common -c "$SRC/exceptions.cpp" -o exceptions.o || exit 1
    expect cxx-exceptions 1 "exceptions.o: section .gcc_except_table holds C++ exception handlers" \
        "compile with -fno-exceptions" \
        -- --arch x64 exceptions.o
else
    test_skip cxx-exceptions "g++ not installed"
fi
expect fixed-external 1 "external_fixed.o: .text+0x" "R_X86_64_PC32 against mp_type_list" \
    "fixed relocation to external symbol" "-fpic" -- --arch x64 external_fixed.o
expect no-mpy-init 1 "no mpy_init function" -- --arch x64 no_init.o
expect missing-file 1 "nonexistent.o: cannot read: No such file" -- --arch x64 nonexistent.o
expect not-elf 1 "stderr.txt: malformed ELF file at offset 0x0" "not an ELF file" \
    -- --arch x64 stderr.txt
expect missing-qstrs 1 "nope.h: cannot read: No such file" -- --arch x64 --qstrs nope.h good.o
expect no-inputs 2 "required" --
# --externs: fixed-address symbols from a linker script.
printf 'rom_function = 0x40001000;\n' >rom.ld
printf '/* ok */\nPROVIDE ( big = 0x123456789 );\nempty = 0x;\n' >bad_addr.ld
printf 'a = 0x10;\n// b = 0x20;\nPROVIDE(a = 0x20);\n' >dup.ld
expect externs-missing-file 1 "nope.ld: cannot read the fixed-address symbols (--externs): No such file" \
    -- --arch x64 -e nope.ld good.o
expect externs-bad-address 1 "bad_addr.ld:2: more than 8 hex digits" "bad_addr.ld:3: no hex digits after 0x" \
    -- --arch x64 --externs bad_addr.ld good.o
expect externs-duplicate 1 "dup.ld:3: fixed-address symbol a is already defined on line 1" \
    -- --arch x64 --externs=dup.ld good.o
expect externs-pc-relative 1 "call_fixed.o: .text+0x" "R_X86_64_PLT32 against rom_function" \
    "PC-relative reference to a fixed-address symbol (--externs)" "through the GOT" \
    -- --arch x64 -e rom.ld call_fixed.o
expect undefined-without-externs 1 "call_fixed.o: undefined symbol: rom_function" -- --arch x64 call_fixed.o
expect arch-flags-x64 1 "--arch-flags zba: architecture x64 has no flags" -- --arch x64 --arch-flags zba good.o

# RISC-V: the releases that know it, its flags, and objects it cannot link.
RVCC=riscv64-unknown-elf-gcc
if have_tool $RVCC; then
    rv32() { $RVCC -march=rv32imac -mabi=ilp32 -mno-relax -std=c99 -Os -fpic -fno-common "$@"; }
    rv32 -c "$SRC/good.c" -o rv32_good.o &&
        $RVCC -march=rv64imac -mabi=lp64 -mno-relax -std=c99 -Os -fpic -c "$SRC/good.c" -o rv64_good.o &&
        rv32 -march=rv32imafc -mabi=ilp32f -c "$SRC/good.c" -o rv32_hardfloat.o &&
        rv32 -c "$SRC/static_bss.c" -o rv32_static_bss.o &&
        rv32 -c "$SRC/static_direct.c" -o rv32_static_direct.o &&
        rv32 -c "$SRC/tls.c" -o rv32_tls.o &&
        rv32 -fno-pic -mcmodel=medlow -c "$SRC/good.c" -o rv32_nopic.o || exit 1
    expect rv32-old-release 1 "rv32imc native modules load in MicroPython v1.25 and later only (.mpy 6.3)" \
        "MicroPython v1.20-v1.21 (.mpy 6.1) does not know rv32imc" "link with --mpy-version 6.3" \
        -- --arch rv32imc --mpy-version 6.1 rv32_good.o
    expect rv64-old-release 1 "rv64imc native modules load in MicroPython v1.28 and later only" \
        -- --arch rv64imc --mpy-version v1.22 rv64_good.o
    expect rv32-unknown-flag 1 "--arch-flags zba,zbb: unknown flag 'zbb' for rv32imc; known flags: zba, zcmp" \
        -- --arch rv32imc --arch-flags zba,zbb rv32_good.o
    expect rv32-flag-bits 1 "--arch-flags 0b100: 0x4 has bits that no rv32imc flag defines" \
        -- --arch rv32imc --arch-flags 0b100 rv32_good.o
    expect rv64-flags 1 "--arch-flags zba: architecture rv64imc has no flags" \
        -- --arch rv64imc --arch-flags zba rv64_good.o
    expect rv32-hard-float 1 "rv32_hardfloat.o: incompatible object for --arch rv32imc" \
        "hard-float ABI (ilp32f)" "compile with -mabi=ilp32" -- --arch rv32imc rv32_hardfloat.o
    expect rv-word-size 1 "rv64_good.o: incompatible arch: --arch rv32imc needs 32-bit objects, this one is 64-bit" \
        -- --arch rv32imc rv64_good.o
    expect rv32-static-bss 0 -- --arch rv32imc rv32_static_bss.o
    expect rv32-static-direct 0 -- --arch rv32imc rv32_static_direct.o
    expect rv32-tls 1 "rv32_tls.o: section .tbss holds thread-local variables" "remove _Thread_local/__thread" \
        -- --arch rv32imc rv32_tls.o
    expect rv32-absolute 1 "R_RISCV_HI20 against" "absolute address in an instruction" "compile with -fpic" \
        -- --arch rv32imc rv32_nopic.o
    for flags in zba:01 zcmp:02 ZBA,zcmp:03 3:03 0x2:02; do
        rm -f flags.mpy
        "$MPY_LD" --arch rv32imc --arch-flags "${flags%:*}" -o flags.mpy rv32_good.o >/dev/null 2>&1
        got=$(od -An -tx1 -j2 -N3 flags.mpy 2>/dev/null | tr -d ' ')
        # feature byte: rv32imc (11) << 2 | sub-version 3 | 0x40 (flags follow), then
        # the small-int bits and the flags as a var uint
        if [ "$got" = "6f1f${flags#*:}" ]; then
            test_pass "rv32-arch-flags-${flags%:*}"
        else
            test_fail "rv32-arch-flags-${flags%:*}" "header bytes 2..4 are '$got', expected 6f1f${flags#*:}"
        fi
    done
else
    test_skip ld-errors-riscv "$RVCC not installed (Debian package gcc-riscv64-unknown-elf)"
fi

# Arm: Thumb code without -fpic (the SDK's --gc-sections build) keeps its
# addresses in literals, which link; with -mslow-flash-data they are movw/
# movt pairs inside instructions, which the .mpy format cannot relocate.
ARMCC=arm-none-eabi-gcc
if have_tool $ARMCC; then
    arm() { $ARMCC -mthumb -mcpu=cortex-m3 -std=c99 -Os -fno-pic -fno-common -c "$SRC/good.c" "$@"; }
    arm -o arm_nopic.o && arm -mslow-flash-data -o arm_movw.o || exit 1
    expect arm-nopic 0 -- --arch armv7m arm_nopic.o
    expect arm-movw 1 "arm_movw.o: .text" "type 47 against" "a relocation type this linker does not handle" \
        "address inside an instruction" "compile with the SDK's flags" -- --arch armv7m arm_movw.o
else
    test_skip ld-errors-arm "$ARMCC not installed (Debian package gcc-arm-none-eabi)"
fi

# An existing output survives a failed link untouched.
echo keep >out.mpy
"$MPY_LD" --arch x64 -o out.mpy no_init.o 2>/dev/null
if [ "$(cat out.mpy)" = keep ]; then test_pass keeps-old-output; else test_fail keeps-old-output; fi

# Malformed objects: good.o cut short at every length, and with single bytes
# of its headers and tables overwritten. Each must fail cleanly (status 1,
# never a crash or a sanitizer report) or link, and leave no partial output.
# truncate_all NAME ARCH OBJECT: every proper prefix of OBJECT must be refused.
truncate_all() {
    local name=$1 arch=$2 obj=$3 crashes=0 n size
    size=$(stat -c %s "$obj")
    for ((n = 0; n < size; n++)); do
        head -c "$n" "$obj" >cut.o
        "$MPY_LD" --arch "$arch" -o cut.mpy cut.o >/dev/null 2>cut.err
        rc=$?
        if [ $rc -ne 1 ] || [ -e cut.mpy ]; then
            crashes=$((crashes + 1))
            echo "truncated at $n: status $rc: $(head -c 300 cut.err)"
            rm -f cut.mpy
        fi
    done
    if [ $crashes -eq 0 ]; then test_pass "$name ($size lengths)"; else
        test_fail "$name" "$crashes bad exits"; fi
}
truncate_all truncated-elf64 x64 good.o
truncate_all truncated-elf32 xtensa "$TOP/tests/ld/objs/xtensa/basic/basic.o"
size=$(stat -c %s good.o)

crashes=0
tries=0
for ((off = 0; off < size; off += 4)); do
    for byte in '\xff' '\x00'; do
        cp good.o bad.o
        printf "$byte" | dd of=bad.o bs=1 seek="$off" conv=notrunc status=none
        "$MPY_LD" --arch x64 -o bad.mpy bad.o >/dev/null 2>bad.err
        rc=$?
        tries=$((tries + 1))
        if [ $rc -gt 1 ] || { [ $rc -ne 0 ] && [ -e bad.mpy ]; }; then
            crashes=$((crashes + 1))
            echo "byte $byte at $off: status $rc: $(head -c 300 bad.err)"
        fi
        rm -f bad.mpy
    done
done
if [ $crashes -eq 0 ]; then test_pass "corrupted-objects ($tries variants)"; else
    test_fail corrupted-objects "$crashes bad exits"; fi
