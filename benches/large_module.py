#!/usr/bin/env python3
"""Writes a large, deterministic .wasm binary (4.8 MB, 6000 functions by default) for benches/startup.sh.

Usage: python3 benches/large_module.py OUT.wasm [NUM_FUNCS]     (default 6000 functions)

The module has one memory (1 page) and NUM_FUNCS functions of type (param i32) (result i32), function i
exported as "f<i>". Each body is a randomised but realistic mix of 150-2000 bytes (median ~780): six
i32 locals, straight-line i32 arithmetic with constants, masked memory loads and stores (8/16/32-bit),
if and if/else blocks, select, a counted loop with an early-exit compare+br_if, and in two functions
of three a call to another function, guarded by `x >> 1 != 0` and passed `x >> 1`, so every call chain
ends within 32 calls whatever the argument. Nothing can trap: addresses are masked to the page and
divisors are constants >= 2.

The binary format is encoded by hand (LEB128; type, function, memory, export and code sections) and
the randomness comes from a fixed xorshift generator, so the same arguments always give the same bytes
on any Python 3. Only the standard library is used.
"""
import sys

# Opcodes (the WebAssembly core spec, section 5.4).
BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, CALL, SELECT = 0x02, 0x03, 0x04, 0x05, 0x0B, 0x0C, 0x0D, 0x10, 0x1B
LOCAL_GET, LOCAL_SET, LOCAL_TEE = 0x20, 0x21, 0x22
I32_LOAD, I32_LOAD8_U, I32_LOAD16_S = 0x28, 0x2D, 0x2E
I32_STORE, I32_STORE8, I32_STORE16 = 0x36, 0x3A, 0x3B
I32_CONST, I32_EQZ = 0x41, 0x45
I32_CMP = [0x46, 0x47, 0x48, 0x49, 0x4A, 0x4B, 0x4C, 0x4D, 0x4E, 0x4F]  # eq ne lt_s lt_u gt_s gt_u le_s le_u ge_s ge_u
I32_ADD, I32_SUB, I32_MUL, I32_DIV_U, I32_REM_U = 0x6A, 0x6B, 0x6C, 0x6E, 0x70
I32_AND, I32_OR, I32_XOR, I32_SHL, I32_SHR_S, I32_SHR_U, I32_ROTL, I32_ROTR = range(0x71, 0x79)
I32_CLZ, I32_POPCNT = 0x67, 0x69
# Binary operators safe with any operands; the shifts and rotates take their count mod 32.
SAFE_BINOPS = [I32_ADD, I32_ADD, I32_SUB, I32_MUL, I32_AND, I32_OR, I32_XOR, I32_XOR,
               I32_SHL, I32_SHR_S, I32_SHR_U, I32_ROTL, I32_ROTR]
VOID, I32 = 0x40, 0x7F

# Local indices: 0 is the parameter x; 1..6 are declared i32 locals.
X, A, B, C, D, N, T = range(7)
VALUE_LOCALS = [A, B, C, D]
ADDR_MASK = 0xFFF0  # with offsets <= 12 and accesses <= 4 bytes, stays inside one 64 KiB page


