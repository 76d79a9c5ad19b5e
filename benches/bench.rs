//! Criterion benchmarks for hayate by phase: `translate/*`, `instantiate/*`, `execute/*`, `overhead/*`.
//!
//! Inputs are the kernels in `wat/` plus a few generated worst cases for the translator. Runs are kept
//! short (ten samples, about two seconds each) so `cargo bench --bench bench` finishes in a few minutes;
//! `cargo bench --bench bench -- --test` runs every benchmark once as a smoke test.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main, measurement::WallTime};
use hayate::{Engine, ExternType, Instance, Linker, Module, Store, Val, WasmTyList};

/// `(file in wat/, export, argument, expected result)` for `execute/*`; arguments are chosen so one
/// call takes roughly 10–100 ms. The expected values come from `benches/reference.py`.
const EXECUTE: &[(&str, &str, Arg, i64)] = &[
    ("fib.wat", "fib", Arg::I32(25), 75_025),
    ("count.wat", "count", Arg::I32(20_000_000), 20_000_000),
    ("memfill.wat", "memfill", Arg::I32(4), 448_790_528),
    ("memcopy.wat", "memcopy", Arg::I32(500), 2_825_805_727_677_975_076),
    ("calls.wat", "calls", Arg::I32(1_000_000), 437_702_336),
    ("br_table.wat", "br_table", Arg::I32(4_000_000), 1_626_339_521),
    ("fib_iter.wat", "fib_iter", Arg::I64(10_000_000), 824_537_984_562_236_219),
    ("fib_tail.wat", "fib_tail", Arg::I32(50_000), 26_815_918_707_183_165),
    ("fib_tail_call.wat", "fib_tail_call", Arg::I32(50_000), 26_815_918_707_183_165),
    ("i64_arith.wat", "i64_arith", Arg::I32(2_000_000), 6_547_040_618_140_131_102),
    ("f64_math.wat", "f64_math", Arg::I32(500), 5_491_293),
];

/// The kernels' single parameter; the result type is read off the export's signature.
#[derive(Clone, Copy)]
enum Arg {
    I32(i32),
    I64(i64),
}

/// Unwraps a hayate result, naming what failed.
fn ok<T>(result: hayate::Result<T>, what: &str) -> T {
    result.unwrap_or_else(|err| panic!("{what}: {err}"))
}

fn wat_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("wat")
}

/// The binary encoding of `wat/<file>`, or `None` (with a note) if the file is absent.
fn wasm_of(file: &str) -> Option<Vec<u8>> {
    let path = wat_dir().join(file);
    if !path.exists() {
        eprintln!("skipping {}: file not found", path.display());
        return None;
    }
    Some(wat::parse_file(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display())))
}

/// A linker that satisfies every function import of `module` with a host stub returning zeros, so
/// modules that import WASI (e.g. `hello.wat`) instantiate without a WASI implementation.
fn stub_linker(engine: &Engine, module: &Module) -> Linker<()> {
    let mut linker = Linker::new(engine);
    for (module_name, name, ty) in module.imports() {
        if let ExternType::Func(ty) = ty {
            let results: Vec<Val> = ty.results().iter().map(|&t| Val::default_for(t)).collect();
            let stub = move |_caller: hayate::Caller<'_, ()>, _params: &[Val], out: &mut [Val]| {
                out.clone_from_slice(&results);
                Ok(())
            };
            ok(linker.func_new(module_name, name, ty.clone(), stub), "define stub import");
        }
    }
    linker
}

/// `n` functions, each with a loop, locals, arithmetic, a memory access and a call to its successor.
fn many_funcs(n: usize) -> String {
    let mut s = String::from("(module (memory 1)\n");
    for i in 0..n {
        let callee = (i + 1) % n;
        s += &format!(
            "(func $f{i} (export \"f{i}\") (param i32 i32) (result i32) (local i32 i64)
               (block (loop
                 (local.set 2 (i32.add (local.get 2) (i32.mul (local.get 0) (i32.const {i}))))
                 (local.set 3 (i64.xor (local.get 3) (i64.extend_i32_u (local.get 2))))
                 (i32.store (i32.and (local.get 2) (i32.const 0xfffc)) (local.get 1))
                 (br_if 1 (i32.gt_u (local.get 2) (i32.const 1000)))
                 (br_if 0 (i32.lt_s (local.get 0) (i32.const 10)))))
               (if (result i32) (i32.eqz (local.get 1))
                 (then (i32.wrap_i64 (local.get 3)))
                 (else (call $f{callee} (local.get 2) (i32.sub (local.get 1) (i32.const 1))))))\n"
        );
    }
    s + ")"
}

