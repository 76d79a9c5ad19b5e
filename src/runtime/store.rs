//! [`Store`]: owner of every runtime entity (functions, memories, tables, globals, instances), the
//! [`StoreContext`]/[`StoreContextMut`] views of it, and the [`AsContext`]/[`AsContextMut`] traits
//! through which the API reaches it.

use super::externref::ExternRefSlots;
use super::instance::InstanceEntity;
use super::limits::{ResourceLimiter, StoreLimits};
use super::memory::MemoryEntity;
use super::profile::{GuestProfile, INTERRUPT, Sampler, Samples};
use super::table::TableEntity;
use super::{Caller, HostFunc};
use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result};
use crate::types::GlobalType;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

/// A store's identity, carried by every handle to its objects. 64 bits, so ids are never reused
/// (a process would need centuries of creating stores to wrap around).
pub(crate) type StoreId = u64;

static NEXT_STORE_ID: AtomicU64 = AtomicU64::new(1);

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
    /// The value as a cell (a `v128`'s low half).
    pub value: u64,
    /// A `v128`'s high half (0 for the other types).
    pub hi: u64,
    pub ty: GlobalType,
}

/// The part of a store that does not depend on the host data type.
pub struct StoreInner {
    pub(crate) id: StoreId,
    pub(crate) engine: Engine,
    pub(crate) funcs: Vec<FuncEntity>,
    pub(crate) memories: Vec<MemoryEntity>,
    pub(crate) tables: Vec<TableEntity>,
    pub(crate) globals: Vec<GlobalEntity>,
    pub(crate) tags: Vec<crate::runtime::TagEntity>,
    pub(crate) instances: Vec<InstanceEntity>,
    /// The host references Wasm values may hold (cells are slot + 1).
    pub(crate) externrefs: ExternRefSlots,
    /// The exceptions Wasm values hold (`exnref`s), kept the same way as host references.
    pub(crate) exnrefs: ExternRefSlots,
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
    /// Cloned by every suspended call ([`crate::SuspendedCall`]): while any lives, host references
    /// are not reclaimed, since a suspended call's value stack may hold some.
    pub(crate) suspended: Arc<()>,
    /// Requests from other threads, checked at function entries and loop iterations when the engine
    /// is interruptible: [`INTERRUPT`] stops the running call, [`SAMPLE`] records its call stack.
    pub(crate) attention: Arc<AtomicU8>,
    /// The call stacks sampled so far, while profiling is on ([`Store::start_profiling`]).
    pub(crate) profile: Option<Box<Samples>>,
    /// Limits set with [`Store::set_limits`].
    pub(crate) limits: StoreLimits,
    /// Whether a [`ResourceLimiter`] callback is installed (then growth asks it first).
    pub(crate) has_limiter: bool,
}

impl StoreInner {
    /// The engine-wide signature id of a function of this store (`None` for another store's).
    pub(crate) fn func_sig(&self, f: &super::Func) -> Option<u32> {
        (f.store == self.id).then(|| self.funcs[f.index as usize].sig())
    }

    /// The most bytes a new or growing memory may reach.
    pub(crate) fn memory_limit(&self) -> u64 {
        self.engine.config().max_memory_bytes.min(self.limits.memory_bytes)
    }

    /// The most elements a new or growing table may reach.
    pub(crate) fn table_limit(&self) -> u64 {
        self.engine.config().max_table_elements.min(self.limits.table_elements)
    }

    /// Fails when adding `adding` instances, memories and tables (in that order) would exceed
    /// `max` of them.
    fn check_counts(&self, adding: [usize; 3], max: [usize; 3]) -> Result<()> {
        let have = [self.instances.len(), self.memories.len(), self.tables.len()];
        for (i, what) in ["instances", "memories", "tables"].into_iter().enumerate() {
            if adding[i] > 0 && have[i].saturating_add(adding[i]) > max[i] {
                let limit = max[i];
                return Err(Error::new(ErrorKind::Limit(format!("the store may hold at most {limit} {what}"))));
            }
        }
        Ok(())
    }

