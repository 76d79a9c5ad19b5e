#!/usr/bin/env bash
# Rebuilds the SIMD benchmark programs twice: each benches/programs/simd/*.c into NAME.wasm (scalar,
# the flags of benches/programs/build.sh) and NAME.simd.wasm (the same plus -msimd128, which turns on
# the <wasm_simd128.h> paths and clang's auto-vectoriser); `--check` fails if a committed .wasm of
# either variant is not what its source builds to. See tests/build-c.sh.
set -euo pipefail
if [[ $# -gt 1 || ( $# == 1 && "$1" != --check ) ]]; then
    echo "usage: benches/programs/simd/build.sh [--check]" >&2
    exit 2
fi
build_c="$(dirname "$0")/../../../tests/build-c.sh"
# --strip-debug: wasi-libc brings DWARF sections that would triple each file; the name section stays.
bash "$build_c" benches/programs/simd "$@" -Wl,--strip-debug
BUILD_C_SUFFIX=.simd bash "$build_c" benches/programs/simd "$@" -Wl,--strip-debug -msimd128
