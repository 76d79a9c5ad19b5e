//! Tables of references: the store's [`TableEntity`] and the [`Table`] handle.

use super::{AsContext, AsContextMut};
use crate::error::{Error, ErrorKind, Result, TrapCode};
use crate::runtime::store::StoreId;
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
        // Below 2^32 elements whatever the limits say, so that an index saturated to `u32::MAX`
        // (a 64-bit table's, see `exec`) is always out of bounds.
        let max = ty.maximum().unwrap_or(u64::MAX).min(max_elements).min(u64::from(u32::MAX));
        if ty.minimum() > max {
            return Err(Error::new(ErrorKind::Limit(format!(
                "table of {} elements exceeds the limit of {max}",
                ty.minimum()
            ))));
        }
        let mut elems = Vec::new();
        elems
            .try_reserve_exact(ty.minimum() as usize)
            .map_err(|_| Error::new(ErrorKind::Limit("cannot allocate table".into())))?;
        elems.resize(ty.minimum() as usize, init);
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

    /// `table.get`: element `index`.
    pub(crate) fn get(&self, index: u32) -> Result<u64, TrapCode> {
        self.elems.get(index as usize).copied().ok_or(TrapCode::TableOutOfBounds)
    }

    /// `table.set`: element `index` becomes `value`.
    pub(crate) fn set(&mut self, index: u32, value: u64) -> Result<(), TrapCode> {
        *self.elems.get_mut(index as usize).ok_or(TrapCode::TableOutOfBounds)? = value;
        Ok(())
    }

    /// `table.fill`: elements `dst..dst + len` become `value`.
    pub(crate) fn fill(&mut self, dst: u32, len: u32, value: u64) -> Result<(), TrapCode> {
        let (d, n) = (dst as usize, len as usize);
        self.elems.get_mut(d..d + n).ok_or(TrapCode::TableOutOfBounds)?.fill(value);
        Ok(())
    }

    /// `table.init`: elements `src..src + len` of `segment` to `dst..`, all or nothing.
    pub(crate) fn init(&mut self, dst: u32, segment: &[u64], src: u32, len: u32) -> Result<(), TrapCode> {
        let (d, s, n) = (dst as usize, src as usize, len as usize);
        let (Some(items), Some(to)) = (segment.get(s..s + n), self.elems.get_mut(d..d + n)) else {
            return Err(TrapCode::TableOutOfBounds);
        };
        to.copy_from_slice(items);
        Ok(())
    }

    /// `table.copy` within one table (the ranges may overlap).
    pub(crate) fn copy_within(&mut self, dst: u32, src: u32, len: u32) -> Result<(), TrapCode> {
        let (d, s, n) = (dst as usize, src as usize, len as usize);
        if s + n > self.elems.len() || d + n > self.elems.len() {
            return Err(TrapCode::TableOutOfBounds);
        }
        self.elems.copy_within(s..s + n, d);
        Ok(())
    }

    pub(crate) fn current_type(&self) -> TableType {
        self.ty.with_minimum(self.elems.len() as u64)
    }

    pub(crate) fn matches(&self, wanted: &TableType) -> bool {
        let actual = self.current_type();
        actual.element() == wanted.element()
            && actual.is_64() == wanted.is_64()
            && limits_match((actual.minimum(), actual.maximum()), (wanted.minimum(), wanted.maximum()))
    }
}

/// `table.copy` from table `src_table` to table `dst_table` of `tables` (the same or two).
pub(crate) fn copy(
    tables: &mut [TableEntity],
    (dst_table, dst): (usize, u32),
    (src_table, src): (usize, u32),
    len: u32,
) -> Result<(), TrapCode> {
    if dst_table == src_table {
        return tables[dst_table].copy_within(dst, src, len);
    }
    let (d, s, n) = (dst as usize, src as usize, len as usize);
    let (to, from) = if dst_table < src_table {
        let (low, high) = tables.split_at_mut(src_table);
        (&mut low[dst_table], &high[0])
    } else {
        let (low, high) = tables.split_at_mut(dst_table);
        (&mut high[0], &low[src_table])
    };
    let (Some(items), Some(to)) = (from.elems.get(s..s + n), to.elems.get_mut(d..d + n)) else {
        return Err(TrapCode::TableOutOfBounds);
    };
    to.copy_from_slice(items);
    Ok(())
}

