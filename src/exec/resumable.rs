//! Resumable calls: [`Func::call_resumable`] and [`TypedFunc::call_resumable`] return a
//! [`SuspendedCall`] when a host function asks to suspend the guest ([`crate::Error::suspend`]),
//! or (as [`crate::Config`] asks) when the guest runs out of fuel or is interrupted; the embedder
//! resumes it later, with the host function's results.

use super::{Outcome, Paused, Reason};
use crate::error::{Error, Result};
use crate::runtime::read_results;
use crate::runtime::{AsContextMut, Func, Store, TypedFunc};
use crate::types::ValType;
use crate::value::{Val, WasmTyList};
use std::any::Any;
use std::fmt;
use std::marker::PhantomData;

/// How a resumable call ([`Func::call_resumable`], [`SuspendedCall::resume`]) came back.
#[derive(Debug)]
pub enum ResumableCall {
    /// The function returned; its results are in the `results` given to the call.
    Finished,
    /// The guest is suspended: resume it with [`SuspendedCall::resume`].
    Suspended(SuspendedCall),
}

/// Why a call suspended.
#[derive(Debug)]
#[non_exhaustive]
pub enum SuspendReason {
    /// A host function returned [`Error::suspend`]; the call resumes with that function's
    /// results.
    Host {
        /// The host function.
        func: Func,
        /// What the host function passed to [`Error::suspend`].
        payload: Box<dyn Any + Send + Sync>,
    },
    /// The store's fuel ran out ([`crate::Config::suspend_on_out_of_fuel`]): add fuel, then resume
    /// with no results.
    OutOfFuel,
    /// The store was interrupted ([`crate::Config::suspend_on_interrupt`]): resume with no
    /// results.
    Interrupted,
}

/// A suspended call: its Wasm frames and value stack, detached from the store, so that the store
/// can run other calls meanwhile. Resume it with [`SuspendedCall::resume`]; dropping it abandons
/// the call (the store stays usable).
pub struct SuspendedCall {
    paused: Paused,
    reason: SuspendReason,
    /// The result types of the host function that asked to suspend (none for other reasons).
    host_results: Vec<ValType>,
    /// The result types of the function called.
    results: Vec<ValType>,
}

impl fmt::Debug for SuspendedCall {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SuspendedCall").field("reason", &self.reason).field("host_results", &self.host_results).finish()
    }
}

impl SuspendedCall {
    /// A suspended call of a function with result types `results`, in `store`.
    fn new<T>(store: &Store<T>, paused: Paused, reason: Reason, results: Vec<ValType>) -> SuspendedCall {
        let s = &store.inner;
        let (reason, host_results) = match reason {
            Reason::Host { func, payload, .. } => {
                let ty = s.engine.signature(s.funcs[func as usize].sig());
                (SuspendReason::Host { func: Func { store: s.id, index: func }, payload }, ty.results().to_vec())
            }
            Reason::OutOfFuel => (SuspendReason::OutOfFuel, Vec::new()),
            Reason::Interrupted => (SuspendReason::Interrupted, Vec::new()),
        };
        SuspendedCall { paused, reason, host_results, results }
    }

    /// Why the call suspended.
    pub fn reason(&self) -> &SuspendReason {
        &self.reason
    }

    /// The host function's payload ([`SuspendReason::Host`]) if it is a `P`.
    pub fn payload<P: Any>(&self) -> Option<&P> {
        match &self.reason {
            SuspendReason::Host { payload, .. } => payload.downcast_ref(),
            _ => None,
        }
    }

    /// The types of the values [`SuspendedCall::resume`] takes: the results of the host function
    /// that asked to suspend, or none.
    pub fn host_result_types(&self) -> &[ValType] {
        &self.host_results
    }

