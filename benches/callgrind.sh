#!/usr/bin/env bash
# Instruction counts (valgrind --tool=cachegrind --cache-sim=no: the instructions callgrind counts,
# without callgrind's shadow call stack, which the tail-call dispatcher makes grow until memory
# runs out on the real programs) of every benches/workloads.txt workload at a reduced scale, for one
# or more hayate binaries side by side: the repeatable before/after figure for hot-path changes
# ("within 1%").
#
#   benches/callgrind.sh OLD_BINARY NEW_BINARY ...
#
# Kernels run with their argument divided by 100 (fib with 25), programs with theirs divided by 20
# (at least 1; this covers both builds of the SIMD programs of benches/programs/simd/, NAME and
# NAME.simd). Prints one row per workload: the counts in millions and each binary's ratio to the
# first. WORKLOADS=FILE reads another workload list (e.g. the one of an older commit, whose binary
# cannot run workloads added since).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ $# -ge 1 ] || { echo "usage: $0 BINARY [BINARY...]" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "error: valgrind not found (apt-get install valgrind)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
count() { # binary, command arguments... -> instructions executed
    local bin="$1"; shift
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$tmp/out" "$bin" "$@" >/dev/null 2>"$tmp/log" ||
        { echo "error: $bin $* failed under valgrind:" >&2; cat "$tmp/log" >&2; exit 1; }
    sed -n 's/^summary: //p' "$tmp/out"
}
printf '%-12s' workload; for b in "$@"; do printf ' %14s' "$(basename "$(dirname "$b")")/$(basename "$b")"; done; echo
grep -v '^#' "${WORKLOADS:-benches/workloads.txt}" | while read -r file export arg _; do
    [ -n "$file" ] || continue
    if [[ $file == programs/* ]]; then
        n=$(( arg / 20 > 0 ? arg / 20 : 1 ))
        args=(run "benches/$file" "$n")
    else
        n=$(( arg / 100 )); [ "$export" = fib ] && n=25
        args=(run --invoke "$export" "wat/$file" "$n")
    fi
    name="$(basename "$file" | sed 's/\.[a-z]*$//')"
    first=""
    printf '%-12s' "$name"
    for b in "$@"; do
        c=$(count "$b" "${args[@]}")
        [ -n "$first" ] || first=$c
        printf ' %9.1fM %.4f' "$(echo "$c / 1000000" | bc -l)" "$(echo "$c / $first" | bc -l)"
    done
    echo
done
