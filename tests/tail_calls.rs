//! Tail calls (`return_call`, `return_call_indirect`): chains of them run in constant space (a call
//! depth limit of a few frames lets a million of them through, to defined, imported and other
//! instances' functions, directly and through tables), host callees' results are returned, traps
//! show the frames that are left, and host suspensions and fuel work through them.

use hayate::{
    Config, Engine, Error, Instance, Linker, Module, ResumableCall, Store, TrapCode, TypedResumableCall, Val,
};

type Result<T> = std::result::Result<T, Error>;

/// An engine whose stores trap past 16 active Wasm calls: only tail calls get far.
fn shallow_engine() -> Engine {
    Engine::new(Config::new().max_call_depth(16))
}

/// Counts down from `n` by self tail calls, summing as it goes; also `ping`/`pong`, two functions
/// that tail-call each other through a table, and `via_table`, which enters them from a table.
const LOOP_WAT: &str = r#"(module
  (type $t (func (param i32 i64) (result i64)))
  (table 2 funcref)
  (elem (i32.const 0) $ping $pong)
  (func $sum (export "sum") (param $n i32) (param $acc i64) (result i64)
    (if (result i64) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else (return_call $sum (i32.sub (local.get $n) (i32.const 1))
                              (i64.add (local.get $acc) (i64.extend_i32_u (local.get $n)))))))
  (func $ping (type $t)
    (if (result i64) (i32.eqz (local.get 0))
      (then (local.get 1))
      (else (return_call_indirect (type $t) (i32.sub (local.get 0) (i32.const 1))
                                            (i64.add (local.get 1) (i64.const 1)) (i32.const 1)))))
  (func $pong (type $t)
    (local $pad1 i64) (local $pad2 i64) (local $pad3 i64) (local $pad4 i64) (local $pad5 i64)
    (local $pad6 i64) (local $pad7 i64) (local $pad8 i64) (local $pad9 i64)
    ;; A larger frame than `ping`'s, whose locals must be zero at every entry.
    (if (i64.ne (i64.or (local.get $pad1) (local.get $pad9)) (i64.const 0)) (then unreachable))
    (local.set $pad1 (i64.const 7))
    (local.set $pad9 (i64.const 9))
    (return_call_indirect (type $t) (local.get 0) (i64.add (local.get 1) (i64.const 2)) (i32.const 0)))
  (func (export "ping_pong") (param $n i32) (result i64)
    (call_indirect (type $t) (local.get $n) (i64.const 0) (i32.const 0))))"#;

#[test]
fn a_million_self_tail_calls_need_one_frame() -> Result<()> {
    for lazy in [false, true] {
        let engine = Engine::new(Config::new().max_call_depth(16).lazy_translation(lazy));
        let module = Module::new(&engine, LOOP_WAT)?;
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
        let sum = instance.get_typed_func::<(i32, i64), i64>(&store, "sum")?;
        let n: i64 = 1_000_000;
        assert_eq!(sum.call(&mut store, (n as i32, 5))?, 5 + n * (n + 1) / 2);
    }
    Ok(())
}

#[test]
fn mutual_tail_calls_through_a_table_need_one_frame() -> Result<()> {
    let engine = shallow_engine();
    let module = Module::new(&engine, LOOP_WAT)?;
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
    let ping_pong = instance.get_typed_func::<i32, i64>(&store, "ping_pong")?;
    // `ping` adds 1 and `pong` 2 per call; `n` counts `ping`'s calls down.
    assert_eq!(ping_pong.call(&mut store, 1_000_000)?, 3_000_000);
    assert_eq!(ping_pong.call(&mut store, 0)?, 0);
    Ok(())
}

#[test]
fn plain_calls_still_count_against_the_depth_limit() -> Result<()> {
    let wat = r#"(module
      (func $down (export "down") (param $n i32) (result i32)
        (if (result i32) (i32.eqz (local.get $n))
          (then (i32.const 0))
          (else (i32.add (i32.const 1) (call $down (i32.sub (local.get $n) (i32.const 1))))))))"#;
    let engine = shallow_engine();
    let module = Module::new(&engine, wat)?;
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
    let down = instance.get_typed_func::<i32, i32>(&store, "down")?;
    assert_eq!(down.call(&mut store, 10)?, 10);
    let e = down.call(&mut store, 1000).unwrap_err();
    assert_eq!(e.trap_code(), Some(TrapCode::StackOverflow), "{e}");
    Ok(())
}

