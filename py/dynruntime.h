// The MicroPython runtime API for dynamic native modules.
//
// A native module is not linked against the firmware: every runtime service
// it uses is reached through mp_fun_table, whose address the loader supplies
// when the .mpy is imported. This header gives that table the names and
// meanings of MicroPython's ordinary C API (py/obj.h, py/runtime.h), so that
// module sources read like code inside the firmware:
//
//     #include "py/dynruntime.h"
//
//     STATIC mp_obj_t add(mp_obj_t a, mp_obj_t b) {
//         return mp_obj_new_int(mp_obj_get_int(a) + mp_obj_get_int(b));
//     }
//     STATIC MP_DEFINE_CONST_FUN_OBJ_2(add_obj, add);
//
//     mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
//         MP_DYNRUNTIME_INIT_ENTRY
//         mp_store_global(MP_QSTR_add, MP_OBJ_FROM_PTR(&add_obj));
//         MP_DYNRUNTIME_INIT_EXIT
//     }
//
// The header avoids code for which compilers emit calls to memset or memcpy
// (such as initialisers of local structures): a module cannot link with them.
//
// The firmware ABI targeted (MicroPython v1.21, .mpy 6.1, by default) is
// chosen in py/mpyabi.h.
#ifndef MP_SDK_PY_DYNRUNTIME_H
#define MP_SDK_PY_DYNRUNTIME_H

// C++ modules include it too: everything here has C linkage.
#ifdef __cplusplus
extern "C" {
#endif

#include "py/nativeglue.h"
#include "py/mperrno.h"

// The module's entry point (defined by the module).
mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args);

/******************************************************************************/
// Constant objects

#define mp_const_none ((mp_obj_t)mp_fun_table.const_none)
#define mp_const_false ((mp_obj_t)mp_fun_table.const_false)
#define mp_const_true ((mp_obj_t)mp_fun_table.const_true)
#define mp_const_empty_tuple (mp_fun_table.new_tuple(0, NULL))
#define mp_const_empty_bytes (MP_OBJ_TYPE_GET_SLOT(&mp_type_bytes, make_new)(NULL, 0, 0, NULL))

/******************************************************************************/
// Built-in types not in mp_fun_table, found at run time

#define MP_DYN_GLOBAL_TYPE(q) (*(mp_obj_type_t *)MP_OBJ_TO_PTR(mp_load_global(q)))

#define mp_type_NoneType (*mp_obj_get_type(mp_const_none))
#define mp_type_bool (*mp_obj_get_type(mp_const_false))
#define mp_type_int (*mp_obj_get_type(MP_OBJ_NEW_SMALL_INT(0)))
#define mp_type_tuple (*mp_obj_get_type(mp_const_empty_tuple))
#define mp_type_bytes MP_DYN_GLOBAL_TYPE(MP_QSTR_bytes)
#define mp_type_bytearray MP_DYN_GLOBAL_TYPE(MP_QSTR_bytearray)
#define mp_type_object MP_DYN_GLOBAL_TYPE(MP_QSTR_object)
#define mp_type_set MP_DYN_GLOBAL_TYPE(MP_QSTR_set)
#define mp_type_range MP_DYN_GLOBAL_TYPE(MP_QSTR_range)

