# gen-module.awk - writes the C sources of a synthetic dynamic native module
# for the linker benchmark (bench/link-bench.sh). The code is never run: it
# only has to give mpy-ld realistic object files, with the mix a real module
# has (calls through mp_fun_table, global functions whose addresses are
# taken, global BSS arrays, constant tables, string literals, jump tables,
# function objects that point at the firmware's types, qstrs).
#
# A module is made of blocks of PER functions each, block B in NAME_B.c, and
# a main file with the entry point mpy_init. Blocks only refer to functions
# of their own and earlier blocks, and their qstrs (Bm_attr_NN) sort before
# any other native qstr, so the objects of blocks 0..K-1 plus a main file
# for K blocks link into a module of K*PER functions: one set of compiled
# blocks serves every size of the scaling series.
#
#   awk -f gen-module.awk -v name=NAME -v per=PER -v dir=DIR -v what=WHAT
#     what=blocks -v blocks=K   DIR/NAME_0.c .. DIR/NAME_<K-1>.c
#     what=main -v blocks=K     DIR/NAME_mainK.c: mpy_init for blocks 0..K-1
#     what=single               DIR/NAME.c: block 0 and mpy_init in one file
# Each also writes DIR/bench_abi.h, and prints the names of the C files it
# wrote (blocks in link order).
#
# Function fI has a global BSS array (a GOT entry each), takes the addresses
# of two other functions (GOT entries), calls its predecessor directly and
# calls through mp_fun_table. Every 8th function (every one in a module of
# up to 16) gets a function object, stored by mpy_init under its own qstr.

function out(s) { print s > cur }

function registered(i) { return nmod <= 16 || i % 8 == 0 }

# A small deterministic generator: the same sources on every run.
function rnd(n) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return int(seed / 65536) % n
}

function write_header(f) {
    print "// bench_abi.h - written by bench/gen-module.awk for the linker benchmark." > f
    print "// A cut-down stand-in for the interface of a dynamic native module; the" > f
    print "// build -includes the qstr config header (mp_uint_t, mp_int_t, MP_QSTR_*)" > f
    print "// first. Slot numbers are those of mp_fun_table in the mpy-6.1 ABI." > f
    print "#include <stddef.h>" > f
    print "#include <stdint.h>" > f
    print "" > f
    print "typedef void *mp_obj_t;" > f
    print "typedef struct _bm_type_t bm_type_t;" > f
    print "typedef mp_obj_t (*bm_fn2_t)(mp_obj_t a, mp_obj_t b);" > f
    print "" > f
    print "extern const struct _bm_fun_table_t {" > f
    print "    const void *const_none, *const_false, *const_true;          /* 0 */" > f
    print "    mp_uint_t (*native_from_obj)(mp_obj_t o, mp_uint_t kind);   /* 3 */" > f
    print "    mp_obj_t (*native_to_obj)(mp_uint_t v, mp_uint_t kind);     /* 4 */" > f
    print "    void *(*swap_globals)(void *globals);                       /* 5 */" > f
    print "    void *unused_6[3];" > f
    print "    mp_obj_t (*load_attr)(mp_obj_t o, size_t attr);             /* 9 */" > f
    print "    void *unused_10[3];" > f
    print "    void (*store_global)(size_t q, mp_obj_t v);                 /* 13 */" > f
    print "    void *unused_14[13];" > f
    print "    mp_obj_t (*call_function_n_kw)(mp_obj_t f, size_t n, const mp_obj_t *args); /* 27 */" > f
    print "    void *unused_28[27];" > f
    print "    void (*raise_msg)(const bm_type_t *type, const char *msg);  /* 55 */" > f
    print "    void *unused_56[24];" > f
    print "} mp_fun_table;" > f
    print "" > f
    print "// Resolved by the linker to slots of mp_fun_table." > f
    print "extern const bm_type_t mp_type_type, mp_type_fun_builtin_2;" > f
    print "" > f
    print "typedef struct _bm_fun_obj_t {" > f
    print "    const bm_type_t *type;" > f
    print "    bm_fn2_t fun;" > f
    print "} bm_fun_obj_t;" > f
    print "" > f
    print "#define BM_INT(i) ((mp_obj_t)(((mp_uint_t)(i) << 1) | 1))" > f
    print "#define BM_INT_VAL(o) (((mp_int_t)(o)) >> 1)" > f
    print "" > f
    print "mp_obj_t mpy_init(mp_obj_t *self, size_t n_args, size_t n_kw, mp_obj_t *args);" > f
    close(f)
}

