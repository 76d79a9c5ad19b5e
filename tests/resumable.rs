//! Resumable calls: a guest suspended by host functions, by running out of fuel and by interrupts,
//! and resumed, gives what an uninterrupted run gives; misuse of a suspended call is an error, and
//! the store stays usable whatever becomes of it.

use hayate::{
    Caller, Config, Engine, Error, ExternRef, Func, Instance, Linker, Module, ResumableCall, Store, SuspendReason,
    SuspendedCall, TrapCode, TypedResumableCall, Val, ValType,
};

type Result<T> = std::result::Result<T, Error>;

/// The guest of the host-suspension tests: `run n` calls `$inner` `n` times, which calls the
/// host's `mix` and stores its result in memory; `sum` adds up the memory.
const MIX_WAT: &str = r#"(module
  (import "host" "mix" (func $mix (param i32 i64) (result i64)))
  (memory (export "memory") 1)
  (func $inner (param $i i32) (param $acc i64) (result i64)
    (local $r i64)
    (local.set $r (call $mix (local.get $i) (local.get $acc)))
    (i64.store (i32.shl (i32.and (local.get $i) (i32.const 1023)) (i32.const 3)) (local.get $r))
    (i64.add (local.get $r) (i64.extend_i32_u (local.get $i))))
  (func (export "run") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (loop $l
      (local.set $acc (call $inner (local.get $i) (local.get $acc)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))
  (func (export "sum") (result i64)
    (local $i i32) (local $s i64)
    (loop $l
      (local.set $s (i64.add (local.get $s) (i64.load (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 8192))))
    (local.get $s)))"#;

/// What the host's `mix` computes.
fn mix(i: i32, acc: i64) -> i64 {
    (acc.wrapping_mul(6364136223846793005) ^ (acc >> 29)).wrapping_add(i64::from(i).wrapping_mul(1442695040888963407))
}

/// An instance of `MIX_WAT` whose `mix` either computes directly or (`suspend`) asks to suspend
/// with its arguments as the payload.
fn mix_instance(engine: &Engine, suspend: bool) -> Result<(Store<()>, Instance)> {
    let module = Module::new(engine, MIX_WAT)?;
    let mut store = Store::new(engine, ());
    let mut linker = Linker::new(engine);
    linker.func_wrap("host", "mix", move |i: i32, acc: i64| -> Result<i64> {
        if suspend { Err(Error::suspend((i, acc))) } else { Ok(mix(i, acc)) }
    })?;
    let instance = linker.instantiate(&mut store, &module)?;
    Ok((store, instance))
}

/// The `(i, acc)` payload of a host suspension.
fn mix_args(call: &SuspendedCall) -> (i32, i64) {
    assert!(matches!(call.reason(), SuspendReason::Host { .. }));
    assert_eq!(call.host_result_types(), &[ValType::I64]);
    *call.payload::<(i32, i64)>().expect("the payload of `mix`")
}

#[test]
fn a_hundred_thousand_host_suspensions_give_the_uninterrupted_result() -> Result<()> {
    const N: i32 = 100_000;
    let engine = Engine::default();
    let (mut plain, instance) = mix_instance(&engine, false)?;
    let run = instance.get_typed_func::<i32, i64>(&plain, "run")?;
    let expected = run.call(&mut plain, N)?;
    let expected_sum = instance.get_typed_func::<(), i64>(&plain, "sum")?.call(&mut plain, ())?;

    // Untyped calls.
    let (mut store, instance) = mix_instance(&engine, true)?;
    let run = instance.get_func(&store, "run").unwrap();
    let mut results = [Val::I64(0)];
    let mut outcome = run.call_resumable(&mut store, &[Val::I32(N)], &mut results)?;
    let mut suspensions = 0;
    while let ResumableCall::Suspended(call) = outcome {
        let (i, acc) = mix_args(&call);
        assert_eq!(i, suspensions, "the guest suspends at every call of `mix`, in order");
        suspensions += 1;
        outcome = call.resume(&mut store, &[Val::I64(mix(i, acc))], &mut results)?;
    }
    assert_eq!(suspensions, N);
    assert_eq!(results[0].i64(), Some(expected));
    let sum = instance.get_typed_func::<(), i64>(&store, "sum")?.call(&mut store, ())?;
    assert_eq!(sum, expected_sum, "memory as after the uninterrupted run");

    // Typed calls.
    let (mut store, instance) = mix_instance(&engine, true)?;
    let run = instance.get_typed_func::<i32, i64>(&store, "run")?;
    let mut outcome = run.call_resumable(&mut store, N)?;
    let mut suspensions = 0;
    let result = loop {
        match outcome {
            TypedResumableCall::Finished(result) => break result,
            TypedResumableCall::Suspended(call) => {
                let (i, acc) = *call.payload::<(i32, i64)>().unwrap();
                suspensions += 1;
                outcome = call.resume(&mut store, &[Val::I64(mix(i, acc))])?;
            }
        }
    };
    assert_eq!((suspensions, result), (N, expected));
    Ok(())
}

/// A guest that computes for a while: `fib n` by recursion, and a loop over memory.
const FIB_WAT: &str = r#"(module
  (memory 1)
  (func $fib (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func (export "work") (param $n i32) (result i32)
    (local $i i32) (local $h i32)
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 65536))
    (loop $l
      (i32.store (i32.and (local.get $i) (i32.const 0xfffc)) (local.get $i))
      (local.set $h (i32.add (i32.mul (local.get $h) (i32.const 31))
                             (i32.load (i32.and (i32.mul (local.get $i) (i32.const 12)) (i32.const 0xfffc)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 5000))))
    (i32.xor (local.get $h) (call $fib (local.get $n)))))"#;

fn fib_instance(config: &Config) -> Result<(Store<()>, Instance)> {
    let engine = Engine::new(config);
    let module = Module::new(&engine, FIB_WAT)?;
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &[])?;
    Ok((store, instance))
}

