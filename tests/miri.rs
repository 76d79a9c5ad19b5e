//! Small embedding tests that CI also runs under Miri (`cargo +nightly miri test --test miri`),
//! which checks the executor's `unsafe` code (the portable dispatcher, which unoptimized builds
//! use) for undefined behaviour: host calls and re-entry, memory views across growth, calls
//! through tables and between instances, table, global and bulk memory instructions, traps,
//! panicking host functions, interrupts, limits, calls suspended and resumed, tail calls and
//! exceptions, `v128` values and legacy exception handling, globals a host call creates. Each test stays
//! small, since Miri runs code thousands of times slower than a native build.

use hayate::{
    Caller, Config, Engine, Extern, Func, Global, GlobalType, Instance, Linker, Memory, Module, Mutability, Store,
    Table, TableType, TrapCode, Val, ValType,
};

type Result<T> = std::result::Result<T, hayate::Error>;

/// An instance of `wat` in a fresh store with host data `data`, its imports from `linker`.
fn instantiate<T: 'static>(
    config: &Config,
    data: T,
    wat: &str,
    define: impl FnOnce(&mut Linker<T>) -> Result<()>,
) -> Result<(Store<T>, Instance)> {
    let engine = Engine::new(config);
    let module = Module::new(&engine, wat)?;
    let mut store = Store::new(&engine, data);
    let mut linker = Linker::new(&engine);
    define(&mut linker)?;
    let instance = linker.instantiate(&mut store, &module)?;
    Ok((store, instance))
}

/// The exported function `name` of the calling instance.
fn export<T>(caller: &Caller<'_, T>, name: &str) -> Func {
    caller.get_export(name).and_then(Extern::into_func).unwrap()
}

#[test]
fn host_functions_reach_memory_and_reenter() -> Result<()> {
    let wat = r#"(module
      (import "host" "sum" (func $sum (param i32 i32) (result i32)))
      (import "host" "grow" (func $grow (result i32)))
      (memory (export "memory") 1)
      (data (i32.const 16) "\01\02\03\04")
      (func (export "square") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
      (func (export "run") (result i32)
        (i32.store (i32.const 32) (call $sum (i32.const 16) (i32.const 4)))
        ;; The host grows the memory (moving it); the guest must see the new one.
        (drop (call $grow))
        (i32.store (i32.const 65536) (i32.const 5))
        (i32.add (i32.load (i32.const 32)) (i32.load (i32.const 65536)))))"#;
    let (mut store, instance) = instantiate(&Config::new(), 0i64, wat, |linker| {
        linker.func_wrap("host", "sum", |mut caller: Caller<'_, i64>, ptr: i32, len: i32| -> Result<i32> {
            let memory = caller.get_export("memory").and_then(Extern::into_memory).unwrap();
            let bytes = memory.data(&caller).unwrap()[ptr as usize..][..len as usize].to_vec();
            memory.data_mut(&mut caller).unwrap()[ptr as usize] = 100;
            let square = export(&caller, "square").typed::<i32, i32>(&caller)?;
            let mut total = 0;
            for b in bytes {
                total += square.call(&mut caller, i32::from(b))?;
            }
            *caller.data_mut() += i64::from(total);
            Ok(total)
        })?;
        linker.func_wrap("host", "grow", |mut caller: Caller<'_, i64>| -> Result<i32> {
            let memory = caller.get_export("memory").and_then(Extern::into_memory).unwrap();
            Ok(memory.grow(&mut caller, 1)? as i32)
        })?;
        Ok(())
    })?;
    let run = instance.get_typed_func::<(), i32>(&store, "run")?;
    assert_eq!(run.call(&mut store, ())?, 1 + 4 + 9 + 16 + 5);
    assert_eq!(*store.data(), 30);
    let memory = instance.get_memory(&store, "memory").unwrap();
    assert_eq!(memory.data(&store).unwrap()[16], 100);
    assert_eq!(memory.size(&store).unwrap(), 2);
    Ok(())
}

