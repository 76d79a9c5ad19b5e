# Shared set-up of the benchmark scripts (sourced, not run): moves to the project root, sets the
# output folders and the hayate binary, and checks that hyperfine, python3 and hayate exist.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
hayate="${HAYATE:-target/release/hayate}"
out="target/bench-results"
wasm_dir="target/bench-wasm"
command -v hyperfine >/dev/null || { echo "error: hyperfine not found (apt-get install hyperfine)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "error: python3 not found" >&2; exit 1; }
[ -x "$hayate" ] || { echo "error: $hayate not found; run \`cargo build --release\` first" >&2; exit 1; }
