//! Exception handling: `throw` and `try_table` across frames and instances, in both translation
//! modes; uncaught exceptions reach the host as errors naming their tag; host functions throw into
//! Wasm, and exceptions pass through host frames; traps are never caught.

use hayate::{
    Caller, Config, Engine, Error, ErrorKind, Exception, Extern, Instance, Linker, Module, Store, Tag, TagType,
    TrapCode, Val, ValType,
};

type Result<T> = std::result::Result<T, Error>;

/// Both translation modes.
fn engines() -> [Engine; 2] {
    [Engine::new(Config::new().lazy_translation(false)), Engine::new(Config::new().lazy_translation(true))]
}

fn instantiate(engine: &Engine, wat: &str) -> Result<(Store<()>, Instance)> {
    let module = Module::new(engine, wat)?;
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine).instantiate(&mut store, &module)?;
    Ok((store, instance))
}

const THROW_CATCH: &str = include_str!("../wat/throw_catch.wat");

#[test]
fn an_exception_thrown_ten_frames_down_is_caught() -> Result<()> {
    for engine in engines() {
        let (mut store, instance) = instantiate(&engine, THROW_CATCH)?;
        let run = instance.get_typed_func::<i32, i64>(&store, "throw_catch")?;
        let n: i64 = 10_000;
        assert_eq!(run.call(&mut store, n as i32)?, (0..n).map(|i| i + 7).sum::<i64>());
    }
    Ok(())
}

/// Clause order, tags, `catch_all`, nesting, and catch labels of every kind: a block, a loop,
/// the function itself.
const CLAUSES: &str = r#"(module
  (tag $a (param i32))
  (tag $b (param i32))
  (tag $none)
  (func $throw (param $which i32) (param $v i32)
    (if (i32.eq (local.get $which) (i32.const 0)) (then (throw $a (local.get $v))))
    (if (i32.eq (local.get $which) (i32.const 1)) (then (throw $b (local.get $v))))
    (throw $none))
  ;; 100 + v for $a (inner clause), 200 + v for $b (outer clause), 300 for $none (catch_all).
  (func (export "nested") (param $which i32) (param $v i32) (result i32)
    (block $outer_all
      (block $outer_b (result i32)
        (try_table (catch $b $outer_b) (catch_all $outer_all)
          (block $inner_a (result i32)
            (try_table (catch $a $inner_a)
              (call $throw (local.get $which) (local.get $v)))
            (unreachable))
          (return (i32.add (i32.const 100))))
        (unreachable))
      (return (i32.add (i32.const 200))))
    (i32.const 300))
  ;; A catch to a loop label: retries until the thrower is happy, counting the throws.
  (func (export "retry") (param $n i32) (result i32)
    (local $tries i32)
    (i32.const 0)
    (loop $again (param i32)
      (local.set $tries (i32.add (local.get $tries) (i32.const 1)))
      (drop)
      (try_table (catch $a $again)
        (if (i32.lt_u (local.get $tries) (local.get $n))
          (then (throw $a (local.get $tries))))))
    (local.get $tries))
  ;; A catch to the function's label returns the payload.
  (func (export "to_function") (param $v i32) (result i32)
    (try_table (catch $a 0)
      (call $throw (i32.const 0) (local.get $v)))
    (i32.const -1)))"#;

#[test]
fn clauses_match_by_tag_in_order_from_the_innermost() -> Result<()> {
    for engine in engines() {
        let (mut store, instance) = instantiate(&engine, CLAUSES)?;
        let nested = instance.get_typed_func::<(i32, i32), i32>(&store, "nested")?;
        assert_eq!(nested.call(&mut store, (0, 5))?, 105);
        assert_eq!(nested.call(&mut store, (1, 6))?, 206);
        assert_eq!(nested.call(&mut store, (2, 7))?, 300);
        let retry = instance.get_typed_func::<i32, i32>(&store, "retry")?;
        assert_eq!(retry.call(&mut store, 1)?, 1);
        assert_eq!(retry.call(&mut store, 50)?, 50);
        let to_function = instance.get_typed_func::<i32, i32>(&store, "to_function")?;
        assert_eq!(to_function.call(&mut store, 42)?, 42);
    }
    Ok(())
}