/// The executor keeps pointers to the store's globals while Wasm runs; a host function that
/// creates globals (moving the store's list) must leave the guest's `global.get`/`global.set`
/// working on the moved list.
#[test]
fn globals_created_by_a_host_call_leave_the_guest_globals_intact() -> Result<()> {
    let wat = r#"(module
      (import "host" "make" (func $make))
      (global $g (mut i32) (i32.const 7))
      (func (export "run") (result i32)
        (global.set $g (i32.add (global.get $g) (i32.const 1)))
        (call $make)
        (global.set $g (i32.mul (global.get $g) (i32.const 3)))
        (global.get $g)))"#;
    let (mut store, instance) = instantiate(&Config::new(), Vec::new(), wat, |linker| {
        linker.func_wrap("host", "make", |mut caller: Caller<'_, Vec<Global>>| -> Result<()> {
            let ty = GlobalType::new(ValType::I64, Mutability::Var);
            for i in 0..64 {
                let g = Global::new(&mut caller, ty, Val::I64(i))?;
                caller.data_mut().push(g);
            }
            Ok(())
        })?;
        Ok(())
    })?;
    let run = instance.get_typed_func::<(), i32>(&store, "run")?;
    assert_eq!(run.call(&mut store, ())?, 24);
    let made = store.data().clone();
    assert_eq!(made.len(), 64);
    assert!(matches!(made[63].get(&store)?, Val::I64(63)));
    Ok(())
}

#[test]
fn calls_through_tables_and_between_instances() -> Result<()> {
    let engine = Engine::default();
    let provider = Module::new(
        &engine,
        r#"(module
          (memory (export "memory") 1)
          (global (export "counter") (mut i32) (i32.const 10))
          (func (export "bump") (result i32)
            (global.set 0 (i32.add (global.get 0) (i32.const 1)))
            (i32.store (i32.const 0) (global.get 0))
            (global.get 0)))"#,
    )?;
    let consumer = Module::new(
        &engine,
        r#"(module
          (import "provider" "memory" (memory 1))
          (import "provider" "counter" (global $counter (mut i32)))
          (import "provider" "bump" (func $bump (result i32)))
          (type $get (func (result i32)))
          (type $unary (func (param i32) (result i32)))
          (table 4 funcref)
          (func $seven (result i32) (i32.const 7))
          (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
          (elem (i32.const 0) $seven $bump $inc)
          (func (export "get") (param i32) (result i32) (call_indirect (type $get) (local.get 0)))
          (func (export "unary") (param i32 i32) (result i32)
            (call_indirect (type $unary) (local.get 1) (local.get 0)))
          (func (export "run") (result i32)
            (i32.add (call $bump) (i32.add (global.get $counter) (i32.load (i32.const 0))))))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let provided = linker.instantiate(&mut store, &provider)?;
    linker.instance(&mut store, "provider", provided)?;
    let instance = linker.instantiate(&mut store, &consumer)?;
    let get = instance.get_typed_func::<i32, i32>(&store, "get")?;
    assert_eq!(get.call(&mut store, 0)?, 7);
    assert_eq!(get.call(&mut store, 1)?, 11, "the imported function, through the table");
    assert_eq!(get.call(&mut store, 2).unwrap_err().trap_code(), Some(TrapCode::BadSignature));
    assert_eq!(get.call(&mut store, 3).unwrap_err().trap_code(), Some(TrapCode::IndirectCallToNull));
    assert_eq!(get.call(&mut store, 4).unwrap_err().trap_code(), Some(TrapCode::TableOutOfBounds));
    let unary = instance.get_typed_func::<(i32, i32), i32>(&store, "unary")?;
    assert_eq!(unary.call(&mut store, (2, 41))?, 42);
    let run = instance.get_typed_func::<(), i32>(&store, "run")?;
    assert_eq!(run.call(&mut store, ())?, 12 + 12 + 12);
    assert_eq!(provided.get_global(&store, "counter").unwrap().get(&store).unwrap(), Val::I32(12));
    Ok(())
}

