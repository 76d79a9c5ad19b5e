// audio.c: SIMD benchmark program (plain C loops that clang -O2 -msimd128 auto-vectorises into
// i16x8/i32x4 code): a small audio pipeline on int16 samples, N blocks of 8192 frames: four
// generated tracks mixed with per-track gains and saturated to int16, a 16-tap int16 FIR low-pass
// filter (int32 accumulation), a hard limiter and the block's peak and energy. Integer arithmetic
// only, so both builds agree exactly.
#include "../bench.h"

#define FRAMES 8192
#define TRACKS 4
#define TAPS 16

static int16_t tracks[TRACKS][FRAMES + TAPS];
static int16_t mixed[FRAMES + TAPS];
static int16_t filtered[FRAMES];
static const int16_t taps[TAPS] = {-120, -310, -200, 480, 1650, 3300, 4720, 5400,
                                   5400, 4720, 3300, 1650, 480, -200, -310, -120};

static inline int16_t saturate(int32_t v) { return (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v); }

// mixed = saturate(sum over tracks of track * gain >> 8).
static void mix_tracks(const int32_t gain[TRACKS]) {
    for (int i = 0; i < FRAMES + TAPS; i++) {
        int32_t acc = (tracks[0][i] * gain[0]) >> 8;
        acc += (tracks[1][i] * gain[1]) >> 8;
        acc += (tracks[2][i] * gain[2]) >> 8;
        acc += (tracks[3][i] * gain[3]) >> 8;
        mixed[i] = saturate(acc);
    }
}

// filtered[i] = saturate(sum over t of mixed[i + t] * taps[t] >> 15).
static void fir(void) {
    for (int i = 0; i < FRAMES; i++) {
        int32_t acc = 0;
        for (int t = 0; t < TAPS; t++) acc += mixed[i + t] * taps[t];
        filtered[i] = saturate(acc >> 15);
    }
}

// Clips to +-limit and adds a DC offset with 16-bit saturation.
static void limit(int16_t limit_to, int16_t offset) {
    for (int i = 0; i < FRAMES; i++) {
        int16_t v = filtered[i];
        v = v > limit_to ? limit_to : v;
        v = v < -limit_to ? (int16_t)-limit_to : v;
        filtered[i] = saturate(v + offset);
    }
}

// Peak magnitude and energy (sum of squares >> 8) of the block: integer reductions.
static uint64_t measure(void) {
    int32_t peak = 0;
    uint32_t energy = 0;
    for (int i = 0; i < FRAMES; i++) {
        int32_t v = filtered[i];
        int32_t mag = v < 0 ? -v : v;
        peak = mag > peak ? mag : peak;
        energy += (uint32_t)(v * v) >> 8;
    }
    return (uint64_t)peak << 32 | energy;
}

// Next block of the generated tracks: sawtooth, square and triangle; track 3 is fixed noise.
static void synthesise(uint32_t block) {
    for (int i = 0; i < FRAMES + TAPS; i++) {
        uint32_t t = block * FRAMES + (uint32_t)i;
        tracks[0][i] = (int16_t)((t * 97u) & 0xffff);
        tracks[1][i] = (int16_t)((t / 64) % 2 ? 12000 : -12000);
        int32_t tri = (int32_t)(t % 512) - 256;
        tracks[2][i] = (int16_t)((tri < 0 ? -tri : tri) * 90 - 11520);
    }
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 300);
    Rng rng = rng_new(0xa0d10);
    // Self-check: a constant input passes through the filter scaled by the taps' sum (29840 / 32768).
    int32_t gain_sum = 0;
    for (int t = 0; t < TAPS; t++) gain_sum += taps[t];
    for (int i = 0; i < FRAMES + TAPS; i++) mixed[i] = 1000;
    fir();
    if (filtered[100] != (int16_t)((1000 * gain_sum) >> 15)) bench_fail("FIR of a constant");
    for (int i = 0; i < FRAMES + TAPS; i++) tracks[3][i] = (int16_t)((int32_t)rng_below(&rng, 16384) - 8192);

    uint64_t checksum = 0;
    for (uint32_t block = 0; block < n; block++) {
        synthesise(block % 64);
        int32_t gain[TRACKS] = {96 + (int32_t)(block % 128), 200, 150, 256 - (int32_t)(block % 64)};
        mix_tracks(gain);
        fir();
        limit((int16_t)(20000 + block % 5000), (int16_t)(block % 300));
        checksum = mix(checksum, measure());
        checksum = mix(checksum, (uint16_t)filtered[block % FRAMES]);
    }
    bench_checksum(checksum);
    return 0;
}
