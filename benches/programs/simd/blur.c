// blur.c: SIMD benchmark program (hand-written <wasm_simd128.h> intrinsics, with a scalar C path
// for builds without -msimd128): an RGBA image turned to grayscale, then blurred N times with a
// 3x3 box filter (u8 loads, u16 widening sums, a u32 multiply-high for the division by 9, narrowing
// back to u8), then alpha-blended with a second generated layer. Both paths give the same bytes.
#include <string.h>

#include "../bench.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#define W 256
#define H 192

static uint8_t rgba[W * H * 4];
static uint8_t gray[W * H];
static uint8_t blurred[W * H];
static uint8_t overlay[W * H];
static uint16_t rows[W * H];  // horizontal 3-sums

// gray = (77 r + 150 g + 29 b) >> 8, per pixel.
static void to_gray(void) {
    int i = 0;
#ifdef __wasm_simd128__
    const v128_t kr = wasm_i16x8_splat(77), kg = wasm_i16x8_splat(150), kb = wasm_i16x8_splat(29);
    const v128_t low_byte = wasm_i32x4_splat(0xff);
    for (; i + 8 <= W * H; i += 8) {
        // Two vectors of 4 RGBA pixels; take each channel as a u32 lane, pack to u16 lanes.
        v128_t p0 = wasm_v128_load(rgba + 4 * i), p1 = wasm_v128_load(rgba + 4 * i + 16);
        v128_t r = wasm_u16x8_narrow_i32x4(wasm_v128_and(p0, low_byte), wasm_v128_and(p1, low_byte));
        v128_t g = wasm_u16x8_narrow_i32x4(wasm_v128_and(wasm_u32x4_shr(p0, 8), low_byte),
                                           wasm_v128_and(wasm_u32x4_shr(p1, 8), low_byte));
        v128_t b = wasm_u16x8_narrow_i32x4(wasm_v128_and(wasm_u32x4_shr(p0, 16), low_byte),
                                           wasm_v128_and(wasm_u32x4_shr(p1, 16), low_byte));
        v128_t sum = wasm_i16x8_add(wasm_i16x8_add(wasm_i16x8_mul(r, kr), wasm_i16x8_mul(g, kg)), wasm_i16x8_mul(b, kb));
        v128_t y = wasm_u16x8_shr(sum, 8);
        v128_t bytes = wasm_u8x16_narrow_i16x8(y, y);
        wasm_v128_store64_lane(gray + i, bytes, 0);
    }
#endif
    for (; i < W * H; i++) {
        const uint8_t *p = rgba + 4 * i;
        gray[i] = (uint8_t)((77 * p[0] + 150 * p[1] + 29 * p[2]) >> 8);
    }
}

// One 3x3 box blur from `src` into `dst`; border pixels are copied.
static void box_blur(const uint8_t *src, uint8_t *dst) {
    for (int y = 0; y < H; y++) {
        const uint8_t *s = src + y * W;
        uint16_t *r = rows + y * W;
        r[0] = r[W - 1] = 0;
        int x = 1;
#ifdef __wasm_simd128__
        for (; x + 8 <= W - 1; x += 8) {
            v128_t a = wasm_u16x8_load8x8(s + x - 1), b = wasm_u16x8_load8x8(s + x), c = wasm_u16x8_load8x8(s + x + 1);
            wasm_v128_store(r + x, wasm_i16x8_add(wasm_i16x8_add(a, b), c));
        }
#endif
        for (; x < W - 1; x++) r[x] = (uint16_t)(s[x - 1] + s[x] + s[x + 1]);
    }
    memcpy(dst, src, W);
    memcpy(dst + (H - 1) * W, src + (H - 1) * W, W);
    for (int y = 1; y < H - 1; y++) {
        const uint16_t *a = rows + (y - 1) * W, *b = rows + y * W, *c = rows + (y + 1) * W;
        uint8_t *d = dst + y * W;
        d[0] = src[y * W];
        d[W - 1] = src[y * W + W - 1];
        int x = 1;
#ifdef __wasm_simd128__
        const v128_t ninth = wasm_i32x4_splat(7282);  // sum * 7282 >> 16 == sum / 9 for sum <= 2295
        for (; x + 8 <= W - 1; x += 8) {
            v128_t sum = wasm_i16x8_add(wasm_i16x8_add(wasm_v128_load(a + x), wasm_v128_load(b + x)), wasm_v128_load(c + x));
            v128_t lo = wasm_u32x4_shr(wasm_i32x4_mul(wasm_u32x4_extend_low_u16x8(sum), ninth), 16);
            v128_t hi = wasm_u32x4_shr(wasm_i32x4_mul(wasm_u32x4_extend_high_u16x8(sum), ninth), 16);
            v128_t q = wasm_u16x8_narrow_i32x4(lo, hi);
            wasm_v128_store64_lane(d + x, wasm_u8x16_narrow_i16x8(q, q), 0);
        }
#endif
        for (; x < W - 1; x++) d[x] = (uint8_t)(((uint32_t)(a[x] + b[x] + c[x]) * 7282) >> 16);
    }
}

