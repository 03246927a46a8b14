// Small helpers shared by all module code: basic types, array and rounding
// macros, compile-time checks, the m_new family of allocation macros and the
// error-message text type.
#ifndef MP_SDK_PY_MISC_H
#define MP_SDK_PY_MISC_H

#include "py/mpconfig.h"

typedef unsigned char byte;
typedef unsigned int uint;

#ifndef MIN
#define MIN(x, y) ((x) < (y) ? (x) : (y))
#endif
#ifndef MAX
#define MAX(x, y) ((x) > (y) ? (x) : (y))
#endif

#define MP_STRINGIFY_HELPER(x) #x
#define MP_STRINGIFY(x) MP_STRINGIFY_HELPER(x)

// Expression form of a compile-time check (usable inside functions); the
// declaration form used for ABI layouts is MP_STATIC_ASSERT_DECL (mpconfig.h).
#define MP_STATIC_ASSERT(cond) ((void)sizeof(char[1 - 2 * !(cond)]))
#define MP_STATIC_ASSERT_NOT_MSC(cond) MP_STATIC_ASSERT(cond)

// Number of elements of a C array.
#define MP_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

// Integer division rounding up, and to nearest.
#define MP_CEIL_DIVIDE(a, b) (((a) + (b) - 1) / (b))
#define MP_ROUND_DIVIDE(a, b) (((a) + (b) / 2) / (b))

// Round a pointer up to a multiple of alignment (a power of two).
#define MP_ALIGN(ptr, alignment) (void *)(((uintptr_t)(ptr) + ((alignment) - 1)) & ~((alignment) - 1))

// Typed allocation on the MicroPython heap. m_malloc, m_malloc_maybe,
// m_malloc0, m_realloc, m_realloc_maybe and m_free themselves are provided by
// py/dynruntime.h through mp_fun_table.
#define m_new(type, num) ((type *)(m_malloc(sizeof(type) * (num))))
#define m_new_maybe(type, num) ((type *)(m_malloc_maybe(sizeof(type) * (num))))
#define m_new0(type, num) ((type *)(m_malloc0(sizeof(type) * (num))))
#define m_new_obj(type) (m_new(type, 1))
#define m_new_obj_maybe(type) (m_new_maybe(type, 1))
// Objects with a flexible array member. MicroPython v1.22 added that
// member's name as second argument, m_new_obj_var(obj_type, var_field,
// var_type, var_num), sized by its offset rather than by sizeof(obj_type).
// Both spellings are accepted, told apart by their number of arguments.
#define MP_SDK_PICK5(a1, a2, a3, a4, name, ...) name
#define MP_SDK_PICK6(a1, a2, a3, a4, a5, name, ...) name
#define MP_SDK_VAR_SIZE3(obj_type, var_type, var_num) (sizeof(obj_type) + sizeof(var_type) * (var_num))
#define MP_SDK_VAR_SIZE4(obj_type, var_field, var_type, var_num) \
    (offsetof(obj_type, var_field) + sizeof(var_type) * (var_num))
#define MP_SDK_VAR_SIZE(...) MP_SDK_PICK5(__VA_ARGS__, MP_SDK_VAR_SIZE4, MP_SDK_VAR_SIZE3, ~)(__VA_ARGS__)
#define m_new_obj_var(obj_type, ...) ((obj_type *)m_malloc(MP_SDK_VAR_SIZE(obj_type, __VA_ARGS__)))
#define m_new_obj_var0(obj_type, ...) ((obj_type *)m_malloc0(MP_SDK_VAR_SIZE(obj_type, __VA_ARGS__)))
#define m_new_obj_var_maybe(obj_type, ...) ((obj_type *)m_malloc_maybe(MP_SDK_VAR_SIZE(obj_type, __VA_ARGS__)))
#define m_new_obj_with_finaliser(type) m_new_obj(type)
#define m_new_obj_var_with_finaliser(type, ...) m_new_obj_var(type, __VA_ARGS__)
#define m_renew(type, ptr, old_num, new_num) \
    ((void)(old_num), (type *)(m_realloc((ptr), sizeof(type) * (new_num))))
#define m_renew_maybe(type, ptr, old_num, new_num, allow_move) \
    ((void)(old_num), (type *)(m_realloc_maybe((ptr), sizeof(type) * (new_num), (allow_move))))
#define m_del(type, ptr, num) ((void)(num), m_free(ptr))
#define MP_SDK_DEL_VAR4(obj_type, var_type, var_num, ptr) ((void)(var_num), m_free(ptr))
#define MP_SDK_DEL_VAR5(obj_type, var_field, var_type, var_num, ptr) ((void)(var_num), m_free(ptr))
#define m_del_var(...) MP_SDK_PICK6(__VA_ARGS__, MP_SDK_DEL_VAR5, MP_SDK_DEL_VAR4, ~)(__VA_ARGS__)
#define m_del_obj(type, ptr) (m_del(type, ptr, 1))

// Scratch memory for the current function: on the C stack (alloca, which
// the module's C file declares, <alloca.h>), as firmware without a Python
// stack does.
#define mp_local_alloc(num_bytes) alloca(num_bytes)
#define mp_local_free(ptr) ((void)(ptr))

// A float's fields (sign, biased exponent, fraction) over its bits; every
// target of the SDK is little-endian.
#if MICROPY_PY_BUILTINS_FLOAT
#if MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_FLOAT
#define MP_FLOAT_EXP_BITS (8)
#define MP_FLOAT_FRAC_BITS (23)
typedef uint32_t mp_float_uint_t;
#else
#define MP_FLOAT_EXP_BITS (11)
#define MP_FLOAT_FRAC_BITS (52)
typedef uint64_t mp_float_uint_t;
#endif
#define MP_FLOAT_EXP_BIAS ((1 << (MP_FLOAT_EXP_BITS - 1)) - 1)
typedef union _mp_float_union_t {
    mp_float_t f;
    struct {
        mp_float_uint_t frc : MP_FLOAT_FRAC_BITS;
        mp_float_uint_t exp : MP_FLOAT_EXP_BITS;
        mp_float_uint_t sgn : 1;
    } p;
    mp_float_uint_t i;
} mp_float_union_t;
#endif

// Error messages handed to mp_raise_msg and friends. A module cannot use the
// firmware's compressed message table, so the text is passed as it is.
typedef const char *mp_rom_error_text_t;
#define MP_COMPRESSED_ROM_TEXT(x) x
#define MP_ERROR_TEXT(x) (mp_rom_error_text_t)MP_COMPRESSED_ROM_TEXT(x)

#endif // MP_SDK_PY_MISC_H
