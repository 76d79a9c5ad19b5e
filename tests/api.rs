//! Embedding API tests: host functions with `Caller` and memory access, typed and untyped calls,
//! traps with codes and backtraces, linking instances, the global/table/memory API, and WASI with
//! in-memory output.

use anyhow::Result;
use hayate::wasi::{self, Errno, OutputBuffer, WasiCtx};
use hayate::{
    Caller, Config, Engine, ErrorKind, Extern, Func, FuncType, Global, GlobalType, Linker, Memory, MemoryType, Module,
    Mutability, Store, Table, TableType, TrapCode, V128, Val, ValType,
};

/// A store and an instance of `wat` with host data `T`, its imports resolved by what `define` adds to
/// the linker.
fn instantiate<T: 'static>(
    data: T,
    wat: &str,
    define: impl FnOnce(&mut Linker<T>) -> Result<()>,
) -> Result<(Store<T>, hayate::Instance)> {
    let engine = Engine::default();
    let module = Module::new(&engine, wat)?;
    let mut store = Store::new(&engine, data);
    let mut linker = Linker::new(&engine);
    define(&mut linker)?;
    let instance = linker.instantiate(&mut store, &module)?;
    Ok((store, instance))
}

#[test]
fn host_functions_read_and_write_guest_memory() -> Result<()> {
    let wat = r#"
        (module
          (import "host" "log" (func $log (param i32 i32)))
          (import "host" "fill" (func $fill (param i32 i32 i32) (result i32)))
          (memory (export "memory") 1)
          (data (i32.const 100) "hello from wasm")
          (func (export "run") (result i32)
            (call $log (i32.const 100) (i32.const 15))
            (drop (call $fill (i32.const 200) (i32.const 4) (i32.const 0x41)))
            (i32.load (i32.const 200))))
    "#;
    let (mut store, instance) = instantiate(Vec::<String>::new(), wat, |linker| {
        linker.func_wrap("host", "log", |mut caller: Caller<'_, Vec<String>>, ptr: i32, len: i32| {
            let memory = caller.get_export("memory").and_then(Extern::into_memory).unwrap();
            let bytes = memory.data(&caller).unwrap()[ptr as usize..][..len as usize].to_vec();
            caller.data_mut().push(String::from_utf8(bytes).unwrap());
        })?;
        linker.func_wrap(
            "host",
            "fill",
            |mut caller: Caller<'_, Vec<String>>, ptr: i32, len: i32, byte: i32| -> hayate::Result<i32> {
                let memory = caller.get_export("memory").and_then(Extern::into_memory).unwrap();
                memory.write(&mut caller, ptr as usize, &vec![byte as u8; len as usize])?;
                memory.data_mut(&mut caller).unwrap()[ptr as usize] = b'a';
                Ok(len)
            },
        )?;
        Ok(())
    })?;
    let run = instance.get_typed_func::<(), i32>(&store, "run")?;
    assert_eq!(run.call(&mut store, ())?, i32::from_le_bytes(*b"aAAA"));
    assert_eq!(store.data(), &["hello from wasm"]);

    let memory = instance.get_memory(&store, "memory").unwrap();
    let mut buf = [0u8; 5];
    memory.read(&store, 100, &mut buf)?;
    assert_eq!(&buf, b"hello");
    assert!(memory.read(&store, 65535, &mut buf).is_err());
    Ok(())
}

#[test]
fn host_function_errors_unwind_the_guest() -> Result<()> {
    let wat = r#"
        (module
          (import "host" "check" (func $check (param i32) (result i32)))
          (func (export "run") (param i32) (result i32)
            (i32.add (call $check (local.get 0)) (i32.const 1))))
    "#;
    let (mut store, instance) = instantiate((), wat, |linker| {
        linker.func_wrap("host", "check", |x: i32| -> hayate::Result<i32> {
            if x < 0 { Err(hayate::Error::msg(format!("negative input {x}"))) } else { Ok(x * 2) }
        })?;
        Ok(())
    })?;
    let run = instance.get_typed_func::<i32, i32>(&store, "run")?;
    assert_eq!(run.call(&mut store, 20)?, 41);
    let err = run.call(&mut store, -3).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Message(m) if m == "negative input -3"), "{err}");
    // The store stays usable after an error.
    assert_eq!(run.call(&mut store, 1)?, 3);
    Ok(())
}

#[test]
fn typed_and_untyped_calls() -> Result<()> {
    let wat = r#"
        (module
          (func (export "mix") (param i32 i64 f32 f64) (result f64 i64)
            (f64.add (f64.convert_i32_s (local.get 0)) (local.get 3))
            (i64.add (local.get 1) (i64.trunc_f32_s (local.get 2))))
          (func (export "fib") (param i64) (result i64)
            (if (result i64) (i64.lt_u (local.get 0) (i64.const 2))
              (then (local.get 0))
              (else (i64.add (call 1 (i64.sub (local.get 0) (i64.const 1)))
                             (call 1 (i64.sub (local.get 0) (i64.const 2))))))))
    "#;
    let (mut store, instance) = instantiate((), wat, |_| Ok(()))?;
    let mix = instance.get_typed_func::<(i32, i64, f32, f64), (f64, i64)>(&store, "mix")?;
    assert_eq!(mix.call(&mut store, (2, 40, 1.9, 0.5))?, (2.5, 41));
    let fib = instance.get_typed_func::<i64, i64>(&store, "fib")?;
    assert_eq!(fib.call(&mut store, 25)?, 75_025);

    let func = instance.get_func(&store, "mix").unwrap();
    let ty = func.ty(&store)?;
    assert_eq!(ty.params(), [ValType::I32, ValType::I64, ValType::F32, ValType::F64]);
    assert_eq!(ty.results(), [ValType::F64, ValType::I64]);
    let mut results = [Val::I32(0), Val::I32(0)];
    func.call(&mut store, &[Val::I32(-1), Val::I64(1), Val::from(2.5f32), Val::from(0.25f64)], &mut results)?;
    assert_eq!(results, [Val::from(-0.75f64), Val::I64(3)]);

    // Mismatches are errors, not panics.
    assert!(instance.get_typed_func::<i32, i32>(&store, "fib").is_err());
    assert!(instance.get_typed_func::<i64, i64>(&store, "nope").is_err());
    assert!(func.call(&mut store, &[Val::I32(0)], &mut results).is_err());
    let wrong_type = [Val::I64(0), Val::I64(1), Val::from(2.5f32), Val::from(0.25f64)];
    assert!(func.call(&mut store, &wrong_type, &mut results).is_err());

    // A host function made with `Func::wrap` is callable the same way.
    let double = Func::wrap(&mut store, |x: i32| x * 2);
    assert_eq!(double.typed::<i32, i32>(&store)?.call(&mut store, 21)?, 42);
    Ok(())
}