#[test]
fn table_global_and_bulk_memory_instructions() -> Result<()> {
    let wat = r#"(module
      (memory (export "memory") 1 2)
      (table $t (export "table") 2 10 funcref)
      (table $u 3 funcref)
      (global $g (export "g") (mut i64) (i64.const 3))
      (func $a (result i32) (i32.const 1))
      (func $b (result i32) (i32.const 2))
      (elem $e func $a $b)
      (data $d "wasm")
      (type $get (func (result i32)))
      (func (export "run") (result i64)
        (table.init $t $e (i32.const 0) (i32.const 0) (i32.const 2))
        (elem.drop $e)
        (drop (table.grow $t (ref.func $b) (i32.const 2)))
        (table.copy $u $t (i32.const 0) (i32.const 2) (i32.const 2))
        (table.fill $t (i32.const 3) (ref.null func) (i32.const 1))
        (table.set $t (i32.const 1) (table.get $u (i32.const 1)))
        (memory.init $d (i32.const 8) (i32.const 1) (i32.const 3))
        (data.drop $d)
        (memory.fill (i32.const 16) (i32.const 0x61) (i32.const 4))
        (memory.copy (i32.const 18) (i32.const 8) (i32.const 3))
        (drop (memory.grow (i32.const 1)))
        (i64.store (i32.const 65540) (global.get $g))
        (global.set $g (i64.add (global.get $g) (i64.load (i32.const 65540))))
        (i64.add
          (i64.add (global.get $g) (i64.extend_i32_u (memory.size)))
          (i64.add (i64.extend_i32_u (table.size $t))
            (i64.extend_i32_u (call_indirect (type $get) (i32.const 1))))))
      (func (export "dropped") (memory.init $d (i32.const 0) (i32.const 0) (i32.const 1))))"#;
    let (mut store, instance) = instantiate(&Config::new(), (), wat, |_| Ok(()))?;
    let run = instance.get_typed_func::<(), i64>(&store, "run")?;
    // g = 6, two pages, four table elements, and $b from the copy.
    assert_eq!(run.call(&mut store, ())?, 6 + 2 + 4 + 2);
    let memory = instance.get_memory(&store, "memory").unwrap();
    assert_eq!(&memory.data(&store).unwrap()[8..21], b"asm\0\0\0\0\0aaasm");
    let dropped = instance.get_typed_func::<(), ()>(&store, "dropped")?;
    assert_eq!(dropped.call(&mut store, ()).unwrap_err().trap_code(), Some(TrapCode::MemoryOutOfBounds));

    // The same objects from the host.
    let table = instance.get_table(&store, "table").unwrap();
    assert_eq!(table.size(&store).unwrap(), 4);
    assert!(matches!(table.get(&store, 3).unwrap(), Some(Val::FuncRef(None))));
    let g = instance.get_global(&store, "g").unwrap();
    g.set(&mut store, Val::I64(-1))?;
    let own = Global::new(&mut store, GlobalType::new(ValType::I32, Mutability::Const), Val::I32(5))?;
    assert_eq!(own.get(&store).unwrap(), Val::I32(5));
    let extra = Table::new(&mut store, TableType::new(ValType::FuncRef, 1, None), Val::FuncRef(None))?;
    assert_eq!(extra.grow(&mut store, 2, Val::FuncRef(None))?, 1);
    let mem = Memory::new(&mut store, hayate::MemoryType::new(1, Some(1)))?;
    mem.write(&mut store, 10, b"xyz")?;
    assert!(mem.grow(&mut store, 1).is_err());
    Ok(())
}

