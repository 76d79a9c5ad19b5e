#!/usr/bin/env bash
# Rebuilds the benchmark programs (each benches/programs/*.c into the .wasm next to it); `--check`
# fails if a committed .wasm is not what its source builds to. See tests/build-c.sh.
set -euo pipefail
if [[ $# -gt 1 || ( $# == 1 && "$1" != --check ) ]]; then
    echo "usage: benches/programs/build.sh [--check]" >&2
    exit 2
fi
# --strip-debug: wasi-libc brings DWARF sections that would triple each file; the name section stays.
exec bash "$(dirname "$0")/../../tests/build-c.sh" benches/programs "$@" -Wl,--strip-debug
