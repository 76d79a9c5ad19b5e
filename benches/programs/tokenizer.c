// tokenizer.c: benchmark program: a tokenizer and a recursive-descent parser that evaluates
// generated source text (assignments of arithmetic expressions with variables, comparisons,
// ternaries and min/max calls) N times; variables live in a hash table and carry over rounds.
#include <string.h>

#include "bench.h"

// --- tokens ----------------------------------------------------------------------------------

typedef enum {
    T_END, T_NUM, T_IDENT, T_PLUS, T_MINUS, T_STAR, T_SLASH, T_PERCENT, T_LPAREN, T_RPAREN,
    T_COMMA, T_SEMI, T_ASSIGN, T_LT, T_GT, T_EQ, T_QUESTION, T_COLON, T_AMP, T_PIPE, T_CARET,
} Kind;

typedef struct {
    Kind kind;
    uint32_t start, len;  // the token's text in the source
    uint32_t value;       // T_NUM: its value
} Token;

// Every token but the last takes at least one character.
enum { MAX_SOURCE = 96 * 1024, MAX_TOKENS = MAX_SOURCE + 1 };
static char source[MAX_SOURCE];
static Token tokens[MAX_TOKENS];

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

// Splits `src` into tokens; returns their count (the last is T_END), or 0 on a bad character.
static uint32_t tokenize(const char *src, uint32_t len, Token *out) {
    uint32_t n = 0, i = 0;
    while (1) {
        while (i < len && (src[i] == ' ' || src[i] == '\n' || src[i] == '\t')) i++;
        if (i < len && src[i] == '#') {  // comment to end of line
            while (i < len && src[i] != '\n') i++;
            continue;
        }
        Token *t = &out[n++];
        t->start = i;
        t->value = 0;
        if (i >= len) {
            t->kind = T_END;
            t->len = 0;
            return n;
        }
        char c = src[i];
        if (is_digit(c)) {
            uint32_t v = 0;
            while (i < len && is_digit(src[i])) v = v * 10 + (uint32_t)(src[i++] - '0');
            t->kind = T_NUM;
            t->value = v;
        } else if (is_alpha(c)) {
            while (i < len && (is_alpha(src[i]) || is_digit(src[i]))) i++;
            t->kind = T_IDENT;
        } else {
            i++;
            switch (c) {
            case '+': t->kind = T_PLUS; break;
            case '-': t->kind = T_MINUS; break;
            case '*': t->kind = T_STAR; break;
            case '/': t->kind = T_SLASH; break;
            case '%': t->kind = T_PERCENT; break;
            case '(': t->kind = T_LPAREN; break;
            case ')': t->kind = T_RPAREN; break;
            case ',': t->kind = T_COMMA; break;
            case ';': t->kind = T_SEMI; break;
            case '<': t->kind = T_LT; break;
            case '>': t->kind = T_GT; break;
            case '?': t->kind = T_QUESTION; break;
            case ':': t->kind = T_COLON; break;
            case '&': t->kind = T_AMP; break;
            case '|': t->kind = T_PIPE; break;
            case '^': t->kind = T_CARET; break;
            case '=':
                if (i < len && src[i] == '=') {
                    i++;
                    t->kind = T_EQ;
                } else {
                    t->kind = T_ASSIGN;
                }
                break;
            default: return 0;
            }
        }
        t->len = i - t->start;
    }
}

// --- variables -------------------------------------------------------------------------------

enum { SLOTS = 1024 };
static struct {
    const char *name;  // into `source`, NULL if the slot is free
    uint32_t len;
    uint32_t value;
} vars[SLOTS];

