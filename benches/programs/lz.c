// lz.c: benchmark program: an LZ77-style compressor (hash-chain match finder over a 64 KiB window)
// and its decompressor, round-tripping N generated, somewhat compressible 256 KiB inputs; every
// round trip is verified byte for byte.
#include <string.h>

#include "bench.h"

// Compressed format, a sequence of tokens:
//   0LLLLLLL                        a run of L+1 literal bytes (1..128) follows
//   1LLLLLLL DDDDDDDD DDDDDDDD      a match of L+MIN_MATCH bytes at distance D+1 (little endian)
enum {
    INPUT = 256 * 1024,
    WINDOW = 64 * 1024,
    MIN_MATCH = 4,
    MAX_MATCH = 127 + MIN_MATCH,
    HASH_BITS = 15,
    MAX_CHAIN = 24,
};

static uint8_t input[INPUT], packed[INPUT + INPUT / 128 + 16], output[INPUT];
static int32_t head[1 << HASH_BITS];
static int32_t prev[INPUT];

static uint32_t hash4(const uint8_t *p) {
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return (v * 2654435761u) >> (32 - HASH_BITS);
}

static size_t flush_literals(const uint8_t *src, size_t count, uint8_t *dst) {
    size_t out = 0;
    while (count > 0) {
        size_t run = count < 128 ? count : 128;
        dst[out++] = (uint8_t)(run - 1);
        memcpy(dst + out, src, run);
        out += run;
        src += run;
        count -= run;
    }
    return out;
}

static size_t compress(const uint8_t *src, size_t len, uint8_t *dst) {
    for (size_t i = 0; i < (1u << HASH_BITS); i++) head[i] = -1;
    size_t out = 0, pos = 0, literal_start = 0;
    while (pos + MIN_MATCH <= len) {
        uint32_t h = hash4(src + pos);
        size_t best_len = 0, best_dist = 0;
        size_t limit = len - pos < MAX_MATCH ? len - pos : MAX_MATCH;
        int32_t candidate = head[h];
        for (int chain = 0; candidate >= 0 && chain < MAX_CHAIN; chain++) {
            size_t dist = pos - (size_t)candidate;
            if (dist > WINDOW) break;
            const uint8_t *a = src + candidate, *b = src + pos;
            if (a[best_len] == b[best_len]) {
                size_t l = 0;
                while (l < limit && a[l] == b[l]) l++;
                if (l > best_len) {
                    best_len = l;
                    best_dist = dist;
                    if (l == limit) break;
                }
            }
            candidate = prev[candidate];
        }
        prev[pos] = head[h];
        head[h] = (int32_t)pos;
        if (best_len >= MIN_MATCH) {
            out += flush_literals(src + literal_start, pos - literal_start, dst + out);
            dst[out++] = (uint8_t)(0x80 | (best_len - MIN_MATCH));
            dst[out++] = (uint8_t)(best_dist - 1);
            dst[out++] = (uint8_t)((best_dist - 1) >> 8);
            // Index the positions inside the match too, so later matches can start there.
            for (size_t k = 1; k < best_len && pos + k + MIN_MATCH <= len; k++) {
                uint32_t hk = hash4(src + pos + k);
                prev[pos + k] = head[hk];
                head[hk] = (int32_t)(pos + k);
            }
            pos += best_len;
            literal_start = pos;
        } else {
            pos++;
        }
    }
    out += flush_literals(src + literal_start, len - literal_start, dst + out);
    return out;
}

// Returns the decompressed length, or (size_t)-1 on a malformed stream.
static size_t decompress(const uint8_t *src, size_t len, uint8_t *dst, size_t cap) {
    size_t in = 0, out = 0;
    while (in < len) {
        uint8_t token = src[in++];
        if (token & 0x80) {
            if (in + 2 > len) return (size_t)-1;
            size_t count = (size_t)(token & 0x7f) + MIN_MATCH;
            size_t dist = ((size_t)src[in] | (size_t)src[in + 1] << 8) + 1;
            in += 2;
            if (dist > out || out + count > cap) return (size_t)-1;
            // Byte by byte: a match may overlap the bytes it produces.
            for (size_t k = 0; k < count; k++, out++) dst[out] = dst[out - dist];
        } else {
            size_t count = (size_t)token + 1;
            if (in + count > len || out + count > cap) return (size_t)-1;
            memcpy(dst + out, src + in, count);
            in += count;
            out += count;
        }
    }
    return out;
}

// Text-like data: words from a small vocabulary, numbers, occasional random bytes and repeats of
// recent stretches, so the compressor finds matches of many lengths and distances.
static void generate(Rng *rng, uint8_t *dst, size_t len) {
    static const char *const words[] = {"the ", "quick ", "brown ", "fox ", "jumps ", "over ", "lazy ",
                                        "dog ", "packet ", "header ", "window ", "match ", "literal ",
                                        "offset ", "stream ", "compress ", "\n", ", ", ". "};
    size_t pos = 0;
    while (pos < len) {
        uint32_t pick = rng_below(rng, 100);
        if (pick < 70) {
            const char *w = words[rng_below(rng, sizeof words / sizeof *words)];
            while (*w && pos < len) dst[pos++] = (uint8_t)*w++;
        } else if (pick < 85) {
            uint32_t v = rng_below(rng, 100000);
            do dst[pos++] = (uint8_t)('0' + v % 10);
            while ((v /= 10) && pos < len);
        } else if (pick < 93 && pos > 1000) {
            size_t back = 1 + rng_below(rng, 1000), count = 8 + rng_below(rng, 200);
            for (size_t k = 0; k < count && pos < len; k++, pos++) dst[pos] = dst[pos - back];
        } else {
            size_t count = 1 + rng_below(rng, 8);
            for (size_t k = 0; k < count && pos < len; k++) dst[pos++] = (uint8_t)rng_next(rng);
        }
    }
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 40);
    Rng rng = rng_new(0x1277);
    uint64_t checksum = 0;
    for (uint32_t round = 0; round < n; round++) {
        size_t len = INPUT - round % 1000;
        generate(&rng, input, len);
        size_t packed_len = compress(input, len, packed);
        memset(output, 0, len);
        size_t unpacked = decompress(packed, packed_len, output, sizeof output);
        if (unpacked != len || memcmp(input, output, len) != 0) bench_fail("round trip");
        checksum = mix(checksum, packed_len);
        for (size_t i = 0; i < packed_len; i += 97) checksum = mix(checksum, packed[i]);
    }
    bench_checksum(checksum);
    return 0;
}
