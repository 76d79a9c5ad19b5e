//! Functions: [`Func`] handles, host functions ([`Caller`], [`IntoFunc`]) and [`TypedFunc`].

use super::{AsContext, AsContextMut, Extern, Instance, Store};
use crate::error::{Error, Result};
use crate::types::FuncType;
use crate::value::{Val, WasmTy, WasmTyList};
use std::marker::PhantomData;
use std::sync::Arc;

/// A host function as stored: arguments and results as [`Val`]s.
pub(crate) type HostFunc<T> = Arc<dyn Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static>;

/// A Wasm or host function owned by a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Func {
    pub(crate) store: u32,
    pub(crate) index: u32,
}

/// The view a host function gets of the store it is called from.
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

    /// An export of the calling instance (typically its `memory`).
    pub fn get_export(&self, name: &str) -> Option<Extern> {
        let instance = self.instance?;
        Instance { store: self.store.inner.id, index: instance }.get_export(&*self.store, name)
    }
}

impl Func {
    /// A host function from a closure over [`Val`]s with an explicit signature.
    pub fn new<T>(
        mut store: impl AsContextMut<Data = T>,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
    ) -> Func {
        let store = store.as_context_mut();
        let index = store.add_host_func(&ty, Arc::new(f));
        Func { store: store.inner.id, index }
    }

    /// A host function from a typed closure, e.g. `|a: i32, b: i32| a + b` or
    /// `|caller: Caller<'_, T>, ptr: i32| -> Result<i32, Error> { … }`.
    pub fn wrap<T, Params, Results>(
        mut store: impl AsContextMut<Data = T>,
        f: impl IntoFunc<T, Params, Results>,
    ) -> Func {
        let store = store.as_context_mut();
        let (ty, host) = f.into_func();
        let index = store.add_host_func(&ty, host);
        Func { store: store.inner.id, index }
    }

    /// The function's signature.
    pub fn ty(&self, store: impl AsContext) -> FuncType {
        let store = store.as_context();
        store.check(self.store, "Func");
        store.inner.func_type(self.index)
    }

    /// Calls the function. `params` must match its parameter types and `results` have room for
    /// exactly its results.
    pub fn call<T>(&self, mut store: impl AsContextMut<Data = T>, params: &[Val], results: &mut [Val]) -> Result<()> {
        let store = store.as_context_mut();
        store.check(self.store, "Func");
        let ty = store.inner.func_type(self.index);
        if params.len() != ty.params().len() || results.len() != ty.results().len() {
            return Err(Error::msg(format!(
                "function {ty} called with {} arguments and room for {} results",
                params.len(),
                results.len()
            )));
        }
        for (i, (p, t)) in params.iter().zip(ty.params()).enumerate() {
            if p.ty() != *t {
                return Err(Error::msg(format!("argument {i} is {} where the function takes {t}", p.ty())));
            }
        }
        let mut cells: Vec<u64> = params.iter().map(|p| p.to_cell()).collect();
        cells.resize(params.len().max(results.len()), 0);
        crate::exec::call(store, self.index, &mut cells)?;
        for (r, (cell, t)) in results.iter_mut().zip(cells.iter().zip(ty.results())) {
            *r = Val::from_cell(*cell, *t, &store.inner);
        }
        Ok(())
    }

    /// A typed view of the function; fails when `Params`/`Results` do not match its signature.
    pub fn typed<Params: WasmTyList, Results: WasmTyList>(
        &self,
        store: impl AsContext,
    ) -> Result<TypedFunc<Params, Results>> {
        let ty = self.ty(store);
        if ty.params() != Params::types().as_slice() || ty.results() != Results::types().as_slice() {
            return Err(Error::msg(format!(
                "function type mismatch: the function is {ty}, asked for {}",
                FuncType::new(Params::types(), Results::types())
            )));
        }
        Ok(TypedFunc { func: *self, _marker: PhantomData })
    }
}

/// A function whose signature was checked once, called without per-call type checks.
pub struct TypedFunc<Params, Results> {
    func: Func,
    _marker: PhantomData<fn(Params) -> Results>,
}

impl<P, R> Clone for TypedFunc<P, R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<P, R> Copy for TypedFunc<P, R> {}

impl<Params: WasmTyList, Results: WasmTyList> TypedFunc<Params, Results> {
    /// Calls the function.
    pub fn call<T>(&self, mut store: impl AsContextMut<Data = T>, params: Params) -> Result<Results> {
        let store = store.as_context_mut();
        store.check(self.func.store, "TypedFunc");
        let n = Params::types().len().max(Results::types().len());
        let mut cells = [0u64; 16];
        let mut heap;
        let cells: &mut [u64] = if n <= 16 {
            &mut cells[..n]
        } else {
            heap = vec![0u64; n];
            &mut heap
        };
        params.write_cells(cells);
        crate::exec::call(store, self.func.index, cells)?;
        Ok(Results::read_cells(cells))
    }

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

fn read_args<const N: usize>(args: &[Val]) -> [u64; N] {
    let mut cells = [0u64; N];
    for (c, a) in cells.iter_mut().zip(args) {
        *c = a.to_cell();
    }
    cells
}

fn write_results<R: WasmTyList>(values: R, out: &mut [Val], store_types: &[crate::types::ValType]) {
    let mut cells = vec![0u64; out.len()];
    values.write_cells(&mut cells);
    for ((o, c), t) in out.iter_mut().zip(cells).zip(store_types) {
        *o = match t {
            crate::types::ValType::I32 => Val::I32(c as i32),
            crate::types::ValType::I64 => Val::I64(c as i64),
            crate::types::ValType::F32 => Val::F32(c as u32),
            _ => Val::F64(c),
        };
    }
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
                let ty = FuncType::new(vec![$($a::TY),*], results.clone());
                let host: HostFunc<T> = Arc::new(move |caller: Caller<'_, T>, args: &[Val], out: &mut [Val]| {
                    #[allow(unused_variables)]
                    let cells = read_args::<$n>(args);
                    let values = self(caller, $($a::from_cell(cells[$i])),*).into_result()?;
                    write_results(values, out, &results);
                    Ok(())
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
                let ty = FuncType::new(vec![$($a::TY),*], results.clone());
                let host: HostFunc<T> = Arc::new(move |_caller: Caller<'_, T>, args: &[Val], out: &mut [Val]| {
                    #[allow(unused_variables)]
                    let cells = read_args::<$n>(args);
                    let values = self($($a::from_cell(cells[$i])),*).into_result()?;
                    write_results(values, out, &results);
                    Ok(())
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
