// interp.c: benchmark program: a switch-dispatched stack virtual machine (the guest's own
// indirect-branch-heavy dispatch loop) running two loop-heavy bytecode programs: a hashing nest
// of loops with a subroutine call, and the Collatz sequence lengths of 1..=3000, N times each.
#include "bench.h"

// Bytecode: one int32 opcode, then its operand if it has one. Values are uint32, wrapping.
typedef enum {
    OP_HALT,
    OP_PUSH,   // imm:  push imm
    OP_LOAD,   // slot: push var[slot]
    OP_STORE,  // slot: var[slot] = pop
    OP_INC,    // slot: var[slot] += 1
    OP_DUP,    //       push top
    OP_DROP,   //       pop
    OP_SWAP,   //       swap the two top values
    OP_ADD,    //       b = pop, a = pop, push a + b (and likewise for the binary ops below)
    OP_SUB,
    OP_MUL,
    OP_AND,
    OP_OR,
    OP_XOR,
    OP_SHL,    //       shift counts are taken mod 32
    OP_SHR,
    OP_DIVU,   //       x / 0 = 0
    OP_REMU,   //       x % 0 = 0
    OP_LTU,    //       push a < b
    OP_EQ,     //       push a == b
    OP_JMP,    // addr: pc = addr
    OP_JZ,     // addr: if pop == 0 then pc = addr
    OP_JNZ,    // addr: if pop != 0 then pc = addr
    OP_CALL,   // addr: push return address on the call stack, pc = addr
    OP_RET,    //       pc = pop the call stack
} Op;

enum { STACK = 256, CALLS = 64, VARS = 16, CODE = 512 };

typedef struct {
    uint32_t var[VARS];
    uint64_t steps;
} Vm;

// Runs `code` from address 0 to OP_HALT; returns the top of the stack (0 if empty).
static uint32_t run(Vm *vm, const int32_t *code) {
    uint32_t stack[STACK], calls[CALLS];
    uint32_t sp = 0, csp = 0;
    int32_t pc = 0;
    uint64_t steps = 0;
    uint32_t a, b;
    for (;;) {
        steps++;
        switch ((Op)code[pc++]) {
        case OP_HALT: vm->steps += steps; return sp ? stack[sp - 1] : 0;
        case OP_PUSH: stack[sp++] = (uint32_t)code[pc++]; break;
        case OP_LOAD: stack[sp++] = vm->var[code[pc++]]; break;
        case OP_STORE: vm->var[code[pc++]] = stack[--sp]; break;
        case OP_INC: vm->var[code[pc++]]++; break;
        case OP_DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case OP_DROP: sp--; break;
        case OP_SWAP: a = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = a; break;
        case OP_ADD: b = stack[--sp]; stack[sp - 1] += b; break;
        case OP_SUB: b = stack[--sp]; stack[sp - 1] -= b; break;
        case OP_MUL: b = stack[--sp]; stack[sp - 1] *= b; break;
        case OP_AND: b = stack[--sp]; stack[sp - 1] &= b; break;
        case OP_OR: b = stack[--sp]; stack[sp - 1] |= b; break;
        case OP_XOR: b = stack[--sp]; stack[sp - 1] ^= b; break;
        case OP_SHL: b = stack[--sp]; stack[sp - 1] <<= b & 31; break;
        case OP_SHR: b = stack[--sp]; stack[sp - 1] >>= b & 31; break;
        case OP_DIVU: b = stack[--sp]; stack[sp - 1] = b ? stack[sp - 1] / b : 0; break;
        case OP_REMU: b = stack[--sp]; stack[sp - 1] = b ? stack[sp - 1] % b : 0; break;
        case OP_LTU: b = stack[--sp]; stack[sp - 1] = stack[sp - 1] < b; break;
        case OP_EQ: b = stack[--sp]; stack[sp - 1] = stack[sp - 1] == b; break;
        case OP_JMP: pc = code[pc]; break;
        case OP_JZ: pc = stack[--sp] == 0 ? code[pc] : pc + 1; break;
        case OP_JNZ: pc = stack[--sp] != 0 ? code[pc] : pc + 1; break;
        case OP_CALL: calls[csp++] = (uint32_t)pc + 1; pc = code[pc]; break;
        case OP_RET: pc = (int32_t)calls[--csp]; break;
        default: bench_fail("bad opcode"); break;
        }
        if (sp >= STACK - 2 || csp >= CALLS) bench_fail("VM stack overflow");
    }
}

