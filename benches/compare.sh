#!/usr/bin/env bash
# Compares hayate's wall-clock time with peer Wasm runtimes on the workloads listed in benches/workloads.txt:
# the .wat kernels in wat/ (one export called with one argument) and the WASI C programs in
# benches/programs/ (run as commands with their scale N as argv[1]; see benches/programs/README.md).
#
# Usage: benches/compare.sh [WORKLOAD|GROUP...]  (default: every line of benches/workloads.txt; a workload
#                                                is named by its file without extension: fib, sha256, ...)
# Groups: `kernels` (the .wat kernels), `programs` (the C programs written for hayate, benches/programs/),
# `real` (the real programs, benches/programs/real/: Lua, SQLite, QuickJS, zstd, PCRE2, Mbed TLS),
# `simd` (the SIMD programs, benches/programs/simd/, each as NAME (scalar build) and NAME.simd (built
# with -msimd128); `compare.sh blur` runs both builds of blur). The report gives each group that ran
# its own geometric mean, and one over everything that ran; for the simd group it also lists each
# runtime's time of the SIMD build over the scalar one.
# Env:   RUNS=N      hyperfine runs per command (default 5; one warmup run comes on top)
#        WORKLOADS=F workload list (default benches/workloads.txt)
#        HAYATE=PATH the hayate binary (default target/release/hayate; build it first)
#
# For each workload every runtime found (hayate, wasmi, wasmtime, wasmtime-pulley, wasm3, iwasm) is first
# run once and must print the expected result (kernels: the integer anywhere in the output; programs: a
# line `checksum: <expected>`); a runtime that prints something else is reported loudly, still timed,
# and its ratio is marked invalid. A runtime that fails or is not installed is left out. The timed runs
# of all runtimes on one workload are interleaved in a single hyperfine call (JSON in
# target/bench-results/). benches/report.py then prints the markdown table (median seconds, ratio
# runtime / hayate, geometric mean) and writes benches/results.md and benches/results.svg.
#
# wasmtime-pulley is wasmtime with its Pulley interpreter instead of Cranelift-compiled native code:
# `wasmtime run --target pulley64 ...` (wasmtime 48's CLI compiles to Pulley bytecode for that target
# and interprets it; it needs a wasmtime built with the `pulley` feature, as the dev box's wasmtime
# 48.0.8 is; on the dev box it ran 1.4-8x longer than wasmi). The column is left out, with a
# note, when a probe run of an empty module with that target fails. wasmtime's module cache (on by
# default) keeps compilation out of the timed runs for both wasmtime columns after the warmup.
set -euo pipefail

# shellcheck source=benches/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs="${RUNS:-5}"
workloads="${WORKLOADS:-benches/workloads.txt}"

# Runtimes in column order. hayate, wasmi and wasmtime read .wat directly; the others need a .wasm binary.
runtimes=(hayate)
for peer in wasmi wasmtime wasmtime-pulley wasm3 iwasm; do
    if [ "$peer" = wasmtime-pulley ]; then
        command -v wasmtime >/dev/null || continue
        mkdir -p "$wasm_dir"
        echo '(module (func (export "_start")))' > "$wasm_dir/pulley-probe.wat"
        if probe="$(wasmtime run --target pulley64 "$wasm_dir/pulley-probe.wat" 2>&1)"; then
            runtimes+=("$peer")
        else
            echo "note: wasmtime cannot run with --target pulley64 (built without Pulley?), wasmtime-pulley skipped: $probe" >&2
        fi
    elif command -v "$peer" >/dev/null; then
        runtimes+=("$peer")
    else
        echo "note: $peer not on PATH, skipped" >&2
    fi
done

# The .wasm for a .wat, converted on demand with wasm-tools or wat2wasm; empty if no converter exists.
to_wasm() {
    local wat="$1" wasm="$wasm_dir/$(basename "${1%.wat}").wasm"
    mkdir -p "$wasm_dir"
    if [ ! -f "$wasm" ] || [ "$wat" -nt "$wasm" ]; then
        if command -v wasm-tools >/dev/null; then
            wasm-tools parse "$wat" -o "$wasm"
        elif command -v wat2wasm >/dev/null; then
            wat2wasm "$wat" -o "$wasm"
        else
            return 0
        fi
    fi
    echo "$wasm"
}

# The command line that makes runtime $1 call export $2 of kernel $3 with argument $4 and print the result.
command_for() {
    local rt="$1" export="$2" file="$3" arg="$4" wasm
    case "$rt" in
        hayate) hayate_command "$file" "$arg" "$export" ;;
        wasmi) echo "wasmi run --invoke $export $file $arg" ;;
        wasmtime) echo "wasmtime run --invoke $export $file $arg" ;;
        wasmtime-pulley) echo "wasmtime run --target pulley64 --invoke $export $file $arg" ;;
        wasm3)
            wasm="$(to_wasm "$file")"
            [ -n "$wasm" ] && echo "wasm3 --func $export $wasm $arg" ;;
        iwasm)
            wasm="$(to_wasm "$file")"
            [ -n "$wasm" ] && echo "iwasm --stack-size=1048576 -f $export $wasm $arg" ;;
    esac
}

