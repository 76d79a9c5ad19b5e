// stencil.c: SIMD benchmark program (plain C loops that clang -O2 -msimd128 auto-vectorises into
// f32x4 code): a 2D heat-diffusion stencil on a 256x128 f32 grid, a saxpy that injects heat, and a
// clamp, N steps. Every element is computed by the same expression in both builds (no reductions
// over floats), so the scalar and SIMD builds agree bit for bit; the checksum quantises to integers.
#include "../bench.h"

#define W 256
#define H 128

static float grid[H][W], next[H][W], source[H][W];

// next = centre * 0.5 + (left + right + up + down) * 0.125 on the interior; the border stays.
static void diffuse(void) {
    for (int y = 1; y < H - 1; y++) {
        const float *restrict up = grid[y - 1], *restrict row = grid[y], *restrict down = grid[y + 1];
        float *restrict out = next[y];
        for (int x = 1; x < W - 1; x++)
            out[x] = row[x] * 0.5f + ((row[x - 1] + row[x + 1]) + (up[x] + down[x])) * 0.125f;
    }
}

// grid = clamp(next + k * source, 0, 1000) on the interior (a saxpy with a clamp).
static void inject(float k) {
    for (int y = 1; y < H - 1; y++) {
        float *restrict g = grid[y];
        const float *restrict n = next[y], *restrict s = source[y];
        for (int x = 1; x < W - 1; x++) {
            float v = n[x] + k * s[x];
            v = v < 0.0f ? 0.0f : v;
            g[x] = v > 1000.0f ? 1000.0f : v;
        }
    }
}

// Sum of the grid quantised to integers (integer adds: any order gives the same sum).
static uint64_t quantised_sum(void) {
    uint32_t sum = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) sum += (uint32_t)(int32_t)(grid[y][x] * 16.0f);
    return sum;
}

// The hottest cell per row, as integers: a max reduction (exact in any order).
static uint64_t row_peaks(void) {
    uint64_t h = 0;
    for (int y = 0; y < H; y++) {
        int32_t peak = 0;
        for (int x = 0; x < W; x++) {
            int32_t v = (int32_t)grid[y][x];
            peak = v > peak ? v : peak;
        }
        h = mix(h, (uint64_t)peak);
    }
    return h;
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 600);
    Rng rng = rng_new(0x57e9c11);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            grid[y][x] = (float)rng_below(&rng, 100);
            next[y][x] = grid[y][x];
            source[y][x] = rng_below(&rng, 16) == 0 ? (float)rng_below(&rng, 64) - 16.0f : 0.0f;
        }
    // Self-check: a uniform grid with no source stays uniform.
    {
        for (int x = 0; x < W; x++) grid[0][x] = grid[1][x] = grid[2][x] = 8.0f;
        diffuse();
        if (next[1][7] != 8.0f) bench_fail("uniform grid changed");
    }
    uint64_t checksum = 0;
    for (uint32_t step = 0; step < n; step++) {
        diffuse();
        inject(step % 2 ? 0.25f : 0.5f);
        if (step % 8 == 0) {
            checksum = mix(checksum, quantised_sum());
            checksum = mix(checksum, row_peaks());
        }
    }
    checksum = mix(checksum, quantised_sum());
    bench_checksum(checksum);
    return 0;
}
