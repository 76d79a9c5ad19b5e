#!/usr/bin/env bash
# Startup benchmark, hayate against wasmi: compile+instantiate of a large module in lazy and eager
# translation, hello world end to end, and the real programs of benches/programs/real/ (0.15-1.2 MB
# modules compiled from C) from start to their usage message.
#
# Usage: benches/startup.sh
# Env:   RUNS=N       hyperfine runs per command (default 10; two warmup runs come on top)
#        HAYATE=PATH  the hayate binary (default target/release/hayate; build it first)
#        WASMI=PATH   the wasmi CLI (default wasmi on PATH; `cargo install wasmi_cli`)
#
# The large module is target/bench-wasm/large.wasm, written by benches/large_module.py (4.8 MB, 6000
# functions) when missing or older than the generator. Calling its f0 with argument 1 runs one short
# function, so the time is almost all reading, validating, translating (all of it with --eager /
# --compilation-mode eager, only f0 otherwise) and instantiating the module. The four commands
#   hayate run            (lazy translation, hayate's default)
#   hayate run --eager
#   wasmi run             (--compilation-mode lazy-translation, wasmi's default)
#   wasmi run --compilation-mode eager
# are timed in one hyperfine call (JSON: target/bench-results/startup.json), then wat/hello.wat and its
# .wasm (converted with wasm-tools, when installed) in a second one (target/bench-results/startup-hello.json).
# Each real program runs with the argument 0, which it refuses: `_start` runs the C start-up code,
# main reads its argument, prints its usage line through stdio and exits with status 2, so the time
# is reading, validating and instantiating the module, translating (lazily: the functions on that
# path) and WASI set-up (third hyperfine call, target/bench-results/startup-real.json).
# Every command is first run once and must print the same as the others. A markdown table of medians
# and ratios wasmi / hayate (above 1: hayate is faster) closes the output.
set -euo pipefail

# shellcheck source=benches/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs="${RUNS:-10}"
wasmi="${WASMI:-wasmi}"
large="$wasm_dir/large.wasm"

command -v "$wasmi" >/dev/null || { echo "error: $wasmi not found (cargo install wasmi_cli)" >&2; exit 1; }

mkdir -p "$out" "$wasm_dir"
if [ ! -f "$large" ] || [ benches/large_module.py -nt "$large" ]; then
    python3 benches/large_module.py "$large"
fi

# Runs each command (name, command line, name, ...) once; all must exit with status $expect (0
# unless set) and print the same.
same_output() {
    local first="" name cmd output status
    while [ "$#" -gt 0 ]; do
        name="$1" cmd="$2"
        shift 2
        status=0
        output="$($cmd 2>&1)" || status=$?
        [ "$status" = "${expect:-0}" ] || { echo "error: $name exited with $status: $output" >&2; exit 1; }
        if [ -z "$first" ]; then
            first="$output"
        elif [ "$output" != "$first" ]; then
            echo "error: $name printed '$output', not '$first' as the first command did" >&2
            exit 1
        fi
    done
    echo "   all print: $(printf '%s' "$first" | tr '\n' ' ')" >&2
}

large_cmds=(
    "hayate large lazy" "$hayate run --invoke f0 $large 1"
    "hayate large eager" "$hayate run --eager --invoke f0 $large 1"
    "wasmi large lazy" "$wasmi run --invoke f0 $large 1"
    "wasmi large eager" "$wasmi run --compilation-mode eager --invoke f0 $large 1"
)
hello_cmds=(
    "hayate hello.wat" "$hayate run wat/hello.wat"
    "wasmi hello.wat" "$wasmi run wat/hello.wat"
)
if command -v wasm-tools >/dev/null; then
    hello_wasm="$wasm_dir/hello.wasm"
    [ -f "$hello_wasm" ] && [ "$hello_wasm" -nt wat/hello.wat ] || wasm-tools parse wat/hello.wat -o "$hello_wasm"
    hello_cmds+=(
        "hayate hello.wasm" "$hayate run $hello_wasm"
        "wasmi hello.wasm" "$wasmi run $hello_wasm"
    )
