//! Resource limits: fuel, interruption from another thread, call depth, memory size limits.

use hayate::{Config, Engine, ErrorKind, InterruptHandle, Linker, Module, Store, TrapCode};
use std::time::{Duration, Instant};

const SPIN: &str = r#"(module
  (func (export "spin") (loop $l (br $l)))
  (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $i)))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $s))
  (func $deep (export "deep") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $deep (i32.sub (local.get 0) (i32.const 1))))))))"#;

fn setup(config: &Config) -> (Store<()>, hayate::Instance) {
    let engine = Engine::new(config);
    let module = Module::new(&engine, SPIN).unwrap();
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine).instantiate(&mut store, &module).unwrap();
    (store, instance)
}

#[test]
fn fuel_stops_an_infinite_loop_and_is_accounted() {
    let (mut store, instance) = setup(Config::new().consume_fuel(true));
    store.set_fuel(10_000).unwrap();
    let spin = instance.get_typed_func::<(), ()>(&store, "spin").unwrap();
    let err = spin.call(&mut store, ()).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::OutOfFuel), "{err}");
    assert!(store.get_fuel().unwrap() < 10);

    store.set_fuel(1_000_000).unwrap();
    let sum = instance.get_typed_func::<i32, i32>(&store, "sum").unwrap();
    assert_eq!(sum.call(&mut store, 1000).unwrap(), 499_500);
    let used = 1_000_000 - store.get_fuel().unwrap();
    assert!((1000..20_000).contains(&used), "fuel used for 1000 iterations: {used}");
    store.set_fuel(100).unwrap();
    assert_eq!(sum.call(&mut store, 1000).unwrap_err().trap_code(), Some(TrapCode::OutOfFuel));
}

#[test]
fn every_round_of_an_unrolled_loop_pays_the_same_fuel() {
    // With fuel a short loop body is laid out several times over and the back edge at the end of
    // the last copy charges the loop head's fuel itself (no dispatch of the `ConsumeFuel`): the
    // fuel used goes up in equal steps, once per round of copies, and each iteration pays for
    // itself on average.
    let (mut store, instance) = setup(Config::new().consume_fuel(true));
    let sum = instance.get_typed_func::<i32, i32>(&store, "sum").unwrap();
    let mut used = |n: i32| {
        store.set_fuel(1_000_000).unwrap();
        assert_eq!(sum.call(&mut store, n).unwrap(), n * (n - 1) / 2, "sum with fuel, n = {n}");
        1_000_000 - store.get_fuel().unwrap()
    };
    let first: Vec<u64> = (1..=9).map(&mut used).collect();
    // The copies: how many iterations the first charge pays for.
    let copies = first.iter().take_while(|&&u| u == first[0]).count() as i32;
    assert!((1..=4).contains(&copies), "{first:?}");
    let per_round = used(copies + 1) - first[0];
    assert!(per_round >= copies as u64, "{first:?}");
    for rounds in [2, 7, 250] {
        for extra in 1..=copies {
            assert_eq!(used(rounds * copies + extra) - first[0], rounds as u64 * per_round, "{first:?}");
        }
    }
}

#[test]
fn unrolled_loops_compute_what_plain_ones_do() {
    // Metered and interruptible code unrolls short loops: every iteration count, whichever copy
    // it leaves from, gives the unmetered result.
    let mut interruptible = Config::new();
    interruptible.interruptible(true);
    let mut fueled = Config::new();
    fueled.consume_fuel(true);
    let (mut plain, plain_instance) = setup(&Config::new());
    let plain_sum = plain_instance.get_typed_func::<i32, i32>(&plain, "sum").unwrap();
    for config in [fueled, interruptible] {
        let (mut store, instance) = setup(&config);
        let _ = store.set_fuel(u64::MAX);
        let sum = instance.get_typed_func::<i32, i32>(&store, "sum").unwrap();
        for n in (0..=20).chain([99, 100, 101, 102, 1003]) {
            assert_eq!(sum.call(&mut store, n).unwrap(), plain_sum.call(&mut plain, n).unwrap(), "n = {n}");
        }
    }
}

