//! Exception handling from the host's side: a Wasm guest catches what a host function throws, and
//! an exception the guest does not catch comes out of the call with its tag and values.
//!
//! `cargo run --example exceptions`

use hayate::{Caller, Engine, Error, Exception, Linker, Module, Store, Tag, TagType, Val, ValType};

fn main() -> anyhow::Result<()> {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"
        (module
          (import "host" "not_found" (tag $not_found (param i32)))
          (import "host" "lookup" (func $lookup (param i32) (result i32)))
          (tag $bad_input (export "bad_input") (param i32))
          ;; Looks `key` up; a key the host does not know gives -1.
          (func (export "find") (param $key i32) (result i32)
            (if (i32.lt_s (local.get $key) (i32.const 0))
              (then (throw $bad_input (local.get $key))))
            (block $missing (result i32)
              (try_table (result i32) (catch $not_found $missing)
                (call $lookup (local.get $key)))
              (return))
            (drop)
            (i32.const -1)))
        "#,
    )?;

    let mut store = Store::new(&engine, ());
    // A tag the host defines and the guest imports: exceptions match by tag identity.
    let not_found = Tag::new(&mut store, &TagType::new([ValType::I32]))?;
    let mut linker = Linker::new(&engine);
    linker.define("host", "not_found", not_found)?;
    linker.func_wrap("host", "lookup", move |_: Caller<'_, ()>, key: i32| -> hayate::Result<i32> {
        match key {
            0..=9 => Ok(key * key),
            // Thrown into the guest, whose `try_table` catches it.
            _ => Err(Error::exception(Exception::new(not_found, vec![Val::I32(key)]))),
        }
    })?;
    let instance = linker.instantiate(&mut store, &module)?;
    let find = instance.get_typed_func::<i32, i32>(&store, "find")?;

    println!("find(7) = {}", find.call(&mut store, 7)?);
    println!("find(12) = {}", find.call(&mut store, 12)?);
    // The guest throws `bad_input` and does not catch it: the call fails with the exception.
    let error = find.call(&mut store, -5).unwrap_err();
    let exception = error.as_exception().expect("an uncaught exception");
    assert_eq!(Some(exception.tag()), instance.get_tag(&store, "bad_input"));
    println!("find(-5) threw {:?}: {error}", exception.payload());
    Ok(())
}
