#!/usr/bin/env bash
# Inputs that MicroPython v1.21's mpy_ld.py cannot link but mpy-ld does:
# each case links, and the -vv log shows where the symbols went.
. "$(dirname "$0")/../lib.sh"
make_tmpdir
SRC=$TOP/tests/ld/extra

if ! have_tool gcc; then
    test_skip ld-extra "gcc not installed"
    exit 0
fi
cc_x64() { gcc -std=c99 -Os -fpic -fno-stack-protector "$@"; }
cd "$TMP" || exit 1
cc_x64 -fcommon -c "$SRC/common_a.c" -o common_a.o &&
    cc_x64 -fcommon -c "$SRC/common_b.c" -o common_b.o &&
    cc_x64 -fno-common -c "$SRC/weak_a.c" -o weak_a.o &&
    cc_x64 -fno-common -c "$SRC/weak_b.c" -o weak_b.o &&
    cc_x64 -fno-common -Wa,-mrelax-relocations=yes -c "$SRC/gotpcrelx.c" -o gotpcrelx.o &&
    cc_x64 -fno-common -c "$SRC/relro_a.c" -o relro_a.o &&
    cc_x64 -fno-common -c "$SRC/relro_b.c" -o relro_b.o || exit 1
for f in lib_main lib_div lib_check lib_unused; do
    cc_x64 -fno-common -c "$SRC/$f.c" -o "$f.o" || exit 1
done
ar rcs libhelp.a lib_unused.o lib_div.o lib_check.o
ar rcS libnoindex.a lib_div.o

# link NAME "TEXT..." -- OBJS: link with -vv, want success and each TEXT in the log.
link() {
    local name=$1
    shift
    local texts=()
    while [ "$1" != "--" ]; do texts+=("$1"); shift; done
    shift
    if ! "$MPY_LD" -vv --arch x64 -o "$name.mpy" "$@" >"$name.log" 2>&1; then
        test_fail "$name" "$(head -c 400 "$name.log")"
        return
    fi
    for t in "${texts[@]}"; do
        if ! grep -qF -- "$t" "$name.log"; then
            test_fail "$name" "log lacks '$t'"
            return
        fi
    done
    test_pass "$name"
}

# Two tentative definitions of each name share one BSS block of the largest size.
link common "shared_buf -> COMMON+00000020" "counter -> COMMON+00000000" "bss size:     96" \
    -- common_a.o common_b.o
# weak_a.o's own call to hook goes to weak_b.o's strong definition (text offset of
# weak_b's .text: after weak_a's).
link weak "hook -> " -- weak_a.o weak_b.o
addr_b=$(sed -n 's/^  \([0-9a-f]*\) \.text size=.*/\1/p' weak.log | sed -n 2p)
if grep -q "hook -> $addr_b" weak.log; then test_pass weak-strong-wins; else
    test_fail weak-strong-wins "hook not resolved to weak_b.o's .text at $addr_b"; fi
if readelf -rW gotpcrelx.o | grep -q 'R_X86_64_GOTPCRELX '; then
    link gotpcrelx "helper -> " "GOT entries:  1" -- gotpcrelx.o
else
    test_skip gotpcrelx "this assembler does not emit R_X86_64_GOTPCRELX"
fi
link relro-cross-object "-> twice " -- relro_a.o relro_b.o

# Static libraries: members that define needed symbols are taken, transitively,
# and no others; a library may also be given as a plain input.
link library "using libhelp.a(lib_div.o)" "using libhelp.a(lib_check.o)" \
    -- lib_main.o -l libhelp.a
if grep -q lib_unused library.log; then test_fail library-unused-member-left-out; else
    test_pass library-unused-member-left-out; fi
link library-positional "using libhelp.a(lib_div.o)" -- lib_main.o libhelp.a
if "$MPY_LD" --arch x64 -o noindex.mpy lib_main.o -l libnoindex.a 2>noindex.err; then
    test_fail library-without-index "linked"
elif grep -q "libnoindex.a: archive has no symbol index" noindex.err && grep -q ranlib noindex.err; then
    test_pass library-without-index
else
    test_fail library-without-index "$(cat noindex.err)"