#define mp_type_BaseException MP_DYN_GLOBAL_TYPE(MP_QSTR_BaseException)
#if MPY_SUB_VERSION < 3
#define mp_type_Exception MP_DYN_GLOBAL_TYPE(MP_QSTR_Exception)
#endif
#define mp_type_ArithmeticError MP_DYN_GLOBAL_TYPE(MP_QSTR_ArithmeticError)
#define mp_type_AssertionError MP_DYN_GLOBAL_TYPE(MP_QSTR_AssertionError)
#define mp_type_AttributeError MP_DYN_GLOBAL_TYPE(MP_QSTR_AttributeError)
#define mp_type_EOFError MP_DYN_GLOBAL_TYPE(MP_QSTR_EOFError)
#define mp_type_GeneratorExit MP_DYN_GLOBAL_TYPE(MP_QSTR_GeneratorExit)
#define mp_type_ImportError MP_DYN_GLOBAL_TYPE(MP_QSTR_ImportError)
#define mp_type_IndexError MP_DYN_GLOBAL_TYPE(MP_QSTR_IndexError)
#define mp_type_KeyError MP_DYN_GLOBAL_TYPE(MP_QSTR_KeyError)
#define mp_type_KeyboardInterrupt MP_DYN_GLOBAL_TYPE(MP_QSTR_KeyboardInterrupt)
#define mp_type_LookupError MP_DYN_GLOBAL_TYPE(MP_QSTR_LookupError)
#define mp_type_MemoryError MP_DYN_GLOBAL_TYPE(MP_QSTR_MemoryError)
#define mp_type_NameError MP_DYN_GLOBAL_TYPE(MP_QSTR_NameError)
#define mp_type_NotImplementedError MP_DYN_GLOBAL_TYPE(MP_QSTR_NotImplementedError)
#define mp_type_OSError MP_DYN_GLOBAL_TYPE(MP_QSTR_OSError)
#define mp_type_OverflowError MP_DYN_GLOBAL_TYPE(MP_QSTR_OverflowError)
#define mp_type_RuntimeError MP_DYN_GLOBAL_TYPE(MP_QSTR_RuntimeError)
#define mp_type_StopIteration MP_DYN_GLOBAL_TYPE(MP_QSTR_StopIteration)
#define mp_type_SyntaxError MP_DYN_GLOBAL_TYPE(MP_QSTR_SyntaxError)
#define mp_type_SystemExit MP_DYN_GLOBAL_TYPE(MP_QSTR_SystemExit)
#define mp_type_TypeError MP_DYN_GLOBAL_TYPE(MP_QSTR_TypeError)
#define mp_type_ValueError MP_DYN_GLOBAL_TYPE(MP_QSTR_ValueError)
#define mp_type_ZeroDivisionError MP_DYN_GLOBAL_TYPE(MP_QSTR_ZeroDivisionError)

// Stream methods, for the locals dict of a type with the stream protocol.
#define mp_stream_read_obj (*mp_fun_table.stream_read_obj)
#define mp_stream_readinto_obj (*mp_fun_table.stream_readinto_obj)
#define mp_stream_unbuffered_readline_obj (*mp_fun_table.stream_unbuffered_readline_obj)
#define mp_stream_write_obj (*mp_fun_table.stream_write_obj)

/******************************************************************************/
// Exceptions and non-local return

// Raise an exception instance or class. The firmware ignores None and NULL,
// so the loop only keeps the compiler's noreturn promise.
static inline NORETURN void mp_raise_dyn(mp_obj_t o) {
    mp_fun_table.raise(o);
    for (;;) {
    }
}

#define nlr_raise(o) (mp_raise_dyn(MP_OBJ_FROM_PTR(o)))
#define nlr_jump(o) (mp_raise_dyn(MP_OBJ_FROM_PTR(o)))

// nlr_push(&buf) returns 0 when called and 1 when an exception is raised
// inside the protected region (then buf.ret_val is the exception). Like
// setjmp: locals changed in the region and read after a raise must be
// volatile. Each successful nlr_push needs a matching nlr_pop.
#if MICROPY_NLR_SETJMP
typedef int (*mp_dyn_setjmp_t)(void *);
#define nlr_push(buf) \
    (mp_fun_table.nlr_push(buf), ((mp_dyn_setjmp_t)mp_fun_table.setjmp_)((buf)->jmpbuf))
#else
#define nlr_push(buf) (mp_fun_table.nlr_push(buf))
#endif
#define nlr_pop() (mp_fun_table.nlr_pop())

/******************************************************************************/
// Calling and loading

#define mp_call_function_n_kw(fun, n_args, n_kw, args) \
    (mp_fun_table.call_function_n_kw((fun), (n_args) | ((n_kw) << 8), (args)))
#define mp_call_method_n_kw(n_args, n_kw, args) (mp_fun_table.call_method_n_kw((n_args), (n_kw), (args)))

static inline mp_obj_t mp_call_function_0(mp_obj_t fun) {
    return mp_call_function_n_kw(fun, 0, 0, NULL);
}

static inline mp_obj_t mp_call_function_1(mp_obj_t fun, mp_obj_t arg) {
    return mp_call_function_n_kw(fun, 1, 0, &arg);
}

static inline mp_obj_t mp_call_function_2(mp_obj_t fun, mp_obj_t arg1, mp_obj_t arg2) {
    mp_obj_t args[2] = { arg1, arg2 };
    return mp_call_function_n_kw(fun, 2, 0, args);
}

