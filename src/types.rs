//! The public descriptions of Wasm types: values, functions, globals, memories, tables, externs.

use std::fmt;

/// The type of a Wasm value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ValType {
    /// 32-bit integer.
    I32,
    /// 64-bit integer.
    I64,
    /// 32-bit IEEE float.
    F32,
    /// 64-bit IEEE float.
    F64,
    /// Nullable function reference.
    FuncRef,
    /// Nullable host reference.
    ExternRef,
}

impl ValType {
    /// Whether this is a reference type.
    pub fn is_ref(self) -> bool {
        matches!(self, ValType::FuncRef | ValType::ExternRef)
    }

    pub(crate) fn from_wasmparser(ty: wasmparser::ValType) -> Option<Self> {
        Some(match ty {
            wasmparser::ValType::I32 => ValType::I32,
            wasmparser::ValType::I64 => ValType::I64,
            wasmparser::ValType::F32 => ValType::F32,
            wasmparser::ValType::F64 => ValType::F64,
            wasmparser::ValType::Ref(r) if r == wasmparser::RefType::FUNCREF => ValType::FuncRef,
            wasmparser::ValType::Ref(r) if r == wasmparser::RefType::EXTERNREF => ValType::ExternRef,
            _ => return None,
        })
    }

    pub(crate) fn from_ref_type(ty: wasmparser::RefType) -> Option<Self> {
        Self::from_wasmparser(wasmparser::ValType::Ref(ty))
    }
}

impl fmt::Display for ValType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValType::I32 => "i32",
            ValType::I64 => "i64",
            ValType::F32 => "f32",
            ValType::F64 => "f64",
            ValType::FuncRef => "funcref",
            ValType::ExternRef => "externref",
        })
    }
}

/// A function signature.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FuncType {
    /// Parameters followed by results.
    types: Box<[ValType]>,
    num_params: usize,
}

impl FuncType {
    /// A signature from its parameter and result types.
    pub fn new(params: impl IntoIterator<Item = ValType>, results: impl IntoIterator<Item = ValType>) -> Self {
        let mut types: Vec<ValType> = params.into_iter().collect();
        let num_params = types.len();
        types.extend(results);
        FuncType { types: types.into(), num_params }
    }

    /// The parameter types.
    pub fn params(&self) -> &[ValType] {
        &self.types[..self.num_params]
    }

    /// The result types.
    pub fn results(&self) -> &[ValType] {
        &self.types[self.num_params..]
    }
}

impl fmt::Display for FuncType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(func")?;
        for (word, tys) in [("param", self.params()), ("result", self.results())] {
            if !tys.is_empty() {
                write!(f, " ({word}")?;
                for t in tys {
                    write!(f, " {t}")?;
                }
                f.write_str(")")?;
            }
        }
        f.write_str(")")
    }
}

/// Whether a global can be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mutability {
    /// Read-only.
    Const,
    /// Writable.
    Var,
}

/// The type of a global.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GlobalType {
    /// The value's type.
    pub content: ValType,
    /// Whether it can be written.
    pub mutability: Mutability,
}

impl GlobalType {
    /// A global type.
    pub fn new(content: ValType, mutability: Mutability) -> Self {
        GlobalType { content, mutability }
    }
}

/// The type of a linear memory: its limits in pages, whether it is addressed with `i64`
/// (memory64) and its page size (64 KiB, or 1 byte with custom page sizes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MemoryType {
    minimum: u64,
    maximum: Option<u64>,
    is_64: bool,
    page_size_log2: u8,
}

impl MemoryType {
    /// A 32-bit memory of 64 KiB pages.
    pub fn new(minimum: u32, maximum: Option<u32>) -> Self {
        MemoryType { minimum: u64::from(minimum), maximum: maximum.map(u64::from), is_64: false, page_size_log2: 16 }
    }

