//! The `hayate` command line: `hayate run` executes a module (its WASI `_start`, or one export with
//! `--invoke`), `hayate ir` prints the register IR its functions were translated to, and `hayate
//! wast` runs `.wast` scripts.

use anyhow::{Context, Result, anyhow, bail};
use clap::{Args, Parser, Subcommand};
use hayate::wasi::{self, WasiCtx};
use hayate::{Config, Engine, ExternType, FuncType, Linker, Module, Store, Trap, V128, Val, ValType};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// Exit status after a trap, as for a process that aborted (128 + SIGABRT).
const TRAP_EXIT_STATUS: i32 = 134;

/// Exit status after any other error.
const ERROR_EXIT_STATUS: i32 = 1;

#[derive(Parser)]
#[command(name = "hayate", version, about = "A fast WebAssembly interpreter")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a module: its WASI `_start` export, or the export named by `--invoke` (the default:
    /// `hayate [OPTIONS] FILE` is `hayate run [OPTIONS] FILE`, as with wasmtime)
    Run(RunArgs),
    /// Print the register IR of a module's functions
    Ir(IrArgs),
    /// Run `.wast` scripts (the spec testsuite's format): a line per file with its passed and
    /// failed directives, then each failure as FILE:LINE: message
    Wast(WastArgs),
}

#[derive(Args)]
struct RunArgs {
    /// Call this exported function instead of `_start`, passing ARGS as its arguments and printing
    /// its results one per line
    #[arg(long, value_name = "NAME")]
    invoke: Option<String>,
    /// Set an environment variable for the guest; `NAME` alone passes the host's value on (if it has
    /// one). No other host variable reaches the guest
    #[arg(long = "env", value_name = "NAME[=VALUE]")]
    env: Vec<String>,
    /// Give the guest a host directory, as GUEST_DIR (default: HOST_DIR as written); the guest
    /// reaches nothing outside the directories it is given
    #[arg(long = "dir", value_name = "HOST_DIR[::GUEST_DIR]")]
    dir: Vec<String>,
    /// Run with this much fuel (about one unit per instruction); the guest traps with "all fuel
    /// consumed" when it runs out
    #[arg(long, value_name = "N")]
    fuel: Option<u64>,
    /// Stop the guest after this long (`500ms`, `10s`, `2m`); it traps with "interrupted"
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    timeout: Option<Duration>,
    /// The largest size a linear memory may have, in bytes (suffixes K, M, G); `memory.grow`
    /// beyond it returns -1
    #[arg(long, value_name = "BYTES", value_parser = parse_bytes)]
    max_memory: Option<u64>,
    /// How many Wasm calls may be active at once before the guest traps with "call stack exhausted"
    #[arg(long, value_name = "N")]
    max_call_depth: Option<usize>,
    /// Translate every function before running (default: each on its first call; the module is
    /// validated up front either way)
    #[arg(long)]
    eager: bool,
    /// Write the dynamic instruction mix (every IR instruction executed, and pairs and triples of
    /// them, with counts) to FILE as tab-separated lines; needs a build with `--features stats`
    #[arg(long, value_name = "FILE")]
    stats: Option<std::path::PathBuf>,
    /// Sample the guest's Wasm call stack while it runs and write the counts to FILE as collapsed
    /// stacks (`main;f;g 12`, one line per stack), which flame graph tools read
    #[arg(long, value_name = "FILE")]
    profile: Option<std::path::PathBuf>,
    /// Time between two samples of `--profile` (`1ms`, `100us`)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "1ms")]
    profile_interval: Duration,
    /// The module (a `.wasm` binary or `.wat` text), then ARGS: the guest's argv[1..], or the
    /// `--invoke` function's arguments (i32/i64 in decimal or 0x hex, floats also as `nan`, `inf`,
    /// `-inf`). Everything after FILE is passed on unchanged, `--help` and `--` included
    // One positional, so that clap stops parsing options at FILE: with FILE and ARGS apart, an
    // option of hayate's right after FILE (`--help`, `--dir`) was taken as hayate's.
    #[arg(value_names = ["FILE", "ARGS"], required = true, num_args = 1.., trailing_var_arg = true)]
    file_and_args: Vec<String>,
}

impl RunArgs {
    /// The module file.
    fn file(&self) -> &str {
        &self.file_and_args[0]
    }

