#!/usr/bin/env bash
# Rebuilds the real benchmark programs (benches/programs/real/*.wasm) from the C sources that
# crates.io packages vendor, pinned in sources.toml and sources.lock, plus each program's driver in
# its folder here. `--check` builds into a temporary folder and fails if a committed .wasm differs.
#
#   benches/programs/real/build.sh [--check] [PROGRAM...]     (default: every program)
#
# Sources: cargo fetches the pinned packages (checksums in sources.lock) into its download cache,
# and this script unpacks the ones it needs into target/real-programs/src; cargo builds nothing.
# Toolchain: the one recorded in ../TOOLCHAIN (Debian 12's clang 14 with wasi-libc, as
# ../build.sh). Every file is compiled from a fixed folder with relative paths and the build folder
# mapped away (-ffile-prefix-map), without debug information, so the output does not depend on
# where the repository is; objects are linked in sorted order.
set -euo pipefail

check=false
programs=()
for arg in "$@"; do
    case "$arg" in
        --check) check=true ;;
        -*) echo "usage: benches/programs/real/build.sh [--check] [PROGRAM...]" >&2; exit 2 ;;
        *) programs+=("$arg") ;;
    esac
done
all=(lua sqlite quickjs zstd pcre2 mbedtls)
[[ ${#programs[@]} -gt 0 ]] || programs=("${all[@]}")

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$root/target/real-programs"
toolchain() { clang --version | head -n1; }

if ! command -v clang >/dev/null || [[ ! -d /usr/lib/wasm32-wasi ]]; then
    echo "real/build.sh: FAILED: no clang with wasi-libc" \
        "(apt-get install clang lld wasi-libc libclang-rt-dev-wasm32)" >&2
    exit 1
fi
if [[ "$(toolchain)" != "$(cat "$here/../TOOLCHAIN")" ]]; then
    echo "real/build.sh: FAILED: clang is '$(toolchain)', not '$(cat "$here/../TOOLCHAIN")'" \
        "as in benches/programs/TOOLCHAIN" >&2
    exit 1
fi

# --- Sources --------------------------------------------------------------------------------------
mkdir -p "$work/fetch" "$work/src" "$work/gen"
cp "$here/sources.toml" "$work/fetch/Cargo.toml"
cp "$here/sources.lock" "$work/fetch/Cargo.lock"
touch "$work/fetch/lib.rs"
# --target: not the Windows crates that the packages' build scripts would need there (16 MB, not 28).
(cd "$work/fetch" && cargo fetch --locked --quiet --target wasm32-wasip1)
cache="${CARGO_HOME:-$HOME/.cargo}/registry/cache"

# The folder (under $work/src) holding package $1 at the version sources.lock pins, unpacked from
# cargo's cache on first use.
package() {
    local version crate
    version="$(awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' \
        "$here/sources.lock")"
    [[ -n "$version" ]] || { echo "real/build.sh: $1 is not in sources.lock" >&2; exit 1; }
    if [[ ! -f "$work/src/$1-$version/.unpacked" ]]; then
        crate="$(find "$cache" -name "$1-$version.crate" | head -n1)"
        [[ -n "$crate" ]] || { echo "real/build.sh: $1-$version.crate not in $cache" >&2; exit 1; }
        rm -rf "$work/src/$1-$version"
        tar -xzf "$crate" -C "$work/src"
        touch "$work/src/$1-$version/.unpacked"
    fi
    echo "src/$1-$version"
}

# A C string literal of file $1's text, one line per line, for a driver to #include.
embed() {
    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$/\\n"/' "$1"
}

# --- Compiling ------------------------------------------------------------------------------------
CFLAGS=(--target=wasm32-wasi --sysroot=/usr -O2 -DNDEBUG -ffile-prefix-map="$work"=. -ffile-prefix-map="$root"=.)
DRIVER_FLAGS=(-Wall -Wextra -Werror)
jobs="$(nproc)"
out="$here"
if $check; then
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi

# link NAME LIBFLAGS -- LIBSOURCES... -- DRIVERFLAGS...: compiles each library source (paths
# relative to $work, warnings off: the code is not ours) to an object, in parallel, then compiles
# benches/programs/real/NAME/main.c with the driver flags and links everything into NAME.wasm.
link() {
    local name="$1" flags=() sources=() driver_flags=()
    shift
    while [[ "$1" != -- ]]; do flags+=("$1"); shift; done
    shift
    while [[ $# -gt 0 && "$1" != -- ]]; do sources+=("$1"); shift; done
    [[ $# -gt 0 ]] && shift
    driver_flags=("$@")
    local objdir="obj/$name"
    rm -rf "$objdir"
    mkdir -p "$objdir"
    printf '%s\n' "${sources[@]}" | LC_ALL=C sort | xargs -P "$jobs" -I{} \
        sh -c 'src=$1; shift; mkdir -p "$(dirname "$0/$src")" && exec clang "$@" -c "$src" -o "$0/$src.o"' \
        "$objdir" {} "${CFLAGS[@]}" -w "${flags[@]}"
    local objects=()
    mapfile -t objects < <(printf '%s.o\n' "${sources[@]/#/$objdir/}" | LC_ALL=C sort)
    clang "${CFLAGS[@]}" "${DRIVER_FLAGS[@]}" "${flags[@]}" "${driver_flags[@]}" \
        -Wl,--strip-debug -o "$out/$name.wasm" "$rel/$name/main.c" "${objects[@]}"
}

cd "$work"
rel="$(realpath --relative-to="$work" "$here")"

build_lua() {
    local lua
    lua="$(package lua-src)/lua-5.4.9"
    embed "$rel/lua/bench.lua" > gen/bench_lua.h
    local sources=()
    for f in "$lua"/*.c; do
        case "${f##*/}" in liolib.c | loslib.c | loadlib.c | linit.c | lua.c | luac.c) continue ;; esac
        sources+=("$f")
    done
    link lua -I"$lua" -I"$rel/lua/shim" -include "$rel/lua/wasi.h" -- "${sources[@]}" -- -Igen
}

build_sqlite() {
    local sqlite
    sqlite="$(package libsqlite3-sys)/sqlite3"
    link sqlite -I"$sqlite" -DSQLITE_OS_OTHER=1 -DSQLITE_THREADSAFE=0 -DSQLITE_TEMP_STORE=3 \
        -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_DEFAULT_MEMSTATUS=0 -DLONGDOUBLE_TYPE=double -- "$sqlite/sqlite3.c"
}

build_quickjs() {
    local qjs
    qjs="$(package rquickjs-sys)/quickjs"
    embed "$rel/quickjs/bench.js" > gen/bench_js.h
    link quickjs -I"$qjs" -D_GNU_SOURCE -- "$qjs"/{quickjs,libregexp,libunicode,dtoa}.c -- -Igen
}

build_zstd() {
    local zstd
    zstd="$(package zstd-sys)/zstd/lib"
    # The dictionary builder's progress display would read clock() (never at display level 0).
    link zstd -I"$zstd" -I"$zstd/common" -DZSTD_DISABLE_ASM -D_WASI_EMULATED_PROCESS_CLOCKS -- \
        "$zstd"/{common,compress,decompress,dictBuilder}/*.c -- -lwasi-emulated-process-clocks
}

build_pcre2() {
    local pcre2 sources=()
    pcre2="$(package pcre2-sys)/upstream"
    # As the package's build.rs: the JIT parts and the Unicode tables are #included by other files.
    for f in "$pcre2"/src/*.c; do
        case "${f##*/}" in pcre2_jit_match.c | pcre2_jit_misc.c | pcre2_ucptables.c) continue ;; esac
        sources+=("$f")
    done
    link pcre2 -I"$pcre2/include" -I"$pcre2/src" -DHAVE_CONFIG_H -DPCRE2_CODE_UNIT_WIDTH=8 -DPCRE2_STATIC \
        -DSUPPORT_PCRE2_8 -DSUPPORT_UNICODE -DHAVE_STDLIB_H -DHAVE_MEMMOVE -DSTDC_HEADERS -- "${sources[@]}"
}

build_mbedtls() {
    local mbedtls
    mbedtls="$(package mbedtls-sys-auto)/vendor"
    # Every library file; those of modules bench_config.h leaves out compile to nothing.
    link mbedtls -I"$mbedtls/include" -I"$rel/mbedtls" -DMBEDTLS_CONFIG_FILE='"bench_config.h"' -- "$mbedtls"/library/*.c
}

status=0
for program in "${programs[@]}"; do
    started=$SECONDS
    "build_$program"
    echo "real/$program.wasm: $(stat -c %s "$out/$program.wasm") bytes, built in $((SECONDS - started)) s" >&2
    if $check && ! cmp -s "$out/$program.wasm" "$here/$program.wasm"; then
        echo "benches/programs/real/$program.wasm is not what its sources build to: run benches/programs/real/build.sh" >&2
        status=1
    fi
done
$check && [[ $status == 0 ]] && echo "benches/programs/real: every .wasm is up to date"
exit $status