#[test]
fn fuel_suspensions_with_fuel_added_give_the_uninterrupted_result() -> Result<()> {
    let config = Config::new().consume_fuel(true).suspend_on_out_of_fuel(true).clone();
    let (mut store, instance) = fib_instance(&config)?;
    let work = instance.get_typed_func::<i32, i32>(&store, "work")?;
    const PLENTY: u64 = u64::MAX / 2;
    store.set_fuel(PLENTY)?;
    let expected = work.call(&mut store, 18)?;
    let spent = PLENTY - store.get_fuel()?;

    // A plain call still traps.
    store.set_fuel(100)?;
    let e = work.call(&mut store, 18).unwrap_err();
    assert_eq!(e.trap_code(), Some(TrapCode::OutOfFuel));

    const SLICE: u64 = 500;
    store.set_fuel(SLICE)?;
    let mut added = SLICE;
    let mut outcome = work.call_resumable(&mut store, 18)?;
    let mut suspensions = 0u64;
    let result = loop {
        match outcome {
            TypedResumableCall::Finished(result) => break result,
            TypedResumableCall::Suspended(call) => {
                assert!(matches!(call.reason(), SuspendReason::OutOfFuel));
                assert!(call.host_result_types().is_empty());
                suspensions += 1;
                if suspensions == 3 {
                    // Resumed without enough fuel, it suspends again at once and spends nothing.
                    let left = store.get_fuel()?;
                    let again = call.resume(&mut store, &[])?;
                    assert!(
                        matches!(&again, TypedResumableCall::Suspended(c) if matches!(c.reason(), SuspendReason::OutOfFuel))
                    );
                    assert_eq!(store.get_fuel()?, left);
                    outcome = again;
                    continue;
                }
                assert!(suspensions < 1_000_000, "no progress");
                store.set_fuel(store.get_fuel()? + SLICE)?;
                added += SLICE;
                outcome = call.resume(&mut store, &[])?;
            }
        }
    };
    assert_eq!(result, expected);
    assert!(suspensions > 100, "only {suspensions} suspensions");
    assert_eq!(added - store.get_fuel()?, spent, "the same fuel as the uninterrupted run");
    Ok(())
}

