// The host runtime's interface: the object model, the operations on objects,
// exceptions, memory, printing, modules and import, in MicroPython's own
// names and with its semantics (v1.21). Native modules see the same objects
// through mp_fun_table (runtime/fun_table.c); the VM, the compiler's
// constants, the built-ins and mpy-host use this header directly.
//
// The layouts that native code looks into are the SDK's (py/obj.h,
// py/objlayout.h, py/objfun.h, py/nlr.h), included here in the runtime's
// configuration (MICROPY_SDK_RUNTIME): one definition for both sides.
//
// Conventions, as in MicroPython:
//   - errors are raised with nlr_jump (mp_raise_xxx, nlr_raise): a function
//     that can fail does not return on failure;
//   - every allocation comes from the collected heap (gc_alloc); running out
//     raises MemoryError;
//   - MP_OBJ_NULL means "no object" (not found, not supported), and in
//     mp_obj_subscr MP_OBJ_SENTINEL as value means "load", MP_OBJ_NULL
//     "delete";
//   - iterators return MP_OBJ_STOP_ITERATION when exhausted.
#ifndef RUNTIME_RUNTIME_H
#define RUNTIME_RUNTIME_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "py/nativeglue.h"
#include "py/objlayout.h"
#include "runtime/gc.h"
#include "runtime/map.h"
#include "runtime/nlr.h"
#include "runtime/qstr.h"
#include "runtime/qstrs.h"

/******************************************************************************/
// Immediate objects and qstr objects

#define mp_const_none (MP_OBJ_NEW_IMMEDIATE_OBJ(0))
#define mp_const_false (MP_OBJ_NEW_IMMEDIATE_OBJ(1))
#define mp_const_true (MP_OBJ_NEW_IMMEDIATE_OBJ(3))
#define mp_obj_new_bool(x) ((x) ? mp_const_true : mp_const_false)
#define MP_OBJ_NEW_QSTR(q) ((mp_obj_t)((((mp_uint_t)(q)) << 3) | 2))

typedef struct {
    mp_obj_base_t base;
    uint16_t name; // qstr
} mp_obj_singleton_t;
extern const mp_obj_singleton_t mp_const_ellipsis_obj;
extern const mp_obj_singleton_t mp_const_notimplemented_obj;
#define mp_const_ellipsis (MP_OBJ_FROM_PTR(&mp_const_ellipsis_obj))
#define mp_const_notimplemented (MP_OBJ_FROM_PTR(&mp_const_notimplemented_obj))
extern const struct _mp_obj_tuple_t mp_const_empty_tuple_obj;
#define mp_const_empty_tuple (MP_OBJ_FROM_PTR(&mp_const_empty_tuple_obj))

/******************************************************************************/
// Types (objtype.c, obj*.c)

extern const mp_obj_type_t mp_type_object;
extern const mp_obj_type_t mp_type_NoneType;
extern const mp_obj_type_t mp_type_bool;
extern const mp_obj_type_t mp_type_int;
extern const mp_obj_type_t mp_type_float;
extern const mp_obj_type_t mp_type_bytes;
extern const mp_obj_type_t mp_type_bytearray;
extern const mp_obj_type_t mp_type_array;
extern const mp_obj_type_t mp_type_memoryview;
extern const mp_obj_type_t mp_type_tuple;
extern const mp_obj_type_t mp_type_set;
extern const mp_obj_type_t mp_type_frozenset;
extern const mp_obj_type_t mp_type_slice;
extern const mp_obj_type_t mp_type_range;
extern const mp_obj_type_t mp_type_enumerate;
extern const mp_obj_type_t mp_type_zip;
extern const mp_obj_type_t mp_type_map;
extern const mp_obj_type_t mp_type_filter;
extern const mp_obj_type_t mp_type_reversed;
extern const mp_obj_type_t mp_type_module;
extern const mp_obj_type_t mp_type_cell;
extern const mp_obj_type_t mp_type_bound_meth;
extern const mp_obj_type_t mp_type_closure;
extern const mp_obj_type_t mp_type_fun_bc;      // bytecode function
extern const mp_obj_type_t mp_type_fun_native;  // native/viper function (mp_obj_fun_bc_t)
extern const mp_obj_type_t mp_type_fun_asm;
extern const mp_obj_type_t mp_type_staticmethod;
extern const mp_obj_type_t mp_type_classmethod;
extern const mp_obj_type_t mp_type_property;
extern const mp_obj_type_t mp_type_polymorph_iter;
extern const mp_obj_type_t mp_type_stringio;
extern const mp_obj_type_t mp_type_bytesio;
// mp_type_type, mp_type_str, mp_type_list, mp_type_dict and
// mp_type_fun_builtin_0..3/var are declared in py/obj.h.

