//! Walks a Wasm binary's sections with `wasmparser`, validating each payload; function bodies are
//! validated and translated when their code section ends (in parallel for large sections).

use super::{
    ConstExpr, ConstOp, DataSegment, ElemSegment, ExportIndex, FuncCode, ImportDecl, ModuleInner, SegmentMode, val_type,
};
use crate::code::Translated;
use crate::engine::Engine;
use crate::error::{Error, ErrorKind, Result, invalid, malformed};
use crate::types::{ExternType, FuncType, GlobalType, MemoryType, Mutability, TableType, ValType};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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
    let mut parser = Parser::new(0);
    // Decode with the same features we validate with, so that e.g. memory limits are read as
    // 32-bit LEB128s and memory operands as Wasm 2.0 reserved bytes.
    parser.set_features(engine.config().wasm_features());
    let mut payloads = parser.parse_all(wasm);
    // The code section's results, until the payload after it has been checked.
    let mut bodies = None;
    while let Some(payload) = payloads.next() {
        let payload = payload.map_err(malformed)?;
        validator.payload(&payload).map_err(invalid)?;
        if let Some(results) = bodies.take() {
            store_bodies(&mut m, results)?;
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
            Payload::CodeSectionStart { count, size, .. } => {
                bodies = Some(code_section(&mut m, &mut validator, &mut payloads, count, size as usize, lazy)?);
            }
            // `code_section` reads every entry; one here would go unvalidated.
            Payload::CodeSectionEntry(_) => return Err(Error::unsupported("a code section entry out of place")),
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(_) = reader.as_known() {
                    m.func_names.add_section(reader.data(), reader.data_offset());
                }
            }
            _ => {}
        }
    }
    if let Some(results) = bodies {
        store_bodies(&mut m, results)?;
    }
    Ok(m)
}

/// A function body waiting for validation and translation.
type Body<'a> = (FuncToValidate<ValidatorResources>, FunctionBody<'a>);

/// Code sections smaller than this are processed on the calling thread only. Starting a helper costs
/// about 0.1 ms (the first in a process); validating 64 KiB of code takes about 0.3 ms on one
/// core. Measured end to end on a 2-core AMD EPYC virtual machine (`hayate run X.wasm 0`, cold
/// processes, `benches/interleave.py`, medians of 100), two threads start Mbed TLS (133 KB of
/// code) 3% sooner than one, Lua (245 KB) and PCRE2 (252 KB) 6%, zstd (499 KB) 10%, QuickJS
/// (938 KB) 17% and SQLite (1.07 MB) 19%.
const PARALLEL_MIN_BYTES: usize = 64 * 1024;

/// Bodies are handed to the threads in chunks of about this many bytes, the next chunk to whichever
/// thread is free: a thread that starts late, or meets slower code, takes fewer chunks, and none
/// waits long for the others at the end.
const CHUNK_BYTES: usize = 16 * 1024;

/// Reads the code section's `count` bodies from `payloads`, validates them and unless `lazy`
/// translates them, for [`store_bodies`]. A section of `size` bytes from [`PARALLEL_MIN_BYTES`] up
/// is validated by the calling thread and one helper per further core, started before the bodies
/// are read: the calling thread cuts the bodies into contiguous chunks as it reads them, and each
/// thread takes the next waiting chunk when free. The error reported is the one of the first
/// invalid function, as when processing in order (and a malformed entry before any of them); a
/// helper that panicked is an error too, not a panic of the caller.
fn code_section<'a>(
    m: &mut ModuleInner,
    validator: &mut Validator,
    payloads: &mut impl Iterator<Item = wasmparser::Result<Payload<'a>>>,
    count: u32,
    size: usize,
    lazy: bool,
) -> Result<Vec<RunResult>> {
    let first = m.code.len();
    let threads = if size < PARALLEL_MIN_BYTES { 1 } else { super::cpus::threads() };
    let queue = Queue::default();
    let module: &ModuleInner = m;
    let work = || queue.work(module, lazy);
    // Every entry takes at least one byte of the section.
    let mut bodies = Vec::with_capacity((count as usize).min(size));
    let read = if threads == 1 {
        let read = read_bodies(validator, payloads, count, first, &queue, &mut bodies, usize::MAX);
        work();
        read
    } else {
        // Helpers that have returned (or unwound): the calling thread waits for them by spinning
        // rather than by sleeping in `join`, as a sleeping thread on a virtual machine's idle CPU
        // can take a millisecond to wake.
        let finished = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            let cpus = super::cpus::helper_cpus(threads - 1);
            // A helper that could not be started leaves its share to the threads that were.
            let handles: Vec<_> = (0..threads - 1)
                .filter_map(|i| {
                    let (cpu, work, finished) = (cpus.get(i).copied(), &work, &finished);
                    let helper = move || {
                        let _count = CountOnDrop(finished);
                        if let Some(cpu) = cpu {
                            super::cpus::bind_to(cpu);
                        }
                        work();
                    };
                    std::thread::Builder::new().spawn_scoped(scope, helper).ok()
                })
                .collect();
            let started = handles.len();
            // A new thread starts out queued behind this one on this CPU: let it run now, so that
            // it moves to its own CPU, rather than when this thread's time slice ends.
            if started > 0 {
                std::thread::yield_now();
            }
            let read = read_bodies(validator, payloads, count, first, &queue, &mut bodies, CHUNK_BYTES);
            work();
            while finished.load(Ordering::Acquire) < started {
                std::thread::yield_now();
            }
            // Joined here, so that a helper's panic does not become the scope's: the results it
            // took with it are missed below.
            for handle in handles {
                let _ = handle.join();
            }
            read
        })
    };
    let chunks = read?;
    m.code.extend(bodies);
    let results = queue.results.into_inner().unwrap_or_default();
    if results.len() != chunks {
        return Err(Error::unsupported("a validation thread panicked"));
    }
    Ok(results)
}

