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
# EVENT=NAME counts another of cachegrind's events instead of instructions, with its cache and
# branch models on (a 32 KiB 8-way L1 of 64-byte lines for code and for data): e.g. EVENT=D1mr
# (L1 data read misses), EVENT=Bim (mispredicted indirect branches), EVENT=Bcm.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ $# -ge 1 ] || { echo "usage: $0 BINARY [BINARY...] [-- NAME|GROUP...]" >&2; exit 2; }
# shellcheck source=benches/counts.sh
source benches/counts.sh
command -v valgrind >/dev/null || { echo "error: valgrind not found (apt-get install valgrind)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
event="${EVENT:-Ir}"
sim=(--cache-sim=no)
[ "$event" = Ir ] || sim=(--cache-sim=yes --branch-sim=yes --I1=32768,8,64 --D1=32768,8,64 --LL=33554432,16,64)
count() { # binary, command arguments... -> the event's count (instructions executed by default)
    local bin="$1"; shift
    valgrind --tool=cachegrind "${sim[@]}" --cachegrind-out-file="$tmp/out" "$bin" "$@" >/dev/null 2>"$tmp/log" ||
        { echo "error: $bin $* failed under valgrind:" >&2; cat "$tmp/log" >&2; exit 1; }
    awk -v e="$event" '/^events:/ { for (i = 2; i <= NF; i++) if ($i == e) col = i - 1 }
        /^summary:/ { if (!col) { print "error: no event " e " (events: " ev ")" > "/dev/stderr"; exit 1 } print $(col + 1) }
        /^events:/ { ev = substr($0, 9) }' "$tmp/out"
}
count_workloads "$@"