// Exceptions: the standard hierarchy (objexcept.c).
extern const mp_obj_type_t mp_type_BaseException;
extern const mp_obj_type_t mp_type_ArithmeticError;
extern const mp_obj_type_t mp_type_AssertionError;
extern const mp_obj_type_t mp_type_AttributeError;
extern const mp_obj_type_t mp_type_EOFError;
#if MPY_SUB_VERSION < 3
extern const mp_obj_type_t mp_type_Exception;
#endif
extern const mp_obj_type_t mp_type_GeneratorExit;
extern const mp_obj_type_t mp_type_ImportError;
extern const mp_obj_type_t mp_type_IndentationError;
extern const mp_obj_type_t mp_type_IndexError;
extern const mp_obj_type_t mp_type_KeyboardInterrupt;
extern const mp_obj_type_t mp_type_KeyError;
extern const mp_obj_type_t mp_type_LookupError;
extern const mp_obj_type_t mp_type_MemoryError;
extern const mp_obj_type_t mp_type_NameError;
extern const mp_obj_type_t mp_type_NotImplementedError;
extern const mp_obj_type_t mp_type_OSError;
extern const mp_obj_type_t mp_type_OverflowError;
extern const mp_obj_type_t mp_type_RuntimeError;
extern const mp_obj_type_t mp_type_StopIteration;
extern const mp_obj_type_t mp_type_StopAsyncIteration;
extern const mp_obj_type_t mp_type_SyntaxError;
extern const mp_obj_type_t mp_type_SystemExit;
extern const mp_obj_type_t mp_type_TypeError;
extern const mp_obj_type_t mp_type_UnicodeError;
extern const mp_obj_type_t mp_type_ValueError;
extern const mp_obj_type_t mp_type_ZeroDivisionError;

// The type of any object (small ints are int, qstrs str, ...).
const mp_obj_type_t *mp_obj_get_type(mp_const_obj_t o);
const char *mp_obj_get_type_str(mp_const_obj_t o);
// Exact type or a subclass (through the parent slots).
bool mp_obj_is_subclass_fast(mp_const_obj_t object, mp_const_obj_t classinfo);
bool mp_obj_is_instance_of(mp_obj_t obj, const mp_obj_type_t *type);
// The native base object of an instance (itself for a native object).
mp_obj_t mp_obj_cast_to_native_base(mp_obj_t self_in, mp_const_obj_t native_type);
// The native base object of an instance of a Python class that has one
// (made without arguments if __init__ has not made it yet).
mp_obj_t mp_obj_instance_native(mp_obj_instance_t *o);
// A new instance of the Python class, __init__ not run (object.__new__).
mp_obj_t mp_obj_new_instance(const mp_obj_type_t *class);
// Looks up attr in a type's locals dict and its parents; NULL if absent.
mp_map_elem_t *mp_obj_type_lookup(const mp_obj_type_t *type, qstr attr);
// The same, also giving the type (type or a base) whose dict holds attr.
mp_map_elem_t *mp_obj_type_lookup_owner(const mp_obj_type_t *type, qstr attr, const mp_obj_type_t **owner);

/******************************************************************************/
// Memory (malloc.c): every allocation raises MemoryError on failure.

void *m_malloc(size_t num_bytes);
void *m_malloc_maybe(size_t num_bytes);
void *m_malloc0(size_t num_bytes);
void *m_malloc_with_finaliser(size_t num_bytes);
void *m_realloc(void *ptr, size_t new_num_bytes);
void *m_realloc_maybe(void *ptr, size_t new_num_bytes, bool allow_move);
void m_free(void *ptr);
void *mp_obj_malloc_helper(size_t num_bytes, const mp_obj_type_t *type);
NORETURN void m_malloc_fail(size_t num_bytes);

/******************************************************************************/
// Printing (mpprint.c, vstr.c)

extern const mp_print_t mp_plat_print;   // stdout
extern const mp_print_t mp_stderr_print; // stderr
int mp_print_str(const mp_print_t *print, const char *str);
int mp_print_strn(const mp_print_t *print, const char *str, size_t len, int flags, char fill, int width);
// printf with MicroPython's extras: %q (qstr), %s, %d/%u/%x/%X (int), %p,
// %c, %f/%g/%e (double), %l and %ll prefixes, widths and flags.
int mp_printf(const mp_print_t *print, const char *fmt, ...);
int mp_vprintf(const mp_print_t *print, const char *fmt, va_list args);
int mp_print_mp_int(const mp_print_t *print, mp_obj_t x, int base, int base_char, int flags, char fill, int width, int prec);
int mp_print_float(const mp_print_t *print, mp_float_t f, char fmt, int flags, char fill, int width, int prec);
// The text of f in buf (NUL-terminated, at most buf_size bytes) as
// MicroPython's mp_format_float: fmt e/f/g (E/F/G upper case), prec digits,
// sign '+' or ' ' or '\0' for positives. Returns the length.
int mp_format_float(mp_float_t f, char *buf, size_t buf_size, char fmt, int prec, char sign);

