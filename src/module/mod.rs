//! [`Module`]: decodes and validates a binary or text module with `wasmparser` and translates every
//! function body to IR in the same pass.

mod parse;
pub(crate) use parse::{features, invalid, malformed};

use crate::engine::Engine;
use crate::error::Result;
use crate::types::{ExternType, FuncType, GlobalType, MemoryType, TableType, ValType};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// A constant expression (Wasm 2.0: one instruction).
#[derive(Debug, Clone, Copy)]
pub(crate) enum ConstExpr {
    /// A number or null reference, as a cell.
    Value(u64),
    /// `ref.func`.
    RefFunc(u32),
    /// `global.get`.
    GlobalGet(u32),
}

/// Where an element or data segment goes.
#[derive(Debug, Clone)]
pub(crate) enum SegmentMode {
    Passive,
    Active { index: u32, offset: ConstExpr },
    Declared,
}

/// An element segment.
#[derive(Debug, Clone)]
pub(crate) struct ElemSegment {
    pub mode: SegmentMode,
    pub items: Box<[ConstExpr]>,
}

/// A data segment.
#[derive(Debug, Clone)]
pub(crate) struct DataSegment {
    pub mode: SegmentMode,
    pub bytes: Arc<[u8]>,
}

/// What an export refers to, by index in the module's index spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExportIndex {
    Func(u32),
    Table(u32),
    Memory(u32),
    Global(u32),
}

/// An import declaration.
#[derive(Debug, Clone)]
pub(crate) struct ImportDecl {
    pub module: String,
    pub name: String,
    pub ty: ExternType,
}

/// A translated function body.
#[derive(Debug, Clone, Default)]
pub(crate) struct CompiledFunc {
    /// The instructions, encoded for the dispatchers.
    pub ops: Box<[crate::exec::Slot]>,
    pub num_params: u16,
    /// Locals that are not parameters (zeroed on entry).
    pub num_locals: u16,
    /// All registers of a frame: parameters, locals, operand slots and constants.
    pub frame_size: u32,
    /// Constants, copied to `const_base..` on entry.
    pub consts: Box<[u64]>,
    pub const_base: u16,
    /// For the call fast path ([`crate::exec`]'s `enter_fast`): the value-stack cells a call needs
    /// above the caller's frame (frame plus slack), or `u32::MAX` when the function has too many
    /// parameters, locals or constants for it.
    pub fast_need: u32,
    /// The constants padded with zeros to the fast path's fixed count (it copies them all).
    pub fast_consts: [u64; crate::exec::SMALL_CONSTS],
}

/// A defined function's code: translated at load time, or on its first call (lazy translation,
/// from its validated body in [`ModuleInner::wasm`]).
#[derive(Debug, Default)]
pub(crate) struct FuncCode {
    pub compiled: OnceLock<CompiledFunc>,
    /// The body's byte range in `ModuleInner::wasm` (lazy translation only).
    pub body: Range<usize>,
}

/// Everything known about a module after decoding, validation and translation.
#[derive(Debug, Default)]
pub(crate) struct ModuleInner {
    pub types: Vec<FuncType>,
    /// Engine-wide signature id per type index.
    pub type_sigs: Vec<u32>,
    /// Type index of every function, imports first.
    pub funcs: Vec<u32>,
    pub num_imported_funcs: u32,
    pub tables: Vec<TableType>,
    pub num_imported_tables: u32,
    /// Initial value of each defined table.
    pub table_inits: Vec<ConstExpr>,
    pub memories: Vec<MemoryType>,
    pub num_imported_memories: u32,
    pub globals: Vec<GlobalType>,
    pub num_imported_globals: u32,
    /// Initial value of each defined global.
    pub global_inits: Vec<ConstExpr>,
    pub imports: Vec<ImportDecl>,
    pub exports: Vec<(String, ExportIndex)>,
    pub start: Option<u32>,
    pub elems: Vec<ElemSegment>,
    pub datas: Vec<DataSegment>,
    /// One per defined function.
    pub code: Vec<FuncCode>,
    /// The module's bytes, kept for lazy translation.
    pub wasm: Option<Arc<[u8]>>,
    /// The engine settings translation follows.
    pub config: crate::Config,
    pub func_names: HashMap<u32, String>,
}

impl ModuleInner {
    /// The code of defined function `index`, translating it first if that was deferred.
    #[inline(always)]
    pub(crate) fn compiled(&self, index: u32) -> Result<&CompiledFunc> {
        let code = &self.code[index as usize];
        match code.compiled.get() {
            Some(compiled) => Ok(compiled),
            None => self.translate_now(index),
        }
    }