#define mp_load_name(qst) (mp_fun_table.load_name((qst)))
#define mp_load_global(qst) (mp_fun_table.load_global((qst)))
#define mp_load_build_class() (mp_fun_table.load_build_class())
#define mp_load_attr(base, attr) (mp_fun_table.load_attr((base), (attr)))
#define mp_load_method(base, attr, dest) (mp_fun_table.load_method((base), (attr), (dest)))
#define mp_load_super_method(attr, dest) (mp_fun_table.load_super_method((attr), (dest)))
#define mp_store_name(qst, obj) (mp_fun_table.store_name((qst), (obj)))
#define mp_store_global(qst, obj) (mp_fun_table.store_global((qst), (obj)))
#define mp_store_attr(base, attr, val) (mp_fun_table.store_attr((base), (attr), (val)))
#define mp_delete_name(qst) (mp_fun_table.delete_name((qst)))
#define mp_delete_global(qst) (mp_fun_table.delete_global((qst)))
#if MPY_SUB_VERSION >= 3
#define mp_load_method_maybe(base, attr, dest) (mp_fun_table.load_method_maybe((base), (attr), (dest)))
#else
void mp_needs_mpy_6_3__mp_load_method_maybe(mp_obj_t base, qstr attr, mp_obj_t *dest)
    MP_ABI_NEEDS_6_3("mp_load_method_maybe");
#define mp_load_method_maybe mp_needs_mpy_6_3__mp_load_method_maybe
#endif

#define mp_unary_op(op, obj) (mp_fun_table.unary_op((op), (obj)))
#define mp_binary_op(op, lhs, rhs) (mp_fun_table.binary_op((op), (lhs), (rhs)))

#define mp_import_name(name, fromlist, level) (mp_fun_table.import_name((name), (fromlist), (level)))
#define mp_import_from(module, name) (mp_fun_table.import_from((module), (name)))
#define mp_import_all(module) (mp_fun_table.import_all((module)))

// Raise TypeError unless n_args/n_kw fit the given counts.
#define mp_arg_check_num(n_args, n_kw, n_args_min, n_args_max, takes_kw) \
    (mp_fun_table.arg_check_num_sig((n_args), (n_kw), MP_OBJ_FUN_MAKE_SIG((n_args_min), (n_args_max), (takes_kw))))

#if MPY_SUB_VERSION >= 3
#define mp_arg_parse_all(n_pos, pos, kws, n_allowed, allowed, out_vals) \
    (mp_fun_table.arg_parse_all((n_pos), (pos), (kws), (n_allowed), (allowed), (out_vals)))
#define mp_arg_parse_all_kw_array(n_pos, n_kw, args, n_allowed, allowed, out_vals) \
    (mp_fun_table.arg_parse_all_kw_array((n_pos), (n_kw), (args), (n_allowed), (allowed), (out_vals)))
#define mp_binary_get_size(struct_type, val_type, palign) \
    (mp_fun_table.binary_get_size((struct_type), (val_type), (palign)))
#define mp_binary_get_val_array(typecode, p, index) \
    (mp_fun_table.binary_get_val_array((typecode), (p), (index)))
#define mp_binary_set_val_array(typecode, p, index, val_in) \
    (mp_fun_table.binary_set_val_array((typecode), (p), (index), (val_in)))
#else
void mp_needs_mpy_6_3__mp_arg_parse_all(size_t n_pos, const mp_obj_t *pos, mp_map_t *kws, size_t n_allowed,
    const mp_arg_t *allowed, mp_arg_val_t *out_vals) MP_ABI_NEEDS_6_3("mp_arg_parse_all");
void mp_needs_mpy_6_3__mp_arg_parse_all_kw_array(size_t n_pos, size_t n_kw, const mp_obj_t *args, size_t n_allowed,
    const mp_arg_t *allowed, mp_arg_val_t *out_vals) MP_ABI_NEEDS_6_3("mp_arg_parse_all_kw_array");
size_t mp_needs_mpy_6_3__mp_binary_get_size(char struct_type, char val_type, size_t *palign)
    MP_ABI_NEEDS_6_3("mp_binary_get_size");
mp_obj_t mp_needs_mpy_6_3__mp_binary_get_val_array(char typecode, void *p, size_t index)
    MP_ABI_NEEDS_6_3("mp_binary_get_val_array");
void mp_needs_mpy_6_3__mp_binary_set_val_array(char typecode, void *p, size_t index, mp_obj_t val_in)
    MP_ABI_NEEDS_6_3("mp_binary_set_val_array");
#define mp_arg_parse_all mp_needs_mpy_6_3__mp_arg_parse_all
#define mp_arg_parse_all_kw_array mp_needs_mpy_6_3__mp_arg_parse_all_kw_array
#define mp_binary_get_size mp_needs_mpy_6_3__mp_binary_get_size
#define mp_binary_get_val_array mp_needs_mpy_6_3__mp_binary_get_val_array
#define mp_binary_set_val_array mp_needs_mpy_6_3__mp_binary_set_val_array
#endif

