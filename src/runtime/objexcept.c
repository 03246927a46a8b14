// Exceptions: the standard hierarchy, exception objects (py/objlayout.h's
// mp_obj_exception_t: traceback entries and an args tuple), their printing
// in MicroPython's format, and the mp_raise_xxx helpers.
//
// When the heap cannot hold a new exception (it is full, or the collector
// is locked) one preallocated object stands in for it, so that MemoryError
// can always be raised.
#include <errno.h>
#include <string.h>

#include "runtime/runtime.h"

// A traceback entry is three words: file qstr, line, block qstr.
#define TRACEBACK_ENTRY_LEN (3)
#define EMERGENCY_TRACEBACK_ENTRIES (8)

static size_t emergency_traceback[EMERGENCY_TRACEBACK_ENTRIES * TRACEBACK_ENTRY_LEN];
// The stand-in's message: copied into static memory, so that the object
// holds no heap pointers and needs no GC root.
static char emergency_text[128];
static mp_obj_str_t emergency_str;
static struct {
    mp_obj_base_t base;
    size_t len;
    mp_obj_t items[1];
} emergency_args;
static mp_obj_exception_t emergency_exception;

static mp_obj_t exception_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args);
static void exception_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind);
static void exception_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest);

MP_DEFINE_CONST_OBJ_TYPE(mp_type_BaseException, MP_QSTR_BaseException, MP_TYPE_FLAG_NONE,
    make_new, exception_make_new,
    print, exception_print,
    attr, exception_attr);

