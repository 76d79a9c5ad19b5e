// text.c: SIMD benchmark program (plain C loops that clang -O2 -msimd128 auto-vectorises into
// i8x16/i32x4 code): byte and integer array passes of a text-processing job over 64 KiB of
// generated mixed-case text, N rounds: ASCII lowercasing, counting a byte (the inner loop of a
// memchr-like scan), a byte-class count, and the min, max and sum of an int32 array of word
// lengths. All integer, so both builds agree exactly.
#include <string.h>

#include "../bench.h"

#define LEN (64 * 1024)
#define WORDS 8192

static uint8_t text[LEN], lower[LEN];
static int32_t lengths[WORDS], scaled[WORDS];

// lower = ASCII lowercase of text.
static void to_lower(void) {
    for (int i = 0; i < LEN; i++) {
        uint8_t c = text[i];
        lower[i] = (uint8_t)(c - 'A' < 26u ? c + 32 : c);
    }
}

// How many bytes of `p[0, len)` equal `byte`.
static uint32_t count_byte(const uint8_t *p, uint32_t len, uint8_t byte) {
    uint32_t count = 0;
    for (uint32_t i = 0; i < len; i++) count += p[i] == byte;
    return count;
}

// How many bytes are vowels (a, e, i, o, u) after lowercasing.
static uint32_t count_vowels(void) {
    uint32_t count = 0;
    for (int i = 0; i < LEN; i++) {
        uint8_t c = lower[i];
        count += (c == 'a') | (c == 'e') | (c == 'i') | (c == 'o') | (c == 'u');
    }
    return count;
}

// XOR of all bytes, folded 4 at a time (an order-free reduction).
static uint32_t xor_fold(void) {
    uint32_t acc = 0;
    for (int i = 0; i < LEN; i += 4) {
        uint32_t w;
        memcpy(&w, lower + i, 4);
        acc ^= w;
    }
    return acc;
}

// Word lengths of `lower`: a word ends at a space (a scalar pass, the part that does not vectorise).
static uint32_t split_words(void) {
    uint32_t words = 0, start = 0;
    for (uint32_t i = 0; i < LEN && words < WORDS; i++)
        if (lower[i] == ' ') {
            lengths[words++] = (int32_t)(i - start);
            start = i + 1;
        }
    return words;
}

// Min, max and sum of lengths[0, words), then scaled = lengths * 3 - min: vectorised reductions
// and a map over int32.
static uint64_t length_stats(uint32_t words) {
    int32_t lo = INT32_MAX, hi = INT32_MIN;
    uint32_t sum = 0;
    for (uint32_t i = 0; i < words; i++) {
        int32_t v = lengths[i];
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
        sum += (uint32_t)v;
    }
    for (uint32_t i = 0; i < words; i++) scaled[i] = lengths[i] * 3 - lo;
    uint32_t scaled_sum = 0;
    for (uint32_t i = 0; i < words; i++) scaled_sum += (uint32_t)scaled[i];
    return ((uint64_t)(uint32_t)lo << 48) ^ ((uint64_t)(uint32_t)hi << 32) ^ sum ^ ((uint64_t)scaled_sum << 8);
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 150);
    Rng rng = rng_new(0x7e47);
    for (int i = 0; i < LEN; i++) {
        uint32_t r = rng_below(&rng, 40);
        text[i] = (uint8_t)(r < 6 ? ' ' : r < 20 ? 'a' + rng_below(&rng, 26) : r < 34 ? 'A' + rng_below(&rng, 26) : r < 36 ? '\n' : '0' + r);
    }
    // Self-check: no uppercase letter survives lowercasing.
    to_lower();
    for (int c = 'A'; c <= 'Z'; c++)
        if (count_byte(lower, LEN, (uint8_t)c)) bench_fail("uppercase after to_lower");

    uint64_t checksum = 0;
    for (uint32_t round = 0; round < n; round++) {
        to_lower();
        checksum = mix(checksum, count_byte(lower, LEN, ' '));
        checksum = mix(checksum, count_byte(text, LEN, (uint8_t)('A' + round % 26)));
        checksum = mix(checksum, count_vowels());
        checksum = mix(checksum, xor_fold());
        checksum = mix(checksum, length_stats(split_words()));
        // Flip the case of a stretch of letters so the next round differs.
        uint32_t at = rng_below(&rng, LEN - 512);
        for (uint32_t i = at; i < at + 512; i++)
            if ((uint8_t)((text[i] | 32) - 'a') < 26) text[i] ^= 32;
    }
    bench_checksum(checksum);
    return 0;
}
