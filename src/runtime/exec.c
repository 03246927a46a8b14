// Running source text (mpy-host -c, scripts, the REPL) and the REPL's test
// for unfinished input.
#include <string.h>

#include "runtime/runtime.h"

mp_obj_t mp_call_in_scope(mp_obj_t fun, mp_obj_dict_t *globals, mp_obj_dict_t *locals) {
    mp_obj_dict_t *volatile old_globals = mp_globals_get();
    mp_obj_dict_t *volatile old_locals = mp_locals_get();
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_globals_set(globals);
        mp_locals_set(locals);
        mp_obj_t ret = mp_call_function_0(fun);
        nlr_pop();
        mp_globals_set(old_globals);
        mp_locals_set(old_locals);
        return ret;
    }
    mp_globals_set(old_globals);
    mp_locals_set(old_locals);
    nlr_jump(nlr.ret_val);
}

mp_obj_t mp_exec_source(const char *source, size_t len, qstr source_file, mp_parse_input_kind_t kind,
    mp_obj_dict_t *globals) {
    if (globals == NULL) {
        globals = mp_state.dict_main;
    }
    mp_obj_t fun = mp_compile(source, len, source_file, kind, globals);
    // Module-level names are looked up in the locals, which are the globals.
    return mp_call_in_scope(fun, globals, globals);
}

static bool starts_with_word(const char *s, const char *word) {
    size_t n = strlen(word);
    if (strncmp(s, word, n) != 0) {
        return false;
    }
    char c = s[n];
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
}

// As MicroPython's REPL decides: more lines are wanted inside an open
// triple-quoted string or bracket, after a trailing backslash, and after a
// compound statement's first line until an empty line ends it (the REPL
// joins lines with '\n', so input ending in '\n' ended with an empty line).
bool mp_repl_continue_with_input(const char *input) {
    if (input[0] == '\0') {
        return false;
    }
    static const char *const compound[] = {"if", "while", "for", "try", "with", "def", "class", "async"};
    bool is_compound = input[0] == '@';
    for (size_t i = 0; i < MP_ARRAY_SIZE(compound) && !is_compound; i++) {
        is_compound = starts_with_word(input, compound[i]);
    }
    enum { NONE, SINGLE1, DOUBLE1, SINGLE3, DOUBLE3 };
    int quote = NONE;
    int depth = 0;
    const char *p = input;
    for (; *p; p++) {
        char c = *p;
        if (c == '\'' || c == '"') {
            bool triple = p[1] == c && p[2] == c;
            int one = c == '\'' ? SINGLE1 : DOUBLE1, three = c == '\'' ? SINGLE3 : DOUBLE3;
            if (triple && (quote == NONE || quote == three)) {
                p += 2;
                quote = quote == NONE ? three : NONE;
            } else if (quote == NONE || quote == one) {
                quote = quote == NONE ? one : NONE;
            }
        } else if (c == '\\' && (p[1] == '\'' || p[1] == '"' || p[1] == '\\')) {
            if (quote != NONE) {
                p++;
            }
        } else if (quote == NONE) {
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
    }
    if (quote == SINGLE3 || quote == DOUBLE3) {
        return true;
    }
    if (depth > 0 && quote == NONE) {
        return true;
    }
    if (p[-1] == '\\') {
        return true;
    }
    return is_compound && p[-1] != '\n';
}
