#!/usr/bin/env bash
# Builds every DIR/*.c to the DIR/*.wasm next to it with clang for wasm32-wasi, byte for byte the
# committed files when the toolchain is the one recorded in DIR/TOOLCHAIN (Debian 12's clang 14 with
# wasi-libc: `apt-get install clang lld wasi-libc libclang-rt-dev-wasm32`). Shared by
# tests/wasi/build.sh and benches/programs/build.sh.
#
#   build-c.sh DIR [--check] [CLANG_FLAG...]
#     without --check: rebuild every .wasm in place and record the toolchain
#     --check: build into a temporary directory and fail if any committed .wasm differs, or if
#              clang/wasi-libc is missing or clang is another version (CI installs the recorded one)
#   BUILD_C_SUFFIX=.simd: name the outputs DIR/*.simd.wasm instead (a second variant of the same
#                         sources built with other flags, as benches/programs/simd/build.sh does)
set -euo pipefail
dir=$1
shift
check=false
if [[ "${1:-}" == "--check" ]]; then
    check=true
    shift
fi
CFLAGS=(--target=wasm32-wasi --sysroot=/usr -O2 -Wall -Wextra -Werror "$@")
cd "$(dirname "$0")/../$dir"
toolchain() { clang --version | head -n1; }

suffix="${BUILD_C_SUFFIX:-}"
out=.
if $check; then
    if ! command -v clang >/dev/null || [[ ! -d /usr/lib/wasm32-wasi ]]; then
        echo "$dir/build.sh --check: FAILED: no clang with wasi-libc" \
            "(apt-get install clang lld wasi-libc libclang-rt-dev-wasm32)" >&2
        exit 1
    fi
    if [[ "$(toolchain)" != "$(cat TOOLCHAIN)" ]]; then
        echo "$dir/build.sh --check: FAILED: clang is '$(toolchain)', not '$(cat TOOLCHAIN)'" >&2
        exit 1
    fi
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
else
    toolchain > TOOLCHAIN
fi

status=0
for src in *.c; do
    wasm="${src%.c}$suffix.wasm"
    clang "${CFLAGS[@]}" -o "$out/$wasm" "$src"
    if [[ "$out" != . ]] && ! cmp -s "$out/$wasm" "$wasm"; then
        echo "$dir/$wasm is not what $dir/$src builds to: run $dir/build.sh" >&2
        status=1
    fi
done
[[ "$out" != . && $status == 0 ]] && echo "$dir: every *$suffix.wasm is up to date"
exit $status