// --- a tiny assembler with forward labels ----------------------------------------------------

typedef struct {
    int32_t code[CODE];
    int32_t len;
    int32_t label[16];       // address of each label, -1 until placed
    int32_t fixup[64][2];    // (code index, label) pairs to patch
    int32_t fixups;
} Asm;

static void emit(Asm *as, Op op) { as->code[as->len++] = op; }

static void emit1(Asm *as, Op op, int32_t operand) {
    as->code[as->len++] = op;
    as->code[as->len++] = operand;
}

static void jump(Asm *as, Op op, int label) {
    as->code[as->len++] = op;
    as->fixup[as->fixups][0] = as->len;
    as->fixup[as->fixups++][1] = label;
    as->code[as->len++] = -1;
}

static void place(Asm *as, int label) { as->label[label] = as->len; }

static void finish(Asm *as) {
    for (int i = 0; i < as->fixups; i++) as->code[as->fixup[i][0]] = as->label[as->fixup[i][1]];
}

static Asm new_asm(void) {
    Asm as = {.len = 0, .fixups = 0};
    for (int i = 0; i < 16; i++) as.label[i] = -1;
    return as;
}

enum { I, J, ACC, LIMIT, T, K };

// for i in 0..limit { for j in 0..64 { acc = acc * 31 + (i ^ j); if acc & 1 { acc ^= 0x5bd1e995 }
// else { acc += j >> 1 } }; acc += mixer(i) }, where mixer(x) = (x * x ^ x >> 3) % 1009.
static Asm hash_program(uint32_t limit) {
    enum { OUTER, INNER, EVEN, NEXT, INNER_DONE, DONE, MIXER };
    Asm as = new_asm();
    emit1(&as, OP_PUSH, (int32_t)limit), emit1(&as, OP_STORE, LIMIT);
    emit1(&as, OP_PUSH, 0), emit1(&as, OP_STORE, I);
    place(&as, OUTER);
    emit1(&as, OP_LOAD, I), emit1(&as, OP_LOAD, LIMIT), emit(&as, OP_LTU), jump(&as, OP_JZ, DONE);
    emit1(&as, OP_PUSH, 0), emit1(&as, OP_STORE, J);
    place(&as, INNER);
    emit1(&as, OP_LOAD, J), emit1(&as, OP_PUSH, 64), emit(&as, OP_LTU), jump(&as, OP_JZ, INNER_DONE);
    emit1(&as, OP_LOAD, ACC), emit1(&as, OP_PUSH, 31), emit(&as, OP_MUL);
    emit1(&as, OP_LOAD, I), emit1(&as, OP_LOAD, J), emit(&as, OP_XOR), emit(&as, OP_ADD);
    emit(&as, OP_DUP), emit1(&as, OP_STORE, ACC);
    emit1(&as, OP_PUSH, 1), emit(&as, OP_AND), jump(&as, OP_JZ, EVEN);
    emit1(&as, OP_LOAD, ACC), emit1(&as, OP_PUSH, 0x5bd1e995), emit(&as, OP_XOR), emit1(&as, OP_STORE, ACC);
    jump(&as, OP_JMP, NEXT);
    place(&as, EVEN);
    emit1(&as, OP_LOAD, ACC), emit1(&as, OP_LOAD, J), emit1(&as, OP_PUSH, 1), emit(&as, OP_SHR);
    emit(&as, OP_ADD), emit1(&as, OP_STORE, ACC);
    place(&as, NEXT);
    emit1(&as, OP_INC, J), jump(&as, OP_JMP, INNER);
    place(&as, INNER_DONE);
    emit1(&as, OP_LOAD, I), jump(&as, OP_CALL, MIXER);
    emit1(&as, OP_LOAD, ACC), emit(&as, OP_ADD), emit1(&as, OP_STORE, ACC);
    emit1(&as, OP_INC, I), jump(&as, OP_JMP, OUTER);
    place(&as, DONE);
    emit1(&as, OP_LOAD, ACC), emit(&as, OP_HALT);
    place(&as, MIXER);  // ( x -- mixer(x) )
    emit(&as, OP_DUP), emit(&as, OP_DUP), emit(&as, OP_MUL), emit(&as, OP_SWAP);
    emit1(&as, OP_PUSH, 3), emit(&as, OP_SHR), emit(&as, OP_XOR);
    emit1(&as, OP_PUSH, 1009), emit(&as, OP_REMU), emit(&as, OP_RET);
    finish(&as);
    return as;
}

