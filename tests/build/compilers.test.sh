#!/usr/bin/env bash
# The tools build warning-free (-Wall -Wextra -Werror) with both gcc and clang.
. "$(dirname "$0")/../lib.sh"
make_tmpdir
for cc in gcc clang; do
    if ! have_tool "$cc"; then
        test_skip "build/$cc" "$cc not installed"
        continue
    fi
    if make -s -C "$TOP" CC="$cc" BUILD="$TMP/$cc" all >"$TMP/$cc.log" 2>&1; then
        test_pass "build/$cc"
    else
        test_fail "build/$cc" "$(grep -m3 -E 'error|warning' "$TMP/$cc.log")"
    fi
done