/******************************************************************************/
// Module entry and native functions with the full calling convention

// mpy_init(self, n_args, n_kw, args) must begin with MP_DYNRUNTIME_INIT_ENTRY
// (which makes the module's globals current) and end with
// MP_DYNRUNTIME_INIT_EXIT. Between the two, MP_DYNRUNTIME_MAKE_FUNCTION(f)
// turns a C function
//     mp_obj_t f(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args)
// into a Python function object (self->context->module.globals gives it the
// module's globals).
#if MP_ABI_HAS_PROTO_FUN

#define mp_make_function_from_proto_fun(proto_fun, context, def_args) \
    (mp_fun_table.make_function_from_proto_fun((proto_fun), (context), (def_args)))

#define MP_DYNRUNTIME_INIT_ENTRY \
    mp_obj_dict_t *old_globals = mp_fun_table.swap_globals(self->context->module.globals); \
    mp_raw_code_truncated_t rc; \
    rc.proto_fun_indicator[0] = MP_PROTO_FUN_INDICATOR_RAW_CODE_0; \
    rc.proto_fun_indicator[1] = MP_PROTO_FUN_INDICATOR_RAW_CODE_1; \
    rc.kind = MP_CODE_NATIVE_VIPER; \
    rc.is_generator = false; \
    rc.children = NULL; \
    (void)rc;

#define MP_DYNRUNTIME_MAKE_FUNCTION(f) \
    (mp_make_function_from_proto_fun((rc.fun_data = (f), (const mp_raw_code_t *)&rc), self->context, NULL))

mp_obj_t mp_until_mpy_6_2__mp_make_function_from_raw_code(const mp_raw_code_t *rc,
    const mp_module_context_t *context, const mp_obj_t *def_args)
    MP_ABI_ERROR_ATTR("mp_make_function_from_raw_code is not in MicroPython v1.23 and later (.mpy 6.3), "
    "which this module is built for: use mp_make_function_from_proto_fun");
#define mp_make_function_from_raw_code mp_until_mpy_6_2__mp_make_function_from_raw_code

#else

mp_obj_t mp_needs_mpy_6_3__mp_make_function_from_proto_fun(const void *proto_fun,
    const mp_module_context_t *context, const mp_obj_t *def_args)
    MP_ABI_NEEDS_6_3("mp_make_function_from_proto_fun");
#define mp_make_function_from_proto_fun mp_needs_mpy_6_3__mp_make_function_from_proto_fun

#define mp_make_function_from_raw_code(rc, context, def_args) \
    (mp_fun_table.make_function_from_raw_code((rc), (context), (def_args)))

#define MP_DYNRUNTIME_INIT_ENTRY \
    mp_obj_dict_t *old_globals = mp_fun_table.swap_globals(self->context->module.globals); \
    mp_raw_code_t rc; \
    rc.kind = MP_CODE_NATIVE_VIPER; \
    rc.scope_flags = 0; \
    rc.n_pos_args = 0; \
    rc.children = NULL; \
    (void)rc;

#define MP_DYNRUNTIME_MAKE_FUNCTION(f) \
    (mp_make_function_from_raw_code((rc.fun_data = (f), &rc), self->context, NULL))

#endif

#define MP_DYNRUNTIME_INIT_EXIT \
    mp_fun_table.swap_globals(old_globals); \
    return mp_const_none;

/******************************************************************************/
// Exception types defined by a module

// The slots every exception type shares, taken from Exception.
#define mp_obj_exception_make_new (MP_OBJ_TYPE_GET_SLOT(&mp_type_Exception, make_new))
#define mp_obj_exception_print (MP_OBJ_TYPE_GET_SLOT(&mp_type_Exception, print))
#define mp_obj_exception_attr (MP_OBJ_TYPE_GET_SLOT(&mp_type_Exception, attr))

// Makes exc (in the module's BSS, filled in at run time) an exception type
// named name that derives from base. MicroPython's own SDK has it from v1.23
// (.mpy 6.3) on; here it works for every version (before 6.3 Exception is
// looked up in builtins, not in mp_fun_table).
static inline void mp_obj_exception_init(mp_obj_full_type_t *exc, qstr name, const mp_obj_type_t *base) {
    exc->base.type = &mp_type_type;
    exc->flags = MP_TYPE_FLAG_NONE;
    exc->name = name;
    MP_OBJ_TYPE_SET_SLOT(exc, make_new, mp_obj_exception_make_new, 0);
    MP_OBJ_TYPE_SET_SLOT(exc, print, mp_obj_exception_print, 1);
    MP_OBJ_TYPE_SET_SLOT(exc, attr, mp_obj_exception_attr, 2);
    MP_OBJ_TYPE_SET_SLOT(exc, parent, base, 3);
}