    /// Fails unless `store_id` is this store's: every handle carries the id of the store that
    /// made it, and using it with another store is an error, never another store's object.
    pub(crate) fn check(&self, store_id: StoreId, what: &str) -> Result<()> {
        if store_id == self.id {
            Ok(())
        } else {
            Err(Error::msg(format!("{what} used with a store it does not belong to")))
        }
    }
}

/// A host function as the store keeps it, with the counts its calls need (so a call from Wasm
/// looks up no signature).
pub(crate) struct HostFuncEntry<T> {
    pub(crate) func: HostFunc<T>,
    pub(crate) params: u16,
    pub(crate) results: u16,
}

/// The limiter callback of [`Store::limiter`].
type LimiterFn<T> = Box<dyn FnMut(&mut T) -> &mut (dyn ResourceLimiter) + Send + Sync>;

/// Owns all Wasm objects of one program and the host's data `T`.
pub struct Store<T> {
    pub(crate) inner: StoreInner,
    pub(crate) host_funcs: Vec<HostFuncEntry<T>>,
    /// Host functions already added, by the address of their closure: a [`crate::Linker`] that
    /// instantiates many times adds each of its host functions to the store once.
    host_func_ids: HashMap<usize, u32>,
    pub(crate) limiter: Option<LimiterFn<T>>,
    pub(crate) data: T,
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
                tags: Vec::new(),
                instances: Vec::new(),
                externrefs: ExternRefSlots::default(),
                exnrefs: ExternRefSlots::default(),
                stacks: Vec::new(),
                reentry: 0,
                held_frames: 0,
                held_cells: 0,
                fuel: 0,
                suspended: Arc::new(()),
                attention: Arc::new(AtomicU8::new(0)),
                profile: None,
                limits: StoreLimits::default(),
                has_limiter: false,
            },
            host_funcs: Vec::new(),
            host_func_ids: HashMap::new(),
            limiter: None,
            data,
        }
    }

    /// Sets the fuel left for execution (see [`crate::Config::consume_fuel`]).
    pub fn set_fuel(&mut self, fuel: u64) -> Result<()> {
        self.inner.fuel_enabled()?;
        self.inner.fuel = fuel;
        Ok(())
    }

    /// The fuel left.
    pub fn get_fuel(&self) -> Result<u64> {
        self.inner.fuel_enabled()?;
        Ok(self.inner.fuel)
    }

    /// A handle that stops this store's running call from any thread, with the trap
    /// `Interrupted` (see [`crate::Config::interruptible`]).
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle { flag: self.inner.attention.clone() }
    }

    /// Starts (or restarts, discarding what was sampled) a profile of the guest's call stacks: from
    /// now on each [`Sampler::sample`] request is answered by the running guest at its next function
    /// entry or loop iteration (with [`crate::Config::interruptible`] on), and counted.
    ///
    /// ```
    /// use hayate::{Config, Engine, Module, Store};
    ///
    /// let engine = Engine::new(Config::new().interruptible(true));
    /// let module = Module::new(&engine, r#"(module (func $spin (export "spin") (param i32)
    ///     (loop (br_if 0 (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))))"#)?;
    /// let mut store = Store::new(&engine, ());
    /// let spin = hayate::Instance::new(&mut store, &module, &[])?.get_typed_func::<i32, ()>(&store, "spin")?;
    /// store.start_profiling();
    /// store.sampler().sample();
    /// spin.call(&mut store, 10)?;
    /// let profile = store.take_profile().expect("profiling is on");
    /// assert_eq!(profile.to_collapsed(), "spin 1\n");
    /// # Ok::<(), hayate::Error>(())
    /// ```
    pub fn start_profiling(&mut self) {
        self.inner.profile = Some(Box::default());
    }

    /// A handle that requests samples of this store's running guest from any thread (see
    /// [`Store::start_profiling`]).
    pub fn sampler(&self) -> Sampler {
        Sampler { attention: self.inner.attention.clone() }
    }

    /// Ends profiling and returns what was sampled since [`Store::start_profiling`] (`None` if
    /// profiling was not on).
    pub fn take_profile(&mut self) -> Option<GuestProfile> {
        let samples = self.inner.profile.take()?;
        Some(GuestProfile::new(*samples, &self.inner))
    }

    /// Sets fixed resource limits for the store (memory and table sizes, how many instances,
    /// memories and tables it may hold). They apply on top of the engine's [`crate::Config`]
    /// limits and of a [`Store::limiter`] callback.
    pub fn set_limits(&mut self, limits: StoreLimits) {
        self.inner.limits = limits;
    }

    /// Installs a [`ResourceLimiter`], found in the host data by `limiter`: every memory and table
    /// growth (by Wasm, by the API, and when instantiation creates one) asks it first, and it
    /// caps how many instances, memories and tables the store holds.
    ///
    /// ```
    /// use hayate::{Engine, Module, Store, StoreLimits, Linker};
    ///
    /// struct Host { limits: StoreLimits }
    /// let engine = Engine::default();
    /// let mut store = Store::new(&engine, Host { limits: StoreLimits::new().memory_size(1 << 20) });
    /// store.limiter(|host| &mut host.limits);
    /// let module = Module::new(&engine, "(module (memory 32))")?;
    /// assert!(Linker::new(&engine).instantiate(&mut store, &module).is_err());
    /// # Ok::<(), hayate::Error>(())
    /// ```
    pub fn limiter(&mut self, limiter: impl FnMut(&mut T) -> &mut (dyn ResourceLimiter) + Send + Sync + 'static) {
        self.limiter = Some(Box::new(limiter));
        self.inner.has_limiter = true;
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

    /// Asks the limiter (if any) whether a memory (`memory`) or table may grow from `current` to
    /// `desired` units, `maximum` being its own bound. `Ok(false)` refuses the growth.
    pub(crate) fn allow_growth(
        &mut self,
        memory: bool,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> Result<bool> {
        match &mut self.limiter {
            None => Ok(true),
            Some(get) => {
                let limiter = get(&mut self.data);
                if memory {
                    limiter.memory_growing(current, desired, maximum)
                } else {
                    limiter.table_growing(current, desired, maximum)
                }
            }
        }
    }

    /// Fails when adding `instances`, `memories` and `tables` would exceed the store's limits or
    /// its limiter's.
    pub(crate) fn check_counts(&mut self, instances: usize, memories: usize, tables: usize) -> Result<()> {
        let adding = [instances, memories, tables];
        let limits = &self.inner.limits;
        self.inner.check_counts(adding, [limits.instances, limits.memories, limits.tables])?;
        if let Some(get) = &mut self.limiter {
            let limiter = get(&mut self.data);
            self.inner.check_counts(adding, [limiter.instances(), limiter.memories(), limiter.tables()])?;
        }
        Ok(())
    }

    /// Adds a host function (once: adding the same closure again returns the same function).
    pub(crate) fn add_host_func(&mut self, ty: &crate::types::FuncType, f: &HostFunc<T>) -> u32 {
        let key = Arc::as_ptr(f) as *const () as usize;
        if let Some(&index) = self.host_func_ids.get(&key) {
            return index;
        }
        let sig = self.inner.engine.intern(ty);
        let (params, results) = (ty.param_cells() as u16, ty.result_cells() as u16);
        self.host_funcs.push(HostFuncEntry { func: f.clone(), params, results });
        let index = self.host_funcs.len() as u32 - 1;
        self.inner.funcs.push(FuncEntity::Host { sig, index });
        let func = self.inner.funcs.len() as u32 - 1;
        // The store keeps a clone of the closure's `Arc`, so its address is never reused while
        // the store lives.
        self.host_func_ids.insert(key, func);
        func
    }
}

/// Stops a store's running call from another thread. Cheap to clone, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct InterruptHandle {
    flag: Arc<AtomicU8>,
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
        self.flag.fetch_or(INTERRUPT, std::sync::atomic::Ordering::Relaxed);
    }
}

