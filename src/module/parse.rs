//! Walks a Wasm binary's sections with `wasmparser`, validating each payload and translating each
//! function body as soon as it is seen.

use super::{
    CompiledFunc, ConstExpr, DataSegment, ElemSegment, ExportIndex, FuncCode, ImportDecl, ModuleInner, SegmentMode,
    val_type,
};
use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result};
use crate::types::{ExternType, FuncType, GlobalType, MemoryType, Mutability, TableType, ValType};
use std::sync::OnceLock;
use wasmparser::{
    BinaryReaderError, CompositeInnerType, ElementItems, ElementKind, ExternalKind, FuncValidatorAllocations,
    KnownCustom, Name, Parser, Payload, TypeRef, ValidPayload, Validator, WasmFeatures,
};

/// The feature set hayate implements: Wasm 2.0 without SIMD.
pub(crate) fn features() -> WasmFeatures {
    WasmFeatures::WASM2 & !WasmFeatures::SIMD
}

pub(super) fn wat_error(e: wat::Error) -> Error {
    Error::new(ErrorKind::Malformed { message: e.to_string(), offset: None })
}

pub(crate) fn malformed(e: BinaryReaderError) -> Error {
    Error::new(ErrorKind::Malformed { message: e.message().to_string(), offset: Some(e.offset() as usize) })
}

/// A validator error: a feature we do not support, or an invalid module.
pub(crate) fn invalid(e: BinaryReaderError) -> Error {
    let message = e.message().to_string();
    if message.contains("support is not enabled") || message.contains("proposal not enabled") {
        return Error::unsupported(format!("{message} (at offset {:#x})", e.offset()));
    }
    Error::new(ErrorKind::Invalid { message, offset: e.offset() as usize })
}

fn const_expr(expr: &wasmparser::ConstExpr<'_>) -> Result<ConstExpr> {
    use wasmparser::Operator as O;
    let mut reader = expr.get_operators_reader();
    let op = reader.read().map_err(malformed)?;
    Ok(match op {
        O::I32Const { value } => ConstExpr::Value(value as u32 as u64),
        O::I64Const { value } => ConstExpr::Value(value as u64),
        O::F32Const { value } => ConstExpr::Value(value.bits() as u64),
        O::F64Const { value } => ConstExpr::Value(value.bits()),
        O::RefNull { .. } => ConstExpr::Value(0),
        O::RefFunc { function_index } => ConstExpr::RefFunc(function_index),
        O::GlobalGet { global_index } => ConstExpr::GlobalGet(global_index),
        other => return Err(Error::unsupported(format!("constant expression {other:?}"))),
    })
}

fn table_type(t: &wasmparser::TableType) -> Result<TableType> {
    let element = ValType::from_ref_type(t.element_type)
        .ok_or_else(|| Error::unsupported(format!("table element type {}", t.element_type)))?;
    Ok(TableType { element, minimum: t.initial as u32, maximum: t.maximum.map(|m| m as u32) })
}

fn memory_type(m: &wasmparser::MemoryType) -> Result<MemoryType> {
    if m.memory64 || m.shared || m.page_size_log2.is_some() {
        return Err(Error::unsupported("memory64, shared or custom-page-size memories"));
    }
    Ok(MemoryType { minimum: m.initial as u32, maximum: m.maximum.map(|m| m as u32) })
}

fn global_type(g: &wasmparser::GlobalType) -> Result<GlobalType> {
    let mutability = if g.mutable { Mutability::Var } else { Mutability::Const };
    Ok(GlobalType { content: val_type(g.content_type)?, mutability })
}

