// Driver for the number and string tests (tests/runtime/numstr.test.sh):
//   test_numstr --unit         C-level cases of the int/float/str/bytes API
//   test_numstr --floats FILE [MIN]  repr and parsing of floats against
//                              MicroPython (lines "TEXT BITS REPR", see
//                              numstr/README.md); parsing checked only for
//                              magnitudes from MIN on (default 0)
//   test_numstr FILE.py        runs a program (its output is compared with
//                              MicroPython's by the script)
// The first two print "ok NAME" / "fail NAME: WHY" and "done N".
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"

static int n_run;

static const char *text_of(mp_obj_t o, mp_print_kind_t kind) {
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    mp_obj_print_helper(&print, o, kind);
    return vstr_null_terminated_str(&vstr);
}

static void expect(const char *name, const char *got, const char *want) {
    n_run++;
    if (strcmp(got, want) == 0) {
        printf("ok %s\n", name);
    } else {
        printf("fail %s: got %s, want %s\n", name, got, want);
    }
}

static mp_obj_t eval(const char *src) {
    return mp_exec_source(src, strlen(src), MP_QSTR__lt_string_gt_, MP_PARSE_EVAL_INPUT, NULL);
}

// repr of an expression, or the exception it raises as "Type: message".
static const char *eval_repr(const char *src) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        const char *s = text_of(eval(src), PRINT_REPR);
        nlr_pop();
        return s;
    }
    mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
    vstr_t vstr;
    mp_print_t print;
    vstr_init_print(&vstr, 16, &print);
    mp_printf(&print, "%s: ", mp_obj_get_type_str(exc));
    mp_obj_print_helper(&print, exc, PRINT_STR);
    return vstr_null_terminated_str(&vstr);
}

static void unit(void) {
    // Small ints overflow into big ints and come back.
    mp_obj_t big = mp_obj_new_int_from_ll(MP_SMALL_INT_MAX);
    big = mp_binary_op(MP_BINARY_OP_ADD, big, MP_OBJ_NEW_SMALL_INT(1));
    expect("int/overflow-is-big", mp_obj_is_big_int(big) ? "big" : "small", "big");
    mp_obj_t back = mp_binary_op(MP_BINARY_OP_SUBTRACT, big, MP_OBJ_NEW_SMALL_INT(1));
    expect("int/back-to-small", mp_obj_is_small_int(back) ? "small" : "other", "small");
    expect("int/ull", text_of(mp_obj_new_int_from_ull(18446744073709551615ULL), PRINT_REPR),
        "18446744073709551615");
    expect("int/ll-min", text_of(mp_obj_new_int_from_ll(INT64_MIN), PRINT_REPR), "-9223372036854775808");
    expect("int/from-float", text_of(mp_obj_new_int_from_float(-1e20), PRINT_REPR), "-100000000000000000000");
    expect("int/truncated", mp_obj_int_get_truncated(eval("2**64 + 5")) == 5 ? "5" : "?", "5");
    expect("int/sign", mp_obj_int_sign(eval("-2**100")) == -1 ? "-1" : "?", "-1");

    char stack_buf[8], *buf = stack_buf;
    size_t buf_size = sizeof(stack_buf), fmt_size;
    char *s = mp_obj_int_formatted(&buf, &buf_size, &fmt_size, eval("-1234567"), 10, NULL, 'a', ',');
    expect("int/formatted-comma", s, "-1,234,567");
    s = mp_obj_int_formatted(&buf, &buf_size, &fmt_size, eval("2**64"), 16, "0x", 'A', '\0');
    expect("int/formatted-hex", s, "0x10000000000000000");

    expect("int/bytes", text_of(eval("(258).to_bytes(3, 'big')"), PRINT_REPR), "b'\\x00\\x01\\x02'");
    expect("int/parse-error", eval_repr("int('12a')"), "ValueError: invalid syntax for integer with base 10: '12a'");
    expect("int/parse-big", eval_repr("int('-123456789012345678901234567890')"), "-123456789012345678901234567890");
    expect("int/divzero", eval_repr("1 // 0"), "ZeroDivisionError: divide by zero");
    expect("int/shift", eval_repr("1 >> -1"), "ValueError: negative shift count");
    expect("int/pow3", eval_repr("pow(2**100, 3, 1000007)"), text_of(eval("(2**300) % 1000007"), PRINT_REPR));

    expect("float/repr", text_of(mp_obj_new_float(0.1 + 0.2), PRINT_REPR), "0.3");
    expect("float/str-int", text_of(mp_obj_new_float(2.0), PRINT_STR), "2.0");
    expect("float/floordiv", eval_repr("-7.5 // 2"), "-4.0");
    expect("float/mod", eval_repr("-7.5 % 2"), "0.5");
    expect("float/parse", eval_repr("float('-1_000.25e-2')"), "-10.0025");
    expect("float/parse-error", eval_repr("float('1e')"), "ValueError: invalid syntax for number");

    mp_obj_t str = mp_obj_new_str("h\xc3\xa9llo", 6);
    expect("str/len", mp_obj_str_get_len(str) == 5 ? "5" : "?", "5");
    expect("str/hash", mp_obj_str_get_hash(str) == qstr_compute_hash((const byte *)"h\xc3\xa9llo", 6) ? "ok" : "?", "ok");
    expect("str/repr", text_of(str, PRINT_REPR), "'h\\xe9llo'");
    expect("str/index", text_of(mp_obj_subscr(str, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_SENTINEL), PRINT_STR), "\xc3\xa9");
    expect("str/equal-qstr", mp_obj_str_equal(mp_obj_new_str("len", 3), MP_OBJ_NEW_QSTR(MP_QSTR_len)) ? "eq" : "ne", "eq");
    expect("str/make", text_of(mp_obj_str_make(mp_obj_new_bytes((const byte *)"a'", 2), PRINT_STR), PRINT_STR), "b\"a'\"");
    size_t len;
    const byte *d = mp_obj_bytes_data(mp_obj_new_bytearray(3, "xyz"), &len);
    expect("bytes/data-of-bytearray", len == 3 && memcmp(d, "xyz", 3) == 0 ? "ok" : "?", "ok");
    expect("str/format", eval_repr("'{:>6.2f}|{!r:4}|{:#x}'.format(3.14159, 'a', 255)"), "\"  3.14|'a' |0xff\"");
    expect("str/modulo", eval_repr("'%5s|%-4d|%.1e' % ('ab', 7, 12345.0)"), "'   ab|7   |1.2e+04'");

    expect("array/repr", eval_repr("bytearray(b'ab')"), "bytearray(b'ab')");
    mp_obj_t mv = mp_obj_new_memoryview('h', 2, (void *)"\x01\x00\xff\xff");
    expect("array/memoryview", text_of(mp_obj_subscr(mv, MP_OBJ_NEW_SMALL_INT(1), MP_OBJ_SENTINEL), PRINT_REPR), "-1");
    byte packed[8];
    byte *p = packed;
    mp_binary_set_val('>', 'I', MP_OBJ_NEW_SMALL_INT(0x01020304), packed, &p);
    mp_binary_set_val('<', 'h', MP_OBJ_NEW_SMALL_INT(-2), packed, &p);
    expect("binary/set", memcmp(packed, "\x01\x02\x03\x04\xfe\xff", 6) == 0 ? "ok" : "?", "ok");
    p = packed;
    mp_obj_t v1 = mp_binary_get_val('>', 'I', packed, &p);
    mp_obj_t v2 = mp_binary_get_val('<', 'h', packed, &p);
    expect("binary/get", text_of(mp_obj_new_tuple(2, (mp_obj_t[]){v1, v2}), PRINT_REPR), "(16909060, -2)");
    size_t align;
    expect("binary/size", mp_binary_get_size('@', 'q', &align) == 8 ? "8" : "?", "8");
}

