#!/usr/bin/env bash
# AArch64 instruction counts: the repeatable figure for AArch64-only code (the NEON lanes of
# src/exec/simd_neon.rs) on a machine without an AArch64 CPU. Runs AArch64 hayate binaries under
# qemu-user with a plugin that counts executed guest instructions (benches/qemu_insn.c), on the
# benches/workloads.txt workloads scaled as benches/callgrind.sh scales them (benches/counts.sh),
# and prints one row per workload: the counts in millions and each binary's ratio to the first. Counts are instructions, not time (qemu has no timing model).
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
# shellcheck source=benches/counts.sh
source benches/counts.sh
count() { # binary, command arguments... -> instructions executed
    local bin="$1"; shift
    qemu-aarch64 -L /usr/aarch64-linux-gnu -plugin "$tmp/insn.so" "$bin" "$@" >/dev/null 2>"$tmp/log" ||
        { echo "error: $bin $* failed under qemu:" >&2; cat "$tmp/log" >&2; exit 1; }
    sed -n 's/^instructions: //p' "$tmp/log"
}
count_workloads "${binaries[@]}" -- "$@"