#[test]
fn traps_have_codes_and_backtraces() -> Result<()> {
    let wat = r#"
        (module
          (memory 1)
          (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
          (func $middle (export "divide") (param i32) (result i32) (call $inner (local.get 0)))
          (func (export "oob") (result i32) (i32.load (i32.const 65535)))
          (func (export "unreachable") unreachable)
          (func $recurse (export "recurse") (call $recurse)))
    "#;
    let (mut store, instance) = instantiate((), wat, |_| Ok(()))?;
    let divide = instance.get_typed_func::<i32, i32>(&store, "divide")?;
    assert_eq!(divide.call(&mut store, 1)?, 1);
    let err = divide.call(&mut store, 0).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::IntegerDivisionByZero));
    let trap = err.as_trap().unwrap();
    let frames: Vec<_> = trap.backtrace().iter().map(|f| (f.func_index, f.func_name.as_deref())).collect();
    assert_eq!(frames, [(0, Some("inner")), (1, Some("middle"))]);
    let text = err.to_string();
    assert!(text.starts_with("wasm trap: integer divide by zero\nwasm backtrace:"), "{text}");
    assert!(text.contains("0: inner (func 0)"), "{text}");

    let oob = instance.get_typed_func::<(), i32>(&store, "oob")?;
    assert_eq!(oob.call(&mut store, ()).unwrap_err().trap_code(), Some(TrapCode::MemoryOutOfBounds));
    let unreachable = instance.get_typed_func::<(), ()>(&store, "unreachable")?;
    assert_eq!(unreachable.call(&mut store, ()).unwrap_err().trap_code(), Some(TrapCode::Unreachable));
    let recurse = instance.get_typed_func::<(), ()>(&store, "recurse")?;
    assert_eq!(recurse.call(&mut store, ()).unwrap_err().trap_code(), Some(TrapCode::StackOverflow));
    // Still usable after all that.
    assert_eq!(divide.call(&mut store, 1)?, 1);
    Ok(())
}

#[test]
fn max_call_depth_is_configurable() -> Result<()> {
    let engine = Engine::new(Config::new().max_call_depth(50));
    let module = Module::new(
        &engine,
        r#"(module (func $down (export "down") (param i32)
              (if (local.get 0) (then (call $down (i32.sub (local.get 0) (i32.const 1)))))))"#,
    )?;
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
    let down = instance.get_typed_func::<i32, ()>(&store, "down")?;
    down.call(&mut store, 40)?;
    assert_eq!(down.call(&mut store, 60).unwrap_err().trap_code(), Some(TrapCode::StackOverflow));
    Ok(())
}

#[test]
fn instances_link_to_each_others_exports() -> Result<()> {
    let engine = Engine::default();
    let provider = Module::new(
        &engine,
        r#"
        (module
          (memory (export "memory") 1)
          (global (export "counter") (mut i32) (i32.const 10))
          (table (export "table") 2 funcref)
          (func $seven (result i32) (i32.const 7))
          (elem (i32.const 1) $seven)
          (func (export "bump") (result i32)
            (global.set 0 (i32.add (global.get 0) (i32.const 1)))
            (global.get 0)))
        "#,
    )?;
    let consumer = Module::new(
        &engine,
        r#"
        (module
          (import "provider" "memory" (memory 1))
          (import "provider" "counter" (global $counter (mut i32)))
          (import "provider" "table" (table 2 funcref))
          (import "provider" "bump" (func $bump (result i32)))
          (type $get (func (result i32)))
          (func (export "run") (result i32)
            (i32.store (i32.const 8) (call $bump))
            (i32.add (global.get $counter) (call_indirect (type $get) (i32.const 1)))))
        "#,
    )?;
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let provided = linker.instantiate(&mut store, &provider)?;
    linker.instance(&mut store, "provider", provided)?;
    let instance = linker.instantiate(&mut store, &consumer)?;
    let run = instance.get_typed_func::<(), i32>(&store, "run")?;
    assert_eq!(run.call(&mut store, ())?, 11 + 7);
    assert_eq!(run.call(&mut store, ())?, 12 + 7);
    // The consumer wrote through the shared memory and bumped the shared global.
    let memory = provided.get_memory(&store, "memory").unwrap();
    assert_eq!(memory.data(&store).unwrap()[8], 12);
    assert_eq!(provided.get_global(&store, "counter").unwrap().get(&store).unwrap(), Val::I32(12));

    // A missing import names itself.
    let err = Linker::new(&engine).instantiate(&mut store, &consumer).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Unlinkable(_)), "{err}");
    assert!(err.to_string().contains("`provider::memory` has not been defined"), "{err}");
    Ok(())
}

#[test]
fn globals_tables_and_memories_from_the_host() -> Result<()> {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let counter = Global::new(&mut store, GlobalType::new(ValType::I64, Mutability::Var), Val::I64(5))?;
    let constant = Global::new(&mut store, GlobalType::new(ValType::F64, Mutability::Const), Val::from(1.5f64))?;
    assert!(constant.set(&mut store, Val::from(2.0f64)).is_err());
    assert!(counter.set(&mut store, Val::I32(1)).is_err());
    assert_eq!(constant.ty(&store).unwrap().mutability, Mutability::Const);

    let memory = Memory::new(&mut store, MemoryType::new(1, Some(3)))?;
    assert_eq!(memory.size(&store).unwrap(), 1);
    assert_eq!(memory.grow(&mut store, 1)?, 1);
    assert!(memory.grow(&mut store, 5).is_err());
    assert_eq!(memory.data_size(&store).unwrap(), 2 * 65536);
    memory.write(&mut store, 65536, b"page two")?;
    assert!(memory.write(&mut store, 2 * 65536 - 1, b"xx").is_err());

    let table = Table::new(&mut store, TableType::new(ValType::FuncRef, 1, None), Val::FuncRef(None))?;
    let answer = Func::wrap(&mut store, || 42i32);
    assert_eq!(table.grow(&mut store, 2, Val::FuncRef(None))?, 1);
    table.set(&mut store, 2, Val::FuncRef(Some(answer)))?;
    assert_eq!(table.size(&store).unwrap(), 3);
    assert_eq!(table.get(&store, 2).unwrap(), Some(Val::FuncRef(Some(answer))));
    assert_eq!(table.get(&store, 3).unwrap(), None);
    assert!(table.set(&mut store, 3, Val::FuncRef(None)).is_err());

    let module = Module::new(
        &engine,
        r#"
        (module
          (import "host" "counter" (global $counter (mut i64)))
          (import "host" "constant" (global $constant f64))
          (import "host" "memory" (memory 2))
          (import "host" "table" (table 3 funcref))
          (type $get (func (result i32)))
          (func (export "run") (result i64)
            (global.set $counter (i64.add (global.get $counter) (i64.trunc_f64_s (global.get $constant))))
            (i64.add (i64.load (i32.const 65536))
                     (i64.extend_i32_s (call_indirect (type $get) (i32.const 2)))))
          (func (export "size") (result i32) (memory.grow (i32.const 0))))
        "#,
    )?;
    let mut linker = Linker::new(&engine);
    linker
        .define("host", "counter", counter)?
        .define("host", "constant", constant)?
        .define("host", "memory", memory)?
        .define("host", "table", table)?;
    let instance = linker.instantiate(&mut store, &module)?;
    let run = instance.get_typed_func::<(), i64>(&store, "run")?;
    assert_eq!(run.call(&mut store, ())?, i64::from_le_bytes(*b"page two") + 42);
    assert_eq!(counter.get(&store).unwrap(), Val::I64(6));
    assert_eq!(instance.get_typed_func::<(), i32>(&store, "size")?.call(&mut store, ())?, 2);
    Ok(())
}