#[test]
fn traps_leave_the_store_usable() -> Result<()> {
    let wat = r#"(module
      (memory 1)
      (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 7) (local.get 0)))
      (func (export "oob") (param i32) (result i32) (i32.load offset=4 (local.get 0)))
      (func (export "unreachable") unreachable)
      (func $rec (export "rec") (param i32) (result i32)
        (if (result i32) (local.get 0)
          (then (i32.add (i32.const 1) (call $rec (i32.sub (local.get 0) (i32.const 1)))))
          (else (i32.const 0)))))"#;
    let (mut store, instance) = instantiate(Config::new().max_call_depth(40), (), wat, |_| Ok(()))?;
    let div = instance.get_typed_func::<i32, i32>(&store, "div")?;
    assert_eq!(div.call(&mut store, 0).unwrap_err().trap_code(), Some(TrapCode::IntegerDivisionByZero));
    let oob = instance.get_typed_func::<i32, i32>(&store, "oob")?;
    assert_eq!(oob.call(&mut store, 65532).unwrap_err().trap_code(), Some(TrapCode::MemoryOutOfBounds));
    assert_eq!(oob.call(&mut store, -1).unwrap_err().trap_code(), Some(TrapCode::MemoryOutOfBounds));
    let unreachable = instance.get_typed_func::<(), ()>(&store, "unreachable")?;
    assert_eq!(unreachable.call(&mut store, ()).unwrap_err().trap_code(), Some(TrapCode::Unreachable));
    let rec = instance.get_typed_func::<i32, i32>(&store, "rec")?;
    assert_eq!(rec.call(&mut store, 100).unwrap_err().trap_code(), Some(TrapCode::StackOverflow));
    assert_eq!(rec.call(&mut store, 30)?, 30);
    assert_eq!(div.call(&mut store, 2)?, 3);
    assert_eq!(oob.call(&mut store, 65528)?, 0);
    Ok(())
}

#[test]
fn host_panics_unwind_and_the_store_stays_usable() -> Result<()> {
    let wat = r#"(module
      (import "host" "fail" (func $fail (param i32)))
      (import "host" "catch" (func $catch (result i32)))
      (func (export "fail") (param i32) (result i32) (call $fail (local.get 0)) (local.get 0))
      (func (export "caught") (result i32) (i32.add (call $catch) (i32.const 1))))"#;
    let (mut store, instance) = instantiate(&Config::new(), (), wat, |linker| {
        linker.func_wrap("host", "fail", |x: i32| {
            if x < 0 {
                std::panic::resume_unwind(Box::new("host gave up"));
            }
        })?;
        // A host function that catches the panic of a nested call and carries on.
        linker.func_wrap("host", "catch", |mut caller: Caller<'_, ()>| -> Result<i32> {
            let fail = export(&caller, "fail").typed::<i32, i32>(&caller)?;
            let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| fail.call(&mut caller, -1)));
            assert!(unwound.is_err());
            fail.call(&mut caller, 41)
        })?;
        Ok(())
    })?;
    let fail = instance.get_typed_func::<i32, i32>(&store, "fail")?;
    for _ in 0..3 {
        let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| fail.call(&mut store, -1)));
        assert!(unwound.is_err());
    }
    assert_eq!(fail.call(&mut store, 5)?, 5);
    let caught = instance.get_typed_func::<(), i32>(&store, "caught")?;
    assert_eq!(caught.call(&mut store, ())?, 42);
    Ok(())
}

