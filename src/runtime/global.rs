//! Globals: the [`Global`] handle over the store's global cells.

use super::store::GlobalEntity;
use super::{AsContext, AsContextMut};
use crate::error::{Error, Result};
use crate::types::{GlobalType, Mutability};
use crate::value::Val;

/// A global owned by a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Global {
    pub(crate) store: u32,
    pub(crate) index: u32,
}

impl Global {
    /// A new global holding `val`.
    pub fn new<T>(mut store: impl AsContextMut<Data = T>, ty: GlobalType, val: Val) -> Result<Global> {
        let store = store.as_context_mut();
        if val.ty() != ty.content {
            return Err(Error::msg("global initial value has the wrong type"));
        }
        store.inner.globals.push(GlobalEntity { value: val.to_cell(), ty });
        Ok(Global { store: store.inner.id, index: store.inner.globals.len() as u32 - 1 })
    }

    /// The global's type.
    pub fn ty<T>(&self, store: impl AsContext<Data = T>) -> GlobalType {
        let store = store.as_context();
        store.check(self.store, "Global");
        store.inner.globals[self.index as usize].ty
    }

    /// The current value.
    pub fn get<T>(&self, store: impl AsContext<Data = T>) -> Val {
        let store = store.as_context();
        store.check(self.store, "Global");
        let g = &store.inner.globals[self.index as usize];
        Val::from_cell(g.value, g.ty.content, &store.inner)
    }

    /// Sets the value of a mutable global.
    pub fn set<T>(&self, mut store: impl AsContextMut<Data = T>, val: Val) -> Result<()> {
        let store = store.as_context_mut();
        store.check(self.store, "Global");
        let g = &mut store.inner.globals[self.index as usize];
        if g.ty.mutability != Mutability::Var {
            return Err(Error::msg("cannot set an immutable global"));
        }
        if val.ty() != g.ty.content {
            return Err(Error::msg("global value has the wrong type"));
        }
        g.value = val.to_cell();
        Ok(())
    }
}