/// A WASI program whose `write` export calls `fd_write` once with the given arguments and returns
/// the errno. Three ciovecs ("Hello,", " ", "World!\n") sit at address 16; the `nwritten` export
/// reads the `u32` at address 0.
fn fd_write_module(fd: i32, iovs: i32, iovs_len: i32, nwritten: i32) -> String {
    format!(
        r#"
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (memory (export "memory") 1)
          (data (i32.const 16) "\40\00\00\00\06\00\00\00\80\00\00\00\01\00\00\00\90\00\00\00\07\00\00\00")
          (data (i32.const 64) "Hello,")
          (data (i32.const 128) " ")
          (data (i32.const 144) "World!\n")
          (func (export "write") (result i32)
            (call $fd_write (i32.const {fd}) (i32.const {iovs}) (i32.const {iovs_len}) (i32.const {nwritten})))
          (func (export "nwritten") (result i32) (i32.load (i32.const 0))))
        "#
    )
}

/// Runs `write` of [`fd_write_module`]: returns the errno, `nwritten`, stdout and stderr.
fn wasi_write(fd: i32, iovs: i32, iovs_len: i32, nwritten: i32) -> Result<(i32, i32, Vec<u8>, Vec<u8>)> {
    let (stdout, stderr) = (OutputBuffer::new(), OutputBuffer::new());
    let ctx = WasiCtx::builder().stdout(stdout.clone()).stderr(stderr.clone()).build()?;
    let wat = fd_write_module(fd, iovs, iovs_len, nwritten);
    let (mut store, instance) = instantiate(ctx, &wat, |linker| Ok(wasi::add_to_linker(linker, |ctx| ctx)?))?;
    let errno = instance.get_typed_func::<(), i32>(&store, "write")?.call(&mut store, ())?;
    let written = instance.get_typed_func::<(), i32>(&store, "nwritten")?.call(&mut store, ())?;
    Ok((errno, written, stdout.take(), stderr.take()))
}

#[test]
fn wasi_fd_write_gathers_iovecs_into_buffers() -> Result<()> {
    assert_eq!(wasi_write(1, 16, 3, 0)?, (0, 14, b"Hello, World!\n".to_vec(), Vec::new()));
    assert_eq!(wasi_write(2, 24, 2, 0)?, (0, 8, Vec::new(), b" World!\n".to_vec()));
    assert_eq!(wasi_write(1, 16, 0, 0)?, (0, 0, Vec::new(), Vec::new()));
    Ok(())
}

#[test]
fn wasi_fd_write_rejects_bad_descriptors_and_pointers() -> Result<()> {
    let (badf, fault) = (Errno::Badf.code(), Errno::Fault.code());
    assert_eq!((badf, fault), (8, 21));
    assert_eq!(wasi_write(0, 16, 3, 0)?, (badf, 0, Vec::new(), Vec::new()));
    assert_eq!(wasi_write(3, 16, 3, 0)?, (badf, 0, Vec::new(), Vec::new()));
    assert_eq!(wasi_write(-1, 16, 3, 0)?, (badf, 0, Vec::new(), Vec::new()));
    // The iovec array, an iovec's buffer, or `nwritten` out of bounds: nothing is written.
    assert_eq!(wasi_write(1, 65536 - 8, 2, 0)?, (fault, 0, Vec::new(), Vec::new()));
    assert_eq!(wasi_write(1, -8, 1, 0)?, (fault, 0, Vec::new(), Vec::new()));
    assert_eq!(wasi_write(1, 16, 0x2000_0001, 0)?, (fault, 0, Vec::new(), Vec::new()));
    assert_eq!(wasi_write(1, 16, -1, 0)?, (fault, 0, Vec::new(), Vec::new()));
    assert_eq!(wasi_write(1, 16, 3, 65533)?, (fault, 0, Vec::new(), Vec::new()));
    assert_eq!(wasi_write(1, 16, 3, -1)?, (fault, 0, Vec::new(), Vec::new()));
    Ok(())
}

#[test]
fn wasi_fd_write_faults_on_an_iovec_past_the_end_of_memory() -> Result<()> {
    let stdout = OutputBuffer::new();
    let ctx = WasiCtx::builder().stdout(stdout.clone()).build()?;
    let wat = r#"
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "write") (param i32 i32) (result i32)
            (i32.store (i32.const 0) (local.get 0))
            (i32.store (i32.const 4) (local.get 1))
            (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
    "#;
    let (mut store, instance) = instantiate(ctx, wat, |linker| Ok(wasi::add_to_linker(linker, |ctx| ctx)?))?;
    let write = instance.get_typed_func::<(i32, i32), i32>(&store, "write")?;
    assert_eq!(write.call(&mut store, (65530, 6))?, 0);
    assert_eq!(write.call(&mut store, (65530, 7))?, Errno::Fault.code());
    assert_eq!(write.call(&mut store, (-1, 2))?, Errno::Fault.code());
    assert_eq!(write.call(&mut store, (0, -1))?, Errno::Fault.code());
    assert_eq!(stdout.contents(), vec![0u8; 6]);
    Ok(())
}

/// Host data that holds WASI among other things.
struct App {
    wasi: WasiCtx,
    exits: u32,
}