/// Keeps the translations of [`code_section`]'s results, or returns the error of the first invalid
/// function. Called once the payload after the code section has been decoded and validated, whose
/// errors come first, as the parser reports them before the validator sees the last body.
fn store_bodies(m: &mut ModuleInner, results: Vec<RunResult>) -> Result<()> {
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

/// Reads `count` code section entries, pushing their bodies onto `queue` in chunks of at least
/// `chunk_bytes` and their places in the module's bytes onto `code`; returns how many chunks it
/// pushed, and closes the queue however it ends.
fn read_bodies<'a>(
    validator: &mut Validator,
    payloads: &mut impl Iterator<Item = wasmparser::Result<Payload<'a>>>,
    count: u32,
    first: usize,
    queue: &Queue<'a>,
    code: &mut Vec<FuncCode>,
    chunk_bytes: usize,
) -> Result<usize> {
    let _close = CloseOnDrop(queue);
    let (mut chunk, mut bytes, mut start, mut chunks) = (Vec::new(), 0, first, 0);
    for _ in 0..count {
        // The parser yields exactly `count` entries after the section's start, or an error.
        let entry = |message: &str| Error::new(ErrorKind::Malformed { message: message.into(), offset: None });
        let payload = payloads.next().ok_or_else(|| entry("unexpected end of the code section"))?;
        let payload = payload.map_err(malformed)?;
        let ValidPayload::Func(to_validate, body) = validator.payload(&payload).map_err(invalid)? else {
            return Err(entry("a code section entry expected"));
        };
        let range = body.range();
        code.push(FuncCode { compiled: OnceLock::new(), body: range.start as usize..range.end as usize });
        bytes += (range.end - range.start) as usize;
        chunk.push((to_validate, body));
        if bytes >= chunk_bytes {
            let n = chunk.len();
            queue.push(start, std::mem::take(&mut chunk));
            (bytes, start, chunks) = (0, start + n, chunks + 1);
        }
    }
    if !chunk.is_empty() {
        queue.push(start, chunk);
        chunks += 1;
    }
    Ok(chunks)
}

/// Chunks of bodies waiting for a thread, filled by the thread reading the code section, and the
/// results of those processed.
#[derive(Default)]
struct Queue<'a> {
    /// Waiting chunks: the index in `ModuleInner::code` of each one's first body, and the bodies.
    waiting: Mutex<VecDeque<(usize, Vec<Body<'a>>)>>,
    /// Set when no more chunks will come.
    closed: AtomicBool,
    results: Mutex<Vec<RunResult>>,
}

impl<'a> Queue<'a> {
    fn push(&self, start: usize, run: Vec<Body<'a>>) {
        if let Ok(mut waiting) = self.waiting.lock() {
            waiting.push_back((start, run));
        }
    }

    /// Processes waiting chunks until the queue is closed and empty, keeping the validator's and
    /// translator's allocations from one function to the next.
    fn work(&self, m: &ModuleInner, lazy: bool) {
        let mut allocs = FuncValidatorAllocations::default();
        let mut scratch = crate::translate::Scratch::default();
        let mut results = Vec::new();
        loop {
            // Read before looking: once closed, an empty queue stays empty.
            let closed = self.closed.load(Ordering::Acquire);
            let next = self.waiting.lock().ok().and_then(|mut w| w.pop_front());
            match next {
                Some((start, run)) => results.push(process_run(m, start, run, lazy, &mut allocs, &mut scratch)),
                None if closed => break,
                // The reading thread is still cutting the next chunk.
                None => std::thread::yield_now(),
            }
        }
        if let Ok(mut all) = self.results.lock() {
            all.extend(results);
        }
    }
}

/// Closes a [`Queue`] when dropped, also when reading ends early or unwinds.
struct CloseOnDrop<'q, 'a>(&'q Queue<'a>);

impl Drop for CloseOnDrop<'_, '_> {
    fn drop(&mut self) {
        self.0.closed.store(true, Ordering::Release);
    }
}

/// Translated functions by index into `ModuleInner::code`, or the first error with its index.
type RunResult = std::result::Result<Vec<(usize, Translated)>, (usize, Error)>;

/// Adds one to the counter when dropped, also when unwinding.
struct CountOnDrop<'a>(&'a AtomicUsize);

impl Drop for CountOnDrop<'_> {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::Release);
    }
}

/// Processes one run of bodies, the first of which is `ModuleInner::code[start]`, with the
/// allocations of the run before.
fn process_run(
    m: &ModuleInner,
    start: usize,
    run: Vec<Body<'_>>,
    lazy: bool,
    allocs: &mut FuncValidatorAllocations,
    scratch: &mut crate::translate::Scratch,
) -> RunResult {
    let mut out = Vec::new();
    for (i, (to_validate, body)) in run.into_iter().enumerate() {
        let index = start + i;
        let mut func_validator = to_validate.into_validator(std::mem::take(allocs));
        if lazy {
            crate::translate::validate(&mut func_validator, &body).map_err(|e| (index, e))?;
            *allocs = func_validator.into_allocations();
        } else {
            let func = m.num_imported_funcs + index as u32;
            let (code, a) =
                crate::translate::translate(&m.env(), func, &body, func_validator, scratch).map_err(|e| (index, e))?;
            *allocs = a;
            out.push((index, code));
        }
    }
    Ok(out)
}