#[test]
fn an_interrupt_stops_every_level_then_ends() -> Result<()> {
    let engine = Engine::new(Config::new().interruptible(true));
    let module = Module::new(
        &engine,
        r#"(module
          (import "host" "reenter" (func $reenter))
          (func (export "outer") (loop $l (call $reenter) (br $l)))
          (func (export "inner") (result i32) (i32.const 2)))"#,
    )?;
    let mut store = Store::new(&engine, 0);
    let handle = store.interrupt_handle();
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "reenter", move |mut caller: Caller<'_, i32>| -> Result<()> {
        // The request comes while the outer call runs, past its checks.
        handle.interrupt();
        let inner = export(&caller, "inner").typed::<(), i32>(&caller)?;
        let err = inner.call(&mut caller, ()).unwrap_err();
        assert_eq!(err.trap_code(), Some(TrapCode::Interrupted));
        *caller.data_mut() += 1;
        Ok(())
    })?;
    let instance = linker.instantiate(&mut store, &module)?;
    let outer = instance.get_typed_func::<(), ()>(&store, "outer")?;
    assert_eq!(outer.call(&mut store, ()).unwrap_err().trap_code(), Some(TrapCode::Interrupted));
    assert_eq!(*store.data(), 1, "the outer loop stopped at its next iteration");
    let inner = instance.get_typed_func::<(), i32>(&store, "inner")?;
    assert_eq!(inner.call(&mut store, ())?, 2, "the request ended with the outer call");
    // Requested while no call runs: the next call stops at its entry.
    store.interrupt_handle().interrupt();
    assert_eq!(outer.call(&mut store, ()).unwrap_err().trap_code(), Some(TrapCode::Interrupted));
    assert_eq!(*store.data(), 1);
    assert_eq!(inner.call(&mut store, ())?, 2);
    Ok(())
}

#[test]
fn call_depth_is_counted_across_reentry() -> Result<()> {
    let wat = r#"(module
      (import "host" "reenter" (func $reenter (param i32)))
      (func $rec (export "rec") (param $n i32) (param $levels i32)
        (if (local.get $n)
          (then (call $rec (i32.sub (local.get $n) (i32.const 1)) (local.get $levels)))
          (else (if (local.get $levels)
            (then (call $reenter (i32.sub (local.get $levels) (i32.const 1)))))))))"#;
    let (mut store, instance) = instantiate(Config::new().max_call_depth(40), 0, wat, |linker| {
        linker.func_wrap("host", "reenter", |mut caller: Caller<'_, i32>, levels: i32| -> Result<()> {
            *caller.data_mut() += 1;
            export(&caller, "rec").typed::<(i32, i32), ()>(&caller)?.call(&mut caller, (10, levels))
        })?;
        Ok(())
    })?;
    let rec = instance.get_typed_func::<(i32, i32), ()>(&store, "rec")?;
    // 11 functions per level: the fourth level passes 40.
    let err = rec.call(&mut store, (10, 10)).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::StackOverflow), "{err}");
    assert_eq!(*store.data(), 3);
    rec.call(&mut store, (10, 2))?;
    Ok(())
}

#[test]
fn untyped_calls_lazy_translation_and_fuel() -> Result<()> {
    let wat = r#"(module
      (func $fib (export "fib") (param i64) (result i64)
        (if (result i64) (i64.lt_u (local.get 0) (i64.const 2))
          (then (local.get 0))
          (else (i64.add (call $fib (i64.sub (local.get 0) (i64.const 1)))
                         (call $fib (i64.sub (local.get 0) (i64.const 2)))))))
      (func (export "mix") (param i32 f32 f64) (result f64 i32)
        (f64.add (f64.promote_f32 (local.get 1)) (local.get 2))
        (i32.popcnt (local.get 0)))
      (func (export "spin") (loop $l (br $l))))"#;
    let (mut store, instance) =
        instantiate(Config::new().lazy_translation(true).consume_fuel(true), (), wat, |_| Ok(()))?;
    store.set_fuel(100_000)?;
    let fib = instance.get_func(&store, "fib").unwrap();
    let mut out = [Val::I64(0)];
    fib.call(&mut store, &[Val::I64(10)], &mut out)?;
    assert_eq!(out, [Val::I64(55)]);
    let mix = instance.get_typed_func::<(i32, f32, f64), (f64, i32)>(&store, "mix")?;
    assert_eq!(mix.call(&mut store, (0xff, 0.5, 0.25))?, (0.75, 8));
    let spin = instance.get_typed_func::<(), ()>(&store, "spin")?;
    store.set_fuel(100)?;
    assert_eq!(spin.call(&mut store, ()).unwrap_err().trap_code(), Some(TrapCode::OutOfFuel));
    Ok(())
}

