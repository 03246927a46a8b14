// The same names as counter_a.c, other values.
#include "counters.h"

static int count = 20;
static int total;

int counter_b_next(void) {
    total += count;
    count += 2;
    return count;
}

int counter_b_total(void) {
    return total;
}
