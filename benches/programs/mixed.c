// mixed.c: benchmark program: a mixed CPU workload, N rounds of linked-list processing (pointer
// chasing, insertion, reversal, filtering), a 24x24 integer matrix multiply, a table-free state
// machine scanning generated text, and a table-driven CRC32 over everything the round produced.
#include <string.h>

#include "bench.h"

// --- linked lists ----------------------------------------------------------------------------

typedef struct Node {
    struct Node *next;
    uint32_t value;
} Node;

enum { NODES = 4096 };
static Node pool[NODES];

// A list of `count` nodes from the pool holding pseudo-random values, kept sorted by inserting
// each value at its place (quadratic on purpose: it is the pointer-chasing part).
static Node *build_sorted(Rng *rng, uint32_t count) {
    Node *head = NULL;
    for (uint32_t i = 0; i < count; i++) {
        Node *node = &pool[i];
        node->value = rng_below(rng, 1u << 20);
        Node **link = &head;
        while (*link && (*link)->value < node->value) link = &(*link)->next;
        node->next = *link;
        *link = node;
    }
    return head;
}

static Node *reverse(Node *head) {
    Node *prev = NULL;
    while (head) {
        Node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

// Unlinks every node whose value is divisible by `k`.
static Node *remove_multiples(Node *head, uint32_t k) {
    Node **link = &head;
    while (*link) {
        if ((*link)->value % k == 0) *link = (*link)->next;
        else link = &(*link)->next;
    }
    return head;
}

static uint64_t list_digest(const Node *head) {
    uint64_t acc = 0;
    uint32_t position = 0;
    for (; head; head = head->next) acc += (uint64_t)head->value * ++position;
    return acc;
}

// --- matrices --------------------------------------------------------------------------------

enum { DIM = 24 };
typedef int32_t Matrix[DIM][DIM];

static void multiply(Matrix out, Matrix a, Matrix b) {
    for (int i = 0; i < DIM; i++)
        for (int j = 0; j < DIM; j++) {
            int32_t sum = 0;
            for (int k = 0; k < DIM; k++) sum += a[i][k] * b[k][j];
            out[i][j] = sum;
        }
}

// --- state machine ---------------------------------------------------------------------------

// Counts of what the scanner found in the text.
typedef struct {
    uint32_t words, numbers, hex_numbers, operators, comments, errors;
} Scan;

// A hand-written scanner: identifiers, decimal and 0x numbers, operators and `/* */` comments.
static Scan scan(const char *text, size_t len) {
    enum { START, WORD, NUMBER, ZERO, HEX, SLASH, COMMENT, COMMENT_STAR } state = START;
    Scan s = {0};
    for (size_t i = 0; i <= len; i++) {
        char c = i < len ? text[i] : ' ';
        int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        int digit = c >= '0' && c <= '9';
        int hexdigit = digit || (c >= 'a' && c <= 'f');
        switch (state) {
        case WORD:
            if (alpha || digit) continue;
            s.words++;
            break;
        case NUMBER:
            if (digit) continue;
            if (alpha) s.errors++;
            s.numbers++;
            break;
        case ZERO:
            if (c == 'x') {
                state = HEX;
                continue;
            }
            if (digit) {
                state = NUMBER;
                continue;
            }
            s.numbers++;
            break;
        case HEX:
            if (hexdigit) continue;
            s.hex_numbers++;
            break;
        case SLASH:
            if (c == '*') {
                state = COMMENT;
                continue;
            }
            s.operators++;
            break;
        case COMMENT:
            if (c == '*') state = COMMENT_STAR;
            continue;
        case COMMENT_STAR:
            if (c == '/') {
                s.comments++;
                state = START;
            } else if (c != '*') {
                state = COMMENT;
            }
            continue;
        case START:
            break;
        }
        // START: classify the character that ended the previous token.
        if (alpha) state = WORD;
        else if (c == '0') state = ZERO;
        else if (digit) state = NUMBER;
        else if (c == '/') state = SLASH;
        else {
            state = START;
            if (c == '+' || c == '-' || c == '*' || c == '=' || c == '<' || c == '>') s.operators++;
        }
    }
    return s;
}

static size_t generate_text(Rng *rng, char *out, size_t cap) {
    static const char *const pieces[] = {"alpha", "x1", "0x1f", "42", "0", "+", "-", "*", "/", "=",
                                         "/* note */", "beta_2", "0xdeadbeef", "7y", "<", ">", "**"};
    size_t len = 0;
    while (len + 16 < cap) {
        const char *p = pieces[rng_below(rng, sizeof pieces / sizeof *pieces)];
        size_t l = strlen(p);
        memcpy(out + len, p, l);
        len += l;
        out[len++] = rng_below(rng, 4) ? ' ' : '\n';
    }
    return len;
}

// --- CRC32 -----------------------------------------------------------------------------------

static uint32_t crc_table[256];

static void crc_init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
}

static uint32_t crc32(uint32_t crc, const void *data, size_t len) {
    const uint8_t *p = data;
    crc = ~crc;
    while (len--) crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

// --- main ------------------------------------------------------------------------------------

static Matrix ma, mb, mc;
static char text[16 * 1024];

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 100);
    crc_init();
    if (crc32(0, "123456789", 9) != 0xcbf43926u) bench_fail("CRC32(\"123456789\")");
    Rng rng = rng_new(0x313233);
    uint64_t checksum = 0;
    for (uint32_t round = 0; round < n; round++) {
        Node *list = build_sorted(&rng, 1500 + round % 7);
        list = reverse(list);
        list = remove_multiples(list, 3 + round % 5);
        list = reverse(list);
        for (const Node *p = list; p && p->next; p = p->next)
            if (p->value > p->next->value) bench_fail("list order after reversals");
        uint64_t lists = list_digest(list);

        for (int i = 0; i < DIM; i++)
            for (int j = 0; j < DIM; j++) {
                ma[i][j] = (int32_t)rng_below(&rng, 2001) - 1000;
                mb[i][j] = (int32_t)rng_below(&rng, 2001) - 1000;
            }
        for (int rep = 0; rep < 20; rep++) {
            multiply(mc, ma, mb);
            ma[rep % DIM][rep % DIM] += mc[DIM - 1][rep % DIM] & 0xff;
        }

        size_t len = generate_text(&rng, text, sizeof text);
        Scan s = scan(text, len);

        uint32_t crc = crc32(0, &lists, sizeof lists);
        crc = crc32(crc, mc, sizeof mc);
        crc = crc32(crc, &s, sizeof s);
        crc = crc32(crc, text, len);
        checksum = mix(checksum, crc);
        checksum = mix(checksum, (uint64_t)s.words << 32 | s.numbers);
    }
    bench_checksum(checksum);
    return 0;
}