else
    echo "note: wasm-tools not found, hello.wasm left out" >&2
fi

real_cmds=()
for wasm in benches/programs/real/*.wasm; do
    name="$(basename "$wasm" .wasm)"
    real_cmds+=("hayate $name" "$hayate run $wasm 0" "wasmi $name" "$wasmi run $wasm 0")
done

# hyperfine's -n NAME CMD pairs from the (name, command) list.
hf_args() {
    while [ "$#" -gt 0 ]; do
        printf '%s\0%s\0%s\0' -n "$1" "$2"
        shift 2
    done
}

echo "== large module: $large, $(stat -c %s "$large") bytes" >&2
same_output "${large_cmds[@]}"
mapfile -d '' args < <(hf_args "${large_cmds[@]}")
hyperfine -N --warmup 2 --runs "$runs" --style basic --export-json "$out/startup.json" "${args[@]}" >&2

echo "== hello world" >&2
same_output "${hello_cmds[@]}"
mapfile -d '' args < <(hf_args "${hello_cmds[@]}")
hyperfine -N --warmup 2 --runs "$runs" --style basic --export-json "$out/startup-hello.json" "${args[@]}" >&2

if [ "${#real_cmds[@]}" -gt 0 ]; then
    echo "== real programs, from start to usage message (argument 0, exit status 2)" >&2
    for ((i = 0; i < ${#real_cmds[@]}; i += 4)); do
        expect=2 same_output "${real_cmds[@]:i:4}"
    done
    mapfile -d '' args < <(hf_args "${real_cmds[@]}")
    hyperfine -N -i --warmup 2 --runs "$runs" --style basic --export-json "$out/startup-real.json" "${args[@]}" >&2
else
    rm -f "$out/startup-real.json"
fi

python3 - "$out/startup.json" "$out/startup-hello.json" "$large" "$out/startup-real.json" <<'PY'
import json, math, os, sys

medians = {}
for path in sys.argv[1:3] + [p for p in sys.argv[4:] if os.path.exists(p)]:
    for r in json.load(open(path))["results"]:
        runtime, case = r["command"].split(" ", 1)
        medians[(case, runtime)] = r["median"]
size = os.path.getsize(sys.argv[3])
real_dir = "benches/programs/real"
REAL = {f[:-5]: os.path.getsize(os.path.join(real_dir, f)) for f in os.listdir(real_dir) if f.endswith(".wasm")}
print(f"Startup, median of hyperfine runs; large = {sys.argv[3]} ({size / 1e6:.1f} MB), `--invoke f0 large.wasm 1`")
print()
print("| case | hayate (ms) | wasmi (ms) | wasmi / hayate |")
print("|---|---:|---:|---:|")
for case in dict.fromkeys(case for case, _ in medians):
    h, w = medians.get((case, "hayate")), medians.get((case, "wasmi"))
    if h is None or w is None:
        continue
    if case in REAL:
        case = f"{case}.wasm ({REAL[case] / 1e6:.2f} MB) to usage message"
    print(f"| {case} | {h * 1e3:.1f} | {w * 1e3:.1f} | {w / h:.2f} |")
real = [medians[(c, "wasmi")] / medians[(c, "hayate")] for c in REAL if (c, "hayate") in medians and (c, "wasmi") in medians]
if real:
    print(f"| **geomean, real programs** | | | **{math.exp(sum(map(math.log, real)) / len(real)):.2f}** |")
h, w = medians.get(("large eager", "hayate")), medians.get(("large eager", "wasmi"))
if h and w:
    print()
    print(f"Eager throughput (module bytes / median, process start included): "
          f"hayate {size / 1e6 / h:.0f} MB/s, wasmi {size / 1e6 / w:.0f} MB/s")
PY
