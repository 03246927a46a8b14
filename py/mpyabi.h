// The one place that says which firmware ABI a native module is built for.
//
// A native .mpy only loads into firmware whose .mpy version and sub-version
// match its own, and the sub-version also fixes the order of mp_fun_table.
// Everything in this SDK that differs between firmware releases tests
// MPY_SUB_VERSION (or the MP_ABI_* switches derived from it below) and
// nothing else.
//
//   sub-version 1: MicroPython v1.20 and v1.21 (the default)
//   sub-version 2: MicroPython v1.22
//   sub-version 3: MicroPython v1.23 to v1.28
//
// A module's config header sets it (make MPY_VERSION=V runs mpy-ld
// --preprocess --mpy-version V, which writes it there).
#ifndef MP_SDK_PY_MPYABI_H
#define MP_SDK_PY_MPYABI_H

#define MPY_VERSION (6)

#ifndef MPY_SUB_VERSION
#define MPY_SUB_VERSION (1)
#endif

#if MPY_SUB_VERSION < 1 || MPY_SUB_VERSION > 3
#error "MPY_SUB_VERSION must be 1 (v1.20-v1.21), 2 (v1.22) or 3 (v1.23-v1.28)"
#endif

// Names the releases of each sub-version, for messages.
#if MPY_SUB_VERSION == 1
#define MP_ABI_RELEASES "MicroPython v1.20-v1.21 (.mpy 6.1)"
#elif MPY_SUB_VERSION == 2
#define MP_ABI_RELEASES "MicroPython v1.22 (.mpy 6.2)"
#else
#define MP_ABI_RELEASES "MicroPython v1.23-v1.28 (.mpy 6.3)"
#endif

// A module that calls an API its firmware lacks fails to build, with a
// message that names the release that has it: the API is declared as a
// function of that name with the compiler's error attribute (reported when
// the call is compiled). Where the attribute is missing, the call is left
// undefined and mpy-ld says the same when linking.
#ifdef __has_attribute
#if __has_attribute(error)
#define MP_ABI_ERROR_ATTR(msg) __attribute__((error(msg)))
#endif
#endif
#ifndef MP_ABI_ERROR_ATTR
#define MP_ABI_ERROR_ATTR(msg)
#endif
#define MP_ABI_NEEDS_6_3(api) \
    MP_ABI_ERROR_ATTR(api " needs MicroPython v1.23 or later (.mpy 6.3); this module is built " \
    "for " MP_ABI_RELEASES ": build it with make MPY_VERSION=6.3")

// Entry 64 of mp_fun_table: get_buffer_raise in 6.1, get_buffer (which takes
// MP_BUFFER_RAISE_IF_UNSUPPORTED in its flags) from 6.2 on.
#define MP_ABI_HAS_GET_BUFFER (MPY_SUB_VERSION >= 2)

// 6.3 inserts load_method_maybe, the argument parser, the binary helpers and
// mp_type_Exception into mp_fun_table, and makes functions from "proto funs".
#define MP_ABI_HAS_PROTO_FUN (MPY_SUB_VERSION >= 3)

// Number of entries in mp_fun_table for the selected sub-version.
#if MPY_SUB_VERSION >= 3
#define MP_FUN_TABLE_SIZE (87)
#else
#define MP_FUN_TABLE_SIZE (80)
#endif

// The .mpy architecture codes (MP_NATIVE_ARCH_*).
#include "py/mpyarch.h"

#endif // MP_SDK_PY_MPYABI_H