#[test]
fn wasi_args_environ_and_proc_exit() -> Result<()> {
    let stdout = OutputBuffer::new();
    let wasi = WasiCtx::builder().arg("prog").args(["a", "bc"]).env("K", "v=1").stdout(stdout.clone()).build()?;
    let wat = r#"
        (module
          (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
          (import "app" "count_exit" (func $count_exit))
          (memory (export "memory") 1)
          (func (export "args") (param i32 i32) (result i32)
            (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
            (call $args_get (local.get 0) (local.get 1)))
          (func (export "environ") (param i32 i32) (result i32)
            (drop (call $environ_sizes_get (i32.const 0) (i32.const 4)))
            (call $environ_get (local.get 0) (local.get 1)))
          (func (export "sizes") (param i32 i32) (result i32)
            (call $args_sizes_get (local.get 0) (local.get 1)))
          (func (export "exit") (param i32)
            (call $count_exit)
            (call $proc_exit (local.get 0))
            unreachable))
    "#;
    let (mut store, instance) = instantiate(App { wasi, exits: 0 }, wat, |linker| {
        wasi::add_to_linker(linker, |app: &mut App| &mut app.wasi)?;
        linker.func_wrap("app", "count_exit", |mut caller: Caller<'_, App>| caller.data_mut().exits += 1)?;
        Ok(())
    })?;
    let memory = instance.get_memory(&store, "memory").unwrap();
    let read_u32 =
        |store: &Store<App>, at: usize| u32::from_le_bytes(memory.data(store).unwrap()[at..at + 4].try_into().unwrap());

    let args = instance.get_typed_func::<(i32, i32), i32>(&store, "args")?;
    assert_eq!(args.call(&mut store, (100, 200))?, 0);
    assert_eq!((read_u32(&store, 0), read_u32(&store, 4)), (3, 10));
    assert_eq!(&memory.data(&store).unwrap()[200..210], b"prog\0a\0bc\0");
    assert_eq!([read_u32(&store, 100), read_u32(&store, 104), read_u32(&store, 108)], [200, 205, 207]);
    assert_eq!(args.call(&mut store, (100, 65530))?, Errno::Fault.code());
    assert_eq!(args.call(&mut store, (65534, 200))?, Errno::Fault.code());

    let environ = instance.get_typed_func::<(i32, i32), i32>(&store, "environ")?;
    assert_eq!(environ.call(&mut store, (300, 400))?, 0);
    assert_eq!((read_u32(&store, 0), read_u32(&store, 4)), (1, 6));
    assert_eq!(&memory.data(&store).unwrap()[400..406], b"K=v=1\0");
    assert_eq!(read_u32(&store, 300), 400);

    let sizes = instance.get_typed_func::<(i32, i32), i32>(&store, "sizes")?;
    assert_eq!(sizes.call(&mut store, (65536, 0))?, Errno::Fault.code());
    assert_eq!(sizes.call(&mut store, (0, 65533))?, Errno::Fault.code());

    let exit = instance.get_typed_func::<i32, ()>(&store, "exit")?;
    let err = exit.call(&mut store, 17).unwrap_err();
    assert_eq!(err.i32_exit_status(), Some(17));
    assert!(err.as_trap().is_none());
    assert_eq!(store.data().exits, 1);
    assert!(stdout.contents().is_empty());
    Ok(())
}

#[test]
fn wasi_imports_hayate_lacks_fail_instantiation_by_name() -> Result<()> {
    let wat = r#"
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_frobnicate"
            (func (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32))))
    "#;
    let ctx = WasiCtx::builder().build()?;
    let Err(err) = instantiate(ctx, wat, |linker| Ok(wasi::add_to_linker(linker, |ctx| ctx)?)) else {
        panic!("a module importing `path_frobnicate` was instantiated");
    };
    let err = err.downcast::<hayate::Error>()?;
    assert!(matches!(err.kind(), ErrorKind::Unlinkable(_)), "{err}");
    assert!(err.to_string().contains("unknown import: `wasi_snapshot_preview1::path_frobnicate` has not been defined"));
    Ok(())
}

#[test]
fn wasi_without_an_exported_memory_is_an_error() -> Result<()> {
    let wat = r#"
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (memory 1)
          (func (export "write") (result i32)
            (call $fd_write (i32.const 1) (i32.const 0) (i32.const 0) (i32.const 0))))
    "#;
    let ctx = WasiCtx::builder().stdout(OutputBuffer::new()).build()?;
    let (mut store, instance) = instantiate(ctx, wat, |linker| Ok(wasi::add_to_linker(linker, |ctx| ctx)?))?;
    let err = instance.get_typed_func::<(), i32>(&store, "write")?.call(&mut store, ()).unwrap_err();
    assert!(err.to_string().contains("`fd_write`") && err.to_string().contains("`memory`"), "{err}");
    Ok(())
}

#[test]
fn wasi_ctx_builder_rejects_nul_bytes_and_bad_names() {
    assert!(WasiCtx::builder().arg("a\0b").build().unwrap_err().to_string().contains("NUL"));
    assert!(WasiCtx::builder().env("A", "x\0").build().is_err());
    assert!(WasiCtx::builder().env("A=B", "x").build().unwrap_err().to_string().contains("`A=B`"));
    assert!(WasiCtx::builder().env("", "x").build().is_err());
}

#[test]
fn func_new_with_explicit_signature() -> Result<()> {
    let wat = r#"
        (module
          (import "host" "swap" (func $swap (param i64 f32) (result f32 i64)))
          (func (export "run") (result f32 i64)
            (call $swap (i64.const 9) (f32.const 2.5))))
    "#;
    let (mut store, instance) = instantiate((), wat, |linker| {
        let ty = FuncType::new([ValType::I64, ValType::F32], [ValType::F32, ValType::I64]);
        linker.func_new("host", "swap", ty, |_caller, params, results| {
            results[0] = params[1].clone();
            results[1] = params[0].clone();
            Ok(())
        })?;
        Ok(())
    })?;
    assert_eq!(instance.get_typed_func::<(), (f32, i64)>(&store, "run")?.call(&mut store, ())?, (2.5, 9));
    Ok(())
}

// ---- Embedding soundness (issue #16): objects of one store are refused by another, host
// references are reclaimed, host functions are added once, typed reference parameters, limiter.

/// Two stores of one engine, each with an instance exporting `id` (returns its store's tag) and a
/// table, memory and global.
fn two_stores() -> Result<[(Store<()>, hayate::Instance); 2]> {
    let engine = Engine::default();
    let make = |tag: i32| -> Result<(Store<()>, hayate::Instance)> {
        let module = Module::new(
            &engine,
            format!(
                r#"(module
                     (func (export "id") (result i32) (i32.const {tag}))
                     (func (export "call") (param funcref) (result i32) (i32.const 0))
                     (table (export "t") 2 funcref)
                     (memory (export "m") 1)
                     (global (export "g") (mut i32) (i32.const {tag})))"#
            ),
        )?;
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
        Ok((store, instance))
    };
    Ok([make(222)?, make(333)?])
}

fn is_wrong_store(e: hayate::Error) -> bool {
    e.to_string().contains("used with a store it does not belong to")
}