// A growing byte string on the heap.
typedef struct _vstr_t {
    size_t alloc;
    size_t len;
    char *buf;
    bool fixed_buf;
} vstr_t;
void vstr_init(vstr_t *vstr, size_t alloc);
void vstr_init_len(vstr_t *vstr, size_t len);
void vstr_init_fixed_buf(vstr_t *vstr, size_t alloc, char *buf);
void vstr_init_print(vstr_t *vstr, size_t alloc, mp_print_t *print);
void vstr_clear(vstr_t *vstr);
void vstr_reset(vstr_t *vstr);
char *vstr_extend(vstr_t *vstr, size_t size);
char *vstr_add_len(vstr_t *vstr, size_t len);
char *vstr_null_terminated_str(vstr_t *vstr);
void vstr_add_byte(vstr_t *vstr, byte v);
void vstr_add_char(vstr_t *vstr, unsigned int chr); // UTF-8 encoded
void vstr_add_str(vstr_t *vstr, const char *str);
void vstr_add_strn(vstr_t *vstr, const char *str, size_t len);
void vstr_cut_tail_bytes(vstr_t *vstr, size_t bytes_to_cut);
void vstr_printf(vstr_t *vstr, const char *fmt, ...);

// Printing objects: str() (PRINT_STR), repr() (PRINT_REPR), exceptions.
void mp_obj_print_helper(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind);
void mp_obj_print(mp_obj_t o, mp_print_kind_t kind); // to stdout
// Prints an exception with its traceback, MicroPython's format:
//   Traceback (most recent call last):
//     File "x.py", line 3, in f
//   ValueError: message
void mp_obj_print_exception(const mp_print_t *print, mp_obj_t exc);
// The traceback part alone (nothing if there is none).
void mp_obj_print_traceback(const mp_print_t *print, mp_obj_t exc);

/******************************************************************************/
// Exceptions (objexcept.c)

#define nlr_raise(val) (nlr_jump(MP_OBJ_TO_PTR(val)))

mp_obj_t mp_obj_new_exception(const mp_obj_type_t *exc_type);
mp_obj_t mp_obj_new_exception_arg1(const mp_obj_type_t *exc_type, mp_obj_t arg);
mp_obj_t mp_obj_new_exception_args(const mp_obj_type_t *exc_type, size_t n_args, const mp_obj_t *args);
mp_obj_t mp_obj_new_exception_msg(const mp_obj_type_t *exc_type, mp_rom_error_text_t msg);
mp_obj_t mp_obj_new_exception_msg_varg(const mp_obj_type_t *exc_type, mp_rom_error_text_t fmt, ...);
bool mp_obj_is_exception_type(mp_obj_t self_in);
bool mp_obj_is_exception_instance(mp_obj_t self_in);
// exc (an instance or a type) is exc_type or a subclass of it.
bool mp_obj_exception_match(mp_obj_t exc, mp_const_obj_t exc_type);
// The exception's first argument (or None); StopIteration's value.
mp_obj_t mp_obj_exception_get_value(mp_obj_t self_in);
void mp_obj_exception_clear_traceback(mp_obj_t self_in);
// Adds a "File ..., line ..., in ..." entry (qstrs for file and block).
void mp_obj_exception_add_traceback(mp_obj_t self_in, qstr file, size_t line, qstr block);
void mp_obj_exception_get_traceback(mp_obj_t self_in, size_t *n, size_t **values);

NORETURN void mp_raise_type(const mp_obj_type_t *exc_type);
NORETURN void mp_raise_msg(const mp_obj_type_t *exc_type, mp_rom_error_text_t msg);
NORETURN void mp_raise_msg_varg(const mp_obj_type_t *exc_type, mp_rom_error_text_t fmt, ...);
NORETURN void mp_raise_ValueError(mp_rom_error_text_t msg);
NORETURN void mp_raise_TypeError(mp_rom_error_text_t msg);
NORETURN void mp_raise_NotImplementedError(mp_rom_error_text_t msg);
NORETURN void mp_raise_OSError(int errno_);
// The errno module's name of an errno number ("ENOENT"), or MP_QSTRnull
// (moderrno.c); OSError's message uses it.
qstr mp_errno_to_str(mp_obj_t errno_val);
NORETURN void mp_raise_StopIteration(mp_obj_t arg);
NORETURN void mp_raise_recursion_depth(void);
// RuntimeError "maximum recursion depth exceeded" when the C stack has
// grown beyond mp_state.stack_limit. Every recursion that input can drive
// deep calls it: Python calls, printing, equality, hashing, iteration, the
// compiler's walks (the parser raises MemoryError instead, as MicroPython's).
void mp_stack_check(void);
// True when the C stack has grown beyond mp_state.stack_limit.
bool mp_stack_exhausted(void);


/******************************************************************************/
// Numbers (objint.c, objfloat.c, objbool.c)

