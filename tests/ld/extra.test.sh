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