#[test]
fn objects_of_one_store_are_refused_by_another() -> Result<()> {
    let [(mut a, ia), (b, ib)] = two_stores()?;
    let fb = ib.get_func(&b, "id").unwrap();
    // Reproducer: store B's function called with store A ran A's function of the same index.
    let mut out = [Val::I32(0)];
    assert!(is_wrong_store(fb.call(&mut a, &[], &mut out).unwrap_err()));
    assert!(is_wrong_store(fb.typed::<(), i32>(&b)?.call(&mut a, ()).unwrap_err()));
    assert!(is_wrong_store(fb.ty(&a).unwrap_err()));
    // As a reference value: a parameter, a table element, a global's initial value.
    let call = ia.get_func(&a, "call").unwrap();
    assert!(is_wrong_store(call.call(&mut a, &[Val::FuncRef(Some(fb))], &mut out).unwrap_err()));
    let ta = ia.get_table(&a, "t").unwrap();
    assert!(is_wrong_store(ta.set(&mut a, 0, Val::FuncRef(Some(fb))).unwrap_err()));
    assert!(is_wrong_store(ta.grow(&mut a, 1, Val::FuncRef(Some(fb))).unwrap_err()));
    let ty = GlobalType { content: ValType::FuncRef, mutability: Mutability::Var };
    assert!(is_wrong_store(Global::new(&mut a, ty, Val::FuncRef(Some(fb))).unwrap_err()));
    // Memories, tables, globals and instances of B.
    let (mb, tb, gb) =
        (ib.get_memory(&b, "m").unwrap(), ib.get_table(&b, "t").unwrap(), ib.get_global(&b, "g").unwrap());
    assert!(is_wrong_store(mb.data(&a).unwrap_err()));
    assert!(is_wrong_store(mb.grow(&mut a, 1).unwrap_err()));
    assert!(is_wrong_store(mb.write(&mut a, 0, b"x").unwrap_err()));
    assert!(is_wrong_store(tb.size(&a).unwrap_err()));
    assert!(is_wrong_store(tb.get(&a, 0).unwrap_err()));
    assert!(is_wrong_store(gb.get(&a).unwrap_err()));
    assert!(is_wrong_store(gb.set(&mut a, Val::I32(1)).unwrap_err()));
    assert!(ib.get_export(&a, "id").is_none());
    assert!(is_wrong_store(ib.exports(&a).unwrap_err()));
    assert!(is_wrong_store(ib.get_typed_func::<(), i32>(&a, "id").unwrap_err()));
    // As an import.
    let importer = Module::new(a.engine(), r#"(module (import "x" "id" (func (result i32))))"#)?;
    assert!(is_wrong_store(hayate::Instance::new(&mut a, &importer, &[Extern::Func(fb)]).unwrap_err()));
    let mut linker = Linker::new(a.engine());
    linker.define("x", "id", fb)?;
    assert!(is_wrong_store(linker.instantiate(&mut a, &importer).unwrap_err()));
    // Store A is unharmed, and B's function still works with B.
    assert_eq!(ia.get_typed_func::<(), i32>(&a, "id")?.call(&mut a, ())?, 222);
    Ok(())
}

#[test]
fn externrefs_are_refused_by_another_store() -> Result<()> {
    let engine = Engine::default();
    let module =
        Module::new(&engine, r#"(module (func (export "id") (param externref) (result externref) local.get 0))"#)?;
    let (mut a, mut b) = (Store::new(&engine, ()), Store::new(&engine, ()));
    let ia = Linker::new(&engine).instantiate(&mut a, &module)?;
    let from_b = hayate::ExternRef::new(&mut b, 7u32);
    let id = ia.get_typed_func::<Option<hayate::ExternRef>, Option<hayate::ExternRef>>(&a, "id")?;
    assert!(is_wrong_store(id.call(&mut a, Some(from_b.clone())).unwrap_err()));
    assert!(is_wrong_store(from_b.data(&a).unwrap_err()));
    let from_a = hayate::ExternRef::new(&mut a, 8u32);
    let back = id.call(&mut a, Some(from_a.clone()))?.unwrap();
    assert_eq!(back, from_a);
    assert_eq!(back.data(&a)?.downcast_ref::<u32>(), Some(&8));
    Ok(())
}

/// A host value that counts its drops.
struct Counted(std::sync::Arc<std::sync::atomic::AtomicUsize>);
impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

#[test]
fn externrefs_no_longer_reachable_are_dropped() -> Result<()> {
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    let wat = r#"
        (module
          (table $t (export "t") 1 externref)
          (global $g (export "g") (mut externref) (ref.null extern))
          (func (export "pass") (param externref) (result i32) (ref.is_null (local.get 0)))
          (func (export "keep") (param externref) (table.set $t (i32.const 0) (local.get 0)))
          (func (export "keep_global") (param externref) (global.set $g (local.get 0))))
    "#;
    let (mut store, instance) = instantiate((), wat, |_| Ok(()))?;
    type R = Option<hayate::ExternRef>;
    let pass = instance.get_typed_func::<R, i32>(&store, "pass")?;
    let keep = instance.get_typed_func::<R, ()>(&store, "keep")?;
    let keep_global = instance.get_typed_func::<R, ()>(&store, "keep_global")?;
    let dropped = std::sync::Arc::new(AtomicUsize::new(0));
    let value = |store: &mut Store<()>, n: u32| hayate::ExternRef::new(store, (Counted(dropped.clone()), n));
    let kept = value(&mut store, 1);
    keep.call(&mut store, Some(kept))?;
    let kept_global = value(&mut store, 2);
    keep_global.call(&mut store, Some(kept_global))?;
    // Reproducer: a loop that creates references grew the store without bound.
    const N: usize = 10_000_000;
    for i in 0..N {
        let r = value(&mut store, i as u32);
        assert_eq!(pass.call(&mut store, Some(r))?, 0);
    }
    let live = N - dropped.load(Relaxed);
    assert!(live < 5_000, "{live} of {N} references still alive");
    // What Wasm still holds survived every collection.
    let t = instance.get_table(&store, "t").unwrap();
    let Some(Val::ExternRef(Some(r))) = t.get(&store, 0)? else { panic!("table lost its reference") };
    assert_eq!(r.data(&store)?.downcast_ref::<(Counted, u32)>().map(|v| v.1), Some(1));
    let g = instance.get_global(&store, "g").unwrap();
    let Val::ExternRef(Some(r)) = g.get(&store)? else { panic!("global lost its reference") };
    assert_eq!(r.data(&store)?.downcast_ref::<(Counted, u32)>().map(|v| v.1), Some(2));
    Ok(())
}

#[test]
fn a_linker_adds_each_host_function_to_a_store_once() -> Result<()> {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (import "host" "f" (func (result i32))) (func (export "g") (result i32) call 0))"#,
    )?;
    let mut linker = Linker::<()>::new(&engine);
    linker.func_wrap("host", "f", || 5)?;
    let mut store = Store::new(&engine, ());
    let first = linker.get(&mut store, "host", "f").unwrap();
    for _ in 0..1000 {
        let instance = linker.instantiate(&mut store, &module)?;
        assert_eq!(instance.get_typed_func::<(), i32>(&store, "g")?.call(&mut store, ())?, 5);
    }
    // Reproducer: every instantiation added the linker's host functions to the store again.
    assert_eq!(linker.get(&mut store, "host", "f").unwrap(), first);
    // Another store gets its own.
    let mut other = Store::new(&engine, ());
    assert_ne!(linker.get(&mut other, "host", "f").unwrap(), first);
    Ok(())
}

