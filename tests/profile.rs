//! The guest profiler: samples requested through a `Sampler` record the Wasm call stack at the
//! guest's next check point, are named from the name section, and come out as collapsed stacks;
//! `hayate run --profile` writes them.

use hayate::{Caller, Config, Engine, Linker, Module, Sampler, Store, TrapCode};

/// `$outer` calls `$middle`, which calls the host (which asks for a sample) and then `$inner`,
/// whose entry check takes the sample.
const NESTED: &str = r#"
    (module
      (import "host" "ask" (func $ask))
      (func $inner (result i32) (i32.const 7))
      (func $middle (result i32) (call $ask) (call $inner))
      (func $outer (export "outer") (result i32) (i32.add (call $middle) (i32.const 1))))
"#;

/// A linker with `host.ask`, which asks the store's sampler (if any) for a sample.
fn ask_linker(engine: &Engine) -> Linker<Option<Sampler>> {
    let mut linker = Linker::new(engine);
    linker
        .func_wrap("host", "ask", |caller: Caller<'_, Option<Sampler>>| {
            if let Some(sampler) = caller.data() {
                sampler.sample();
            }
        })
        .unwrap();
    linker
}

fn nested(config: &Config) -> (Store<Option<Sampler>>, hayate::TypedFunc<(), i32>) {
    let engine = Engine::new(config);
    let module = Module::new(&engine, NESTED).unwrap();
    let mut store = Store::new(&engine, None);
    let linker = ask_linker(&engine);
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let outer = instance.get_typed_func::<(), i32>(&store, "outer").unwrap();
    (store, outer)
}

#[test]
fn a_sample_records_the_call_stack_with_names() {
    let (mut store, outer) = nested(Config::new().interruptible(true));
    *store.data_mut() = Some(store.sampler());
    store.start_profiling();
    assert_eq!(outer.call(&mut store, ()).unwrap(), 8);
    assert_eq!(outer.call(&mut store, ()).unwrap(), 8);
    let profile = store.take_profile().unwrap();
    assert_eq!(profile.to_collapsed(), "outer;middle;inner 2\n");
    assert_eq!(profile.total(), 2);
    // Profiling ended with `take_profile`.
    assert!(store.take_profile().is_none());
}

#[test]
fn samples_are_not_kept_when_profiling_is_off() {
    let (mut store, outer) = nested(Config::new().interruptible(true));
    *store.data_mut() = Some(store.sampler());
    assert_eq!(outer.call(&mut store, ()).unwrap(), 8);
    assert!(store.take_profile().is_none());
    // A request answered while profiling was off is gone: the new profile starts empty.
    store.start_profiling();
    assert_eq!(store.take_profile().unwrap().total(), 0);
}

#[test]
fn a_sample_and_an_interrupt_are_both_answered() {
    let (mut store, outer) = nested(Config::new().interruptible(true));
    *store.data_mut() = Some(store.sampler());
    store.start_profiling();
    store.interrupt_handle().interrupt();
    store.sampler().sample();
    let err = outer.call(&mut store, ()).unwrap_err();
    assert_eq!(err.as_trap().map(|t| t.code()), Some(TrapCode::Interrupted));
    // The entry check of `outer` took the sample and then trapped.
    assert_eq!(store.take_profile().unwrap().to_collapsed(), "outer 1\n");
    // The interrupt was withdrawn when the call ended; the sample request was answered.
    store.start_profiling();
    assert_eq!(outer.call(&mut store, ()).unwrap(), 8);
    assert_eq!(store.take_profile().unwrap().to_collapsed(), "outer;middle;inner 1\n");
}

#[test]
fn cli_profile_writes_collapsed_stacks() {
    let dir = std::env::temp_dir().join(format!("hayate-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("fib.folded");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_hayate"))
        .args(["run", "--profile", out.to_str().unwrap(), "--profile-interval", "100us", "--invoke", "fib"])
        .args(["wat/fib.wat", "30"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(String::from_utf8_lossy(&run.stdout), "832040\n");
    let text = std::fs::read_to_string(&out).unwrap();
    let mut total = 0;
    for line in text.lines() {
        let (stack, count) = line.rsplit_once(' ').unwrap();
        total += count.parse::<u64>().unwrap();
        // Every frame is fib (the only function), outermost first.
        assert!(stack.split(';').all(|frame| frame == "fib"), "{line}");
    }
    // fib(30) runs for tens of milliseconds: hundreds of samples at 100 us.
    assert!(total >= 20, "only {total} samples:\n{text}");
}

#[test]
fn a_loop_back_edge_takes_a_sample_at_the_loop_head() {
    // The back edge passes the loop head's `CheckInterrupt` itself while nothing is requested and
    // dispatches it when a request is in: the sample asked for in iteration 3 lands in `looper`.
    let engine = Engine::new(Config::new().interruptible(true));
    let module = Module::new(
        &engine,
        r#"(module
          (import "host" "ask" (func $ask))
          (func $looper (export "looper") (param $n i32) (result i32) (local $i i32)
            (loop $l
              (if (i32.eq (local.get $i) (i32.const 3)) (then (call $ask)))
              (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
            (local.get $i)))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, None);
    let linker = ask_linker(&engine);
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let looper = instance.get_typed_func::<i32, i32>(&store, "looper").unwrap();
    *store.data_mut() = Some(store.sampler());
    store.start_profiling();
    assert_eq!(looper.call(&mut store, 10).unwrap(), 10);
    assert_eq!(store.take_profile().unwrap().to_collapsed(), "looper 1\n");
}