/// Recursion by direct calls and by `call_indirect`, with no loop: only function entries are
/// check points. `poke` is called once, at depth 50.
const CALLS: &str = r#"(module
  (import "host" "poke" (func $poke))
  (type $t (func (param i32) (result i32)))
  (table funcref (elem $deep_indirect))
  (func $deep (export "deep") (param i32) (result i32)
    (if (i32.eq (local.get 0) (i32.const 50)) (then (call $poke)))
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $deep (i32.sub (local.get 0) (i32.const 1)))))))
  (func $deep_indirect (export "deep_indirect") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
      (else (i32.add (i32.const 1)
        (call_indirect (type $t) (i32.sub (local.get 0) (i32.const 1)) (i32.const 0)))))))"#;

/// An instance of [`CALLS`] whose `poke` interrupts the store when `poke_interrupts`.
fn calls_instance(config: &Config, poke_interrupts: bool) -> (Store<Option<InterruptHandle>>, hayate::Instance) {
    let engine = Engine::new(config);
    let module = Module::new(&engine, CALLS).unwrap();
    let mut store = Store::new(&engine, None);
    if poke_interrupts {
        *store.data_mut() = Some(store.interrupt_handle());
    }
    let mut linker = Linker::new(&engine);
    linker
        .func_wrap("host", "poke", |caller: hayate::Caller<'_, Option<InterruptHandle>>| {
            if let Some(handle) = caller.data() {
                handle.interrupt();
            }
        })
        .unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();
    (store, instance)
}

#[test]
fn every_call_pays_the_same_fuel_and_stops_exactly_when_it_runs_out() {
    // A call charges its callee's entry fuel itself (no dispatch of the `ConsumeFuel`): each call,
    // direct or through a table, must still pay what the first one does, and a call that finds too
    // little fuel must trap before its callee runs.
    let (mut store, instance) = calls_instance(Config::new().consume_fuel(true), false);
    for name in ["deep", "deep_indirect"] {
        let f = instance.get_typed_func::<i32, i32>(&store, name).unwrap();
        let mut used = |n: i32| {
            store.set_fuel(1_000_000).unwrap();
            assert_eq!(f.call(&mut store, n).unwrap(), n);
            1_000_000 - store.get_fuel().unwrap()
        };
        let (one, two, forty, sixty) = (used(1), used(2), used(40), used(60));
        let per_call = two - one;
        assert!(per_call > 0, "{name}");
        assert_eq!(forty - one, 39 * per_call, "{name}");
        // `deep` at 60 also calls `poke` once.
        if name == "deep_indirect" {
            assert_eq!(sixty - one, 59 * per_call, "{name}");
        }
        store.set_fuel(forty).unwrap();
        assert_eq!(f.call(&mut store, 40).unwrap(), 40, "{name} with exactly its fuel");
        assert_eq!(store.get_fuel().unwrap(), 0);
        store.set_fuel(forty - 1).unwrap();
        let err = f.call(&mut store, 40).unwrap_err();
        assert_eq!(err.trap_code(), Some(TrapCode::OutOfFuel), "{name}: {err}");
    }
}

#[test]
fn an_interrupt_stops_a_recursion_at_its_next_call() {
    // Only function entries check for interrupts here, and a call passes its callee's check
    // itself when no interrupt is requested; a request made during the run (by `poke`, at depth
    // 50 of 100) must stop it at the next call.
    let (mut store, instance) = calls_instance(Config::new().interruptible(true), true);
    let deep = instance.get_typed_func::<i32, i32>(&store, "deep").unwrap();
    let err = deep.call(&mut store, 100).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::Interrupted), "{err}");
    // Below depth 50 `poke` is never called.
    assert_eq!(deep.call(&mut store, 40).unwrap(), 40);
}

#[test]
fn fuel_api_needs_metering() {
    let (mut store, _) = setup(&Config::new());
    assert!(store.set_fuel(1).is_err());
    assert!(store.get_fuel().is_err());
}

#[test]
fn another_thread_interrupts_a_running_call() {
    let (mut store, instance) = setup(Config::new().interruptible(true));
    let handle = store.interrupt_handle();
    let spin = instance.get_typed_func::<(), ()>(&store, "spin").unwrap();
    let start = Instant::now();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        handle.interrupt();
    });
    let err = spin.call(&mut store, ()).unwrap_err();
    stopper.join().unwrap();
    assert_eq!(err.trap_code(), Some(TrapCode::Interrupted), "{err}");
    assert!(start.elapsed() < Duration::from_secs(5));
    // The request was consumed: the store runs again.
    let sum = instance.get_typed_func::<i32, i32>(&store, "sum").unwrap();
    assert_eq!(sum.call(&mut store, 10).unwrap(), 45);
}

