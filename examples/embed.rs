//! Embedding hayate: compile a module, give it a host function that reads guest memory, call an
//! export with a typed signature. Run with `cargo run --example embed`.

use hayate::{Caller, Engine, Error, Extern, Linker, Module, Store};

fn main() -> anyhow::Result<()> {
    let engine = Engine::default();
    // `Module::new` takes a Wasm binary or, as here, WAT text.
    let module = Module::new(
        &engine,
        r#"
        (module
          (import "host" "print" (func $print (param i32 i32)))
          (memory (export "memory") 1)
          (data (i32.const 0) "Hello from Wasm!")
          (func (export "greet") (param $times i32) (result i32)
            (local $i i32)
            (loop $again
              (call $print (i32.const 0) (i32.const 16))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $again (i32.lt_u (local.get $i) (local.get $times))))
            (local.get $i)))
        "#,
    )?;

    // The store owns all Wasm objects and the host's data: here, the lines the guest printed.
    let mut store = Store::new(&engine, Vec::<String>::new());
    let mut linker = Linker::new(&engine);
    linker.func_wrap("host", "print", |mut caller: Caller<'_, Vec<String>>, ptr: i32, len: i32| {
        let memory = caller
            .get_export("memory")
            .and_then(Extern::into_memory)
            .ok_or_else(|| Error::msg("the guest exports no `memory`"))?;
        let mut bytes = vec![0; len as u32 as usize];
        memory.read(&caller, ptr as u32 as usize, &mut bytes)?; // out of bounds is an error, not a panic
        caller.data_mut().push(String::from_utf8_lossy(&bytes).into_owned());
        Ok::<(), Error>(())
    })?;

    let instance = linker.instantiate(&mut store, &module)?;
    let greet = instance.get_typed_func::<i32, i32>(&store, "greet")?;
    let calls = greet.call(&mut store, 3)?;
    for line in store.data() {
        println!("{line}");
    }
    println!("greet called print {calls} times");
    Ok(())
}
