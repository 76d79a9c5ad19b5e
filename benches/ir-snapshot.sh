#!/usr/bin/env bash
# The `hayate ir` listing of every module in the repository's tests and benchmarks, one file per
# module in a directory: the before/after evidence that a translator or IR refactoring changes
# nothing users see.
#
#   benches/ir-snapshot.sh BINARY OUT_DIR      then: diff -r OLD_DIR NEW_DIR
#
# Modules that do not translate (the bad-input tests) are recorded with their error message.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -eq 2 ] || { echo "usage: $0 BINARY OUT_DIR" >&2; exit 2; }
bin="$(realpath "$1")"
out="$2"
mkdir -p "$out"
cd "$root"
n=0
while IFS= read -r -d '' f; do
    name="$(echo "$f" | tr '/' '_')"
    if ! "$bin" ir "$f" >"$out/$name.ir" 2>&1; then echo "(exit $?)" >>"$out/$name.ir"; fi
    n=$((n + 1))
done < <(find wat tests benches -type f \( -name '*.wat' -o -name '*.wasm' \) -not -path '*/target/*' -print0 | sort -z)
echo "$n modules -> $out" >&2
