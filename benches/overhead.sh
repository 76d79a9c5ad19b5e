#!/usr/bin/env bash
# The cost of metering: hayate's user time with `--fuel` (a budget nothing runs out of) and with
# `--profile` (the default 1 ms samples) against a plain run, on the workloads of
# benches/workloads.txt at their full scale (issue 13's target: at most 1.10x each).
#
# Usage: benches/overhead.sh [WORKLOAD|GROUP...]  (names and groups as compare.sh takes them)
# Env:   RUNS=N      rounds (default 5); each round runs plain, fuel, profile in turn, so that
#                    load from other jobs on the machine falls on all three alike
#        FUEL=N      the fuel budget (default 10^15)
#        HAYATE=PATH the hayate binary (default target/release/hayate)
#
# Times are user seconds (/usr/bin/time -f %U), medians over the rounds; each ratio is the median
# with fuel (profile) over the plain median. Output: one tab-separated row per workload.
set -euo pipefail

# shellcheck source=benches/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs="${RUNS:-5}"
fuel="${FUEL:-1000000000000000}"
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time not found (apt-get install time)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# User seconds of one run of the command line in $1; fails loudly if the command does.
user_time() {
    # shellcheck disable=SC2086 # the command line is split into words on purpose
    /usr/bin/time -f %U -o "$tmp/time" $1 >/dev/null 2>"$tmp/err" ||
        { echo "error: \`$1\` failed:" >&2; cat "$tmp/err" >&2; exit 1; }
    cat "$tmp/time"
}

median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "# $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), $hayate at $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $runs rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'workload\tplain_s\tfuel_s\tprofile_s\tfuel_x\tprofile_x\n'
grep -v '^#' "${WORKLOADS:-benches/workloads.txt}" | while read -r file export arg _; do
    [ -n "$file" ] || continue
    workload_of "$file" || continue
    workload_selected "$@" || continue
    [ "$kind" = kernel ] || export=""
    plain="$(hayate_command "$path" "$arg" "$export")"
    metered="$(HAYATE_OPTIONS="--fuel $fuel" hayate_command "$path" "$arg" "$export")"
    profiled="$(HAYATE_OPTIONS="--profile $tmp/profile.folded" hayate_command "$path" "$arg" "$export")"
    p=() f=() s=()
    for _ in $(seq "$runs"); do
        p+=("$(user_time "$plain")")
        f+=("$(user_time "$metered")")
        s+=("$(user_time "$profiled")")
    done
    mp="$(median "${p[@]}")" mf="$(median "${f[@]}")" ms="$(median "${s[@]}")"
    printf '%s\t%s\t%s\t%s\t%.3f\t%.3f\n' "$name" "$mp" "$mf" "$ms" "$(echo "$mf / $mp" | bc -l)" "$(echo "$ms / $mp" | bc -l)"
done
