//! Instantiation: resolving imports, creating a module's entities in a store, running its element
//! and data segments and its start function; and the [`Instance`] handle.

use super::func::Func;
use super::memory::{Memory, MemoryEntity};
use super::store::{FuncEntity, GlobalEntity};
use super::table::{Table, TableEntity};
use super::{AsContext, Extern, Global, Store, Tag, TypedFunc};
use crate::error::{Error, ErrorKind, Result, TrapCode};
use crate::module::{ConstExpr, ConstOp, ExportIndex, Module, ModuleInner, SegmentMode};
use crate::runtime::store::StoreId;
use crate::types::ExternType;
use crate::value::WasmTyList;
use smallvec::SmallVec;
use std::collections::HashMap;
use std::sync::Arc;

/// An instance as the store keeps it: the module and the store indices of everything it uses.
pub(crate) struct InstanceEntity {
    pub module: Arc<ModuleInner>,
    pub funcs: Box<[u32]>,
    pub tables: Box<[u32]>,
    pub memories: Box<[u32]>,
    pub globals: Box<[u32]>,
    /// Exception tags (store indices).
    pub tags: Box<[u32]>,
    pub exports: HashMap<String, Extern>,
    /// Data segments; a dropped one is empty.
    pub datas: Vec<Arc<[u8]>>,
    /// Element segments as reference cells; a dropped one is empty.
    pub elems: Vec<Box<[u64]>>,
}

/// An instantiated module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Instance {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

/// A global's initial value: its cell and, for a `v128`, its high half.
fn eval_global(expr: &ConstExpr, funcs: &[u32], globals: &[u32], store_globals: &[GlobalEntity]) -> (u64, u64) {
    match *expr {
        ConstExpr::V128(v) => (v as u64, (v >> 64) as u64),
        ConstExpr::GlobalGet(g) => {
            let g = &store_globals[globals[g as usize] as usize];
            (g.value, g.hi)
        }
        _ => (eval(expr, funcs, globals, store_globals), 0),
    }
}

fn eval(expr: &ConstExpr, funcs: &[u32], globals: &[u32], store_globals: &[GlobalEntity]) -> u64 {
    let ref_func = |f: u32| u64::from(funcs[f as usize]) + 1;
    let global = |g: u32| store_globals[globals[g as usize] as usize].value;
    match *expr {
        ConstExpr::Value(v) => v,
        ConstExpr::V128(v) => v as u64,
        ConstExpr::RefFunc(f) => ref_func(f),
        ConstExpr::GlobalGet(g) => global(g),
        ConstExpr::Ops(ref ops) => {
            // Validation guarantees every operator finds its operands and one value remains.
            let mut stack: SmallVec<[u64; 4]> = SmallVec::new();
            for &op in ops.iter() {
                let value = match op {
                    ConstOp::Value(v) => v,
                    ConstOp::V128(v) => v as u64,
                    ConstOp::RefFunc(f) => ref_func(f),
                    ConstOp::GlobalGet(g) => global(g),
                    _ => {
                        let (b, a) = (stack.pop().unwrap_or(0), stack.pop().unwrap_or(0));
                        let (a32, b32) = (a as u32, b as u32);
                        match op {
                            ConstOp::I32Add => u64::from(a32.wrapping_add(b32)),
                            ConstOp::I32Sub => u64::from(a32.wrapping_sub(b32)),
                            ConstOp::I32Mul => u64::from(a32.wrapping_mul(b32)),
                            ConstOp::I64Add => a.wrapping_add(b),
                            ConstOp::I64Sub => a.wrapping_sub(b),
                            _ => a.wrapping_mul(b),
                        }
                    }
                };
                stack.push(value);
            }
            stack.pop().unwrap_or(0)
        }
    }
}

impl Instance {
    /// An export by name; `None` if there is none, or if the instance belongs to another store.
    pub fn get_export(&self, store: impl AsContext, name: &str) -> Option<Extern> {
        let store = &store.as_context().0.inner;
        store.check(self.store, "Instance").ok()?;
        store.instances[self.index as usize].exports.get(name).copied()
    }

    /// All exports, in no particular order; an error if the instance belongs to another store.
    pub fn exports(&self, store: impl AsContext) -> Result<Vec<(String, Extern)>> {
        let store = &store.as_context().0.inner;
        store.check(self.store, "Instance")?;
        Ok(store.instances[self.index as usize].exports.iter().map(|(n, e)| (n.clone(), *e)).collect())
    }

    /// An exported function.
    pub fn get_func(&self, store: impl AsContext, name: &str) -> Option<Func> {
        self.get_export(store, name)?.into_func()
    }

    /// An exported function with a checked signature; an error if there is none, it has another
    /// signature, or the instance belongs to another store.
    pub fn get_typed_func<Params: WasmTyList, Results: WasmTyList>(
        &self,
        store: impl AsContext,
        name: &str,
    ) -> Result<TypedFunc<Params, Results>> {
        store.as_context().0.inner.check(self.store, "Instance")?;
        let func =
            self.get_func(&store, name).ok_or_else(|| Error::msg(format!("no exported function named `{name}`")))?;
        func.typed(&store)
    }

