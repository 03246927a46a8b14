// Packed machine values: the element types of array.array, memoryview and
// the struct module's values at a byte pointer with a byte order, as
// MicroPython's binary.c: typecodes b B h H i I l L q Q f d P O S, struct
// types '@' (native sizes and alignment), '<' and '>' (standard sizes, no
// alignment). Any other struct type has no sizes: "bad typecode", as in
// MicroPython (whose struct module passes '=' through to here).
#include <stdalign.h>
#include <string.h>

#include "runtime/objint.h"

// bytearray's element typecode (MicroPython's BYTEARRAY_TYPECODE).
#define BYTEARRAY_TYPECODE 1

size_t mp_binary_get_size(char struct_type, char val_type, size_t *palign) {
    size_t size = 0, align = 1;
    bool native = struct_type == '@';
    if (!native && struct_type != '<' && struct_type != '>') {
        val_type = 0; // no sizes for this struct type
    }
    switch (val_type) {
        case BYTEARRAY_TYPECODE:
            if (!native) {
                break;
            }
            size = 1;
            break;
        case 'b':
        case 'B':
            size = 1;
            break;
        case 'h':
        case 'H':
            size = 2;
            align = alignof(short);
            break;
        case 'i':
        case 'I':
            size = native ? sizeof(int) : 4;
            align = alignof(int);
            break;
        case 'l':
        case 'L':
            size = native ? sizeof(long) : 4;
            align = alignof(long);
            break;
        case 'q':
        case 'Q':
            size = 8;
            align = alignof(long long);
            break;
        case 'P':
        case 'O':
        case 'S':
            size = sizeof(void *);
            align = alignof(void *);
            break;
        case 'f':
            size = sizeof(float);
            align = alignof(float);
            break;
        case 'd':
            size = sizeof(double);
            align = alignof(double);
            break;
    }
    if (size == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("bad typecode"));
    }
    if (palign != NULL) {
        *palign = native ? align : 1;
    }
    return size;
}

static bool binary_is_signed(char val_type) {
    return val_type == 'b' || val_type == 'h' || val_type == 'i' || val_type == 'l' || val_type == 'q';
}

// An int object for the size-byte integer at p (host byte order when
// big_endian matches the host).
static mp_obj_t binary_int_at(const byte *p, size_t size, bool big_endian, bool is_signed) {
    uint64_t v = 0;
    for (size_t i = 0; i < size; i++) {
        byte b = big_endian ? p[i] : p[size - 1 - i];
        v = (v << 8) | b;
    }
    if (is_signed) {
        if (size < 8 && (v >> (8 * size - 1)) & 1) {
            v |= ~(uint64_t)0 << (8 * size);
        }
        return mp_obj_new_int_from_ll((long long)v);
    }
    return mp_obj_new_int_from_ull(v);
}

static void binary_store_int(byte *p, size_t size, bool big_endian, mp_obj_t val) {
    if (mp_obj_is_exact_type(val, &mp_type_int)) {
        mp_obj_int_to_bytes_impl(val, big_endian, size, p);
        return;
    }
    uint64_t v = (uint64_t)(int64_t)mp_obj_get_int_truncated(val);
    for (size_t i = 0; i < size; i++) {
        p[big_endian ? size - 1 - i : i] = (byte)(v >> (8 * i));
    }
}

static mp_obj_t binary_get(char val_type, const byte *p, size_t size, bool big_endian) {
    switch (val_type) {
        case 'f':
        case 'd': {
            byte tmp[8]; // the value in host byte order
            for (size_t i = 0; i < size; i++) {
                tmp[i] = big_endian == MP_ENDIANNESS_BIG ? p[i] : p[size - 1 - i];
            }
            if (val_type == 'f') {
                float f;
                memcpy(&f, tmp, sizeof(f));
                return mp_obj_new_float(f);
            }
            double d;
            memcpy(&d, tmp, sizeof(d));
            return mp_obj_new_float(d);
        }
        case 'O': {
            mp_obj_t o;
            memcpy(&o, p, sizeof(o));
            return o;
        }
        case 'S': {
            const char *s;
            memcpy(&s, p, sizeof(s));
            return mp_obj_new_str(s, strlen(s));
        }
        default:
            return binary_int_at(p, size, big_endian, binary_is_signed(val_type));
    }
}

static void binary_set(char val_type, byte *p, size_t size, bool big_endian, mp_obj_t val) {
    switch (val_type) {
        case 'f':
        case 'd': {
            byte tmp[8];
            if (val_type == 'f') {
                float f = (float)mp_obj_get_float(val);
                memcpy(tmp, &f, sizeof(f));
            } else {
                double d = mp_obj_get_float(val);
                memcpy(tmp, &d, sizeof(d));
            }
            bool swap = big_endian != MP_ENDIANNESS_BIG;
            for (size_t i = 0; i < size; i++) {
                p[i] = swap ? tmp[size - 1 - i] : tmp[i];
            }
            return;
        }
        case 'O':
            memcpy(p, &val, sizeof(val));
            return;
        default:
            binary_store_int(p, size, big_endian, val);
    }
}

mp_obj_t mp_binary_get_val_array(char typecode, void *p, size_t index) {
    size_t size = mp_binary_get_size('@', typecode, NULL);
    return binary_get(typecode, (const byte *)p + index * size, size, MP_ENDIANNESS_BIG);
}

void mp_binary_set_val_array(char typecode, void *p, size_t index, mp_obj_t val_in) {
    size_t size = mp_binary_get_size('@', typecode, NULL);
    binary_set(typecode, (byte *)p + index * size, size, MP_ENDIANNESS_BIG, val_in);
}

// Native ('@') values are aligned relative to p_base; *ptr moves past the
// value.
static byte *binary_place(char struct_type, char val_type, byte *p_base, byte **ptr, size_t *size,
    bool *big_endian) {
    size_t align;
    *size = mp_binary_get_size(struct_type, val_type, &align);
    byte *p = *ptr;
    if (struct_type == '@') {
        size_t off = (size_t)(p - p_base);
        p = p_base + (off + align - 1) / align * align;
    }
    *ptr = p + *size;
    *big_endian = struct_type == '>' ? true : struct_type == '<' ? false : MP_ENDIANNESS_BIG;
    return p;
}

mp_obj_t mp_binary_get_val(char struct_type, char val_type, byte *p_base, byte **ptr) {
    size_t size;
    bool big_endian;
    byte *p = binary_place(struct_type, val_type, p_base, ptr, &size, &big_endian);
    return binary_get(val_type, p, size, big_endian);
}

void mp_binary_set_val(char struct_type, char val_type, mp_obj_t val_in, byte *p_base, byte **ptr) {
    size_t size;
    bool big_endian;
    byte *p = binary_place(struct_type, val_type, p_base, ptr, &size, &big_endian);
    binary_set(val_type, p, size, big_endian, val_in);
}