#[test]
fn call_depth_limit_traps() {
    let (mut store, instance) = setup(Config::new().max_call_depth(1000));
    let deep = instance.get_typed_func::<i32, i32>(&store, "deep").unwrap();
    assert_eq!(deep.call(&mut store, 500).unwrap(), 500);
    assert_eq!(deep.call(&mut store, 5000).unwrap_err().trap_code(), Some(TrapCode::StackOverflow));
}

#[test]
fn value_stack_limit_traps() {
    let (mut store, instance) = setup(Config::new().max_stack_cells(4096));
    let deep = instance.get_typed_func::<i32, i32>(&store, "deep").unwrap();
    assert_eq!(deep.call(&mut store, 100_000).unwrap_err().trap_code(), Some(TrapCode::StackOverflow));
}

#[test]
fn memory_limits_refuse_cleanly() {
    let engine = Engine::new(Config::new().max_memory_bytes(1 << 20));
    let mut store = Store::new(&engine, ());
    let big = Module::new(&engine, "(module (memory 100))").unwrap();
    let err = Linker::new(&engine).instantiate(&mut store, &big).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Limit(_)), "{err}");
    let grow = Module::new(
        &engine,
        r#"(module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    )
    .unwrap();
    let instance = Linker::new(&engine).instantiate(&mut store, &grow).unwrap();
    let grow = instance.get_typed_func::<i32, i32>(&store, "grow").unwrap();
    assert_eq!(grow.call(&mut store, 15).unwrap(), 1);
    assert_eq!(grow.call(&mut store, 1).unwrap(), -1);
}

