// multi: declarations shared by the three objects of the module.
#ifndef MULTI_H
#define MULTI_H

#define MULTI_N_ENTRIES (3)

typedef struct _multi_entry_t {
    qstr_t name;
    const void *obj;
} multi_entry_t;

extern mp_int_t multi_main_total;
extern const int16_t multi_table[8];
extern mp_int_t multi_log[16];
extern size_t multi_log_len;
extern multi_entry_t multi_entries[MULTI_N_ENTRIES];

mp_int_t multi_util_scale(mp_int_t v, mp_int_t k);
mp_int_t multi_util_count(void);
void multi_data_log(mp_int_t v);
void multi_data_init(void);

#endif