static int hexval(char c) {
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

// Every line: repr of the double given by its bits, and the double parsed
// from the text, must be MicroPython's.
static void floats(const char *file, double min_abs) {
    FILE *f = fopen(file, "r");
    if (f == NULL) {
        printf("fail floats: cannot open %s\n", file);
        return;
    }
    char text[128], hex[32], want[64];
    int bad_repr = 0, bad_parse = 0, n = 0;
    while (fscanf(f, "%127s %31s %63s", text, hex, want) == 3) {
        byte bits[8];
        for (int i = 0; i < 8; i++) {
            bits[i] = (byte)(hexval(hex[2 * i]) << 4 | hexval(hex[2 * i + 1]));
        }
        double d;
        memcpy(&d, bits, 8); // the data is little-endian, as the hosts are
        const char *got = text_of(mp_obj_new_float(d), PRINT_REPR);
        if (strcmp(got, want) != 0 && bad_repr++ < 5) {
            printf("# repr of %s: got %s, want %s\n", hex, got, want);
        }
        double parsed = mp_obj_float_get(mp_parse_num_decimal(text, strlen(text), false, false));
        bool checked = !(fabs(d) < min_abs);
        if (checked && memcmp(&parsed, &d, 8) != 0 && !(d != d && parsed != parsed) && bad_parse++ < 5) {
            printf("# parse of %s: got %.17g, want %.17g\n", text, parsed, d);
        }
        n++;
    }
    fclose(f);
    n_run += 2;
    if (n < 100 || bad_repr) {
        printf("fail float-repr: %d of %d lines differ\n", bad_repr, n);
    } else {
        printf("ok float-repr\n");
    }
    if (n < 100 || bad_parse) {
        printf("fail float-parse: %d of %d lines differ\n", bad_parse, n);
    } else {
        printf("ok float-parse\n");
    }
}

static int run_file(const char *file) {
    FILE *f = fopen(file, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", file);
        return 2;
    }
    static char src[1 << 16];
    size_t len = fread(src, 1, sizeof(src) - 1, f);
    fclose(f);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_exec_source(src, len, qstr_from_str(file), MP_PARSE_FILE_INPUT, NULL);
        nlr_pop();
        return 0;
    }
    mp_obj_print_exception(&mp_plat_print, MP_OBJ_FROM_PTR(nlr.ret_val));
    return 1;
}

int main(int argc, char **argv) {
    int top;
    gc_set_stack_top(&top);
    mp_init(8 * 1024 * 1024);
    int status = 0;
    if (argc == 2 && strcmp(argv[1], "--unit") == 0) {
        unit();
        printf("done %d\n", n_run);
    } else if ((argc == 3 || argc == 4) && strcmp(argv[1], "--floats") == 0) {
        floats(argv[2], argc == 4 ? strtod(argv[3], NULL) : 0);
        printf("done %d\n", n_run);
    } else if (argc == 2) {
        status = run_file(argv[1]);
    } else {
        fprintf(stderr, "usage: %s --unit | --floats FILE | FILE.py\n", argv[0]);
        status = 2;
    }
    fflush(stdout);
    return status;
}