impl StoreInner {
    fn fuel_enabled(&self) -> Result<()> {
        if self.engine.config().consume_fuel {
            Ok(())
        } else {
            Err(Error::msg("fuel metering is not enabled (Config::consume_fuel)"))
        }
    }
}

/// Shared access to a [`Store`], as [`AsContext`] hands it out: the host data and the engine, and
/// what every API call that reads the store takes.
pub struct StoreContext<'a, T>(pub(crate) &'a Store<T>);

/// Exclusive access to a [`Store`] as [`AsContextMut`] hands it out, for example to a host
/// function through its [`Caller`]. It gives the host data and every API operation, but never
/// the `Store` itself, so a host function cannot replace or swap the store that is running it:
///
/// ```compile_fail
/// use hayate::{AsContextMut, Caller, Store};
/// fn host(mut caller: Caller<'_, ()>, other: &mut Store<()>) {
///     // Once possible (the context was a `&mut Store`): the dispatcher then went on running
///     // with another store's functions. A `StoreContextMut` is no `&mut Store`.
///     std::mem::swap(caller.as_context_mut(), other);
/// }
/// ```
pub struct StoreContextMut<'a, T>(pub(crate) &'a mut Store<T>);

impl<T> StoreContext<'_, T> {
    /// The host data.
    pub fn data(&self) -> &T {
        &self.0.data
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.0.inner.engine
    }

    /// The fuel left (see [`Store::get_fuel`]).
    pub fn get_fuel(&self) -> Result<u64> {
        self.0.get_fuel()
    }
}