    /// Everything after the file.
    fn args(&self) -> &[String] {
        &self.file_and_args[1..]
    }
}

#[derive(Args)]
struct IrArgs {
    /// The module: a `.wasm` binary or `.wat` text
    file: String,
    /// Print only this function: an export name, a name-section name, or a function index
    #[arg(long, value_name = "NAME|INDEX")]
    func: Option<String>,
    /// Show the code as fuel metering translates it (`hayate run --fuel`): with its `ConsumeFuel`
    /// check points
    #[arg(long)]
    fuel: bool,
}

#[derive(Args)]
struct WastArgs {
    /// Translate every function when its module loads (default: each on its first call)
    #[arg(long)]
    eager: bool,
    /// The scripts
    #[arg(value_name = "FILE", required = true)]
    files: Vec<std::path::PathBuf>,
}

fn main() {
    let cli = Cli::parse_from(implicit_run(std::env::args_os().collect()));
    let status = match cli.command {
        Command::Run(args) => run(&args),
        Command::Ir(args) => ir(&args).map(|()| 0),
        Command::Wast(args) => wast(&args),
    };
    let status = status.unwrap_or_else(|e| {
        eprintln!("error: {}", one_line(&format!("{e:#}")));
        ERROR_EXIT_STATUS
    });
    // Guest output is flushed as it is written; this covers the CLI's own output.
    let _ = std::io::stdout().flush();
    std::process::exit(status);
}

/// `hayate [OPTIONS] FILE ARGS...` means `hayate run [OPTIONS] FILE ARGS...`, as `wasmtime FILE`
/// means `wasmtime run FILE`, so a harness written for wasmtime can run hayate unchanged.
fn implicit_run(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    const EXPLICIT: &[&str] = &["run", "ir", "wast", "help", "-h", "--help", "-V", "--version"];
    if args.get(1).is_some_and(|first| !EXPLICIT.iter().any(|e| first == *e)) {
        args.insert(1, "run".into());
    }
    args
}

/// `--timeout`, `--profile-interval`: a number with a unit (`us`, `ms`, `s`, `m`; plain numbers are
/// seconds).
fn parse_duration(text: &str) -> std::result::Result<Duration, String> {
    let (number, scale) = if let Some(n) = text.strip_suffix("us") {
        (n, 0.000_001)
    } else if let Some(n) = text.strip_suffix("ms") {
        (n, 0.001)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1.0)
    } else if let Some(n) = text.strip_suffix('m') {
        (n, 60.0)
    } else {
        (text, 1.0)
    };
    let value: f64 = number.trim().parse().map_err(|_| format!("`{text}` is not a duration like 500ms, 10s or 2m"))?;
    Duration::try_from_secs_f64(value * scale).map_err(|_| format!("`{text}` is not a usable duration"))
}

/// `--max-memory`: bytes, optionally with a K, M or G suffix (powers of 1024).
fn parse_bytes(text: &str) -> std::result::Result<u64, String> {
    let (number, scale) = match text.as_bytes().last() {
        Some(b'K' | b'k') => (&text[..text.len() - 1], 1u64 << 10),
        Some(b'M' | b'm') => (&text[..text.len() - 1], 1 << 20),
        Some(b'G' | b'g') => (&text[..text.len() - 1], 1 << 30),
        _ => (text, 1),
    };
    number
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .ok_or_else(|| format!("`{text}` is not a size in bytes like 65536, 64K or 1G"))
}

/// The engine settings the run options ask for.
fn engine_for(args: &RunArgs) -> Engine {
    let mut config = Config::new();
    config
        .consume_fuel(args.fuel.is_some())
        .interruptible(args.timeout.is_some() || args.profile.is_some())
        .lazy_translation(!args.eager);
    if let Some(bytes) = args.max_memory {
        config.max_memory_bytes(bytes);
    }
    if let Some(depth) = args.max_call_depth {
        config.max_call_depth(depth);
    }
    Engine::new(&config)
}