    #[cold]
    fn translate_now(&self, index: u32) -> Result<&CompiledFunc> {
        let code = &self.code[index as usize];
        let wasm = self.wasm.as_deref().expect("deferred translation keeps the module bytes");
        let compiled =
            crate::translate::translate_validated(self, self.num_imported_funcs + index, wasm, code.body.clone())?;
        // Another thread may have won the race; either result is the same translation.
        Ok(code.compiled.get_or_init(|| compiled))
    }

    pub(crate) fn func_type(&self, func: u32) -> &FuncType {
        &self.types[self.funcs[func as usize] as usize]
    }

    pub(crate) fn func_name(&self, func: u32) -> Option<&str> {
        self.func_names.get(&func).map(String::as_str)
    }
}

/// A validated and translated module, ready to be instantiated any number of times.
/// Cheap to clone; `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Module {
    pub(crate) inner: Arc<ModuleInner>,
    pub(crate) engine: Engine,
}

impl Module {
    /// Decodes, validates and translates a module given as Wasm binary or WAT text.
    pub fn new(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Module> {
        let bytes = bytes.as_ref();
        let wasm = if bytes.starts_with(b"\0asm") {
            std::borrow::Cow::Borrowed(bytes)
        } else {
            std::borrow::Cow::Owned(wat::parse_bytes(bytes).map_err(parse::wat_error)?.into_owned())
        };
        Self::from_binary(engine, &wasm)
    }

    /// Decodes, validates and translates a Wasm binary.
    pub fn from_binary(engine: &Engine, wasm: &[u8]) -> Result<Module> {
        let inner = parse::parse(engine, wasm)?;
        Ok(Module { inner: Arc::new(inner), engine: engine.clone() })
    }

    /// The engine the module was compiled for.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The module's imports: module name, field name and type.
    pub fn imports(&self) -> impl ExactSizeIterator<Item = (&str, &str, &ExternType)> + '_ {
        self.inner.imports.iter().map(|i| (i.module.as_str(), i.name.as_str(), &i.ty))
    }

    /// The module's exports: name and type.
    pub fn exports(&self) -> impl ExactSizeIterator<Item = (&str, ExternType)> + '_ {
        self.inner.exports.iter().map(|(name, idx)| {
            let m = &*self.inner;
            let ty = match *idx {
                ExportIndex::Func(i) => ExternType::Func(m.func_type(i).clone()),
                ExportIndex::Table(i) => ExternType::Table(m.tables[i as usize]),
                ExportIndex::Memory(i) => ExternType::Memory(m.memories[i as usize]),
                ExportIndex::Global(i) => ExternType::Global(m.globals[i as usize]),
            };
            (name.as_str(), ty)
        })
    }

    /// The signature of an exported function.
    pub fn export_func_type(&self, name: &str) -> Option<&FuncType> {
        self.inner.exports.iter().find_map(|(n, idx)| match idx {
            ExportIndex::Func(i) if n == name => Some(self.inner.func_type(*i)),
            _ => None,
        })
    }

    /// The function index of an exported function.
    pub fn export_func_index(&self, name: &str) -> Option<u32> {
        self.inner.exports.iter().find_map(|(n, idx)| match idx {
            ExportIndex::Func(i) if n == name => Some(*i),
            _ => None,
        })
    }

    /// Number of functions (imported and defined).
    pub fn num_funcs(&self) -> u32 {
        self.inner.funcs.len() as u32
    }

    /// The name of function `index` from the name section, if any.
    pub fn func_name(&self, index: u32) -> Option<&str> {
        self.inner.func_name(index)
    }

    /// Writes the IR of every defined function (or of the one selected by `filter`).
    pub fn disassemble(&self, filter: Option<u32>, out: &mut impl std::fmt::Write) -> std::fmt::Result {
        let m = &*self.inner;
        for i in 0..m.code.len() {
            let index = m.num_imported_funcs + i as u32;
            if filter.is_some_and(|f| f != index) {
                continue;
            }
            let code = match m.compiled(i as u32) {
                Ok(code) => code,
                Err(e) => {
                    writeln!(out, "func {index}: cannot translate: {e}")?;
                    continue;
                }
            };
            let name = m.func_name(index).map(|n| format!(" ${n}")).unwrap_or_default();
            writeln!(
                out,
                "func {index}{name} {}: params={} locals={} frame={} consts={:?}",
                m.func_type(index),
                code.num_params,
                code.num_locals,
                code.frame_size,
                code.consts
            )?;
            crate::ir::disassemble(&crate::exec::decode(&code.ops), out)?;
        }
        Ok(())
    }
}

/// Shorthand used by the parser and translator.
pub(crate) fn val_type(ty: wasmparser::ValType) -> Result<ValType> {
    ValType::from_wasmparser(ty).ok_or_else(|| crate::Error::unsupported(format!("value type {ty}")))
}