/// Two instances that tail-call each other through imports and a shared table, each adding its
/// own memory's first byte: the callee must see its own instance's memory.
#[test]
fn tail_calls_between_instances_switch_instance_and_memory() -> Result<()> {
    let a = r#"(module
      (import "b" "bounce" (func $bounce (param i32 i64) (result i64)))
      (memory 1) (data (i32.const 0) "\01")
      (func $bounce_a (export "bounce") (param $n i32) (param $acc i64) (result i64)
        (if (result i64) (i32.eqz (local.get $n))
          (then (local.get $acc))
          (else (return_call $bounce (i32.sub (local.get $n) (i32.const 1))
                  (i64.add (local.get $acc) (i64.load8_u (i32.const 0))))))))"#;
    let b = r#"(module
      (import "a" "table" (table 1 funcref))
      (type $t (func (param i32 i64) (result i64)))
      (memory 1) (data (i32.const 0) "\64")
      (func (export "bounce") (param $n i32) (param $acc i64) (result i64)
        (return_call_indirect (type $t) (local.get $n)
          (i64.add (local.get $acc) (i64.load8_u (i32.const 0))) (i32.const 0))))"#;
    let engine = shallow_engine();
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    // `b` calls `a`'s `bounce` through a table that the host fills after both exist.
    let table =
        hayate::Table::new(&mut store, hayate::TableType::new(hayate::ValType::FuncRef, 1, None), Val::FuncRef(None))?;
    linker.define("a", "table", table)?;
    let b_instance = linker.instantiate(&mut store, &Module::new(&engine, b)?)?;
    linker.instance(&mut store, "b", b_instance)?;
    let a_instance = linker.instantiate(&mut store, &Module::new(&engine, a)?)?;
    let bounce_a = a_instance.get_func(&store, "bounce").unwrap();
    table.set(&mut store, 0, Val::FuncRef(Some(bounce_a)))?;
    let run = a_instance.get_typed_func::<(i32, i64), i64>(&store, "bounce")?;
    // Each round: `a` adds 1 and calls `b` (adds 100), which calls back `a`.
    assert_eq!(run.call(&mut store, (100_000, 0))?, 100_000 * 101);
    Ok(())
}

/// A host callee's results are the tail-calling function's results, for 0, 1 and 2 of them,
/// directly and through a table.
#[test]
fn tail_calls_to_host_functions_return_their_results() -> Result<()> {
    let wat = r#"(module
      (import "host" "none" (func $none (param i32)))
      (import "host" "one" (func $one (param i32) (result i32)))
      (import "host" "two" (func $two (param i32) (result i32 i64)))
      (type $two_t (func (param i32) (result i32 i64)))
      (table funcref (elem $two))
      (func (export "none") (param i32) (return_call $none (local.get 0)))
      (func (export "one") (param i32) (result i32) (return_call $one (i32.add (local.get 0) (i32.const 1))))
      (func (export "two") (param i32) (result i32 i64) (return_call $two (local.get 0)))
      (func (export "two_indirect") (param i32) (result i32 i64)
        (return_call_indirect (type $two_t) (local.get 0) (i32.const 0))))"#;
    let engine = shallow_engine();
    let module = Module::new(&engine, wat)?;
    let mut store = Store::new(&engine, 0i32);
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "none", |mut caller: hayate::Caller<'_, i32>, x: i32| *caller.data_mut() = x)?;
    linker.func_wrap("host", "one", |x: i32| x * 10)?;
    linker.func_wrap("host", "two", |x: i32| (x + 1, i64::from(x) * 1000))?;
    let instance = linker.instantiate(&mut store, &module)?;
    instance.get_typed_func::<i32, ()>(&store, "none")?.call(&mut store, 77)?;
    assert_eq!(*store.data(), 77);
    assert_eq!(instance.get_typed_func::<i32, i32>(&store, "one")?.call(&mut store, 4)?, 50);
    assert_eq!(instance.get_typed_func::<i32, (i32, i64)>(&store, "two")?.call(&mut store, 6)?, (7, 6000));
    assert_eq!(instance.get_typed_func::<i32, (i32, i64)>(&store, "two_indirect")?.call(&mut store, 8)?, (9, 8000));
    Ok(())
}

