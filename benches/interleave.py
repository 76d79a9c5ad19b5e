#!/usr/bin/env python3
"""Wall-clock times of short commands run interleaved: each round runs every command once, in
order, so that drift of a noisy host (other load, CPU frequency) touches all of them alike.

Usage: benches/interleave.py ROUNDS CMD [-- CMD ...]
       e.g. benches/interleave.py 100 target/release/hayate run benches/programs/real/lua.wasm 0 \
                -- wasmi run benches/programs/real/lua.wasm 0

Three warm-up rounds are not counted. Output and exit status of the commands are ignored (run
each once by hand first). Prints per command the median, first and third quartile in ms
(process start included), and each other command's median over the first's (above 1: the first
command is faster).
"""
import subprocess
import sys
import time


def main() -> None:
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands, current = [], []
    for arg in sys.argv[2:]:
        if arg == "--":
            commands.append(current)
            current = []
        else:
            current.append(arg)
    commands.append(current)
    commands = [c for c in commands if c]
    times = [[] for _ in commands]
    for r in range(rounds + 3):
        for i, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            if r >= 3:
                times[i].append((time.perf_counter() - start) * 1e3)
    medians = []
    for command, t in zip(commands, times):
        t.sort()
        n = len(t)
        medians.append(t[n // 2])
        print(f"{t[n // 2]:8.3f} ms median  (quartiles {t[n // 4]:.3f} {t[3 * n // 4]:.3f})  {' '.join(command)}")
    for command, median in zip(commands[1:], medians[1:]):
        print(f"{median / medians[0]:6.3f}  {' '.join(command)} / first")


if __name__ == "__main__":
    main()
