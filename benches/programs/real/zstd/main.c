// main.c: the zstd benchmark program: the zstd library (from the zstd-sys package, see ../README)
// compressing and decompressing N rounds of generated text-like data: one-shot at levels 1, 3, 6
// and 9, streaming in 64 KiB pieces with frame checksums, and small records with a dictionary
// trained on them (ZDICT). Every round trip is verified byte for byte; the checksum covers the
// compressed sizes and bytes.
#include <string.h>

#include "../../bench.h"
#define ZDICT_STATIC_LINKING_ONLY
#include "zdict.h"
#include "zstd.h"

enum {
    INPUT = 384 * 1024,
    RECORDS = 200,
    RECORD_MAX = 2048,
    DICT = 16 * 1024,
    PIECE = 64 * 1024,
};

static unsigned char input[INPUT], output[INPUT];
static unsigned char packed[INPUT + INPUT / 64 + 1024];
static unsigned char records[RECORDS * RECORD_MAX];
static size_t record_sizes[RECORDS];
static unsigned char dict[DICT];

static const char *const words[] = {
    "the", "of", "interpreter", "register", "stack", "frame", "value", "branch", "table", "memory",
    "page", "grow", "load", "store", "call", "return", "module", "export", "import", "global",
    "local", "function", "block", "loop", "trap", "fuel", "engine", "store", "linker", "instance",
    "zstd", "window", "match", "literal", "sequence", "entropy", "huffman", "offset", "repeat",
};

static uint64_t checksum;

static void check_zstd(size_t code, const char *what) {
    if (ZSTD_isError(code)) {
        fprintf(stderr, "self-check failed: %s: %s\n", what, ZSTD_getErrorName(code));
        exit(1);
    }
}

static uint64_t hash_bytes(const unsigned char *p, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i += 3) h = (h ^ p[i]) * 0x100000001b3ULL;
    return h;
}

// Text-like data: words with punctuation, line numbers, and now and then a run of noise.
static size_t generate(Rng *rng, unsigned char *out, size_t size) {
    size_t n = 0;
    unsigned line = 1;
    while (n + 64 < size) {
        uint32_t r = rng_below(rng, 100);
        if (r < 80) {
            const char *w = words[rng_below(rng, sizeof words / sizeof *words)];
            size_t len = strlen(w);
            memcpy(out + n, w, len);
            n += len;
            out[n++] = rng_below(rng, 12) == 0 ? ',' : ' ';
        } else if (r < 95) {
            n += (size_t)snprintf((char *)out + n, 32, "\n%u: ", line++);
        } else {
            for (uint32_t k = 8 + rng_below(rng, 24); k > 0; k--) out[n++] = (unsigned char)rng_next(rng);
        }
    }
    return n;
}

static void one_shot(size_t size, int level) {
    size_t packed_size = ZSTD_compress(packed, sizeof packed, input, size, level);
    check_zstd(packed_size, "ZSTD_compress");
    size_t unpacked = ZSTD_decompress(output, sizeof output, packed, packed_size);
    check_zstd(unpacked, "ZSTD_decompress");
    if (unpacked != size || memcmp(input, output, size) != 0) bench_fail("one-shot round trip");
    checksum = mix(checksum, packed_size);
    checksum = mix(checksum, hash_bytes(packed, packed_size));
}

static void streaming(size_t size) {
    ZSTD_CCtx *cctx = ZSTD_createCCtx();
    check_zstd(ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, 4), "level");
    check_zstd(ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1), "checksum flag");
    ZSTD_outBuffer out = {packed, sizeof packed, 0};
    for (size_t at = 0; at < size; at += PIECE) {
        size_t piece = size - at < PIECE ? size - at : PIECE;
        ZSTD_inBuffer in = {input + at, piece, 0};
        ZSTD_EndDirective mode = at + piece == size ? ZSTD_e_end : ZSTD_e_continue;
        size_t left;
        do {
            left = ZSTD_compressStream2(cctx, &out, &in, mode);
            check_zstd(left, "ZSTD_compressStream2");
        } while (mode == ZSTD_e_end ? left != 0 : in.pos < in.size);
    }
    ZSTD_freeCCtx(cctx);
    size_t packed_size = out.pos;
    ZSTD_DCtx *dctx = ZSTD_createDCtx();
    ZSTD_inBuffer in = {packed, packed_size, 0};
    size_t produced = 0;
    while (in.pos < in.size) {
        // Hand the decompressor at most 5000 bytes of room at a time.
        size_t room = INPUT - produced < 5000 ? INPUT - produced : 5000;
        ZSTD_outBuffer piece = {output + produced, room, 0};
        check_zstd(ZSTD_decompressStream(dctx, &piece, &in), "ZSTD_decompressStream");
        produced += piece.pos;
    }
    ZSTD_freeDCtx(dctx);
    if (produced != size || memcmp(input, output, size) != 0) bench_fail("streaming round trip");
    checksum = mix(checksum, packed_size);
}

static void dictionary(Rng *rng) {
    size_t total = 0;
    for (int i = 0; i < RECORDS; i++) {
        record_sizes[i] = generate(rng, records + total, 256 + rng_below(rng, RECORD_MAX - 256));
        total += record_sizes[i];
    }
    size_t dict_size = ZDICT_trainFromBuffer(dict, sizeof dict, records, record_sizes, RECORDS);
    if (ZDICT_isError(dict_size)) bench_fail("ZDICT_trainFromBuffer");
    checksum = mix(checksum, dict_size);
    ZSTD_CCtx *cctx = ZSTD_createCCtx();
    ZSTD_DCtx *dctx = ZSTD_createDCtx();
    size_t at = 0;
    for (int i = 0; i < RECORDS; i++) {
        size_t packed_size =
            ZSTD_compress_usingDict(cctx, packed, sizeof packed, records + at, record_sizes[i], dict, dict_size, 3);
        check_zstd(packed_size, "ZSTD_compress_usingDict");
        size_t unpacked = ZSTD_decompress_usingDict(dctx, output, RECORD_MAX, packed, packed_size, dict, dict_size);
        check_zstd(unpacked, "ZSTD_decompress_usingDict");
        if (unpacked != record_sizes[i] || memcmp(records + at, output, unpacked) != 0) bench_fail("dictionary round trip");
        checksum = mix(checksum, packed_size);
        at += record_sizes[i];
    }
    ZSTD_freeCCtx(cctx);
    ZSTD_freeDCtx(dctx);
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 2);
    for (uint32_t round = 0; round < n; round++) {
        Rng rng = rng_new(0x25d0 + round);
        size_t size = generate(&rng, input, INPUT);
        static const int levels[] = {1, 3, 6, 9};
        for (int i = 0; i < 4; i++) one_shot(size, levels[i]);
        streaming(size);
        dictionary(&rng);
    }
    bench_checksum(checksum);
    return 0;
}