def uleb(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def sleb(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if (n == 0 and not byte & 0x40) or (n == -1 and byte & 0x40):
            out.append(byte)
            return bytes(out)
        out.append(byte | 0x80)


def name(s):
    raw = s.encode()
    return uleb(len(raw)) + raw


def vec(items):
    return uleb(len(items)) + b"".join(items)


def section(sid, payload):
    return bytes([sid]) + uleb(len(payload)) + payload


class Rng:
    """xorshift64*: fixed output for a fixed seed, independent of Python's `random` module."""

    def __init__(self, seed):
        self.state = (seed * 0x9E3779B97F4A7C15 + 1) & (2**64 - 1) or 1

    def next(self):
        s = self.state
        s ^= (s >> 12)
        s ^= (s << 25) & (2**64 - 1)
        s ^= (s >> 27)
        self.state = s
        return ((s * 0x2545F4914F6CDD1D) & (2**64 - 1)) >> 32

    def below(self, n):
        return self.next() % n

    def pick(self, items):
        return items[self.below(len(items))]

    def const(self):
        """An i32 constant: mostly small, sometimes a full 32-bit value (as real code has)."""
        r = self.below(4)
        if r == 0:
            return self.below(16)
        if r == 1:
            return self.below(4096) - 2048
        return self.next() - 2**31


class Body:
    """Emits one function body; `depth` counts the enclosing block/loop/if labels."""

    def __init__(self, rng, index, num_funcs):
        self.rng, self.index, self.num_funcs = rng, index, num_funcs
        self.code = bytearray()
        self.depth = 0

    def op(self, *bs):
        self.code += bytes(bs)

    def get(self, local):
        self.op(LOCAL_GET, local)

    def set(self, local):
        self.op(LOCAL_SET, local)

    def i32(self, value):
        self.code += bytes([I32_CONST]) + sleb(value)

    def operand(self):
        """Pushes a local or a constant."""
        if self.rng.below(2):
            self.get(self.rng.pick(VALUE_LOCALS + [X]))
        else:
            self.i32(self.rng.const())

    def address(self):
        """Pushes a masked address computed from a local."""
        self.get(self.rng.pick(VALUE_LOCALS + [X]))
        if self.rng.below(2):
            self.i32(self.rng.below(256) * 4)
            self.op(I32_ADD)
        self.i32(ADDR_MASK)
        self.op(I32_AND)

    def memarg(self, align):
        self.code += uleb(align) + uleb(self.rng.below(4) * 4)

    # Statements: each leaves the operand stack as it found it.

    def arith(self):
        """l = (l1 op k) op2 (l2 op3 k2), or the shorter l = l1 op k."""
        rng = self.rng
        self.get(rng.pick(VALUE_LOCALS + [X]))
        self.operand()
        self.op(rng.pick(SAFE_BINOPS))
        if rng.below(2):
            self.get(rng.pick(VALUE_LOCALS))
            self.operand()
            self.op(rng.pick(SAFE_BINOPS))
            self.op(rng.pick(SAFE_BINOPS))
        if rng.below(6) == 0:
            self.i32(2 + rng.below(1000))
            self.op(rng.pick([I32_DIV_U, I32_REM_U]))
        if rng.below(10) == 0:
            self.op(rng.pick([I32_CLZ, I32_POPCNT]))
        self.set(rng.pick(VALUE_LOCALS))

    def load(self):
        rng = self.rng
        self.address()
        kind = rng.below(4)
        if kind == 0:
            self.op(I32_LOAD8_U)
            self.memarg(0)
        elif kind == 1:
            self.op(I32_LOAD16_S)
            self.memarg(1)
        else:
            self.op(I32_LOAD)
            self.memarg(2)
        self.get(rng.pick(VALUE_LOCALS))
        self.op(rng.pick(SAFE_BINOPS))
        self.set(rng.pick(VALUE_LOCALS))

    def store(self):
        rng = self.rng
        self.address()
        self.get(rng.pick(VALUE_LOCALS + [X]))
        self.operand()
        self.op(rng.pick(SAFE_BINOPS))
        kind = rng.below(4)
        if kind == 0:
            self.op(I32_STORE8)
            self.memarg(0)
        elif kind == 1:
            self.op(I32_STORE16)
            self.memarg(1)
        else:
            self.op(I32_STORE)
            self.memarg(2)

    def select(self):
        rng = self.rng
        self.get(rng.pick(VALUE_LOCALS))
        self.operand()
        self.get(rng.pick(VALUE_LOCALS))
        self.i32(1 << rng.below(8))
        self.op(I32_AND, SELECT)
        self.set(rng.pick(VALUE_LOCALS))

    def condition(self):
        """Pushes `l cmp k` or `l cmp l2`."""
        self.get(self.rng.pick(VALUE_LOCALS + [X]))
        self.operand()
        self.op(self.rng.pick(I32_CMP))

    def if_block(self, nest):
        rng = self.rng
        self.condition()
        self.op(IF, VOID)
        self.depth += 1
        self.statements(1 + rng.below(3), nest - 1)
        if rng.below(2):
            self.op(ELSE)
            self.statements(1 + rng.below(2), nest - 1)
        self.op(END)
        self.depth -= 1

    def simple(self):
        self.rng.pick([self.arith, self.arith, self.arith, self.load, self.store, self.select])()

    def statements(self, count, nest):
        for _ in range(count):
            if nest > 0 and self.rng.below(5) == 0:
                self.if_block(nest)
            else:
                self.simple()

    def counted_loop(self, count):
        """block $exit; loop $top; ...; early exit via br_if $exit; n -= 1; br_if $top (n != 0)."""
        rng = self.rng
        self.get(X)
        self.i32(7)
        self.op(I32_AND)
        self.i32(1 + rng.below(4))
        self.op(I32_ADD)
        self.set(N)
        self.op(BLOCK, VOID)
        exit_depth = self.depth
        self.depth += 1
        self.op(LOOP, VOID)
        top_depth = self.depth
        self.depth += 1
        half = count // 2
        self.statements(half, 2)
        self.condition()
        self.op(BR_IF, self.depth - 1 - exit_depth)
        self.statements(count - half, 2)
        self.get(N)
        self.i32(1)
        self.op(I32_SUB, LOCAL_TEE, N, BR_IF, self.depth - 1 - top_depth)
        self.op(END)
        self.depth -= 1
        self.op(END)
        self.depth -= 1

    def guarded_call(self):
        """if ((t = x >> 1) != 0) a += f<j>(t)  -- halving bounds every call chain at 32 calls."""
        callee = self.rng.below(self.num_funcs)
        self.get(X)
        self.i32(1)
        self.op(I32_SHR_U, LOCAL_TEE, T, IF, VOID)
        self.get(T)
        self.code += bytes([CALL]) + uleb(callee)
        self.get(A)
        self.op(I32_ADD)
        self.set(A)
        self.op(END)

    def build(self):
        rng = self.rng
        # Prologue: seed the locals from x.
        self.get(X)
        self.i32(rng.const() | 1)
        self.op(I32_MUL)
        self.i32(rng.const())
        self.op(I32_ADD)
        self.set(A)
        self.get(X)
        self.i32(rng.const())
        self.op(I32_XOR)
        self.set(B)
        self.i32(rng.const())
        self.set(C)
        # Size varies per function as in real modules: 6 to 50 statements, average about 28.
        size = 6 + rng.below(45)
        before = size // 4
        in_loop = size // 2
        self.statements(before, 2)
        self.counted_loop(in_loop)
        if rng.below(3):
            self.guarded_call()
        self.statements(size - before - in_loop, 2)
        # Result: a mix of all value locals.
        self.get(A)
        self.get(B)
        self.op(I32_ADD)
        self.get(C)
        self.op(I32_XOR)
        self.get(D)
        self.op(I32_SUB)
        self.op(END)
        assert self.depth == 0
        locals_decl = vec([uleb(T) + bytes([I32])])  # locals 1..T, all i32
        body = locals_decl + bytes(self.code)
        return uleb(len(body)) + body


def module(num_funcs):
    rng = Rng(0x4A17E)
    types = section(1, vec([bytes([0x60]) + vec([bytes([I32])]) + vec([bytes([I32])])]))
    funcs = section(3, vec([uleb(0)] * num_funcs))
    memory = section(5, vec([bytes([0x00]) + uleb(1)]))
    exports = section(7, vec([name(f"f{i}") + bytes([0x00]) + uleb(i) for i in range(num_funcs)]))
    code = section(10, vec([Body(rng, i, num_funcs).build() for i in range(num_funcs)]))
    return b"\0asm" + (1).to_bytes(4, "little") + types + funcs + memory + exports + code


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    num_funcs = int(sys.argv[2]) if len(sys.argv) == 3 else 6000
    if num_funcs < 1:
        sys.exit("error: NUM_FUNCS must be at least 1")
    data = module(num_funcs)
    with open(sys.argv[1], "wb") as f:
        f.write(data)
    print(f"{sys.argv[1]}: {len(data)} bytes, {num_funcs} functions", file=sys.stderr)


if __name__ == "__main__":
    main()
