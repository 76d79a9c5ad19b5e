#!/usr/bin/env bash
# Instruction counts (valgrind --tool=cachegrind --cache-sim=no: the instructions callgrind counts,
# without callgrind's shadow call stack, which the tail-call dispatcher makes grow until memory
# runs out on the real programs) of every benches/workloads.txt workload at a reduced scale, for one
# or more hayate binaries side by side: the repeatable before/after figure for hot-path changes
# ("within 1%").
#
#   benches/callgrind.sh OLD_BINARY NEW_BINARY ... [-- NAME|GROUP...]
#   e.g. benches/callgrind.sh OLD NEW -- real fib    (the real programs and fib only)
#
# The workloads run at a reduced scale (benches/counts.sh says how); one row per workload: the
# counts in millions and each binary's ratio to the first. WORKLOADS=FILE reads another workload
# list (e.g. the one of an older commit, whose binary cannot run workloads added since).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ $# -ge 1 ] || { echo "usage: $0 BINARY [BINARY...] [-- NAME|GROUP...]" >&2; exit 2; }
# shellcheck source=benches/counts.sh
source benches/counts.sh
command -v valgrind >/dev/null || { echo "error: valgrind not found (apt-get install valgrind)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
count() { # binary, command arguments... -> instructions executed
    local bin="$1"; shift
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$tmp/out" "$bin" "$@" >/dev/null 2>"$tmp/log" ||
        { echo "error: $bin $* failed under valgrind:" >&2; cat "$tmp/log" >&2; exit 1; }
    sed -n 's/^summary: //p' "$tmp/out"
}
count_workloads "$@"