fi
# A library that is a GNU ld script naming archives (as Debian's libm.a is).
mkdir -p lib
cp libhelp.a lib/libhelp-1.a
printf '/* GNU ld script\n*/\nOUTPUT_FORMAT(elf64-x86-64)\nGROUP ( lib/libhelp-1.a AS_NEEDED ( lib/libhelp-1.a ) )\n' >libscript.a
link library-script "using lib/libhelp-1.a(lib_div.o)" "using lib/libhelp-1.a(lib_check.o)" \
    -- lib_main.o -l libscript.a
printf 'GROUP ( -lhelp )\n' >libsearch.a
if "$MPY_LD" --arch x64 -o search.mpy lib_main.o -l libsearch.a 2>search.err; then
    test_fail library-script-search "linked"
elif grep -q "libsearch.a: offset 0x8: library search (-lNAME) is not supported" search.err &&
    grep -q "GROUP, INPUT and AS_NEEDED" search.err; then
    test_pass library-script-search
else
    test_fail library-script-search "$(cat search.err)"
fi
printf 'GROUP ( libloop.a )\n' >libloop.a
if "$MPY_LD" --arch x64 -o loop.mpy lib_main.o -l libloop.a 2>loop.err; then
    test_fail library-script-loop "linked"
elif grep -q "too deeply" loop.err; then
    test_pass library-script-loop
else
    test_fail library-script-loop "$(head -c 300 loop.err)"
fi
head -c 100 libhelp.a >cut.a
if "$MPY_LD" --arch x64 -o cut.mpy lib_main.o -l cut.a 2>cut.err; then
    test_fail library-truncated "linked"
elif grep -q "cut.a: malformed archive at offset 0x" cut.err; then
    test_pass library-truncated
else
    test_fail library-truncated "$(cat cut.err)"
fi

# armv6m: libgcc's helpers (the switch of the "switch" module needs
# __gnu_thumb1_case_uqi), and a veneer when mpy_init is out of reach of the
# 2-byte entry jump (the "big" module).
OBJS=$TOP/tests/ld/objs/armv6m
if have_tool arm-none-eabi-gcc; then
    libgcc=$(arm-none-eabi-gcc -mthumb -mcpu=cortex-m0 -print-libgcc-file-name)
    link armv6m-libgcc "using $libgcc(_thumb1_case_uqi.o)" -- \
        --arch armv6m "$OBJS/switch/switch.o" -l "$libgcc"
else
    test_skip armv6m-libgcc "arm-none-eabi-gcc not installed (Debian package gcc-arm-none-eabi)"
fi
link armv6m-entry-veneer "00000004 ENTRY size=16" -- --arch armv6m "$OBJS/big/big.o"
# Text starts with "b.n" to the veneer at 4: push {r0}; ldr r0, [pc, #8]; add r0, pc;
# mov ip, r0; pop {r0}; bx ip; then the offset of mpy_init from pc at the add.
text=$(od -A n -t x1 -j 0 -N 2000 armv6m-entry-veneer.mpy | tr -d ' \n')
if [[ $text == *00e0000001b402487844844601bc6047* ]]; then test_pass armv6m-entry-veneer-code; else
    test_fail armv6m-entry-veneer-code "jump and veneer not found"; fi

if have_tool xtensa-lx106-elf-as; then
    xtensa-lx106-elf-as "$SRC/text_literal.s" -o text_literal.o
    link xtensa-text-literal "00000008 -> .rodata 00000000" -- --arch xtensawin text_literal.o
else
    test_skip xtensa-text-literal "xtensa-lx106-elf-as not installed (Debian package gcc-xtensa-lx106)"
fi

# clang's Arm code loads GOT entries with R_ARM_GOT_PREL literals (the
# reference knows only gcc's R_ARM_GOT_BREL).
if have_tool clang && have_tool arm-none-eabi-gcc; then
    mods=$TOP/tests/ld/modules
    clang --target=arm-none-eabi -mthumb -mcpu=cortex-m3 -std=c99 -Os -fpic -fno-common \
        -I"$mods" -include "$mods/externs/externs.config.h" -c "$mods/externs/externs.c" \
        -o clang_externs.o 2>clang.err
    if readelf -rW clang_externs.o | grep -q R_ARM_GOT_PREL; then
        link clang-arm-got-prel "mp_fun_table -> .external+00000000" "GOT entries:  9" -- \
            --arch armv7m --qstrs "$mods/externs/externs.config.h" clang_externs.o
    else
        test_skip clang-arm-got-prel "clang emitted no R_ARM_GOT_PREL: $(head -c 200 clang.err)"
    fi