#define DEFINE_EXCEPTION(name, parent_name) \
    MP_DEFINE_CONST_OBJ_TYPE(mp_type_##name, MP_QSTR_##name, MP_TYPE_FLAG_NONE, \
        make_new, exception_make_new, \
        print, exception_print, \
        attr, exception_attr, \
        parent, &mp_type_##parent_name)

DEFINE_EXCEPTION(SystemExit, BaseException);
DEFINE_EXCEPTION(KeyboardInterrupt, BaseException);
DEFINE_EXCEPTION(GeneratorExit, BaseException);
DEFINE_EXCEPTION(Exception, BaseException);
DEFINE_EXCEPTION(StopIteration, Exception);
DEFINE_EXCEPTION(StopAsyncIteration, Exception);
DEFINE_EXCEPTION(ArithmeticError, Exception);
DEFINE_EXCEPTION(OverflowError, ArithmeticError);
DEFINE_EXCEPTION(ZeroDivisionError, ArithmeticError);
DEFINE_EXCEPTION(AssertionError, Exception);
DEFINE_EXCEPTION(AttributeError, Exception);
DEFINE_EXCEPTION(EOFError, Exception);
DEFINE_EXCEPTION(ImportError, Exception);
DEFINE_EXCEPTION(LookupError, Exception);
DEFINE_EXCEPTION(IndexError, LookupError);
DEFINE_EXCEPTION(KeyError, LookupError);
DEFINE_EXCEPTION(MemoryError, Exception);
DEFINE_EXCEPTION(NameError, Exception);
DEFINE_EXCEPTION(OSError, Exception);
DEFINE_EXCEPTION(RuntimeError, Exception);
DEFINE_EXCEPTION(NotImplementedError, RuntimeError);
DEFINE_EXCEPTION(SyntaxError, Exception);
DEFINE_EXCEPTION(IndentationError, SyntaxError);
DEFINE_EXCEPTION(TypeError, Exception);
DEFINE_EXCEPTION(ValueError, Exception);
DEFINE_EXCEPTION(UnicodeError, ValueError);

/******************************************************************************/
// Making exception objects

// The exception object inside self_in (an instance of a Python subclass
// keeps it as its native base).
static mp_obj_exception_t *native_exception(mp_obj_t self_in) {
    mp_obj_t native = mp_obj_cast_to_native_base(self_in, MP_OBJ_FROM_PTR(&mp_type_BaseException));
    if (native == MP_OBJ_NULL) {
        native = self_in;
    }
    return (mp_obj_exception_t *)MP_OBJ_TO_PTR(native);
}

// The stand-in exception, of type, with the message text[0..len) (copied,
// truncated to the static buffer) or no args when text is NULL.
static mp_obj_exception_t *emergency_exception_of(const mp_obj_type_t *type, const char *text, size_t len) {
    mp_obj_exception_t *o = &emergency_exception;
    o->base.type = type;
    o->traceback_data = emergency_traceback;
    o->traceback_alloc = 0; // the static buffer: never grown
    o->traceback_len = 0;
    o->args = (mp_obj_tuple_t *)&mp_const_empty_tuple_obj;
    if (text != NULL) {
        if (len >= sizeof(emergency_text)) {
            len = sizeof(emergency_text) - 1;
        }
        if (text != emergency_text) {
            memcpy(emergency_text, text, len);
        }
        emergency_text[len] = '\0';
        emergency_str.base.type = &mp_type_str;
        emergency_str.len = len;
        emergency_str.data = (const byte *)emergency_text;
        emergency_str.hash = qstr_compute_hash((const unsigned char *)emergency_text, len);
        emergency_args.base.type = &mp_type_tuple;
        emergency_args.len = 1;
        emergency_args.items[0] = MP_OBJ_FROM_PTR(&emergency_str);
        o->args = (mp_obj_tuple_t *)&emergency_args;
    }
    return o;
}

// A new exception of type with args[0..n_args) (args may be NULL for
// none), or NULL when the heap cannot hold it.
static mp_obj_exception_t *exception_alloc_maybe(const mp_obj_type_t *type, size_t n_args, const mp_obj_t *args) {
    mp_obj_exception_t *o = m_new_obj_maybe(mp_obj_exception_t);
    if (o == NULL) {
        return NULL;
    }
    mp_obj_tuple_t *tuple = (mp_obj_tuple_t *)&mp_const_empty_tuple_obj;
    if (n_args > 0) {
        tuple = m_new_obj_var_maybe(mp_obj_tuple_t, mp_obj_t, n_args);
        if (tuple == NULL) {
            m_free(o);
            return NULL;
        }
        tuple->base.type = &mp_type_tuple;
        tuple->len = n_args;
        memcpy(tuple->items, args, n_args * sizeof(mp_obj_t));
    }
    o->base.type = type;
    o->traceback_data = NULL;
    o->traceback_alloc = 0;
    o->traceback_len = 0;
    o->args = tuple;
    return o;
}

// As exception_alloc_maybe, with the stand-in (without args) on failure.
static mp_obj_exception_t *exception_alloc(const mp_obj_type_t *type, size_t n_args, const mp_obj_t *args) {
    mp_obj_exception_t *o = exception_alloc_maybe(type, n_args, args);
    return o != NULL ? o : emergency_exception_of(type, NULL, 0);
}

static mp_obj_t exception_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 0, MP_OBJ_FUN_ARGS_MAX, false);
    return MP_OBJ_FROM_PTR(exception_alloc(type, n_args, args));
}

mp_obj_t mp_obj_new_exception(const mp_obj_type_t *exc_type) {
    return mp_obj_new_exception_args(exc_type, 0, NULL);
}

mp_obj_t mp_obj_new_exception_arg1(const mp_obj_type_t *exc_type, mp_obj_t arg) {
    return mp_obj_new_exception_args(exc_type, 1, &arg);
}

mp_obj_t mp_obj_new_exception_args(const mp_obj_type_t *exc_type, size_t n_args, const mp_obj_t *args) {
    if (MP_OBJ_TYPE_GET_SLOT_OR_NULL(exc_type, make_new) == exception_make_new
        || !MP_OBJ_TYPE_HAS_SLOT(exc_type, make_new)) {
        return MP_OBJ_FROM_PTR(exception_alloc(exc_type, n_args, args));
    }
    // A type with its own constructor (one defined by a native module).
    return MP_OBJ_TYPE_GET_SLOT(exc_type, make_new)(exc_type, n_args, 0, args);
}

// A str object over text[0..len) (NUL-terminated, not copied), or NULL when
// the heap is full.
static mp_obj_t str_over_text(const char *text, size_t len) {
    mp_obj_str_t *s = m_new_obj_maybe(mp_obj_str_t);
    if (s == NULL) {
        return MP_OBJ_NULL;
    }
    s->base.type = &mp_type_str;
    s->hash = qstr_compute_hash((const unsigned char *)text, len);
    s->len = len;
    s->data = (const byte *)text;
    return MP_OBJ_FROM_PTR(s);
}