    /// Continues the call in `store` (the one it was made in) as if the host function that asked
    /// to suspend had returned `host_results` (empty when the call ran out of fuel or was
    /// interrupted). When the call finishes, its results are in `results`, which must have room
    /// for exactly them; it may also suspend again. A call that ran out of fuel and is resumed
    /// without enough fuel suspends again at once.
    ///
    /// An error (the wrong store, results of the wrong number or types, a trap) ends the call.
    pub fn resume<T>(
        self,
        mut store: impl AsContextMut<Data = T>,
        host_results: &[Val],
        results: &mut [Val],
    ) -> Result<ResumableCall> {
        let store = store.as_context_mut().0;
        if results.len() != self.results.len() {
            return Err(Error::msg(format!(
                "a call with {} results resumed with room for {}",
                self.results.len(),
                results.len()
            )));
        }
        let types = self.results.clone();
        // A `v128` result takes two cells.
        let mut cells: smallvec::SmallVec<[u64; 16]> = smallvec::smallvec![0; crate::types::cells(&types)];
        match self.resume_cells(store, host_results, &mut cells)? {
            None => {
                read_results(results, &cells, &types, store);
                Ok(ResumableCall::Finished)
            }
            Some(call) => Ok(ResumableCall::Suspended(call)),
        }
    }

    /// [`SuspendedCall::resume`] with the results as cells: `None` when the call finished.
    fn resume_cells<T>(self, store: &mut Store<T>, host_results: &[Val], cells: &mut [u64]) -> Result<Option<Self>> {
        store.inner.check(self.paused.store(), "SuspendedCall")?;
        let types: Vec<ValType> = host_results.iter().map(Val::ty).collect();
        let fits = |(v, t): (&Val, &ValType)| v.matches_ty(*t, &store.inner);
        if host_results.len() != self.host_results.len() || !host_results.iter().zip(&self.host_results).all(fits) {
            return Err(Error::msg(format!(
                "a suspended call expecting results {} resumed with {}",
                type_list(&self.host_results),
                type_list(&types)
            )));
        }
        let host_cells = Val::cells_of(host_results, &mut store.inner)?;
        match super::resume(store, self.paused, &host_cells, cells)? {
            Outcome::Finished => Ok(None),
            Outcome::Suspended(paused, reason) => Ok(Some(SuspendedCall::new(store, paused, reason, self.results))),
        }
    }
}

/// `[i32, f64]`, for error messages.
fn type_list(types: &[ValType]) -> String {
    let names: Vec<String> = types.iter().map(ValType::to_string).collect();
    format!("[{}]", names.join(", "))
}

impl Func {
    /// Calls the function as [`Func::call`] does, but a host function it calls may suspend it
    /// ([`Error::suspend`]), and so may running out of fuel or an interrupt where the engine is
    /// configured so ([`crate::Config::suspend_on_out_of_fuel`],
    /// [`crate::Config::suspend_on_interrupt`]): the call then returns
    /// [`ResumableCall::Suspended`], to be continued with [`SuspendedCall::resume`]. When it
    /// finishes, its results are in `results`.
    ///
    /// Only the call itself suspends: a plain call that a host function makes inside it fails
    /// when a host function it calls asks to suspend (a resumable one made there suspends on its
    /// own, back to that host function).
    pub fn call_resumable<T>(
        &self,
        mut store: impl AsContextMut<Data = T>,
        params: &[Val],
        results: &mut [Val],
    ) -> Result<ResumableCall> {
        let store = store.as_context_mut().0;
        let (ty, mut cells) = self.prepare(store, params, results.len())?;
        match super::start(store, self.index, &mut cells, true)? {
            Outcome::Finished => {
                read_results(results, &cells, ty.results(), store);
                Ok(ResumableCall::Finished)
            }
            Outcome::Suspended(paused, reason) => {
                Ok(ResumableCall::Suspended(SuspendedCall::new(store, paused, reason, ty.results().to_vec())))
            }
        }
    }
}

/// How a typed resumable call ([`TypedFunc::call_resumable`], [`TypedSuspendedCall::resume`])
/// came back.
#[derive(Debug)]
pub enum TypedResumableCall<Results> {
    /// The function returned these results.
    Finished(Results),
    /// The guest is suspended: resume it with [`TypedSuspendedCall::resume`].
    Suspended(TypedSuspendedCall<Results>),
}

/// A suspended typed call (see [`SuspendedCall`]).
pub struct TypedSuspendedCall<Results> {
    call: SuspendedCall,
    _marker: PhantomData<fn() -> Results>,
}

impl<R> fmt::Debug for TypedSuspendedCall<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.call.fmt(f)
    }
}

impl<Results: WasmTyList> TypedSuspendedCall<Results> {
    fn outcome(call: Option<SuspendedCall>, cells: &[u64], store: &Store<impl Sized>) -> TypedResumableCall<Results> {
        match call {
            None => TypedResumableCall::Finished(Results::read_cells(cells, &store.inner)),
            Some(call) => TypedResumableCall::Suspended(TypedSuspendedCall { call, _marker: PhantomData }),
        }
    }