#[test]
fn an_uncaught_exception_names_its_tag_and_carries_its_values() -> Result<()> {
    let wat = r#"(module
      (tag $oops (export "oops") (param i32 f64))
      (func $deep (param i32) (throw $oops (local.get 0) (f64.const 2.5)))
      (func $run (export "run") (param i32) (call $deep (local.get 0))))"#;
    for engine in engines() {
        let (mut store, instance) = instantiate(&engine, wat)?;
        let e = instance.get_typed_func::<i32, ()>(&store, "run")?.call(&mut store, 9).unwrap_err();
        let exception = e.as_exception().unwrap_or_else(|| panic!("an exception, got: {e}"));
        assert!(matches!(e.kind(), ErrorKind::Exception(_)));
        assert_eq!(Some(exception.tag()), instance.get_tag(&store, "oops"));
        assert_eq!(exception.payload().len(), 2);
        assert_eq!(exception.payload()[0].i32(), Some(9));
        assert!(matches!(exception.payload()[1], Val::F64(bits) if f64::from_bits(bits) == 2.5));
        let names: Vec<_> = exception.backtrace().iter().map(|f| f.func_name.as_deref()).collect();
        assert_eq!(names, [Some("deep"), Some("run")]);
        let message = e.to_string();
        assert!(message.contains("`oops`") && message.contains("I32(9)"), "{message}");
    }
    Ok(())
}

#[test]
fn traps_are_not_exceptions() -> Result<()> {
    let wat = r#"(module
      (func (export "run") (result i32)
        (block $caught
          (try_table (catch_all $caught)
            (drop (i32.div_u (i32.const 1) (i32.const 0)))))
        (i32.const 1)))"#;
    let (mut store, instance) = instantiate(&Engine::default(), wat)?;
    let e = instance.get_typed_func::<(), i32>(&store, "run")?.call(&mut store, ()).unwrap_err();
    assert_eq!(e.trap_code(), Some(TrapCode::IntegerDivisionByZero), "{e}");
    Ok(())
}

/// A module that imports a host tag and a host function that throws with it.
const HOST_THROWS: &str = r#"(module
  (import "host" "tag" (tag $t (param i32)))
  (import "host" "fail" (func $fail (param i32)))
  (func (export "catches") (param i32) (result i32)
    (block $caught (result i32)
      (try_table (catch $t $caught)
        (call $fail (local.get 0)))
      (i32.const -1))
    (i32.add (i32.const 1000)))
  (func (export "tail") (param i32)
    ;; A tail call leaves the `try_table`: the host's exception is not caught here.
    (block $caught (result i32)
      (try_table (catch $t $caught)
        (return_call $fail (local.get 0)))
      (i32.const -1))
    (drop)))"#;

fn host_throws(engine: &Engine) -> Result<(Store<Option<Tag>>, Instance, Tag)> {
    let mut store = Store::new(engine, None);
    let tag = Tag::new(&mut store, &TagType::new([ValType::I32]))?;
    *store.data_mut() = Some(tag);
    let mut linker = Linker::new(engine);
    linker.define("host", "tag", tag)?;
    linker.func_wrap("host", "fail", |caller: Caller<'_, Option<Tag>>, v: i32| -> Result<()> {
        let tag = caller.data().expect("the tag");
        Err(Error::exception(Exception::new(tag, vec![Val::I32(v * 2)])))
    })?;
    let instance = linker.instantiate(&mut store, &Module::new(engine, HOST_THROWS)?)?;
    Ok((store, instance, tag))
}