// An int beyond the small-int range: arbitrary precision (runtime/bigint.h).
mp_obj_t mp_obj_new_int(mp_int_t value);
mp_obj_t mp_obj_new_int_from_uint(mp_uint_t value);
mp_obj_t mp_obj_new_int_from_ll(long long val);
mp_obj_t mp_obj_new_int_from_ull(unsigned long long val);
mp_obj_t mp_obj_new_int_from_float(mp_float_t val);
// Parses str[0..len) in base (0: from the prefix); raises ValueError.
mp_obj_t mp_obj_new_int_from_str_len(const char **str, size_t len, bool neg, unsigned int base);
mp_obj_t mp_parse_num_integer(const char *restrict str, size_t len, int base);
mp_obj_t mp_parse_num_decimal(const char *str, size_t len, bool allow_imag, bool force_complex);
bool mp_obj_is_big_int(mp_const_obj_t o);
mp_int_t mp_obj_int_get_truncated(mp_const_obj_t self_in);
mp_int_t mp_obj_int_get_checked(mp_const_obj_t self_in); // OverflowError
int mp_obj_int_sign(mp_obj_t self_in);
mp_obj_t mp_obj_int_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in);
mp_obj_t mp_obj_int_unary_op(mp_unary_op_t op, mp_obj_t o_in);
mp_obj_t mp_obj_int_from_bytes_impl(bool big_endian, size_t len, const byte *buf, bool is_signed);
void mp_obj_int_to_bytes_impl(mp_obj_t self_in, bool big_endian, size_t len, byte *buf);
// Hash of an int as MicroPython computes it (small ints hash to themselves).
mp_int_t mp_obj_int_hash(mp_obj_t self_in);
// pow(base, exponent, modulus) for ints (TypeError for other types).
mp_obj_t mp_obj_int_pow3(mp_obj_t base, mp_obj_t exponent, mp_obj_t modulus);
// The text of an int (small or big) in base (2..36), as MicroPython's:
// sign, prefix (or NULL), digits (base_char 'a' or 'A' for digits above 9),
// comma ('\0' for none) between groups of three. Uses *buf if *buf_size is
// enough, else allocates a new *buf; returns the start, length in *fmt_size.
char *mp_obj_int_formatted(char **buf, size_t *buf_size, size_t *fmt_size, mp_const_obj_t self_in,
    int base, const char *prefix, char base_char, char comma);
mp_int_t mp_small_int_floor_divide(mp_int_t num, mp_int_t denom);
mp_int_t mp_small_int_modulo(mp_int_t dividend, mp_int_t divisor);
bool mp_small_int_mul_overflow(mp_int_t x, mp_int_t y);

mp_obj_t mp_obj_new_float(mp_float_t value);
mp_float_t mp_obj_float_get(mp_obj_t self_in);
mp_obj_t mp_obj_float_binary_op(mp_binary_op_t op, mp_float_t lhs_val, mp_obj_t rhs);

// C values from objects; TypeError when o is not of a fitting type.
mp_int_t mp_obj_get_int(mp_const_obj_t arg);
mp_int_t mp_obj_get_int_truncated(mp_const_obj_t arg);
bool mp_obj_get_int_maybe(mp_const_obj_t arg, mp_int_t *value);
mp_float_t mp_obj_get_float(mp_obj_t self_in);
bool mp_obj_get_float_maybe(mp_obj_t arg, mp_float_t *value);

/******************************************************************************/
// Strings and bytes (objstr.c, objstrunicode.c)

mp_obj_t mp_obj_new_str(const char *data, size_t len); // validated UTF-8
mp_obj_t mp_obj_new_str_via_qstr(const char *data, size_t len);
mp_obj_t mp_obj_new_str_from_vstr(vstr_t *vstr);
mp_obj_t mp_obj_new_bytes(const byte *data, size_t len);
mp_obj_t mp_obj_new_bytes_from_vstr(vstr_t *vstr);
mp_obj_t mp_obj_new_str_copy(const mp_obj_type_t *type, const byte *data, size_t len);
bool mp_obj_str_equal(mp_obj_t s1, mp_obj_t s2);
size_t mp_obj_str_get_hash(mp_obj_t self_in);
size_t mp_obj_str_get_len(mp_obj_t self_in);
qstr mp_obj_str_get_qstr(mp_obj_t self_in); // interns if needed
const char *mp_obj_str_get_str(mp_obj_t self_in); // NUL-terminated
const char *mp_obj_str_get_data(mp_obj_t self_in, size_t *len);
// The "%" operator and str.format.
mp_obj_t mp_obj_str_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in);
void mp_str_print_quoted(const mp_print_t *print, const byte *str_data, size_t str_len, bool is_bytes);
// str(o) and repr(o) as str objects.
mp_obj_t mp_obj_str_make(mp_obj_t o, mp_print_kind_t kind);
// Bytes of a str/bytes/bytearray/array (anything with the buffer protocol).
const byte *mp_obj_bytes_data(mp_obj_t o, size_t *len);

/******************************************************************************/
// array, bytearray, memoryview (objarray.c) and packed values (binary.c)

mp_obj_t mp_obj_new_bytearray(size_t n, const void *items);
mp_obj_t mp_obj_new_bytearray_by_ref(size_t n, void *items);
mp_obj_t mp_obj_new_memoryview(byte typecode, size_t nitems, void *items);
size_t mp_binary_get_size(char struct_type, char val_type, size_t *palign);
mp_obj_t mp_binary_get_val_array(char typecode, void *p, size_t index);
void mp_binary_set_val_array(char typecode, void *p, size_t index, mp_obj_t val_in);
mp_obj_t mp_binary_get_val(char struct_type, char val_type, byte *p_base, byte **ptr);
void mp_binary_set_val(char struct_type, char val_type, mp_obj_t val_in, byte *p_base, byte **ptr);