#[test]
fn return_call_indirect_checks_the_entry() -> Result<()> {
    let wat = r#"(module
      (type $i (func (result i32)))
      (type $l (func (result i64)))
      (table 3 funcref)
      (elem (i32.const 0) $answer $wide)
      (func $answer (result i32) (i32.const 42))
      (func $wide (result i64) (i64.const 1))
      (func (export "at") (param i32) (result i32) (return_call_indirect (type $i) (local.get 0))))"#;
    let engine = shallow_engine();
    let module = Module::new(&engine, wat)?;
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
    let at = instance.get_typed_func::<i32, i32>(&store, "at")?;
    assert_eq!(at.call(&mut store, 0)?, 42);
    for (i, code) in [(1, TrapCode::BadSignature), (2, TrapCode::IndirectCallToNull), (3, TrapCode::TableOutOfBounds)] {
        assert_eq!(at.call(&mut store, i).unwrap_err().trap_code(), Some(code), "entry {i}");
    }
    Ok(())
}

/// A trap after tail calls shows the frames left: the tail-called function in place of its caller.
#[test]
fn a_trap_after_tail_calls_shows_the_remaining_frames() -> Result<()> {
    let wat = r#"(module
      (func $boom (unreachable))
      (func $middle (return_call $boom))
      (func $outer (export "outer") (call $middle)))"#;
    let engine = Engine::default();
    let module = Module::new(&engine, wat)?;
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
    let e = instance.get_typed_func::<(), ()>(&store, "outer")?.call(&mut store, ()).unwrap_err();
    let trap = e.as_trap().expect("a trap");
    assert_eq!(trap.code(), TrapCode::Unreachable);
    let frames: Vec<Option<&str>> = trap.backtrace().iter().map(|f| f.func_name.as_deref()).collect();
    assert_eq!(frames, [Some("boom"), Some("outer")], "{e}");
    Ok(())
}

/// A host function reached by a tail call suspends the call; resumed with its results, the
/// tail-calling function returns them.
#[test]
fn a_host_function_reached_by_a_tail_call_can_suspend() -> Result<()> {
    let wat = r#"(module
      (import "host" "ask" (func $ask (param i32) (result i32 i64)))
      (func $step (param $n i32) (result i32 i64)
        (if (result i32 i64) (i32.eqz (local.get $n))
          (then (return_call $ask (i32.const 99)))
          (else (return_call $step (i32.sub (local.get $n) (i32.const 1))))))
      (func (export "run") (param i32) (result i32 i64) (call $step (local.get 0))))"#;
    let engine = shallow_engine();
    let module = Module::new(&engine, wat)?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "ask", |x: i32| -> Result<(i32, i64)> { Err(Error::suspend(x)) })?;
    let instance = linker.instantiate(&mut store, &module)?;
    let run = instance.get_func(&store, "run").unwrap();
    let mut results = [Val::I32(0), Val::I64(0)];
    let ResumableCall::Suspended(call) = run.call_resumable(&mut store, &[Val::I32(1000)], &mut results)? else {
        panic!("the host function suspends");
    };
    assert_eq!(call.payload::<i32>(), Some(&99));
    let outcome = call.resume(&mut store, &[Val::I32(5), Val::I64(-6)], &mut results)?;
    assert!(matches!(outcome, ResumableCall::Finished));
    assert_eq!((results[0].i32(), results[1].i64()), (Some(5), Some(-6)));

    let run = instance.get_typed_func::<i32, (i32, i64)>(&store, "run")?;
    let TypedResumableCall::Suspended(call) = run.call_resumable(&mut store, 3)? else {
        panic!("the host function suspends");
    };
    let TypedResumableCall::Finished(result) = call.resume(&mut store, &[Val::I32(1), Val::I64(2)])? else {
        panic!("finished");
    };
    assert_eq!(result, (1, 2));
    Ok(())
}

/// Function entries charge fuel, so an endless chain of tail calls runs out of it (and an
/// interrupt would stop it the same way).
#[test]
fn an_endless_tail_call_chain_runs_out_of_fuel() -> Result<()> {
    let wat = r#"(module (func $spin (export "spin") (param i32) (return_call $spin (i32.add (local.get 0) (i32.const 1)))))"#;
    let engine = Engine::new(Config::new().consume_fuel(true).max_call_depth(16));
    let module = Module::new(&engine, wat)?;
    let mut store = Store::new(&engine, ());
    store.set_fuel(1_000_000)?;
    let instance: Instance = Linker::new(&engine).instantiate(&mut store, &module)?;
    let e = instance.get_typed_func::<i32, ()>(&store, "spin")?.call(&mut store, 0).unwrap_err();
    assert_eq!(e.trap_code(), Some(TrapCode::OutOfFuel), "{e}");
    Ok(())
}