#[test]
fn host_functions_throw_into_their_callers() -> Result<()> {
    for engine in engines() {
        let (mut store, instance, tag) = host_throws(&engine)?;
        let catches = instance.get_typed_func::<i32, i32>(&store, "catches")?;
        assert_eq!(catches.call(&mut store, 21)?, 1042);
        let e = instance.get_typed_func::<i32, ()>(&store, "tail")?.call(&mut store, 4).unwrap_err();
        let exception = e.as_exception().unwrap_or_else(|| panic!("an exception, got: {e}"));
        assert_eq!(exception.tag(), tag);
        assert_eq!(exception.payload()[0].i32(), Some(8));
    }
    Ok(())
}

#[test]
fn a_host_exception_with_the_wrong_values_is_an_error() -> Result<()> {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let tag = Tag::new(&mut store, &TagType::new([ValType::I32]))?;
    let mut linker = Linker::new(&engine);
    linker.define("host", "tag", tag)?;
    linker.func_wrap("host", "fail", move |_: i32| -> Result<()> {
        Err(Error::exception(Exception::new(tag, vec![Val::I64(1)])))
    })?;
    let instance = linker.instantiate(&mut store, &Module::new(&engine, HOST_THROWS)?)?;
    let e = instance.get_typed_func::<i32, i32>(&store, "catches")?.call(&mut store, 1).unwrap_err();
    assert!(e.as_exception().is_none() && e.to_string().contains("do not match its tag"), "{e}");
    Ok(())
}

/// Wasm calls the host, which calls Wasm that throws; the host passes the error on and the outer
/// Wasm catches the exception.
#[test]
fn exceptions_pass_through_host_frames() -> Result<()> {
    let wat = r#"(module
      (import "host" "reenter" (func $reenter (param i32)))
      (tag $e (export "e") (param i32))
      (func (export "thrower") (param i32) (throw $e (i32.mul (local.get 0) (i32.const 3))))
      (func (export "outer") (param i32) (result i32)
        (block $caught (result i32)
          (try_table (catch $e $caught)
            (call $reenter (local.get 0)))
          (i32.const -1))))"#;
    for engine in engines() {
        let mut store = Store::new(&engine, None::<Instance>);
        let mut linker = Linker::new(&engine);
        linker.func_wrap("host", "reenter", |mut caller: Caller<'_, Option<Instance>>, v: i32| -> Result<()> {
            let instance = caller.data().expect("the instance");
            let thrower = instance.get_typed_func::<i32, ()>(&caller, "thrower")?;
            thrower.call(&mut caller, v)
        })?;
        let instance = linker.instantiate(&mut store, &Module::new(&engine, wat)?)?;
        *store.data_mut() = Some(instance);
        assert_eq!(instance.get_typed_func::<i32, i32>(&store, "outer")?.call(&mut store, 5)?, 15);
    }
    Ok(())
}

/// A tag is its definition: an importer catches the exporter's exceptions by the imported tag,
/// and a tag of the same type defined elsewhere does not match.
#[test]
fn tags_match_by_identity_across_instances() -> Result<()> {
    let thrower = r#"(module
      (tag $e (export "e") (param i32))
      (tag $other (export "other") (param i32))
      (func (export "throw_e") (param i32) (throw $e (local.get 0)))
      (func (export "throw_other") (param i32) (throw $other (local.get 0))))"#;
    let catcher = r#"(module
      (import "thrower" "e" (tag $e (param i32)))
      (import "thrower" "throw_e" (func $throw_e (param i32)))
      (import "thrower" "throw_other" (func $throw_other (param i32)))
      (tag $lookalike (param i32))
      (func (export "run") (param $which i32) (result i32)
        (block $by_e (result i32)
          (block $by_lookalike (result i32)
            (try_table (catch $lookalike $by_lookalike) (catch $e $by_e)
              (if (local.get $which)
                (then (call $throw_other (i32.const 1)))
                (else (call $throw_e (i32.const 2)))))
            (i32.const -1))
          (return (i32.add (i32.const 100))))))"#;
    for engine in engines() {
        let mut store = Store::new(&engine, ());
        let mut linker = Linker::new(&engine);
        let t = linker.instantiate(&mut store, &Module::new(&engine, thrower)?)?;
        linker.instance(&mut store, "thrower", t)?;
        let c = linker.instantiate(&mut store, &Module::new(&engine, catcher)?)?;
        let run = c.get_typed_func::<i32, i32>(&store, "run")?;
        assert_eq!(run.call(&mut store, 0)?, 2);
        let e = run.call(&mut store, 1).unwrap_err();
        assert_eq!(e.as_exception().map(|x| x.tag()), t.get_tag(&store, "other"), "{e}");
        assert!(matches!(t.get_export(&store, "e"), Some(Extern::Tag(_))));
        assert_eq!(t.get_tag(&store, "e").unwrap().ty(&store)?.params(), &[ValType::I32]);
    }
    Ok(())
}