#[test]
fn interrupts_suspend_and_the_call_resumes() -> Result<()> {
    let config = Config::new().interruptible(true).suspend_on_interrupt(true).clone();
    let (mut store, instance) = fib_instance(&config)?;
    let work = instance.get_typed_func::<i32, i32>(&store, "work")?;
    let expected = work.call(&mut store, 15)?;
    let handle = store.interrupt_handle();

    // A request made before the call stops it at its first check point; suspending withdraws it.
    handle.interrupt();
    let outcome = work.call_resumable(&mut store, 15)?;
    let (result, suspensions) = resume_all(outcome, &mut store, u32::MAX, |call, _, n| {
        assert!(matches!(call.reason(), SuspendReason::Interrupted));
        if n < 50 {
            handle.interrupt();
        }
    })?;
    assert_eq!((result, suspensions), (expected, 50));

    // From another thread, while the guest runs.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let interrupter = {
        let (handle, stop) = (handle.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                handle.interrupt();
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
        })
    };
    let mut outcome = work.call_resumable(&mut store, 24)?;
    let result = loop {
        match outcome {
            TypedResumableCall::Finished(result) => break result,
            TypedResumableCall::Suspended(call) => outcome = call.resume(&mut store, &[])?,
        }
    };
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    interrupter.join().unwrap();
    let expected = {
        let (mut plain, instance) = fib_instance(&Config::new())?;
        instance.get_typed_func::<i32, i32>(&plain, "work")?.call(&mut plain, 24)?
    };
    assert_eq!(result, expected);

    // A plain call still traps.
    handle.interrupt();
    assert_eq!(work.call(&mut store, 15).unwrap_err().trap_code(), Some(TrapCode::Interrupted));
    assert_eq!(work.call(&mut store, 15)?, {
        let (mut plain, instance) = fib_instance(&Config::new())?;
        instance.get_typed_func::<i32, i32>(&plain, "work")?.call(&mut plain, 15)?
    });
    Ok(())
}

