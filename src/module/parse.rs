//! Walks a Wasm binary's sections with `wasmparser`, validating each payload; function bodies are
//! validated and translated when their code section ends (in parallel for large sections).

use super::{
    ConstExpr, ConstOp, DataSegment, ElemSegment, ExportIndex, FuncCode, ImportDecl, ModuleInner, SegmentMode, val_type,
};
use crate::code::Translated;
use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result, invalid, malformed};
use crate::types::{ExternType, FuncType, GlobalType, MemoryType, Mutability, TableType, ValType};
use std::sync::{Mutex, OnceLock};
use wasmparser::{
    CompositeInnerType, ElementItems, ElementKind, ExternalKind, FuncToValidate, FuncValidatorAllocations,
    FunctionBody, KnownCustom, Parser, Payload, TypeRef, ValidPayload, Validator, ValidatorResources,
};

pub(super) fn wat_error(e: wat::Error) -> Error {
    Error::new(ErrorKind::Malformed { message: e.to_string(), offset: None })
}

/// Decodes a validated constant expression; `extended`: whether extended constant expressions
/// are enabled (the validator always accepts them).
fn const_expr(expr: &wasmparser::ConstExpr<'_>, extended: bool) -> Result<ConstExpr> {
    use wasmparser::Operator as O;
    let mut reader = expr.get_operators_reader();
    let mut ops = Vec::new();
    while !reader.eof() {
        ops.push(match reader.read().map_err(malformed)? {
            O::I32Const { value } => ConstOp::Value(value as u32 as u64),
            O::I64Const { value } => ConstOp::Value(value as u64),
            O::F32Const { value } => ConstOp::Value(value.bits() as u64),
            O::F64Const { value } => ConstOp::Value(value.bits()),
            O::V128Const { value } => ConstOp::V128(u128::from_le_bytes(*value.bytes())),
            O::RefNull { .. } => ConstOp::Value(0),
            O::RefFunc { function_index } => ConstOp::RefFunc(function_index),
            O::GlobalGet { global_index } => ConstOp::GlobalGet(global_index),
            O::I32Add => ConstOp::I32Add,
            O::I32Sub => ConstOp::I32Sub,
            O::I32Mul => ConstOp::I32Mul,
            O::I64Add => ConstOp::I64Add,
            O::I64Sub => ConstOp::I64Sub,
            O::I64Mul => ConstOp::I64Mul,
            O::End => break,
            other => return Err(Error::unsupported(format!("constant expression {other:?}"))),
        });
    }
    Ok(match *ops.as_slice() {
        [ConstOp::Value(v)] => ConstExpr::Value(v),
        [ConstOp::V128(v)] => ConstExpr::V128(v),
        [ConstOp::RefFunc(f)] => ConstExpr::RefFunc(f),
        [ConstOp::GlobalGet(g)] => ConstExpr::GlobalGet(g),
        _ if extended => ConstExpr::Ops(ops.into()),
        _ => {
            return Err(Error::unsupported("extended constant expressions are disabled (Config::wasm_extended_const)"));
        }
    })
}

fn table_type(t: &wasmparser::TableType, sigs: &[u32]) -> Result<TableType> {
    let element = ValType::from_ref_type(t.element_type, sigs)
        .ok_or_else(|| Error::unsupported(format!("table element type {}", t.element_type)))?;
    Ok(if t.table64 {
        TableType::new64(element, t.initial, t.maximum)
    } else {
        // Validation keeps a 32-bit table's limits within 32 bits.
        TableType::new(element, t.initial as u32, t.maximum.map(|m| m as u32))
    })
}

fn memory_type(m: &wasmparser::MemoryType) -> Result<MemoryType> {
    if m.shared {
        return Err(Error::unsupported("shared memories"));
    }
    let log2 = u8::try_from(m.page_size_log2.unwrap_or(16)).unwrap_or(u8::MAX);
    Ok(MemoryType::from_parts(m.initial, m.maximum, m.memory64, log2))
}

fn global_type(g: &wasmparser::GlobalType, sigs: &[u32]) -> Result<GlobalType> {
    let mutability = if g.mutable { Mutability::Var } else { Mutability::Const };
    Ok(GlobalType { content: val_type(g.content_type, sigs)?, mutability })
}

