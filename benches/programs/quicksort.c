// quicksort.c: benchmark program: quicksort (median-of-three, insertion sort below 16 elements,
// recursion on the smaller side) of N*100,000 pseudo-random 32-bit ints, checked sorted and
// checked to be a permutation of the input.
#include "bench.h"

static void insertion_sort(int32_t *a, int32_t n) {
    for (int32_t i = 1; i < n; i++) {
        int32_t v = a[i], j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void swap(int32_t *a, int32_t *b) {
    int32_t t = *a;
    *a = *b;
    *b = t;
}

static void quicksort(int32_t *a, int32_t n) {
    while (n > 16) {
        int32_t mid = n / 2;
        if (a[mid] < a[0]) swap(&a[mid], &a[0]);
        if (a[n - 1] < a[0]) swap(&a[n - 1], &a[0]);
        if (a[n - 1] < a[mid]) swap(&a[n - 1], &a[mid]);
        int32_t pivot = a[mid];
        int32_t i = 0, j = n - 1;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                swap(&a[i], &a[j]);
                i++;
                j--;
            }
        }
        // a[0..=j] <= pivot <= a[i..n); recurse into the smaller part, loop on the larger.
        if (j + 1 < n - i) {
            quicksort(a, j + 1);
            a += i;
            n -= i;
        } else {
            quicksort(a + i, n - i);
            n = j + 1;
        }
    }
    insertion_sort(a, n);
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 30);
    if (n > 1000) bench_fail("N above 1000");
    int32_t count = (int32_t)(n * 100000);
    int32_t *a = malloc((size_t)count * sizeof *a);
    if (!a) bench_fail("out of memory");
    Rng rng = rng_new(0x9017);
    uint64_t sum_before = 0, xor_before = 0;
    for (int32_t i = 0; i < count; i++) {
        // Every fourth value from a small range, so there are many duplicates too.
        uint64_t r = rng_next(&rng);
        a[i] = i % 4 == 0 ? (int32_t)(r % 1000) : (int32_t)(uint32_t)(r >> 32);
        sum_before += (uint32_t)a[i];
        xor_before ^= (uint32_t)a[i] * 0x9e3779b1u;
    }
    quicksort(a, count);
    uint64_t sum_after = 0, xor_after = 0, checksum = 0;
    for (int32_t i = 0; i < count; i++) {
        if (i > 0 && a[i - 1] > a[i]) bench_fail("not sorted");
        sum_after += (uint32_t)a[i];
        xor_after ^= (uint32_t)a[i] * 0x9e3779b1u;
        if (i % 1024 == 0) checksum = mix(checksum, (uint32_t)a[i]);
    }
    if (sum_after != sum_before || xor_after != xor_before) bench_fail("not a permutation of the input");
    free(a);
    bench_checksum(mix(checksum, sum_after));
    return 0;
}