/// Loops whose values stay in the accumulators across their heads (where they are checked): an
/// `i32` sum and counter, and an `f64` sum, each set before the loop and read first thing in it.
const HEAD_WAT: &str = r#"(module
  (func (export "count") (param $n i32) (result i32)
    (local $i i32) (local $s i32)
    (local.set $s (i32.const 7))
    (local.set $i (local.get $n))
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $i)))
      (br_if $l (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
    (local.get $s))
  (func (export "sum") (param $n i32) (result f64)
    (local $x f64) (local $i i32)
    (local.set $x (f64.convert_i32_u (local.get $n)))
    (local.set $i (i32.const 0))
    (loop $l
      (local.set $x (f64.add (local.get $x) (f64.const 1.5)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $x)))"#;

/// Calls `name` of `HEAD_WAT` with 1000 resumably, `prepare` readying each start and resume (it
/// adds fuel), until it finishes; its result and how often it suspended.
fn run_head_loop<R: hayate::WasmTyList>(
    config: &Config,
    name: &str,
    mut prepare: impl FnMut(&mut Store<()>),
) -> Result<(R, u32)> {
    let engine = Engine::new(config);
    let module = Module::new(&engine, HEAD_WAT)?;
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &[])?;
    let f = instance.get_typed_func::<i32, R>(&store, name)?;
    prepare(&mut store);
    let outcome = f.call_resumable(&mut store, 1000)?;
    resume_all(outcome, &mut store, 100_000, |_, store, _| prepare(store))
}

/// Resumes `outcome` until the call finishes, calling `each` with the suspended call, the store
/// and the suspension's number (from 1) before every resumption, and asserting that it suspends
/// fewer than `limit` times; the results and how often it suspended.
fn resume_all<R: hayate::WasmTyList, D>(
    mut outcome: TypedResumableCall<R>,
    store: &mut Store<D>,
    limit: u32,
    mut each: impl FnMut(&hayate::TypedSuspendedCall<R>, &mut Store<D>, u32),
) -> Result<(R, u32)> {
    let mut suspensions = 0;
    loop {
        match outcome {
            TypedResumableCall::Finished(result) => return Ok((result, suspensions)),
            TypedResumableCall::Suspended(call) => {
                suspensions += 1;
                assert!(suspensions < limit, "no progress");
                each(&call, store, suspensions);
                outcome = call.resume(&mut *store, &[])?;
            }
        }
    }
}

#[test]
fn a_call_suspended_at_a_loop_head_resumes_with_the_loops_values() -> Result<()> {
    let count = 7 + 1000 * 1001 / 2;
    let sum = 1000.0 + 1.5 * 1000.0;
    // Out of fuel at the heads: a few units at a time, so it suspends at many of them.
    let config = Config::new().consume_fuel(true).suspend_on_out_of_fuel(true).clone();
    let add = |store: &mut Store<()>| store.set_fuel(store.get_fuel().unwrap() + 5).unwrap();
    let (result, suspensions) = run_head_loop::<i32>(&config, "count", add)?;
    assert_eq!(result, count);
    assert!(suspensions > 100, "only {suspensions} suspensions");
    let (result, suspensions) = run_head_loop::<f64>(&config, "sum", add)?;
    assert_eq!(result, sum);
    assert!(suspensions > 100, "only {suspensions} suspensions");
    Ok(())
}

#[test]
fn a_call_interrupted_in_a_loop_resumes_at_its_head_with_the_loops_values() -> Result<()> {
    // `poke` requests an interrupt every 50th iteration, so the call suspends at the loop's head,
    // where the counter is in the integer accumulator.
    let engine = Engine::new(Config::new().interruptible(true).suspend_on_interrupt(true));
    let module = Module::new(
        &engine,
        r#"(module
          (import "host" "poke" (func $poke (param i32)))
          (func (export "count") (param $n i32) (result i32)
            (local $i i32) (local $s i32)
            (local.set $s (i32.const 7))
            (local.set $i (local.get $n))
            (loop $l
              (local.set $s (i32.add (local.get $s) (local.get $i)))
              (call $poke (local.get $i))
              (br_if $l (local.tee $i (i32.sub (local.get $i) (i32.const 1)))))
            (local.get $s)))"#,
    )?;
    let mut store = Store::new(&engine, None);
    *store.data_mut() = Some(store.interrupt_handle());
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "poke", |caller: Caller<'_, Option<hayate::InterruptHandle>>, i: i32| {
        if i % 50 == 0 {
            caller.data().as_ref().unwrap().interrupt();
        }
    })?;
    let instance = linker.instantiate(&mut store, &module)?;
    let count = instance.get_typed_func::<i32, i32>(&store, "count")?;
    let outcome = count.call_resumable(&mut store, 1000)?;
    let (result, suspensions) = resume_all(outcome, &mut store, 1000, |call, _, _| {
        assert!(matches!(call.reason(), SuspendReason::Interrupted));
    })?;
    assert_eq!((result, suspensions), (7 + 1000 * 1001 / 2, 20));
    Ok(())
}

