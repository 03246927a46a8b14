// Build configuration of a dynamic native module.
//
// A module is not built against a port's configuration: the firmware it will
// be loaded into is only known through the ABI (see py/mpyabi.h). What a
// module does get is the per-module header that `mpy-ld --preprocess` writes
// (named by MP_CONFIGFILE): the mp_int_t/mp_uint_t/mp_off_t types and the
// MP_QSTR_xxx numbers. This file pulls that in and adds the few settings that
// the rest of the SDK headers depend on.
#ifndef MP_SDK_PY_MPCONFIG_H
#define MP_SDK_PY_MPCONFIG_H

#if MICROPY_SDK_RUNTIME
// The project's host runtime (src/runtime) includes the layout headers of this
// SDK, so that it shares the structs that modules compile against. It runs on
// the host: machine-word integers and double-precision floats.
#include <stdint.h>
typedef intptr_t mp_int_t;
typedef uintptr_t mp_uint_t;
typedef int64_t mp_off_t;
#ifndef MICROPY_FLOAT_IMPL
#define MICROPY_FLOAT_IMPL (2)
#endif
#else
#if !MICROPY_ENABLE_DYNRUNTIME
#error "this SDK builds dynamic native modules only: compile with -DMICROPY_ENABLE_DYNRUNTIME (py/dynruntime.mk does)"
#endif

#ifndef MP_CONFIGFILE
#error "MP_CONFIGFILE must name the header written by mpy-ld --preprocess (py/dynruntime.mk does this)"
#endif
#include MP_CONFIGFILE
#endif

#include "py/mpyabi.h"

// A compile-time check at declaration level, in C and in C++.
#ifdef __cplusplus
#define MP_STATIC_ASSERT_DECL(cond, msg) static_assert(cond, msg)
#else
#define MP_STATIC_ASSERT_DECL(cond, msg) _Static_assert(cond, msg)
#endif

// <limits.h> too: MicroPython's own py/misc.h and py/mpconfig.h include it (v1.26
// and later), and module sources use INT_MAX and the like without including it.
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Object representation. Every port that loads native modules uses
// representation A: small ints have bit 0 set, qstrs end in 0b010, immediate
// objects (None, False, True) end in 0b110, and pointers are 4-byte aligned.
#define MICROPY_OBJ_REPR_A (0)
#define MICROPY_OBJ_REPR_B (1)
#define MICROPY_OBJ_REPR_C (2)
#define MICROPY_OBJ_REPR_D (3)
#define MICROPY_OBJ_REPR (MICROPY_OBJ_REPR_A)
#define MICROPY_OBJ_IMMEDIATE_OBJS (1)
#define MICROPY_OBJ_BASE_ALIGNMENT

// Floating point. py/dynruntime.mk passes the target's default (none, float
// or double); mp_float_t, mp_obj_new_float and mp_obj_get_float follow it.
#define MICROPY_FLOAT_IMPL_NONE (0)
#define MICROPY_FLOAT_IMPL_FLOAT (1)
#define MICROPY_FLOAT_IMPL_DOUBLE (2)
#ifndef MICROPY_FLOAT_IMPL
#define MICROPY_FLOAT_IMPL (MICROPY_FLOAT_IMPL_NONE)
#endif

#if MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_FLOAT
typedef float mp_float_t;
#define MICROPY_PY_BUILTINS_FLOAT (1)
#define MICROPY_FLOAT_CONST(x) x##F
#define MICROPY_FLOAT_C_FUN(fun) fun##f
#elif MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_DOUBLE
typedef double mp_float_t;
#define MICROPY_PY_BUILTINS_FLOAT (1)
#define MICROPY_FLOAT_CONST(x) x
#define MICROPY_FLOAT_C_FUN(fun) fun
#elif MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_NONE
#define MICROPY_PY_BUILTINS_FLOAT (0)
#else
#error "MICROPY_FLOAT_IMPL must be MICROPY_FLOAT_IMPL_NONE, _FLOAT or _DOUBLE"
#endif

// Error messages are plain C strings in a module.
#define MICROPY_ERROR_REPORTING_NONE (0)
#define MICROPY_ERROR_REPORTING_TERSE (1)
#define MICROPY_ERROR_REPORTING_NORMAL (2)
#define MICROPY_ERROR_REPORTING_DETAILED (3)
#define MICROPY_ERROR_REPORTING (MICROPY_ERROR_REPORTING_NORMAL)

// Sizes.
#define MP_BITS_PER_BYTE (8)
#define MP_BYTES_PER_OBJ_WORD (sizeof(mp_uint_t))
#define MP_SMALL_INT_BITS (sizeof(mp_uint_t) * MP_BITS_PER_BYTE - 1)
#define MP_SMALL_INT_MIN ((mp_int_t)(((mp_int_t)MP_OBJ_WORD_MSBIT_HIGH) >> 1))
#define MP_SMALL_INT_MAX ((mp_int_t)(~(MP_SMALL_INT_MIN)))
#define MP_OBJ_WORD_MSBIT_HIGH (((mp_uint_t)1) << (MP_BYTES_PER_OBJ_WORD * MP_BITS_PER_BYTE - 1))
#define MP_SMALL_INT_FITS(n) ((((n) ^ ((mp_uint_t)(n) << 1)) & MP_OBJ_WORD_MSBIT_HIGH) == 0)
#define MP_SSIZE_MAX ((mp_int_t)(~(mp_uint_t)0 >> 1))

// printf formats for mp_int_t and mp_uint_t (both are pointer sized).
#if defined(__LP64__) || defined(_WIN64)
#define INT_FMT "%ld"
#define UINT_FMT "%lu"
#define HEX_FMT "%lx"
#else
#define INT_FMT "%d"
#define UINT_FMT "%u"
#define HEX_FMT "%x"
#endif

// Byte order of the target.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define MP_ENDIANNESS_LITTLE (0)
#else
#define MP_ENDIANNESS_LITTLE (1)
#endif
#define MP_ENDIANNESS_BIG (!MP_ENDIANNESS_LITTLE)

// Compiler attributes and hints, under MicroPython's names.
#ifndef STATIC
#define STATIC static
#endif
#ifndef NORETURN
#define NORETURN __attribute__((noreturn))
#endif
#ifndef MP_NORETURN
#define MP_NORETURN NORETURN
#endif
#ifndef MP_WEAK
#define MP_WEAK __attribute__((weak))
#endif
#ifndef MP_NOINLINE
#define MP_NOINLINE __attribute__((noinline))
#endif
#ifndef MP_ALWAYSINLINE
#define MP_ALWAYSINLINE __attribute__((always_inline))
#endif
#ifndef MP_LIKELY
#define MP_LIKELY(x) __builtin_expect((x), 1)
#endif
#ifndef MP_UNLIKELY
#define MP_UNLIKELY(x) __builtin_expect((x), 0)
#endif
#ifndef MP_UNREACHABLE
#define MP_UNREACHABLE __builtin_unreachable();
#endif
#ifndef MP_FALLTHROUGH
#if defined(__GNUC__) && __GNUC__ >= 7
#define MP_FALLTHROUGH __attribute__((fallthrough));
#else
#define MP_FALLTHROUGH
#endif
#endif
#ifndef PACKED
#define PACKED __attribute__((packed))
#endif

#endif // MP_SDK_PY_MPCONFIG_H
