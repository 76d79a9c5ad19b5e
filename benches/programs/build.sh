#!/usr/bin/env bash
# Rebuilds the benchmark programs: each benches/programs/*.c into the .wasm next to it, byte for
# byte the committed ones when the toolchain is the one recorded in TOOLCHAIN (Debian 12's clang 14
# with wasi-libc: `apt-get install clang lld wasi-libc libclang-rt-dev-wasm32`).
#
#   build.sh          rebuild every .wasm in place
#   build.sh --check  build into a temporary directory and fail if any committed .wasm differs;
#                     also fails (unlike tests/wasi/build.sh) when clang or wasi-libc is missing or
#                     clang is another version, since CI installs the recorded toolchain
set -euo pipefail
cd "$(dirname "$0")"
# --strip-debug: wasi-libc brings DWARF sections that would triple each file; the name section stays.
CFLAGS=(--target=wasm32-wasi --sysroot=/usr -O2 -Wall -Wextra -Werror -Wl,--strip-debug)
toolchain() { clang --version | head -n1; }

out=.
if [[ "${1:-}" == "--check" ]]; then
    if ! command -v clang >/dev/null || [[ ! -d /usr/lib/wasm32-wasi ]]; then
        echo "benches/programs/build.sh --check: FAILED: no clang with wasi-libc" \
            "(apt-get install clang lld wasi-libc libclang-rt-dev-wasm32)" >&2
        exit 1
    fi
    if [[ "$(toolchain)" != "$(cat TOOLCHAIN)" ]]; then
        echo "benches/programs/build.sh --check: FAILED: clang is '$(toolchain)', not '$(cat TOOLCHAIN)'" >&2
        exit 1
    fi
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
elif [[ $# -gt 0 ]]; then
    echo "usage: benches/programs/build.sh [--check]" >&2
    exit 2
else
    toolchain > TOOLCHAIN
fi

status=0
for src in *.c; do
    clang "${CFLAGS[@]}" -o "$out/${src%.c}.wasm" "$src"
    if [[ "$out" != . ]] && ! cmp -s "$out/${src%.c}.wasm" "${src%.c}.wasm"; then
        echo "benches/programs/${src%.c}.wasm is not what benches/programs/$src builds to: run benches/programs/build.sh" >&2
        status=1
    fi
done
[[ "$out" != . && $status == 0 ]] && echo "benches/programs: every .wasm is up to date"
exit $status
