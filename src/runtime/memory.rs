//! Linear memories: the store's [`MemoryEntity`] and the [`Memory`] handle.

use super::{AsContext, AsContextMut};
use crate::error::{Error, ErrorKind, Result, TrapCode};
use crate::runtime::store::StoreId;
use crate::types::{MemoryType, limits_match};

/// Bytes in one default (64 KiB) Wasm page.
pub const PAGE_SIZE: u64 = 65536;

/// A zeroed buffer from the allocator's zeroed path (fresh pages stay untouched until used), or
/// `None` when the allocation fails.
fn zeroed(len: usize) -> Option<Vec<u8>> {
    if len == 0 {
        return Some(Vec::new());
    }
    let layout = std::alloc::Layout::array::<u8>(len).ok()?;
    // SAFETY: `layout` has a non-zero size.
    let ptr = unsafe { std::alloc::alloc_zeroed(layout) };
    if ptr.is_null() {
        return None;
    }
    // SAFETY: `ptr` was allocated by the global allocator with this layout, and all `len` bytes are
    // initialized (zero).
    Some(unsafe { Vec::from_raw_parts(ptr, len, len) })
}

/// A memory's bytes and limits.
#[derive(Debug)]
pub(crate) struct MemoryEntity {
    pub data: Vec<u8>,
    pub ty: MemoryType,
    /// The most pages this memory may grow to (type maximum and the engine's byte limit).
    pub max_pages: u64,
}

impl MemoryEntity {
    pub(crate) fn new(ty: MemoryType, max_bytes: u64) -> Result<Self> {
        let log2 = ty.page_size_log2();
        if log2 != 0 && log2 != 16 {
            return Err(Error::unsupported(format!("a page size of 2^{log2} bytes (only 1 and 65536 are valid)")));
        }
        let absolute = ty.absolute_max_pages();
        let max_pages = ty.maximum().unwrap_or(absolute).min(absolute).min(max_bytes >> log2);
        let initial = ty.minimum();
        if initial > max_pages {
            return Err(Error::new(ErrorKind::Limit(format!(
                "memory of {initial} pages exceeds the limit of {max_pages} pages"
            ))));
        }
        let data = usize::try_from(initial << log2)
            .ok()
            .and_then(zeroed)
            .ok_or_else(|| Error::new(ErrorKind::Limit(format!("cannot allocate a memory of {initial} pages"))))?;
        Ok(MemoryEntity { data, ty, max_pages })
    }

    /// The size in pages.
    pub(crate) fn pages(&self) -> u64 {
        self.data.len() as u64 >> self.ty.page_size_log2()
    }

    /// Whether the memory is addressed with `i64`.
    pub(crate) fn is_64(&self) -> bool {
        self.ty.is_64()
    }

    /// Grows by `delta` pages, returning the old size, or `None` when refused.
    pub(crate) fn grow(&mut self, delta: u64) -> Option<u64> {
        let old = self.pages();
        let new = old.checked_add(delta)?;
        if new > self.max_pages {
            return None;
        }
        let log2 = self.ty.page_size_log2();
        // `max_pages` is at most the byte limit in pages, so this does not overflow.
        let bytes = usize::try_from(new << log2).ok()?;
        if bytes > self.data.capacity() {
            // Reserve geometrically (up to the limit), so that a memory grown a page at a time
            // is copied O(log n) times, not once per page; untouched capacity is only address
            // space. Fall back to the exact size when that much cannot be had.
            let limit = usize::try_from(self.max_pages << log2).unwrap_or(usize::MAX);
            let generous = self.data.capacity().saturating_mul(2).min(limit).max(bytes);
            if self.data.try_reserve_exact(generous - self.data.len()).is_err() {
                self.data.try_reserve_exact(bytes - self.data.len()).ok()?;
            }
        }
        self.data.resize(bytes, 0);
        Some(old)
    }

    /// `memory.init`: bytes `src..src + len` of `segment` to `dst..`, all or nothing.
    pub(crate) fn init(&mut self, dst: u64, segment: &[u8], src: u32, len: u64) -> Result<(), TrapCode> {
        let range = |start: u64, size: usize| {
            let start = usize::try_from(start).ok()?;
            let end = start.checked_add(usize::try_from(len).ok()?)?;
            (end <= size).then_some(start..end)
        };
        let (Some(from), Some(to)) = (range(u64::from(src), segment.len()), range(dst, self.data.len())) else {
            return Err(TrapCode::MemoryOutOfBounds);
        };
        self.data[to].copy_from_slice(&segment[from]);
        Ok(())
    }

    pub(crate) fn current_type(&self) -> MemoryType {
        self.ty.with_minimum(self.pages())
    }

    pub(crate) fn matches(&self, wanted: &MemoryType) -> bool {
        let actual = self.current_type();
        actual.is_64() == wanted.is_64()
            && actual.page_size_log2() == wanted.page_size_log2()
            && limits_match((actual.minimum(), actual.maximum()), (wanted.minimum(), wanted.maximum()))
    }
}

/// A linear memory owned by a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Memory {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

impl MemoryEntity {
    /// The size in bytes this memory's type allows at most (for a [`super::ResourceLimiter`]).
    pub(crate) fn type_maximum_bytes(&self) -> Option<usize> {
        self.ty.maximum().map(|m| usize::try_from(m.saturating_mul(self.ty.page_size())).unwrap_or(usize::MAX))
    }
}

