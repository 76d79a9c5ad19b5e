//! The `wasi_snapshot_preview1` host functions and [`add_to_linker`], which defines them.
//!
//! Each function is a plain Rust function over the [`Caller`] and its `i32` arguments. Errors the
//! guest should see are [`Errno`] values returned as the function's `i32` result; a
//! [`crate::Error`] (a missing memory export, `proc_exit`) unwinds the guest instead.

use super::ctx::WasiCtx;
use super::errno::Errno;
use super::guest::{StringList, addr, gather_ciovecs, slice, write_string_list, write_u32};
use crate::error::{Error, ErrorKind, Result};
use crate::runtime::{Caller, Extern, Linker, Memory};

/// The import module name of WASI preview1.
pub const MODULE: &str = "wasi_snapshot_preview1";

/// Buffers larger than this are not kept for reuse between `fd_write` calls.
const MAX_KEPT_SCRATCH: usize = 1 << 16;

/// Defines the WASI preview1 functions hayate implements in `linker`, under [`MODULE`]:
/// `fd_write` (to stdout and stderr), `proc_exit`, `args_sizes_get`, `args_get`,
/// `environ_sizes_get` and `environ_get`.
///
/// `get` finds the [`WasiCtx`] in the store's host data. A module that imports any other WASI
/// function fails to instantiate with an error naming the import.
///
/// ```
/// use hayate::wasi::{self, OutputBuffer, WasiCtx};
/// use hayate::{Engine, Linker, Module, Store};
///
/// let engine = Engine::default();
/// let stdout = OutputBuffer::new();
/// let ctx = WasiCtx::builder().arg("greet").stdout(stdout.clone()).build()?;
/// let mut store = Store::new(&engine, ctx);
/// let mut linker = Linker::new(&engine);
/// wasi::add_to_linker(&mut linker, |ctx| ctx)?;
/// let module = Module::new(&engine, r#"
///     (module
///       (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
///       (memory (export "memory") 1)
///       (data (i32.const 16) "hi\n")
///       (func (export "_start")
///         (i32.store (i32.const 0) (i32.const 16))
///         (i32.store (i32.const 4) (i32.const 3))
///         (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
/// "#)?;
/// let instance = linker.instantiate(&mut store, &module)?;
/// instance.get_typed_func::<(), ()>(&store, "_start")?.call(&mut store, ())?;
/// assert_eq!(stdout.contents(), b"hi\n");
/// # Ok::<(), hayate::Error>(())
/// ```
pub fn add_to_linker<T: 'static>(
    linker: &mut Linker<T>,
    get: impl Fn(&mut T) -> &mut WasiCtx + Send + Sync + Copy + 'static,
) -> Result<()> {
    linker.func_wrap(
        MODULE,
        "fd_write",
        move |caller: Caller<'_, T>, fd: i32, iovs: i32, iovs_len: i32, nwritten: i32| -> Result<i32> {
            fd_write(caller, get, addr(fd), addr(iovs), addr(iovs_len), addr(nwritten)).map(errno)
        },
    )?;
    linker.func_wrap(MODULE, "proc_exit", |code: i32| -> Result<()> { Err(Error::new(ErrorKind::Exit(code))) })?;
    linker.func_wrap(MODULE, "args_sizes_get", move |mut caller: Caller<'_, T>, count: i32, size: i32| {
        let args = get(caller.data_mut()).args.clone();
        list_sizes_get(caller, "args_sizes_get", &args, addr(count), addr(size)).map(errno)
    })?;
    linker.func_wrap(MODULE, "args_get", move |mut caller: Caller<'_, T>, ptrs: i32, buf: i32| {
        let args = get(caller.data_mut()).args.clone();
        list_get(caller, "args_get", &args, addr(ptrs), addr(buf)).map(errno)
    })?;
    linker.func_wrap(MODULE, "environ_sizes_get", move |mut caller: Caller<'_, T>, count: i32, size: i32| {
        let env = get(caller.data_mut()).env.clone();
        list_sizes_get(caller, "environ_sizes_get", &env, addr(count), addr(size)).map(errno)
    })?;
    linker.func_wrap(MODULE, "environ_get", move |mut caller: Caller<'_, T>, ptrs: i32, buf: i32| {
        let env = get(caller.data_mut()).env.clone();
        list_get(caller, "environ_get", &env, addr(ptrs), addr(buf)).map(errno)
    })?;
    Ok(())
}

/// The `i32` result of a WASI function.
fn errno(result: Result<(), Errno>) -> i32 {
    match result {
        Ok(()) => Errno::Success.code(),
        Err(e) => e.code(),
    }
}

/// The calling instance's memory, which every WASI function that takes pointers needs.
fn memory<T>(caller: &Caller<'_, T>, func: &str) -> Result<Memory> {
    caller.get_export("memory").and_then(Extern::into_memory).ok_or_else(|| {
        Error::msg(format!("WASI function `{func}` needs the calling module to export its memory as `memory`"))
    })
}

/// `fd_write(fd, iovs, iovs_len, nwritten) -> errno`: gathers the iovecs and writes them to the
/// stream behind `fd` with one write, storing the number of bytes written at `nwritten`.
fn fd_write<T>(
    mut caller: Caller<'_, T>,
    get: impl Fn(&mut T) -> &mut WasiCtx,
    fd: u32,
    iovs: u32,
    iovs_len: u32,
    nwritten: u32,
) -> Result<Result<(), Errno>> {
    if get(caller.data_mut()).output(fd).is_none() {
        return Ok(Err(Errno::Badf));
    }
    let memory = memory(&caller, "fd_write")?;
    let mut buf = std::mem::take(&mut get(caller.data_mut()).scratch);
    buf.clear();
    let result = (|| {
        let mem = memory.data(&caller);
        slice(mem, nwritten, 4)?;
        gather_ciovecs(mem, iovs, iovs_len, &mut buf)?;
        let written = if buf.is_empty() {
            0
        } else {
            let (sink, host) = get(caller.data_mut()).output(fd).ok_or(Errno::Badf)?;
            sink.write(host, &buf)?
        };
        // `written <= buf.len()`, and `gather_ciovecs` keeps that within `u32`.
        write_u32(memory.data_mut(&mut caller), nwritten, written as u32)
    })();
    if buf.capacity() <= MAX_KEPT_SCRATCH {
        get(caller.data_mut()).scratch = buf;
    }
    Ok(result)
}

/// `args_sizes_get`/`environ_sizes_get(count, buf_size) -> errno`: the number of strings and the
/// bytes they need with their NULs.
fn list_sizes_get<T>(
    mut caller: Caller<'_, T>,
    func: &str,
    list: &StringList,
    count: u32,
    buf_size: u32,
) -> Result<Result<(), Errno>> {
    let memory = memory(&caller, func)?;
    let mem = memory.data_mut(&mut caller);
    let result = (|| {
        slice(mem, buf_size, 4)?;
        write_u32(mem, count, list.count())?;
        write_u32(mem, buf_size, list.buf_size())
    })();
    Ok(result)
}

/// `args_get`/`environ_get(ptrs, buf) -> errno`: the strings back to back at `buf` and a pointer
/// to each at `ptrs`.
fn list_get<T>(
    mut caller: Caller<'_, T>,
    func: &str,
    list: &StringList,
    ptrs: u32,
    buf: u32,
) -> Result<Result<(), Errno>> {
    let memory = memory(&caller, func)?;
    Ok(write_string_list(memory.data_mut(&mut caller), list, ptrs, buf))
}
