//! The `wasi_snapshot_preview1` host functions and [`add_to_linker`], which defines them.
//!
//! Each function is a plain Rust function over the [`WasiCtx`], the calling instance's memory
//! and its arguments (`fd`, `path`, `misc`, `poll` hold them by family). Errors the guest should
//! see are [`Errno`] values returned as the function's `i32` result; a [`crate::Error`] (a missing
//! memory export, `proc_exit`) unwinds the guest instead.

mod fd;
mod misc;
mod path;
mod poll;

use super::ctx::WasiCtx;
use super::errno::Errno;
use crate::error::{Error, ErrorKind, Result};
use crate::runtime::{Caller, Extern, Linker, Memory};

/// The import module name of WASI preview1.
pub const MODULE: &str = "wasi_snapshot_preview1";

/// How a WASI parameter arrives from Wasm: `u32`s as `i32`, `u64`s as `i64`, reinterpreted.
trait Param {
    type Wasm: crate::WasmTy;
    fn from_wasm(value: Self::Wasm) -> Self;
}

impl Param for u32 {
    type Wasm = i32;
    fn from_wasm(value: i32) -> u32 {
        value as u32
    }
}

impl Param for u64 {
    type Wasm = i64;
    fn from_wasm(value: i64) -> u64 {
        value as u64
    }
}

/// Defines each listed function in `linker`: `mem` functions get the calling instance's memory,
/// `nomem` functions an empty slice (they take no pointers, so a module without memory may call
/// them).
macro_rules! define {
    ($linker:ident, $get:ident: $( $kind:ident $name:ident ( $($arg:ident : $ty:ty),* ) => $imp:path; )*) => {
        $(
            $linker.func_wrap(
                MODULE,
                stringify!($name),
                move |mut caller: Caller<'_, T>, $($arg: <$ty as Param>::Wasm),*| -> Result<i32> {
                    call!($kind, caller, $get, stringify!($name), |ctx, mem| {
                        $imp(ctx, mem, $(<$ty as Param>::from_wasm($arg)),*)
                    })
                },
            )?;
        )*
    };
}

macro_rules! call {
    (mem, $caller:ident, $get:ident, $name:expr, $f:expr) => {
        with_memory(&mut $caller, $get, $name, $f)
    };
    (nomem, $caller:ident, $get:ident, $name:expr, $f:expr) => {
        Ok(without_memory($get($caller.data_mut()), $f))
    };
}

