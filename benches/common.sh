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

# Sets `kind` (kernel|program), `group` (kernels, programs, real, simd), `name` and `path` for the
# `file` field of a benches/workloads.txt line; fails (with a warning) for any other kind of file.
workload_of() {
    case "$1" in
        *.wat) kind=kernel; group=kernels; name="$(basename "${1%.wat}")"; path="wat/$1" ;;
        programs/real/*.wasm) kind=program; group=real; name="$(basename "${1%.wasm}")"; path="benches/$1" ;;
        programs/simd/*.wasm) kind=program; group=simd; name="$(basename "${1%.wasm}")"; path="benches/$1" ;;
        *.wasm) kind=program; group=programs; name="$(basename "${1%.wasm}")"; path="benches/$1" ;;
        *) echo "warning: $1 is neither a .wat kernel nor a .wasm program, skipped" >&2; return 1 ;;
    esac
}

# Whether the workload set by `workload_of` is among the names and groups given (all when none):
# by name, by group, or, for NAME.simd, as NAME.
workload_selected() {
    [ "$#" -eq 0 ] || [[ " $* " == *" $name "* || " $* " == *" ${name%.simd} "* || " $* " == *" $group "* ]]
}

# The command line that runs a workload with hayate: `hayate_command PATH ARG [EXPORT]` (a kernel
# calls EXPORT with ARG; a program runs with ARG as its only argument). HAYATE_OPTIONS (e.g.
# `--fuel 1000000000000000`) go before PATH.
hayate_command() {
    if [ -n "${3:-}" ]; then
        echo "$hayate run ${HAYATE_OPTIONS:-}${HAYATE_OPTIONS:+ }--invoke $3 $1 $2"
    else
        echo "$hayate run ${HAYATE_OPTIONS:-}${HAYATE_OPTIONS:+ }$1 $2"
    fi
}
