//! [`Module`]: decodes and validates a binary or text module with `wasmparser` and translates every
//! function body to IR in the same pass.

mod cpus;
mod parse;

use crate::code::{CompiledFunc, Translated};
use crate::engine::Engine;
use crate::error::Result;
use crate::translate::Env;
use crate::types::{ExternType, FuncType, GlobalType, MemoryType, TableType, TagType, ValType};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

/// A constant expression: one instruction (all Wasm 2.0 has), or a short stack program of
/// extended constant expressions.
#[derive(Debug, Clone)]
pub(crate) enum ConstExpr {
    /// A number or null reference, as a cell.
    Value(u64),
    /// A `v128` constant (a global's initialiser).
    V128(u128),
    /// `ref.func`.
    RefFunc(u32),
    /// `global.get`.
    GlobalGet(u32),
    /// Several instructions (extended constant expressions), in order; validation guarantees the
    /// stack they work on ends with one value.
    Ops(Box<[ConstOp]>),
}

/// One instruction of a [`ConstExpr::Ops`] program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConstOp {
    /// Pushes a number or null reference.
    Value(u64),
    /// Pushes a `v128` (only ever alone: no constant instruction takes one).
    V128(u128),
    /// Pushes `ref.func`.
    RefFunc(u32),
    /// Pushes a global's value.
    GlobalGet(u32),
    /// Pops two values, pushes the result: `i32.add`, `i32.sub`, `i32.mul` and the `i64` three.
    I32Add,
    I32Sub,
    I32Mul,
    I64Add,
    I64Sub,
    I64Mul,
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
    Tag(u32),
}

/// An import declaration.
#[derive(Debug, Clone)]
pub(crate) struct ImportDecl {
    pub module: String,
    pub name: String,
    pub ty: ExternType,
}

/// A defined function's code as the executor runs it: encoded on the function's first call (by the
/// executor, which alone knows its handlers) from what translation at load time left in
/// [`ModuleInner::translated`], or from its validated body in [`ModuleInner::wasm`] (lazy
/// translation).
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
    /// Type index of every exception tag, imports first.
    pub tags: Vec<u32>,
    pub num_imported_tags: u32,
    pub imports: Vec<ImportDecl>,
    pub exports: Vec<(String, ExportIndex)>,
    pub start: Option<u32>,
    pub elems: Vec<ElemSegment>,
    pub datas: Vec<DataSegment>,
    /// One per defined function.
    pub code: Vec<FuncCode>,
    /// One per defined function: its translation while it waits for its first call to be encoded
    /// (`None` when translation is lazy, or once encoded). Locked only on first calls.
    pub translated: Mutex<Vec<Option<Translated>>>,
    /// The module's bytes, kept for lazy translation.
    pub wasm: Option<Arc<Vec<u8>>>,
    /// The engine settings translation follows.
    pub config: crate::Config,
    pub func_names: FuncNames,
}

/// The function names of a module's name section, decoded on first use: they serve backtraces,
/// profiles and listings, and decoding thousands of them (and hashing them into a map) cost
/// sqlite.wasm 2% of its start-up.
#[derive(Debug, Default)]
pub(crate) struct FuncNames {
    /// The contents of each `name` custom section, with their offset in the module.
    sections: Vec<(Box<[u8]>, u64)>,
    names: OnceLock<HashMap<u32, String>>,
}

impl FuncNames {
    /// Keeps the contents of a `name` custom section that starts at `offset` in the module.
    pub(crate) fn add_section(&mut self, data: &[u8], offset: u64) {
        self.sections.push((data.into(), offset));
    }

    /// The name of function `func`, if the name section gives one.
    pub(crate) fn get(&self, func: u32) -> Option<&str> {
        let names = self.names.get_or_init(|| {
            let mut names = HashMap::new();
            for (data, offset) in &self.sections {
                let reader = wasmparser::NameSectionReader::new(wasmparser::BinaryReader::new(data, *offset));
                // A broken name section is ignored, as the spec asks.
                for name in reader.into_iter().flatten() {
                    if let wasmparser::Name::Function(map) = name {
                        for naming in map.into_iter().flatten() {
                            names.insert(naming.index, naming.name.to_string());
                        }
                    }
                }
            }
            names
        });
        names.get(&func).map(String::as_str)
    }
}

impl ModuleInner {
    /// The type of tag `tag` (imported or defined).
    pub(crate) fn tag_type(&self, tag: u32) -> TagType {
        TagType::new(self.types[self.tags[tag as usize] as usize].params().iter().copied())
    }