// total = sum over k in 1..=limit of the number of Collatz steps from k to 1.
static Asm collatz_program(uint32_t limit) {
    enum { OUTER, INNER, ODD, NEXT, INNER_DONE, DONE };
    Asm as = new_asm();
    emit1(&as, OP_PUSH, 0), emit1(&as, OP_STORE, ACC);
    emit1(&as, OP_PUSH, 1), emit1(&as, OP_STORE, K);
    place(&as, OUTER);
    emit1(&as, OP_PUSH, (int32_t)limit), emit1(&as, OP_LOAD, K), emit(&as, OP_LTU), jump(&as, OP_JNZ, DONE);
    emit1(&as, OP_LOAD, K), emit1(&as, OP_STORE, T);
    place(&as, INNER);
    emit1(&as, OP_LOAD, T), emit1(&as, OP_PUSH, 1), emit(&as, OP_EQ), jump(&as, OP_JNZ, INNER_DONE);
    emit1(&as, OP_INC, ACC);
    emit1(&as, OP_LOAD, T), emit1(&as, OP_PUSH, 1), emit(&as, OP_AND), jump(&as, OP_JNZ, ODD);
    emit1(&as, OP_LOAD, T), emit1(&as, OP_PUSH, 1), emit(&as, OP_SHR), emit1(&as, OP_STORE, T);
    jump(&as, OP_JMP, NEXT);
    place(&as, ODD);
    emit1(&as, OP_LOAD, T), emit1(&as, OP_PUSH, 3), emit(&as, OP_MUL), emit1(&as, OP_PUSH, 1);
    emit(&as, OP_ADD), emit1(&as, OP_STORE, T);
    place(&as, NEXT);
    jump(&as, OP_JMP, INNER);
    place(&as, INNER_DONE);
    emit1(&as, OP_INC, K), jump(&as, OP_JMP, OUTER);
    place(&as, DONE);
    emit1(&as, OP_LOAD, ACC), emit(&as, OP_HALT);
    finish(&as);
    return as;
}

int main(int argc, char **argv) {
    uint32_t n = bench_scale(argc, argv, 8);
    Vm vm = {{0}, 0};
    Asm collatz = collatz_program(10);
    // Steps from 1..=10 to 1: 0+1+7+2+5+8+16+3+19+6.
    if (run(&vm, collatz.code) != 67) bench_fail("Collatz steps of 1..=10");
    // Every round runs both programs; the variables (the hash's accumulator) carry over.
    Asm hash = hash_program(2000);
    collatz = collatz_program(3000);
    uint64_t checksum = 0;
    for (uint32_t round = 0; round < n; round++) {
        checksum = mix(checksum, run(&vm, hash.code));
        checksum = mix(checksum, run(&vm, collatz.code));
    }
    bench_checksum(mix(checksum, vm.steps));
    return 0;
}