#[test]
fn importing_a_tag_of_another_type_fails_to_link() -> Result<()> {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let tag = Tag::new(&mut store, &TagType::new([ValType::I64]))?;
    let mut linker = Linker::new(&engine);
    linker.define("host", "tag", tag)?;
    linker.func_wrap("host", "fail", |_: i32| {})?;
    let e = linker.instantiate(&mut store, &Module::new(&engine, HOST_THROWS)?).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Unlinkable(_)), "{e}");
    Ok(())
}

/// `catch_ref` hands Wasm a reference to the exception, which `throw_ref` throws again (the same
/// exception, payload and all); the host can take and pass such references.
const EXNREF: &str = r#"(module
  (tag $e (export "e") (param i32 externref))
  (func $thrower (param i32 externref) (throw $e (local.get 0) (local.get 1)))
  ;; Catches with a reference, keeps it in a global, then throws it again.
  (global $kept (mut exnref) (ref.null exn))
  (func (export "catch_and_keep") (param i32 externref)
    (block $caught (result i32 externref exnref)
      (try_table (catch_ref $e $caught)
        (call $thrower (local.get 0) (local.get 1)))
      (unreachable))
    (global.set $kept)
    (drop)
    (drop))
  (func (export "rethrow_kept") (throw_ref (global.get $kept)))
  (func (export "rethrow") (param exnref) (throw_ref (local.get 0)))
  (func (export "catch_all_ref") (param i32) (result exnref)
    (block $caught (result exnref)
      (try_table (catch_all_ref $caught)
        (call $thrower (local.get 0) (ref.null extern)))
      (unreachable)))
  (func (export "rethrow_null") (throw_ref (ref.null exn))))"#;

#[test]
fn exception_references_rethrow_the_same_exception() -> Result<()> {
    for engine in engines() {
        let (mut store, instance) = instantiate(&engine, EXNREF)?;
        let tag = instance.get_tag(&store, "e").unwrap();
        let host_value = hayate::ExternRef::new(&mut store, "kept alive by the exception".to_string());
        let keep = instance.get_func(&store, "catch_and_keep").unwrap();
        keep.call(&mut store, &[Val::I32(7), Val::ExternRef(Some(host_value.clone()))], &mut [])?;
        drop(host_value);
        // Many calls later (host references get collected between calls), the kept exception
        // still carries its host value.
        for _ in 0..3000 {
            let r = hayate::ExternRef::new(&mut store, 0u8);
            keep.call(&mut store, &[Val::I32(1), Val::ExternRef(Some(r))], &mut [])?;
            if let Err(e) = instance.get_typed_func::<(), ()>(&store, "rethrow_kept")?.call(&mut store, ()) {
                assert!(e.as_exception().is_some(), "{e}");
            }
        }
        keep.call(&mut store, &[Val::I32(9), Val::ExternRef(None)], &mut [])?;
        let e = instance.get_typed_func::<(), ()>(&store, "rethrow_kept")?.call(&mut store, ()).unwrap_err();
        let exception = e.as_exception().expect("an exception");
        assert_eq!(exception.tag(), tag);
        assert_eq!(exception.payload()[0].i32(), Some(9));

        // catch_all_ref gives the host an `ExnRef`; passed back in, it is thrown again.
        let mut out = [Val::ExnRef(None)];
        instance.get_func(&store, "catch_all_ref").unwrap().call(&mut store, &[Val::I32(3)], &mut out)?;
        let Val::ExnRef(Some(exn)) = out[0].clone() else { panic!("an exnref, got {:?}", out[0]) };
        assert_eq!(exn.tag(), tag);
        assert_eq!(exn.payload(&mut store)?[0].i32(), Some(3));
        let rethrow = instance.get_func(&store, "rethrow").unwrap();
        let e = rethrow.call(&mut store, &[Val::ExnRef(Some(exn))], &mut []).unwrap_err();
        assert_eq!(e.as_exception().unwrap().payload()[0].i32(), Some(3));

        // A host-made exception, thrown by Wasm.
        let made = hayate::ExnRef::new(&mut store, tag, &[Val::I32(11), Val::ExternRef(None)])?;
        let e = rethrow.call(&mut store, &[Val::ExnRef(Some(made))], &mut []).unwrap_err();
        assert_eq!(e.as_exception().unwrap().payload()[0].i32(), Some(11));
        assert!(hayate::ExnRef::new(&mut store, tag, &[Val::I32(1)]).is_err(), "wrong payload");

        let e = instance.get_typed_func::<(), ()>(&store, "rethrow_null")?.call(&mut store, ()).unwrap_err();
        assert_eq!(e.trap_code(), Some(TrapCode::NullExceptionReference), "{e}");
    }
    Ok(())
}

