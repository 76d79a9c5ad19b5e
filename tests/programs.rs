//! The benchmark programs of `benches/programs/` (C compiled to WASI, see the README there) and the
//! real programs of `benches/programs/real/` (Lua, SQLite, QuickJS, zstd, PCRE2, Mbed TLS) and the
//! SIMD programs of `benches/programs/simd/` (each built scalar, `NAME`, and with -msimd128,
//! `NAME.simd`; both builds must print the same checksum) as correctness tests: each runs through the embedding API with a small scale N, eagerly and lazily
//! translated, and must print the checksum that wasmi 2.0.0 and wasmtime 48.0.8 (native and
//! Pulley) print for that N. Every `.wasm` in the three folders must have a row in [`EXPECTED`].

mod common;

use anyhow::{Result, bail};
use common::run_wasi;
use hayate::{Config, Engine};
use std::path::{Path, PathBuf};

/// Program (its path under `benches/programs/` without `.wasm`), small scale N, and the line it must
/// print: `checksum: <value>`. The values come from `wasmi run benches/programs/NAME.wasm N`,
/// cross-checked with `wasmtime run` (also with `--target pulley64`); rebuild them the same way
/// when a program changes.
const EXPECTED: &[(&str, u32, u64)] = &[
    ("interp", 1, 18111456505364729438),
    ("lz", 1, 2708331127759019121),
    ("mandelbrot", 100, 13553333222186411159),
    ("mixed", 3, 9904468443660202980),
    ("nbody", 10, 9289721778201026687),
    ("quicksort", 1, 7436666649404150023),
    // The real programs at their smallest scale, about 0.3-0.8 s each on wasmi.
    ("real/lua", 1, 13302532244120086336),
    ("real/mbedtls", 1, 13845835900364820935),
    ("real/pcre2", 1, 1249304152804960266),
    ("real/quickjs", 1, 9963676926382278699),
    ("real/sqlite", 1, 1814460182887970790),
    ("real/zstd", 1, 10599687707729228836),
    ("sha256", 2, 8652677887451252050),
    ("sieve", 1, 13421081442128048412),
    // The SIMD programs, scalar and -msimd128 builds of one source: the same checksum.
    ("simd/audio", 5, 9381637686267660257),
    ("simd/audio.simd", 5, 9381637686267660257),
    ("simd/blur", 2, 16299996893691175828),
    ("simd/blur.simd", 2, 16299996893691175828),
    ("simd/matmul", 2, 16476774635168477165),
    ("simd/matmul.simd", 2, 16476774635168477165),
    ("simd/scan", 5, 113431439460181445),
    ("simd/scan.simd", 5, 113431439460181445),
    ("simd/stencil", 10, 11520099504376460840),
    ("simd/stencil.simd", 10, 11520099504376460840),
    ("simd/text", 2, 8627121608848541505),
    ("simd/text.simd", 2, 8627121608848541505),
    ("strings", 2, 17759861839006653200),
    ("tokenizer", 3, 15270642463672304059),
];

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs")
}

/// Runs program `name` with argument `n` on an engine with `config`; returns its stdout, or an
/// error naming the trap, the exit status or the stderr output.
fn run(name: &str, n: u32, config: &Config) -> Result<String> {
    let path = programs_dir().join(format!("{name}.wasm"));
    let run = run_wasi(&Engine::new(config), &path, |b| b.arg(name).arg(n.to_string()))?;
    if run.status != 0 || !run.stderr.is_empty() {
        bail!("exit status {}, stderr: {}", run.status, run.stderr.trim_end());
    }
    Ok(run.stdout)
}

/// Runs every program with `config` and fails listing each one whose output is not its checksum.
fn check_all(mode: &str, config: &Config) {
    let mut failures = Vec::new();
    for &(name, n, checksum) in EXPECTED {
        let want = format!("checksum: {checksum}\n");
        let started = std::time::Instant::now();
        let outcome = run(name, n, config);
        let verdict = match &outcome {
            Ok(got) if *got == want => "ok".to_string(),
            Ok(got) => format!("WRONG: printed {got:?}, expected {want:?}"),
            Err(e) => format!("FAILED: {e:#}"),
        };
        println!("{mode} {name:<17} N={n:<5} {:>7.3} s  {verdict}", started.elapsed().as_secs_f64());
        if verdict != "ok" {
            failures.push(format!("{name} {n}: {verdict}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} programs failed:\n{}", failures.len(), EXPECTED.len(), failures.join("\n"));
}

#[test]
fn programs_print_their_checksums_eagerly_translated() {
    check_all("eager", Config::new().lazy_translation(false));
}

#[test]
fn programs_print_their_checksums_lazily_translated() {
    check_all("lazy ", Config::new().lazy_translation(true));
}

#[test]
fn every_program_has_an_expected_checksum() -> Result<()> {
    let mut on_disk = Vec::new();
    for (dir, prefix) in
        [(programs_dir(), ""), (programs_dir().join("real"), "real/"), (programs_dir().join("simd"), "simd/")]
    {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "wasm") {
                on_disk.push(format!("{prefix}{}", path.file_stem().unwrap().to_string_lossy()));
            }
        }
    }
    on_disk.sort();
    let listed: Vec<String> = EXPECTED.iter().map(|&(name, _, _)| name.to_string()).collect();
    assert_eq!(
        on_disk, listed,
        "benches/programs/*.wasm, real/*.wasm, simd/*.wasm and the EXPECTED table (sorted by name) differ"
    );
    Ok(())
}