impl<T> StoreContextMut<'_, T> {
    /// The host data.
    pub fn data(&self) -> &T {
        &self.0.data
    }

    /// The host data, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        &mut self.0.data
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.0.inner.engine
    }

    /// The fuel left (see [`Store::get_fuel`]).
    pub fn get_fuel(&self) -> Result<u64> {
        self.0.get_fuel()
    }

    /// Sets the fuel left (see [`Store::set_fuel`]).
    pub fn set_fuel(&mut self, fuel: u64) -> Result<()> {
        self.0.set_fuel(fuel)
    }
}

/// Anything that gives shared access to a [`Store`]: the store, references to it, its contexts,
/// a [`Caller`].
pub trait AsContext {
    /// The store's host data type.
    type Data;
    /// Shared access to the store.
    fn as_context(&self) -> StoreContext<'_, Self::Data>;
}

/// Anything that gives exclusive access to a [`Store`].
pub trait AsContextMut: AsContext {
    /// Exclusive access to the store.
    fn as_context_mut(&mut self) -> StoreContextMut<'_, Self::Data>;
}

impl<T> AsContext for Store<T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext(self)
    }
}
impl<T> AsContextMut for Store<T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut(self)
    }
}
impl<T> AsContext for StoreContext<'_, T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext(self.0)
    }
}
impl<T> AsContext for StoreContextMut<'_, T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext(self.0)
    }
}
impl<T> AsContextMut for StoreContextMut<'_, T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut(self.0)
    }
}
impl<C: AsContext + ?Sized> AsContext for &C {
    type Data = C::Data;
    fn as_context(&self) -> StoreContext<'_, C::Data> {
        (**self).as_context()
    }
}
impl<C: AsContext + ?Sized> AsContext for &mut C {
    type Data = C::Data;
    fn as_context(&self) -> StoreContext<'_, C::Data> {
        (**self).as_context()
    }
}
impl<C: AsContextMut + ?Sized> AsContextMut for &mut C {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, C::Data> {
        (**self).as_context_mut()
    }
}
impl<T> AsContext for Caller<'_, T> {
    type Data = T;
    fn as_context(&self) -> StoreContext<'_, T> {
        StoreContext(self.store)
    }
}
impl<T> AsContextMut for Caller<'_, T> {
    fn as_context_mut(&mut self) -> StoreContextMut<'_, T> {
        StoreContextMut(self.store)
    }
}
