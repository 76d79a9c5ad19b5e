//! [`Store`]: owner of every runtime entity (functions, memories, tables, globals, instances), and
//! the [`AsContext`]/[`AsContextMut`] traits through which the API reaches it.

use super::instance::InstanceEntity;
use super::memory::MemoryEntity;
use super::table::TableEntity;
use super::{Caller, HostFunc};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::types::{FuncType, GlobalType};
use std::any::Any;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::atomic::{AtomicU32, Ordering};

static NEXT_STORE_ID: AtomicU32 = AtomicU32::new(1);

/// A function as the store knows it.
#[derive(Debug, Clone)]
pub(crate) enum FuncEntity {
    /// A function defined by a module: `index` into the instance's module's compiled code.
    Wasm { sig: u32, instance: u32, index: u32 },
    /// A host function: `index` into [`Store::host_funcs`].
    Host { sig: u32, index: u32 },
}

impl FuncEntity {
    pub(crate) fn sig(&self) -> u32 {
        match self {
            FuncEntity::Wasm { sig, .. } | FuncEntity::Host { sig, .. } => *sig,
        }
    }
}

/// A global's value and type.
#[derive(Debug, Clone)]
pub(crate) struct GlobalEntity {
    pub value: u64,
    pub ty: GlobalType,
}

/// The part of a store that does not depend on the host data type.
pub struct StoreInner {
    pub(crate) id: u32,
    pub(crate) engine: Engine,
    pub(crate) funcs: Vec<FuncEntity>,
    pub(crate) memories: Vec<MemoryEntity>,
    pub(crate) tables: Vec<TableEntity>,
    pub(crate) globals: Vec<GlobalEntity>,
    pub(crate) instances: Vec<InstanceEntity>,
    pub(crate) externrefs: Vec<Box<dyn Any + Send + Sync>>,
    /// Value stacks kept for reuse between calls.
    pub(crate) stacks: Vec<Vec<u64>>,
    /// How many calls into the store are active: the embedder's call plus those host functions
    /// made from inside it.
    pub(crate) reentry: u32,
    /// Wasm functions active in calls that wait for a host function they called (the per-store
    /// part of [`crate::Config::max_call_depth`] that nested calls cannot use).
    pub(crate) held_frames: usize,
    /// Value stack cells those waiting calls hold (likewise for
    /// [`crate::Config::max_stack_cells`]).
    pub(crate) held_cells: usize,
    /// Fuel left (with fuel metering).
    pub(crate) fuel: u64,
    /// Set from any thread to stop the running call (when the engine is interruptible).
    pub(crate) interrupt: Arc<AtomicBool>,
    pub(crate) limits: StoreLimits,
}

/// Per-store resource limits, set with [`Store::limiter`]. Each applies on top of the engine's
/// [`crate::Config`] limits; the default limits nothing further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreLimits {
    memory_bytes: u64,
    table_elements: u64,
    instances: usize,
    memories: usize,
    tables: usize,
}

impl Default for StoreLimits {
    fn default() -> Self {
        StoreLimits {
            memory_bytes: u64::MAX,
            table_elements: u64::MAX,
            instances: usize::MAX,
            memories: usize::MAX,
            tables: usize::MAX,
        }
    }
}

impl StoreLimits {
    /// No limits beyond the engine's.
    pub fn new() -> Self {
        Self::default()
    }

    /// The largest size any one linear memory may have, in bytes (`memory.grow` beyond returns -1;
    /// a memory created larger is an error).
    pub fn memory_size(mut self, bytes: u64) -> Self {
        self.memory_bytes = bytes;
        self
    }

    /// The most elements any one table may have.
    pub fn table_elements(mut self, elements: u64) -> Self {
        self.table_elements = elements;
        self
    }

    /// How many instances the store may hold.
    pub fn instances(mut self, count: usize) -> Self {
        self.instances = count;
        self
    }

    /// How many memories the store may hold.
    pub fn memories(mut self, count: usize) -> Self {
        self.memories = count;
        self
    }

    /// How many tables the store may hold.
    pub fn tables(mut self, count: usize) -> Self {
        self.tables = count;
        self
    }
}

impl StoreInner {
    /// The most bytes a new or growing memory may reach.
    pub(crate) fn memory_limit(&self) -> u64 {
        self.engine.config().max_memory_bytes.min(self.limits.memory_bytes)
    }

    /// The most elements a new or growing table may reach.
    pub(crate) fn table_limit(&self) -> u64 {
        self.engine.config().max_table_elements.min(self.limits.table_elements)
    }

    /// Fails when adding `instances`, `memories` and `tables` would exceed the store's limits.
    pub(crate) fn check_counts(&self, instances: usize, memories: usize, tables: usize) -> Result<()> {
        let over = |what: &str, have: usize, adding: usize, limit: usize| {
            if adding > 0 && have.saturating_add(adding) > limit {
                Err(Error::new(crate::ErrorKind::Limit(format!("the store may hold at most {limit} {what}"))))
            } else {
                Ok(())
            }
        };
        over("instances", self.instances.len(), instances, self.limits.instances)?;
        over("memories", self.memories.len(), memories, self.limits.memories)?;
        over("tables", self.tables.len(), tables, self.limits.tables)
    }

    pub(crate) fn func_type(&self, func: u32) -> FuncType {
        self.engine.signature(self.funcs[func as usize].sig())
    }
}