/// One function with `depth` nested blocks and a `br_table` at the bottom that targets every label.
fn deep_nesting(depth: usize) -> String {
    let mut s = String::from("(module (func (export \"f\") (param i32) (result i32)\n");
    s += &"(block ".repeat(depth);
    s += "(br_table";
    for label in 0..depth {
        s += &format!(" {label}");
    }
    s += " 0 (local.get 0))";
    s += &")".repeat(depth);
    s + " (i32.const 7)))"
}

/// One function whose single `br_table` has `targets` entries over a handful of labels.
fn huge_br_table(targets: usize) -> String {
    let mut s = String::from("(module (func (export \"f\") (param i32) (result i32)\n");
    s += "(block (block (block (block (br_table";
    for i in 0..targets {
        s += &format!(" {}", i % 4);
    }
    s += " 3 (local.get 0))) (return (i32.const 1))) (return (i32.const 2))) (return (i32.const 3))) (i32.const 4)))";
    s
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
}

fn translate(c: &mut Criterion) {
    let engine = Engine::default();
    let mut group = c.benchmark_group("translate");
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for (file, ..) in EXECUTE {
        if let Some(wasm) = wasm_of(file) {
            inputs.push((file.trim_end_matches(".wat").to_string(), wasm));
        }
    }
    if let Some(wasm) = wasm_of("hello.wat") {
        inputs.push(("hello".into(), wasm));
    }
    let generated = [
        ("many_funcs_2000", many_funcs(2000)),
        ("deep_nesting_1000", deep_nesting(1000)),
        ("huge_br_table_50000", huge_br_table(50_000)),
    ];
    for (name, text) in generated {
        inputs.push((name.into(), wat::parse_str(&text).unwrap_or_else(|err| panic!("{name}: {err}"))));
    }
    for (name, wasm) in &inputs {
        group.throughput(Throughput::Bytes(wasm.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| ok(Module::new(&engine, black_box(wasm)), name));
        });
    }
    group.finish();
}

fn instantiate(c: &mut Criterion) {
    let engine = Engine::default();
    let mut group = c.benchmark_group("instantiate");
    for file in ["fib.wat", "hello.wat", "memfill.wat"] {
        let Some(wasm) = wasm_of(file) else { continue };
        let module = ok(Module::new(&engine, &wasm), file);
        let linker = stub_linker(&engine, &module);
        group.bench_function(file.trim_end_matches(".wat"), |b| {
            b.iter(|| {
                let mut store = Store::new(&engine, ());
                black_box(ok(linker.instantiate(&mut store, &module), file));
            });
        });
    }
    group.finish();
}

/// Benchmarks one call of `export(arg)` returning `R`, after checking the result once.
fn bench_call<P: WasmTyList + Copy, R: WasmTyList + Copy + Into<i64>>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    (store, instance): (&mut Store<()>, Instance),
    export: &str,
    arg: P,
    expected: i64,
) {
    let func = ok(instance.get_typed_func::<P, R>(&*store, export), export);
    let got: i64 = ok(func.call(&mut *store, arg), export).into();
    assert_eq!(got, expected, "{export} returned a wrong result");
    group.bench_function(export, |b| b.iter(|| ok(func.call(&mut *store, black_box(arg)), export)));
}

