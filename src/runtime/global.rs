//! Globals: the [`Global`] handle over the store's global cells.

use super::store::GlobalEntity;
use super::{AsContext, AsContextMut};
use crate::error::{Error, Result};
use crate::runtime::store::StoreId;
use crate::types::{GlobalType, Mutability};
use crate::value::Val;

/// A global owned by a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Global {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

impl Global {
    /// A new global holding `val`.
    pub fn new<T>(mut store: impl AsContextMut<Data = T>, ty: GlobalType, val: Val) -> Result<Global> {
        let store = &mut store.as_context_mut().0.inner;
        if !val.matches_ty(ty.content, store) {
            return Err(Error::msg("global initial value has the wrong type"));
        }
        let mut cells = [0; 2];
        val.write_cells(&mut cells, store)?;
        store.globals.push(GlobalEntity { value: cells[0], hi: cells[1], ty });
        Ok(Global { store: store.id, index: store.globals.len() as u32 - 1 })
    }

    fn entity<'a, T: 'a>(&self, store: &'a impl AsContext<Data = T>) -> Result<&'a GlobalEntity> {
        let store = store.as_context().0;
        store.inner.check(self.store, "Global")?;
        Ok(&store.inner.globals[self.index as usize])
    }

    /// The global's type.
    pub fn ty<T>(&self, store: impl AsContext<Data = T>) -> Result<GlobalType> {
        Ok(self.entity(&store)?.ty)
    }

    /// The current value.
    pub fn get<T>(&self, store: impl AsContext<Data = T>) -> Result<Val> {
        let g = self.entity(&store)?;
        Ok(Val::from_cells(&[g.value, g.hi], g.ty.content, &store.as_context().0.inner))
    }

    /// Sets the value of a mutable global.
    pub fn set<T>(&self, mut store: impl AsContextMut<Data = T>, val: Val) -> Result<()> {
        let store = &mut store.as_context_mut().0.inner;
        store.check(self.store, "Global")?;
        let g = &store.globals[self.index as usize];
        if g.ty.mutability != Mutability::Var {
            return Err(Error::msg("cannot set an immutable global"));
        }
        if !val.matches_ty(g.ty.content, store) {
            return Err(Error::msg("global value has the wrong type"));
        }
        let mut cells = [0; 2];
        val.write_cells(&mut cells, store)?;
        let g = &mut store.globals[self.index as usize];
        (g.value, g.hi) = (cells[0], cells[1]);
        Ok(())
    }
}