// An exception with one str argument over text[0..len) (NUL-terminated,
// kept alive by the str object); the stand-in when the heap is full.
static mp_obj_t new_exception_text(const mp_obj_type_t *exc_type, const char *text, size_t len) {
    bool own_make_new = MP_OBJ_TYPE_HAS_SLOT(exc_type, make_new)
        && MP_OBJ_TYPE_GET_SLOT(exc_type, make_new) != exception_make_new;
    mp_obj_t str = str_over_text(text, len);
    if (str != MP_OBJ_NULL) {
        if (own_make_new) {
            return mp_obj_new_exception_args(exc_type, 1, &str);
        }
        mp_obj_exception_t *o = exception_alloc_maybe(exc_type, 1, &str);
        if (o != NULL) {
            return MP_OBJ_FROM_PTR(o);
        }
    }
    return MP_OBJ_FROM_PTR(emergency_exception_of(exc_type, text, len));
}

mp_obj_t mp_obj_new_exception_msg(const mp_obj_type_t *exc_type, mp_rom_error_text_t msg) {
    if (msg == NULL) {
        return mp_obj_new_exception(exc_type);
    }
    return new_exception_text(exc_type, msg, strlen(msg));
}

// Formats fmt into a new heap string; NULL when the heap is full.
static char *format_message(size_t *len_out, const char *fmt, va_list ap) {
    nlr_buf_t nlr;
    vstr_t vstr;
    if (nlr_push(&nlr) == 0) {
        mp_print_t print;
        vstr_init_print(&vstr, 32, &print);
        mp_vprintf(&print, fmt, ap);
        vstr_null_terminated_str(&vstr);
        nlr_pop();
        *len_out = vstr.len;
        return vstr.buf;
    }
    return NULL;
}

// A printer into emergency_text that drops what does not fit.
static size_t emergency_text_len;
static void emergency_print_strn(void *data, const char *str, size_t len) {
    (void)data;
    size_t room = sizeof(emergency_text) - 1 - emergency_text_len;
    if (len > room) {
        len = room;
    }
    memcpy(emergency_text + emergency_text_len, str, len);
    emergency_text_len += len;
}

static mp_obj_t new_exception_msg_vlist(const mp_obj_type_t *exc_type, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    size_t len;
    char *text = NULL;
    // A raise while formatting (the heap is full) must not format again.
    static bool formatting;
    if (!formatting) {
        formatting = true;
        text = format_message(&len, fmt, ap);
        formatting = false;
    }
    mp_obj_t exc;
    if (text != NULL) {
        exc = new_exception_text(exc_type, text, len);
    } else {
        // No room on the heap even for the text: format into static memory.
        emergency_text_len = 0;
        mp_print_t print = { NULL, emergency_print_strn };
        mp_vprintf(&print, fmt, ap2);
        exc = MP_OBJ_FROM_PTR(emergency_exception_of(exc_type, emergency_text, emergency_text_len));
    }
    va_end(ap2);
    return exc;
}

mp_obj_t mp_obj_new_exception_msg_varg(const mp_obj_type_t *exc_type, mp_rom_error_text_t fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    mp_obj_t exc = new_exception_msg_vlist(exc_type, fmt, ap);
    va_end(ap);
    return exc;
}

/******************************************************************************/
// Tests and accessors

bool mp_obj_is_exception_type(mp_obj_t self_in) {
    if (mp_obj_is_type(self_in, &mp_type_type)) {
        const mp_obj_type_t *self = MP_OBJ_TO_PTR(self_in);
        if (MP_OBJ_TYPE_GET_SLOT_OR_NULL(self, make_new) == exception_make_new) {
            return true;
        }
    }
    return mp_obj_is_subclass_fast(self_in, MP_OBJ_FROM_PTR(&mp_type_BaseException));
}

bool mp_obj_is_exception_instance(mp_obj_t self_in) {
    return mp_obj_is_exception_type(MP_OBJ_FROM_PTR(mp_obj_get_type(self_in)));
}