# The command line that makes runtime $1 run WASI program $2 (a .wasm) with argument $3.
program_command_for() {
    local rt="$1" file="$2" arg="$3"
    case "$rt" in
        hayate) hayate_command "$file" "$arg" ;;
        wasmi) echo "wasmi run $file $arg" ;;
        wasmtime) echo "wasmtime run $file $arg" ;;
        wasmtime-pulley) echo "wasmtime run --target pulley64 $file $arg" ;;
        wasm3) echo "wasm3 $file $arg" ;;
        iwasm) echo "iwasm $file $arg" ;;
    esac
}

# Whether the output in $1 has the line `checksum: $2` that a benchmark program ends with.
prints_checksum() {
    printf '%s\n' "$1" | grep -qx "checksum: $2"
}

# Whether the output in $1 contains the expected integer $2 as a whole decimal token (or as a hex
# token, which is how iwasm prints results).
prints_expected() {
    python3 - "$1" "$2" <<'PY'
import re, sys
out, expected = sys.argv[1], int(sys.argv[2])
tokens = [int(t) for t in re.findall(r"(?<![\w.])-?\d+(?![\w.])", out)]
tokens += [int(t, 16) for t in re.findall(r"0x[0-9a-fA-F]+", out)]
sys.exit(0 if expected in tokens or expected % 2**64 in [t % 2**64 for t in tokens] else 1)
PY
}

mkdir -p "$out"
status="$out/status.tsv"
: > "$status"
groups="$out/groups.tsv"
: > "$groups"
printf '%s\n' "${runtimes[@]}" > "$out/runtimes.txt"
{
    commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    git diff --quiet HEAD -- src 2>/dev/null || commit="$commit + uncommitted src/ changes"
    echo "hayate: $hayate, built at $(date -u -r "$hayate" '+%Y-%m-%d %H:%M UTC'), tree at $commit"
    for rt in "${runtimes[@]:1}"; do
        case "$rt" in
            wasmtime-pulley) echo "$rt: $(wasmtime --version 2>&1 | head -1) --target pulley64" ;;
            *) echo "$rt: $("$rt" --version 2>&1 | head -1)" ;;
        esac
    done
    echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; hyperfine --warmup 1 --runs $runs"
    echo "load average at start: $(cut -d" " -f1-3 /proc/loadavg) (other jobs on the machine skew absolute times; ratios are interleaved)"
} > "$out/meta.txt"
mismatches=0

while read -r file export arg expected; do
    case "$file" in ''|'#'*) continue ;; esac
    workload_of "$file" || continue
    workload_selected "$@" || continue
    if [ ! -f "$path" ]; then
        echo "warning: $path not found, workload $name skipped" >&2
        continue
    fi
    if [ "$kind" = program ] && [ "$export" != _start ]; then
        echo "warning: $file: a WASI program runs from _start, not $export; workload $name skipped" >&2
        continue
    fi
    if [ "$kind" = kernel ]; then
        echo "== $name: $export($arg), expecting $expected" >&2
    else
        echo "== $name: $path $arg, expecting checksum: $expected" >&2
    fi
    hf_args=()
    for rt in "${runtimes[@]}"; do
        if [ "$kind" = kernel ]; then
            cmd="$(command_for "$rt" "$export" "$path" "$arg" || true)"
        else
            cmd="$(program_command_for "$rt" "$path" "$arg")"
        fi
        if [ -z "$cmd" ]; then
            echo "   $rt: no .wasm converter (wasm-tools/wat2wasm), skipped" >&2
            printf '%s\t%s\t%s\t%s\n' "$name" "$rt" missing "no .wasm converter" >> "$status"
            continue
        fi
        set +e
        output="$(timeout 300 $cmd 2>&1)"
        rc=$?
        set -e
        short="$(printf '%s' "$output" | tr '\n\t' '  ' | cut -c1-120)"
        if [ "$rc" -ne 0 ]; then
            echo "   $rt: FAILED (exit $rc): $short" >&2
            printf '%s\t%s\t%s\t%s\n' "$name" "$rt" fail "exit $rc: $short" >> "$status"
            continue
        fi
        if { [ "$kind" = kernel ] && prints_expected "$output" "$expected"; } ||
            { [ "$kind" = program ] && prints_checksum "$output" "$expected"; }; then
            echo "   $rt: ok ($short)" >&2
            printf '%s\t%s\t%s\t%s\n' "$name" "$rt" ok "$short" >> "$status"
        else
            echo "   !!!!!! $rt: WRONG RESULT for $name: expected $expected, got: $short" >&2
            printf '%s\t%s\t%s\t%s\n' "$name" "$rt" mismatch "$short" >> "$status"
            mismatches=$((mismatches + 1))
        fi
        hf_args+=(-n "$rt" "$cmd")
    done
    if [ "${#hf_args[@]}" -eq 0 ]; then continue; fi
    printf '%s\t%s\n' "$name" "$group" >> "$groups"
    hyperfine -N --warmup 1 --runs "$runs" --style basic --export-json "$out/$name.json" "${hf_args[@]}" >&2
done < "$workloads"

python3 benches/report.py "$out"
if [ "$mismatches" -gt 0 ]; then
    echo "!!!!!! $mismatches runtime/workload pair(s) printed a wrong result; their ratios are marked invalid" >&2
    exit 2
fi