pub(super) fn parse(engine: &Engine, wasm: &[u8]) -> Result<ModuleInner> {
    let mut validator = Validator::new_with_features(features());
    let lazy = engine.config().lazy_translation;
    let mut m = ModuleInner { config: engine.config().clone(), ..ModuleInner::default() };
    let mut func_allocs = FuncValidatorAllocations::default();
    let mut scratch = crate::translate::Scratch::default();
    let mut parser = Parser::new(0);
    // Decode with the same features we validate with, so that e.g. memory limits are read as
    // 32-bit LEB128s and memory operands as Wasm 2.0 reserved bytes.
    parser.set_features(features());
    for payload in parser.parse_all(wasm) {
        let payload = payload.map_err(malformed)?;
        if let ValidPayload::Func(to_validate, body) = validator.payload(&payload).map_err(invalid)? {
            let mut func_validator = to_validate.into_validator(std::mem::take(&mut func_allocs));
            if lazy {
                func_validator.validate(&body).map_err(invalid)?;
                func_allocs = func_validator.into_allocations();
                let range = body.range();
                m.code.push(FuncCode { compiled: OnceLock::new(), body: range.start as usize..range.end as usize });
                continue;
            }
            let index = m.num_imported_funcs + m.code.len() as u32;
            let (code, allocs): (CompiledFunc, _) =
                crate::translate::translate(engine, &m, index, &body, func_validator, &mut scratch)?;
            func_allocs = allocs;
            m.code.push(FuncCode { compiled: OnceLock::from(code), body: 0..0 });
            continue;
        }
        match payload {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group.map_err(malformed)?.into_types() {
                        let CompositeInnerType::Func(f) = &sub.composite_type.inner else {
                            return Err(Error::unsupported("non-function types"));
                        };
                        let params = f.params().iter().map(|t| val_type(*t)).collect::<Result<Vec<_>>>()?;
                        let results = f.results().iter().map(|t| val_type(*t)).collect::<Result<Vec<_>>>()?;
                        let ty = FuncType::new(params, results);
                        m.type_sigs.push(engine.intern(&ty));
                        m.types.push(ty);
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(malformed)?;
                    let ty = match import.ty {
                        TypeRef::Func(t) | TypeRef::FuncExact(t) => {
                            m.funcs.push(t);
                            m.num_imported_funcs += 1;
                            ExternType::Func(m.types[t as usize].clone())
                        }
                        TypeRef::Table(t) => {
                            let t = table_type(&t)?;
                            m.tables.push(t);
                            m.num_imported_tables += 1;
                            ExternType::Table(t)
                        }
                        TypeRef::Memory(mem) => {
                            let mem = memory_type(&mem)?;
                            m.memories.push(mem);
                            m.num_imported_memories += 1;
                            ExternType::Memory(mem)
                        }
                        TypeRef::Global(g) => {
                            let g = global_type(&g)?;
                            m.globals.push(g);
                            m.num_imported_globals += 1;
                            ExternType::Global(g)
                        }
                        TypeRef::Tag(_) => return Err(Error::unsupported("exception tags")),
                    };
                    m.imports.push(ImportDecl { module: import.module.into(), name: import.name.into(), ty });
                }
            }
            Payload::FunctionSection(reader) => {
                for ty in reader {
                    m.funcs.push(ty.map_err(malformed)?);
                }
            }
            Payload::TableSection(reader) => {
                for table in reader {
                    let table = table.map_err(malformed)?;
                    m.tables.push(table_type(&table.ty)?);
                    m.table_inits.push(match table.init {
                        wasmparser::TableInit::RefNull => ConstExpr::Value(0),
                        wasmparser::TableInit::Expr(e) => const_expr(&e)?,
                    });
                }
            }
            Payload::MemorySection(reader) => {
                for mem in reader {
                    m.memories.push(memory_type(&mem.map_err(malformed)?)?);
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    let global = global.map_err(malformed)?;
                    m.globals.push(global_type(&global.ty)?);
                    m.global_inits.push(const_expr(&global.init_expr)?);
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(malformed)?;
                    let index = match export.kind {
                        ExternalKind::Func | ExternalKind::FuncExact => ExportIndex::Func(export.index),
                        ExternalKind::Table => ExportIndex::Table(export.index),
                        ExternalKind::Memory => ExportIndex::Memory(export.index),
                        ExternalKind::Global => ExportIndex::Global(export.index),
                        ExternalKind::Tag => return Err(Error::unsupported("exception tags")),
                    };
                    m.exports.push((export.name.into(), index));
                }
            }
            Payload::StartSection { func, .. } => m.start = Some(func),
            Payload::ElementSection(reader) => {
                for elem in reader {
                    let elem = elem.map_err(malformed)?;
                    let mode = match elem.kind {
                        ElementKind::Passive => SegmentMode::Passive,
                        ElementKind::Declared => SegmentMode::Declared,
                        ElementKind::Active { table_index, offset_expr } => {
                            SegmentMode::Active { index: table_index.unwrap_or(0), offset: const_expr(&offset_expr)? }
                        }
                    };
                    let items = match elem.items {
                        ElementItems::Functions(r) => r
                            .into_iter()
                            .map(|f| f.map(ConstExpr::RefFunc).map_err(malformed))
                            .collect::<Result<Vec<_>>>()?,
                        ElementItems::Expressions(_, r) => {
                            r.into_iter().map(|e| const_expr(&e.map_err(malformed)?)).collect::<Result<Vec<_>>>()?
                        }
                    };
                    m.elems.push(ElemSegment { mode, items: items.into() });
                }
            }
            Payload::DataSection(reader) => {
                for data in reader {
                    let data = data.map_err(malformed)?;
                    let mode = match data.kind {
                        wasmparser::DataKind::Passive => SegmentMode::Passive,
                        wasmparser::DataKind::Active { memory_index, offset_expr } => {
                            SegmentMode::Active { index: memory_index, offset: const_expr(&offset_expr)? }
                        }
                    };
                    m.datas.push(DataSegment { mode, bytes: data.data.into() });
                }
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(names) = reader.as_known() {
                    // A broken name section is ignored, as the spec asks.
                    for name in names.into_iter().flatten() {
                        if let Name::Function(map) = name {
                            for naming in map.into_iter().flatten() {
                                m.func_names.insert(naming.index, naming.name.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if lazy && !m.code.is_empty() {
        m.wasm = Some(wasm.into());
    }
    Ok(m)
}