/******************************************************************************/
// Raising exceptions

// An exception class stands for a new instance of itself when raised.
#define mp_obj_new_exception(exc_type) ((mp_obj_t)(exc_type))

static inline mp_obj_t mp_obj_new_exception_args(const mp_obj_type_t *exc_type, size_t n_args, const mp_obj_t *args) {
    return mp_call_function_n_kw(MP_OBJ_FROM_PTR(exc_type), n_args, 0, args);
}

static inline mp_obj_t mp_obj_new_exception_arg1(const mp_obj_type_t *exc_type, mp_obj_t arg) {
    return mp_obj_new_exception_args(exc_type, 1, &arg);
}

#define mp_raise_msg(exc_type, msg) (mp_fun_table.raise_msg((exc_type), (msg)))
#define mp_raise_ValueError(msg) (mp_raise_msg(&mp_type_ValueError, (msg)))
#define mp_raise_TypeError(msg) (mp_raise_msg(&mp_type_TypeError, (msg)))
#define mp_raise_NotImplementedError(msg) (mp_raise_msg(&mp_type_NotImplementedError, (msg)))
#define mp_raise_ValueError_no_msg() (mp_raise_type(&mp_type_ValueError))
#define mp_raise_TypeError_no_msg() (mp_raise_type(&mp_type_TypeError))
#define mp_raise_NotImplementedError_no_msg() (mp_raise_type(&mp_type_NotImplementedError))
#define mp_raise_type(exc_type) (mp_raise_dyn(MP_OBJ_FROM_PTR(exc_type)))
#define mp_raise_type_arg(exc_type, arg) (mp_raise_dyn(mp_obj_new_exception_arg1((exc_type), (arg))))
#define mp_raise_StopIteration(arg) (mp_raise_type_arg(&mp_type_StopIteration, (arg)))

static inline NORETURN void mp_raise_OSError(int errno_) {
    mp_raise_type_arg(&mp_type_OSError, MP_OBJ_NEW_SMALL_INT(errno_));
}

// Formatted messages: the text is formatted in the module (into a bounded
// buffer on the stack) with the firmware's printf, then passed as a str.
typedef struct _mp_dyn_textbuf_t {
    size_t len;
    char text[120];
} mp_dyn_textbuf_t;

static inline void mp_dyn_textbuf_add(void *data, const char *str, size_t len) {
    mp_dyn_textbuf_t *tb = (mp_dyn_textbuf_t *)data;
    size_t room = sizeof(tb->text) - tb->len;
    if (len > room) {
        len = room;
    }
    mp_fun_table.memmove_(tb->text + tb->len, str, len);
    tb->len += len;
}

static inline mp_obj_t mp_obj_new_exception_msg_vlist(const mp_obj_type_t *exc_type, mp_rom_error_text_t fmt, va_list args) {
    mp_dyn_textbuf_t tb;
    tb.len = 0;
    mp_print_t print = { &tb, mp_dyn_textbuf_add };
    mp_fun_table.vprintf_(&print, fmt, args);
    return mp_obj_new_exception_arg1(exc_type, mp_fun_table.obj_new_str(tb.text, tb.len));
}

static inline mp_obj_t mp_obj_new_exception_msg_varg(const mp_obj_type_t *exc_type, mp_rom_error_text_t fmt, ...) {
    va_list args;
    va_start(args, fmt);
    mp_obj_t exc = mp_obj_new_exception_msg_vlist(exc_type, fmt, args);
    va_end(args);
    return exc;
}

static inline mp_obj_t mp_obj_new_exception_msg(const mp_obj_type_t *exc_type, mp_rom_error_text_t msg) {
    return mp_obj_new_exception_msg_varg(exc_type, "%s", msg);
}

static inline NORETURN void mp_raise_msg_varg(const mp_obj_type_t *exc_type, mp_rom_error_text_t fmt, ...) {
    va_list args;
    va_start(args, fmt);
    mp_obj_t exc = mp_obj_new_exception_msg_vlist(exc_type, fmt, args);
    va_end(args);
    mp_raise_dyn(exc);
}

/******************************************************************************/
// Memory

// Allocation on the garbage-collected heap. As in the firmware, m_malloc and
// m_realloc raise MemoryError when the heap is exhausted; the _maybe variants
// return NULL instead.
static inline void *m_malloc_maybe(size_t n) {
    return mp_fun_table.realloc_(NULL, n, false);
}

