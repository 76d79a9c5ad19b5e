//! The store's tables of host references and of exceptions that Wasm values hold
//! ([`ExternRefSlots`]), and their reclamation: a reference no table, global, element segment or
//! host handle can reach any more is dropped.

use std::any::Any;
use std::collections::HashMap;
use std::sync::Arc;

/// A host value behind an `externref`.
pub(crate) type HostValue = Arc<dyn Any + Send + Sync>;

/// Collections never run below this many slots in use.
const MIN_COLLECT: usize = 1024;

/// The host values Wasm may hold. A Wasm register, table or global holds `slot + 1` (0 is null);
/// the host holds [`crate::ExternRef`]s, which own their value themselves, so a slot is only
/// needed while Wasm can see the value.
#[derive(Default)]
pub(crate) struct ExternRefSlots {
    slots: Vec<Option<HostValue>>,
    free: Vec<u32>,
    /// The slot of each value in the table, by the value's address, so a value passed in again
    /// takes the same slot.
    by_addr: HashMap<usize, u32>,
    /// Collect when this many slots are in use.
    next_collect: usize,
}

fn addr(value: &HostValue) -> usize {
    Arc::as_ptr(value) as *const () as usize
}

impl ExternRefSlots {
    /// The cell (slot + 1) holding `value`, taking a slot if it has none.
    pub(crate) fn cell_of(&mut self, value: &HostValue) -> u64 {
        let key = addr(value);
        if let Some(&slot) = self.by_addr.get(&key) {
            return u64::from(slot) + 1;
        }
        let slot = match self.free.pop() {
            Some(slot) => {
                self.slots[slot as usize] = Some(value.clone());
                slot
            }
            None => {
                self.slots.push(Some(value.clone()));
                self.slots.len() as u32 - 1
            }
        };
        self.by_addr.insert(key, slot);
        u64::from(slot) + 1
    }

    /// The value behind a non-null cell; `None` for a cell that holds no value (which translation
    /// and reclamation never let Wasm see).
    pub(crate) fn get(&self, cell: u64) -> Option<HostValue> {
        let slot = usize::try_from(cell.checked_sub(1)?).ok()?;
        self.slots.get(slot)?.clone()
    }

    /// How many slots hold a value.
    pub(crate) fn in_use(&self) -> usize {
        self.by_addr.len()
    }

    /// Whether enough slots were taken since the last collection to collect again.
    pub(crate) fn should_collect(&self) -> bool {
        self.in_use() >= self.next_collect.max(MIN_COLLECT)
    }

    /// Drops every value whose cell is not among `roots` (cells that may be references: extra
    /// cells only keep values longer). Only when no Wasm runs: value stacks hold cells of unknown
    /// type.
    pub(crate) fn collect(&mut self, roots: impl Iterator<Item = u64>) {
        let mut marked = vec![false; self.slots.len()];
        for cell in roots {
            if let Some(m) = cell.checked_sub(1).and_then(|s| marked.get_mut(s as usize)) {
                *m = true;
            }
        }
        for (slot, keep) in marked.into_iter().enumerate() {
            if !keep && let Some(value) = self.slots[slot].take() {
                self.by_addr.remove(&addr(&value));
                self.free.push(slot as u32);
            }
        }
        self.next_collect = self.in_use() * 2;
    }
}

impl crate::runtime::StoreInner {
    /// Reclaims unreachable host references when enough have accumulated; a no-op while Wasm
    /// runs or a suspended call lives (called when the API enters Wasm from the outside).
    pub(crate) fn maybe_collect_externrefs(&mut self) {
        if self.reentry != 0 || Arc::strong_count(&self.suspended) > 1 {
            return;
        }
        // Exceptions (`exnref`s) are kept in a table of the same kind.
        if self.exnrefs.should_collect() {
            let tables = self.tables.iter().filter(|t| t.ty.element().is_exn_ref()).flat_map(|t| t.elems.iter());
            let globals = self.globals.iter().filter(|g| g.ty.content.is_exn_ref()).map(|g| &g.value);
            let elems = self.instances.iter().flat_map(|i| i.elems.iter().flat_map(|e| e.iter()));
            self.exnrefs.collect(tables.chain(globals).chain(elems).copied());
        }
        if !self.externrefs.should_collect() {
            return;
        }
        let tables = self.tables.iter().filter(|t| t.ty.element().is_extern_ref()).flat_map(|t| t.elems.iter());
        let globals = self.globals.iter().filter(|g| g.ty.content.is_extern_ref()).map(|g| &g.value);
        // Element segments are marked whatever their type (a function cell only keeps a value
        // a little longer).
        let elems = self.instances.iter().flat_map(|i| i.elems.iter().flat_map(|e| e.iter()));
        self.externrefs.collect(tables.chain(globals).chain(elems).copied());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unrooted_values_are_dropped_and_their_slots_reused() {
        let mut slots = ExternRefSlots::default();
        let a: HostValue = Arc::new(1u32);
        let b: HostValue = Arc::new(2u32);
        let (ca, cb) = (slots.cell_of(&a), slots.cell_of(&b));
        assert_eq!(slots.cell_of(&a), ca, "a value passed in again keeps its slot");
        slots.collect([cb].into_iter());
        assert!(slots.get(ca).is_none());
        assert_eq!(slots.get(cb).unwrap().downcast_ref::<u32>(), Some(&2));
        let c: HostValue = Arc::new(3u32);
        assert_eq!(slots.cell_of(&c), ca, "a freed slot is reused");
        assert!(slots.get(0).is_none() && slots.get(99).is_none());
    }
}
