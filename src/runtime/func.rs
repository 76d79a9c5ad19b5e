//! Functions: [`Func`] handles, host functions ([`Caller`], [`IntoFunc`]) and [`TypedFunc`].

use super::{AsContext, AsContextMut, Extern, Instance, Store};
use crate::error::{Error, Result};
use crate::runtime::store::StoreId;
use crate::types::FuncType;
use crate::value::{Val, WasmTy, WasmTyList};
use std::marker::PhantomData;
use std::sync::Arc;

/// A host function as stored: called with the store, the calling instance (if Wasm calls it) and
/// cells that hold the arguments and receive the results.
pub(crate) type HostFunc<T> = Arc<HostFn<T>>;

/// The closure behind a [`HostFunc`].
pub(crate) type HostFn<T> = dyn Fn(&mut Store<T>, Option<u32>, &mut [u64]) -> Result<()> + Send + Sync + 'static;

/// A Wasm or host function owned by a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Func {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

/// The view a host function gets of the store it is called from: the host data, the calling
/// instance's exports, and (through [`AsContextMut`]) a [`crate::StoreContextMut`] for every API
/// call, including calls back into Wasm. It never hands out the [`Store`] itself.
pub struct Caller<'a, T> {
    pub(crate) store: &'a mut Store<T>,
    pub(crate) instance: Option<u32>,
}

impl<T> Caller<'_, T> {
    /// The host data.
    pub fn data(&self) -> &T {
        self.store.data()
    }

    /// The host data, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        self.store.data_mut()
    }

    /// The engine.
    pub fn engine(&self) -> &crate::Engine {
        self.store.engine()
    }

    /// An export of the calling instance (typically its `memory`).
    pub fn get_export(&self, name: &str) -> Option<Extern> {
        let instance = self.instance?;
        Instance { store: self.store.inner.id, index: instance }.get_export(&*self.store, name)
    }
}

/// Wraps a closure over [`Val`]s with signature `ty` as a stored host function: arguments are read
/// and results checked against `ty`.
pub(crate) fn host_from_vals<T>(
    ty: &FuncType,
    f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
) -> HostFunc<T> {
    let (params, results) = (ty.params().to_vec(), ty.results().to_vec());
    Arc::new(move |store: &mut Store<T>, instance: Option<u32>, cells: &mut [u64]| {
        let mut at = 0;
        let args: smallvec::SmallVec<[Val; 8]> = params
            .iter()
            .map(|t| {
                let v = Val::from_cells(&cells[at..], *t, &store.inner);
                at += t.cells();
                v
            })
            .collect();
        let mut out: smallvec::SmallVec<[Val; 4]> = results.iter().map(|t| Val::default_for(*t)).collect();
        f(Caller { store: &mut *store, instance }, &args, &mut out)?;
        let mut at = 0;
        for (val, ty) in out.iter().zip(&results) {
            if !val.matches_ty(*ty, &store.inner) {
                return Err(Error::msg(format!("host function returned {} where {ty} was expected", val.ty())));
            }
            val.write_cells(&mut cells[at..], &mut store.inner)?;
            at += ty.cells();
        }
        Ok(())
    })
}

impl Func {
    /// A host function from a closure over [`Val`]s with an explicit signature.
    pub fn new<T>(
        mut store: impl AsContextMut<Data = T>,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
    ) -> Func {
        let store = store.as_context_mut().0;
        let index = store.add_host_func(&ty, &host_from_vals(&ty, f));
        Func { store: store.inner.id, index }
    }

    /// A host function from a typed closure, e.g. `|a: i32, b: i32| a + b` or
    /// `|caller: Caller<'_, T>, ptr: i32| -> Result<i32, Error> { … }`.
    pub fn wrap<T, Params, Results>(
        mut store: impl AsContextMut<Data = T>,
        f: impl IntoFunc<T, Params, Results>,
    ) -> Func {
        let store = store.as_context_mut().0;
        let (ty, host) = f.into_func();
        let index = store.add_host_func(&ty, &host);
        Func { store: store.inner.id, index }
    }

    /// The function's signature; an error if the function belongs to another store.
    pub fn ty(&self, store: impl AsContext) -> Result<FuncType> {
        let store = &store.as_context().0.inner;
        store.check(self.store, "Func")?;
        Ok(store.engine.signature(store.funcs[self.index as usize].sig()))
    }

    /// Checks `params` and the room for `results` against the function's type and gives the
    /// type and the cells of a call: the arguments, and room for the results.
    pub(crate) fn prepare<T>(
        &self,
        store: &mut Store<T>,
        params: &[Val],
        results: usize,
    ) -> Result<(FuncType, smallvec::SmallVec<[u64; 16]>)> {
        let ty = self.ty(&*store)?;
        if params.len() != ty.params().len() || results != ty.results().len() {
            return Err(Error::msg(format!(
                "function {ty} called with {} arguments and room for {results} results",
                params.len(),
            )));
        }
        for (i, (p, t)) in params.iter().zip(ty.params()).enumerate() {
            if !p.matches_ty(*t, &store.inner) {
                return Err(Error::msg(format!("argument {i} is {} where the function takes {t}", p.ty())));
            }
        }
        store.inner.maybe_collect_externrefs();
        let mut cells: smallvec::SmallVec<[u64; 16]> = smallvec::smallvec![0; ty.param_cells().max(ty.result_cells())];
        let mut at = 0;
        for p in params {
            p.write_cells(&mut cells[at..], &mut store.inner)?;
            at += p.ty().cells();
        }
        Ok((ty, cells))
    }