pub(super) fn parse(engine: &Engine, wasm: &[u8]) -> Result<ModuleInner> {
    let mut validator = Validator::new_with_features(engine.config().wasm_features());
    let lazy = engine.config().lazy_translation;
    let extended = engine.config().extended_const();
    let mut m = ModuleInner { config: engine.config().clone(), ..ModuleInner::default() };
    // Function bodies wait here until the code section ends, then are validated (and translated,
    // when eager) together, in parallel for large modules.
    let mut bodies: Vec<Body<'_>> = Vec::new();
    let mut parser = Parser::new(0);
    // Decode with the same features we validate with, so that e.g. memory limits are read as
    // 32-bit LEB128s and memory operands as Wasm 2.0 reserved bytes.
    parser.set_features(engine.config().wasm_features());
    for payload in parser.parse_all(wasm) {
        let payload = payload.map_err(malformed)?;
        if let ValidPayload::Func(to_validate, body) = validator.payload(&payload).map_err(invalid)? {
            let range = body.range();
            m.code.push(FuncCode { compiled: OnceLock::new(), body: range.start as usize..range.end as usize });
            bodies.push((to_validate, body));
            continue;
        }
        if !bodies.is_empty() {
            process_bodies(&mut m, std::mem::take(&mut bodies), lazy)?;
        }
        match payload {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group.map_err(malformed)?.into_types() {
                        let CompositeInnerType::Func(f) = &sub.composite_type.inner else {
                            return Err(Error::unsupported("non-function types"));
                        };
                        let sigs = &m.type_sigs;
                        let params = f.params().iter().map(|t| val_type(*t, sigs)).collect::<Result<Vec<_>>>()?;
                        let results = f.results().iter().map(|t| val_type(*t, sigs)).collect::<Result<Vec<_>>>()?;
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
                            let t = table_type(&t, &m.type_sigs)?;
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
                            let g = global_type(&g, &m.type_sigs)?;
                            m.globals.push(g);
                            m.num_imported_globals += 1;
                            ExternType::Global(g)
                        }
                        TypeRef::Tag(t) => {
                            m.tags.push(t.func_type_idx);
                            m.num_imported_tags += 1;
                            ExternType::Tag(m.tag_type(m.tags.len() as u32 - 1))
                        }
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
                    m.tables.push(table_type(&table.ty, &m.type_sigs)?);
                    m.table_inits.push(match table.init {
                        wasmparser::TableInit::RefNull => ConstExpr::Value(0),
                        wasmparser::TableInit::Expr(e) => const_expr(&e, extended)?,
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
                    m.globals.push(global_type(&global.ty, &m.type_sigs)?);
                    m.global_inits.push(const_expr(&global.init_expr, extended)?);
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
                        ExternalKind::Tag => ExportIndex::Tag(export.index),
                    };
                    m.exports.push((export.name.into(), index));
                }
            }
            Payload::TagSection(reader) => {
                for tag in reader {
                    m.tags.push(tag.map_err(malformed)?.func_type_idx);
                }
            }
            Payload::StartSection { func, .. } => m.start = Some(func),
            Payload::ElementSection(reader) => {
                for elem in reader {
                    let elem = elem.map_err(malformed)?;
                    let mode = match elem.kind {
                        ElementKind::Passive => SegmentMode::Passive,
                        ElementKind::Declared => SegmentMode::Declared,
                        ElementKind::Active { table_index, offset_expr } => SegmentMode::Active {
                            index: table_index.unwrap_or(0),
                            offset: const_expr(&offset_expr, extended)?,
                        },
                    };
                    let items = match elem.items {
                        ElementItems::Functions(r) => r
                            .into_iter()
                            .map(|f| f.map(ConstExpr::RefFunc).map_err(malformed))
                            .collect::<Result<Vec<_>>>()?,
                        ElementItems::Expressions(_, r) => r
                            .into_iter()
                            .map(|e| const_expr(&e.map_err(malformed)?, extended))
                            .collect::<Result<Vec<_>>>()?,
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
                            SegmentMode::Active { index: memory_index, offset: const_expr(&offset_expr, extended)? }
                        }
                    };
                    m.datas.push(DataSegment { mode, bytes: data.data.into() });
                }
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(_) = reader.as_known() {
                    m.func_names.add_section(reader.data(), reader.data_offset());
                }
            }
            _ => {}
        }
    }
    if !bodies.is_empty() {
        process_bodies(&mut m, bodies, lazy)?;
    }
    Ok(m)
}

/// A function body waiting for validation and translation.
type Body<'a> = (FuncToValidate<ValidatorResources>, FunctionBody<'a>);

/// Code sections smaller than this are processed on the calling thread only. Starting a thread
/// costs tens of microseconds; validating 64 KiB of code takes about 0.7 ms on one core, so
/// sections from here up (Lua's 245 KB, Mbed TLS's 133 KB) start measurably sooner on two cores.
const PARALLEL_MIN_BYTES: usize = 64 * 1024;

