//! Sharing across threads: `Engine` and `Module` are `Send + Sync`; one module runs in 8 threads at
//! once, each with its own `Store`, and every result is checked, with eager and with lazy translation.

use anyhow::Result;
use hayate::{Caller, Config, Engine, Linker, Module, Store, TrapCode};
use std::sync::{Arc, Barrier};

const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Engine>();
    send_sync::<Module>();
    send_sync::<hayate::Config>();
    send_sync::<hayate::Error>();
    send_sync::<Linker<()>>();
};

/// Stores are not shared, but may move to another thread.
const _: () = {
    const fn send<T: Send>() {}
    send::<Store<u64>>();
};

const WAT: &str = r#"
    (module
      (import "host" "note" (func $note (param i64)))
      (memory (export "memory") 1)
      (global $calls (mut i32) (i32.const 0))
      (table 2 funcref)
      (elem (i32.const 0) $fib $sum)
      (type $unary (func (param i64) (result i64)))
      (func $fib (param $n i64) (result i64)
        (if (result i64) (i64.lt_u (local.get $n) (i64.const 2))
          (then (local.get $n))
          (else (i64.add (call $fib (i64.sub (local.get $n) (i64.const 1)))
                         (call $fib (i64.sub (local.get $n) (i64.const 2)))))))
      ;; Writes 1..n into memory as i64s, then sums them back.
      (func $sum (param $n i64) (result i64)
        (local $i i64) (local $acc i64)
        (block $done
          (loop $fill
            (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
            (i64.store (i32.wrap_i64 (i64.shl (local.get $i) (i64.const 3)))
                       (i64.add (local.get $i) (i64.const 1)))
            (local.set $i (i64.add (local.get $i) (i64.const 1)))
            (br $fill)))
        (local.set $i (i64.const 0))
        (block $done
          (loop $add
            (br_if $done (i64.ge_u (local.get $i) (local.get $n)))
            (local.set $acc (i64.add (local.get $acc)
              (i64.load (i32.wrap_i64 (i64.shl (local.get $i) (i64.const 3))))))
            (local.set $i (i64.add (local.get $i) (i64.const 1)))
            (br $add)))
        (local.get $acc))
      ;; Calls fib or sum through the table, counts calls, tells the host.
      (func (export "run") (param $which i32) (param $n i64) (result i64)
        (local $r i64)
        (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
        (local.set $r (call_indirect (type $unary) (local.get $n) (local.get $which)))
        (call $note (local.get $r))
        (local.get $r))
      (func (export "calls") (result i32) (global.get $calls))
      (func (export "divide") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
"#;

fn fib(n: u64) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n {
        (a, b) = (b, a.wrapping_add(b));
    }
    a
}

/// One thread's work: its own store with its own host data, many calls, every result checked.
fn worker(engine: &Engine, module: &Module, linker: &Linker<Vec<i64>>, id: u64) -> Result<()> {
    let mut store = Store::new(engine, Vec::new());
    let instance = linker.instantiate(&mut store, module)?;
    let run = instance.get_typed_func::<(i32, i64), i64>(&store, "run")?;
    let calls = instance.get_typed_func::<(), i32>(&store, "calls")?;
    let divide = instance.get_typed_func::<(i32, i32), i32>(&store, "divide")?;
    let mut expected_notes = Vec::new();
    for round in 0..40u64 {
        let n = (id + round) % 25;
        assert_eq!(run.call(&mut store, (0, n as i64))? as u64, fib(n), "thread {id}: fib({n})");
        expected_notes.push(fib(n) as i64);
        let m = 100 + id * 1000 + round;
        assert_eq!(run.call(&mut store, (1, m as i64))? as u64, m * (m + 1) / 2, "thread {id}: sum({m})");
        expected_notes.push((m * (m + 1) / 2) as i64);
        // Traps in one thread leave the others (and this store) alone.
        let err = divide.call(&mut store, (1, 0)).unwrap_err();
        assert_eq!(err.trap_code(), Some(TrapCode::IntegerDivisionByZero));
        let err = run.call(&mut store, (5, 1)).unwrap_err();
        assert_eq!(err.trap_code(), Some(TrapCode::TableOutOfBounds));
    }
    assert_eq!(calls.call(&mut store, ())?, 40 * 3, "thread {id}: call count");
    assert_eq!(store.data(), &expected_notes, "thread {id}: host notes");
    // This store's memory holds this thread's last sum input, not another thread's.
    let memory = instance.get_memory(&store, "memory").unwrap();
    let last = 100 + id * 1000 + 39;
    let word = |i: u64| u64::from_le_bytes(memory.data(&store).unwrap()[i as usize * 8..][..8].try_into().unwrap());
    assert_eq!(word(last - 1), last, "thread {id}: memory");
    assert_eq!(word(last), 0, "thread {id}: memory past the last sum");
    Ok(())
}

/// Runs [`worker`] in 8 threads at once on one module of `engine`.
fn eight_threads(engine: Engine) -> Result<()> {
    let module = Module::new(&engine, WAT)?;
    let mut linker = Linker::<Vec<i64>>::new(&engine);
    linker.func_wrap("host", "note", |mut caller: Caller<'_, Vec<i64>>, x: i64| caller.data_mut().push(x))?;
    let barrier = Arc::new(Barrier::new(8));
    let handles: Vec<_> = (0..8u64)
        .map(|id| {
            let (engine, module, linker, barrier) = (engine.clone(), module.clone(), linker.clone(), barrier.clone());
            std::thread::spawn(move || -> Result<()> {
                barrier.wait();
                worker(&engine, &module, &linker, id)
            })
        })
        .collect();
    for h in handles {
        h.join().expect("worker panicked")?;
    }
    Ok(())
}

#[test]
fn one_module_in_eight_threads() -> Result<()> {
    eight_threads(Engine::default())
}

/// With lazy translation the threads race to translate each function on its first call.
#[test]
fn one_lazily_translated_module_in_eight_threads() -> Result<()> {
    for _ in 0..20 {
        eight_threads(Engine::new(Config::new().lazy_translation(true)))?;
    }
    Ok(())
}

#[test]
fn modules_compiled_in_many_threads_share_an_engine() -> Result<()> {
    // Signatures are interned engine-wide: modules compiled concurrently must still agree on them,
    // so that `call_indirect` across instances of different modules checks types correctly.
    let engine = Engine::default();
    let provider = Module::new(
        &engine,
        r#"(module
             (table (export "table") 4 funcref)
             (func $a (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
             (func $b (param i64) (result i64) (i64.mul (local.get 0) (i64.const 2)))
             (elem (i32.const 0) $a $b))"#,
    )?;
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let engine = engine.clone();
            std::thread::spawn(move || -> Result<Module> {
                // Each thread's module declares the types in a different order.
                let types = if i % 2 == 0 {
                    "(type $i (func (param i32) (result i32))) (type $l (func (param i64) (result i64)))"
                } else {
                    "(type $l (func (param i64) (result i64))) (type $i (func (param i32) (result i32)))"
                };
                let wat = format!(
                    r#"(module {types}
                         (import "p" "table" (table 4 funcref))
                         (func (export "ci") (param i32) (result i32)
                           (call_indirect (type $i) (i32.const {i}) (local.get 0)))
                         (func (export "cl") (param i32) (result i64)
                           (call_indirect (type $l) (i64.const {i}) (local.get 0))))"#
                );
                Ok(Module::new(&engine, wat)?)
            })
        })
        .collect();
    let modules: Vec<Module> = handles.into_iter().map(|h| h.join().unwrap()).collect::<Result<_>>()?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let p = linker.instantiate(&mut store, &provider)?;
    linker.instance(&store, "p", p)?;
    for (i, module) in modules.iter().enumerate() {
        let instance = linker.instantiate(&mut store, module)?;
        let ci = instance.get_typed_func::<i32, i32>(&store, "ci")?;
        let cl = instance.get_typed_func::<i32, i64>(&store, "cl")?;
        assert_eq!(ci.call(&mut store, 0)?, i as i32 + 1);
        assert_eq!(cl.call(&mut store, 1)?, i as i64 * 2);
        assert_eq!(ci.call(&mut store, 1).unwrap_err().trap_code(), Some(TrapCode::BadSignature));
        assert_eq!(cl.call(&mut store, 0).unwrap_err().trap_code(), Some(TrapCode::BadSignature));
        assert_eq!(ci.call(&mut store, 2).unwrap_err().trap_code(), Some(TrapCode::IndirectCallToNull));
    }
    Ok(())
}