/// `max_memory_bytes` and the store's limiter apply to every memory of a multi-memory module, 32-
/// or 64-bit, and to 1-byte pages in bytes; a 64-bit memory declaring a maximum of 2^48 pages
/// reserves nothing and refuses growth past the limit with an `i64` -1.
#[test]
fn memory_limits_apply_to_each_memory() {
    use hayate::StoreLimits;
    let engine = Engine::new(Config::new().max_memory_bytes(4 << 16));
    let module = Module::new(
        &engine,
        r#"(module
          (memory $a 1) (memory $b i64 1 0x1000000000000) (memory $c 0 (pagesize 1))
          (func (export "grow_a") (param i32) (result i32) (memory.grow $a (local.get 0)))
          (func (export "grow_b") (param i64) (result i64) (memory.grow $b (local.get 0)))
          (func (export "grow_c") (param i32) (result i32) (memory.grow $c (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine).instantiate(&mut store, &module).unwrap();
    let grow_a = instance.get_typed_func::<i32, i32>(&store, "grow_a").unwrap();
    let grow_b = instance.get_typed_func::<i64, i64>(&store, "grow_b").unwrap();
    let grow_c = instance.get_typed_func::<i32, i32>(&store, "grow_c").unwrap();
    assert_eq!(grow_a.call(&mut store, 3).unwrap(), 1, "memory $a may reach 4 pages");
    assert_eq!(grow_a.call(&mut store, 1).unwrap(), -1);
    assert_eq!(grow_b.call(&mut store, 3).unwrap(), 1, "so may memory $b, whatever the others use");
    assert_eq!(grow_b.call(&mut store, 1).unwrap(), -1);
    assert_eq!(grow_b.call(&mut store, 1 << 40).unwrap(), -1);
    assert_eq!(grow_c.call(&mut store, 4 << 16).unwrap(), 0, "1-byte pages: the limit is in bytes");
    assert_eq!(grow_c.call(&mut store, 1).unwrap(), -1);

    // The store's limiter is asked for each memory's growth, `memory.grow` on any memory.
    let mut store = Store::new(&engine, ());
    store.set_limits(StoreLimits::new().memory_size(2 << 16));
    let instance = Linker::new(&engine).instantiate(&mut store, &module).unwrap();
    let grow_b = instance.get_typed_func::<i64, i64>(&store, "grow_b").unwrap();
    let grow_c = instance.get_typed_func::<i32, i32>(&store, "grow_c").unwrap();
    assert_eq!(grow_b.call(&mut store, 1).unwrap(), 1);
    assert_eq!(grow_b.call(&mut store, 1).unwrap(), -1, "the limiter refuses a third page");
    assert_eq!(grow_c.call(&mut store, (2 << 16) + 1).unwrap(), -1);
    assert_eq!(grow_c.call(&mut store, 2 << 16).unwrap(), 0);
}

#[test]
fn a_4_gib_memory_is_lazy_or_refused() {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let module = Module::new(&engine, r#"(module (memory 65536) (data (i32.const 0xfffffff0) "end"))"#).unwrap();
    let start = Instant::now();
    // Either outcome is fine; what matters is no abort and no 4 GiB of page touching.
    let _ = Linker::new(&engine).instantiate(&mut store, &module);
    assert!(start.elapsed() < Duration::from_secs(2));
}

/// Runs the CLI on a WAT module written to a temporary file.
fn cli(wat: &str, args: &[&str]) -> std::process::Output {
    let dir = std::env::temp_dir().join(format!("hayate-limits-{}-{}", std::process::id(), args.join("_")));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("m.wat");
    std::fs::write(&file, wat).unwrap();
    let out =
        std::process::Command::new(env!("CARGO_BIN_EXE_hayate")).arg("run").args(args).arg(&file).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    out
}

#[test]
fn cli_fuel_and_timeout_stop_an_endless_guest() {
    let spin = r#"(module (func (export "_start") (loop $l (br $l))))"#;
    let out = cli(spin, &["--fuel", "100000"]);
    assert_eq!(out.status.code(), Some(134));
    assert!(String::from_utf8_lossy(&out.stderr).contains("all fuel consumed"));

    let start = Instant::now();
    let out = cli(spin, &["--timeout", "200ms"]);
    assert_eq!(out.status.code(), Some(134));
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
    assert!(start.elapsed() < Duration::from_secs(10));

    let finite = r#"(module (func (export "_start")))"#;
    assert_eq!(cli(finite, &["--fuel", "10", "--timeout", "10s"]).status.code(), Some(0));
}

#[test]
fn cli_memory_and_depth_limits() {
    let two_pages = r#"(module (memory 2) (func (export "_start")))"#;
    let out = cli(two_pages, &["--max-memory", "64K"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("limit"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(cli(two_pages, &["--max-memory", "1M"]).status.code(), Some(0));

    let recurse = r#"(module (func $f (export "_start") (call $f)))"#;
    let out = cli(recurse, &["--max-call-depth", "100"]);
    assert_eq!(out.status.code(), Some(134));
    assert!(String::from_utf8_lossy(&out.stderr).contains("call stack exhausted"));
    assert_eq!(cli(two_pages, &["--timeout", "soon"]).status.code(), Some(2));
}

#[test]
fn store_limits_count_instances_memories_and_tables_and_cap_sizes() {
    use hayate::{Memory, MemoryType, StoreLimits};
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    store.set_limits(StoreLimits::new().instances(2).memories(1).tables(1).memory_size(2 << 16).table_elements(10));
    let linker = Linker::new(&engine);
    let plain = Module::new(&engine, "(module)").unwrap();
    linker.instantiate(&mut store, &plain).unwrap();
    let with_memory = Module::new(
        &engine,
        r#"(module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#,
    )
    .unwrap();
    let instance = linker.instantiate(&mut store, &with_memory).unwrap();
    let grow = instance.get_typed_func::<i32, i32>(&store, "grow").unwrap();
    assert_eq!(grow.call(&mut store, 1).unwrap(), 1);
    assert_eq!(grow.call(&mut store, 1).unwrap(), -1, "memory_size caps growth at 2 pages");
    let err = linker.instantiate(&mut store, &plain).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Limit(_)), "{err}");
    assert!(Memory::new(&mut store, MemoryType::new(1, None)).is_err(), "one memory at most");

    let mut store = Store::new(&engine, ());
    store.set_limits(StoreLimits::new().table_elements(10));
    let big_table = Module::new(&engine, "(module (table 11 funcref))").unwrap();
    assert!(matches!(linker.instantiate(&mut store, &big_table).unwrap_err().kind(), ErrorKind::Limit(_)));
}

/// A guest that loops forever calling a host function, which calls back into a small guest
/// function and ignores how that call ends.
const REENTER_FOREVER: &str = r#"(module
  (import "host" "reenter" (func $reenter))
  (func (export "outer") (loop $l (call $reenter) (br $l)))
  (func (export "inner") (result i32) (i32.const 7)))"#;

#[test]
fn an_interrupt_stops_every_level_of_a_reentrant_call() {
    let engine = Engine::new(Config::new().interruptible(true));
    let module = Module::new(&engine, REENTER_FOREVER).unwrap();
    let mut store = Store::new(&engine, 0u32);
    let mut linker = Linker::new(&engine);
    let start = Instant::now();
    linker
        .func_wrap("host", "reenter", move |mut caller: hayate::Caller<'_, u32>| -> hayate::Result<()> {
            // A safety stop, so that a lost interrupt fails the test instead of hanging it.
            if start.elapsed() > Duration::from_secs(5) {
                return Err(hayate::Error::msg("the interrupt was lost"));
            }
            let inner = caller.get_export("inner").and_then(hayate::Extern::into_func).unwrap();
            let inner = inner.typed::<(), i32>(&caller)?;
            // The inner call's outcome is ignored: an interrupted inner call must not use up the
            // request for the outer one.
            if let Err(e) = inner.call(&mut caller, ()) {
                assert_eq!(e.trap_code(), Some(TrapCode::Interrupted), "{e}");
                *caller.data_mut() += 1;
            }
            Ok(())
        })
        .unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let outer = instance.get_typed_func::<(), ()>(&store, "outer").unwrap();
    let handle = store.interrupt_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(20));
        handle.interrupt();
    });
    let err = outer.call(&mut store, ()).unwrap_err();
    stopper.join().unwrap();
    assert_eq!(err.trap_code(), Some(TrapCode::Interrupted), "{err}");
    assert!(start.elapsed() < Duration::from_millis(500), "stopped after {:?}", start.elapsed());
    assert!(*store.data() <= 1, "{} inner calls were interrupted", store.data());
    // The request ended with the outermost call: the store runs normally again.
    let inner = instance.get_typed_func::<(), i32>(&store, "inner").unwrap();
    assert_eq!(inner.call(&mut store, ()).unwrap(), 7);
}

