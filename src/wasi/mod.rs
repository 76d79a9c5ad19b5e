//! WASI preview1 (`wasi_snapshot_preview1`) for guests run by hayate: the [`WasiCtx`] that holds a
//! program's arguments, environment, stdio and preopened directories, and [`add_to_linker`], which
//! defines all 46 host functions in a [`Linker`](crate::Linker).
//!
//! Behaviour follows the preview1 specification and, where it leaves room, wasmtime:
//!
//! - **Sandbox.** A guest reaches the host filesystem only through its preopened directories.
//!   Every path is resolved by [cap-std](https://docs.rs/cap-std) inside a directory handle, so
//!   absolute paths, `..` and symlinks (chains, loops, links the guest made) never lead outside
//!   it: such attempts fail with `Perm` (or `Loop`). No host environment variable reaches the
//!   guest unless the embedder passes it on. Every guest pointer and length is bounds-checked:
//!   a bad one is `Fault` (or `Inval`), never a host crash or a write outside guest memory.
//! - **Rights** are tracked per descriptor, reported by `fd_fdstat_get` as wasmtime reports them,
//!   and can only be dropped (`fd_fdstat_set_rights`). A descriptor opened without `FD_READ` or
//!   `FD_WRITE` cannot read or write (`Badf`); other rights are advisory, as in wasmtime.
//! - **I/O** copies straight between guest memory and host files (`pread`/`pwrite` into the
//!   guest's buffer), with no per-byte work. Each open file has its own position.
//! - Sockets, signals (`proc_raise`) and preallocation-free file systems get clean error codes.
//!
//! Layout: `ctx` holds the state, `table` the descriptor table, `fs` the host filesystem side,
//! `preview1` the host functions, `guest` the bounds-checked access to guest memory, `errno` the
//! error codes, `types` the preview1 constants and layouts, `input`/`output` the stdio streams.

mod ctx;
mod errno;
mod fs;
mod guest;
mod input;
mod output;
mod preview1;
mod table;
mod types;

pub use ctx::{WasiCtx, WasiCtxBuilder};
pub use errno::Errno;
pub use input::InputSource;
pub use output::{OutputBuffer, OutputSink};
pub use preview1::{MODULE, add_to_linker};
