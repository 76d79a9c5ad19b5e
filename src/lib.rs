//! hayate: a WebAssembly interpreter that translates Wasm to a register IR and runs it in a tight loop.
//!
//! ```
//! use hayate::{Engine, Linker, Module, Store};
//!
//! let engine = Engine::default();
//! let module = Module::new(&engine, r#"
//!     (module
//!       (import "host" "log" (func $log (param i32)))
//!       (func (export "add") (param i32 i32) (result i32)
//!         (call $log (local.get 0))
//!         (i32.add (local.get 0) (local.get 1))))
//! "#)?;
//! let mut store = Store::new(&engine, Vec::new());
//! let mut linker = Linker::new(&engine);
//! linker.func_wrap("host", "log", |mut caller: hayate::Caller<'_, Vec<i32>>, x: i32| {
//!     caller.data_mut().push(x);
//! })?;
//! let instance = linker.instantiate(&mut store, &module)?;
//! let add = instance.get_typed_func::<(i32, i32), i32>(&store, "add")?;
//! assert_eq!(add.call(&mut store, (2, 40))?, 42);
//! assert_eq!(store.data(), &[2]);
//! # Ok::<(), hayate::Error>(())
//! ```
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs, clippy::undocumented_unsafe_blocks)]

// The executor computes guest addresses in `usize` (`addr as usize + offset as usize`, memory
// sizes as `pages * PAGE_SIZE`) and relies on the sum not wrapping, which only 64 bits guarantee.
#[cfg(not(target_pointer_width = "64"))]
compile_error!("hayate needs a 64-bit target: guest addresses plus offsets must not wrap");

mod code;
mod engine;
mod error;
mod exec;
pub mod ir;
mod module;
mod num;
mod runtime;
mod translate;
mod types;
mod value;
pub mod wasi;
pub mod wast;

pub use engine::{Config, Engine};
pub use error::{Error, ErrorKind, FrameInfo, Result, Trap, TrapCode};
/// The dynamic instruction mix, with the cargo feature `stats` (as `hayate run --stats` prints it).
#[cfg(feature = "stats")]
pub use exec::stats;
pub use exec::{ResumableCall, SuspendReason, SuspendedCall, TypedResumableCall, TypedSuspendedCall, dispatch_mode};
pub use module::Module;
pub use runtime::{
    AsContext, AsContextMut, Caller, Exception, ExnRef, Extern, Func, Global, GuestProfile, HostResult, Instance,
    InterruptHandle, IntoFunc, Linker, Memory, PAGE_SIZE, ResourceLimiter, Sampler, Store, StoreContext,
    StoreContextMut, StoreInner, StoreLimits, Table, Tag, TypedFunc,
};
pub use types::{
    ExternType, FuncType, GlobalType, HeapType, MemoryType, Mutability, RefType, TableType, TagType, ValType,
};
pub use value::{ExternRef, V128, Val, WasmTy, WasmTyList};
