// jsontok: using an external C library, the jsmn JSON tokenizer.
//
// jsmn is a header-only library packaged by Debian as libjsmn-dev; the
// Makefile takes jsmn.h from there at build time (it is not part of this
// source tree). JSMN_STATIC makes its functions static, so they are compiled
// into this module like its own code.
//
//     import jsontok
//     jsontok.loads('{"a": [1, 2.5, "x"], "b": null}')   # {'a': [1, 2.5, 'x'], 'b': None}
//     jsontok.tokens('[1, "two"]')
//         # [(2, 0, 10, 2), (4, 1, 2, 0), (3, 5, 8, 0)]: (type, start, end, size)
//     jsontok.ARRAY                     # 2 (also OBJECT, STRING, PRIMITIVE)
//     jsontok.loads('[1,')              # ValueError: incomplete JSON
#include "py/dynruntime.h"

#define JSMN_STATIC
#include <jsmn.h>

// Parse text into a freshly allocated token array; returns the token count.
STATIC int tokenize(const char *text, size_t len, jsmntok_t **tokens_out) {
    jsmn_parser parser;
    jsmn_init(&parser);
    int n = jsmn_parse(&parser, text, len, NULL, 0); // count only
    if (n >= 0) {
        *tokens_out = m_new(jsmntok_t, n > 0 ? n : 1);
        jsmn_init(&parser);
        n = jsmn_parse(&parser, text, len, *tokens_out, n);
    }
    if (n == JSMN_ERROR_PART) {
        mp_raise_ValueError(MP_ERROR_TEXT("incomplete JSON"));
    } else if (n < 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("invalid JSON"));
    } else if (n == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("empty JSON"));
    }
    return n;
}

typedef struct _builder_t {
    const char *text;
    const jsmntok_t *tokens;
    int count;
    int next; // index of the next token to convert
} builder_t;

STATIC bool text_equals(const char *text, int len, const char *word) {
    int i = 0;
    for (; i < len && word[i] != '\0'; ++i) {
        if (text[i] != word[i]) {
            return false;
        }
    }
    return i == len && word[i] == '\0';
}

// A JSON string token (without the quotes) as a str, with escapes decoded.
STATIC mp_obj_t build_string(const char *s, int len) {
    char *buf = m_new(char, len > 0 ? len : 1);
    int out = 0;
    for (int i = 0; i < len; ++i) {
        char c = s[i];
        if (c == '\\' && i + 1 < len) {
            c = s[++i];
            if (c == 'n') {
                c = '\n';
            } else if (c == 't') {
                c = '\t';
            } else if (c == 'r') {
                c = '\r';
            } else if (c == 'b') {
                c = '\b';
            } else if (c == 'f') {
                c = '\f';
            } else if (c == 'u') {
                // \uXXXX: ASCII only in this example.
                unsigned code = 0;
                for (int k = 0; k < 4 && i + 1 < len; ++k) {
                    char h = s[++i];
                    code = code * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                }
                if (code >= 0x80) {
                    mp_raise_NotImplementedError(MP_ERROR_TEXT("non-ASCII \\u escape"));
                }
                c = (char)code;
            }
            // '"', '\\' and '/' stand for themselves.
        }
        buf[out++] = c;
    }
    mp_obj_t str = mp_obj_new_str(buf, out);
    m_del(char, buf, len);
    return str;
}

// A primitive token: true, false, null or a number.
STATIC mp_obj_t build_primitive(const char *s, int len) {
    if (text_equals(s, len, "true")) {
        return mp_const_true;
    } else if (text_equals(s, len, "false")) {
        return mp_const_false;
    } else if (text_equals(s, len, "null")) {
        return mp_const_none;
    }
    bool is_float = false;
    for (int i = 0; i < len; ++i) {
        if (s[i] == '.' || s[i] == 'e' || s[i] == 'E') {
            is_float = true;
        }
    }
    // Let the firmware's int() and float() do the conversion (so big
    // integers work too).
    mp_obj_t conv = is_float ? mp_load_global(MP_QSTR_float) : MP_OBJ_FROM_PTR(&mp_type_int);
    return mp_call_function_1(conv, mp_obj_new_str(s, len));
}

// Convert the token at b->next (and its children) to a Python object.
STATIC mp_obj_t build(builder_t *b) {
    const jsmntok_t *tok = &b->tokens[b->next++];
    const char *s = b->text + tok->start;
    int len = tok->end - tok->start;
    if (tok->type == JSMN_OBJECT) {
        mp_obj_t dict = mp_obj_new_dict(tok->size);
        for (int i = 0; i < tok->size; ++i) {
            mp_obj_t key = build(b);
            mp_obj_dict_store(dict, key, build(b));
        }
        return dict;
    } else if (tok->type == JSMN_ARRAY) {
        mp_obj_t list = mp_obj_new_list(0, NULL);
        for (int i = 0; i < tok->size; ++i) {
            mp_obj_list_append(list, build(b));
        }
        return list;
    } else if (tok->type == JSMN_STRING) {
        return build_string(s, len);
    } else {
        return build_primitive(s, len);
    }
}

STATIC mp_obj_t jsontok_loads(mp_obj_t text_in) {
    size_t len;
    const char *text = mp_obj_str_get_data(text_in, &len);
    jsmntok_t *tokens;
    builder_t b;
    b.count = tokenize(text, len, &tokens);
    b.text = text;
    b.tokens = tokens;
    b.next = 0;
    mp_obj_t result = build(&b);
    m_del(jsmntok_t, tokens, b.count);
    return result;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(jsontok_loads_obj, jsontok_loads);

STATIC mp_obj_t jsontok_tokens(mp_obj_t text_in) {
    size_t len;
    const char *text = mp_obj_str_get_data(text_in, &len);
    jsmntok_t *tokens;
    int n = tokenize(text, len, &tokens);
    mp_obj_t list = mp_obj_new_list(0, NULL);
    for (int i = 0; i < n; ++i) {
        mp_obj_t fields[4] = {
            MP_OBJ_NEW_SMALL_INT(tokens[i].type),
            MP_OBJ_NEW_SMALL_INT(tokens[i].start),
            MP_OBJ_NEW_SMALL_INT(tokens[i].end),
            MP_OBJ_NEW_SMALL_INT(tokens[i].size),
        };
        mp_obj_list_append(list, mp_obj_new_tuple(4, fields));
    }
    m_del(jsmntok_t, tokens, n);
    return list;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(jsontok_tokens_obj, jsontok_tokens);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY

    mp_store_global(MP_QSTR_loads, MP_OBJ_FROM_PTR(&jsontok_loads_obj));
    mp_store_global(MP_QSTR_tokens, MP_OBJ_FROM_PTR(&jsontok_tokens_obj));
    mp_store_global(MP_QSTR_OBJECT, MP_OBJ_NEW_SMALL_INT(JSMN_OBJECT));
    mp_store_global(MP_QSTR_ARRAY, MP_OBJ_NEW_SMALL_INT(JSMN_ARRAY));
    mp_store_global(MP_QSTR_STRING, MP_OBJ_NEW_SMALL_INT(JSMN_STRING));
    mp_store_global(MP_QSTR_PRIMITIVE, MP_OBJ_NEW_SMALL_INT(JSMN_PRIMITIVE));

    MP_DYNRUNTIME_INIT_EXIT
}
