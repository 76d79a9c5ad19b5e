#!/usr/bin/env bash
# AArch64 instruction counts: the repeatable figure for AArch64-only code (the NEON lanes of
# src/exec/simd_neon.rs) on a machine without an AArch64 CPU. Runs AArch64 hayate binaries under
# qemu-user with a plugin that counts executed guest instructions (benches/qemu_insn.c), on the
# benches/workloads.txt workloads scaled as benches/callgrind.sh scales them (programs' argument
# divided by 20, kernels' by 100, fib 25), and prints one row per workload: the counts in millions
# and each binary's ratio to the first. Counts are instructions, not time (qemu has no timing model).
#
#   benches/aarch64.sh [BINARY...] [-- NAME|GROUP...]
#
# Without a binary it builds target/aarch64-unknown-linux-gnu/release/hayate (cross linker
# aarch64-linux-gnu-gcc) and counts that. Words after `--` choose workloads by name or group as
# compare.sh does (kernels, programs, real, simd); the default is every workload.
# Needs: apt-get install qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross; rustup target add
# aarch64-unknown-linux-gnu.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
binaries=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do binaries+=("$1"); shift; done
[ "${1:-}" = -- ] && shift
for tool in qemu-aarch64 aarch64-linux-gnu-gcc cc; do
    command -v "$tool" >/dev/null ||
        { echo "error: $tool not found (apt-get install qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross)" >&2; exit 1; }
done
if [ ${#binaries[@]} -eq 0 ]; then
    CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
        cargo build --release --target aarch64-unknown-linux-gnu >&2
    binaries=(target/aarch64-unknown-linux-gnu/release/hayate)
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cc -O2 -shared -fPIC -o "$tmp/insn.so" benches/qemu_insn.c
count() { # binary, command arguments... -> instructions executed
    local bin="$1"; shift
    qemu-aarch64 -L /usr/aarch64-linux-gnu -plugin "$tmp/insn.so" "$bin" "$@" >/dev/null 2>"$tmp/log" ||
        { echo "error: $bin $* failed under qemu:" >&2; cat "$tmp/log" >&2; exit 1; }
    sed -n 's/^instructions: //p' "$tmp/log"
}
printf '%-14s' workload; for b in "${binaries[@]}"; do printf ' %14s' "$(basename "$(dirname "$b")")/$(basename "$b")"; done; echo
grep -v '^#' benches/workloads.txt | while read -r file export arg _; do
    [ -n "$file" ] || continue
    case "$file" in
        *.wat) group=kernels ;;
        programs/real/*) group=real ;;
        programs/simd/*) group=simd ;;
        *) group=programs ;;
    esac
    name="$(basename "$file" | sed 's/\.wat$//; s/\.wasm$//')"
    if [ $# -gt 0 ] && [[ " $* " != *" $name "* && " $* " != *" ${name%.simd} "* && " $* " != *" $group "* ]]; then
        continue
    fi
    if [[ $file == programs/* ]]; then
        n=$(( arg / 20 > 0 ? arg / 20 : 1 ))
        args=(run "benches/$file" "$n")
    else
        n=$(( arg / 100 )); [ "$export" = fib ] && n=25
        args=(run --invoke "$export" "wat/$file" "$n")
    fi
    first=""
    printf '%-14s' "$name"
    for b in "${binaries[@]}"; do
        c=$(count "$b" "${args[@]}")
        [ -n "$first" ] || first=$c
        printf ' %9.1fM %.4f' "$(echo "$c / 1000000" | bc -l)" "$(echo "$c / $first" | bc -l)"
    done
    echo
done
