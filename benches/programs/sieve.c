// sieve.c: benchmark program: the sieve of Eratosthenes over the odd numbers below N million,
// three times (byte stores with a stride, then a counting scan); the checksum mixes the prime
// count, the largest prime and a sample of primes.
#include <string.h>

#include "bench.h"

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 40);
    if (n > 2000) bench_fail("N above 2000 (the limit is N million)");
    uint32_t limit = n * 1000000u;
    uint32_t half = limit / 2;  // composite[i] says whether 2i+1 is composite
    uint8_t *composite = malloc(half + 1);
    if (!composite) bench_fail("out of memory");
    uint64_t checksum = 0;
    for (int pass = 0; pass < 3; pass++) {
        memset(composite, 0, half + 1);
        composite[0] = 1;  // 1 is not prime
        for (uint32_t i = 1; (2 * i + 1) * (2 * i + 1) < limit; i++) {
            if (composite[i]) continue;
            uint32_t p = 2 * i + 1;
            for (uint32_t j = (p * p) / 2; j < half; j += p) composite[j] = 1;
        }
        uint32_t count = limit > 2, largest = 2;
        uint64_t sample = 0;
        for (uint32_t i = 1; i < half; i++) {
            if (composite[i]) continue;
            count++;
            largest = 2 * i + 1;
            if (count % 1000 == 0) sample = sample * 7 + largest;
        }
        if (n == 1 && count != 78498) bench_fail("pi(10^6) is 78498");
        checksum = mix(checksum, count);
        checksum = mix(checksum, largest);
        checksum = mix(checksum, sample);
    }
    free(composite);
    bench_checksum(checksum);
    return 0;
}
