#!/usr/bin/env bash
# Rebuilds the WASI test programs (each tests/wasi/*.c into the .wasm next to it); `--check` fails
# if a committed .wasm is not what its source builds to. See tests/build-c.sh.
set -euo pipefail
if [[ $# -gt 1 || ( $# == 1 && "$1" != --check ) ]]; then
    echo "usage: tests/wasi/build.sh [--check]" >&2
    exit 2
fi
exec bash "$(dirname "$0")/../build-c.sh" tests/wasi "$@"
