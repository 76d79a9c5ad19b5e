// main.c: the PCRE2 benchmark program: the PCRE2 regular-expression library (8-bit, Unicode,
// interpreter without JIT, from the pcre2-sys package, see ../README) running N rounds of a
// log-scanning workload over generated UTF-8 text: a dozen patterns (classes, alternations,
// anchors, lazy and possessive quantifiers, backreferences, lookaround, Unicode properties,
// caseless) matched globally with pcre2_match, two through the DFA matcher, and a global
// pcre2_substitute. The checksum covers every match's offsets.
#include <string.h>

#include "../../bench.h"
#define PCRE2_CODE_UNIT_WIDTH 8
#include "pcre2.h"

enum { TEXT = 256 * 1024 };

static char text[TEXT + 256];
static char replaced[TEXT * 2];
static uint64_t checksum;

static const char *const names[] = {"kato", "rimu", "Sendai", "noHiya", "teku", "Shō", "Ærø", "Łódź", "mura", "Ōsaka"};
static const char *const levels[] = {"INFO", "WARN", "ERROR", "DEBUG"};

// Log lines like `2024-03-07 12:01:33 WARN [worker-3] user kato@rimu.example took 123 ms: ...`.
static size_t generate(Rng *rng) {
    size_t n = 0;
    while (n < TEXT) {
        // One draw per statement: the order of the values is the order of the statements.
        uint32_t month = 1 + rng_below(rng, 12), day = 1 + rng_below(rng, 28), hour = rng_below(rng, 24);
        uint32_t minute = rng_below(rng, 60), second = rng_below(rng, 60);
        const char *level = levels[rng_below(rng, 4)];
        uint32_t worker = rng_below(rng, 16);
        const char *who = names[rng_below(rng, 10)], *where = names[rng_below(rng, 10)];
        uint32_t ms = rng_below(rng, 5000);
        n += (size_t)snprintf(text + n, 256, "2024-%02u-%02u %02u:%02u:%02u %s [worker-%u] user %s@%s.example took %u ms",
                              month, day, hour, minute, second, level, worker, who, where, ms);
        uint32_t kind = rng_below(rng, 4);
        const char *a = names[rng_below(rng, 10)], *b = names[rng_below(rng, 10)], *c = names[rng_below(rng, 10)];
        uint32_t k = rng_below(rng, 999);
        switch (kind) {
            case 0: n += (size_t)snprintf(text + n, 256, ": retry %u of 5\n", k % 5); break;
            case 1: n += (size_t)snprintf(text + n, 256, ": path /srv/%s/%s/item%u.json\n", a, b, k); break;
            case 2: n += (size_t)snprintf(text + n, 256, ": \"%s %s\" said \"%s\"\n", a, k % 3 ? b : a, c); break;
            default: n += (size_t)snprintf(text + n, 256, "\n"); break;
        }
    }
    return n;
}

static pcre2_code *compile(const char *pattern, uint32_t options) {
    int error;
    PCRE2_SIZE offset;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, options | PCRE2_UTF, &error, &offset, NULL);
    if (!code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error, message, sizeof message);
        fprintf(stderr, "self-check failed: pattern %s at %zu: %s\n", pattern, (size_t)offset, (char *)message);
        exit(1);
    }
    return code;
}

// Every match of `code` in text[0..size), with the standard or the DFA matcher; returns the count.
static uint64_t scan(pcre2_code *code, size_t size, int dfa) {
    pcre2_match_data *data = pcre2_match_data_create(32, NULL);
    int workspace[512];
    uint64_t count = 0;
    PCRE2_SIZE start = 0;
    uint32_t options = 0;  // the first call checks that the text is valid UTF-8, the others need not
    while (start <= size) {
        int rc = dfa ? pcre2_dfa_match(code, (PCRE2_SPTR)text, size, start, options, data, NULL, workspace, 512)
                     : pcre2_match(code, (PCRE2_SPTR)text, size, start, options, data, NULL);
        options = PCRE2_NO_UTF_CHECK;
        if (rc == PCRE2_ERROR_NOMATCH) break;
        if (rc < 0) {
            fprintf(stderr, "self-check failed: match error %d\n", rc);
            exit(1);
        }
        PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(data);
        for (int i = 0; i < (dfa ? 1 : rc); i++) checksum = mix(checksum, ovector[2 * i] * 31 + ovector[2 * i + 1]);
        count++;
        start = ovector[1] > ovector[0] ? ovector[1] : ovector[0] + 1;
        while (start < size && (text[start] & 0xc0) == 0x80) start++;  // stay on a UTF-8 character boundary
    }
    pcre2_match_data_free(data);
    return count;
}

static const struct {
    const char *pattern;
    uint32_t options;
    int dfa;
} patterns[] = {
    {"(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2})", 0, 0},
    {"\\b(ERROR|WARN)\\b.*?took (\\d{3,}) ms", 0, 0},
    {"([\\w.]+)@([\\w]+)\\.example", 0, 0},
    {"\\[worker-(1[0-5]|[02468])\\]", 0, 0},
    {"\"(\\w+) \\1\"", 0, 0},
    {"(?<=user )\\p{Lu}\\p{L}+(?=@)", 0, 0},
    {"^\\d{4}-\\d\\d-\\d\\d \\S+ DEBUG .*$", PCRE2_MULTILINE, 0},
    {"/srv/(?:[^/\\s]+/)++item\\d+\\.json", 0, 0},
    {"retry [0-4] of 5$", PCRE2_MULTILINE | PCRE2_CASELESS, 0},
    {"[^\\x00-\\x7f]+", 0, 0},
    {"sendai|osaka|łódź|ærø", PCRE2_CASELESS, 0},
    {"took \\d+ ms: (?:retry|path)", 0, 1},
    {"(?:kato|rimu|mura)@(?:teku|kato)", 0, 1},
};

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 3);
    enum { COUNT = sizeof patterns / sizeof *patterns };
    pcre2_code *codes[COUNT];
    for (int i = 0; i < COUNT; i++) codes[i] = compile(patterns[i].pattern, patterns[i].options);
    pcre2_code *user = compile("user (\\w+)@(\\w+)", 0);
    for (uint32_t round = 0; round < n; round++) {
        Rng rng = rng_new(0x9c2e + round);
        size_t size = generate(&rng);
        for (int i = 0; i < COUNT; i++) checksum = mix(checksum, scan(codes[i], size, patterns[i].dfa));
        PCRE2_SIZE out_size = sizeof replaced;
        pcre2_match_data *data = pcre2_match_data_create_from_pattern(user, NULL);
        int rc = pcre2_substitute(user, (PCRE2_SPTR)text, size, 0, PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_EXTENDED, data,
                                  NULL, (PCRE2_SPTR) "${2:+<$2>:-}\\U$1", PCRE2_ZERO_TERMINATED, (PCRE2_UCHAR *)replaced,
                                  &out_size);
        pcre2_match_data_free(data);
        if (rc < 0) bench_fail("pcre2_substitute");
        checksum = mix(checksum, (uint64_t)rc * 1000003 + out_size);
        for (size_t i = 0; i < out_size; i += 61) checksum = mix(checksum, (unsigned char)replaced[i]);
    }
    for (int i = 0; i < COUNT; i++) pcre2_code_free(codes[i]);
    pcre2_code_free(user);
    bench_checksum(checksum);
    return 0;
}
