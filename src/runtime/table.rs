//! Tables of references: the store's [`TableEntity`] and the [`Table`] handle.

use super::{AsContext, AsContextMut};
use crate::error::{Error, ErrorKind, Result, TrapCode};
use crate::types::{TableType, limits_match};
use crate::value::Val;

/// A table's cells (reference index + 1, or 0 for null) and limits.
#[derive(Debug)]
pub(crate) struct TableEntity {
    pub elems: Vec<u64>,
    pub ty: TableType,
    pub max: u64,
}

impl TableEntity {
    pub(crate) fn new(ty: TableType, init: u64, max_elements: u64) -> Result<Self> {
        let max = u64::from(ty.maximum.unwrap_or(u32::MAX)).min(max_elements);
        if u64::from(ty.minimum) > max {
            return Err(Error::new(ErrorKind::Limit(format!(
                "table of {} elements exceeds the limit of {max}",
                ty.minimum
            ))));
        }
        let mut elems = Vec::new();
        elems
            .try_reserve_exact(ty.minimum as usize)
            .map_err(|_| Error::new(ErrorKind::Limit("cannot allocate table".into())))?;
        elems.resize(ty.minimum as usize, init);
        Ok(TableEntity { elems, ty, max })
    }

    /// Grows by `delta` elements set to `init`, returning the old size, or `None` when refused.
    pub(crate) fn grow(&mut self, delta: u64, init: u64) -> Option<u64> {
        let old = self.elems.len() as u64;
        let new = old.checked_add(delta)?;
        if new > self.max {
            return None;
        }
        self.elems.try_reserve_exact(delta as usize).ok()?;
        self.elems.resize(new as usize, init);
        Some(old)
    }

    pub(crate) fn current_type(&self) -> TableType {
        TableType { element: self.ty.element, minimum: self.elems.len() as u32, maximum: self.ty.maximum }
    }

    pub(crate) fn matches(&self, wanted: &TableType) -> bool {
        let actual = self.current_type();
        actual.element == wanted.element
            && limits_match(
                (u64::from(actual.minimum), actual.maximum.map(u64::from)),
                (u64::from(wanted.minimum), wanted.maximum.map(u64::from)),
            )
    }
}

/// A table owned by a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Table {
    pub(crate) store: u32,
    pub(crate) index: u32,
}

impl Table {
    /// A new table with every element set to `init`.
    pub fn new<T>(mut store: impl AsContextMut<Data = T>, ty: TableType, init: Val) -> Result<Table> {
        let store = store.as_context_mut();
        if init.ty() != ty.element {
            return Err(Error::msg("table initial value has the wrong type"));
        }
        store.inner.check_counts(0, 0, 1)?;
        let entity = TableEntity::new(ty, init.to_cell(), store.inner.table_limit())?;
        store.inner.tables.push(entity);
        Ok(Table { store: store.inner.id, index: store.inner.tables.len() as u32 - 1 })
    }

    /// The table's type, with its current size as minimum.
    pub fn ty<T>(&self, store: impl AsContext<Data = T>) -> TableType {
        let store = store.as_context();
        store.check(self.store, "Table");
        store.inner.tables[self.index as usize].current_type()
    }

    /// Number of elements.
    pub fn size<T>(&self, store: impl AsContext<Data = T>) -> u64 {
        u64::from(self.ty(store).minimum)
    }

    /// The element at `index`, or `None` when out of bounds.
    pub fn get<T>(&self, store: impl AsContext<Data = T>, index: u64) -> Option<Val> {
        let store = store.as_context();
        store.check(self.store, "Table");
        let t = &store.inner.tables[self.index as usize];
        let cell = *t.elems.get(usize::try_from(index).ok()?)?;
        Some(Val::from_cell(cell, t.ty.element, &store.inner))
    }

    /// Sets the element at `index`.
    pub fn set<T>(&self, mut store: impl AsContextMut<Data = T>, index: u64, val: Val) -> Result<()> {
        let store = store.as_context_mut();
        store.check(self.store, "Table");
        let t = &mut store.inner.tables[self.index as usize];
        if val.ty() != t.ty.element {
            return Err(Error::msg("table element has the wrong type"));
        }
        let slot = usize::try_from(index)
            .ok()
            .and_then(|i| t.elems.get_mut(i))
            .ok_or_else(|| Error::trap(TrapCode::TableOutOfBounds))?;
        *slot = val.to_cell();
        Ok(())
    }

    /// Grows by `delta` elements set to `init`, returning the old size.
    pub fn grow<T>(&self, mut store: impl AsContextMut<Data = T>, delta: u64, init: Val) -> Result<u64> {
        let store = store.as_context_mut();
        store.check(self.store, "Table");
        let t = &mut store.inner.tables[self.index as usize];
        if init.ty() != t.ty.element {
            return Err(Error::msg("table element has the wrong type"));
        }
        t.grow(delta, init.to_cell())
            .ok_or_else(|| Error::new(ErrorKind::Limit(format!("cannot grow table by {delta}"))))
    }
}
