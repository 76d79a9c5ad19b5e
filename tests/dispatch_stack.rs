//! Guards the tail-call dispatcher: a long loop that goes through most kinds of handler runs on a
//! thread with a tiny native stack. If any handler stopped tail-calling, every instruction would
//! grow the native stack and this test would crash.

use hayate::{Engine, Linker, Module, Store};

const WAT: &str = r#"
(module
  (import "host" "id" (func $host (param i32) (result i32)))
  (type $t (func (param i32) (result i32)))
  (memory 1)
  (table 2 funcref)
  (elem (i32.const 0) $inc $dec)
  (global $g (mut i64) (i64.const 0))
  (func $inc (type $t) (i32.add (local.get 0) (i32.const 1)))
  (func $dec (type $t) (i32.sub (local.get 0) (i32.const 1)))
  (func $pair (param i32) (result i32 i64) (local.get 0) (i64.extend_i32_u (local.get 0)))
  (func $nothing)
  (func (export "run") (param $n i32) (result i64)
    (local $i i32) (local $x i64) (local $f f64) (local $y f32)
    (loop $top
      ;; integer arithmetic, register and immediate forms
      (local.set $x (i64.add (local.get $x) (i64.mul (i64.extend_i32_s (local.get $i)) (i64.const 3))))
      (local.set $x (i64.xor (local.get $x) (i64.rotl (local.get $x) (i64.const 7))))
      (local.set $x (i64.add (local.get $x) (i64.extend_i32_u (i32.div_u (local.get $i) (i32.const 7)))))
      ;; memory of every width
      (i32.store (i32.const 16) (local.get $i))
      (i64.store offset=8 (i32.const 16) (local.get $x))
      (i32.store8 (i32.const 40) (local.get $i))
      (i32.store16 (i32.const 42) (local.get $i))
      (local.set $x (i64.add (local.get $x) (i64.load offset=8 (i32.const 16))))
      (local.set $x (i64.add (local.get $x) (i64.load8_s (i32.const 40))))
      (local.set $x (i64.add (local.get $x) (i64.load16_s (i32.const 42))))
      (local.set $x (i64.add (local.get $x) (i64.load32_s (i32.const 16))))
      (memory.fill (i32.const 100) (local.get $i) (i32.const 8))
      (memory.copy (i32.const 200) (i32.const 100) (i32.const 8))
      (drop (memory.grow (i32.const 0)))
      (drop (memory.size))
      ;; floats and conversions
      (local.set $f (f64.add (local.get $f) (f64.convert_i32_s (local.get $i))))
      (local.set $f (f64.sqrt (f64.abs (local.get $f))))
      (local.set $y (f32.demote_f64 (local.get $f)))
      (local.set $x (i64.add (local.get $x) (i64.trunc_sat_f32_s (local.get $y))))
      (local.set $x (i64.add (local.get $x) (i64.trunc_f64_s (f64.floor (local.get $f)))))
      ;; globals, select, calls of every kind, multiple results
      (global.set $g (i64.add (global.get $g) (select (i64.const 1) (i64.const 2) (local.get $i))))
      (local.set $x (i64.add (local.get $x) (i64.extend_i32_u (call $inc (local.get $i)))))
      (local.set $x (i64.add (local.get $x) (i64.extend_i32_u
        (call_indirect (type $t) (local.get $i) (i32.and (local.get $i) (i32.const 1))))))
      (local.set $x (i64.add (local.get $x) (i64.extend_i32_u (call $host (local.get $i)))))
      (call $pair (local.get $i))
      (local.set $x (i64.add (local.get $x)))
      (drop)
      (call $nothing)
      ;; tables and references
      (table.set (i32.const 1) (table.get (i32.const 1)))
      (drop (table.size))
      (drop (ref.is_null (ref.func $inc)))
      ;; br_table and structured control
      (block $a (block $b (block $c
        (br_table $a $b $c (i32.and (local.get $i) (i32.const 3))))
        (local.set $x (i64.add (local.get $x) (i64.const 1))))
        (local.set $x (i64.sub (local.get $x) (i64.const 1))))
      (if (i32.eqz (i32.and (local.get $i) (i32.const 1)))
        (then (local.set $x (i64.add (local.get $x) (i64.const 5))))
        (else (local.set $x (i64.sub (local.get $x) (i64.const 5)))))
      (br_if $top (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (i64.add (local.get $x) (global.get $g))))
"#;

#[test]
fn long_run_on_a_tiny_native_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(192 * 1024)
        .spawn(|| -> Result<i64, hayate::Error> {
            let engine = Engine::default();
            let module = Module::new(&engine, WAT)?;
            let mut store = Store::new(&engine, ());
            let mut linker = Linker::new(&engine);
            linker.func_wrap("host", "id", |x: i32| x)?;
            let instance = linker.instantiate(&mut store, &module)?;
            let run = instance.get_typed_func::<i32, i64>(&store, "run")?;
            // About 100 instructions per iteration: ten million dispatches in all.
            run.call(&mut store, 100_000)
        })
        .unwrap();
    let result = handle.join().expect("the run crashed");
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn optimized_x86_64_builds_use_tail_calls() {
    if cfg!(all(not(debug_assertions), any(target_arch = "x86_64", target_arch = "aarch64")))
        && std::env::var_os("HAYATE_DISPATCH").is_none()
    {
        assert_eq!(hayate::dispatch_mode(), "tail-call");
    }
}
