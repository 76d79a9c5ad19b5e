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

/// The type of a linear memory, in 64 KiB pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MemoryType {
    /// Initial size in pages.
    pub minimum: u32,
    /// Largest size in pages, if bounded.
    pub maximum: Option<u32>,
}

impl MemoryType {
    /// A memory type.
    pub fn new(minimum: u32, maximum: Option<u32>) -> Self {
        MemoryType { minimum, maximum }
    }
}

/// The type of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableType {
    /// The element type (a reference type).
    pub element: ValType,
    /// Initial size in elements.
    pub minimum: u32,
    /// Largest size, if bounded.
    pub maximum: Option<u32>,
}

impl TableType {
    /// A table type.
    pub fn new(element: ValType, minimum: u32, maximum: Option<u32>) -> Self {
        TableType { element, minimum, maximum }
    }
}

/// The type of an exception tag: the types of the values an exception with this tag carries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TagType {
    params: Box<[ValType]>,
}

impl TagType {
    /// A tag type whose exceptions carry values of types `params`.
    pub fn new(params: impl IntoIterator<Item = ValType>) -> Self {
        TagType { params: params.into_iter().collect() }
    }

    /// The types of the values an exception carries.
    pub fn params(&self) -> &[ValType] {
        &self.params
    }
}

impl fmt::Display for TagType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(tag")?;
        if !self.params.is_empty() {
            f.write_str(" (param")?;
            for t in &self.params {
                write!(f, " {t}")?;
            }
            f.write_str(")")?;
        }
        f.write_str(")")
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
    /// An exception tag.
    Tag(TagType),
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
