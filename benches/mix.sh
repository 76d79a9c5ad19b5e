#!/usr/bin/env bash
# The dynamic instruction mix of the benchmark corpus: builds hayate with the `stats` feature (into
# target/stats), runs every benches/workloads.txt workload with `--stats` at a reduced scale (kernels
# with their argument divided by 100, fib with 25; C programs with theirs divided by 20, at least 1;
# real programs with 1), and prints what benches/mix.py makes of the counts: the most executed
# instructions, pairs and triples, each program weighing the same (shares of its own total).
#
#   benches/mix.sh [GROUP|NAME ...]     e.g. `benches/mix.sh real`, `benches/mix.sh lua sqlite`,
#                                       `benches/mix.sh simd` (the -msimd128 builds of the SIMD
#                                       programs, benches/programs/simd/*.simd.wasm; group
#                                       `simd-scalar` is their scalar builds)
#
# Per-workload counts stay in target/bench-results/mix/NAME.tsv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
CARGO_TARGET_DIR=target/stats cargo build --release --features stats --quiet
hayate=target/stats/release/hayate
out=target/bench-results/mix
mkdir -p "$out"
files=()
while read -r file export arg _; do
    case "$file" in ''|'#'*) continue ;; esac
    name="$(basename "$file" | sed 's/\.[a-z]*$//')"
    case "$file" in
        programs/real/*) group=real; args=(run "benches/$file" 1) ;;
        programs/simd/*.simd.wasm) group=simd; args=(run "benches/$file" $(( arg / 20 > 0 ? arg / 20 : 1 ))) ;;
        programs/simd/*) group=simd-scalar; args=(run "benches/$file" $(( arg / 20 > 0 ? arg / 20 : 1 ))) ;;
        programs/*) group=programs; args=(run "benches/$file" $(( arg / 20 > 0 ? arg / 20 : 1 ))) ;;
        *) group=kernels; n=$(( arg / 100 )); [ "$export" = fib ] && n=25
           args=(run --invoke "$export" "wat/$file" "$n") ;;
    esac
    if [ "$#" -gt 0 ] && [[ " $* " != *" $name "* && " $* " != *" $group "* ]]; then continue; fi
    echo "== $name" >&2
    "$hayate" "${args[@]:0:1}" --stats "$out/$name.tsv" "${args[@]:1}" >/dev/null
    files+=("$group:$out/$name.tsv")
done < benches/workloads.txt
python3 benches/mix.py "${files[@]}"
