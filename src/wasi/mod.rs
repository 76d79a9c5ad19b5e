//! WASI preview1 (`wasi_snapshot_preview1`) for guests run by hayate: the [`WasiCtx`] that holds a
//! program's arguments, environment and output streams, and [`add_to_linker`], which defines the
//! host functions in a [`Linker`](crate::Linker).
//!
//! Implemented so far: `fd_write` to stdout and stderr, `proc_exit`, `args_sizes_get`,
//! `args_get`, `environ_sizes_get` and `environ_get`. Any other preview1 import stays undefined, so
//! instantiating a module that needs it fails with an error naming the import.
//!
//! Layout: `ctx` holds the state, `preview1` the host functions, `guest` the bounds-checked
//! access to guest memory, `errno` the error codes and `output` the output sinks.

mod ctx;
mod errno;
mod guest;
mod output;
mod preview1;

pub use ctx::{WasiCtx, WasiCtxBuilder};
pub use errno::Errno;
pub use output::{OutputBuffer, OutputSink};
pub use preview1::{MODULE, add_to_linker};