// dst = (src * alpha + overlay * (256 - alpha)) >> 8 with one alpha for the whole frame.
static void blend(uint8_t *dst, const uint8_t *src, unsigned alpha) {
    int i = 0;
#ifdef __wasm_simd128__
    const v128_t va = wasm_i16x8_splat((int16_t)alpha), vb = wasm_i16x8_splat((int16_t)(256 - alpha));
    for (; i + 16 <= W * H; i += 16) {
        v128_t s = wasm_v128_load(src + i), o = wasm_v128_load(overlay + i);
        v128_t lo = wasm_i16x8_add(wasm_i16x8_mul(wasm_u16x8_extend_low_u8x16(s), va), wasm_i16x8_mul(wasm_u16x8_extend_low_u8x16(o), vb));
        v128_t hi = wasm_i16x8_add(wasm_i16x8_mul(wasm_u16x8_extend_high_u8x16(s), va), wasm_i16x8_mul(wasm_u16x8_extend_high_u8x16(o), vb));
        wasm_v128_store(dst + i, wasm_u8x16_narrow_i16x8(wasm_u16x8_shr(lo, 8), wasm_u16x8_shr(hi, 8)));
    }
#endif
    for (; i < W * H; i++) dst[i] = (uint8_t)((src[i] * alpha + overlay[i] * (256 - alpha)) >> 8);
}

// Position-weighted sum of the image (the same in both builds).
static uint64_t digest(const uint8_t *img) {
    uint64_t h = 0;
    for (int y = 0; y < H; y++) {
        uint32_t row = 0;
        for (int x = 0; x < W; x++) row = row * 31 + img[y * W + x];
        h = mix(h, row);
    }
    return h;
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 150);
    Rng rng = rng_new(0x0b1e55ed);
    // A smooth gradient with noise, so blurring changes it slowly.
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            uint8_t *p = rgba + 4 * (y * W + x);
            p[0] = (uint8_t)(x + rng_below(&rng, 64));
            p[1] = (uint8_t)(y + rng_below(&rng, 64));
            p[2] = (uint8_t)((x ^ y) + rng_below(&rng, 32));
            p[3] = 255;
        }
    for (int i = 0; i < W * H; i++) overlay[i] = (uint8_t)rng_below(&rng, 256);
    uint64_t checksum = 0;
    for (uint32_t round = 0; round < n; round++) {
        to_gray();
        box_blur(gray, blurred);
        box_blur(blurred, gray);
        blend(blurred, gray, 64 + round % 128);
        checksum = mix(checksum, digest(blurred));
        // Feed the result back into the red channel so rounds differ.
        for (int i = 0; i < W * H; i++) rgba[4 * i] ^= blurred[i];
    }
    // Self-check: a flat image blurs to itself.
    memset(gray, 90, sizeof gray);
    box_blur(gray, blurred);
    for (int i = 0; i < W * H; i++)
        if (blurred[i] != 89 && blurred[i] != 90) bench_fail("flat image");
    bench_checksum(checksum);
    return 0;
}
