//! Wasm values as the embedding API sees them ([`Val`], [`ExternRef`]) and the typed-call traits.

use crate::error::Result;
use crate::runtime::store::StoreId;
use crate::runtime::{Func, HostValue, StoreInner};
use crate::types::ValType;
use crate::{AsContext, AsContextMut};
use std::any::Any;
use std::sync::Arc;

/// A reference to a host value, created with [`ExternRef::new`]. It owns the value: the value is
/// dropped once no `ExternRef` and no Wasm table, global or running code holds it any more.
/// An `ExternRef` belongs to the store it was made for; using it with another store is an error.
#[derive(Clone)]
pub struct ExternRef {
    pub(crate) store: StoreId,
    pub(crate) value: HostValue,
}

impl ExternRef {
    /// A reference to `value`, for use with this store.
    pub fn new<T>(store: impl AsContextMut<Data = T>, value: impl Any + Send + Sync) -> Self {
        ExternRef { store: store.as_context().0.inner.id, value: Arc::new(value) }
    }

    /// The host value; an error if the reference belongs to another store.
    pub fn data(&self, store: impl AsContext) -> Result<&(dyn Any + Send + Sync)> {
        store.as_context().0.inner.check(self.store, "ExternRef")?;
        Ok(&*self.value)
    }
}

impl PartialEq for ExternRef {
    fn eq(&self, other: &Self) -> bool {
        self.store == other.store && Arc::ptr_eq(&self.value, &other.value)
    }
}
impl Eq for ExternRef {}

impl std::hash::Hash for ExternRef {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.store.hash(state);
        (Arc::as_ptr(&self.value) as *const () as usize).hash(state);
    }
}

impl std::fmt::Debug for ExternRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExternRef({:p})", Arc::as_ptr(&self.value) as *const ())
    }
}

/// A `v128` value (fixed-width SIMD): its 128 bits, lane 0 in the least significant bits (the
/// little-endian order of a `v128.store`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct V128(u128);

impl V128 {
    /// The bits.
    pub fn as_u128(&self) -> u128 {
        self.0
    }

    /// The value from its two register cells (low half, high half).
    pub(crate) fn from_halves(lo: u64, hi: u64) -> V128 {
        V128(u128::from(lo) | (u128::from(hi) << 64))
    }

    /// The two register cells of the value (low half, high half).
    pub(crate) fn halves(self) -> [u64; 2] {
        [self.0 as u64, (self.0 >> 64) as u64]
    }
}

impl From<u128> for V128 {
    fn from(bits: u128) -> V128 {
        V128(bits)
    }
}

impl From<V128> for u128 {
    fn from(v: V128) -> u128 {
        v.0
    }
}

/// A Wasm value. Floats are kept as their bits so that NaN payloads survive.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Val {
    /// An `i32`.
    I32(i32),
    /// An `i64`.
    I64(i64),
    /// The bits of an `f32`.
    F32(u32),
    /// The bits of an `f64`.
    F64(u64),
    /// A `v128`.
    V128(V128),
    /// A function reference, or null.
    FuncRef(Option<Func>),
    /// A host reference, or null.
    ExternRef(Option<ExternRef>),
    /// An exception reference, or null.
    ExnRef(Option<crate::ExnRef>),
}

impl Val {
    /// The value's type, as far as it can be told without the store: a function reference is a
    /// `funcref` whatever its signature (where a typed reference is expected, the API checks the
    /// function's signature itself), and an exception reference an `exnref`.
    pub fn ty(&self) -> ValType {
        match self {
            Val::I32(_) => ValType::I32,
            Val::I64(_) => ValType::I64,
            Val::F32(_) => ValType::F32,
            Val::F64(_) => ValType::F64,
            Val::V128(_) => ValType::V128,
            Val::FuncRef(_) => ValType::FuncRef,
            Val::ExternRef(_) => ValType::ExternRef,
            Val::ExnRef(_) => ValType::Ref(crate::types::RefType::EXNREF),
        }
    }

