// The time module of MicroPython v1.21's unix port (importable as utime
// too): time() (float seconds), time_ns(), clock(), sleep(s), sleep_ms,
// sleep_us, the ticks counters and their arithmetic, gmtime, localtime and
// mktime over the C library (9-tuples: year, month, mday, hour, minute,
// second, weekday 0-6 from Monday, yearday 1-366, isdst).
//
// ticks_ms/ticks_us/ticks_cpu count modulo TICKS_PERIOD, the small-int
// range (2**62 on 64-bit hosts, 2**30 on 32-bit ones); ticks_diff gives the
// signed difference in [-PERIOD/2, PERIOD/2), ticks_add wraps and refuses
// a delta that ticks_diff could not give back. ticks_cpu is always 0, as on
// the unix port.
#include <math.h>
#include <sys/time.h>
#include <time.h>

#include "runtime/platform.h"
#include "runtime/runtime.h"

#define TICKS_PERIOD ((mp_uint_t)MP_SMALL_INT_MAX + 1)

static mp_obj_t time_time(void) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return mp_obj_new_float((mp_float_t)tv.tv_sec + (mp_float_t)tv.tv_usec / 1000000);
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_time_obj, time_time);

static mp_obj_t time_time_ns(void) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return mp_obj_new_int_from_ull((unsigned long long)tv.tv_sec * 1000000000ULL
        + (unsigned long long)tv.tv_usec * 1000ULL);
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_time_ns_obj, time_time_ns);

// Processor time in seconds (deprecated in CPython, kept by the unix port).
static mp_obj_t time_clock(void) {
    return mp_obj_new_float((mp_float_t)(clock() / 1000) / ((mp_float_t)CLOCKS_PER_SEC / 1000));
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_clock_obj, time_clock);

// Sleeps for sec seconds and nsec nanoseconds. Under a loop hook (a host
// that bounds how long untrusted code runs, as the fuzz targets do) the
// sleep goes in slices of 10 ms with the hook called before each, so the
// hook can end it.
static void time_nanosleep(mp_uint_t sec, long nsec) {
    uint64_t ns = (uint64_t)sec * 1000000000u + (uint64_t)nsec;
    if (mp_state.loop_hook == NULL) {
        platform_sleep_ns(ns);
        return;
    }
    const uint64_t slice_ns = 10000000u;
    while (ns > 0) {
        mp_hook_loop();
        uint64_t step = ns < slice_ns ? ns : slice_ns;
        platform_sleep_ns(step);
        ns -= step;
    }
}