/// Validates the code section's bodies, the last `bodies.len()` entries of `m.code`, and unless
/// `lazy` translates them. Large sections are split into contiguous runs of about equal size, one
/// per available core; the reported error is the one of the first invalid function, as when
/// processing in order.
fn process_bodies(m: &mut ModuleInner, bodies: Vec<Body<'_>>, lazy: bool) -> Result<()> {
    let first = m.code.len() - bodies.len();
    let len = |b: &Body<'_>| (b.1.range().end - b.1.range().start) as usize;
    let total: usize = bodies.iter().map(len).sum();
    let threads = if total < PARALLEL_MIN_BYTES {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8)
    };
    // Contiguous runs of about `total / threads` bytes each.
    let mut runs: Vec<Vec<Body<'_>>> = Vec::new();
    let (mut run, mut size) = (Vec::new(), 0);
    for body in bodies {
        size += len(&body);
        run.push(body);
        if size * threads >= total * (runs.len() + 1) && runs.len() + 1 < threads {
            runs.push(std::mem::take(&mut run));
        }
    }
    runs.push(run);
    let module: &ModuleInner = m;
    let work = |start: usize, run: Vec<Body<'_>>| process_run(module, first + start, run, lazy);
    let mut starts = Vec::with_capacity(runs.len());
    let mut at = 0;
    for run in &runs {
        starts.push(at);
        at += run.len();
    }
    let results: Vec<RunResult> = if runs.len() == 1 {
        runs.into_iter().zip(starts).map(|(run, start)| work(start, run)).collect()
    } else {
        // Each run sits in a slot a thread takes it from; a run whose thread could not be started
        // is processed here afterwards.
        let slots: Vec<Mutex<Option<Vec<Body<'_>>>>> = runs.into_iter().map(|r| Mutex::new(Some(r))).collect();
        let take = |k: usize| slots[k].lock().ok().and_then(|mut s| s.take()).unwrap_or_default();
        // The calling thread processes the first run itself.
        let mut results: Vec<RunResult> =
            std::thread::scope(|scope| {
                let handles: Vec<_> = (1..slots.len())
                    .filter_map(|k| {
                        let (start, take, work) = (starts[k], &take, &work);
                        std::thread::Builder::new().spawn_scoped(scope, move || work(start, take(k))).ok()
                    })
                    .collect();
                let mut results = vec![work(starts[0], take(0))];
                // Then any run whose thread has not started yet.
                for (k, &start) in starts.iter().enumerate().skip(1) {
                    let run = take(k);
                    if !run.is_empty() {
                        results.push(work(start, run));
                    }
                }
                results.extend(handles.into_iter().map(|h| {
                    h.join().unwrap_or_else(|_| Err((0, Error::unsupported("a translation thread panicked"))))
                }));
                results
            });
        for (k, &start) in starts.iter().enumerate() {
            let run = take(k);
            if !run.is_empty() {
                results.push(work(start, run));
            }
        }
        results
    };
    let mut compiled = Vec::new();
    let mut first_error: Option<(usize, Error)> = None;
    for result in results {
        match result {
            Ok(run) => compiled.extend(run),
            Err((i, e)) => {
                if first_error.as_ref().is_none_or(|(j, _)| i < *j) {
                    first_error = Some((i, e));
                }
            }
        }
    }
    if let Some((_, e)) = first_error {
        return Err(e);
    }
    let mut translated: Vec<Option<Translated>> = Vec::new();
    translated.resize_with(m.code.len(), || None);
    for (index, code) in compiled {
        translated[index] = Some(code);
        m.code[index].body = 0..0;
    }
    m.translated = Mutex::new(translated);
    Ok(())
}

/// Translated functions by index into `ModuleInner::code`, or the first error with its index.
type RunResult = std::result::Result<Vec<(usize, Translated)>, (usize, Error)>;

/// Processes one run of bodies, the first of which is `ModuleInner::code[start]`.
fn process_run(m: &ModuleInner, start: usize, run: Vec<Body<'_>>, lazy: bool) -> RunResult {
    let mut allocs = FuncValidatorAllocations::default();
    let mut scratch = crate::translate::Scratch::default();
    let mut out = Vec::new();
    for (i, (to_validate, body)) in run.into_iter().enumerate() {
        let index = start + i;
        let mut func_validator = to_validate.into_validator(std::mem::take(&mut allocs));
        if lazy {
            crate::translate::validate(&mut func_validator, &body).map_err(|e| (index, e))?;
            allocs = func_validator.into_allocations();
        } else {
            let func = m.num_imported_funcs + index as u32;
            let (code, a) = crate::translate::translate(&m.env(), func, &body, func_validator, &mut scratch)
                .map_err(|e| (index, e))?;
            allocs = a;
            out.push((index, code));
        }
    }
    Ok(out)
}