/// `hayate run`: returns the process exit status.
fn run(args: &RunArgs) -> Result<i32> {
    let (file, guest_args) = (args.file(), args.args());
    if args.stats.is_some() && !cfg!(feature = "stats") {
        bail!("--stats needs hayate built with the `stats` feature (cargo build --release --features stats)");
    }
    let engine = engine_for(args);
    let module = load(&engine, file)?;
    let name = args.invoke.as_deref().unwrap_or("_start");
    let ty = module.export_func_type(name).cloned().ok_or_else(|| match args.invoke {
        Some(_) => anyhow!("`{file}` has no exported function `{name}`"),
        None => anyhow!("`{file}` has no exported function `_start` (use --invoke NAME to call another export)"),
    })?;
    let params = match args.invoke {
        Some(_) => parse_args(name, &ty, guest_args)?,
        None if ty.params().is_empty() => Vec::new(),
        None => {
            bail!("`_start` of `{file}` takes parameters ({}); use --invoke to pass arguments", type_list(ty.params()))
        }
    };

    let mut wasi = WasiCtx::builder().arg(file).args(guest_args);
    for var in &args.env {
        wasi = match var.split_once('=') {
            Some((key, value)) => wasi.env(key, value),
            // Like wasmtime: a variable the host does not have stays unset in the guest.
            None => match std::env::var_os(var) {
                Some(value) => wasi.env(
                    var,
                    value.into_string().map_err(|_| anyhow!("--env `{var}`: the host's value is not UTF-8"))?,
                ),
                None => wasi,
            },
        };
    }
    for dir in &args.dir {
        let (host, guest) = dir.split_once("::").unwrap_or((dir, dir));
        if host.is_empty() || guest.is_empty() {
            bail!("--dir `{dir}`: expected HOST_DIR or HOST_DIR::GUEST_DIR");
        }
        wasi = wasi.preopened_dir(host, guest);
    }
    let mut store = Store::new(&engine, wasi.build()?);
    if let Some(fuel) = args.fuel {
        store.set_fuel(fuel)?;
    }
    if let Some(timeout) = args.timeout {
        let handle = store.interrupt_handle();
        std::thread::spawn(move || {
            std::thread::sleep(timeout);
            handle.interrupt();
        });
    }
    let mut linker = Linker::new(&engine);
    wasi::add_to_linker(&mut linker, |ctx| ctx)?;
    let instance = match linker.instantiate(&mut store, &module) {
        Ok(instance) => instance,
        Err(e) => {
            return guest_stopped(e).with_context(|| format!("cannot instantiate `{file}`"));
        }
    };
    let func = instance.get_func(&store, name).ok_or_else(|| anyhow!("`{file}` has no exported function `{name}`"))?;
    let mut results: Vec<Val> = ty.results().iter().map(|t| Val::default_for(*t)).collect();
    let sampling = args.profile.as_ref().map(|_| start_sampling(&mut store, args.profile_interval));
    let outcome = func.call(&mut store, &params, &mut results);
    if let (Some(path), Some(done)) = (&args.profile, sampling) {
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let profile = store.take_profile().unwrap_or_default();
        std::fs::write(path, profile.to_collapsed())
            .with_context(|| format!("cannot write --profile file `{}`", path.display()))?;
    }
    #[cfg(feature = "stats")]
    if let Some(path) = &args.stats {
        write_stats(path, &hayate::stats::take())?;
    }
    if let Err(e) = outcome {
        return guest_stopped(e).with_context(|| format!("calling `{name}`"));
    }
    if args.invoke.is_some() {
        let mut out = std::io::stdout().lock();
        for result in &results {
            writeln!(out, "{}", format_val(result))?;
        }
    }
    Ok(0)
}

/// `--stats FILE`: one line per instruction (`op NAME COUNT`), pair (`pair A B COUNT`) and triple
/// (`triple A B C COUNT`), tab-separated, most frequent first (`benches/mix.py` sums them up).
#[cfg(feature = "stats")]
fn write_stats(path: &std::path::Path, mix: &hayate::stats::InstructionMix) -> Result<()> {
    let mut out = String::new();
    for (name, n) in &mix.ops {
        out.push_str(&format!("op\t{name}\t{n}\n"));
    }
    for ([a, b], n) in &mix.pairs {
        out.push_str(&format!("pair\t{a} {b}\t{n}\n"));
    }
    for ([a, b, c], n) in &mix.triples {
        out.push_str(&format!("triple\t{a} {b} {c}\t{n}\n"));
    }
    std::fs::write(path, out).with_context(|| format!("cannot write --stats file `{}`", path.display()))
}