fn execute(c: &mut Criterion) {
    let engine = Engine::default();
    let mut group = c.benchmark_group("execute");
    for &(file, export, arg, expected) in EXECUTE {
        let Some(wasm) = wasm_of(file) else { continue };
        let module = ok(Module::new(&engine, &wasm), file);
        let mut store = Store::new(&engine, ());
        let instance = ok(Linker::new(&engine).instantiate(&mut store, &module), file);
        let returns_i64 =
            matches!(module.export_func_type(export).map(|ty| ty.results()), Some([hayate::ValType::I64]));
        let target = (&mut store, instance);
        match (arg, returns_i64) {
            (Arg::I32(a), false) => bench_call::<i32, i32>(&mut group, target, export, a, expected),
            (Arg::I32(a), true) => bench_call::<i32, i64>(&mut group, target, export, a, expected),
            (Arg::I64(a), false) => bench_call::<i64, i32>(&mut group, target, export, a, expected),
            (Arg::I64(a), true) => bench_call::<i64, i64>(&mut group, target, export, a, expected),
        }
    }
    group.finish();
}

fn overhead(c: &mut Criterion) {
    let engine = Engine::default();
    let mut group = c.benchmark_group("overhead");
    let module = ok(
        Module::new(&engine, r#"(module (func (export "id") (param i32) (result i32) (local.get 0)))"#),
        "id module",
    );
    let mut store = Store::new(&engine, ());
    let instance = ok(Linker::new(&engine).instantiate(&mut store, &module), "id module");
    let id = ok(instance.get_typed_func::<i32, i32>(&store, "id"), "id");
    group.bench_function("call_host_to_wasm", |b| b.iter(|| ok(id.call(&mut store, black_box(7)), "id")));
    host_call(&mut group);
    group.finish();
}

/// A guest loop calling an imported host function `(i32) -> i32` that returns its argument.
const HOST_CALL_WAT: &str = r#"
    (module
      (import "host" "nop" (func $nop (param i32) (result i32)))
      (func (export "run") (param $n i32) (result i32)
        (local $acc i32)
        (loop $l
          (local.set $acc (i32.add (local.get $acc) (call $nop (local.get $n))))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.get $acc)))
"#;

/// Calls from Wasm into the host, hayate beside wasmi 2.0 (`overhead/host_call/*`): 100 000 calls
/// of an imported no-op per iteration.
fn host_call(group: &mut BenchmarkGroup<'_, WallTime>) {
    const CALLS: i32 = 100_000;
    const EXPECTED: i32 = (CALLS as i64 / 2 * (CALLS as i64 + 1)) as i32;
    let wasm = ok(wat::parse_str(HOST_CALL_WAT).map_err(|e| hayate::Error::msg(e.to_string())), "host_call wat");
    let engine = Engine::default();
    let module = ok(Module::new(&engine, &wasm), "host_call module");
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    ok(linker.func_wrap("host", "nop", |x: i32| x).map(|_| ()), "host_call linker");
    let instance = ok(linker.instantiate(&mut store, &module), "host_call module");
    let run = ok(instance.get_typed_func::<i32, i32>(&store, "run"), "run");
    assert_eq!(ok(run.call(&mut store, CALLS), "run"), EXPECTED);
    group.throughput(Throughput::Elements(CALLS as u64));
    group.bench_function("host_call/hayate", |b| b.iter(|| ok(run.call(&mut store, black_box(CALLS)), "run")));

    let engine = wasmi::Engine::default();
    let module = wasmi::Module::new(&engine, &wasm).expect("wasmi compiles the host_call module");
    let mut store = wasmi::Store::new(&engine, ());
    let mut linker = wasmi::Linker::<()>::new(&engine);
    linker.func_wrap("host", "nop", |x: i32| x).expect("wasmi defines host::nop");
    let instance = linker.instantiate_and_start(&mut store, &module).expect("wasmi instantiates");
    let run = instance.get_typed_func::<i32, i32>(&store, "run").expect("wasmi finds run");
    assert_eq!(run.call(&mut store, CALLS).expect("wasmi runs"), EXPECTED);
    group.bench_function("host_call/wasmi", |b| b.iter(|| run.call(&mut store, black_box(CALLS)).expect("wasmi runs")));
}

criterion_group! {
    name = benches;
    config = config();
    targets = translate, instantiate, execute, overhead
}
criterion_main!(benches);