#[test]
fn an_untyped_resumed_call_returns_v128_results() -> Result<()> {
    // Found by the differential test's metered runs: the results' cells were counted one per
    // value, so the second half of a `v128` was read past their end (a panic).
    let config = Config::new().consume_fuel(true).suspend_on_out_of_fuel(true).clone();
    let engine = Engine::new(&config);
    let module = Module::new(
        &engine,
        r#"(module
          (func (export "f") (param $n i32) (result v128 i32 v128)
            (loop $l (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (v128.const i64x2 1 2) (i32.const 3) (v128.const i64x2 4 5)))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let instance = Instance::new(&mut store, &module, &[])?;
    let f = instance.get_func(&store, "f").unwrap();
    store.set_fuel(10)?;
    let mut results = [Val::I32(0), Val::I32(0), Val::I32(0)];
    let mut outcome = f.call_resumable(&mut store, &[Val::I32(100)], &mut results)?;
    let mut suspensions = 0;
    while let ResumableCall::Suspended(call) = outcome {
        suspensions += 1;
        assert!(suspensions < 10_000, "no progress");
        store.set_fuel(store.get_fuel()? + 10)?;
        outcome = call.resume(&mut store, &[], &mut results)?;
    }
    assert!(suspensions > 5, "only {suspensions} suspensions");
    let v128 = |lo: u64, hi: u64| Val::V128(hayate::V128::from(u128::from(lo) | u128::from(hi) << 64));
    assert_eq!(format!("{results:?}"), format!("{:?}", [v128(1, 2), Val::I32(3), v128(4, 5)]));
    Ok(())
}

/// A suspended call of `run 3` on a fresh `MIX_WAT` instance.
fn suspended_mix(engine: &Engine) -> Result<(Store<()>, Instance, SuspendedCall)> {
    let (mut store, instance) = mix_instance(engine, true)?;
    let run = instance.get_func(&store, "run").unwrap();
    match run.call_resumable(&mut store, &[Val::I32(3)], &mut [Val::I64(0)])? {
        ResumableCall::Suspended(call) => Ok((store, instance, call)),
        ResumableCall::Finished => panic!("`mix` suspends"),
    }
}

#[test]
fn resuming_with_the_wrong_results_is_an_error() -> Result<()> {
    let engine = Engine::default();
    let cases: [(&[Val], usize, &str); 4] = [
        (&[], 1, "expecting results [i64] resumed with []"),
        (&[Val::I32(1)], 1, "expecting results [i64] resumed with [i32]"),
        (&[Val::I64(1), Val::I64(2)], 1, "resumed with [i64, i64]"),
        (&[Val::I64(1)], 2, "a call with 1 results resumed with room for 2"),
    ];
    for (host_results, room, message) in cases {
        let (mut store, instance, call) = suspended_mix(&engine)?;
        let mut results = vec![Val::I64(0); room];
        let e = call.resume(&mut store, host_results, &mut results).unwrap_err();
        assert!(e.to_string().contains(message), "{e}");
        // The store goes on.
        let run = instance.get_typed_func::<i32, i64>(&store, "run")?;
        assert!(matches!(run.call_resumable(&mut store, 1)?, TypedResumableCall::Suspended(_)));
    }

    // A suspension for fuel takes no results.
    let config = Config::new().consume_fuel(true).suspend_on_out_of_fuel(true).clone();
    let (mut store, instance) = fib_instance(&config)?;
    let work = instance.get_typed_func::<i32, i32>(&store, "work")?;
    let TypedResumableCall::Suspended(call) = work.call_resumable(&mut store, 5)? else { panic!("no fuel") };
    store.set_fuel(1 << 40)?;
    assert!(call.resume(&mut store, &[Val::I32(0)]).is_err());
    assert_eq!(work.call(&mut store, 5)?, work.call(&mut store, 5)?);
    Ok(())
}

#[test]
fn resuming_in_another_store_is_an_error() -> Result<()> {
    let engine = Engine::default();
    let (_store, _instance, call) = suspended_mix(&engine)?;
    let (mut other, instance) = mix_instance(&engine, false)?;
    let e = call.resume(&mut other, &[Val::I64(1)], &mut [Val::I64(0)]).unwrap_err();
    assert!(e.to_string().contains("does not belong"), "{e}");
    let run = instance.get_typed_func::<i32, i64>(&other, "run")?;
    assert_eq!(run.call(&mut other, 1)?, mix(0, 0));
    Ok(())
}

#[test]
fn a_plain_call_cannot_suspend() -> Result<()> {
    let engine = Engine::default();
    let (mut store, instance) = mix_instance(&engine, true)?;
    let run = instance.get_typed_func::<i32, i64>(&store, "run")?;
    let e = run.call(&mut store, 3).unwrap_err();
    assert!(e.to_string().contains("not resumable"), "{e}");
    assert!(!e.is_suspend());
    Ok(())
}

/// Host `outer` calls the guest's `inner` back, which calls host `leaf`, which suspends.
const NESTED_WAT: &str = r#"(module
  (import "host" "outer" (func $outer (param i32) (result i32)))
  (import "host" "leaf" (func $leaf (param i32) (result i32)))
  (func (export "inner") (param i32) (result i32)
    (i32.mul (call $leaf (local.get 0)) (i32.const 10)))
  (func (export "run") (param i32) (result i32)
    (i32.add (call $outer (local.get 0)) (i32.const 1))))"#;

#[test]
fn suspension_across_a_host_frame_is_an_error_but_nested_resumable_calls_suspend() -> Result<()> {
    let engine = Engine::default();
    let module = Module::new(&engine, NESTED_WAT)?;
    // The host data says whether `outer` calls back resumably.
    let mut store = Store::new(&engine, false);
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "leaf", |x: i32| -> Result<i32> { Err(Error::suspend(x)) })?;
    linker.func_wrap("host", "outer", |mut caller: Caller<'_, bool>, x: i32| -> Result<i32> {
        let inner = caller.get_export("inner").and_then(hayate::Extern::into_func).unwrap();
        let inner = inner.typed::<i32, i32>(&caller)?;
        if !*caller.data() {
            // The plain call fails; the error is no suspension request, so the outer call fails.
            return inner.call(&mut caller, x);
        }
        // A resumable call suspends back to here; this host function settles it.
        let mut outcome = inner.call_resumable(&mut caller, x)?;
        loop {
            match outcome {
                TypedResumableCall::Finished(r) => return Ok(r),
                TypedResumableCall::Suspended(call) => {
                    let x = *call.payload::<i32>().unwrap();
                    outcome = call.resume(&mut caller, &[Val::I32(x + 2)])?;
                }
            }
        }
    })?;
    let instance = linker.instantiate(&mut store, &module)?;
    let run = instance.get_typed_func::<i32, i32>(&store, "run")?;

    let e = match run.call_resumable(&mut store, 4) {
        Err(e) => e,
        Ok(outcome) => panic!("expected an error, got {outcome:?}"),
    };
    assert!(e.to_string().contains("not resumable"), "{e}");

    *store.data_mut() = true;
    let TypedResumableCall::Finished(r) = run.call_resumable(&mut store, 4)? else { panic!("suspended") };
    assert_eq!(r, (4 + 2) * 10 + 1);
    assert_eq!(run.call(&mut store, 5)?, (5 + 2) * 10 + 1);
    Ok(())
}