    /// An exported memory.
    pub fn get_memory(&self, store: impl AsContext, name: &str) -> Option<Memory> {
        self.get_export(store, name)?.into_memory()
    }

    /// An exported global.
    pub fn get_global(&self, store: impl AsContext, name: &str) -> Option<Global> {
        self.get_export(store, name)?.into_global()
    }

    /// An exported table.
    pub fn get_table(&self, store: impl AsContext, name: &str) -> Option<Table> {
        self.get_export(store, name)?.into_table()
    }

    /// An exported exception tag.
    pub fn get_tag(&self, store: impl AsContext, name: &str) -> Option<Tag> {
        self.get_export(store, name)?.into_tag()
    }
}

fn check_import<T>(store: &Store<T>, module: &ModuleInner, i: usize, provided: &Extern) -> Result<()> {
    let decl = &module.imports[i];
    let inner = &store.inner;
    let ok = match (&decl.ty, provided) {
        (ExternType::Func(ty), Extern::Func(f)) => {
            inner.check(f.store, "Func")?;
            inner.funcs[f.index as usize].sig() == inner.engine.intern(ty)
        }
        (ExternType::Global(ty), Extern::Global(g)) => {
            inner.check(g.store, "Global")?;
            // An immutable global may be of a subtype (a typed function reference where a
            // `funcref` is imported); a mutable one must be of the same type.
            let actual = inner.globals[g.index as usize].ty;
            actual.mutability == ty.mutability
                && match ty.mutability {
                    crate::types::Mutability::Const => actual.content.matches(ty.content),
                    crate::types::Mutability::Var => actual.content == ty.content,
                }
        }
        (ExternType::Memory(ty), Extern::Memory(mem)) => {
            inner.check(mem.store, "Memory")?;
            inner.memories[mem.index as usize].matches(ty)
        }
        (ExternType::Table(ty), Extern::Table(t)) => {
            inner.check(t.store, "Table")?;
            inner.tables[t.index as usize].matches(ty)
        }
        (ExternType::Tag(ty), Extern::Tag(t)) => {
            inner.check(t.store, "Tag")?;
            inner.tags[t.index as usize].ty == *ty
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::unlinkable(format!("incompatible import type for `{}::{}`", decl.module, decl.name)))
    }
}