/// A guest that recurses `$n` deep, then asks the host to re-enter it `$levels - 1` more times.
const REENTER_DEEP: &str = r#"(module
  (import "host" "reenter" (func $reenter (param i32)))
  (func $rec (export "rec") (param $n i32) (param $levels i32)
    (if (local.get $n)
      (then (call $rec (i32.sub (local.get $n) (i32.const 1)) (local.get $levels)))
      (else (if (i32.gt_u (local.get $levels) (i32.const 1))
        (then (call $reenter (i32.sub (local.get $levels) (i32.const 1)))))))))"#;

/// Calls `rec(depth, 50)` of [`REENTER_DEEP`] under `config`; returns the error and how many
/// levels were entered.
fn reenter_deep(config: &Config, depth: i32) -> (hayate::Error, u32) {
    let engine = Engine::new(config);
    let module = Module::new(&engine, REENTER_DEEP).unwrap();
    let mut store = Store::new(&engine, 1u32);
    let mut linker = Linker::new(&engine);
    linker
        .func_wrap("host", "reenter", move |mut caller: hayate::Caller<'_, u32>, levels: i32| -> hayate::Result<()> {
            *caller.data_mut() += 1;
            let rec = caller.get_export("rec").and_then(hayate::Extern::into_func).unwrap();
            rec.typed::<(i32, i32), ()>(&caller)?.call(&mut caller, (depth, levels))
        })
        .unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let rec = instance.get_typed_func::<(i32, i32), ()>(&store, "rec").unwrap();
    let err = rec.call(&mut store, (depth, 50)).unwrap_err();
    // The store is usable afterwards, with its whole budget.
    rec.call(&mut store, (depth, 1)).unwrap();
    (err, *store.data())
}