/// Owns all Wasm objects of one program and the host's data `T`.
pub struct Store<T> {
    pub(crate) inner: StoreInner,
    pub(crate) host_funcs: Vec<HostFunc<T>>,
    data: T,
}

impl<T> Store<T> {
    /// An empty store with host data `data`.
    pub fn new(engine: &Engine, data: T) -> Self {
        Store {
            inner: StoreInner {
                id: NEXT_STORE_ID.fetch_add(1, Ordering::Relaxed),
                engine: engine.clone(),
                funcs: Vec::new(),
                memories: Vec::new(),
                tables: Vec::new(),
                globals: Vec::new(),
                instances: Vec::new(),
                externrefs: Vec::new(),
                stacks: Vec::new(),
                reentry: 0,
                held_frames: 0,
                held_cells: 0,
                fuel: 0,
                interrupt: Arc::new(AtomicBool::new(false)),
                limits: StoreLimits::default(),
            },
            host_funcs: Vec::new(),
            data,
        }
    }

    /// Sets the fuel left for execution (see [`crate::Config::consume_fuel`]).
    pub fn set_fuel(&mut self, fuel: u64) -> Result<()> {
        self.fuel_enabled()?;
        self.inner.fuel = fuel;
        Ok(())
    }

    /// The fuel left.
    pub fn get_fuel(&self) -> Result<u64> {
        self.fuel_enabled()?;
        Ok(self.inner.fuel)
    }

    fn fuel_enabled(&self) -> Result<()> {
        if self.inner.engine.config().consume_fuel {
            Ok(())
        } else {
            Err(Error::msg("fuel metering is not enabled (Config::consume_fuel)"))
        }
    }

    /// A handle that stops this store's running call from any thread, with the trap
    /// `Interrupted` (see [`crate::Config::interruptible`]).
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle { flag: self.inner.interrupt.clone() }
    }

    /// Sets the store's resource limits.
    pub fn limiter(&mut self, limits: StoreLimits) {
        self.inner.limits = limits;
    }

    /// The engine this store belongs to.
    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    /// The host data.
    pub fn data(&self) -> &T {
        &self.data
    }

    /// The host data, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        &mut self.data
    }

    /// Consumes the store, returning the host data.
    pub fn into_data(self) -> T {
        self.data
    }

    /// The entity store and the host data, borrowed apart.
    pub(crate) fn inner_and_data_mut(&mut self) -> (&mut StoreInner, &mut T) {
        (&mut self.inner, &mut self.data)
    }

    pub(crate) fn add_host_func(&mut self, ty: &FuncType, f: HostFunc<T>) -> u32 {
        let sig = self.inner.engine.intern(ty);
        self.host_funcs.push(f);
        let index = self.host_funcs.len() as u32 - 1;
        self.inner.funcs.push(FuncEntity::Host { sig, index });
        self.inner.funcs.len() as u32 - 1
    }

    pub(crate) fn check(&self, store_id: u32, what: &str) {
        assert_eq!(store_id, self.inner.id, "{what} used with a store it does not belong to");
    }
}

/// Stops a store's running call from another thread. Cheap to clone, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct InterruptHandle {
    flag: Arc<AtomicBool>,
}

impl InterruptHandle {
    /// Makes the running call (or, if none runs, the next one) trap with `Interrupted` at its next
    /// function entry or loop iteration. The request stays in force until that outermost call
    /// returns, however it ends: a Wasm call a host function makes inside it traps too, and so
    /// does the call that is waiting for the host function when it continues, even if the host
    /// function handled the inner trap. Then the request is withdrawn, and the store's next call
    /// runs normally. (A host function called directly through the API is an outermost call as
    /// well.)
    pub fn interrupt(&self) {
        self.flag.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Anything that gives shared access to a [`Store`]: the store, references to it, a [`Caller`].
pub trait AsContext {
    /// The store's host data type.
    type Data;
    /// The store.
    fn as_context(&self) -> &Store<Self::Data>;
}

/// Anything that gives exclusive access to a [`Store`].
pub trait AsContextMut: AsContext {
    /// The store.
    fn as_context_mut(&mut self) -> &mut Store<Self::Data>;
}

impl<T> AsContext for Store<T> {
    type Data = T;
    fn as_context(&self) -> &Store<T> {
        self
    }
}
impl<T> AsContextMut for Store<T> {
    fn as_context_mut(&mut self) -> &mut Store<T> {
        self
    }
}
impl<C: AsContext + ?Sized> AsContext for &C {
    type Data = C::Data;
    fn as_context(&self) -> &Store<C::Data> {
        (**self).as_context()
    }
}
impl<C: AsContext + ?Sized> AsContext for &mut C {
    type Data = C::Data;
    fn as_context(&self) -> &Store<C::Data> {
        (**self).as_context()
    }
}
impl<C: AsContextMut + ?Sized> AsContextMut for &mut C {
    fn as_context_mut(&mut self) -> &mut Store<C::Data> {
        (**self).as_context_mut()
    }
}
impl<T> AsContext for Caller<'_, T> {
    type Data = T;
    fn as_context(&self) -> &Store<T> {
        self.store
    }
}
impl<T> AsContextMut for Caller<'_, T> {
    fn as_context_mut(&mut self) -> &mut Store<T> {
        self.store
    }
}