#[test]
fn the_exceptions_switch_refuses_exception_handling() {
    let engine = Engine::new(Config::new().wasm_exceptions(false));
    let e = Module::new(&engine, THROW_CATCH).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Unsupported(_)), "{e}");
}

/// An exception that unwinds a nested call, passes through the host function and leaves the outer
/// call shows the frames of both calls, innermost first.
#[test]
fn an_uncaught_exception_shows_the_frames_of_nested_calls() -> Result<()> {
    let wat = r#"(module
      (import "host" "reenter" (func $reenter))
      (tag $e (param i32))
      (func $inner (export "inner") (throw $e (i32.const 1)))
      (func $outer (export "outer") (call $reenter)))"#;
    let engine = Engine::default();
    let mut store = Store::new(&engine, None::<Instance>);
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "reenter", |mut caller: Caller<'_, Option<Instance>>| -> Result<()> {
        let instance = caller.data().expect("the instance");
        instance.get_typed_func::<(), ()>(&caller, "inner")?.call(&mut caller, ())
    })?;
    let instance = linker.instantiate(&mut store, &Module::new(&engine, wat)?)?;
    *store.data_mut() = Some(instance);
    let e = instance.get_typed_func::<(), ()>(&store, "outer")?.call(&mut store, ()).unwrap_err();
    let exception = e.as_exception().unwrap_or_else(|| panic!("an exception, got: {e}"));
    let names: Vec<_> = exception.backtrace().iter().map(|f| f.func_name.as_deref()).collect();
    assert_eq!(names, [Some("inner"), Some("outer")]);
    Ok(())
}

const LEGACY: &str = r#"
(module
  (tag $e (param i32))
  (func (export "f") (param i32) (result i32)
    try (result i32)
      (if (local.get 0) (then (throw $e (i32.const 4))))
      (i32.const 1)
    catch $e
      (i32.const 10)
      (i32.add)
    end))
"#;

#[test]
fn legacy_try_catch_runs_and_has_its_own_switch() -> Result<()> {
    for engine in engines() {
        let (mut store, instance) = instantiate(&engine, LEGACY)?;
        let f = instance.get_typed_func::<i32, i32>(&store, "f")?;
        assert_eq!(f.call(&mut store, 0)?, 1);
        assert_eq!(f.call(&mut store, 1)?, 14);
    }
    let engine = Engine::new(Config::new().wasm_legacy_exceptions(false));
    let e = Module::new(&engine, LEGACY).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Unsupported(_)), "{e}");
    assert!(e.to_string().contains("legacy"), "{e}");
    Ok(())
}