/// `--profile`: starts profiling `store` and a thread that asks for a sample every `interval`
/// until the returned flag is set.
fn start_sampling<T>(store: &mut Store<T>, interval: Duration) -> std::sync::Arc<std::sync::atomic::AtomicBool> {
    store.start_profiling();
    let sampler = store.sampler();
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop = done.clone();
    std::thread::spawn(move || {
        while !stop.load(std::sync::atomic::Ordering::Relaxed) {
            std::thread::sleep(interval);
            sampler.sample();
        }
    });
    done
}

/// The exit status for a guest that stopped with `e`: its `proc_exit` code, the trap status after
/// printing the trap, or 1 after printing an uncaught exception; other errors are passed on.
fn guest_stopped(e: hayate::Error) -> Result<i32> {
    if let Some(status) = e.i32_exit_status() {
        return Ok(status);
    }
    if let Some(trap) = e.as_trap() {
        eprintln!("error: {}", format_trap(trap));
        return Ok(TRAP_EXIT_STATUS);
    }
    // An uncaught exception with its backtrace, which the one-line error report would drop.
    if let Some(exception) = e.as_exception() {
        eprintln!("error: {exception}");
        return Ok(1);
    }
    Err(e.into())
}

/// A trap as [`Trap`]'s `Display` shows it, except that a run of identical frames (deep recursion)
/// is shown once with a count.
fn format_trap(trap: &Trap) -> String {
    let mut out = format!("wasm trap: {}", trap.code());
    let frames = trap.backtrace();
    if !frames.is_empty() {
        out.push_str("\nwasm backtrace:");
    }
    let mut i = 0;
    while let Some(frame) = frames.get(i) {
        let run = frames[i..].iter().take_while(|f| *f == frame).count();
        out.push_str(&format!("\n  {i:>3}: {frame}"));
        if run > 1 {
            out.push_str(&format!("\n       ... repeated {} more times", run - 1));
        }
        i += run;
    }
    out
}

/// `hayate ir`.
fn ir(args: &IrArgs) -> Result<()> {
    let engine = Engine::new(Config::new().consume_fuel(args.fuel));
    let module = load(&engine, &args.file)?;
    let filter = match &args.func {
        Some(func) => Some(resolve_func(&module, func).with_context(|| format!("`{}`", args.file))?),
        None => None,
    };
    let mut listing = String::new();
    module.disassemble(filter, &mut listing).context("cannot format the IR")?;
    std::io::stdout().lock().write_all(listing.as_bytes())?;
    Ok(())
}

/// Stack of the thread that runs `.wast` scripts: their text nests deeply in places, and the
/// parser recurses on it.
const WAST_STACK: usize = 256 << 20;

/// `hayate wast`: runs each script in its own store; the exit status is 1 if any directive failed.
fn wast(args: &WastArgs) -> Result<i32> {
    let engine = Engine::new(Config::new().lazy_translation(!args.eager));
    let mut scripts = Vec::new();
    for path in &args.files {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read `{}`", path.display()))?;
        scripts.push((path.display().to_string(), text));
    }
    let reports = std::thread::Builder::new()
        .stack_size(WAST_STACK)
        .spawn(move || {
            let reports: Vec<_> = scripts
                .iter()
                .map(|(name, text)| (name.clone(), hayate::wast::run_script(&engine, text, |_| {})))
                .collect();
            reports
        })
        .context("cannot start the script thread")?
        .join()
        .map_err(|_| anyhow!("the script runner panicked"))?;
    let mut out = std::io::stdout().lock();
    let (mut passed, mut failed) = (0, 0);
    for (name, report) in &reports {
        writeln!(out, "{name}: {} passed, {} failed", report.passed, report.failures.len())?;
        passed += report.passed;
        failed += report.failures.len();
    }
    for (name, report) in &reports {
        for failure in &report.failures {
            writeln!(out, "{name}:{}: {}", failure.line, one_line(&failure.message))?;
        }
    }
    if reports.len() > 1 {
        writeln!(out, "total: {passed} passed, {failed} failed")?;
    }
    Ok(if failed > 0 { ERROR_EXIT_STATUS } else { 0 })
}

