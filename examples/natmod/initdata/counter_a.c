// Two objects with static variables of the same names (counter_b.c has
// its own): each object keeps its own.
#include "counters.h"

static int count = 10;
static int total;

int counter_a_next(void) {
    total += count;
    return ++count;
}

int counter_a_total(void) {
    return total;
}