/******************************************************************************/
// Containers (objtuple.c, objlist.c, objdict.c, objset.c, objslice.c,
// objrange.c, objenumerate.c, objzip.c, ...)

mp_obj_t mp_obj_new_tuple(size_t n, const mp_obj_t *items); // items NULL: zeroed
void mp_obj_tuple_get(mp_obj_t self_in, size_t *len, mp_obj_t **items);
mp_obj_t mp_obj_new_list(size_t n, mp_obj_t *items); // items NULL: zeroed
mp_obj_t mp_obj_list_append(mp_obj_t self_in, mp_obj_t arg);
void mp_obj_list_get(mp_obj_t self_in, size_t *len, mp_obj_t **items);
void mp_obj_list_set_len(mp_obj_t self_in, size_t len);
void mp_obj_list_store(mp_obj_t self_in, mp_obj_t index, mp_obj_t value);
// list.sort(key=, reverse=) on items[0..n).
void mp_obj_list_sort_items(mp_obj_t *items, size_t n, mp_obj_t key_fn, bool reverse);
mp_obj_t mp_obj_new_dict(size_t n_args);
mp_obj_t mp_obj_dict_store(mp_obj_t self_in, mp_obj_t key, mp_obj_t value);
mp_obj_t mp_obj_dict_get(mp_obj_t self_in, mp_obj_t index); // KeyError
mp_obj_t mp_obj_dict_delete(mp_obj_t self_in, mp_obj_t key);
size_t mp_obj_dict_len(mp_obj_t self_in);
// collections.OrderedDict: a dict over an ordered map (objdict.c).
extern const mp_obj_type_t mp_type_ordereddict;
bool mp_obj_is_dict_or_ordereddict(mp_obj_t o);
mp_obj_t mp_obj_new_set(size_t n_args, mp_obj_t *items);
void mp_obj_set_store(mp_obj_t self_in, mp_obj_t item);
mp_obj_t mp_obj_new_slice(mp_obj_t start, mp_obj_t stop, mp_obj_t step);
void mp_obj_slice_indices(mp_obj_t self_in, mp_int_t length, mp_bound_slice_t *result);
// The start/stop of slice for a sequence of len, with step 1; false when
// the step is not 1 (the caller then handles the general case).
bool mp_seq_get_fast_slice_indexes(mp_uint_t len, mp_obj_t slice, mp_bound_slice_t *indexes);
mp_obj_t mp_obj_new_range(mp_int_t start, mp_int_t stop, mp_int_t step);
// Index of a sequence of len: negative counts from the end; IndexError.
size_t mp_get_index(const mp_obj_type_t *type, size_t len, mp_obj_t index, bool is_slice);
// The items of a tuple or list (TypeError otherwise); _fixed_n: exactly len
// items (ValueError otherwise).
void mp_obj_get_array(mp_obj_t o, size_t *len, mp_obj_t **items);
void mp_obj_get_array_fixed_n(mp_obj_t o, size_t len, mp_obj_t **items);
// Sequence helpers shared by str, bytes, tuple and list.
bool mp_seq_cmp_objs(mp_uint_t op, const mp_obj_t *items1, size_t len1, const mp_obj_t *items2, size_t len2);
mp_obj_t mp_seq_index_obj(const mp_obj_t *items, size_t len, size_t n_args, const mp_obj_t *args);
mp_obj_t mp_seq_count_obj(const mp_obj_t *items, size_t len, mp_obj_t value);
// Byte-wise comparison (op LESS, MORE, EQUAL, ... as for mp_binary_op).
bool mp_seq_cmp_bytes(mp_uint_t op, const byte *data1, size_t len1, const byte *data2, size_t len2);
// dest[0..len*times) = items[0..len) repeated times (item_sz bytes each).
void mp_seq_multiply(const void *items, size_t item_sz, size_t len, size_t times, void *dest);
// A new list/tuple (type) of items[start:stop:step] (indexes already bound).
mp_obj_t mp_seq_extract_slice(const mp_obj_type_t *type, const mp_obj_t *items, const mp_bound_slice_t *indexes);
// A new tuple of what iterable yields (tuple(iterable)).
mp_obj_t mp_obj_tuple_from_iter(mp_obj_t iterable);

/******************************************************************************/
// Functions, methods, closures, modules (objfun.c, objboundmeth.c,
// objclosure.c, objmodule.c, emitglue.c)

mp_obj_t mp_obj_new_bound_meth(mp_obj_t meth, mp_obj_t self);
mp_obj_t mp_obj_new_closure(mp_obj_t fun, size_t n_closed, const mp_obj_t *closed);
mp_obj_t mp_obj_new_cell(mp_obj_t obj);
// TypeError unless n_args is within [min, max] and keywords are allowed.
void mp_arg_check_num(size_t n_args, size_t n_kw, size_t n_args_min, size_t n_args_max, bool takes_kw);
void mp_arg_check_num_sig(size_t n_args, size_t n_kw, uint32_t sig);
// Function name (qstr) of a function object, or MP_QSTRnull.
qstr mp_obj_fun_get_name(mp_const_obj_t fun);
// The same for a bytecode or native Python function (from its prelude).
qstr mp_obj_fun_bc_get_name(mp_const_obj_t fun);
// __name__ and __globals__ of a bytecode, native or generator function.
void mp_obj_fun_bc_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest);