#[test]
fn a_trap_after_resuming_is_reported_with_its_backtrace() -> Result<()> {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
          (import "host" "divisor" (func $divisor (result i32)))
          (func $divide (param i32) (result i32) (i32.div_u (local.get 0) (call $divisor)))
          (func (export "run") (param i32) (result i32) (i32.add (call $divide (local.get 0)) (i32.const 1))))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "divisor", || -> Result<i32> { Err(Error::suspend(())) })?;
    let instance = linker.instantiate(&mut store, &module)?;
    let run = instance.get_typed_func::<i32, i32>(&store, "run")?;
    let TypedResumableCall::Suspended(call) = run.call_resumable(&mut store, 10)? else { panic!("finished") };
    let TypedResumableCall::Finished(r) = call.resume(&mut store, &[Val::I32(5)])? else { panic!("suspended") };
    assert_eq!(r, 3);
    let TypedResumableCall::Suspended(call) = run.call_resumable(&mut store, 10)? else { panic!("finished") };
    let e = call.resume(&mut store, &[Val::I32(0)]).unwrap_err();
    let trap = e.as_trap().expect("a trap");
    assert_eq!(trap.code(), TrapCode::IntegerDivisionByZero);
    let frames: Vec<u32> = trap.backtrace().iter().map(|f| f.func_index).collect();
    assert_eq!(frames, [1, 2], "{e}");
    Ok(())
}