    /// A 64-bit memory (memory64) of 64 KiB pages.
    pub fn new64(minimum: u64, maximum: Option<u64>) -> Self {
        MemoryType { minimum, maximum, is_64: true, page_size_log2: 16 }
    }

    /// The same type with pages of `2^log2` bytes: 16 (64 KiB, the default) or 0 (one byte, the
    /// custom-page-sizes proposal). Creating a memory of another page size is refused.
    pub fn with_page_size_log2(mut self, log2: u8) -> Self {
        self.page_size_log2 = log2;
        self
    }

    /// Initial size in pages.
    pub fn minimum(&self) -> u64 {
        self.minimum
    }

    /// Largest size in pages, if bounded.
    pub fn maximum(&self) -> Option<u64> {
        self.maximum
    }

    /// Whether the memory is addressed with `i64` (memory64).
    pub fn is_64(&self) -> bool {
        self.is_64
    }

    /// The page size in bytes.
    pub fn page_size(&self) -> u64 {
        1u64.checked_shl(u32::from(self.page_size_log2)).unwrap_or(0)
    }

    /// The base-2 logarithm of the page size.
    pub fn page_size_log2(&self) -> u8 {
        self.page_size_log2
    }

    /// A memory type as a module declares it (validation has checked the limits).
    pub(crate) fn from_parts(minimum: u64, maximum: Option<u64>, is_64: bool, page_size_log2: u8) -> Self {
        MemoryType { minimum, maximum, is_64, page_size_log2 }
    }

    /// The same type with another minimum (the current size of a memory).
    pub(crate) fn with_minimum(mut self, minimum: u64) -> Self {
        self.minimum = minimum;
        self
    }

    /// The most pages any memory of this index type and page size can have (its whole address
    /// space: 2^32 or 2^64 bytes).
    pub(crate) fn absolute_max_pages(&self) -> u64 {
        let bits = if self.is_64 { 64 } else { 32 };
        let pages_log2 = bits - u32::from(self.page_size_log2.min(16));
        1u64.checked_shl(pages_log2).unwrap_or(u64::MAX)
    }
}

/// The type of a table: its element type, its limits in elements and whether it is indexed with
/// `i64` (memory64's 64-bit tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableType {
    element: ValType,
    minimum: u64,
    maximum: Option<u64>,
    is_64: bool,
}

impl TableType {
    /// A table type indexed with `i32`.
    pub fn new(element: ValType, minimum: u32, maximum: Option<u32>) -> Self {
        TableType { element, minimum: u64::from(minimum), maximum: maximum.map(u64::from), is_64: false }
    }

    /// A table type indexed with `i64` (memory64).
    pub fn new64(element: ValType, minimum: u64, maximum: Option<u64>) -> Self {
        TableType { element, minimum, maximum, is_64: true }
    }

    /// The element type (a reference type).
    pub fn element(&self) -> ValType {
        self.element
    }

    /// Initial size in elements.
    pub fn minimum(&self) -> u64 {
        self.minimum
    }

    /// Largest size, if bounded.
    pub fn maximum(&self) -> Option<u64> {
        self.maximum
    }

    /// Whether the table is indexed with `i64`.
    pub fn is_64(&self) -> bool {
        self.is_64
    }

    /// The same type with another minimum (the current size of a table).
    pub(crate) fn with_minimum(mut self, minimum: u64) -> Self {
        self.minimum = minimum;
        self
    }
}

/// The type of an import or export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExternType {
    /// A function.
    Func(FuncType),
    /// A global.
    Global(GlobalType),
    /// A memory.
    Memory(MemoryType),
    /// A table.
    Table(TableType),
}

/// Whether limits `(min, max)` of an actual item satisfy the limits an import asks for.
pub(crate) fn limits_match(actual: (u64, Option<u64>), wanted: (u64, Option<u64>)) -> bool {
    actual.0 >= wanted.0
        && match (actual.1, wanted.1) {
            (_, None) => true,
            (Some(a), Some(w)) => a <= w,
            (None, Some(_)) => false,
        }
}
