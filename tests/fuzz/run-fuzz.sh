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
    -I"$TOP/src" -I"$TOP" "$TOP/tests/fuzz/fuzz_mpy_ld.c" $srcs -o "$out/fuzz_mpy_ld"
# Seeds: each committed object, prefixed with the byte of its architecture:
# its index in mpy-ld's arch table, which lists them as --help does.
archs=$("$TOP/build/mpy-ld" --help | sed -n '/^  --arch ARCH/{n;p}')
i=0
for arch_dir in "$TOP"/tests/ld/objs/*/; do
    arch=$(basename "$arch_dir")
    n=0
    for a in $archs; do [ "$a" = "$arch" ] && break; n=$((n + 1)); done
    for o in "$arch_dir"*/*.o; do
        { printf "\\x$(printf %02x $n)"; cat "$o"; } >"$out/corpus/seed$i"
        i=$((i + 1))
    done
done
cd "$out"
./fuzz_mpy_ld -max_total_time="${1:-60}" -max_len=65536 corpus