#[test]
fn typed_funcs_take_and_return_references() -> Result<()> {
    let wat = r#"
        (module
          (func $five (export "five") (result i32) (i32.const 5))
          (table 1 funcref)
          (elem declare func $five)
          (func (export "get_five") (result funcref) (ref.func $five))
          (func (export "call") (param funcref) (result i32)
            (table.set (i32.const 0) (local.get 0))
            (call_indirect (result i32) (i32.const 0)))
          (func (export "swap") (param externref funcref) (result funcref externref)
            (local.get 1) (local.get 0)))
    "#;
    let (mut store, instance) = instantiate((), wat, |_| Ok(()))?;
    let get_five = instance.get_typed_func::<(), Option<Func>>(&store, "get_five")?;
    let five = get_five.call(&mut store, ())?.unwrap();
    assert_eq!(five, instance.get_func(&store, "five").unwrap());
    let call = instance.get_typed_func::<Option<Func>, i32>(&store, "call")?;
    assert_eq!(call.call(&mut store, Some(five))?, 5);
    assert_eq!(call.call(&mut store, None).unwrap_err().trap_code(), Some(TrapCode::IndirectCallToNull));
    let swap = instance
        .get_typed_func::<(Option<hayate::ExternRef>, Option<Func>), (Option<Func>, Option<hayate::ExternRef>)>(
            &store, "swap",
        )?;
    let r = hayate::ExternRef::new(&mut store, "text");
    let (f, back) = swap.call(&mut store, (Some(r.clone()), None))?;
    assert_eq!((f, back), (None, Some(r)));
    // Host functions take and return them too.
    let engine = store.engine().clone();
    let module = Module::new(
        &engine,
        r#"(module (import "h" "pick" (func $pick (param funcref externref) (result externref)))
                   (func (export "run") (param externref) (result externref)
                     (call $pick (ref.null func) (local.get 0))))"#,
    )?;
    let mut linker = Linker::new(&engine);
    linker.func_wrap("h", "pick", |f: Option<Func>, r: Option<hayate::ExternRef>| {
        assert!(f.is_none());
        r
    })?;
    let instance = linker.instantiate(&mut store, &module)?;
    let run = instance.get_typed_func::<Option<hayate::ExternRef>, Option<hayate::ExternRef>>(&store, "run")?;
    let r = hayate::ExternRef::new(&mut store, 99u64);
    assert_eq!(run.call(&mut store, Some(r.clone()))?, Some(r));
    Ok(())
}

/// A limiter that allows memories up to `max` bytes and counts what it was asked.
struct Capped {
    max: usize,
    asked: Vec<(usize, usize)>,
}

impl hayate::ResourceLimiter for Capped {
    fn memory_growing(&mut self, current: usize, desired: usize, _maximum: Option<usize>) -> hayate::Result<bool> {
        self.asked.push((current, desired));
        Ok(desired <= self.max)
    }
    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> hayate::Result<bool> {
        if desired > 100 {
            return Err(hayate::Error::msg("tables stay small here"));
        }
        Ok(true)
    }
}

#[test]
fn a_resource_limiter_decides_memory_and_table_growth() -> Result<()> {
    let wat = r#"
        (module
          (memory (export "m") 1)
          (table 0 funcref)
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
          (func (export "grow_table") (param i32) (result i32) (table.grow (ref.null func) (local.get 0))))
    "#;
    let engine = Engine::default();
    let module = Module::new(&engine, wat)?;
    let mut store = Store::new(&engine, Capped { max: 3 * 65536, asked: Vec::new() });
    store.limiter(|c| c);
    let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
    let grow = instance.get_typed_func::<i32, i32>(&store, "grow")?;
    assert_eq!(grow.call(&mut store, 1)?, 1);
    assert_eq!(grow.call(&mut store, 2)?, -1, "refused by the limiter");
    assert_eq!(grow.call(&mut store, 1)?, 2);
    let m = instance.get_memory(&store, "m").unwrap();
    assert!(m.grow(&mut store, 1).is_err(), "the API asks it too");
    assert_eq!(store.data().asked, [(0, 65536), (65536, 131072), (131072, 262144), (131072, 196608), (196608, 262144)]);
    // An error from the limiter stops the Wasm that asked.
    let grow_table = instance.get_typed_func::<i32, i32>(&store, "grow_table")?;
    assert_eq!(grow_table.call(&mut store, 10)?, 0);
    let e = grow_table.call(&mut store, 1000).unwrap_err();
    assert!(e.to_string().contains("tables stay small here"), "{e}");
    assert_eq!(grow_table.call(&mut store, 1)?, 10, "the store stays usable");
    // Creating a memory larger than allowed fails.
    let big = Module::new(&engine, "(module (memory 8))")?;
    assert!(Linker::new(&engine).instantiate(&mut store, &big).is_err());
    Ok(())
}

#[test]
fn host_panics_leave_the_store_usable() -> Result<()> {
    let wat = r#"
        (module
          (import "host" "fail" (func $fail (param i32)))
          (func (export "run") (param i32) (result i32)
            (call $fail (local.get 0))
            (i32.add (local.get 0) (i32.const 1))))
    "#;
    let (mut store, instance) = instantiate((), wat, |linker| {
        linker.func_wrap("host", "fail", |x: i32| {
            if x < 0 {
                // `resume_unwind` unwinds like a panic without running the panic hook, which
                // keeps the test's output quiet.
                std::panic::resume_unwind(Box::new("host gave up"));
            }
        })?;
        Ok(())
    })?;
    let run = instance.get_typed_func::<i32, i32>(&store, "run")?;
    for i in 0..1000 {
        let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run.call(&mut store, -1)));
        assert!(unwound.is_err(), "call {i} returned {:?} instead of unwinding", unwound.unwrap());
    }
    assert_eq!(run.call(&mut store, 41)?, 42);
    Ok(())
}

