// Writing JSON into a buffer, pretty-printed with two-space indentation.
// The writer inserts commas and line breaks; keys are given with the values
// (NULL inside arrays).
#ifndef MPY_TOOL_JSON_H
#define MPY_TOOL_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

typedef struct {
    buf_t *out;
    unsigned depth;
    bool first; // nothing written yet at this depth
    bool inline_depth_set;
    unsigned inline_from; // containers opened at or below this depth stay on one line
} json_t;

void json_init(json_t *j, buf_t *out, unsigned start_depth);
void json_begin_object(json_t *j, const char *key);
void json_end_object(json_t *j);
void json_begin_array(json_t *j, const char *key);
void json_end_array(json_t *j);
// Containers begun after this call, until the current one ends, go on one line.
void json_begin_inline(json_t *j);
void json_end_inline(json_t *j);

void json_int(json_t *j, const char *key, int64_t value);
void json_uint(json_t *j, const char *key, uint64_t value);
void json_bool(json_t *j, const char *key, bool value);
void json_null(json_t *j, const char *key);
// Bytes as a JSON string: valid UTF-8 is kept, other bytes become \u00NN.
void json_str(json_t *j, const char *key, const void *s, size_t len);
void json_cstr(json_t *j, const char *key, const char *s);
// Bytes as a string of hex pairs.
void json_hex(json_t *j, const char *key, const uint8_t *s, size_t len);

#endif
