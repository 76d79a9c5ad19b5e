// bench.h: what every benchmark program shares: reading the scale N from the command line, a
// deterministic pseudo-random generator, and printing the one `checksum: <unsigned>` line.
#ifndef BENCH_H
#define BENCH_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

// The scale N: argv[1] if given (a positive decimal number), else `fallback`. Anything else
// prints a usage line to stderr and exits with status 2.
static inline uint32_t bench_scale(int argc, char **argv, uint32_t fallback) {
    if (argc < 2) return fallback;
    char *end;
    unsigned long n = strtoul(argv[1], &end, 10);
    if (argc > 2 || end == argv[1] || *end != '\0' || n == 0 || n > 0xffffffffUL) {
        fprintf(stderr, "usage: %s [N]   (N: a positive scale, default %" PRIu32 ")\n", argv[0], fallback);
        exit(2);
    }
    return (uint32_t)n;
}

// Reports a failed self-check on stderr and exits with status 1.
static inline void bench_fail(const char *what) {
    fprintf(stderr, "self-check failed: %s\n", what);
    exit(1);
}

// Prints the result line every program ends with.
static inline void bench_checksum(uint64_t checksum) {
    printf("checksum: %" PRIu64 "\n", checksum);
}

// xorshift64* generator: deterministic, seeded by the program itself, never by the host.
typedef struct {
    uint64_t state;
} Rng;

static inline Rng rng_new(uint64_t seed) {
    Rng r = {seed ? seed : 0x9e3779b97f4a7c15ULL};
    return r;
}

static inline uint64_t rng_next(Rng *r) {
    r->state ^= r->state >> 12;
    r->state ^= r->state << 25;
    r->state ^= r->state >> 27;
    return r->state * 0x2545f4914f6cdd1dULL;
}

// A number in [0, bound), bound > 0 (slightly biased, which does not matter here).
static inline uint32_t rng_below(Rng *r, uint32_t bound) {
    return (uint32_t)((rng_next(r) >> 32) % bound);
}

// Mixes `value` into a running 64-bit checksum (order-sensitive).
static inline uint64_t mix(uint64_t acc, uint64_t value) {
    acc ^= value + 0x9e3779b97f4a7c15ULL + (acc << 6) + (acc >> 2);
    return acc;
}

#endif
