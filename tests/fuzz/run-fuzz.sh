#!/usr/bin/env bash
# Fuzzes mpy-ld's object and archive parsing and the whole link with
# libFuzzer, seeded with the committed test objects. Not part of make test.
#   tests/fuzz/run-fuzz.sh [SECONDS]
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
out=$TOP/build/fuzz
mkdir -p "$out/corpus"
srcs=$(ls "$TOP"/src/base/*.c "$TOP"/src/mpy/*.c "$TOP"/src/mpy-ld/*.c | grep -v '/main.c$')
clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -D_POSIX_C_SOURCE=200809L \
    -I"$TOP/src" "$TOP/tests/fuzz/fuzz_mpy_ld.c" $srcs -o "$out/fuzz_mpy_ld"
# Seeds: each committed object, prefixed with the byte of its architecture.
i=0
for arch_dir in "$TOP"/tests/ld/objs/*/; do
    arch=$(basename "$arch_dir")
    case $arch in x86) n=0 ;; x64) n=1 ;; armv6m) n=2 ;; armv7m) n=3 ;; armv7emsp) n=4 ;;
        armv7emdp) n=5 ;; xtensa) n=6 ;; *) continue ;; esac
    for o in "$arch_dir"*/*.o; do
        { printf "\\x$(printf %02x $n)"; cat "$o"; } >"$out/corpus/seed$i"
        i=$((i + 1))
    done
done
cd "$out"
./fuzz_mpy_ld -max_total_time="${1:-60}" -max_len=65536 corpus
