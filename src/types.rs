//! The public descriptions of Wasm types: values, functions, globals, memories, tables, externs.

use std::fmt;

/// The type of a Wasm value.
///
/// [`ValType::FuncRef`] and [`ValType::ExternRef`] are the shorthands of the nullable abstract
/// reference types: `ValType::Ref(RefType::FUNCREF)` equals `ValType::FuncRef` (and hashes the
/// same), and the constructors ([`ValType::from`] a [`RefType`]) give the shorthand.
#[derive(Debug, Clone, Copy)]
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
    /// 128-bit vector (the fixed-width SIMD proposal).
    V128,
    /// Nullable function reference (`funcref`, `(ref null func)`).
    FuncRef,
    /// Nullable host reference (`externref`, `(ref null extern)`).
    ExternRef,
    /// Any other reference type (typed function references: `(ref $t)`, `(ref null $t)`,
    /// `(ref func)`, `(ref extern)`, `nullfuncref`, `nullexternref`).
    Ref(RefType),
}

/// The type of a reference: whether it may be null, and what it refers to (wasmtime's shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RefType {
    nullable: bool,
    heap_type: HeapType,
}

/// What a reference refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum HeapType {
    /// Any function (`func`).
    Func,
    /// Any host reference (`extern`).
    Extern,
    /// No function: the bottom of the function references, whose only value is null (`nofunc`).
    NoFunc,
    /// No host reference: the bottom of the host references (`noextern`).
    NoExtern,
    /// Any exception (`exn`).
    Exn,
    /// No exception: the bottom of the exception references (`noexn`).
    NoExn,
    /// A function of one signature, by its engine-wide id ([`crate::Engine::func_type_id`]:
    /// equal signatures have equal ids).
    Concrete(u32),
}

impl HeapType {
    /// Whether references of this type point to functions (`func`, `nofunc` or a signature).
    pub fn is_func(self) -> bool {
        matches!(self, HeapType::Func | HeapType::NoFunc | HeapType::Concrete(_))
    }

    /// Whether `self` is a subtype of `other` (a concrete signature matches only itself).
    pub fn matches(self, other: HeapType) -> bool {
        match (self, other) {
            _ if self == other => true,
            (HeapType::NoFunc, HeapType::Concrete(_) | HeapType::Func) => true,
            (HeapType::Concrete(_), HeapType::Func) => true,
            (HeapType::NoExtern, HeapType::Extern) => true,
            (HeapType::NoExn, HeapType::Exn) => true,
            _ => false,
        }
    }
}

impl RefType {
    /// `funcref`: a nullable reference to any function.
    pub const FUNCREF: RefType = RefType { nullable: true, heap_type: HeapType::Func };
    /// `externref`: a nullable host reference.
    pub const EXTERNREF: RefType = RefType { nullable: true, heap_type: HeapType::Extern };
    /// `exnref`: a nullable exception reference.
    pub const EXNREF: RefType = RefType { nullable: true, heap_type: HeapType::Exn };

    /// A reference type.
    pub fn new(nullable: bool, heap_type: HeapType) -> Self {
        RefType { nullable, heap_type }
    }

    /// Whether null is a value of this type.
    pub fn is_nullable(&self) -> bool {
        self.nullable
    }

    /// What the references refer to.
    pub fn heap_type(&self) -> HeapType {
        self.heap_type
    }

    /// Whether `self` is a subtype of `other`.
    pub fn matches(&self, other: &RefType) -> bool {
        (other.nullable || !self.nullable) && self.heap_type.matches(other.heap_type)
    }
}

impl From<RefType> for ValType {
    fn from(r: RefType) -> ValType {
        ValType::Ref(r).canonical()
    }
}

impl fmt::Display for HeapType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeapType::Func => f.write_str("func"),
            HeapType::Extern => f.write_str("extern"),
            HeapType::NoFunc => f.write_str("nofunc"),
            HeapType::NoExtern => f.write_str("noextern"),
            HeapType::Exn => f.write_str("exn"),
            HeapType::NoExn => f.write_str("noexn"),
            HeapType::Concrete(id) => write!(f, "{id}"),
        }
    }
}

impl fmt::Display for RefType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "(ref {}{})", if self.nullable { "null " } else { "" }, self.heap_type)
    }
}