static inline void *m_realloc_maybe(void *ptr, size_t n, bool allow_move) {
    return mp_fun_table.realloc_(ptr, n, allow_move);
}

static inline NORETURN void m_malloc_fail(size_t n) {
    (void)n;
    mp_raise_type(&mp_type_MemoryError);
}

static inline void *m_malloc(size_t n) {
    void *ptr = m_malloc_maybe(n);
    if (ptr == NULL && n != 0) {
        m_malloc_fail(n);
    }
    return ptr;
}

static inline void *m_malloc0(size_t n) {
    void *ptr = m_malloc(n);
    if (ptr != NULL) {
        mp_fun_table.memset_(ptr, 0, n);
    }
    return ptr;
}

static inline void *m_realloc(void *ptr, size_t n) {
    void *new_ptr = m_realloc_maybe(ptr, n, true);
    if (new_ptr == NULL && n != 0) {
        m_malloc_fail(n);
    }
    return new_ptr;
}

static inline void m_free(void *ptr) {
    mp_fun_table.realloc_(ptr, 0, false);
}

#define m_malloc_with_finaliser(n) m_malloc(n)

static inline void *mp_obj_malloc_helper(size_t num_bytes, const mp_obj_type_t *type) {
    mp_obj_base_t *base = (mp_obj_base_t *)m_malloc(num_bytes);
    base->type = type;
    return base;
}

/******************************************************************************/
// Printing

#define mp_plat_print (*mp_fun_table.plat_print)
#define MP_PYTHON_PRINTER (&mp_plat_print)
#define mp_printf(p, ...) (mp_fun_table.printf_((p), __VA_ARGS__))
#define mp_vprintf(p, fmt, args) (mp_fun_table.vprintf_((p), (fmt), (args)))

static inline int mp_print_strn(const mp_print_t *print, const char *str, size_t len, int flags, char fill, int width) {
    // Padding is done by the firmware's printf; this plain form covers the
    // common case of writing the bytes as they are.
    (void)flags;
    (void)fill;
    (void)width;
    print->print_strn(print->data, str, len);
    return (int)len;
}

static inline int mp_print_str(const mp_print_t *print, const char *str) {
    return mp_printf(print, "%s", str);
}

/******************************************************************************/
// Creating objects

#define MP_OBJ_NEW_QSTR(qst) (mp_fun_table.native_to_obj((qst), MP_NATIVE_TYPE_QSTR))

#define mp_obj_new_bool(b) ((b) ? mp_const_true : mp_const_false)
#define mp_obj_new_int(i) (mp_fun_table.native_to_obj((mp_uint_t)(i), MP_NATIVE_TYPE_INT))
#define mp_obj_new_int_from_uint(i) (mp_fun_table.native_to_obj((i), MP_NATIVE_TYPE_UINT))
#define mp_obj_new_str(data, len) (mp_fun_table.obj_new_str((data), (len)))
#define mp_obj_new_str_via_qstr(data, len) (mp_fun_table.obj_new_str((data), (len)))
#define mp_obj_new_bytes(data, len) (mp_fun_table.obj_new_bytes((data), (len)))
#define mp_obj_new_bytearray_by_ref(n, items) (mp_fun_table.obj_new_bytearray_by_ref((n), (items)))
#define mp_obj_new_tuple(n, items) (mp_fun_table.new_tuple((n), (items)))
#define mp_obj_new_list(n, items) (mp_fun_table.new_list((n), (items)))
#define mp_obj_new_dict(n) (mp_fun_table.new_dict((n)))
#define mp_obj_new_set(n, items) (mp_fun_table.new_set((n), (items)))
#define mp_obj_new_slice(start, stop, step) (mp_fun_table.new_slice((start), (stop), (step)))

static inline mp_obj_t mp_obj_new_str_of_type(const mp_obj_type_t *type, const byte *data, size_t len) {
    if (type == &mp_type_str) {
        return mp_obj_new_str((const char *)data, len);
    }
    return mp_obj_new_bytes(data, len);
}

// A bytearray holding a copy of items.
static inline mp_obj_t mp_obj_new_bytearray(size_t n, const void *items) {
    return mp_call_function_1(MP_OBJ_FROM_PTR(&mp_type_bytearray), mp_obj_new_bytes((const byte *)items, n));
}

