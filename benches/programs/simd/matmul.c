// matmul.c: SIMD benchmark program (hand-written <wasm_simd128.h> f32x4 intrinsics, with a scalar C
// path for builds without -msimd128): N rounds of a 96x96 f32 matrix multiply, a row-wise dot-product
// kernel against a vector and a clamp/scale pass. Every output element is accumulated in the same
// k order in both paths (the SIMD path spreads j over lanes, never reassociates a sum), so both
// builds compute the same bits; the checksum still quantises them to integers.
#include "../bench.h"

#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

#define S 96

static float a[S * S], b[S * S], c[S * S];
static float vec[S], dots[S];

// c = a * b, accumulating over k in increasing order for every c[i][j].
static void matmul(void) {
    for (int i = 0; i < S; i++) {
        float *ci = c + i * S;
        for (int j = 0; j < S; j++) ci[j] = 0.0f;
        for (int k = 0; k < S; k++) {
            float aik = a[i * S + k];
            const float *bk = b + k * S;
            int j = 0;
#ifdef __wasm_simd128__
            v128_t va = wasm_f32x4_splat(aik);
            for (; j + 8 <= S; j += 8) {
                v128_t c0 = wasm_v128_load(ci + j), c1 = wasm_v128_load(ci + j + 4);
                c0 = wasm_f32x4_add(c0, wasm_f32x4_mul(va, wasm_v128_load(bk + j)));
                c1 = wasm_f32x4_add(c1, wasm_f32x4_mul(va, wasm_v128_load(bk + j + 4)));
                wasm_v128_store(ci + j, c0);
                wasm_v128_store(ci + j + 4, c1);
            }
#endif
            for (; j < S; j++) ci[j] += aik * bk[j];
        }
    }
}

// dots[i] = sum over k of c[i][k] * vec[k], as four interleaved partial sums (lane l takes the k
// with k % 4 == l) added up as ((s0 + s1) + (s2 + s3)): the same order in both paths.
static void row_dots(void) {
    for (int i = 0; i < S; i++) {
        const float *ci = c + i * S;
#ifdef __wasm_simd128__
        v128_t acc = wasm_f32x4_splat(0.0f);
        for (int k = 0; k < S; k += 4) acc = wasm_f32x4_add(acc, wasm_f32x4_mul(wasm_v128_load(ci + k), wasm_v128_load(vec + k)));
        float s0 = wasm_f32x4_extract_lane(acc, 0), s1 = wasm_f32x4_extract_lane(acc, 1);
        float s2 = wasm_f32x4_extract_lane(acc, 2), s3 = wasm_f32x4_extract_lane(acc, 3);
#else
        float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
        for (int k = 0; k < S; k += 4) {
            s0 += ci[k] * vec[k];
            s1 += ci[k + 1] * vec[k + 1];
            s2 += ci[k + 2] * vec[k + 2];
            s3 += ci[k + 3] * vec[k + 3];
        }
#endif
        dots[i] = (s0 + s1) + (s2 + s3);
    }
}

// a = clamp(c * scale, -2, 2): keeps the matrices bounded from round to round.
static void rescale(float scale) {
    int i = 0;
#ifdef __wasm_simd128__
    v128_t vs = wasm_f32x4_splat(scale), lo = wasm_f32x4_splat(-2.0f), hi = wasm_f32x4_splat(2.0f);
    for (; i + 4 <= S * S; i += 4)
        wasm_v128_store(a + i, wasm_f32x4_pmax(lo, wasm_f32x4_pmin(hi, wasm_f32x4_mul(wasm_v128_load(c + i), vs))));
#endif
    for (; i < S * S; i++) {
        float v = c[i] * scale;
        v = v < 2.0f ? v : 2.0f;     // wasm_f32x4_pmin(hi, v)
        a[i] = -2.0f < v ? v : -2.0f;  // wasm_f32x4_pmax(lo, v)
    }
}

// The float quantised to an integer (x 4096, truncated): what the checksum sees.
static uint64_t q(float v) { return (uint64_t)(int64_t)(v * 4096.0f); }

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 80);
    Rng rng = rng_new(0x3a7f1ce5);
    // Entries in [-1, 1) in steps of 1/256.
    for (int i = 0; i < S * S; i++) {
        a[i] = ((float)rng_below(&rng, 512) - 256.0f) / 256.0f;
        b[i] = ((float)rng_below(&rng, 512) - 256.0f) / 256.0f;
    }
    for (int k = 0; k < S; k++) vec[k] = ((float)rng_below(&rng, 64) - 32.0f) / 32.0f;
    // Self-check: the identity times b is b.
    for (int i = 0; i < S * S; i++) a[i] = (i / S == i % S) ? 1.0f : 0.0f;
    matmul();
    for (int i = 0; i < S * S; i++)
        if (c[i] != b[i]) bench_fail("identity * b != b");
    for (int i = 0; i < S * S; i++) a[i] = ((float)rng_below(&rng, 512) - 256.0f) / 256.0f;

    uint64_t checksum = 0;
    for (uint32_t round = 0; round < n; round++) {
        matmul();
        row_dots();
        for (int i = 0; i < S; i++) checksum = mix(checksum, q(dots[i]));
        checksum = mix(checksum, q(c[(round * 37) % (S * S)]));
        rescale(1.0f / 8.0f);
    }
    bench_checksum(checksum);
    return 0;
}