impl PartialEq for ValType {
    fn eq(&self, other: &ValType) -> bool {
        match (self.canonical(), other.canonical()) {
            (ValType::I32, ValType::I32)
            | (ValType::I64, ValType::I64)
            | (ValType::F32, ValType::F32)
            | (ValType::F64, ValType::F64)
            | (ValType::V128, ValType::V128)
            | (ValType::FuncRef, ValType::FuncRef)
            | (ValType::ExternRef, ValType::ExternRef) => true,
            (ValType::Ref(a), ValType::Ref(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for ValType {}

impl std::hash::Hash for ValType {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let c = self.canonical();
        std::mem::discriminant(&c).hash(state);
        if let ValType::Ref(r) = c {
            r.hash(state);
        }
    }
}

impl ValType {
    /// How many 64-bit register cells a value of this type occupies: 2 for `v128` (low half
    /// first), 1 for every other type.
    pub(crate) fn cells(self) -> usize {
        if let ValType::V128 = self { 2 } else { 1 }
    }

    /// Whether this is a reference type.
    pub fn is_ref(self) -> bool {
        self.ref_type().is_some()
    }

    /// The reference type, if this is one (the shorthands too).
    pub fn ref_type(self) -> Option<RefType> {
        match self {
            ValType::FuncRef => Some(RefType::FUNCREF),
            ValType::ExternRef => Some(RefType::EXTERNREF),
            ValType::Ref(r) => Some(r),
            _ => None,
        }
    }

    /// Whether values of this type are function references (of any signature).
    pub fn is_func_ref(self) -> bool {
        self.ref_type().is_some_and(|r| r.heap_type.is_func())
    }

    /// Whether values of this type are host references.
    pub fn is_extern_ref(self) -> bool {
        self.ref_type().is_some_and(|r| matches!(r.heap_type, HeapType::Extern | HeapType::NoExtern))
    }

    /// Whether values of this type are exception references.
    pub fn is_exn_ref(self) -> bool {
        self.ref_type().is_some_and(|r| matches!(r.heap_type, HeapType::Exn | HeapType::NoExn))
    }

    /// Whether `self` is a subtype of `other` (equal, or a reference type that matches).
    pub fn matches(self, other: ValType) -> bool {
        match (self.ref_type(), other.ref_type()) {
            (Some(a), Some(b)) => a.matches(&b),
            _ => self == other,
        }
    }

    /// The shorthand of a nullable abstract reference type, everything else unchanged.
    fn canonical(self) -> ValType {
        match self {
            ValType::Ref(r) if r == RefType::FUNCREF => ValType::FuncRef,
            ValType::Ref(r) if r == RefType::EXTERNREF => ValType::ExternRef,
            other => other,
        }
    }

    /// `sigs`: the engine-wide signature id of each module type index seen so far.
    pub(crate) fn from_wasmparser(ty: wasmparser::ValType, sigs: &[u32]) -> Option<Self> {
        Some(match ty {
            wasmparser::ValType::I32 => ValType::I32,
            wasmparser::ValType::I64 => ValType::I64,
            wasmparser::ValType::F32 => ValType::F32,
            wasmparser::ValType::F64 => ValType::F64,
            wasmparser::ValType::Ref(r) => Self::from_ref_type(r, sigs)?,
            wasmparser::ValType::V128 => ValType::V128,
        })
    }

    pub(crate) fn from_ref_type(ty: wasmparser::RefType, sigs: &[u32]) -> Option<Self> {
        use wasmparser::AbstractHeapType as A;
        let heap_type = match ty.heap_type() {
            wasmparser::HeapType::Abstract { shared: false, ty: A::Func } => HeapType::Func,
            wasmparser::HeapType::Abstract { shared: false, ty: A::Extern } => HeapType::Extern,
            wasmparser::HeapType::Abstract { shared: false, ty: A::NoFunc } => HeapType::NoFunc,
            wasmparser::HeapType::Abstract { shared: false, ty: A::NoExtern } => HeapType::NoExtern,
            wasmparser::HeapType::Abstract { shared: false, ty: A::Exn } => HeapType::Exn,
            wasmparser::HeapType::Abstract { shared: false, ty: A::NoExn } => HeapType::NoExn,
            wasmparser::HeapType::Concrete(i) | wasmparser::HeapType::Exact(i) => {
                HeapType::Concrete(*sigs.get(i.as_module_index()? as usize)?)
            }
            _ => return None,
        };
        Some(RefType::new(ty.is_nullable(), heap_type).into())
    }
}

impl fmt::Display for ValType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.canonical() {
            ValType::I32 => f.write_str("i32"),
            ValType::I64 => f.write_str("i64"),
            ValType::F32 => f.write_str("f32"),
            ValType::F64 => f.write_str("f64"),
            ValType::V128 => f.write_str("v128"),
            ValType::FuncRef => f.write_str("funcref"),
            ValType::ExternRef => f.write_str("externref"),
            ValType::Ref(r) => r.fmt(f),
        }
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

    /// How many register cells the parameters occupy (a `v128` takes two).
    pub(crate) fn param_cells(&self) -> usize {
        cells(self.params())
    }

    /// How many register cells the results occupy (a `v128` takes two).
    pub(crate) fn result_cells(&self) -> usize {
        cells(self.results())
    }
}

/// How many register cells values of types `types` occupy together.
pub(crate) fn cells(types: &[ValType]) -> usize {
    types.iter().map(|t| t.cells()).sum()
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
