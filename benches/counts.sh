# The workload loop shared by benches/callgrind.sh and benches/aarch64.sh (sourced, not run):
# `count_workloads BINARY... [-- NAME|GROUP...]` runs every workload of ${WORKLOADS:-benches/
# workloads.txt} (or those named, by name or group as compare.sh takes them: kernels, programs,
# real, simd) at a reduced scale with each binary, through the caller's `count BINARY ARGS...`
# (which prints a count: instructions, or callgrind.sh's EVENT), and prints one row per workload:
# the counts in millions and each binary's ratio to the first. Kernels run with their argument
# divided by 100 (fib with 25), programs with theirs divided by 20 (at least 1; this covers both
# builds of the SIMD programs, NAME and NAME.simd). RUN_OPTS='--fuel 1000000000000' (or '--timeout 1h', ...) adds
# options to every run, to count metered code.
count_workloads() {
    local binaries=() args=() file export arg name group first c b n
    while [ $# -gt 0 ] && [ "$1" != -- ]; do binaries+=("$1"); shift; done
    [ "${1:-}" = -- ] && shift
    printf '%-14s' workload
    for b in "${binaries[@]}"; do printf ' %14s' "$(basename "$(dirname "$b")")/$(basename "$b")"; done
    echo
    grep -v '^#' "${WORKLOADS:-benches/workloads.txt}" | while read -r file export arg _; do
        [ -n "$file" ] || continue
        case "$file" in
            *.wat) group=kernels ;;
            programs/real/*) group=real ;;
            programs/simd/*) group=simd ;;
            *) group=programs ;;
        esac
        name="$(basename "$file" | sed 's/\.wat$//; s/\.wasm$//')"
        if [ $# -gt 0 ] && [[ " $* " != *" $name "* && " $* " != *" ${name%.simd} "* && " $* " != *" $group "* ]]; then
            continue
        fi
        if [[ $file == programs/* ]]; then
            n=$(( arg / 20 > 0 ? arg / 20 : 1 ))
            args=(run ${RUN_OPTS:-} "benches/$file" "$n")
        else
            n=$(( arg / 100 )); [ "$export" = fib ] && n=25
            args=(run ${RUN_OPTS:-} --invoke "$export" "wat/$file" "$n")
        fi
        first=""
        printf '%-14s' "$name"
        for b in "${binaries[@]}"; do
            c=$(count "$b" "${args[@]}")
            [ -n "$first" ] || first=$c
            printf ' %9.1fM %.4f' "$(echo "$c / 1000000" | bc -l)" "$(echo "$c / $first" | bc -l)"
        done
        echo
    done
}
