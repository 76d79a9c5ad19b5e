//! Resource limits an embedder sets on a store: fixed [`StoreLimits`] and the
//! [`ResourceLimiter`] callback asked before every memory or table growth.

use crate::error::Result;

/// Decides whether memories and tables may grow, and how many of each a store may hold.
/// Installed with [`crate::Store::limiter`]; asked when Wasm grows a memory or table
/// (`memory.grow`, `table.grow`), when the API does, and when instantiation creates one (growth
/// from 0 to its initial size).
pub trait ResourceLimiter: Send + Sync {
    /// Whether a memory may grow from `current` to `desired` bytes; `maximum` is its own bound,
    /// if it has one. `Ok(false)` refuses the growth (`memory.grow` returns -1, creating the
    /// memory fails); an `Err` stops the Wasm that asked with that error.
    fn memory_growing(&mut self, current: usize, desired: usize, maximum: Option<usize>) -> Result<bool>;

    /// Whether a table may grow from `current` to `desired` elements (as
    /// [`memory_growing`](Self::memory_growing)).
    fn table_growing(&mut self, current: usize, desired: usize, maximum: Option<usize>) -> Result<bool>;

    /// How many instances the store may hold.
    fn instances(&self) -> usize {
        usize::MAX
    }

    /// How many memories the store may hold.
    fn memories(&self) -> usize {
        usize::MAX
    }

    /// How many tables the store may hold.
    fn tables(&self) -> usize {
        usize::MAX
    }
}

/// Fixed per-store resource limits, set with [`crate::Store::set_limits`] or used as a
/// [`ResourceLimiter`]. Each applies on top of the engine's [`crate::Config`] limits; the default
/// limits nothing further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreLimits {
    pub(crate) memory_bytes: u64,
    pub(crate) table_elements: u64,
    pub(crate) instances: usize,
    pub(crate) memories: usize,
    pub(crate) tables: usize,
}

impl Default for StoreLimits {
    fn default() -> Self {
        StoreLimits {
            memory_bytes: u64::MAX,
            table_elements: u64::MAX,
            instances: usize::MAX,
            memories: usize::MAX,
            tables: usize::MAX,
        }
    }
}

impl StoreLimits {
    /// No limits beyond the engine's.
    pub fn new() -> Self {
        Self::default()
    }

    /// The largest size any one linear memory may have, in bytes (`memory.grow` beyond returns -1;
    /// a memory created larger is an error).
    pub fn memory_size(mut self, bytes: u64) -> Self {
        self.memory_bytes = bytes;
        self
    }

    /// The most elements any one table may have.
    pub fn table_elements(mut self, elements: u64) -> Self {
        self.table_elements = elements;
        self
    }

    /// How many instances the store may hold.
    pub fn instances(mut self, count: usize) -> Self {
        self.instances = count;
        self
    }

    /// How many memories the store may hold.
    pub fn memories(mut self, count: usize) -> Self {
        self.memories = count;
        self
    }

    /// How many tables the store may hold.
    pub fn tables(mut self, count: usize) -> Self {
        self.tables = count;
        self
    }
}

impl ResourceLimiter for StoreLimits {
    fn memory_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> Result<bool> {
        Ok(desired as u64 <= self.memory_bytes)
    }

    fn table_growing(&mut self, _current: usize, desired: usize, _maximum: Option<usize>) -> Result<bool> {
        Ok(desired as u64 <= self.table_elements)
    }

    fn instances(&self) -> usize {
        self.instances
    }

    fn memories(&self) -> usize {
        self.memories
    }

    fn tables(&self) -> usize {
        self.tables
    }
}
