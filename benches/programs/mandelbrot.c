// mandelbrot.c: benchmark program: the Mandelbrot set on an N x N grid over [-2, 0.5] x [-1.25, 1.25]
// in double precision, up to 100 iterations per point; the checksum comes from the iteration
// counts and the packed membership bitmap, never from printed floats.
#include "bench.h"

enum { MAX_ITER = 100 };

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 1600);
    uint64_t checksum = 0, total = 0;
    for (uint32_t row = 0; row < n; row++) {
        double ci = 2.5 * row / n - 1.25;
        uint8_t bits = 0;
        uint64_t row_hash = row;
        for (uint32_t col = 0; col < n; col++) {
            double cr = 2.5 * col / n - 2.0;
            double zr = 0, zi = 0, zr2 = 0, zi2 = 0;
            uint32_t iter = 0;
            while (iter < MAX_ITER && zr2 + zi2 <= 4.0) {
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                zr2 = zr * zr;
                zi2 = zi * zi;
                iter++;
            }
            total += iter;
            bits = (uint8_t)(bits << 1 | (iter == MAX_ITER));
            if (col % 8 == 7 || col == n - 1) {
                row_hash = row_hash * 31 + bits;
                bits = 0;
            }
        }
        checksum = mix(checksum, row_hash);
    }
    bench_checksum(mix(checksum, total));
    return 0;
}
