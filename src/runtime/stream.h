// The runtime's stream methods beyond those of mp_fun_table (runtime.h):
// function objects for the locals dicts of stream types, and helpers for C.
#ifndef RUNTIME_STREAM_H
#define RUNTIME_STREAM_H

#include "runtime/runtime.h"

#include "py/stream.h"

extern const mp_obj_fun_builtin_fixed_t mp_stream_unbuffered_readlines_obj;
extern const mp_obj_fun_builtin_var_t mp_stream_seek_obj;
extern const mp_obj_fun_builtin_fixed_t mp_stream_tell_obj;
extern const mp_obj_fun_builtin_fixed_t mp_stream_flush_obj;
extern const mp_obj_fun_builtin_fixed_t mp_stream___enter___obj; // returns self
// mp_stream_close, mp_stream_close_obj and mp_stream___exit___obj: py/stream.h.

// Appends the rest of the stream to vstr (until a read gives nothing).
void mp_stream_read_all(mp_obj_t self, vstr_t *vstr);

#endif