// The runtime's raw code: the firmware's leading fields (what native code
// builds on its stack for MP_DYNRUNTIME_MAKE_FUNCTION) and what the runtime
// needs besides. Made by the .mpy loader (persistentcode.c) and by the
// compiler.
typedef struct _rt_raw_code_t {
    mp_raw_code_t rc;      // kind, scope_flags, n_pos_args, fun_data, children
    size_t fun_data_len;
    size_t n_children;
    uint16_t prelude_offset; // native Python: offset of its prelude in fun_data
    uint32_t type_sig;       // asm: argument and return types
} rt_raw_code_t;

// Makes a function object from a raw code, as the firmware's emitglue does
// (bytecode: mp_type_fun_bc; native/viper: mp_type_fun_native, called as
// fun(self, n_args, n_kw, args); asm: mp_type_fun_asm). def_args NULL or
// [tuple of positional defaults, dict of keyword defaults].
mp_obj_t mp_make_function_from_raw_code(const mp_raw_code_t *rc, const mp_module_context_t *context, const mp_obj_t *def_args);

mp_obj_t mp_obj_new_module(qstr module_name);
// A new module (a module context, as code loaded into it needs) with its
// __name__; not in sys.modules.
mp_module_context_t *mp_module_context_new(qstr module_name);
// Imports the .mpy in data[0..len) as module name: loads it, then runs its
// top-level code as mp_run_module_code does.
mp_obj_t mp_import_mpy_data(qstr name, const char *file, const byte *data, size_t len);
// The module's globals (mp_obj_module_t.globals).
mp_obj_dict_t *mp_obj_module_globals(mp_obj_t module);
// A built-in module found before sys.path (builtins, sys, gc, micropython,
// usys, and ufoo for an extensible foo), or MP_OBJ_NULL (modules.c).
mp_obj_t mp_module_get_builtin(qstr module_name);
// An extensible built-in module (array, io, struct, time, ...: most of
// them), found when sys.path has no module of that name; or MP_OBJ_NULL.
mp_obj_t mp_module_get_builtin_extensible(qstr module_name);
// Built-in modules: name -> module object, a fixed map filled by modules.c.
extern const mp_map_t mp_builtin_module_map;
extern const mp_obj_module_t mp_module_builtins;
extern const mp_obj_module_t mp_module_sys;
extern const mp_obj_module_t mp_module_array;
extern const mp_obj_module_t mp_module_io;
extern const mp_obj_module_t mp_module_micropython;

/******************************************************************************/
// The runtime proper (runtime.c)

// Global state, as MicroPython's mp_state_ctx: the current globals and
// locals, the loaded modules (sys.modules), sys.path, sys.argv, the
// exception being handled.
typedef struct _mp_state_t {
    mp_obj_dict_t *dict_globals;
    mp_obj_dict_t *dict_locals;
    mp_obj_dict_t *dict_main;     // __main__'s globals
    mp_obj_t loaded_modules;      // dict: sys.modules
    mp_obj_t sys_path;            // list
    mp_obj_t sys_argv;            // list
    mp_obj_t sys_exitcode;        // SystemExit's code while unwinding
    mp_obj_t stop_iteration_arg;  // return value of a generator whose iteration just ended
    size_t heap_size;
    char *stack_limit;            // RuntimeError beyond this C stack depth
    unsigned mpy_sub_version;     // the only .mpy sub-version of native code loaded; 0: all
    mp_obj_dict_t *builtins_override; // names stored into the builtins module, or NULL
    void (*loop_hook)(void);      // see mp_hook_loop
    struct _mp_vfs_mount_t *vfs_mount_table; // vfs.c: the mounted file systems
    struct _mp_vfs_mount_t *vfs_cur;         // vfs.c: the current one (NULL: the root)
    bool host_access;             // vfs.h: Python code may reach the host's files and processes
    mp_obj_t native_fault;        // native_fault.h: raised when a module's machine code faults
} mp_state_t;
extern mp_state_t mp_state;

// Called on every turn of a loop (each backward jump of the VM and each item
// an iterator yields to C code): mp_state.loop_hook, if set. A host sets it
// to bound run time (the fuzz targets do, tests/fuzz/); it may raise.
static inline void mp_hook_loop(void) {
    if (mp_state.loop_hook != NULL) {
        mp_state.loop_hook();
    }
}

// Sets up the heap (heap_size bytes), qstrs, maps, sys and __main__.
void mp_init(size_t heap_size);
void mp_deinit(void);

static inline mp_obj_dict_t *mp_globals_get(void) { return mp_state.dict_globals; }
static inline void mp_globals_set(mp_obj_dict_t *d) { mp_state.dict_globals = d; }
static inline mp_obj_dict_t *mp_locals_get(void) { return mp_state.dict_locals; }
static inline void mp_locals_set(mp_obj_dict_t *d) { mp_state.dict_locals = d; }
mp_obj_dict_t *mp_swap_globals(mp_obj_dict_t *new_globals);

