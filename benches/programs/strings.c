// strings.c: benchmark program: string processing, N rounds over generated text: splitting into
// words, counting them in a hash table (strcmp, strlen), building lines with snprintf and by hand
// (memcpy), searching substrings (strstr and a hand-written search), reversing and comparing.
#include <string.h>

#include "bench.h"

enum { TEXT = 48 * 1024, SLOTS = 4096, OUT = 64 * 1024 };

static char text[TEXT + 1];
static char out[OUT];

typedef struct {
    char word[24];
    uint32_t count;
} Entry;
static Entry table[SLOTS];

// Syllable words, so there are many distinct words and many repeats.
static size_t generate(Rng *rng, char *dst, size_t cap) {
    static const char *const syllables[] = {"ka", "to", "ri", "men", "sa", "lo", "ne", "qua",
                                            "ber", "th", "ion", "st", "a", "e", "ou", "ly"};
    size_t len = 0;
    while (len + 40 < cap) {
        uint32_t parts = 1 + rng_below(rng, 4);
        for (uint32_t p = 0; p < parts; p++) {
            const char *s = syllables[rng_below(rng, 16)];
            while (*s) dst[len++] = *s++;
        }
        uint32_t sep = rng_below(rng, 20);
        dst[len++] = sep == 0 ? '\n' : sep == 1 ? ',' : ' ';
        if (sep == 1) dst[len++] = ' ';
    }
    dst[len] = '\0';
    return len;
}

static uint32_t hash_word(const char *w) {
    uint32_t h = 5381;
    while (*w) h = h * 33 + (uint8_t)*w++;
    return h;
}

// Adds one to the count of `word`; returns its entry.
static Entry *count_word(const char *word) {
    uint32_t i = hash_word(word) & (SLOTS - 1);
    while (table[i].count && strcmp(table[i].word, word) != 0) i = (i + 1) & (SLOTS - 1);
    if (!table[i].count) {
        size_t l = strlen(word);
        memcpy(table[i].word, word, l + 1);
    }
    table[i].count++;
    return &table[i];
}

// The number of (possibly overlapping) occurrences of `needle` in `hay`, by hand.
static uint32_t occurrences(const char *hay, const char *needle) {
    uint32_t count = 0;
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t k = 0;
        while (k < n && hay[k] == needle[k]) k++;
        if (k == n) count++;
    }
    return count;
}

static void reverse(char *s, size_t len) {
    for (size_t i = 0, j = len; i + 1 < j; i++, j--) {
        char t = s[i];
        s[i] = s[j - 1];
        s[j - 1] = t;
    }
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 60);
    Rng rng = rng_new(0x57f1);
    uint64_t checksum = 0;
    if (occurrences("aaaa", "aa") != 3 || strstr("hello world", "o w") == NULL) bench_fail("substring search");
    for (uint32_t round = 0; round < n; round++) {
        memset(table, 0, sizeof table);
        size_t len = generate(&rng, text, TEXT);
        if (strlen(text) != len) bench_fail("strlen of the generated text");

        // Split into words in a copy (the separators become NULs) and count them.
        static char copy[TEXT + 1];
        memcpy(copy, text, len + 1);
        uint32_t words = 0, distinct = 0;
        Entry *most = NULL;
        for (char *p = copy; *p;) {
            while (*p == ' ' || *p == ',' || *p == '\n') p++;
            if (!*p) break;
            char *start = p;
            while (*p && *p != ' ' && *p != ',' && *p != '\n') p++;
            if (*p) *p++ = '\0';
            if (strlen(start) >= sizeof table[0].word) continue;
            Entry *e = count_word(start);
            words++;
            if (e->count == 1) distinct++;
            if (!most || e->count > most->count || (e->count == most->count && strcmp(e->word, most->word) < 0))
                most = e;
        }

        // Lines "word=count" with snprintf for the words seen at least 3 times, in table order.
        size_t used = 0;
        for (uint32_t i = 0; i < SLOTS && used + 64 < OUT; i++) {
            if (table[i].count < 3) continue;
            int w = snprintf(out + used, OUT - used, "%s=%u;", table[i].word, (unsigned)table[i].count);
            if (w < 0) bench_fail("snprintf");
            used += (size_t)w;
        }
        // Then, by hand, every tenth word of the text reversed, joined with '/'.
        const char *p = text;
        for (uint32_t k = 0; *p && used + 64 < OUT; k++) {
            const char *end = p;
            while (*end && *end != ' ' && *end != '\n' && *end != ',') end++;
            size_t l = (size_t)(end - p);
            if (k % 10 == 0 && l > 0) {
                memcpy(out + used, p, l);
                reverse(out + used, l);
                used += l;
                out[used++] = '/';
            }
            p = *end ? end + 1 : end;
        }
        out[used] = '\0';

        // Searches: strstr counts against the hand-written count.
        static const char *const needles[] = {"kato", "menlo", "ionst", "quaber", "a e", "lyly", ", st"};
        uint32_t found = 0;
        for (size_t k = 0; k < sizeof needles / sizeof *needles; k++) {
            uint32_t by_hand = occurrences(text, needles[k]), by_libc = 0;
            for (const char *q = strstr(text, needles[k]); q; q = strstr(q + 1, needles[k])) by_libc++;
            if (by_hand != by_libc) bench_fail("strstr and the hand-written search disagree");
            found = found * 131 + by_hand;
        }

        checksum = mix(checksum, words);
        checksum = mix(checksum, distinct);
        checksum = mix(checksum, most ? hash_word(most->word) ^ most->count : 0);
        checksum = mix(checksum, used);
        checksum = mix(checksum, hash_word(out));
        checksum = mix(checksum, found);
    }
    bench_checksum(checksum);
    return 0;
}
