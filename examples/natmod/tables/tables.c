// tables: read-only data (rodata) and zero-initialised data (BSS).
//
// Constant tables, strings and tables of pointers go to rodata; the loader
// relocates the pointers. Writable state must be a global without an
// initialiser (BSS): native modules have no .data section, and a `static`
// variable at file scope would be a static BSS symbol, which the linker of
// MicroPython v1.21 does not support either. Initialise BSS in mpy_init.
//
//     import tables
//     tables.sine(90)              # 1000: sin(90 deg) * 1000, from a table
//     tables.note_name(61)         # 'C#4'
//     tables.record(3); tables.record(3); tables.record(7)
//     tables.histogram()           # [0, 0, 0, 2, 0, 0, 0, 1]
//     tables.calls()               # 5: calls counted in BSS
//     tables.clear()
#include "py/dynruntime.h"

// rodata: sin(d) * 1000 for d = 0, 5, ..., 90 degrees.
const int16_t sine_table[19] = {
    0, 87, 174, 259, 342, 423, 500, 574, 643, 707,
    766, 819, 866, 906, 940, 966, 985, 996, 1000,
};

// rodata: strings, and a table of pointers to them (relocated at load time).
const char *const note_names[12] = {
    "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B",
};

// BSS: module state, zero when the module is loaded.
uint16_t histogram_bins[8];
mp_uint_t call_count;

// BSS data reached through a pointer in rodata.
mp_uint_t *const counters[1] = { &call_count };

// sin(degrees) * 1000 for any whole number of degrees, using the symmetry of
// sine and linear interpolation between the 5-degree table entries.
STATIC mp_obj_t sine(mp_obj_t deg_in) {
    mp_int_t deg = mp_obj_get_int(deg_in);
    ++*counters[0];
    // Reduce to 0..359 without a division (modulo needs a helper routine on
    // some cores).
    while (deg < 0) {
        deg += 360;
    }
    while (deg >= 360) {
        deg -= 360;
    }
    int sign = 1;
    if (deg >= 180) {
        deg -= 180;
        sign = -1;
    }
    if (deg > 90) {
        deg = 180 - deg;
    }
    // Index and remainder of deg / 5, by repeated subtraction.
    int idx = 0;
    while (deg >= 5) {
        deg -= 5;
        ++idx;
    }
    int value = sine_table[idx];
    if (deg != 0) {
        value += (sine_table[idx + 1] - value) * deg * 13 >> 6; // * deg / 5 (13/64 ~ 1/5)
    }
    return mp_obj_new_int(sign * value);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(sine_obj, sine);

// Name of a MIDI note number, e.g. 60 -> 'C4'.
STATIC mp_obj_t note_name(mp_obj_t note_in) {
    mp_int_t note = mp_obj_get_int(note_in);
    ++*counters[0];
    if (note < 0 || note > 127) {
        mp_raise_ValueError(MP_ERROR_TEXT("note must be 0-127"));
    }
    int octave = -1;
    while (note >= 12) {
        note -= 12;
        ++octave;
    }
    const char *name = note_names[note];
    char buf[6];
    size_t len = 0;
    while (name[len] != '\0') {
        buf[len] = name[len];
        ++len;
    }
    if (octave < 0) {
        buf[len++] = '-';
        buf[len++] = '1';
    } else {
        buf[len++] = '0' + octave;
    }
    return mp_obj_new_str(buf, len);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(note_name_obj, note_name);

// Count a value 0..7 in the BSS histogram.
STATIC mp_obj_t record(mp_obj_t value_in) {
    mp_int_t value = mp_obj_get_int(value_in);
    ++*counters[0];
    if (value < 0 || value >= (mp_int_t)MP_ARRAY_SIZE(histogram_bins)) {
        mp_raise_ValueError(MP_ERROR_TEXT("value must be 0-7"));
    }
    ++histogram_bins[value];
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(record_obj, record);

STATIC mp_obj_t histogram(void) {
    mp_obj_t items[MP_ARRAY_SIZE(histogram_bins)];
    for (size_t i = 0; i < MP_ARRAY_SIZE(histogram_bins); ++i) {
        items[i] = MP_OBJ_NEW_SMALL_INT(histogram_bins[i]);
    }
    return mp_obj_new_list(MP_ARRAY_SIZE(items), items);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(histogram_obj, histogram);

STATIC mp_obj_t calls(void) {
    return mp_obj_new_int_from_uint(call_count);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(calls_obj, calls);

STATIC mp_obj_t clear(void) {
    // Through a volatile pointer, so that the compiler does not turn the loop
    // into a call to memset (a function the module would have to link with).
    volatile uint16_t *bins = histogram_bins;
    for (size_t i = 0; i < MP_ARRAY_SIZE(histogram_bins); ++i) {
        bins[i] = 0;
    }
    call_count = 0;
    return mp_const_none;
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(clear_obj, clear);

mp_obj_t mpy_init(mp_obj_fun_bc_t *self, size_t n_args, size_t n_kw, mp_obj_t *args) {
    MP_DYNRUNTIME_INIT_ENTRY

    // BSS is zeroed by the loader, but a module that is imported again gets
    // a fresh copy anyway; clearing here keeps the intent explicit.
    clear();

    mp_store_global(MP_QSTR_sine, MP_OBJ_FROM_PTR(&sine_obj));
    mp_store_global(MP_QSTR_note_name, MP_OBJ_FROM_PTR(&note_name_obj));
    mp_store_global(MP_QSTR_record, MP_OBJ_FROM_PTR(&record_obj));
    mp_store_global(MP_QSTR_histogram, MP_OBJ_FROM_PTR(&histogram_obj));
    mp_store_global(MP_QSTR_calls, MP_OBJ_FROM_PTR(&calls_obj));
    mp_store_global(MP_QSTR_clear, MP_OBJ_FROM_PTR(&clear_obj));

    MP_DYNRUNTIME_INIT_EXIT
}