mp_obj_t mp_load_name(qstr qst);   // locals, globals, builtins
mp_obj_t mp_load_global(qstr qst); // globals, builtins
mp_obj_t mp_load_build_class(void);
// Classes defined in Python (objclass.c): type(name, bases, dict), the
// builtin __build_class__, super, and a property's accessors
// (getter, setter, deleter).
mp_obj_t mp_obj_new_type(qstr name, mp_obj_t bases_tuple, mp_obj_t locals_dict);
// Whether a class entry needs the slower attribute paths of its instances
// (property, descriptors, __setattr__/__delattr__).
bool mp_obj_class_is_special_accessor(mp_obj_t key, mp_obj_t value);
extern const mp_obj_fun_builtin_var_t mp_builtin___build_class___obj;
extern const mp_obj_type_t mp_type_super;
const mp_obj_t *mp_obj_property_get(mp_obj_t self_in);
void mp_store_name(qstr qst, mp_obj_t obj);
void mp_store_global(qstr qst, mp_obj_t obj);
void mp_delete_name(qstr qst);
void mp_delete_global(qstr qst);

bool mp_obj_is_true(mp_obj_t arg);
bool mp_obj_is_callable(mp_obj_t o_in);
bool mp_obj_equal(mp_obj_t o1, mp_obj_t o2);
// o1 == o2 (op EQUAL) or o1 != o2 (op NOT_EQUAL) as a bool object, as
// MicroPython's: the types' binary_op slots decide (MP_TYPE_FLAG_EQ_xxx),
// falling back to identity; never MP_OBJ_NULL.
mp_obj_t mp_obj_equal_not_equal(mp_binary_op_t op, mp_obj_t o1, mp_obj_t o2);
mp_obj_t mp_obj_hash(mp_obj_t o_in); // small int; TypeError if unhashable
mp_obj_t mp_obj_len(mp_obj_t o_in);  // TypeError if no len
mp_obj_t mp_obj_len_maybe(mp_obj_t o_in); // MP_OBJ_NULL if no len
mp_obj_t mp_obj_id(mp_obj_t o_in);

// The special method of each binary operator (__add__, __radd__, ...; only
// += and -= have in-place methods of their own, as in the unix port).
extern const uint16_t mp_binary_op_method_name[MP_BINARY_OP_REVERSE_POWER + 1];
mp_obj_t mp_unary_op(mp_unary_op_t op, mp_obj_t arg);
mp_obj_t mp_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs);

mp_obj_t mp_call_function_0(mp_obj_t fun);
mp_obj_t mp_call_function_1(mp_obj_t fun, mp_obj_t arg);
mp_obj_t mp_call_function_2(mp_obj_t fun, mp_obj_t arg1, mp_obj_t arg2);
mp_obj_t mp_call_function_n_kw(mp_obj_t fun, size_t n_args, size_t n_kw, const mp_obj_t *args);
// mp_fun_table's call_function_n_kw: n_args | n_kw << 8.
mp_obj_t mp_call_function_n_kw_packed(mp_obj_t fun, size_t n_args_kw, const mp_obj_t *args);
// args = [fun, self or MP_OBJ_NULL, positional..., (key, value)...].
mp_obj_t mp_call_method_n_kw(size_t n_args, size_t n_kw, const mp_obj_t *args);
// As MicroPython's: the call with *args/**kwargs (the last two stack items).
mp_obj_t mp_call_method_n_kw_var(bool have_self, size_t n_args_n_kw, const mp_obj_t *args);
// Calls fun with args and a keyword map (built-ins taking **kwargs).
mp_obj_t mp_call_function_with_kw_map(mp_obj_t fun, size_t n_args, const mp_obj_t *args, mp_map_t *kw);

mp_obj_t mp_load_attr(mp_obj_t base, qstr attr); // AttributeError
// dest[0] = method or attribute, dest[1] = self (or MP_OBJ_NULL when dest[0]
// is not a method); _maybe leaves dest[0] MP_OBJ_NULL when absent.
void mp_load_method(mp_obj_t base, qstr attr, mp_obj_t *dest);
void mp_load_method_maybe(mp_obj_t base, qstr attr, mp_obj_t *dest);
void mp_load_method_protected(mp_obj_t obj, qstr attr, mp_obj_t *dest, bool catch_all_exc);
void mp_load_super_method(qstr attr, mp_obj_t *dest);
void mp_store_attr(mp_obj_t base, qstr attr, mp_obj_t val);
void mp_delete_attr(mp_obj_t base, qstr attr);
// Converts a bound method found in a type's locals dict as mp_load_method
// does (staticmethod, classmethod, functions binding self).
void mp_convert_member_lookup(mp_obj_t obj, const mp_obj_type_t *type, mp_obj_t member, mp_obj_t *dest);

// value MP_OBJ_SENTINEL: load; MP_OBJ_NULL: delete; else store.
mp_obj_t mp_obj_subscr(mp_obj_t base, mp_obj_t index, mp_obj_t val);