/// The index of the defined function `func` names: an index, an export name, or a name-section
/// name.
fn resolve_func(module: &Module, func: &str) -> Result<u32> {
    let index = match func.parse::<u32>() {
        Ok(index) => index,
        Err(_) => module
            .export_func_index(func)
            .or_else(|| (0..module.num_funcs()).find(|&i| module.func_name(i) == Some(func)))
            .ok_or_else(|| anyhow!("no function named `{func}` (neither an export nor in the name section)"))?,
    };
    let imported = module.imports().filter(|(_, _, ty)| matches!(ty, ExternType::Func(_))).count() as u32;
    if index >= module.num_funcs() {
        let plural = if module.num_funcs() == 1 { "" } else { "s" };
        bail!("no function {index} (the module has {} function{plural})", module.num_funcs());
    }
    if index < imported {
        bail!("function {index} is imported and has no IR");
    }
    Ok(index)
}

/// Reads and compiles a `.wasm` or `.wat` file.
fn load(engine: &Engine, file: &str) -> Result<Module> {
    let bytes = std::fs::read(Path::new(file)).with_context(|| format!("cannot read `{file}`"))?;
    Module::from_vec(engine, bytes).with_context(|| format!("cannot load `{file}`"))
}

/// Parses the command-line arguments of `--invoke NAME` by the function's parameter types.
fn parse_args(name: &str, ty: &FuncType, args: &[String]) -> Result<Vec<Val>> {
    let params = ty.params();
    if args.len() != params.len() {
        let types = params.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
        let plural = if params.len() == 1 { "" } else { "s" };
        let given = if args.len() == 1 { "1 was".to_string() } else { format!("{} were", args.len()) };
        bail!("function `{name}` takes {} argument{plural} ({types}) but {given} given", params.len());
    }
    params
        .iter()
        .zip(args)
        .enumerate()
        .map(|(i, (&ty, arg))| {
            parse_val(ty, arg).ok_or_else(|| match ty {
                ValType::I32 | ValType::I64 | ValType::F32 | ValType::F64 | ValType::V128 => {
                    anyhow!("invalid argument `{arg}` for parameter {i} of `{name}`: expected {}", describe(ty))
                }
                _ => anyhow!("parameter {i} of `{name}` is a {ty}, which cannot be passed on the command line"),
            })
        })
        .collect()
}

/// `i32, f64` for error messages.
fn type_list(types: &[ValType]) -> String {
    types.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

/// What an argument of type `ty` should look like, for error messages.
fn describe(ty: ValType) -> &'static str {
    match ty {
        ValType::I32 => "an i32 (decimal or 0x hex)",
        ValType::I64 => "an i64 (decimal or 0x hex)",
        ValType::F32 => "an f32 (e.g. 1.5, -2e3, nan, inf, -inf)",
        ValType::F64 => "an f64 (e.g. 1.5, -2e3, nan, inf, -inf)",
        ValType::V128 => "a v128 as one unsigned 128-bit integer (decimal or 0x hex)",
        _ => "a reference",
    }
}

/// A value of type `ty` from its command-line text.
fn parse_val(ty: ValType, text: &str) -> Option<Val> {
    Some(match ty {
        ValType::I32 => Val::I32(parse_int(text, 32)? as u32 as i32),
        ValType::I64 => Val::I64(parse_int(text, 64)? as i64),
        ValType::F32 => Val::F32(text.parse::<f32>().ok()?.to_bits()),
        ValType::F64 => Val::F64(text.parse::<f64>().ok()?.to_bits()),
        ValType::V128 => Val::V128(V128::from(parse_u128(text)?)),
        _ => return None,
    })
}

/// A `v128` written as one unsigned 128-bit integer, in decimal or `0x` hex, with optional `_`
/// separators (the number wasmtime prints for a `v128` result).
fn parse_u128(text: &str) -> Option<u128> {
    let (radix, digits) = match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => (16, hex),
        None => (10, text),
    };
    let digits = digits.replace('_', "");
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u128::from_str_radix(&digits, radix).ok()
}

/// The bits of a `bits`-wide integer written in decimal or `0x` hex, with an optional sign and `_`
/// separators. Both the signed and the unsigned range are accepted (`-1` and `0xffffffff` are the
/// same i32).
fn parse_int(text: &str, bits: u32) -> Option<u64> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = match rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
        Some(hex) => (16, hex),
        None => (10, rest),
    };
    let digits = digits.replace('_', "");
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u128::from_str_radix(&digits, radix).ok()?;
    let mask = (1u128 << bits) - 1;
    if negative {
        (magnitude <= 1u128 << (bits - 1)).then(|| (magnitude.wrapping_neg() & mask) as u64)
    } else {
        (magnitude <= mask).then_some(magnitude as u64)
    }
}

