#!/usr/bin/env python3
"""Plain-Python models of the wat/ benchmark kernels, to compute their expected results independently.

Usage: benches/reference.py            # checks every line of benches/workloads.txt
       benches/reference.py KERNEL ARG # prints one kernel's result
Each function mirrors its .wat file operation by operation (wrapping integer arithmetic, the same
f64 evaluation order), so an agreement with the runtimes is a real check rather than a tautology.
"""
import os
import sys

M32 = (1 << 32) - 1
M64 = (1 << 64) - 1


def count(n):
    return n if n > 0 else 0


def fib_iter(n):
    a, b = 0, 1
    for _ in range(max(n, 0)):
        a, b = b, (a + b) & M64
    return a & 0x7FFF_FFFF_FFFF_FFFF


def fib_tail(n):
    fibs = [0, 1]
    while len(fibs) <= 64:
        fibs.append((fibs[-1] + fibs[-2]) & M64)
    total = 0
    for i in range(max(n, 0)):
        total = (total + fibs[32 + (i & 31)]) & M64
    return total & 0x7FFF_FFFF_FFFF_FFFF


def fib_tail_call(n):
    return fib_tail(n)


def throw_catch(n):
    return sum(i + 7 for i in range(max(n, 0))) & M64


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def memfill(n):
    size = 1 << 20
    # Pass p fills byte i with (i * i + p) & 255, which repeats every 256 bytes, and 1 MiB is a
    # whole number of those periods.
    total = 0
    for p in range(max(n, 0)):
        total += (size // 256) * sum((i * i + p) & 0xFF for i in range(256))
    return total & M32 & 0x7FFF_FFFF


def memcopy(n):
    a = bytes((i * 7 + 3) & 0xFF for i in range(65536))
    for p in range(max(n, 0)):
        # B := A; A[1..] := B[..65535]; A[0] := p
        a = bytes([p & 0xFF]) + a[:65535]
    total = 0
    for off in range(0, 65536, 8):
        total = (total + int.from_bytes(a[off:off + 8], "little")) & M64
    return total & 0x7FFF_FFFF_FFFF_FFFF


def calls(n):
    acc = 0
    for i in range(max(n, 0)):
        b = (i + 1) & M32
        mix = ((acc ^ b) + (acc << 1)) & M32
        acc = (mix + (i & 15)) & M32
    return acc & 0x7FFF_FFFF


def rotl32(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


def br_table(n):
    x, s = 1, 0
    for left in range(max(n, 0), 0, -1):
        if s == 0:
            x = (x + 0x9E3779B9) & M32
            s = x >> 29
        elif s == 1:
            x = (x ^ (x << 13)) & M32
            s = 4
        elif s == 2:
            x ^= x >> 17
            s = x & 7
        elif s == 3:
            x = (x * 5 + 1) & M32
            s = 6
        elif s == 4:
            x = (x ^ (x << 5)) & M32
            s = (x >> 7) & 7
        elif s == 5:
            x = (x + left) & M32
            s = 0
        elif s == 6:
            x = rotl32(x, 11)
            s = (x >> 3) & 7
        else:
            x = (x - 1) & M32
            s = 2
    return x & 0x7FFF_FFFF


def i64_arith(n):
    state = acc = 0
    for _ in range(max(n, 0)):
        state = (state + 0x9E3779B97F4A7C15) & M64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        z ^= z >> 31
        acc = (((acc << 5) | (acc >> 59)) & M64) ^ z
        signed_z = z - (1 << 64) if z >> 63 else z
        acc = (acc + ((signed_z >> 3) & M64)) & M64
    return acc & 0x7FFF_FFFF_FFFF_FFFF


def f64_math(size):
    if size <= 0:
        return 0
    step = 3.0 / float(size)
    total, fsum = 0, 0.0
    for y in range(size):
        ci = -1.5 + float(y) * step
        for x in range(size):
            cr = -2.0 + float(x) * step
            zr = zi = zr2 = zi2 = 0.0
            it = 0
            while it < 64 and not (zr2 + zi2 > 4.0):
                zi = 2.0 * zr * zi + ci
                zr = (zr2 - zi2) + cr
                zr2 = zr * zr
                zi2 = zi * zi
                it += 1
            total += it
            fsum += zr2 + zi2
    return total + int(fsum)  # int() truncates toward zero like i64.trunc_f64_s


KERNELS = {f.__name__: f for f in (count, fib_iter, fib_tail, fib_tail_call, throw_catch, fib, memfill, memcopy, calls, br_table, i64_arith, f64_math)}


def main():
    if len(sys.argv) == 3:
        print(KERNELS[sys.argv[1]](int(sys.argv[2])))
        return 0
    here = os.path.dirname(os.path.abspath(__file__))
    bad = 0
    with open(os.path.join(here, "workloads.txt")) as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if not line:
                continue
            _file, export, arg, expected = line
            if _file.endswith(".wasm"):
                continue  # a WASI program: its checksum comes from the runtimes, not from here
            got = KERNELS[export](int(arg))
            ok = str(got) == expected
            bad += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {export}({arg}) = {got} (workloads.txt says {expected})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