bool mp_obj_exception_match(mp_obj_t exc, mp_const_obj_t exc_type) {
    if (mp_obj_is_exception_instance(exc)) {
        exc = MP_OBJ_FROM_PTR(mp_obj_get_type(exc));
    }
    return mp_obj_is_subclass_fast(exc, exc_type);
}

mp_obj_t mp_obj_exception_get_value(mp_obj_t self_in) {
    mp_obj_exception_t *self = native_exception(self_in);
    if (self->args == NULL || self->args->len == 0) {
        return mp_const_none;
    }
    return self->args->items[0];
}

void mp_obj_exception_clear_traceback(mp_obj_t self_in) {
    mp_obj_exception_t *self = native_exception(self_in);
    if (self == &emergency_exception) {
        self->traceback_data = emergency_traceback;
    } else {
        self->traceback_data = NULL;
        self->traceback_alloc = 0;
    }
    self->traceback_len = 0;
}

void mp_obj_exception_add_traceback(mp_obj_t self_in, qstr file, size_t line, qstr block) {
    mp_obj_exception_t *self = native_exception(self_in);
    if (self == &emergency_exception) {
        if (self->traceback_data != emergency_traceback
            || (size_t)self->traceback_len + TRACEBACK_ENTRY_LEN > MP_ARRAY_SIZE(emergency_traceback)) {
            return;
        }
    } else if (self->traceback_data == NULL) {
        // Without memory the exception just goes without this entry.
        self->traceback_data = m_new_maybe(size_t, TRACEBACK_ENTRY_LEN);
        if (self->traceback_data == NULL) {
            return;
        }
        self->traceback_alloc = TRACEBACK_ENTRY_LEN;
        self->traceback_len = 0;
    } else if (self->traceback_len + TRACEBACK_ENTRY_LEN > self->traceback_alloc) {
        size_t *data = m_renew_maybe(size_t, self->traceback_data, self->traceback_alloc,
            self->traceback_alloc + TRACEBACK_ENTRY_LEN, true);
        if (data == NULL) {
            return;
        }
        self->traceback_data = data;
        self->traceback_alloc += TRACEBACK_ENTRY_LEN;
    }
    size_t *entry = &self->traceback_data[self->traceback_len];
    self->traceback_len += TRACEBACK_ENTRY_LEN;
    entry[0] = file;
    entry[1] = line;
    entry[2] = block;
}

void mp_obj_exception_get_traceback(mp_obj_t self_in, size_t *n, size_t **values) {
    mp_obj_exception_t *self = native_exception(self_in);
    if (self->traceback_data == NULL) {
        *n = 0;
        *values = NULL;
    } else {
        *n = self->traceback_len;
        *values = self->traceback_data;
    }
}

/******************************************************************************/
// Printing and attributes

// repr: Name(args...), str: the message, PRINT_EXC: "Name: message".
static void exception_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    mp_obj_exception_t *o = native_exception(o_in);
    mp_print_kind_t k = kind & ~PRINT_EXC_SUBCLASS;
    bool is_subclass = (kind & PRINT_EXC_SUBCLASS) != 0;
    if (!is_subclass && (k == PRINT_REPR || k == PRINT_EXC)) {
        mp_print_str(print, qstr_str(o->base.type->name));
    }
    if (k == PRINT_EXC) {
        mp_print_str(print, ": ");
    }
    if (k == PRINT_STR || k == PRINT_EXC) {
        if (o->args == NULL || o->args->len == 0) {
            return;
        }
        if (o->base.type == &mp_type_OSError && o->args->len < 3 && mp_obj_is_small_int(o->args->items[0])) {
            qstr name = mp_errno_to_str(o->args->items[0]);
            if (name != MP_QSTRnull) {
                mp_printf(print, "[Errno %d] %q", (int)MP_OBJ_SMALL_INT_VALUE(o->args->items[0]), name);
                if (o->args->len > 1) {
                    mp_print_str(print, ": ");
                    mp_obj_print_helper(print, o->args->items[1], PRINT_STR);
                }
                return;
            }
        }
        if (o->args->len == 1) {
            mp_obj_print_helper(print, o->args->items[0], PRINT_STR);
            return;
        }
    }
    // The args as a tuple: "(1, 2)", and "('a',)" for one.
    mp_print_str(print, "(");
    for (size_t i = 0; i < o->args->len; i++) {
        if (i > 0) {
            mp_print_str(print, ", ");
        }
        mp_obj_print_helper(print, o->args->items[i], PRINT_REPR);
    }
    if (o->args->len == 1) {
        mp_print_str(print, ",");
    }
    mp_print_str(print, ")");
}