/// A result as `--invoke` prints it: integers signed in decimal, floats in Rust's `{}` display, a
/// `v128` as one unsigned 128-bit decimal integer (as wasmtime prints it).
fn format_val(val: &Val) -> String {
    match *val {
        Val::I32(v) => v.to_string(),
        Val::I64(v) => v.to_string(),
        Val::F32(bits) => f32::from_bits(bits).to_string(),
        Val::F64(bits) => f64::from_bits(bits).to_string(),
        Val::V128(v) => v.as_u128().to_string(),
        Val::FuncRef(None) | Val::ExternRef(None) | Val::ExnRef(None) => "null".to_string(),
        Val::ExnRef(Some(_)) => "exnref".to_string(),
        Val::FuncRef(Some(_)) => "funcref".to_string(),
        Val::ExternRef(Some(_)) => "externref".to_string(),
        _ => format!("{val:?}"),
    }
}

/// Squeezes a multi-line error (such as a WAT parse error with its source excerpt) into one line:
/// the first line, plus the `line:column` location when the excerpt names one.
fn one_line(message: &str) -> String {
    let mut lines = message.lines();
    let first = lines.next().unwrap_or_default().to_string();
    let location = lines.find_map(|l| l.trim_start().strip_prefix("--> ")).and_then(|loc| {
        let mut parts = loc.rsplitn(3, ':');
        let (column, line) = (parts.next()?, parts.next()?);
        Some(format!(" (line {line}, column {column})"))
    });
    first + &location.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_parse_in_decimal_and_hex_with_signs() {
        assert_eq!(parse_int("30", 32), Some(30));
        assert_eq!(parse_int("-1", 32), Some(0xffff_ffff));
        assert_eq!(parse_int("0xff", 32), Some(255));
        assert_eq!(parse_int("-0x10", 32), Some((-16i32) as u32 as u64));
        assert_eq!(parse_int("0xffffffff", 32), Some(0xffff_ffff));
        assert_eq!(parse_int("-2147483648", 32), Some(0x8000_0000));
        assert_eq!(parse_int("-2147483649", 32), None);
        assert_eq!(parse_int("4294967296", 32), None);
        assert_eq!(parse_int("1_000", 64), Some(1000));
        assert_eq!(parse_int("-9223372036854775808", 64), Some(1 << 63));
        assert_eq!(parse_int("18446744073709551615", 64), Some(u64::MAX));
        for bad in ["", "-", "0x", "abc", "1.5", "--1", "-+1", "0x-1", " 1"] {
            assert_eq!(parse_int(bad, 32), None, "{bad:?}");
        }
    }

    #[test]
    fn floats_parse_special_values() {
        assert_eq!(parse_val(ValType::F64, "-inf"), Some(Val::F64(f64::NEG_INFINITY.to_bits())));
        assert_eq!(parse_val(ValType::F32, "inf"), Some(Val::F32(f32::INFINITY.to_bits())));
        assert!(matches!(parse_val(ValType::F64, "nan"), Some(Val::F64(b)) if f64::from_bits(b).is_nan()));
        assert_eq!(parse_val(ValType::F32, "1.5"), Some(Val::F32(1.5f32.to_bits())));
        assert_eq!(parse_val(ValType::F32, "x"), None);
    }

    #[test]
    fn a_file_or_run_option_first_means_run() {
        let args = |list: &[&str]| list.iter().map(Into::into).collect::<Vec<std::ffi::OsString>>();
        assert_eq!(implicit_run(args(&["hayate", "a.wasm", "x"])), args(&["hayate", "run", "a.wasm", "x"]));
        assert_eq!(
            implicit_run(args(&["hayate", "--dir", ".", "a.wasm"])),
            args(&["hayate", "run", "--dir", ".", "a.wasm"])
        );
        for explicit in
            [&["hayate", "run", "a.wasm"][..], &["hayate", "ir", "a.wat"], &["hayate", "--version"], &["hayate"]]
        {
            assert_eq!(implicit_run(args(explicit)), args(explicit));
        }
    }

    #[test]
    fn multi_line_errors_become_one_line() {
        let wat = "cannot load `a.wat`: malformed module: expected `)`\n     --> <anon>:3:5\n      |\n    3 | x\n";
        assert_eq!(one_line(wat), "cannot load `a.wat`: malformed module: expected `)` (line 3, column 5)");
        assert_eq!(one_line("plain"), "plain");
    }
}