mp_obj_t mp_getiter(mp_obj_t o, mp_obj_iter_buf_t *iter_buf);
mp_obj_t mp_iternext(mp_obj_t o);             // MP_OBJ_STOP_ITERATION at the end
mp_obj_t mp_iternext_allow_raise(mp_obj_t o); // may raise StopIteration instead
// Runs the iterable into a new list/tuple.
mp_obj_t mp_obj_list_from_iter(mp_obj_t iterable);

void mp_unpack_sequence(mp_obj_t seq, size_t num, mp_obj_t *items);
void mp_unpack_ex(mp_obj_t seq, size_t num, mp_obj_t *items);

// Buffer protocol.
bool mp_get_buffer(mp_obj_t obj, mp_buffer_info_t *bufinfo, mp_uint_t flags);
void mp_get_buffer_raise(mp_obj_t obj, mp_buffer_info_t *bufinfo, mp_uint_t flags);

// mp_fun_table as words, in the order of .mpy sub-version sub_version (1
// to 3; fun_table.c), with *len its length; NULL for another sub-version.
const uintptr_t *mp_fun_table_words(unsigned sub_version, size_t *len);

// Argument parsing against a table of allowed arguments (argparse.c).
void mp_arg_parse_all(size_t n_pos, const mp_obj_t *pos, mp_map_t *kws, size_t n_allowed,
                      const mp_arg_t *allowed, mp_arg_val_t *out_vals);
void mp_arg_parse_all_kw_array(size_t n_pos, size_t n_kw, const mp_obj_t *args, size_t n_allowed,
                               const mp_arg_t *allowed, mp_arg_val_t *out_vals);
// Streams (stream.c): the type's protocol slot; OSError when the object is
// no stream or lacks the operation.
const mp_stream_p_t *mp_get_stream_raise(mp_obj_t self_in, int flags);
extern const mp_obj_fun_builtin_var_t mp_stream_read_obj;
extern const mp_obj_fun_builtin_var_t mp_stream_readinto_obj;
extern const mp_obj_fun_builtin_var_t mp_stream_unbuffered_readline_obj;
extern const mp_obj_fun_builtin_var_t mp_stream_write_obj;

// The native-code type conversions of mp_fun_table (MP_NATIVE_TYPE_xxx).
mp_uint_t mp_native_from_obj(mp_obj_t obj, mp_uint_t type);
mp_obj_t mp_native_to_obj(mp_uint_t val, mp_uint_t type);

/******************************************************************************/
// Import (builtinimport.c, persistentcode.c)

// The import statement: calls a replacement builtins.__import__ if a
// script stored one, else mp_builtin_import (what builtins.__import__ is).
mp_obj_t mp_import_name(qstr name, mp_obj_t fromlist, mp_obj_t level);
mp_obj_t mp_builtin_import(qstr name, mp_obj_t fromlist, mp_obj_t level);
mp_obj_t mp_import_from(mp_obj_t module, qstr name);
// A name stored into the builtins module by a script, or MP_OBJ_NULL.
mp_obj_t mp_builtins_override_lookup(qstr qst);
void mp_import_all(mp_obj_t module);

// Loads the .mpy held in data[0..len) into the module ctx (file names the
// source in messages): validates it, interns its qstrs, builds its
// constants and places native code. Returns the function of the module's
// top-level code, not run (mp_run_module_code runs it). A bad file raises
// ValueError ("incompatible .mpy file", "incompatible .mpy arch") or
// ImportError, and nothing of it stays.
mp_obj_t mp_load_mpy_module(mp_module_context_t *ctx, const char *file, const byte *data, size_t len);
// Does all of mp_load_mpy_module, then discards what it built: checks that
// a .mpy loads.
void mp_check_mpy_module(const char *file, const byte *data, size_t len);

/******************************************************************************/
// The VM (vm.c) and the compiler (compile.c)

// Runs a bytecode function object with the given arguments.
mp_obj_t mp_obj_fun_bc_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args);

typedef enum {
    MP_PARSE_SINGLE_INPUT, // one interactive statement: echo expression values
    MP_PARSE_FILE_INPUT,   // a module or script
    MP_PARSE_EVAL_INPUT,   // one expression
} mp_parse_input_kind_t;

// Compiles source[0..len) into a function object (mp_type_fun_bc) whose
// module context has the given globals and the compiled unit's constants
// (qstr and object tables), raising SyntaxError with file, line and column.
// For MP_PARSE_SINGLE_INPUT, expression statements print their value (not
// None) with repr, as the REPL does.
mp_obj_t mp_compile(const char *source, size_t len, qstr source_file, mp_parse_input_kind_t kind,
    mp_obj_dict_t *globals);

// Compiles and runs source in the __main__ module (mpy-host -c, scripts).
// Calls fun with globals and locals as the current ones, restoring the
// caller's afterwards, also when fun raises.
mp_obj_t mp_call_in_scope(mp_obj_t fun, mp_obj_dict_t *globals, mp_obj_dict_t *locals);
mp_obj_t mp_exec_source(const char *source, size_t len, qstr source_file, mp_parse_input_kind_t kind,
    mp_obj_dict_t *globals);

// For the REPL: true when input (lines joined with '\n') is an unfinished
// compound statement, bracket, triple-quoted string or continued line.
bool mp_repl_continue_with_input(const char *input);

#endif