impl Memory {
    /// A new memory owned by the store.
    pub fn new<T>(mut store: impl AsContextMut<Data = T>, ty: MemoryType) -> Result<Memory> {
        let store = store.as_context_mut().0;
        store.check_counts(0, 1, 0)?;
        let entity = MemoryEntity::new(ty, store.inner.memory_limit())?;
        if !store.allow_growth(true, 0, entity.data.len(), entity.type_maximum_bytes())? {
            return Err(Error::new(ErrorKind::Limit(format!(
                "memory of {} pages refused by the limiter",
                ty.minimum()
            ))));
        }
        store.inner.memories.push(entity);
        Ok(Memory { store: store.inner.id, index: store.inner.memories.len() as u32 - 1 })
    }

    fn entity<'a, T: 'a>(&self, store: &'a impl AsContext<Data = T>) -> Result<&'a MemoryEntity> {
        let store = store.as_context().0;
        store.inner.check(self.store, "Memory")?;
        Ok(&store.inner.memories[self.index as usize])
    }

    /// The memory's type, with its current size as minimum.
    pub fn ty<T>(&self, store: impl AsContext<Data = T>) -> Result<MemoryType> {
        Ok(self.entity(&store)?.current_type())
    }

    /// The bytes.
    pub fn data<'a, T: 'a>(&self, store: &'a impl AsContext<Data = T>) -> Result<&'a [u8]> {
        Ok(&self.entity(store)?.data)
    }

    /// The bytes, mutably.
    pub fn data_mut<'a, T: 'a>(&self, store: &'a mut impl AsContextMut<Data = T>) -> Result<&'a mut [u8]> {
        let store = store.as_context_mut().0;
        store.inner.check(self.store, "Memory")?;
        Ok(&mut store.inner.memories[self.index as usize].data)
    }

    /// The bytes and the host data at the same time (for host functions that move data between
    /// guest memory and their own state).
    pub fn data_and_store_mut<'a, T: 'a>(
        &self,
        store: &'a mut impl AsContextMut<Data = T>,
    ) -> Result<(&'a mut [u8], &'a mut T)> {
        let store = store.as_context_mut().0;
        store.inner.check(self.store, "Memory")?;
        let (inner, data) = store.inner_and_data_mut();
        Ok((&mut inner.memories[self.index as usize].data, data))
    }

    /// Size in pages.
    pub fn size<T>(&self, store: impl AsContext<Data = T>) -> Result<u64> {
        Ok(self.entity(&store)?.pages())
    }

    /// The page size in bytes.
    pub fn page_size<T>(&self, store: impl AsContext<Data = T>) -> Result<u64> {
        Ok(self.entity(&store)?.ty.page_size())
    }

    /// Size in bytes.
    pub fn data_size<T>(&self, store: impl AsContext<Data = T>) -> Result<usize> {
        Ok(self.entity(&store)?.data.len())
    }

    /// Grows by `delta` pages and returns the old size in pages.
    pub fn grow<T>(&self, mut store: impl AsContextMut<Data = T>, delta: u64) -> Result<u64> {
        let store = store.as_context_mut().0;
        store.inner.check(self.store, "Memory")?;
        let refused = || Error::new(ErrorKind::Limit(format!("cannot grow memory by {delta} pages")));
        let m = &store.inner.memories[self.index as usize];
        let (current, maximum) = (m.data.len(), m.type_maximum_bytes());
        let desired =
            delta.checked_mul(m.ty.page_size()).and_then(|d| d.checked_add(current as u64)).ok_or_else(refused)?;
        if !store.allow_growth(true, current, desired as usize, maximum)? {
            return Err(refused());
        }
        store.inner.memories[self.index as usize].grow(delta).ok_or_else(refused)
    }

    /// Copies `buf.len()` bytes at `offset` into `buf`.
    pub fn read<T>(&self, store: impl AsContext<Data = T>, offset: usize, buf: &mut [u8]) -> Result<()> {
        let data = self.data(&store)?;
        let src = offset
            .checked_add(buf.len())
            .and_then(|end| data.get(offset..end))
            .ok_or_else(|| Error::trap(TrapCode::MemoryOutOfBounds))?;
        buf.copy_from_slice(src);
        Ok(())
    }

    /// Copies `buf` into the memory at `offset`.
    pub fn write<T>(&self, mut store: impl AsContextMut<Data = T>, offset: usize, buf: &[u8]) -> Result<()> {
        let data = self.data_mut(&mut store)?;
        let dst = offset
            .checked_add(buf.len())
            .and_then(|end| data.get_mut(offset..end))
            .ok_or_else(|| Error::trap(TrapCode::MemoryOutOfBounds))?;
        dst.copy_from_slice(buf);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fuzz finding (execute target, 248 s under AddressSanitizer): a start function growing
    /// memory one page at a time reallocated and copied the whole memory on every grow.
    #[test]
    fn growing_a_page_at_a_time_reallocates_logarithmically_often() {
        let mut m = MemoryEntity::new(MemoryType::new(1, None), 64 << 20).unwrap();
        let mut reallocations = 0;
        let mut capacity = m.data.capacity();
        while m.grow(1).is_some() {
            if m.data.capacity() != capacity {
                reallocations += 1;
                capacity = m.data.capacity();
            }
        }
        assert_eq!(m.pages(), 1024);
        assert!(reallocations <= 12, "{reallocations} reallocations for 1023 grows");
        assert!(m.data.capacity() <= 64 << 20, "capacity {} beyond the limit", m.data.capacity());
    }
}
