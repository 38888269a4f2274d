/* A small, fast, reproducible generator for the generated-input tests:
 * Marsaglia's xorshift64 (13, 7, 17).  Each test keeps its own state and
 * seed, so a failing case is the same on every run.  The state must not
 * be 0. */
#ifndef XORSHIFT_H
#define XORSHIFT_H

#include <stdint.h>

static inline uint64_t xorshift64(uint64_t *state)
{
    uint64_t s = *state;
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return *state = s;
}

#endif