// Integers wider than mp_int_t become long ints (OverflowError if the
// firmware has none).
static inline mp_obj_t mp_obj_new_int_from_ull(unsigned long long val) {
    if (val <= (unsigned long long)(mp_uint_t)-1) {
        return mp_obj_new_int_from_uint((mp_uint_t)val);
    }
    mp_obj_t hi = mp_obj_new_int_from_uint((mp_uint_t)(val >> 32));
    mp_obj_t lo = mp_obj_new_int_from_uint((mp_uint_t)(val & 0xffffffffu));
    hi = mp_binary_op(MP_BINARY_OP_LSHIFT, hi, MP_OBJ_NEW_SMALL_INT(32));
    return mp_binary_op(MP_BINARY_OP_OR, hi, lo);
}

static inline mp_obj_t mp_obj_new_int_from_ll(long long val) {
    if (val >= 0) {
        return mp_obj_new_int_from_ull((unsigned long long)val);
    }
    if (val >= (long long)(mp_int_t)MP_OBJ_WORD_MSBIT_HIGH) {
        return mp_obj_new_int((mp_int_t)val);
    }
    // -val fits in unsigned long long for every val but LLONG_MIN, which the
    // two's-complement negation below also handles.
    mp_obj_t mag = mp_obj_new_int_from_ull(0ull - (unsigned long long)val);
    return mp_unary_op(MP_UNARY_OP_NEGATIVE, mag);
}

/******************************************************************************/
// Inspecting objects

#define mp_obj_get_type(o) (mp_fun_table.obj_get_type((o)))
#define mp_obj_get_int(o) ((mp_int_t)mp_fun_table.native_from_obj((o), MP_NATIVE_TYPE_INT))
#define mp_obj_get_int_truncated(o) ((mp_int_t)mp_fun_table.native_from_obj((o), MP_NATIVE_TYPE_UINT))
#define mp_obj_int_get_truncated(o) mp_obj_get_int_truncated(o)
#define mp_obj_is_true(o) ((bool)mp_fun_table.native_from_obj((o), MP_NATIVE_TYPE_BOOL))

// The buffer protocol.
#if MP_ABI_HAS_GET_BUFFER
#define mp_get_buffer(o, bufinfo, fl) (mp_fun_table.get_buffer((o), (bufinfo), (fl)))
#define mp_get_buffer_raise(o, bufinfo, fl) \
    ((void)mp_fun_table.get_buffer((o), (bufinfo), (fl) | MP_BUFFER_RAISE_IF_UNSUPPORTED))
#else
#define mp_get_buffer_raise(o, bufinfo, fl) (mp_fun_table.get_buffer_raise((o), (bufinfo), (fl)))

// Firmware 6.1 only has the raising form: catch its exception.
static inline bool mp_get_buffer(mp_obj_t obj, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_get_buffer_raise(obj, bufinfo, flags);
        nlr_pop();
        return true;
    }
    return false;
}
#endif

// The stream protocol, raising OSError(EINVAL) if obj lacks the operations.
#define mp_get_stream_raise(o, flags) (mp_fun_table.get_stream_raise((o), (flags)))

// str/bytes contents (any object with the buffer protocol is accepted).
static inline const char *mp_obj_str_get_data(mp_obj_t o, size_t *len) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(o, &bufinfo, MP_BUFFER_READ);
    if (len != NULL) {
        *len = bufinfo.len;
    }
    return (const char *)bufinfo.buf;
}

#define mp_obj_str_get_str(o) (mp_obj_str_get_data((o), NULL))

// Items of a tuple or list, in place.
static inline void mp_obj_get_array(mp_obj_t o, size_t *len, mp_obj_t **items) {
    const mp_obj_type_t *type = mp_obj_get_type(o);
    if (type == &mp_type_list) {
        mp_obj_list_t *list = (mp_obj_list_t *)MP_OBJ_TO_PTR(o);
        *len = list->len;
        *items = list->items;
    } else if (type == &mp_type_tuple) {
        mp_obj_tuple_t *tuple = (mp_obj_tuple_t *)MP_OBJ_TO_PTR(o);
        *len = tuple->len;
        *items = &tuple->items[0];
    } else {
        mp_raise_TypeError(MP_ERROR_TEXT("expected tuple/list"));
    }
}

static inline void mp_obj_get_array_fixed_n(mp_obj_t o, size_t len, mp_obj_t **items) {
    size_t seq_len;
    mp_obj_get_array(o, &seq_len, items);
    if (seq_len != len) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("requested length %d but object has length %d"),
            (int)len, (int)seq_len);
    }
}