// sleep(seconds): a float; a negative one is refused (EINVAL), as by the
// unix port's select.
static mp_obj_t time_sleep(mp_obj_t arg) {
    mp_float_t val = mp_obj_get_float(arg);
    if (!(val >= 0)) {
        mp_raise_OSError(MP_EINVAL);
    }
    if (val > (mp_float_t)UINT32_MAX) {
        val = (mp_float_t)UINT32_MAX; // 136 years: as good as forever, and no overflow
    }
    mp_float_t ipart;
    long usec = (long)round(modf(val, &ipart) * 1000000.0);
    mp_uint_t sec = (mp_uint_t)ipart;
    if (usec >= 1000000L) {
        sec++;
        usec -= 1000000L;
    }
    time_nanosleep(sec, usec * 1000L);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(time_sleep_obj, time_sleep);

// Sleeps for n units of 1/per_sec seconds; n <= 0 returns at once.
static void time_sleep_units(mp_obj_t n_in, mp_uint_t per_sec) {
    mp_int_t n = mp_obj_get_int(n_in);
    if (n > 0) {
        time_nanosleep((mp_uint_t)n / per_sec, (long)((mp_uint_t)n % per_sec) * (long)(1000000000 / per_sec));
    }
}

static mp_obj_t time_sleep_ms(mp_obj_t arg) {
    time_sleep_units(arg, 1000);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(time_sleep_ms_obj, time_sleep_ms);

static mp_obj_t time_sleep_us(mp_obj_t arg) {
    time_sleep_units(arg, 1000000);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(time_sleep_us_obj, time_sleep_us);

// The monotonic clock in units of 1/per_sec seconds, in machine words (so
// wrapping as the unix port's counters do).
static mp_uint_t time_monotonic(mp_uint_t per_sec) {
    uint64_t ns = platform_monotonic_ns();
    return (mp_uint_t)(ns / 1000000000u) * per_sec + (mp_uint_t)(ns % 1000000000u / (1000000000u / per_sec));
}

static mp_obj_t time_ticks_ms(void) {
    return MP_OBJ_NEW_SMALL_INT(time_monotonic(1000) & (TICKS_PERIOD - 1));
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_ticks_ms_obj, time_ticks_ms);

static mp_obj_t time_ticks_us(void) {
    return MP_OBJ_NEW_SMALL_INT(time_monotonic(1000000) & (TICKS_PERIOD - 1));
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_ticks_us_obj, time_ticks_us);

static mp_obj_t time_ticks_cpu(void) {
    return MP_OBJ_NEW_SMALL_INT(0);
}
static MP_DEFINE_CONST_FUN_OBJ_0(time_ticks_cpu_obj, time_ticks_cpu);

// A ticks value: MicroPython takes the bits of a small int unchecked; any
// int gives its low bits here (what matters modulo the period), anything
// else is a TypeError.
static mp_uint_t time_ticks_arg(mp_obj_t arg) {
    return (mp_uint_t)mp_obj_get_int_truncated(arg);
}

static mp_obj_t time_ticks_diff(mp_obj_t end_in, mp_obj_t start_in) {
    mp_uint_t start = time_ticks_arg(start_in);
    mp_uint_t end = time_ticks_arg(end_in);
    // Moved forward by half a period, wrapped, moved back.
    mp_int_t diff = (mp_int_t)((end - start + TICKS_PERIOD / 2) & (TICKS_PERIOD - 1))
        - (mp_int_t)(TICKS_PERIOD / 2);
    return MP_OBJ_NEW_SMALL_INT(diff);
}
static MP_DEFINE_CONST_FUN_OBJ_2(time_ticks_diff_obj, time_ticks_diff);

static mp_obj_t time_ticks_add(mp_obj_t ticks_in, mp_obj_t delta_in) {
    mp_uint_t ticks = time_ticks_arg(ticks_in);
    mp_uint_t delta = (mp_uint_t)mp_obj_get_int(delta_in);
    // ticks_diff(ticks_add(T, d), T) == d and ticks_diff(T, ticks_add(T, d))
    // == -d must hold: -PERIOD/2 < d < PERIOD/2 (as an unsigned test).
    if (delta + TICKS_PERIOD / 2 - 1 >= TICKS_PERIOD - 1) {
        mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("ticks interval overflow"));
    }
    return MP_OBJ_NEW_SMALL_INT((ticks + delta) & (TICKS_PERIOD - 1));
}
static MP_DEFINE_CONST_FUN_OBJ_2(time_ticks_add_obj, time_ticks_add);

static mp_obj_t time_tm_tuple(const struct tm *tm) {
    int wday = tm->tm_wday - 1; // C counts from Sunday, MicroPython from Monday
    if (wday < 0) {
        wday = 6;
    }
    mp_obj_t items[9] = {
        mp_obj_new_int(tm->tm_year + 1900),
        MP_OBJ_NEW_SMALL_INT(tm->tm_mon + 1),
        MP_OBJ_NEW_SMALL_INT(tm->tm_mday),
        MP_OBJ_NEW_SMALL_INT(tm->tm_hour),
        MP_OBJ_NEW_SMALL_INT(tm->tm_min),
        MP_OBJ_NEW_SMALL_INT(tm->tm_sec),
        MP_OBJ_NEW_SMALL_INT(wday),
        MP_OBJ_NEW_SMALL_INT(tm->tm_yday + 1),
        MP_OBJ_NEW_SMALL_INT(tm->tm_isdst),
    };
    return mp_obj_new_tuple(9, items);
}

// gmtime([secs]) and localtime([secs]): secs (a number, truncated) or now.
static mp_obj_t time_gm_local_time(size_t n_args, const mp_obj_t *args, bool local) {
    time_t t;
    if (n_args == 0) {
        t = time(NULL);
    } else {
        mp_float_t val = trunc(mp_obj_get_float(args[0]));
        // Beyond time_t (32 or 64 bits), or not a number: no time.
        mp_float_t lim = sizeof(time_t) >= 8 ? 9.2e18 : 2147483647.0;
        if (!(val >= -lim - 1 && val <= lim)) {
            mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("timestamp out of range"));
        }
        t = (time_t)val;
    }
    struct tm tm;
    if ((local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm)) == NULL) {
        mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("timestamp out of range"));
    }
    return time_tm_tuple(&tm);
}