#[test]
fn host_functions_with_many_parameters_and_results() -> Result<()> {
    // Arguments and results are read and written in the caller's registers directly.
    let params = (1..=20).map(|i| format!("(local.get {})", i - 1)).collect::<Vec<_>>().join(" ");
    let wat = format!(
        r#"(module
             (import "host" "sum" (func $sum (param {p}) (result i64 i32 i64)))
             (func (export "run") (param {p}) (result i64 i32 i64) (call $sum {params})))"#,
        p = "i64 ".repeat(20),
    );
    let ty = FuncType::new(vec![ValType::I64; 20], [ValType::I64, ValType::I32, ValType::I64]);
    let (mut store, instance) = instantiate((), &wat, |linker| {
        linker.func_new("host", "sum", ty, |_, args, out| {
            let sum: i64 = args.iter().map(|a| a.i64().unwrap()).sum();
            out[0] = Val::I64(sum);
            out[1] = Val::I32(args.len() as i32);
            out[2] = Val::I64(args[19].i64().unwrap() * 100);
            Ok(())
        })?;
        Ok(())
    })?;
    let run = instance.get_func(&store, "run").unwrap();
    let args: Vec<Val> = (1..=20).map(Val::I64).collect();
    let mut out = [Val::I64(0), Val::I32(0), Val::I64(0)];
    run.call(&mut store, &args, &mut out)?;
    assert_eq!(out, [Val::I64(210), Val::I32(20), Val::I64(2000)]);
    Ok(())
}

