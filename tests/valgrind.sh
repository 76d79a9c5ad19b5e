#!/usr/bin/env bash
# Runs the self-checking WASI test programs (tests/wasi/) under valgrind, so that profiling any
# program with callgrind keeps working: hayate once died with SIGSEGV under valgrind at a guest's
# first clock read (rustix parsing a vDSO that valgrind does not map for the program). Each program
# runs under `--tool=none` (plain execution on valgrind's CPU) and the clock one under callgrind
# too; each must print its `NAME ok` line and exit 0. Valgrind 3.19 (Debian 12) answers `openat2`
# with ENOSYS, so these runs also cover cap-std resolving paths by hand, as on kernels before 5.6
# and under seccomp filters that refuse `openat2`. Needs valgrind (`apt-get install valgrind`;
# .ci/run installs it) and builds target/release/hayate if it is not up to date.
#
#   tests/valgrind.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
    echo "tests/valgrind.sh: FAILED: valgrind is not installed (apt-get install valgrind)" >&2
    exit 1
fi
cargo build --release --quiet
hayate=$PWD/target/release/hayate
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

passed=0
failed=0
# check TOOL NAME [HAYATE_RUN_OPTION...]: runs tests/wasi/NAME.wasm under valgrind's TOOL with
# empty stdin and expects `NAME ok` as the last line of its output.
check() {
    local tool=$1 name=$2
    shift 2
    local options=(-q --tool="$tool" --error-exitcode=99) out status=0
    [[ $tool == callgrind ]] && options+=(--callgrind-out-file=/dev/null)
    out=$(valgrind "${options[@]}" "$hayate" run "$@" "tests/wasi/$name.wasm" \
        </dev/null 2>"$scratch/stderr") || status=$?
    if [[ $status == 0 && "$(tail -n1 <<<"$out")" == "$name ok" ]]; then
        echo "valgrind --tool=$tool $name: ok"
        passed=$((passed + 1))
    else
        echo "valgrind --tool=$tool $name: FAILED (exit status $status)" >&2
        tail -n 20 "$scratch/stderr" >&2
        failed=$((failed + 1))
    fi
}

check callgrind clocks
check none clocks
for name in fileio dirs links times edges; do
    mkdir "$scratch/$name"
    check none "$name" --dir "$scratch/$name::."
done
mkdir "$scratch/errnos"
check none errnos --dir "$scratch/errnos::/scratch"

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