/// Defines every `wasi_snapshot_preview1` function in `linker`, under [`MODULE`].
///
/// `get` finds the [`WasiCtx`] in the store's host data. A module that imports a function that
/// preview1 does not define fails to instantiate with an error naming the import.
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
    define! { linker, get:
        mem args_get(argv: u32, buf: u32) => misc::args_get;
        mem args_sizes_get(count: u32, size: u32) => misc::args_sizes_get;
        mem environ_get(environ: u32, buf: u32) => misc::environ_get;
        mem environ_sizes_get(count: u32, size: u32) => misc::environ_sizes_get;
        mem clock_res_get(id: u32, out: u32) => misc::clock_res_get;
        mem clock_time_get(id: u32, precision: u64, out: u32) => misc::clock_time_get;
        nomem fd_advise(fd: u32, offset: u64, len: u64, advice: u32) => fd::fd_advise;
        nomem fd_allocate(fd: u32, offset: u64, len: u64) => fd::fd_allocate;
        nomem fd_close(fd: u32) => fd::fd_close;
        nomem fd_datasync(fd: u32) => fd::fd_datasync;
        mem fd_fdstat_get(fd: u32, out: u32) => fd::fd_fdstat_get;
        nomem fd_fdstat_set_flags(fd: u32, flags: u32) => fd::fd_fdstat_set_flags;
        nomem fd_fdstat_set_rights(fd: u32, base: u64, inheriting: u64) => fd::fd_fdstat_set_rights;
        mem fd_filestat_get(fd: u32, out: u32) => fd::fd_filestat_get;
        nomem fd_filestat_set_size(fd: u32, size: u64) => fd::fd_filestat_set_size;
        nomem fd_filestat_set_times(fd: u32, atim: u64, mtim: u64, flags: u32) => fd::fd_filestat_set_times;
        mem fd_pread(fd: u32, iovs: u32, iovs_len: u32, offset: u64, nread: u32) => fd::fd_pread;
        mem fd_prestat_get(fd: u32, out: u32) => fd::fd_prestat_get;
        mem fd_prestat_dir_name(fd: u32, path: u32, path_len: u32) => fd::fd_prestat_dir_name;
        mem fd_pwrite(fd: u32, iovs: u32, iovs_len: u32, offset: u64, nwritten: u32) => fd::fd_pwrite;
        mem fd_read(fd: u32, iovs: u32, iovs_len: u32, nread: u32) => fd::fd_read;
        mem fd_readdir(fd: u32, buf: u32, buf_len: u32, cookie: u64, bufused: u32) => fd::fd_readdir;
        nomem fd_renumber(from: u32, to: u32) => fd::fd_renumber;
        mem fd_seek(fd: u32, offset: u64, whence: u32, out: u32) => fd::fd_seek;
        nomem fd_sync(fd: u32) => fd::fd_sync;
        mem fd_tell(fd: u32, out: u32) => fd::fd_tell;
        mem fd_write(fd: u32, iovs: u32, iovs_len: u32, nwritten: u32) => fd::fd_write;
        mem path_create_directory(fd: u32, path: u32, path_len: u32) => path::path_create_directory;
        mem path_filestat_get(fd: u32, flags: u32, path: u32, path_len: u32, out: u32) => path::path_filestat_get;
        mem path_filestat_set_times(
            fd: u32, flags: u32, path: u32, path_len: u32, atim: u64, mtim: u64, fst_flags: u32
        ) => path::path_filestat_set_times;
        mem path_link(
            old_fd: u32, old_flags: u32, old_path: u32, old_len: u32, new_fd: u32, new_path: u32, new_len: u32
        ) => path::path_link;
        mem path_open(
            fd: u32, dirflags: u32, path: u32, path_len: u32, oflags: u32, base: u64, inheriting: u64,
            fdflags: u32, out: u32
        ) => path::path_open;
        mem path_readlink(fd: u32, path: u32, path_len: u32, buf: u32, buf_len: u32, bufused: u32)
            => path::path_readlink;
        mem path_remove_directory(fd: u32, path: u32, path_len: u32) => path::path_remove_directory;
        mem path_rename(old_fd: u32, old_path: u32, old_len: u32, new_fd: u32, new_path: u32, new_len: u32)
            => path::path_rename;
        mem path_symlink(old_path: u32, old_len: u32, fd: u32, new_path: u32, new_len: u32) => path::path_symlink;
        mem path_unlink_file(fd: u32, path: u32, path_len: u32) => path::path_unlink_file;
        mem poll_oneoff(subs: u32, events: u32, nsubs: u32, nevents: u32) => poll::poll_oneoff;
        nomem proc_raise(signal: u32) => misc::proc_raise;
        nomem sched_yield() => misc::sched_yield;
        mem random_get(buf: u32, len: u32) => misc::random_get;
        mem sock_accept(fd: u32, flags: u32, out: u32) => misc::sock_accept;
        mem sock_recv(fd: u32, data: u32, data_len: u32, flags: u32, datalen: u32, oflags: u32) => misc::sock_recv;
        mem sock_send(fd: u32, data: u32, data_len: u32, flags: u32, datalen: u32) => misc::sock_send;
        nomem sock_shutdown(fd: u32, how: u32) => misc::sock_shutdown;
    }
    linker.func_wrap(MODULE, "proc_exit", |code: i32| -> Result<()> { Err(Error::new(ErrorKind::Exit(code))) })?;
    Ok(())
}

/// The `i32` result of a WASI function.
fn errno(result: std::result::Result<(), Errno>) -> i32 {
    match result {
        Ok(()) => Errno::Success.code(),
        Err(e) => e.code(),
    }
}

/// Runs `f`, which takes no pointers, with the context and an empty memory.
fn without_memory(ctx: &mut WasiCtx, f: impl FnOnce(&mut WasiCtx, &mut [u8]) -> std::result::Result<(), Errno>) -> i32 {
    errno(f(ctx, &mut []))
}

/// Runs `f` with the context and the calling instance's memory, which every WASI function that
/// takes pointers needs.
fn with_memory<T>(
    caller: &mut Caller<'_, T>,
    get: impl Fn(&mut T) -> &mut WasiCtx,
    func: &str,
    f: impl FnOnce(&mut WasiCtx, &mut [u8]) -> std::result::Result<(), Errno>,
) -> Result<i32> {
    let memory: Memory = caller.get_export("memory").and_then(Extern::into_memory).ok_or_else(|| {
        Error::msg(format!("WASI function `{func}` needs the calling module to export its memory as `memory`"))
    })?;
    let (mem, data) = memory.data_and_store_mut(caller)?;
    Ok(errno(f(get(data), mem)))
}