else
    test_skip clang-arm-got-prel "clang or arm-none-eabi-gcc (for its headers) not installed"
fi

# Direct calls to memset/memcpy/memmove go through stubs to mp_fun_table
# entries 50 (memset_) and 51 (memmove_, also serving memcpy).
cc_x64 -fno-common -fno-builtin -c "$SRC/memfuncs.c" -o memfuncs.o
link memfuncs-x64 "STUB size=16" "memset -> 00000050" "memcpy -> 00000060" \
    "memmove -> 00000060" -- memfuncs.o
stub_bytes=$(od -A n -t x1 memfuncs-x64.mpy | tr -d ' \n')
if [[ $stub_bytes == *ff2502000000cccc0000000000000000ff2502000000cccc* ]]; then
    test_pass memfuncs-x64-stubs
else
    test_fail memfuncs-x64-stubs "two jmp *2(%rip) stubs not found"
fi
if have_tool arm-none-eabi-gcc; then
    for arch in armv6m:cortex-m0 armv7m:cortex-m3; do
        arm-none-eabi-gcc -mthumb -mcpu="${arch#*:}" -std=c99 -Os -fpic -fno-common -fno-builtin \
            -c "$SRC/memfuncs.c" -o "memfuncs-${arch%:*}.o"
        link "memfuncs-${arch%:*}" "STUB size=" -- --arch "${arch%:*}" "memfuncs-${arch%:*}.o"
    done
else
    test_skip memfuncs-arm "arm-none-eabi-gcc not installed (Debian package gcc-arm-none-eabi)"
fi
# RISC-V: the same stubs (auipc t1; lw/ld t1, L(t1); jr t1), and libgcc's
# soft-float helpers.
if have_tool riscv64-unknown-elf-gcc; then
    for arch in rv32imc:rv32imac:ilp32:16 rv64imc:rv64imac:lp64:24; do
        IFS=: read -r name march mabi size <<<"$arch"
        rvcc="riscv64-unknown-elf-gcc -march=$march -mabi=$mabi -mno-relax -std=c99 -Os -fpic -fno-common"
        $rvcc -fno-builtin -c "$SRC/memfuncs.c" -o "memfuncs-$name.o" &&
            $rvcc -c "$SRC/softfloat.c" -o "softfloat-$name.o" || exit 1
        link "memfuncs-$name" "STUB size=$size" -- --arch "$name" "memfuncs-$name.o"
        stub=$(od -A n -t x1 "memfuncs-$name.mpy" | tr -d ' \n')
        if [[ $stub == *17030000*67000300* ]]; then
            test_pass "memfuncs-$name-stubs"
        else
            test_fail "memfuncs-$name-stubs" "auipc t1 / jr t1 stub not found"
        fi
        libgcc=$($rvcc -print-libgcc-file-name)
        link "softfloat-$name" "using $libgcc(addsf3.o)" "using $libgcc(mulsf3.o)" -- \
            --arch "$name" "softfloat-$name.o" -l "$libgcc"
        libc=/usr/lib/picolibc/riscv64-unknown-elf/lib/$march/$mabi/libc.a
        if [ -f "$libc" ]; then
            $rvcc -c "$SRC/mathfn.c" -o "mathfn-$name.o" || exit 1
            link "mathfn-$name" "using $libc(" -- --arch "$name" "mathfn-$name.o" -l "$libgcc" -l "$libc"
        else
            test_skip "mathfn-$name" "no $libc (Debian package picolibc-riscv64-unknown-elf)"
        fi
    done
else
    test_skip ld-extra-riscv "riscv64-unknown-elf-gcc not installed (Debian package gcc-riscv64-unknown-elf)"
fi