static inline void mp_obj_tuple_get(mp_obj_t o, size_t *len, mp_obj_t **items) {
    mp_obj_tuple_t *tuple = (mp_obj_tuple_t *)MP_OBJ_TO_PTR(o);
    *len = tuple->len;
    *items = &tuple->items[0];
}

static inline void mp_obj_list_get(mp_obj_t o, size_t *len, mp_obj_t **items) {
    mp_obj_list_t *list = (mp_obj_list_t *)MP_OBJ_TO_PTR(o);
    *len = list->len;
    *items = list->items;
}

// len(o), as an int object.
static inline mp_obj_t mp_obj_len(mp_obj_t o) {
    return mp_call_function_1(mp_load_name(MP_QSTR_len), o);
}

// o[index] (value MP_OBJ_SENTINEL), o[index] = value, or del o[index]
// (value MP_OBJ_NULL).
#define mp_obj_subscr(base, index, val) (mp_fun_table.obj_subscr((base), (index), (val)))
#define mp_obj_list_append(list, item) (mp_fun_table.list_append((list), (item)))
#define mp_obj_list_store(list, index, val) ((void)mp_obj_subscr((list), (index), (val)))
#define mp_obj_set_store(set, item) (mp_fun_table.set_store((set), (item)))
#define mp_obj_dict_store(dict, key, val) (mp_fun_table.dict_store((dict), (key), (val)))
#define mp_obj_dict_get(dict, key) (mp_obj_subscr((dict), (key), MP_OBJ_SENTINEL))
#define mp_obj_dict_delete(dict, key) (mp_obj_subscr((dict), (key), MP_OBJ_NULL))

static inline bool mp_obj_equal(mp_obj_t a, mp_obj_t b) {
    return mp_binary_op(MP_BINARY_OP_EQUAL, a, b) == mp_const_true;
}

// Iteration: mp_getiter gives an iterator object; mp_iternext returns
// MP_OBJ_STOP_ITERATION when it is exhausted.
static inline mp_obj_t mp_getiter(mp_obj_t o, mp_obj_iter_buf_t *iter_buf) {
    (void)iter_buf;
    return mp_fun_table.getiter(o, NULL);
}

static inline mp_obj_t mp_iternext(mp_obj_t iter) {
    // The firmware's entry takes an iterator buffer; an empty one (type NULL)
    // holding the iterator in buf[0] stands for an iterator object.
    mp_obj_iter_buf_t buf;
    buf.base.type = NULL;
    buf.buf[0] = iter;
    return mp_fun_table.iternext(&buf);
}

// If self_in is an instance of native_type, or of a Python class deriving
// directly from it, the native object; else MP_OBJ_NULL.
static inline mp_obj_t mp_obj_cast_to_native_base(mp_obj_t self_in, mp_const_obj_t native_type) {
    const mp_obj_type_t *self_type = mp_obj_get_type(self_in);
    if (MP_OBJ_FROM_PTR(self_type) == native_type) {
        return self_in;
    }
    if (MP_OBJ_TYPE_GET_SLOT_OR_NULL(self_type, parent) != native_type) {
        return MP_OBJ_NULL;
    }
    return ((mp_obj_instance_t *)MP_OBJ_TO_PTR(self_in))->subobj[0];
}

/******************************************************************************/
// Floating point

#define mp_obj_new_float_from_f(f) (mp_fun_table.obj_new_float_from_f((f)))
#define mp_obj_new_float_from_d(d) (mp_fun_table.obj_new_float_from_d((d)))
#define mp_obj_get_float_to_f(o) (mp_fun_table.obj_get_float_to_f((o)))
#define mp_obj_get_float_to_d(o) (mp_fun_table.obj_get_float_to_d((o)))

#if MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_FLOAT
#define mp_obj_new_float(f) (mp_obj_new_float_from_f((f)))
#define mp_obj_get_float(o) (mp_obj_get_float_to_f((o)))
#elif MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_DOUBLE
#define mp_obj_new_float(f) (mp_obj_new_float_from_d((f)))
#define mp_obj_get_float(o) (mp_obj_get_float_to_d((o)))
#endif

#if MICROPY_PY_BUILTINS_FLOAT
// Whether o is a float (floats are heap objects in the firmware, so this
// compares with the type of a fresh one).
static inline bool mp_obj_is_float(mp_obj_t o) {
    return mp_obj_is_obj(o) && mp_obj_get_type(o) == mp_obj_get_type(mp_obj_new_float(0));
}
#else
#define mp_obj_is_float(o) (false)
#endif

#ifdef __cplusplus
}
#endif

#endif // MP_SDK_PY_DYNRUNTIME_H