    /// A typed view of the function; fails when `Params`/`Results` do not match its signature:
    /// each parameter's Rust type must be of a subtype of the parameter (a `funcref` cannot
    /// stand for a typed function reference, whose signature calls do not check), each result
    /// of a subtype of the result's Rust type (a typed reference may be read as `Option<Func>`).
    pub fn typed<Params: WasmTyList, Results: WasmTyList>(
        &self,
        store: impl AsContext,
    ) -> Result<TypedFunc<Params, Results>> {
        let ty = self.ty(store)?;
        let (params, results) = (Params::types(), Results::types());
        let all = |a: &[crate::ValType], b: &[crate::ValType]| {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.matches(*b))
        };
        if !all(&params, ty.params()) || !all(ty.results(), &results) {
            return Err(Error::msg(format!(
                "function type mismatch: the function is {ty}, asked for {}",
                FuncType::new(Params::types(), Results::types())
            )));
        }
        Ok(TypedFunc { func: *self, _marker: PhantomData })
    }
}

/// Reads the results of type `types` from `cells` into `results`.
pub(crate) fn read_results<T>(results: &mut [Val], cells: &[u64], types: &[crate::ValType], store: &Store<T>) {
    let mut at = 0;
    for (r, t) in results.iter_mut().zip(types) {
        *r = Val::from_cells(&cells[at..], *t, &store.inner);
        at += t.cells();
    }
}

/// A function whose signature was checked once, called without per-call type checks.
pub struct TypedFunc<Params, Results> {
    pub(crate) func: Func,
    _marker: PhantomData<fn(Params) -> Results>,
}

impl<P, R> Clone for TypedFunc<P, R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P, R> Copy for TypedFunc<P, R> {}

impl<P, R> std::fmt::Debug for TypedFunc<P, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypedFunc").field("func", &self.func).finish()
    }
}

impl<Params: WasmTyList, Results: WasmTyList> TypedFunc<Params, Results> {
    /// The untyped function.
    pub fn func(&self) -> Func {
        self.func
    }
}

/// What a host closure may return: nothing, values, or a `Result` of those.
pub trait HostResult: Send + 'static {
    /// The Wasm result types.
    type Values: WasmTyList;
    /// Into values or an error.
    fn into_result(self) -> Result<Self::Values>;
}

impl<R: WasmTyList> HostResult for R {
    type Values = R;
    fn into_result(self) -> Result<R> {
        Ok(self)
    }
}

impl<R: WasmTyList> HostResult for Result<R> {
    type Values = R;
    fn into_result(self) -> Result<R> {
        self
    }
}

/// A Rust closure that can become a host function; `Params` tells the shapes apart.
pub trait IntoFunc<T, Params, Results>: Send + Sync + 'static {
    /// The signature and the stored form.
    #[doc(hidden)]
    fn into_func(self) -> (FuncType, HostFunc<T>);
}

macro_rules! into_func {
    ($n:literal $(, $a:ident $i:tt)*) => {
        impl<T, F, R, $($a: WasmTy),*> IntoFunc<T, (Caller<'static, T>, $($a,)*), R> for F
        where
            F: Fn(Caller<'_, T>, $($a),*) -> R + Send + Sync + 'static,
            R: HostResult,
            T: 'static,
        {
            fn into_func(self) -> (FuncType, HostFunc<T>) {
                let results = <R::Values as WasmTyList>::types();
                let ty = FuncType::new(vec![$($a::TY),*], results);
                let host: HostFunc<T> = Arc::new(move |store: &mut Store<T>, instance: Option<u32>, cells: &mut [u64]| {
                    #[allow(unused_variables, unused_mut, unused_assignments, clippy::unused_unit)]
                    let args = { let mut at = 0; ($({ let v = $a::from_cells(&cells[at..], &store.inner); at += $a::CELLS; v },)*) };
                    let values = self(Caller { store: &mut *store, instance }, $(args.$i),*).into_result()?;
                    values.write_cells(cells, &mut store.inner)
                });
                (ty, host)
            }
        }

        impl<T, F, R, $($a: WasmTy),*> IntoFunc<T, ($($a,)*), R> for F
        where
            F: Fn($($a),*) -> R + Send + Sync + 'static,
            R: HostResult,
            T: 'static,
        {
            fn into_func(self) -> (FuncType, HostFunc<T>) {
                let results = <R::Values as WasmTyList>::types();
                let ty = FuncType::new(vec![$($a::TY),*], results);
                let host: HostFunc<T> = Arc::new(move |store: &mut Store<T>, _instance: Option<u32>, cells: &mut [u64]| {
                    #[allow(unused_variables, unused_mut, unused_assignments, clippy::unused_unit)]
                    let args = { let mut at = 0; ($({ let v = $a::from_cells(&cells[at..], &store.inner); at += $a::CELLS; v },)*) };
                    let values = self($(args.$i),*).into_result()?;
                    values.write_cells(cells, &mut store.inner)
                });
                (ty, host)
            }
        }
    };
}
into_func!(0);
into_func!(1, A 0);
into_func!(2, A 0, B 1);
into_func!(3, A 0, B 1, C 2);
into_func!(4, A 0, B 1, C 2, D 3);
into_func!(5, A 0, B 1, C 2, D 3, E 4);
into_func!(6, A 0, B 1, C 2, D 3, E 4, F2 5);
into_func!(7, A 0, B 1, C 2, D 3, E 4, F2 5, G 6);
into_func!(8, A 0, B 1, C 2, D 3, E 4, F2 5, G 6, H 7);
into_func!(9, A 0, B 1, C 2, D 3, E 4, F2 5, G 6, H 7, I 8);
into_func!(10, A 0, B 1, C 2, D 3, E 4, F2 5, G 6, H 7, I 8, J 9);