#[test]
fn suspended_calls_resume_detached_from_the_store() -> Result<()> {
    let config = Config::new().consume_fuel(true).suspend_on_out_of_fuel(true).clone();
    let wat = r#"(module
      (import "host" "ask" (func $ask (param i32) (result i32)))
      (memory (export "memory") 1)
      (func $twice (param i32) (result i32) (i32.mul (call $ask (local.get 0)) (i32.const 2)))
      (func (export "run") (param i32) (result i32)
        (local $i i32)
        (loop $l
          (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))
        (i32.add (call $twice (local.get 0)) (i32.load (i32.const 0)))))"#;
    let (mut store, instance) = instantiate(&config, (), wat, |linker| {
        linker.func_wrap("host", "ask", |x: i32| -> Result<i32> { Err(hayate::Error::suspend(x)) })?;
        Ok(())
    })?;
    let run = instance.get_typed_func::<i32, i32>(&store, "run")?;
    // A slice must pay for the costliest block (a check point charges it whole).
    const SLICE: u64 = 40;
    store.set_fuel(SLICE)?;
    let mut outcome = run.call_resumable(&mut store, 20)?;
    let (mut fuel_stops, mut host_stops) = (0, 0);
    let result = loop {
        match outcome {
            hayate::TypedResumableCall::Finished(r) => break r,
            hayate::TypedResumableCall::Suspended(call) => match call.payload::<i32>() {
                Some(&x) => {
                    host_stops += 1;
                    // Another call runs on the store meanwhile (adding to the memory again), and
                    // fails where its host function asks to suspend.
                    store.set_fuel(1_000)?;
                    let e = run.call(&mut store, 1).unwrap_err();
                    assert!(e.to_string().contains("not resumable"), "{e}");
                    store.set_fuel(SLICE)?;
                    outcome = call.resume(&mut store, &[Val::I32(x + 1)])?;
                }
                None => {
                    fuel_stops += 1;
                    assert!(fuel_stops < 100, "no progress");
                    store.set_fuel(SLICE)?;
                    outcome = call.resume(&mut store, &[])?;
                }
            },
        }
    };
    assert_eq!(result, 21 * 2 + 45 + 45);
    assert_eq!(host_stops, 1);
    assert!(fuel_stops > 1);
    // A suspended call dropped leaves the store as it was.
    store.set_fuel(1)?;
    drop(run.call_resumable(&mut store, 0)?);
    store.set_fuel(1000)?;
    let memory = instance.get_memory(&store, "memory").unwrap();
    memory.data_mut(&mut store).unwrap()[..4].fill(0);
    assert!(matches!(run.call_resumable(&mut store, 1)?, hayate::TypedResumableCall::Suspended(_)));
    Ok(())
}

