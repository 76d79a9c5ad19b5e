// scan.c: SIMD benchmark program (hand-written <wasm_simd128.h> i8x16 intrinsics, with a scalar C
// path for builds without -msimd128): a CSV-like byte scanner over 128 KiB of generated text. It
// finds every delimiter (',' and '\n') 16 bytes at a time with i8x16 compares and a bitmask, hashes
// the field lengths and line numbers it finds, counts digits with a range compare, and computes an
// Adler-32 of the buffer; then it mutates the text and scans again, N times.
#include <string.h>

#include "../bench.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#define LEN (128 * 1024)

static uint8_t text[LEN + 16];

typedef struct {
    uint32_t lines, fields, digits;
    uint64_t shape;  // a hash of every field's length and whether it ended a line
} Scan;

// Records a delimiter at `pos`: the field before it runs from `*start`.
static inline void delimiter(Scan *s, uint32_t pos, uint32_t *start, uint8_t byte) {
    uint32_t newline = byte == '\n';
    s->shape = s->shape * 0x100000001b3ULL + ((pos - *start) << 1 | newline);
    s->fields++;
    s->lines += newline;
    *start = pos + 1;
}

static Scan scan(void) {
    Scan s = {0, 0, 0, 0xcbf29ce484222325ULL};
    uint32_t start = 0, i = 0;
#ifdef __wasm_simd128__
    const v128_t comma = wasm_i8x16_splat(','), nl = wasm_i8x16_splat('\n');
    const v128_t zero = wasm_i8x16_splat('0'), ten = wasm_i8x16_splat(10);
    v128_t digits = wasm_i8x16_splat(0);
    uint32_t batch = 0;
    for (; i + 16 <= LEN; i += 16) {
        v128_t v = wasm_v128_load(text + i);
        uint32_t mask = wasm_i8x16_bitmask(wasm_v128_or(wasm_i8x16_eq(v, comma), wasm_i8x16_eq(v, nl)));
        while (mask) {
            uint32_t bit = (uint32_t)__builtin_ctz(mask);
            delimiter(&s, i + bit, &start, text[i + bit]);
            mask &= mask - 1;
        }
        // A digit is a byte with (byte - '0') < 10 unsigned; each true lane is -1, so subtracting counts.
        digits = wasm_i8x16_sub(digits, wasm_u8x16_lt(wasm_i8x16_sub(v, zero), ten));
        if (++batch == 255) {  // flush the u8 counters before they can wrap
            v128_t wide = wasm_u16x8_extadd_pairwise_u8x16(digits);
            wide = wasm_u32x4_extadd_pairwise_u16x8(wide);
            s.digits += wasm_u32x4_extract_lane(wide, 0) + wasm_u32x4_extract_lane(wide, 1) +
                        wasm_u32x4_extract_lane(wide, 2) + wasm_u32x4_extract_lane(wide, 3);
            digits = wasm_i8x16_splat(0);
            batch = 0;
        }
    }
    v128_t wide = wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(digits));
    s.digits += wasm_u32x4_extract_lane(wide, 0) + wasm_u32x4_extract_lane(wide, 1) +
                wasm_u32x4_extract_lane(wide, 2) + wasm_u32x4_extract_lane(wide, 3);
#endif
    for (; i < LEN; i++) {
        uint8_t c = text[i];
        if (c == ',' || c == '\n') delimiter(&s, i, &start, c);
        s.digits += (uint8_t)(c - '0') < 10;
    }
    return s;
}