#[test]
fn call_depth_limit_counts_every_reentrant_level() {
    // 301 active functions per level: the fourth level passes the limit of 1000.
    let (err, levels) = reenter_deep(Config::new().max_call_depth(1000), 300);
    assert_eq!(err.trap_code(), Some(TrapCode::StackOverflow), "{err}");
    assert_eq!(levels, 4, "levels entered");
}

#[test]
fn value_stack_limit_counts_every_reentrant_level() {
    let (err, levels) = reenter_deep(Config::new().max_stack_cells(4096), 200);
    assert_eq!(err.trap_code(), Some(TrapCode::StackOverflow), "{err}");
    // About 4 cells per frame: 6 levels of 200 frames fill 4096 cells.
    assert!((2..=8).contains(&levels), "{levels} levels entered");
}

/// The executor keeps the fuel to itself while Wasm runs; a host function must see what is left
/// at its call, may set it, and may call back into Wasm, which charges the same fuel.
#[test]
fn host_functions_read_set_and_spend_the_running_fuel() {
    use hayate::{AsContext, AsContextMut, Caller, Extern};
    let wat = r#"(module
      (import "host" "seen" (func $seen))
      (import "host" "refill" (func $refill))
      (import "host" "nested" (func $nested))
      (func $sum (export "sum") (param $n i32) (result i32) (local $i i32) (local $s i32)
        (loop $l
          (local.set $s (i32.add (local.get $s) (local.get $i)))
          (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
        (local.get $s))
      (func (export "seen_then_more") (result i32)
        (drop (call $sum (i32.const 1000)))
        (call $seen)
        (call $sum (i32.const 1000)))
      (func (export "refilled") (result i32)
        (call $refill)
        (call $sum (i32.const 100000)))
      (func (export "nested") (result i32)
        (call $nested)
        (i32.const 7)))"#;
    let engine = Engine::new(Config::new().consume_fuel(true));
    let module = Module::new(&engine, wat).unwrap();
    let mut store = Store::new(&engine, Vec::<u64>::new());
    let mut linker = Linker::new(&engine);
    linker
        .func_wrap("host", "seen", |mut caller: Caller<'_, Vec<u64>>| {
            let fuel = caller.as_context().get_fuel().unwrap();
            caller.data_mut().push(fuel);
        })
        .unwrap();
    linker
        .func_wrap("host", "refill", |mut caller: Caller<'_, Vec<u64>>| {
            caller.as_context_mut().set_fuel(1_000_000).unwrap();
        })
        .unwrap();
    linker
        .func_wrap("host", "nested", |mut caller: Caller<'_, Vec<u64>>| -> hayate::Result<()> {
            let before = caller.as_context().get_fuel()?;
            let sum = caller.get_export("sum").and_then(Extern::into_func).unwrap().typed::<i32, i32>(&caller)?;
            assert_eq!(sum.call(&mut caller, 1000)?, 499_500);
            let after = caller.as_context().get_fuel()?;
            caller.data_mut().extend([before, after]);
            Ok(())
        })
        .unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();

    store.set_fuel(100_000).unwrap();
    let f = instance.get_typed_func::<(), i32>(&store, "seen_then_more").unwrap();
    assert_eq!(f.call(&mut store, ()).unwrap(), 499_500);
    let seen = store.data()[0];
    let end = store.get_fuel().unwrap();
    assert!(seen < 100_000 - 1000, "a thousand iterations were charged before the host call: {seen}");
    assert!(end < seen - 1000, "and as many after it: {seen} -> {end}");

    // Without the refill, 100 units would not get far.
    store.set_fuel(100).unwrap();
    let f = instance.get_typed_func::<(), i32>(&store, "refilled").unwrap();
    assert_eq!(f.call(&mut store, ()).unwrap(), 704_982_704);
    let left = store.get_fuel().unwrap();
    assert!((1_000..900_000).contains(&left), "the loop ran on the refilled fuel: {left}");

    store.data_mut().clear();
    store.set_fuel(50_000).unwrap();
    let f = instance.get_typed_func::<(), i32>(&store, "nested").unwrap();
    assert_eq!(f.call(&mut store, ()).unwrap(), 7);
    let (before, after) = (store.data()[0], store.data()[1]);
    assert!(before < 50_000 && after < before - 1000, "the nested call spent the same fuel: {before} -> {after}");
    assert!(store.get_fuel().unwrap() <= after, "and the outer call went on from there");
}