/// Tail calls (to defined, imported and table functions) and exceptions: thrown across frames and
/// caught, thrown by a host function, rethrown through an `exnref`, and uncaught.
#[test]
fn tail_calls_and_exceptions() -> Result<()> {
    let wat = r#"(module
      (import "host" "tag" (tag $h (param i32)))
      (import "host" "fail" (func $fail (param i32)))
      (tag $e (export "e") (param i32 externref))
      (type $t (func (param i32) (result i32)))
      (table funcref (elem $down))
      (func $down (param $n i32) (result i32)
        (if (result i32) (i32.eqz (local.get $n))
          (then (i32.const 7))
          (else (return_call_indirect (type $t) (i32.sub (local.get $n) (i32.const 1)) (i32.const 0)))))
      (func $self (param $n i32) (param $acc i32) (result i32)
        (if (result i32) (i32.eqz (local.get $n))
          (then (local.get $acc))
          (else (return_call $self (i32.sub (local.get $n) (i32.const 1)) (i32.add (local.get $acc) (i32.const 2))))))
      (func $thrower (param i32) (throw $e (local.get 0) (ref.null extern)))
      (func (export "run") (param $n i32) (result i32)
        (local $x exnref)
        (block $caught (result i32 externref exnref)
          (try_table (catch_ref $e $caught)
            (call $thrower (i32.add (call $down (local.get $n)) (call $self (local.get $n) (i32.const 0)))))
          (unreachable))
        (local.set $x)
        (drop)
        (block $again (result i32)
          (try_table (catch $h $again)
            (call $fail (i32.const 5)))
          (i32.const 0))
        (i32.add)
        (block $rethrown (result i32 externref)
          (try_table (catch $e $rethrown)
            (throw_ref (local.get $x)))
          (unreachable))
        (drop)
        (i32.add))
      (func (export "uncaught") (call $thrower (i32.const 3))))"#;
    let mut store = Store::new(&Engine::default(), ());
    let tag = hayate::Tag::new(&mut store, &hayate::TagType::new([ValType::I32]))?;
    let mut linker = Linker::new(store.engine());
    linker.define("host", "tag", tag)?;
    linker.func_wrap("host", "fail", move |v: i32| -> Result<()> {
        Err(hayate::Error::exception(hayate::Exception::new(tag, vec![Val::I32(v)])))
    })?;
    let module = Module::new(store.engine(), wat)?;
    let instance = linker.instantiate(&mut store, &module)?;
    // (7 + 2n) caught, plus 5 from the host, plus (7 + 2n) again through the exnref.
    let run = instance.get_typed_func::<i32, i32>(&store, "run")?;
    assert_eq!(run.call(&mut store, 4)?, 15 + 5 + 15);
    let e = instance.get_typed_func::<(), ()>(&store, "uncaught")?.call(&mut store, ()).unwrap_err();
    assert_eq!(e.as_exception().map(|x| x.payload()[0].i32()), Some(Some(3)));
    Ok(())
}

/// `v128` values through typed and untyped calls, a host function, a global and a legacy
/// `try`/`rethrow` (the two-cell values cross every boundary of the API).
#[test]
fn v128_values_and_legacy_exceptions() -> Result<()> {
    let wat = r#"(module
      (import "host" "swap" (func $swap (param v128) (result v128)))
      (tag $e (param v128))
      (global $g (export "g") (mut v128) (v128.const i64x2 1 2))
      (func (export "mix") (param $a v128) (param $b i32) (result v128 i32)
        (global.set $g (i32x4.add (local.get $a) (global.get $g)))
        try (result v128)
          try
            (throw $e (call $swap (global.get $g)))
          catch $e
            (drop)
            (rethrow 0)
          end
          (v128.const i64x2 0 0)
        catch $e
        end
        (local.get $b)))"#;
    let (mut store, instance) = instantiate(&Config::default(), (), wat, |linker| {
        linker.func_wrap("host", "swap", |v: hayate::V128| -> hayate::V128 {
            let x = v.as_u128();
            hayate::V128::from(x.rotate_left(64))
        })?;
        Ok(())
    })?;
    let mix = instance.get_typed_func::<(hayate::V128, i32), (hayate::V128, i32)>(&store, "mix")?;
    let a = (5u128 << 64) | 3;
    let (v, b) = mix.call(&mut store, (hayate::V128::from(a), 9))?;
    // g = (1 + 3, 2 + 5) as i64x2 lanes; the host swaps the halves.
    assert_eq!(v.as_u128(), (4u128 << 64) | 7);
    assert_eq!(b, 9);
    let untyped = instance.get_func(&store, "mix").unwrap();
    let mut out = [Val::I32(0), Val::I32(0)];
    untyped.call(&mut store, &[Val::V128(hayate::V128::from(0)), Val::I32(1)], &mut out)?;
    let Val::V128(v) = out[0] else { panic!("a v128 result, got {:?}", out[0]) };
    assert_eq!(v.as_u128(), (4u128 << 64) | 7);
    let g = instance.get_global(&store, "g").unwrap();
    assert_eq!(g.get(&store)?.v128().map(|v| v.as_u128()), Some((7u128 << 64) | 4));
    Ok(())
}