    /// The zero value (or null) of a type (null also for a non-nullable reference type, which
    /// has no default).
    pub fn default_for(ty: ValType) -> Val {
        match ty {
            ValType::I32 => Val::I32(0),
            ValType::I64 => Val::I64(0),
            ValType::F32 => Val::F32(0),
            ValType::F64 => Val::F64(0),
            ValType::V128 => Val::V128(V128(0)),
            t if t.is_func_ref() => Val::FuncRef(None),
            t if t.is_exn_ref() => Val::ExnRef(None),
            _ => Val::ExternRef(None),
        }
    }

    /// Whether the value is of type `ty` in `store` (a function reference of a typed reference
    /// type must have its signature; null only where the type is nullable).
    pub(crate) fn matches_ty(&self, ty: ValType, store: &StoreInner) -> bool {
        use crate::types::HeapType;
        let Some(rt) = ty.ref_type() else { return self.ty() == ty };
        match self {
            Val::FuncRef(None) => rt.is_nullable() && rt.heap_type().is_func(),
            Val::ExternRef(None) => rt.is_nullable() && ty.is_extern_ref(),
            Val::ExternRef(Some(_)) => rt.heap_type() == HeapType::Extern,
            Val::ExnRef(None) => rt.is_nullable() && ty.is_exn_ref(),
            Val::ExnRef(Some(_)) => rt.heap_type() == HeapType::Exn,
            Val::FuncRef(Some(f)) => match rt.heap_type() {
                HeapType::Func => true,
                HeapType::Concrete(sig) => store.func_sig(f) == Some(sig),
                _ => false,
            },
            _ => false,
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

    /// The `v128`, if this is one.
    pub fn v128(&self) -> Option<V128> {
        if let Val::V128(v) = self { Some(*v) } else { None }
    }

    /// Writes the value as the register cells of `store` it occupies (`out` has room for them:
    /// two for a `v128`, one for the others).
    pub(crate) fn write_cells(&self, out: &mut [u64], store: &mut StoreInner) -> Result<()> {
        match self {
            Val::V128(v) => out[..2].copy_from_slice(&v.halves()),
            other => out[0] = other.to_cell(store)?,
        }
        Ok(())
    }

    /// The register cells of `vals` in a row (a `v128` takes two).
    pub(crate) fn cells_of(vals: &[Val], store: &mut StoreInner) -> Result<Vec<u64>> {
        let mut cells = vec![0; vals.iter().map(|v| v.ty().cells()).sum()];
        let mut at = 0;
        for v in vals {
            v.write_cells(&mut cells[at..], store)?;
            at += v.ty().cells();
        }
        Ok(cells)
    }

    /// Reads values of types `types` from the register cells they occupy in a row.
    pub(crate) fn vals_of(cells: &[u64], types: &[ValType], store: &StoreInner) -> Vec<Val> {
        let mut at = 0;
        types
            .iter()
            .map(|t| {
                let v = Val::from_cells(&cells[at..], *t, store);
                at += t.cells();
                v
            })
            .collect()
    }

    /// Reads a value of type `ty` from the register cells it occupies at the start of `cells`.
    pub(crate) fn from_cells(cells: &[u64], ty: ValType, store: &StoreInner) -> Val {
        match ty {
            ValType::V128 => Val::V128(V128::from_halves(cells[0], cells[1])),
            _ => Val::from_cell(cells[0], ty, store),
        }
    }

    /// The value as an untyped register cell of `store` (references are index + 1, null is 0);
    /// an error for a reference that belongs to another store, and for a `v128`, which takes two
    /// cells (`Val::write_cells`).
    pub(crate) fn to_cell(&self, store: &mut StoreInner) -> Result<u64> {
        Ok(match self {
            Val::I32(v) => *v as u32 as u64,
            Val::I64(v) => *v as u64,
            Val::F32(v) => u64::from(*v),
            Val::F64(v) => *v,
            Val::V128(_) => return Err(crate::Error::unsupported("a v128 value here")),
            Val::FuncRef(f) => f.into_cell(store)?,
            Val::ExternRef(r) => r.clone().into_cell(store)?,
            Val::ExnRef(None) => 0,
            Val::ExnRef(Some(e)) => {
                store.check(e.store, "ExnRef")?;
                store.exnrefs.cell_of(&e.value())
            }
        })
    }

    /// Reads an untyped register cell of `store` as a value of type `ty` (for a `v128`, which
    /// takes two cells, see `Val::from_cells`: here the cell is its low half).
    pub(crate) fn from_cell(cell: u64, ty: ValType, store: &StoreInner) -> Val {
        match ty {
            ValType::I32 => Val::I32(cell as i32),
            ValType::I64 => Val::I64(cell as i64),
            ValType::F32 => Val::F32(cell as u32),
            ValType::F64 => Val::F64(cell),
            ValType::V128 => Val::V128(V128::from_halves(cell, 0)),
            t if t.is_func_ref() => Val::FuncRef(WasmTy::from_cell(cell, store)),
            t if t.is_exn_ref() => Val::ExnRef(crate::ExnRef::from_cell(cell, store)),
            _ => Val::ExternRef(WasmTy::from_cell(cell, store)),
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
impl From<V128> for Val {
    fn from(v: V128) -> Val {
        Val::V128(v)
    }
}

/// A Rust type that maps to one Wasm value type: `i32`, `u32`, `i64`, `u64`, `f32`, `f64`,
/// [`V128`] (`v128`), `Option<Func>` (`funcref`) and `Option<ExternRef>` (`externref`).
pub trait WasmTy: Send + Sync + 'static {
    /// The Wasm type.
    const TY: ValType;
    /// How many register cells a value occupies (two for a `v128`).
    #[doc(hidden)]
    const CELLS: usize = 1;
    /// To an untyped cell of `store`; an error for a reference of another store.
    #[doc(hidden)]
    fn into_cell(self, store: &mut StoreInner) -> Result<u64>;
    /// From an untyped cell of `store`.
    #[doc(hidden)]
    fn from_cell(cell: u64, store: &StoreInner) -> Self;
    /// To the `CELLS` cells at the start of `out`.
    #[doc(hidden)]
    #[inline(always)]
    fn into_cells(self, out: &mut [u64], store: &mut StoreInner) -> Result<()>
    where
        Self: Sized,
    {
        out[0] = self.into_cell(store)?;
        Ok(())
    }
    /// From the `CELLS` cells at the start of `cells`.
    #[doc(hidden)]
    #[inline(always)]
    fn from_cells(cells: &[u64], store: &StoreInner) -> Self
    where
        Self: Sized,
    {
        Self::from_cell(cells[0], store)
    }
}

impl WasmTy for V128 {
    const TY: ValType = ValType::V128;
    const CELLS: usize = 2;
    /// The low half (a `v128` takes two cells: see `into_cells`).
    fn into_cell(self, _: &mut StoreInner) -> Result<u64> {
        Ok(self.halves()[0])
    }
    fn from_cell(cell: u64, _: &StoreInner) -> Self {
        V128::from_halves(cell, 0)
    }
    #[inline(always)]
    fn into_cells(self, out: &mut [u64], _: &mut StoreInner) -> Result<()> {
        out[..2].copy_from_slice(&self.halves());
        Ok(())
    }
    #[inline(always)]
    fn from_cells(cells: &[u64], _: &StoreInner) -> Self {
        V128::from_halves(cells[0], cells[1])
    }
}

macro_rules! wasm_ty {
    ($($t:ty => $vt:ident, |$v:ident| $to:expr, |$c:ident| $from:expr;)*) => {$(
        impl WasmTy for $t {
            const TY: ValType = ValType::$vt;
            #[inline(always)]
            fn into_cell(self, _: &mut StoreInner) -> Result<u64> { let $v = self; Ok($to) }
            #[inline(always)]
            fn from_cell($c: u64, _: &StoreInner) -> Self { $from }
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

impl WasmTy for Option<Func> {
    const TY: ValType = ValType::FuncRef;
    fn into_cell(self, store: &mut StoreInner) -> Result<u64> {
        match self {
            None => Ok(0),
            Some(f) => {
                store.check(f.store, "Func")?;
                Ok(u64::from(f.index) + 1)
            }
        }
    }
    fn from_cell(cell: u64, store: &StoreInner) -> Self {
        let index = u32::try_from(cell.checked_sub(1)?).ok()?;
        Some(Func { store: store.id, index })
    }
}

impl WasmTy for Option<ExternRef> {
    const TY: ValType = ValType::ExternRef;
    fn into_cell(self, store: &mut StoreInner) -> Result<u64> {
        match self {
            None => Ok(0),
            Some(r) => {
                store.check(r.store, "ExternRef")?;
                Ok(store.externrefs.cell_of(&r.value))
            }
        }
    }
    fn from_cell(cell: u64, store: &StoreInner) -> Self {
        Some(ExternRef { store: store.id, value: store.externrefs.get(cell)? })
    }
}

/// A tuple of [`WasmTy`] values: the parameters or results of a typed function.
pub trait WasmTyList: Sized + Send + Sync + 'static {
    /// The Wasm types, in order.
    fn types() -> Vec<ValType>;
    /// How many register cells the values occupy (a `v128` takes two).
    const LEN: usize;
    /// Writes the values as cells of `store`.
    #[doc(hidden)]
    fn write_cells(self, out: &mut [u64], store: &mut StoreInner) -> Result<()>;
    /// Reads the values from cells of `store`.
    #[doc(hidden)]
    fn read_cells(cells: &[u64], store: &StoreInner) -> Self;
}

impl<A: WasmTy> WasmTyList for A {
    fn types() -> Vec<ValType> {
        vec![A::TY]
    }
    const LEN: usize = A::CELLS;
    #[inline(always)]
    fn write_cells(self, out: &mut [u64], store: &mut StoreInner) -> Result<()> {
        self.into_cells(out, store)
    }
    #[inline(always)]
    fn read_cells(cells: &[u64], store: &StoreInner) -> Self {
        A::from_cells(cells, store)
    }
}

macro_rules! wasm_ty_tuple {
    ($n:literal $(, $name:ident $idx:tt)*) => {
        impl<$($name: WasmTy),*> WasmTyList for ($($name,)*) {
            fn types() -> Vec<ValType> { vec![$($name::TY),*] }
            const LEN: usize = 0 $(+ $name::CELLS)*;
            #[allow(unused_variables, unused_mut, unused_assignments)]
            #[inline(always)]
            fn write_cells(self, out: &mut [u64], store: &mut StoreInner) -> Result<()> {
                let mut at = 0;
                $( self.$idx.into_cells(&mut out[at..], store)?; at += $name::CELLS; )*
                Ok(())
            }
            #[allow(unused_variables, unused_mut, unused_assignments, clippy::unused_unit)]
            #[inline(always)]
            fn read_cells(cells: &[u64], store: &StoreInner) -> Self {
                let mut at = 0;
                ($({ let v = $name::from_cells(&cells[at..], store); at += $name::CELLS; v },)*)
            }
        }
    };
}
wasm_ty_tuple!(0);
wasm_ty_tuple!(1, A 0);
wasm_ty_tuple!(2, A 0, B 1);
wasm_ty_tuple!(3, A 0, B 1, C 2);
wasm_ty_tuple!(4, A 0, B 1, C 2, D 3);
wasm_ty_tuple!(5, A 0, B 1, C 2, D 3, E 4);
wasm_ty_tuple!(6, A 0, B 1, C 2, D 3, E 4, F 5);
wasm_ty_tuple!(7, A 0, B 1, C 2, D 3, E 4, F 5, G 6);
wasm_ty_tuple!(8, A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
wasm_ty_tuple!(9, A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
wasm_ty_tuple!(10, A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
