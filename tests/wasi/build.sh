#!/usr/bin/env bash
# Rebuilds the WASI test programs: each tests/wasi/*.c into the .wasm next to it, byte for byte
# the committed ones when the toolchain is the one recorded in TOOLCHAIN (Debian 12's clang 14
# with wasi-libc: `apt-get install clang lld wasi-libc libclang-rt-dev-wasm32`).
#
#   build.sh          rebuild every .wasm in place
#   build.sh --check  build into a temporary directory and fail if any committed .wasm differs;
#                     skipped (exit 0) when clang or wasi-libc is missing or clang is another version
set -euo pipefail
cd "$(dirname "$0")"
CFLAGS=(--target=wasm32-wasi --sysroot=/usr -O2 -Wall -Wextra -Werror)
toolchain() { clang --version | head -n1; }

out=.
if [[ "${1:-}" == "--check" ]]; then
    if ! command -v clang >/dev/null || [[ ! -d /usr/lib/wasm32-wasi ]]; then
        echo "tests/wasi/build.sh --check: no clang with wasi-libc, skipped"
        exit 0
    fi
    if [[ "$(toolchain)" != "$(cat TOOLCHAIN)" ]]; then
        echo "tests/wasi/build.sh --check: clang is '$(toolchain)', not '$(cat TOOLCHAIN)', skipped"
        exit 0
    fi
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
else
    toolchain > TOOLCHAIN
fi

status=0
for src in *.c; do
    clang "${CFLAGS[@]}" -o "$out/${src%.c}.wasm" "$src"
    if [[ "$out" != . ]] && ! cmp -s "$out/${src%.c}.wasm" "${src%.c}.wasm"; then
        echo "tests/wasi/${src%.c}.wasm is not what tests/wasi/$src builds to: run tests/wasi/build.sh"
        status=1
    fi
done
[[ "$out" != . && $status == 0 ]] && echo "tests/wasi: every .wasm is up to date"
exit $status
