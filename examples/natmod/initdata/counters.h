// The functions of counter_a.c and counter_b.c.
int counter_a_next(void);
int counter_a_total(void);
int counter_b_next(void);
int counter_b_total(void);