/// Host-made 64-bit memories and tables and 1-byte pages: their types read back, and an import
/// matches only a memory of the same index type and page size.
#[test]
fn memory64_and_page_size_types() -> Result<()> {
    let engine = Engine::default();
    let mut store = Store::new(&engine, ());
    let wide = Memory::new(&mut store, MemoryType::new64(1, Some(1 << 40)))?;
    let ty = wide.ty(&store)?;
    assert!(ty.is_64());
    assert_eq!((ty.minimum(), ty.maximum(), ty.page_size()), (1, Some(1 << 40), 65536));
    assert_eq!(wide.grow(&mut store, 1)?, 1);
    let bytes = Memory::new(&mut store, MemoryType::new(10, Some(20)).with_page_size_log2(0))?;
    assert_eq!((bytes.size(&store)?, bytes.page_size(&store)?, bytes.data_size(&store)?), (10, 1, 10));
    assert_eq!(bytes.grow(&mut store, 10)?, 10);
    assert!(bytes.grow(&mut store, 1).is_err());
    assert!(Memory::new(&mut store, MemoryType::new(1, None).with_page_size_log2(12)).is_err());
    let table = Table::new(&mut store, TableType::new64(ValType::FuncRef, 2, Some(1 << 40)), Val::FuncRef(None))?;
    assert!(table.ty(&store)?.is_64());
    assert_eq!(table.size(&store)?, 2);

    let importer = |ty: &str| Module::new(&engine, format!(r#"(module (import "host" "m" (memory {ty})))"#));
    for (memory, ty, ok) in [
        (wide, "i64 1", true),
        (wide, "1", false),
        (bytes, "1 (pagesize 1)", true),
        (bytes, "0 (pagesize 65536)", false),
    ] {
        let mut linker = Linker::new(&engine);
        linker.define("host", "m", memory)?;
        let result = linker.instantiate(&mut store, &importer(ty)?);
        assert_eq!(result.is_ok(), ok, "import (memory {ty})");
    }
    Ok(())
}

/// Each `Config::wasm_*` switch: the module using the feature loads by default and is refused as
/// unsupported with the feature off.
#[test]
fn every_feature_can_be_turned_off() {
    type Switch = fn(&mut hayate::Config) -> &mut hayate::Config;
    let cases: [(&str, Switch, &str); 15] = [
        ("multi-value", |c| c.wasm_multi_value(false), "(func (result i32 i32) i32.const 1 i32.const 2)"),
        (
            "bulk memory",
            |c| c.wasm_bulk_memory(false),
            "(memory 1) (func (memory.fill (i32.const 0) (i32.const 0) (i32.const 0)))",
        ),
        ("reference types", |c| c.wasm_reference_types(false), "(func (param externref))"),
        ("sign extension", |c| c.wasm_sign_extension(false), "(func (result i32) (i32.extend8_s (i32.const 1)))"),
        (
            "saturating conversions",
            |c| c.wasm_saturating_float_to_int(false),
            "(func (result i32) (i32.trunc_sat_f32_s (f32.const 1)))",
        ),
        ("mutable globals", |c| c.wasm_mutable_global(false), "(global (export \"g\") (mut i32) (i32.const 0))"),
        ("extended constants", |c| c.wasm_extended_const(false), "(global i32 (i32.add (i32.const 1) (i32.const 2)))"),
        ("tail calls", |c| c.wasm_tail_call(false), "(func $f (return_call $f))"),
        (
            "wide arithmetic",
            |c| c.wasm_wide_arithmetic(false),
            "(func (result i64 i64) (i64.mul_wide_u (i64.const 1) (i64.const 2)))",
        ),
        ("function references", |c| c.wasm_function_references(false), "(type $t (func)) (func (param (ref null $t)))"),
        ("multi-memory", |c| c.wasm_multi_memory(false), "(memory 1) (memory 1)"),
        ("memory64", |c| c.wasm_memory64(false), "(memory i64 1)"),
        ("custom page sizes", |c| c.wasm_custom_page_sizes(false), "(memory 1 (pagesize 1))"),
        (
            "relaxed SIMD",
            |c| c.wasm_relaxed_simd(false),
            "(func (param v128) (result v128) (i8x16.relaxed_swizzle (local.get 0) (local.get 0)))",
        ),
        (
            "relaxed SIMD without SIMD",
            |c| c.wasm_simd(false),
            "(func (param v128) (result v128) (i8x16.relaxed_swizzle (local.get 0) (local.get 0)))",
        ),
    ];
    for (name, switch_off, body) in cases {
        let wat = format!("(module {body})");
        Module::new(&Engine::default(), &wat).unwrap_or_else(|e| panic!("{name} on: {e}"));
        let mut config = hayate::Config::new();
        switch_off(&mut config);
        let e = Module::new(&Engine::new(&config), &wat).expect_err(name);
        assert!(matches!(e.kind(), hayate::ErrorKind::Unsupported(_)), "{name} off: {e}");
    }
}

#[test]
fn typed_function_references_in_the_api() -> Result<()> {
    use hayate::{HeapType, RefType};
    let wat = r#"
        (module
          (type $i2i (func (param i32) (result i32)))
          (func $inc (export "inc") (type $i2i) (i32.add (local.get 0) (i32.const 1)))
          (func (export "nullary") (result i32) (i32.const 0))
          (global (export "g") (ref $i2i) (ref.func $inc))
          (func (export "apply") (param $f (ref $i2i)) (param $x i32) (result i32)
            (call_ref $i2i (local.get $x) (local.get $f)))
          (func (export "maybe") (param $f (ref null $i2i)) (result i32)
            (ref.is_null (local.get $f))))
    "#;
    let (mut store, instance) = instantiate((), wat, |_| Ok(()))?;
    let engine = store.engine().clone();
    let inc = instance.get_func(&store, "inc").unwrap();
    let nullary = instance.get_func(&store, "nullary").unwrap();
    let apply = instance.get_func(&store, "apply").unwrap();
    // The signature names the concrete type by its engine-wide id.
    let ty = apply.ty(&store)?;
    let id = engine.func_type_id(&inc.ty(&store)?);
    let typed = ValType::from(RefType::new(false, HeapType::Concrete(id)));
    assert_eq!(ty.params(), [typed, ValType::I32]);
    assert_eq!(engine.func_type(id), Some(FuncType::new([ValType::I32], [ValType::I32])));
    assert!(typed.matches(ValType::FuncRef) && !ValType::FuncRef.matches(typed));
    // The nullable abstract reference types are the shorthands.
    assert_eq!(ValType::from(RefType::FUNCREF), ValType::FuncRef);
    assert_eq!(ValType::Ref(RefType::EXTERNREF), ValType::ExternRef);
    assert_eq!(ValType::FuncRef.ref_type(), Some(RefType::new(true, HeapType::Func)));
    // Arguments are checked against the typed reference: signature and nullability.
    let mut out = [Val::I32(0)];
    apply.call(&mut store, &[Val::FuncRef(Some(inc)), Val::I32(41)], &mut out)?;
    assert_eq!(out[0].i32(), Some(42));
    assert!(apply.call(&mut store, &[Val::FuncRef(Some(nullary)), Val::I32(1)], &mut out).is_err());
    assert!(apply.call(&mut store, &[Val::FuncRef(None), Val::I32(1)], &mut out).is_err());
    let maybe = instance.get_func(&store, "maybe").unwrap();
    maybe.call(&mut store, &[Val::FuncRef(None)], &mut out)?;
    assert_eq!(out[0].i32(), Some(1));
    // A typed function cannot take a plain funcref where a typed reference is expected.
    assert!(instance.get_typed_func::<(Option<Func>, i32), i32>(&store, "apply").is_err());
    // The global's value reads back as a function reference; its type is the typed one.
    let g = instance.get_global(&store, "g").unwrap();
    assert_eq!(g.ty(&store)?.content, typed);
    assert!(matches!(g.get(&store)?, Val::FuncRef(Some(f)) if f == inc));
    // An immutable global of a subtype satisfies an import of a supertype, not the other way.
    let sub = Module::new(&engine, r#"(module (import "m" "g" (global funcref)))"#)?;
    hayate::Instance::new(&mut store, &sub, &[Extern::Global(g)])?;
    let sup = Global::new(&mut store, GlobalType::new(ValType::FuncRef, Mutability::Const), Val::FuncRef(Some(inc)))?;
    let wants_typed = Module::new(
        &engine,
        r#"(module (type $i2i (func (param i32) (result i32)))
        (import "m" "g" (global (ref $i2i))))"#,
    )?;
    assert!(hayate::Instance::new(&mut store, &wants_typed, &[Extern::Global(sup)]).is_err());
    // A host global of a typed reference type takes only functions of that signature.
    let gty = GlobalType::new(typed, Mutability::Const);
    assert!(Global::new(&mut store, gty, Val::FuncRef(Some(nullary))).is_err());
    assert!(Global::new(&mut store, gty, Val::FuncRef(None)).is_err());
    let host_g = Global::new(&mut store, gty, Val::FuncRef(Some(inc)))?;
    hayate::Instance::new(&mut store, &wants_typed, &[Extern::Global(host_g)])?;
    // A typed reference result may be read as a plain `Option<Func>` (a supertype).
    let wat = r#"(module (type $t (func)) (func $f (type $t)) (elem declare func $f)
        (func (export "get") (result (ref $t)) (ref.func $f)))"#;
    let (mut store, instance) = instantiate((), wat, |_| Ok(()))?;
    let get = instance.get_typed_func::<(), Option<Func>>(&store, "get")?;
    assert!(get.call(&mut store, ())?.is_some());
    Ok(())
}

/// `v128` values cross the API as [`V128`]: untyped and typed calls (a `v128` takes two cells,
/// so the values after it move), typed host functions and host functions over [`Val`]s.
#[test]
fn v128_values_cross_the_api() -> Result<()> {
    let wat = r#"
        (module
          (import "host" "twice" (func $twice (param i64 v128) (result v128 i32)))
          (import "host" "swap" (func $swap (param v128 v128) (result v128 v128)))
          (func (export "f") (param i32 v128 i64) (result v128 i32 i64)
            (call $twice (local.get 2) (local.get 1))
            (drop)
            (local.get 0)
            (local.get 2))
          (func (export "g") (param v128 v128) (result v128 v128)
            (call $swap (local.get 0) (local.get 1))))
    "#;
    let (mut store, instance) = instantiate((), wat, |linker| {
        linker.func_wrap("host", "twice", |k: i64, v: V128| (V128::from(v.as_u128() * k as u128), 7i32))?;
        let ty = FuncType::new([ValType::V128, ValType::V128], [ValType::V128, ValType::V128]);
        linker.func_new("host", "swap", ty, |_caller, args, results| {
            results[0] = args[1].clone();
            results[1] = args[0].clone();
            Ok(())
        })?;
        Ok(())
    })?;
    let big = (3u128 << 100) | 5;
    let f = instance.get_typed_func::<(i32, V128, i64), (V128, i32, i64)>(&store, "f")?;
    assert_eq!(f.call(&mut store, (1, V128::from(big), 2))?, (V128::from(big * 2), 1, 2));
    let func = instance.get_func(&store, "f").expect("exported");
    let mut results = [Val::I32(0), Val::I32(0), Val::I32(0)];
    func.call(&mut store, &[Val::I32(-1), Val::V128(V128::from(big)), Val::I64(3)], &mut results)?;
    assert_eq!(results, [Val::V128(V128::from(big * 3)), Val::I32(-1), Val::I64(3)]);
    let g = instance.get_typed_func::<(V128, V128), (V128, V128)>(&store, "g")?;
    assert_eq!(g.call(&mut store, (V128::from(1), V128::from(big)))?, (V128::from(big), V128::from(1)));
    assert_eq!(Val::from(V128::from(9)).ty(), ValType::V128);
    assert_eq!(Val::default_for(ValType::V128).v128(), Some(V128::from(0)));
    // A typed view must match: a v128 is not an i64 pair.
    assert!(instance.get_typed_func::<(i32, i64, i64, i64), (V128, i32, i64)>(&store, "f").is_err());
    Ok(())
}