/// Creates an instance of `module` in `store` with `imports` (in the order of the module's import
/// section) and applies its segments; returns it with its start function (a store function
/// index), which the caller runs (`Instance::new` and `Linker::instantiate`, in the executor).
pub(crate) fn instantiate<T>(
    store: &mut Store<T>,
    module: &Module,
    imports: &[Extern],
) -> Result<(Instance, Option<u32>)> {
    if !crate::Engine::same(&store.inner.engine, &module.engine) {
        return Err(Error::msg("module and store belong to different engines"));
    }
    let m = &module.inner;
    if imports.len() != m.imports.len() {
        return Err(Error::unlinkable(format!(
            "module has {} imports but {} were given",
            m.imports.len(),
            imports.len()
        )));
    }
    let (mut funcs, mut tables, mut memories, mut globals) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut tags = Vec::new();
    for (i, import) in imports.iter().enumerate() {
        check_import(store, m, i, import)?;
        match import {
            Extern::Func(f) => funcs.push(f.index),
            Extern::Table(t) => tables.push(t.index),
            Extern::Memory(mem) => memories.push(mem.index),
            Extern::Global(g) => globals.push(g.index),
            Extern::Tag(t) => tags.push(t.index),
        }
    }
    store.check_counts(
        1,
        m.memories.len() - m.num_imported_memories as usize,
        m.tables.len() - m.num_imported_tables as usize,
    )?;
    let (memory_limit, table_limit) = (store.inner.memory_limit(), store.inner.table_limit());
    // Memories and tables are created (and the limiter asked) before anything is added to the
    // store, so a refusal leaves the store as it was.
    let mut new_memories = Vec::new();
    for ty in &m.memories[m.num_imported_memories as usize..] {
        let memory = MemoryEntity::new(*ty, memory_limit)?;
        if !store.allow_growth(true, 0, memory.data.len(), memory.type_maximum_bytes())? {
            return Err(Error::new(ErrorKind::Limit(format!(
                "memory of {} pages refused by the limiter",
                ty.minimum()
            ))));
        }
        new_memories.push(memory);
    }
    for ty in &m.tables[m.num_imported_tables as usize..] {
        let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        if !store.allow_growth(false, 0, size(ty.minimum()), ty.maximum().map(size))? {
            return Err(Error::new(ErrorKind::Limit(format!(
                "table of {} elements refused by the limiter",
                ty.minimum()
            ))));
        }
    }
    let inner = &mut store.inner;
    let instance_index = inner.instances.len() as u32;
    for (i, &ty) in m.funcs[m.num_imported_funcs as usize..].iter().enumerate() {
        inner.funcs.push(FuncEntity::Wasm { sig: m.type_sigs[ty as usize], instance: instance_index, index: i as u32 });
        funcs.push(inner.funcs.len() as u32 - 1);
    }
    for memory in new_memories {
        inner.memories.push(memory);
        memories.push(inner.memories.len() as u32 - 1);
    }
    for (i, ty) in m.tables[m.num_imported_tables as usize..].iter().enumerate() {
        let init = eval(&m.table_inits[i], &funcs, &globals, &inner.globals);
        inner.tables.push(TableEntity::new(*ty, init, table_limit)?);
        tables.push(inner.tables.len() as u32 - 1);
    }
    for (i, ty) in m.globals[m.num_imported_globals as usize..].iter().enumerate() {
        let (value, hi) = eval_global(&m.global_inits[i], &funcs, &globals, &inner.globals);
        inner.globals.push(GlobalEntity { value, hi, ty: *ty });
        globals.push(inner.globals.len() as u32 - 1);
    }
    for i in m.num_imported_tags..m.tags.len() as u32 {
        inner.tags.push(crate::runtime::TagEntity::new(m.tag_type(i)));
        tags.push(inner.tags.len() as u32 - 1);
    }
    let id = inner.id;
    let exports = m
        .exports
        .iter()
        .map(|(name, idx)| {
            let ext = match *idx {
                ExportIndex::Func(i) => Extern::Func(Func { store: id, index: funcs[i as usize] }),
                ExportIndex::Table(i) => Extern::Table(Table { store: id, index: tables[i as usize] }),
                ExportIndex::Memory(i) => Extern::Memory(Memory { store: id, index: memories[i as usize] }),
                ExportIndex::Global(i) => Extern::Global(Global { store: id, index: globals[i as usize] }),
                ExportIndex::Tag(i) => Extern::Tag(Tag { store: id, index: tags[i as usize] }),
            };
            (name.clone(), ext)
        })
        .collect();
    let elems: Vec<Box<[u64]>> = m
        .elems
        .iter()
        .map(|seg| seg.items.iter().map(|e| eval(e, &funcs, &globals, &inner.globals)).collect())
        .collect();
    inner.instances.push(InstanceEntity {
        module: m.clone(),
        funcs: funcs.into(),
        tables: tables.into(),
        memories: memories.into(),
        globals: globals.into(),
        tags: tags.into(),
        exports,
        datas: m.datas.iter().map(|d| d.bytes.clone()).collect(),
        elems,
    });
    let instance = Instance { store: id, index: instance_index };
    initialize_segments(store, instance_index)?;
    let start = m.start.map(|start| store.inner.instances[instance_index as usize].funcs[start as usize]);
    Ok((instance, start))
}

/// Runs the active element and data segments in order, then drops them and the declared ones.
fn initialize_segments<T>(store: &mut Store<T>, instance: u32) -> Result<()> {
    let inner = &mut store.inner;
    let inst = &mut inner.instances[instance as usize];
    let m = inst.module.clone();
    for (i, seg) in m.elems.iter().enumerate() {
        match seg.mode {
            SegmentMode::Active { index, ref offset } => {
                let table = &mut inner.tables[inst.tables[index as usize] as usize];
                let offset = eval(offset, &inst.funcs, &inst.globals, &inner.globals);
                // A 32-bit table's offset is an `i32`, a 64-bit one's an `i64`.
                let offset = if table.ty.is_64() { offset } else { offset as u32 as u64 };
                let table = &mut table.elems;
                let items = &inst.elems[i];
                let dst = usize::try_from(offset)
                    .ok()
                    .and_then(|offset| Some(offset..offset.checked_add(items.len())?))
                    .and_then(|range| table.get_mut(range))
                    .ok_or(Error::trap(TrapCode::TableOutOfBounds))?;
                dst.copy_from_slice(items);
                inst.elems[i] = Box::new([]);
            }
            SegmentMode::Declared => inst.elems[i] = Box::new([]),
            SegmentMode::Passive => {}
        }
    }
    for (i, seg) in m.datas.iter().enumerate() {
        if let SegmentMode::Active { index, ref offset } = seg.mode {
            let memory = &mut inner.memories[inst.memories[index as usize] as usize];
            let offset = eval(offset, &inst.funcs, &inst.globals, &inner.globals);
            // A 32-bit memory's offset is an `i32`, a 64-bit one's an `i64`.
            let offset = if memory.is_64() { offset } else { offset as u32 as u64 };
            let mem = &mut memory.data;
            let dst = usize::try_from(offset)
                .ok()
                .and_then(|offset| Some(offset..offset.checked_add(seg.bytes.len())?))
                .and_then(|range| mem.get_mut(range))
                .ok_or(Error::trap(TrapCode::MemoryOutOfBounds))?;
            dst.copy_from_slice(&seg.bytes);
            inst.datas[i] = Arc::new([]);
        }
    }
    Ok(())
}