#[test]
fn the_store_runs_other_calls_meanwhile_and_after_a_suspended_call_is_dropped() -> Result<()> {
    // The call depth limit is the store's; a suspended call holds none of it.
    let engine = Engine::new(Config::new().max_call_depth(60));
    let module = Module::new(
        &engine,
        r#"(module
          (import "host" "pause" (func $pause (result i32)))
          (func $deep (export "deep") (param i32) (result i32)
            (if (result i32) (i32.eqz (local.get 0))
              (then (call $pause))
              (else (i32.add (call $deep (i32.sub (local.get 0) (i32.const 1))) (i32.const 1))))))"#,
    )?;
    let mut store = Store::new(&engine, true);
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "pause", |caller: Caller<'_, bool>| -> Result<i32> {
        if *caller.data() { Err(Error::suspend("pause")) } else { Ok(100) }
    })?;
    let instance = linker.instantiate(&mut store, &module)?;
    let deep = instance.get_typed_func::<i32, i32>(&store, "deep")?;

    let TypedResumableCall::Suspended(first) = deep.call_resumable(&mut store, 50)? else { panic!("finished") };
    assert_eq!(first.payload::<&str>(), Some(&"pause"));
    let TypedResumableCall::Suspended(second) = deep.call_resumable(&mut store, 50)? else { panic!("finished") };
    *store.data_mut() = false;
    assert_eq!(deep.call(&mut store, 55)?, 155);
    assert_eq!(deep.call(&mut store, 70).unwrap_err().trap_code(), Some(TrapCode::StackOverflow));
    let TypedResumableCall::Finished(r) = second.resume(&mut store, &[Val::I32(7)])? else { panic!("suspended") };
    assert_eq!(r, 57);
    drop(first);
    assert_eq!(deep.call(&mut store, 58)?, 158);
    // Nothing of the dropped call is left: a new resumable call has the whole depth.
    let TypedResumableCall::Finished(r) = deep.call_resumable(&mut store, 58)? else { panic!("suspended") };
    assert_eq!(r, 158);
    Ok(())
}

#[test]
fn a_host_function_called_directly_suspends() -> Result<()> {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let f = Func::wrap(&mut store, |x: i32| -> Result<(i32, i64)> { Err(Error::suspend(x)) });
    let mut results = [Val::I32(0), Val::I64(0)];
    let ResumableCall::Suspended(call) = f.call_resumable(&mut store, &[Val::I32(3)], &mut results)? else {
        panic!("finished")
    };
    assert_eq!(call.host_result_types(), &[ValType::I32, ValType::I64]);
    assert!(matches!(call.reason(), SuspendReason::Host { func, .. } if *func == f));
    assert!(matches!(call.resume(&mut store, &[Val::I32(1), Val::I64(2)], &mut results)?, ResumableCall::Finished));
    assert_eq!((results[0].i32(), results[1].i64()), (Some(1), Some(2)));
    assert!(f.call(&mut store, &[Val::I32(3)], &mut results).unwrap_err().to_string().contains("not resumable"));
    Ok(())
}

#[test]
fn host_references_held_by_a_suspended_call_survive_collections() -> Result<()> {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
          (import "host" "pause" (func $pause))
          (func (export "keep") (param externref) (result externref) (call $pause) (local.get 0))
          (func (export "id") (param externref) (result externref) (local.get 0)))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "pause", || -> Result<()> { Err(Error::suspend(())) })?;
    let instance = linker.instantiate(&mut store, &module)?;
    let keep = instance.get_typed_func::<Option<ExternRef>, Option<ExternRef>>(&store, "keep")?;
    let id = instance.get_typed_func::<Option<ExternRef>, Option<ExternRef>>(&store, "id")?;
    let kept = ExternRef::new(&mut store, "kept");
    let TypedResumableCall::Suspended(call) = keep.call_resumable(&mut store, Some(kept.clone()))? else {
        panic!("finished")
    };
    drop(kept);
    // Enough references pass through the store to make it collect, were no call suspended.
    for i in 0..5000 {
        let r = ExternRef::new(&mut store, i);
        assert_eq!(id.call(&mut store, Some(r.clone()))?, Some(r));
    }
    let TypedResumableCall::Finished(Some(back)) = call.resume(&mut store, &[])? else { panic!("no reference") };
    assert_eq!(back.data(&store)?.downcast_ref::<&str>(), Some(&"kept"));
    Ok(())
}

#[test]
fn suspended_calls_can_move_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<SuspendedCall>();
    send_sync::<hayate::TypedSuspendedCall<(i32, f64)>>();
    send_sync::<Store<()>>();
}