    /// Why the call suspended.
    pub fn reason(&self) -> &SuspendReason {
        self.call.reason()
    }

    /// The host function's payload if it is a `P` (see [`SuspendedCall::payload`]).
    pub fn payload<P: Any>(&self) -> Option<&P> {
        self.call.payload()
    }

    /// The types of the values [`TypedSuspendedCall::resume`] takes.
    pub fn host_result_types(&self) -> &[ValType] {
        self.call.host_result_types()
    }

    /// Continues the call as [`SuspendedCall::resume`] does.
    pub fn resume<T>(
        self,
        mut store: impl AsContextMut<Data = T>,
        host_results: &[Val],
    ) -> Result<TypedResumableCall<Results>> {
        let store = store.as_context_mut().0;
        let mut cells: smallvec::SmallVec<[u64; 16]> = smallvec::smallvec![0; Results::LEN];
        let call = self.call.resume_cells(store, host_results, &mut cells)?;
        Ok(Self::outcome(call, &cells, store))
    }
}

impl<Params: WasmTyList, Results: WasmTyList> TypedFunc<Params, Results> {
    /// Calls the function as [`Func::call_resumable`] does. An event loop that answers a host
    /// function's requests and refills fuel:
    ///
    /// ```
    /// use hayate::{Config, Engine, Error, Linker, Module, Store, SuspendReason, TypedResumableCall, Val};
    ///
    /// let engine = Engine::new(Config::new().consume_fuel(true).suspend_on_out_of_fuel(true));
    /// let module = Module::new(&engine, r#"
    ///     (module
    ///       (import "io" "fetch" (func $fetch (param i32) (result i64)))
    ///       (func (export "main") (param i32) (result i64)
    ///         (i64.mul (call $fetch (local.get 0)) (i64.const 2))))"#)?;
    /// let mut store = Store::new(&engine, ());
    /// let mut linker = Linker::new(&engine);
    /// // Instead of blocking, `fetch` suspends its guest with the key as the payload.
    /// linker.func_wrap("io", "fetch", |key: i32| -> Result<i64, Error> { Err(Error::suspend(key)) })?;
    /// let main = linker.instantiate(&mut store, &module)?.get_typed_func::<i32, i64>(&store, "main")?;
    ///
    /// store.set_fuel(1_000)?;
    /// let mut call = main.call_resumable(&mut store, 21)?;
    /// let result = loop {
    ///     call = match call {
    ///         TypedResumableCall::Finished(result) => break result,
    ///         // While it is suspended the store may run other calls, resumable ones included.
    ///         TypedResumableCall::Suspended(suspended) => match suspended.reason() {
    ///             SuspendReason::Host { .. } => {
    ///                 let key = *suspended.payload::<i32>().expect("fetch suspends with its key");
    ///                 suspended.resume(&mut store, &[Val::I64(i64::from(key))])?
    ///             }
    ///             SuspendReason::OutOfFuel => {
    ///                 store.set_fuel(1_000)?;
    ///                 suspended.resume(&mut store, &[])?
    ///             }
    ///             other => return Err(Error::msg(format!("unexpected suspension: {other:?}"))),
    ///         },
    ///     };
    /// };
    /// assert_eq!(result, 42);
    /// # Ok::<(), hayate::Error>(())
    /// ```
    pub fn call_resumable<T>(
        &self,
        mut store: impl AsContextMut<Data = T>,
        params: Params,
    ) -> Result<TypedResumableCall<Results>> {
        let store = store.as_context_mut().0;
        store.inner.check(self.func.store, "TypedFunc")?;
        store.inner.maybe_collect_externrefs();
        let mut cells: smallvec::SmallVec<[u64; 16]> = smallvec::smallvec![0; Params::LEN.max(Results::LEN)];
        params.write_cells(&mut cells, &mut store.inner)?;
        let call = match super::start(store, self.func.index, &mut cells, true)? {
            Outcome::Finished => None,
            Outcome::Suspended(paused, reason) => Some(SuspendedCall::new(store, paused, reason, Results::types())),
        };
        Ok(TypedSuspendedCall::outcome(call, &cells, store))
    }
}