# Function number i; the functions it refers to are below hi.
function write_function(i, hi,    j, k, m, p, c1, c2, s) {
    p = name "_f"
    j = rnd(hi); k = rnd(hi)
    c1 = 3 + 2 * rnd(5000); c2 = 1 + rnd(100000)
    out("")
    out("mp_int_t " name "_bss_" i "[4];")
    s = "static const int16_t " name "_k_" i "[8] = {"
    for (m = 0; m < 8; m++) s = s (m ? ", " : "") (rnd(65536) - 32768)
    out(s "};")
    out("mp_obj_t " p j "(mp_obj_t a, mp_obj_t b);")
    out("mp_obj_t " p k "(mp_obj_t a, mp_obj_t b);")
    if (i > 0) out("mp_obj_t " p (i - 1) "(mp_obj_t a, mp_obj_t b);")
    out("mp_obj_t " p i "(mp_obj_t a_in, mp_obj_t b_in);")
    out("mp_obj_t " p i "(mp_obj_t a_in, mp_obj_t b_in) {")
    out("    mp_int_t a = (mp_int_t)mp_fun_table.native_from_obj(a_in, " (i % 3) ");")
    out("    mp_int_t b = BM_INT_VAL(b_in);")
    out("    for (int n = 0; n < 8; ++n) {")
    out("        a = (a * " c1 " + " name "_k_" i "[n]) ^ (b >> n);")
    out("        " name "_bss_" i "[n & 3] += a;")
    out("    }")
    out("    switch ((a ^ b) & 7) {")
    out("        case 0: a += " c2 "; break;")
    out("        case 1: a = (a << 3) - b; break;")
    out("        case 2: a = (mp_int_t)mp_fun_table.load_attr(a_in, MP_QSTR_Bm_attr_" sprintf("%02d", i % 32) "); break;")
    out("        case 3: a -= " name "_bss_" i "[(b >> 4) & 3]; break;")
    out("        case 4: a = (mp_int_t)mp_fun_table.call_function_n_kw(b_in, 1, &a_in); break;")
    out("        default: mp_fun_table.raise_msg(&mp_type_type, \"" p i ": range\");")
    out("    }")
    out("    if (a & " (16 * 2 ^ (i % 4)) ") {")
    out("        bm_fn2_t f = (a & 2) ? " p j " : " p k ";")
    out("        a += BM_INT_VAL(f(BM_INT(a), b_in));")
    if (i > 0) {
        out("    } else if (b & 1) {")
        out("        a -= BM_INT_VAL(" p (i - 1) "(b_in, BM_INT(a)));")
    }
    out("    }")
    out("    return mp_fun_table.native_to_obj(a, " (i % 3) ");")
    out("}")
    if (registered(i))
        out("const bm_fun_obj_t " p i "_obj = {&mp_type_fun_builtin_2, " p i "};")
}

# Block b: its functions and a constant table of pointers to all of them.
function write_block(b,    lo, hi, i, s) {
    seed = 12345 + 7919 * b + per
    lo = b * per; hi = lo + per
    for (i = lo; i < hi; i++) write_function(i, hi)
    out("")
    out("const bm_fn2_t " name "_table_" b "[" per "] = {")
    s = ""
    for (i = lo; i < hi; i++) {
        s = s (s == "" ? "    " : " ") name "_f" i ","
        if (length(s) > 70) { out(s); s = "" }
    }
    if (s != "") out(s)
    out("};")
}

function write_init(    i, b) {
    out("")
    for (b = 0; b < blocks; b++)
        out("extern const bm_fn2_t " name "_table_" b "[];")
    for (i = 0; i < nmod; i++)
        if (registered(i)) out("extern const bm_fun_obj_t " name "_f" i "_obj;")
    out("")
    out("mp_obj_t mpy_init(mp_obj_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {")
    out("    void *prev = mp_fun_table.swap_globals(((void **)self)[1]);")
    for (i = 0; i < nmod; i++)
        if (registered(i))
            out("    mp_fun_table.store_global(MP_QSTR_" name "_f" i ", (mp_obj_t)&" name "_f" i "_obj);")
    for (b = 0; b < blocks; b++)
        out("    mp_fun_table.store_global(MP_QSTR_" name "_table_" b ", (mp_obj_t)" name "_table_" b ");")
    out("    mp_fun_table.store_global(MP_QSTR___version__, BM_INT(n_args + n_kw));")
    out("    mp_fun_table.swap_globals(prev);")
    out("    return (mp_obj_t)mp_fun_table.const_none;")
    out("}")
}

function start_file(src) {
    if (cur != "") close(cur)
    cur = dir "/" src
    print src
    out("// " src " - written by bench/gen-module.awk (linker benchmark).")
    out("#include \"bench_abi.h\"")
}

BEGIN {
    per += 0; blocks += 0
    if (what == "single") blocks = 1
    if (name !~ /^[a-z][a-z0-9_]*$/ || dir == "" || per < 1 || blocks < 1 ||
        (what != "blocks" && what != "main" && what != "single")) {
        print "usage: awk -f gen-module.awk -v name=NAME -v per=PER -v dir=DIR" \
            " -v what=blocks|main|single [-v blocks=K]" > "/dev/stderr"
        exit 2
    }
    nmod = blocks * per
    cur = ""
    write_header(dir "/bench_abi.h")
    if (what == "blocks") {
        for (b = 0; b < blocks; b++) {
            start_file(name "_" b ".c")
            write_block(b)
        }
    } else if (what == "main") {
        start_file(name "_main" blocks ".c")
        write_init()
    } else {
        start_file(name ".c")
        write_block(0)
        write_init()
    }
    close(cur)
}