// Adler-32 of the text, in blocks of 4096 bytes (short enough that the sums cannot overflow 32 bits
// before the modulo): b gains a once per byte, i.e. the byte at offset j of a block adds
// (block length - j) times its value.
static uint32_t adler32(void) {
    uint32_t a = 1, b = 0;
    for (uint32_t base = 0; base < LEN; base += 4096) {
        uint32_t sa = 0, sb = 0;
        uint32_t i = 0;
#ifdef __wasm_simd128__
        // Per 16-byte chunk: sb += 16 * sa + sum((16 - j) * byte_j); sa += sum(byte_j).
        const v128_t w_lo = wasm_i16x8_make(16, 15, 14, 13, 12, 11, 10, 9), w_hi = wasm_i16x8_make(8, 7, 6, 5, 4, 3, 2, 1);
        v128_t vsa = wasm_i32x4_splat(0), vsb = wasm_i32x4_splat(0), vsa16 = wasm_i32x4_splat(0);
        for (; i + 16 <= 4096; i += 16) {
            v128_t v = wasm_v128_load(text + base + i);
            vsa16 = wasm_i32x4_add(vsa16, vsa);
            vsa = wasm_i32x4_add(vsa, wasm_u32x4_extadd_pairwise_u16x8(wasm_u16x8_extadd_pairwise_u8x16(v)));
            vsb = wasm_i32x4_add(vsb, wasm_i32x4_dot_i16x8(wasm_u16x8_extend_low_u8x16(v), w_lo));
            vsb = wasm_i32x4_add(vsb, wasm_i32x4_dot_i16x8(wasm_u16x8_extend_high_u8x16(v), w_hi));
        }
        vsb = wasm_i32x4_add(vsb, wasm_i32x4_shl(vsa16, 4));
        sa = wasm_u32x4_extract_lane(vsa, 0) + wasm_u32x4_extract_lane(vsa, 1) + wasm_u32x4_extract_lane(vsa, 2) +
             wasm_u32x4_extract_lane(vsa, 3);
        sb = wasm_u32x4_extract_lane(vsb, 0) + wasm_u32x4_extract_lane(vsb, 1) + wasm_u32x4_extract_lane(vsb, 2) +
             wasm_u32x4_extract_lane(vsb, 3);
#endif
        for (; i < 4096; i++) {
            sa += text[base + i];
            sb += sa;
        }
        b = (b + 4096 * a + sb) % 65521;
        a = (a + sa) % 65521;
    }
    return b << 16 | a;
}

// Fills text[from, to) with records: fields of 1-24 letters or digits, 1-8 fields a line.
static void generate(Rng *rng, uint32_t from, uint32_t to) {
    uint32_t i = from, fields = 0;
    while (i < to) {
        uint32_t len = 1 + rng_below(rng, 24), digits = rng_below(rng, 3) == 0;
        for (uint32_t k = 0; k < len && i < to; k++)
            text[i++] = (uint8_t)(digits ? '0' + rng_below(rng, 10) : 'a' + rng_below(rng, 26));
        if (i < to) text[i++] = ++fields % (1 + rng_below(rng, 8)) == 0 ? '\n' : ',';
    }
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 300);
    Rng rng = rng_new(0x5ca11e55);
    // Self-check: the blocked Adler-32 against the definition, byte by byte, on "Wikipedia" and zeros.
    memset(text, 0, sizeof text);
    memcpy(text, "Wikipedia", 9);
    {
        uint32_t a = 1, b = 0;
        for (uint32_t i = 0; i < LEN; i++) {
            a = (a + text[i]) % 65521;
            b = (b + a) % 65521;
        }
        if (adler32() != (b << 16 | a)) bench_fail("adler32");
    }
    generate(&rng, 0, LEN);
    uint64_t checksum = 0;
    for (uint32_t round = 0; round < n; round++) {
        Scan s = scan();
        checksum = mix(checksum, s.lines);
        checksum = mix(checksum, s.fields);
        checksum = mix(checksum, s.digits);
        checksum = mix(checksum, s.shape);
        checksum = mix(checksum, adler32());
        // Regenerate a 4 KiB stretch so the next round scans different text.
        uint32_t at = rng_below(&rng, LEN - 4096);
        generate(&rng, at, at + 4096);
    }
    bench_checksum(checksum);
    return 0;
}
