//! Wasm values as the embedding API sees them ([`Val`], [`ExternRef`]) and the typed-call traits.

use crate::runtime::{Func, StoreInner};
use crate::types::ValType;
use crate::{AsContext, AsContextMut};
use std::any::Any;

/// A reference to a host value, created with [`ExternRef::new`] and owned by its store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExternRef {
    pub(crate) index: u32,
}

impl ExternRef {
    /// Puts `value` into the store and returns a reference to it.
    pub fn new<T>(mut store: impl AsContextMut<Data = T>, value: impl Any + Send + Sync) -> Self {
        let inner = &mut store.as_context_mut().inner;
        inner.externrefs.push(Box::new(value));
        ExternRef { index: inner.externrefs.len() as u32 - 1 }
    }

    /// The host value.
    pub fn data<'a, T: 'a>(&self, store: &'a impl AsContext<Data = T>) -> &'a (dyn Any + Send + Sync) {
        &*store.as_context().inner.externrefs[self.index as usize]
    }
}

/// A Wasm value. Floats are kept as their bits so that NaN payloads survive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Val {
    /// An `i32`.
    I32(i32),
    /// An `i64`.
    I64(i64),
    /// The bits of an `f32`.
    F32(u32),
    /// The bits of an `f64`.
    F64(u64),
    /// A function reference, or null.
    FuncRef(Option<Func>),
    /// A host reference, or null.
    ExternRef(Option<ExternRef>),
}

impl Val {
    /// The value's type.
    pub fn ty(&self) -> ValType {
        match self {
            Val::I32(_) => ValType::I32,
            Val::I64(_) => ValType::I64,
            Val::F32(_) => ValType::F32,
            Val::F64(_) => ValType::F64,
            Val::FuncRef(_) => ValType::FuncRef,
            Val::ExternRef(_) => ValType::ExternRef,
        }
    }

    /// The zero value (or null) of a type.
    pub fn default_for(ty: ValType) -> Val {
        match ty {
            ValType::I32 => Val::I32(0),
            ValType::I64 => Val::I64(0),
            ValType::F32 => Val::F32(0),
            ValType::F64 => Val::F64(0),
            ValType::FuncRef => Val::FuncRef(None),
            ValType::ExternRef => Val::ExternRef(None),
        }
    }

    /// The `i32`, if this is one.
    pub fn i32(&self) -> Option<i32> {
        if let Val::I32(v) = self { Some(*v) } else { None }
    }

    /// The `i64`, if this is one.
    pub fn i64(&self) -> Option<i64> {
        if let Val::I64(v) = self { Some(*v) } else { None }
    }

    /// The `f32`, if this is one.
    pub fn f32(&self) -> Option<f32> {
        if let Val::F32(v) = self { Some(f32::from_bits(*v)) } else { None }
    }

    /// The `f64`, if this is one.
    pub fn f64(&self) -> Option<f64> {
        if let Val::F64(v) = self { Some(f64::from_bits(*v)) } else { None }
    }

    /// The value as an untyped register cell (references are index + 1, null is 0).
    pub(crate) fn to_cell(self) -> u64 {
        match self {
            Val::I32(v) => v as u32 as u64,
            Val::I64(v) => v as u64,
            Val::F32(v) => v as u64,
            Val::F64(v) => v,
            Val::FuncRef(None) | Val::ExternRef(None) => 0,
            Val::FuncRef(Some(f)) => f.index as u64 + 1,
            Val::ExternRef(Some(r)) => r.index as u64 + 1,
        }
    }

    /// Reads an untyped register cell as a value of type `ty`.
    pub(crate) fn from_cell(cell: u64, ty: ValType, store: &StoreInner) -> Val {
        match ty {
            ValType::I32 => Val::I32(cell as i32),
            ValType::I64 => Val::I64(cell as i64),
            ValType::F32 => Val::F32(cell as u32),
            ValType::F64 => Val::F64(cell),
            ValType::FuncRef => Val::FuncRef(match cell {
                0 => None,
                n => Some(Func { store: store.id, index: (n - 1) as u32 }),
            }),
            ValType::ExternRef => Val::ExternRef(match cell {
                0 => None,
                n => Some(ExternRef { index: (n - 1) as u32 }),
            }),
        }
    }
}

impl From<i32> for Val {
    fn from(v: i32) -> Val {
        Val::I32(v)
    }
}
impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::I64(v)
    }
}
impl From<f32> for Val {
    fn from(v: f32) -> Val {
        Val::F32(v.to_bits())
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Val {
        Val::F64(v.to_bits())
    }
}

/// A Rust type that maps to one Wasm value type (`i32`, `u32`, `i64`, `u64`, `f32`, `f64`).
pub trait WasmTy: Copy + Send + Sync + 'static {
    /// The Wasm type.
    const TY: ValType;
    /// To an untyped cell.
    fn into_cell(self) -> u64;
    /// From an untyped cell.
    fn from_cell(cell: u64) -> Self;
}

macro_rules! wasm_ty {
    ($($t:ty => $vt:ident, |$v:ident| $to:expr, |$c:ident| $from:expr;)*) => {$(
        impl WasmTy for $t {
            const TY: ValType = ValType::$vt;
            fn into_cell(self) -> u64 { let $v = self; $to }
            fn from_cell($c: u64) -> Self { $from }
        }
    )*};
}
wasm_ty! {
    i32 => I32, |v| v as u32 as u64, |c| c as i32;
    u32 => I32, |v| v as u64, |c| c as u32;
    i64 => I64, |v| v as u64, |c| c as i64;
    u64 => I64, |v| v, |c| c;
    f32 => F32, |v| v.to_bits() as u64, |c| f32::from_bits(c as u32);
    f64 => F64, |v| v.to_bits(), |c| f64::from_bits(c);
}

/// A tuple of [`WasmTy`] values: the parameters or results of a typed function.
pub trait WasmTyList: Sized + Send + Sync + 'static {
    /// The Wasm types, in order.
    fn types() -> Vec<ValType>;
    /// Writes the values as cells.
    fn write_cells(self, out: &mut [u64]);
    /// Reads the values from cells.
    fn read_cells(cells: &[u64]) -> Self;
}

impl<A: WasmTy> WasmTyList for A {
    fn types() -> Vec<ValType> {
        vec![A::TY]
    }
    fn write_cells(self, out: &mut [u64]) {
        out[0] = self.into_cell();
    }
    fn read_cells(cells: &[u64]) -> Self {
        A::from_cell(cells[0])
    }
}

macro_rules! wasm_ty_tuple {
    ($($name:ident $idx:tt),*) => {
        impl<$($name: WasmTy),*> WasmTyList for ($($name,)*) {
            fn types() -> Vec<ValType> { vec![$($name::TY),*] }
            #[allow(unused_variables)]
            fn write_cells(self, out: &mut [u64]) { $( out[$idx] = self.$idx.into_cell(); )* }
            #[allow(unused_variables, clippy::unused_unit)]
            fn read_cells(cells: &[u64]) -> Self { ($($name::from_cell(cells[$idx]),)*) }
        }
    };
}
wasm_ty_tuple!();
wasm_ty_tuple!(A 0);
wasm_ty_tuple!(A 0, B 1);
wasm_ty_tuple!(A 0, B 1, C 2);
wasm_ty_tuple!(A 0, B 1, C 2, D 3);
wasm_ty_tuple!(A 0, B 1, C 2, D 3, E 4);
wasm_ty_tuple!(A 0, B 1, C 2, D 3, E 4, F 5);
wasm_ty_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
wasm_ty_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
wasm_ty_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
wasm_ty_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