static mp_obj_t time_gmtime(size_t n_args, const mp_obj_t *args) {
    return time_gm_local_time(n_args, args, false);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(time_gmtime_obj, 0, 1, time_gmtime);

static mp_obj_t time_localtime(size_t n_args, const mp_obj_t *args) {
    return time_gm_local_time(n_args, args, true);
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(time_localtime_obj, 0, 1, time_localtime);

// mktime(tuple): the inverse of localtime; the tuple has 8 items (isdst
// found out) or 9.
static mp_obj_t time_mktime(mp_obj_t tuple) {
    size_t len;
    mp_obj_t *elem;
    mp_obj_get_array(tuple, &len, &elem);
    if (len < 8 || len > 9) {
        mp_raise_TypeError(MP_ERROR_TEXT("mktime needs a tuple of length 8 or 9"));
    }
    struct tm tm = {
        .tm_year = (int)(mp_obj_get_int(elem[0]) - 1900),
        .tm_mon = (int)(mp_obj_get_int(elem[1]) - 1),
        .tm_mday = (int)mp_obj_get_int(elem[2]),
        .tm_hour = (int)mp_obj_get_int(elem[3]),
        .tm_min = (int)mp_obj_get_int(elem[4]),
        .tm_sec = (int)mp_obj_get_int(elem[5]),
    };
    tm.tm_isdst = len == 9 ? (int)mp_obj_get_int(elem[8]) : -1;
    time_t ret = mktime(&tm);
    if (ret == -1) {
        mp_raise_msg(&mp_type_OverflowError, MP_ERROR_TEXT("invalid mktime usage"));
    }
    return mp_obj_new_int_from_ll((long long)ret);
}
static MP_DEFINE_CONST_FUN_OBJ_1(time_mktime_obj, time_mktime);

static const mp_rom_map_elem_t time_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_time) },
    { MP_ROM_QSTR(MP_QSTR_time), MP_ROM_PTR(&time_time_obj) },
    { MP_ROM_QSTR(MP_QSTR_time_ns), MP_ROM_PTR(&time_time_ns_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep), MP_ROM_PTR(&time_sleep_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep_ms), MP_ROM_PTR(&time_sleep_ms_obj) },
    { MP_ROM_QSTR(MP_QSTR_sleep_us), MP_ROM_PTR(&time_sleep_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_ms), MP_ROM_PTR(&time_ticks_ms_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_us), MP_ROM_PTR(&time_ticks_us_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_cpu), MP_ROM_PTR(&time_ticks_cpu_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_add), MP_ROM_PTR(&time_ticks_add_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticks_diff), MP_ROM_PTR(&time_ticks_diff_obj) },
    { MP_ROM_QSTR(MP_QSTR_clock), MP_ROM_PTR(&time_clock_obj) },
    { MP_ROM_QSTR(MP_QSTR_gmtime), MP_ROM_PTR(&time_gmtime_obj) },
    { MP_ROM_QSTR(MP_QSTR_localtime), MP_ROM_PTR(&time_localtime_obj) },
    { MP_ROM_QSTR(MP_QSTR_mktime), MP_ROM_PTR(&time_mktime_obj) },
};
static MP_DEFINE_CONST_DICT(time_dict, time_table);

const mp_obj_module_t mp_module_time = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&time_dict,
};