static uint32_t name_hash(const char *s, uint32_t len) {
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

// The slot of variable `s[0..len)`, created (as 0) if new.
static uint32_t *variable(const char *s, uint32_t len) {
    uint32_t i = name_hash(s, len) & (SLOTS - 1);
    while (vars[i].name && (vars[i].len != len || memcmp(vars[i].name, s, len) != 0)) i = (i + 1) & (SLOTS - 1);
    if (!vars[i].name) {
        vars[i].name = s;
        vars[i].len = len;
        vars[i].value = 0;
    }
    return &vars[i].value;
}

// --- parser and evaluator --------------------------------------------------------------------
//
// program   := (IDENT '=' expr ';')*
// expr      := bitwise ('?' expr ':' expr)?
// bitwise   := compare (('&' | '|' | '^') compare)*
// compare   := sum (('<' | '>' | '==') sum)?
// sum       := product (('+' | '-') product)*
// product   := unary (('*' | '/' | '%') unary)*
// unary     := '-' unary | primary
// primary   := NUM | IDENT | IDENT '(' expr (',' expr)* ')' | '(' expr ')'
// Arithmetic wraps at 32 bits; x / 0 and x % 0 are 0.

static const Token *cur;
static int parse_error;

static void expect(Kind kind) {
    if (cur->kind == kind) cur++;
    else parse_error = 1;
}

static uint32_t expr(void);

static int is_name(const Token *t, const char *name) {
    return t->len == strlen(name) && memcmp(source + t->start, name, t->len) == 0;
}

static uint32_t primary(void) {
    const Token *t = cur++;
    switch (t->kind) {
    case T_NUM: return t->value;
    case T_LPAREN: {
        uint32_t v = expr();
        expect(T_RPAREN);
        return v;
    }
    case T_IDENT:
        if (cur->kind == T_LPAREN) {
            cur++;
            int is_min = is_name(t, "min"), is_max = is_name(t, "max");
            if (!is_min && !is_max) parse_error = 1;
            uint32_t v = expr();
            while (cur->kind == T_COMMA) {
                cur++;
                uint32_t w = expr();
                v = is_min ? (w < v ? w : v) : (w > v ? w : v);
            }
            expect(T_RPAREN);
            return v;
        }
        return *variable(source + t->start, t->len);
    default: parse_error = 1; return 0;
    }
}

static uint32_t unary(void) {
    if (cur->kind == T_MINUS) {
        cur++;
        return 0u - unary();
    }
    return primary();
}

static uint32_t product(void) {
    uint32_t v = unary();
    while (cur->kind == T_STAR || cur->kind == T_SLASH || cur->kind == T_PERCENT) {
        Kind op = (cur++)->kind;
        uint32_t w = unary();
        if (op == T_STAR) v *= w;
        else if (op == T_SLASH) v = w ? v / w : 0;
        else v = w ? v % w : 0;
    }
    return v;
}

static uint32_t sum(void) {
    uint32_t v = product();
    while (cur->kind == T_PLUS || cur->kind == T_MINUS) {
        Kind op = (cur++)->kind;
        uint32_t w = product();
        v = op == T_PLUS ? v + w : v - w;
    }
    return v;
}

static uint32_t compare(void) {
    uint32_t v = sum();
    if (cur->kind == T_LT || cur->kind == T_GT || cur->kind == T_EQ) {
        Kind op = (cur++)->kind;
        uint32_t w = sum();
        v = op == T_LT ? v < w : op == T_GT ? v > w : v == w;
    }
    return v;
}

static uint32_t bitwise(void) {
    uint32_t v = compare();
    while (cur->kind == T_AMP || cur->kind == T_PIPE || cur->kind == T_CARET) {
        Kind op = (cur++)->kind;
        uint32_t w = compare();
        v = op == T_AMP ? v & w : op == T_PIPE ? v | w : v ^ w;
    }
    return v;
}

// Both arms are parsed (and evaluated: there are no side effects); the condition picks one.
static uint32_t expr(void) {
    uint32_t v = bitwise();
    if (cur->kind == T_QUESTION) {
        cur++;
        uint32_t a = expr();
        expect(T_COLON);
        uint32_t b = expr();
        v = v ? a : b;
    }
    return v;
}

// Runs the program; returns the number of statements executed.
static uint32_t run(void) {
    cur = tokens;
    uint32_t statements = 0;
    while (cur->kind != T_END && !parse_error) {
        const Token *name = cur;
        expect(T_IDENT);
        expect(T_ASSIGN);
        uint32_t v = expr();
        expect(T_SEMI);
        if (parse_error) break;
        *variable(source + name->start, name->len) = v;
        statements++;
    }
    return statements;
}

// --- source generator ------------------------------------------------------------------------

static uint32_t pos;

static void emit(const char *s) {
    size_t l = strlen(s);
    if (pos + l > MAX_SOURCE) bench_fail("generated source too long");
    memcpy(source + pos, s, l);
    pos += (uint32_t)l;
}

static void emit_var(Rng *rng) {
    static const char *const names[] = {"alpha", "beta", "gamma", "delta", "x", "y", "z", "count",
                                        "total", "acc", "tmp1", "tmp2", "index", "limit", "seed"};
    emit(names[rng_below(rng, sizeof names / sizeof *names)]);
}

static void emit_expr(Rng *rng, int depth) {
    uint32_t pick = depth > 4 ? rng_below(rng, 2) : rng_below(rng, 9);
    char buf[16];
    switch (pick) {
    case 0: {
        uint32_t v = rng_below(rng, 100000), l = 0;
        char digits[12];
        do digits[l++] = (char)('0' + v % 10);
        while (v /= 10);
        for (uint32_t i = 0; i < l; i++) buf[i] = digits[l - 1 - i];
        buf[l] = 0;
        emit(buf);
        break;
    }
    case 1: emit_var(rng); break;
    case 2: case 3: case 4: {
        static const char *const ops[] = {" + ", " - ", " * ", " / ", " % ", " & ", " | ", " ^ ", " < ", " == "};
        emit("(");
        emit_expr(rng, depth + 1);
        emit(ops[rng_below(rng, sizeof ops / sizeof *ops)]);
        emit_expr(rng, depth + 1);
        emit(")");
        break;
    }
    case 5: emit("-"); emit_expr(rng, depth + 1); break;
    case 6:
        emit(rng_below(rng, 2) ? "min(" : "max(");
        emit_expr(rng, depth + 1);
        emit(", ");
        emit_expr(rng, depth + 1);
        if (rng_below(rng, 2)) {
            emit(", ");
            emit_expr(rng, depth + 1);
        }
        emit(")");
        break;
    case 7:
        emit("(");
        emit_expr(rng, depth + 1);
        emit(" > ");
        emit_expr(rng, depth + 1);
        emit(" ? ");
        emit_expr(rng, depth + 1);
        emit(" : ");
        emit_expr(rng, depth + 1);
        emit(")");
        break;
    default:
        emit_expr(rng, depth + 1);
        emit(rng_below(rng, 2) ? " + " : " * ");
        emit_expr(rng, depth + 1);
        break;
    }
}

static void generate(Rng *rng) {
    pos = 0;
    while (pos < MAX_SOURCE - 4096) {
        if (rng_below(rng, 16) == 0) emit("# a comment line\n");
        emit_var(rng);
        emit(" = ");
        emit_expr(rng, 0);
        emit(";\n");
    }
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 200);
    Rng rng = rng_new(0x70c3);
    generate(&rng);
    uint32_t count = tokenize(source, pos, tokens);
    if (count == 0) bench_fail("tokenizer rejected the generated source");
    uint64_t checksum = mix(0, count);
    for (uint32_t round = 0; round < n; round++) {
        // Re-tokenize every round: the tokenizer is half of the benchmark.
        if (tokenize(source, pos, tokens) != count) bench_fail("tokenizer is not deterministic");
        uint32_t statements = run();
        if (parse_error) bench_fail("parse error in the generated source");
        checksum = mix(checksum, statements);
        for (uint32_t i = 0; i < SLOTS; i++)
            if (vars[i].name) checksum = mix(checksum, vars[i].value);
    }
    bench_checksum(checksum);
    return 0;
}