    /// Whether the module needs its bytes after loading: lazy translation reads function bodies
    /// from them.
    pub(crate) fn keeps_bytes(&self) -> bool {
        self.config.lazy_translation && !self.code.is_empty()
    }

    /// What translation needs to know of the module.
    pub(crate) fn env(&self) -> Env<'_> {
        Env {
            types: &self.types,
            type_sigs: &self.type_sigs,
            funcs: &self.funcs,
            num_imported_funcs: self.num_imported_funcs,
            tags: &self.tags,
            tables: &self.tables,
            memories: &self.memories,
            globals: &self.globals,
            config: &self.config,
        }
    }

    /// Translates defined function `index` from its validated body (lazy translation): `None` if
    /// the module did not keep its bytes (it was translated at load time).
    pub(crate) fn translate_body(&self, index: u32) -> Option<Result<Translated>> {
        let wasm = self.wasm.as_deref()?;
        let body = self.code[index as usize].body.clone();
        Some(crate::translate::translate_validated(&self.env(), self.num_imported_funcs + index, wasm, body))
    }

    pub(crate) fn func_type(&self, func: u32) -> &FuncType {
        &self.types[self.funcs[func as usize] as usize]
    }

    pub(crate) fn func_name(&self, func: u32) -> Option<&str> {
        self.func_names.get(func)
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
        if bytes.starts_with(b"\0asm") {
            Self::from_binary(engine, bytes)
        } else {
            Self::from_vec(engine, wat::parse_bytes(bytes).map_err(parse::wat_error)?.into_owned())
        }
    }

    /// Decodes, validates and translates a Wasm binary.
    pub fn from_binary(engine: &Engine, wasm: &[u8]) -> Result<Module> {
        let mut inner = parse::parse(engine, wasm)?;
        if inner.keeps_bytes() {
            inner.wasm = Some(Arc::new(wasm.to_vec()));
        }
        Ok(Module { inner: Arc::new(inner), engine: engine.clone() })
    }

    /// [`Module::new`] for bytes the caller gives away: with lazy translation the module keeps
    /// them (it translates function bodies from them on their first call) instead of a copy.
    pub fn from_vec(engine: &Engine, bytes: Vec<u8>) -> Result<Module> {
        if !bytes.starts_with(b"\0asm") {
            return Self::new(engine, bytes);
        }
        let mut inner = parse::parse(engine, &bytes)?;
        if inner.keeps_bytes() {
            inner.wasm = Some(Arc::new(bytes));
        }
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
                ExportIndex::Tag(i) => ExternType::Tag(m.tag_type(i)),
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
            // The function's instructions: encoded by a first call, waiting for one, or (lazy
            // translation) translated now just for this listing.
            let encoded = m.code[i].compiled.get().map(|c| c.clone().map_ops(|ops| crate::code::decode(&ops).into()));
            let waiting = || m.translated.lock().unwrap_or_else(|e| e.into_inner()).get(i).cloned().flatten();
            let code = match encoded.or_else(waiting).map(Ok).or_else(|| m.translate_body(i as u32)) {
                Some(Ok(code)) => code,
                Some(Err(e)) => {
                    writeln!(out, "func {index}: cannot translate: {e}")?;
                    continue;
                }
                None => continue,
            };
            let name = m.func_name(index).map(|n| format!(" ${n}")).unwrap_or_default();
            writeln!(
                out,
                "func {index}{name} {}: params={} locals={} frame={} consts={:?}",
                m.func_type(index),
                code.num_params,
                code.num_locals,
                code.frame_size(),
                code.consts
            )?;
            crate::ir::disassemble(&code.ops, out)?;
            for (i, c) in code.catches.iter().enumerate() {
                let tag = c.tag.map_or("all".to_string(), |t| format!("tag {t}"));
                match c.handler {
                    crate::code::Handler::Pad(pad) => {
                        let exn = c.exn.map(|r| format!(", exnref to r{}", r.0)).unwrap_or_default();
                        writeln!(
                            out,
                            "  catch {i}: {}..{} {tag} values to r{}{exn} -> {pad}",
                            c.start, c.end, c.dst.0
                        )?;
                    }
                    crate::code::Handler::Delegate(next) => {
                        writeln!(out, "  catch {i}: {}..{} delegate -> catch {next}", c.start, c.end)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Shorthand used by the parser and translator.
pub(crate) fn val_type(ty: wasmparser::ValType, sigs: &[u32]) -> Result<ValType> {
    ValType::from_wasmparser(ty, sigs).ok_or_else(|| crate::Error::unsupported(format!("value type {ty}")))
}