/// A table owned by a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Table {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

impl TableEntity {
    fn type_maximum(&self) -> Option<usize> {
        self.ty.maximum().map(|m| usize::try_from(m).unwrap_or(usize::MAX))
    }
}

impl Table {
    /// A new table with every element set to `init`.
    pub fn new<T>(mut store: impl AsContextMut<Data = T>, ty: TableType, init: Val) -> Result<Table> {
        let store = store.as_context_mut().0;
        if !init.matches_ty(ty.element(), &store.inner) {
            return Err(Error::msg("table initial value has the wrong type"));
        }
        store.check_counts(0, 0, 1)?;
        let init = init.to_cell(&mut store.inner)?;
        let entity = TableEntity::new(ty, init, store.inner.table_limit())?;
        if !store.allow_growth(false, 0, entity.elems.len(), entity.type_maximum())? {
            return Err(Error::new(ErrorKind::Limit(format!(
                "table of {} elements refused by the limiter",
                ty.minimum()
            ))));
        }
        store.inner.tables.push(entity);
        Ok(Table { store: store.inner.id, index: store.inner.tables.len() as u32 - 1 })
    }

    fn entity<'a, T: 'a>(&self, store: &'a impl AsContext<Data = T>) -> Result<&'a TableEntity> {
        let store = store.as_context().0;
        store.inner.check(self.store, "Table")?;
        Ok(&store.inner.tables[self.index as usize])
    }

    /// The table's type, with its current size as minimum.
    pub fn ty<T>(&self, store: impl AsContext<Data = T>) -> Result<TableType> {
        Ok(self.entity(&store)?.current_type())
    }

    /// Number of elements.
    pub fn size<T>(&self, store: impl AsContext<Data = T>) -> Result<u64> {
        Ok(self.entity(&store)?.elems.len() as u64)
    }

    /// The element at `index`: `Ok(None)` when out of bounds, an error when the table belongs to
    /// another store.
    pub fn get<T>(&self, store: impl AsContext<Data = T>, index: u64) -> Result<Option<Val>> {
        let t = self.entity(&store)?;
        let Some(&cell) = usize::try_from(index).ok().and_then(|i| t.elems.get(i)) else { return Ok(None) };
        Ok(Some(Val::from_cell(cell, t.ty.element(), &store.as_context().0.inner)))
    }

    /// Sets the element at `index`.
    pub fn set<T>(&self, mut store: impl AsContextMut<Data = T>, index: u64, val: Val) -> Result<()> {
        let store = &mut store.as_context_mut().0.inner;
        store.check(self.store, "Table")?;
        if !val.matches_ty(store.tables[self.index as usize].ty.element(), store) {
            return Err(Error::msg("table element has the wrong type"));
        }
        let cell = val.to_cell(store)?;
        let slot = usize::try_from(index)
            .ok()
            .and_then(|i| store.tables[self.index as usize].elems.get_mut(i))
            .ok_or_else(|| Error::trap(TrapCode::TableOutOfBounds))?;
        *slot = cell;
        Ok(())
    }

    /// Grows by `delta` elements set to `init`, returning the old size.
    pub fn grow<T>(&self, mut store: impl AsContextMut<Data = T>, delta: u64, init: Val) -> Result<u64> {
        let store = store.as_context_mut().0;
        store.inner.check(self.store, "Table")?;
        if !init.matches_ty(store.inner.tables[self.index as usize].ty.element(), &store.inner) {
            return Err(Error::msg("table element has the wrong type"));
        }
        let init = init.to_cell(&mut store.inner)?;
        let refused = || Error::new(ErrorKind::Limit(format!("cannot grow table by {delta}")));
        let t = &store.inner.tables[self.index as usize];
        let (current, maximum) = (t.elems.len(), t.type_maximum());
        let desired = usize::try_from(delta).ok().and_then(|d| d.checked_add(current)).ok_or_else(refused)?;
        if !store.allow_growth(false, current, desired, maximum)? {
            return Err(refused());
        }
        store.inner.tables[self.index as usize].grow(delta, init).ok_or_else(refused)
    }
}
