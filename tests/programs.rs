//! The benchmark programs of `benches/programs/` (C compiled to WASI, see the README there) as
//! correctness tests: each runs through the embedding API with a small scale N, eagerly and lazily
//! translated, and must print the checksum that wasmi 2.0.0 and wasmtime 48.0.8 (native and
//! Pulley) print for that N. Every `.wasm` in the folder must have a row in [`EXPECTED`].

mod common;

use anyhow::{Result, bail};
use common::run_wasi;
use hayate::{Config, Engine};
use std::path::{Path, PathBuf};

/// Program, small scale N, and the line it must print: `checksum: <value>`. The values come from
/// `wasmi run benches/programs/NAME.wasm N`, cross-checked with `wasmtime run` (also with
/// `--target pulley64`); rebuild them the same way when a program changes.
const EXPECTED: &[(&str, u32, u64)] = &[
    ("interp", 1, 18111456505364729438),
    ("lz", 1, 2708331127759019121),
    ("mandelbrot", 100, 13553333222186411159),
    ("mixed", 3, 9904468443660202980),
    ("nbody", 10, 9289721778201026687),
    ("quicksort", 1, 7436666649404150023),
    ("sha256", 2, 8652677887451252050),
    ("sieve", 1, 13421081442128048412),
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
        println!("{mode} {name:<12} N={n:<5} {:>7.3} s  {verdict}", started.elapsed().as_secs_f64());
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
    for entry in std::fs::read_dir(programs_dir())? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "wasm") {
            on_disk.push(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    on_disk.sort();
    let listed: Vec<String> = EXPECTED.iter().map(|&(name, _, _)| name.to_string()).collect();
    assert_eq!(on_disk, listed, "benches/programs/*.wasm and the EXPECTED table (sorted by name) differ");
    Ok(())
}