static void exception_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    mp_obj_exception_t *self = native_exception(self_in);
    if (dest[0] != MP_OBJ_NULL) {
        // Store/delete: only `e.__traceback__ = None` is supported.
        if (attr == MP_QSTR___traceback__ && dest[1] == mp_const_none) {
            mp_obj_exception_clear_traceback(self_in);
            dest[0] = MP_OBJ_NULL;
        }
        return;
    }
    if (attr == MP_QSTR_args) {
        dest[0] = MP_OBJ_FROM_PTR(self->args);
    } else if (attr == MP_QSTR_value || attr == MP_QSTR_errno) {
        // .value (StopIteration) and .errno (OSError) alias args[0] on all.
        dest[0] = mp_obj_exception_get_value(self_in);
    }
}

void mp_obj_print_exception(const mp_print_t *print, mp_obj_t exc) {
    mp_obj_print_traceback(print, exc);
    mp_obj_print_helper(print, exc, PRINT_EXC);
    mp_print_str(print, "\n");
}

void mp_obj_print_traceback(const mp_print_t *print, mp_obj_t exc) {
    if (mp_obj_is_exception_instance(exc)) {
        size_t n, *values;
        mp_obj_exception_get_traceback(exc, &n, &values);
        if (n > 0) {
            mp_print_str(print, "Traceback (most recent call last):\n");
            // Entries are added innermost first; print outermost first.
            for (size_t i = n; i >= TRACEBACK_ENTRY_LEN; i -= TRACEBACK_ENTRY_LEN) {
                size_t *e = &values[i - TRACEBACK_ENTRY_LEN];
                mp_printf(print, "  File \"%q\", line %d", (qstr)e[0], (int)e[1]);
                if (e[2] == MP_QSTRnull) {
                    mp_print_str(print, "\n");
                } else {
                    mp_printf(print, ", in %q\n", (qstr)e[2]);
                }
            }
        }
    }
}

/******************************************************************************/
// Raising

NORETURN void mp_raise_type(const mp_obj_type_t *exc_type) {
    nlr_raise(mp_obj_new_exception(exc_type));
}

NORETURN void mp_raise_msg(const mp_obj_type_t *exc_type, mp_rom_error_text_t msg) {
    nlr_raise(mp_obj_new_exception_msg(exc_type, msg));
}

NORETURN void mp_raise_msg_varg(const mp_obj_type_t *exc_type, mp_rom_error_text_t fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    mp_obj_t exc = new_exception_msg_vlist(exc_type, fmt, ap);
    va_end(ap);
    nlr_raise(exc);
}

NORETURN void mp_raise_ValueError(mp_rom_error_text_t msg) {
    mp_raise_msg(&mp_type_ValueError, msg);
}

NORETURN void mp_raise_TypeError(mp_rom_error_text_t msg) {
    mp_raise_msg(&mp_type_TypeError, msg);
}

NORETURN void mp_raise_NotImplementedError(mp_rom_error_text_t msg) {
    mp_raise_msg(&mp_type_NotImplementedError, msg);
}

NORETURN void mp_raise_OSError(int errno_) {
    nlr_raise(mp_obj_new_exception_arg1(&mp_type_OSError, MP_OBJ_NEW_SMALL_INT(errno_)));
}

NORETURN void mp_raise_StopIteration(mp_obj_t arg) {
    if (arg == MP_OBJ_NULL) {
        mp_raise_type(&mp_type_StopIteration);
    }
    nlr_raise(mp_obj_new_exception_arg1(&mp_type_StopIteration, arg));
}

NORETURN void mp_raise_recursion_depth(void) {
    mp_raise_msg(&mp_type_RuntimeError, MP_ERROR_TEXT("maximum recursion depth exceeded"));
}
