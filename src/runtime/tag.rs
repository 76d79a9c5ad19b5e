//! Exception tags: the [`Tag`] handle over the store's tags, and [`Exception`], a Wasm exception
//! as the host sees it (thrown out of a call, or thrown by a host function into its caller).

use super::externref::{ExternRefSlots, HostValue};
use super::{AsContext, AsContextMut, StoreInner};
use crate::error::{Error, Result};
use crate::runtime::store::StoreId;
use crate::types::{TagType, ValType};
use crate::value::Val;
use std::sync::Arc;

/// An exception tag owned by a store: what `catch` clauses match exceptions by. Two tags are the
/// same only if they are the same store item (an imported tag is its exporter's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag {
    pub(crate) store: StoreId,
    pub(crate) index: u32,
}

/// A tag in the store.
#[derive(Debug)]
pub(crate) struct TagEntity {
    pub ty: TagType,
    /// The type of each register cell of an exception's values (a `v128` takes two cells, both
    /// `v128`: plain bits).
    pub cells: Box<[ValType]>,
}

impl TagEntity {
    /// A tag of type `ty`.
    pub(crate) fn new(ty: TagType) -> TagEntity {
        let cells = ty.params().iter().flat_map(|t| std::iter::repeat_n(*t, t.cells())).collect();
        TagEntity { ty, cells }
    }
}

impl Tag {
    /// A new tag of type `ty`, distinct from every other.
    pub fn new<T>(mut store: impl AsContextMut<Data = T>, ty: &TagType) -> Result<Tag> {
        let store = &mut store.as_context_mut().0.inner;
        store.tags.push(TagEntity::new(ty.clone()));
        Ok(Tag { store: store.id, index: store.tags.len() as u32 - 1 })
    }

    /// The tag's type.
    pub fn ty<T>(&self, store: impl AsContext<Data = T>) -> Result<TagType> {
        let store = &store.as_context().0.inner;
        store.check(self.store, "Tag")?;
        Ok(store.tags[self.index as usize].ty.clone())
    }
}

/// A Wasm exception: its tag and the values it carries. An exception no Wasm code catches comes
/// out of the call as an error of kind [`crate::ErrorKind::Exception`]; a host function throws
/// one into its Wasm caller by returning [`Error::exception`].
#[derive(Debug, Clone)]
pub struct Exception {
    tag: Tag,
    payload: Vec<Val>,
    /// How the tag is known: the name an instance exports it under, if any.
    pub(crate) tag_name: Option<String>,
    /// The Wasm frames the exception unwound, innermost (the thrower) first.
    pub(crate) backtrace: Vec<crate::error::FrameInfo>,
}

impl Exception {
    /// An exception with `tag` carrying `payload`, which must match the tag's type when thrown.
    pub fn new(tag: Tag, payload: Vec<Val>) -> Self {
        Exception { tag, payload, tag_name: None, backtrace: Vec::new() }
    }

    /// The Wasm frames the exception unwound without being caught, innermost (the one that threw
    /// it) first; empty for an exception made by the host.
    pub fn backtrace(&self) -> &[crate::error::FrameInfo] {
        &self.backtrace
    }

    /// The exception's tag.
    pub fn tag(&self) -> Tag {
        self.tag
    }

    /// The values it carries.
    pub fn payload(&self) -> &[Val] {
        &self.payload
    }
}

impl std::fmt::Display for Exception {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("uncaught wasm exception with tag ")?;
        match &self.tag_name {
            Some(name) => write!(f, "`{name}`")?,
            None => write!(f, "#{}", self.tag.index)?,
        }
        f.write_str(" carrying (")?;
        for (i, v) in self.payload.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{v:?}")?;
        }
        f.write_str(")")?;
        if !self.backtrace.is_empty() {
            f.write_str("\nwasm backtrace:")?;
            for (i, frame) in self.backtrace.iter().enumerate() {
                write!(f, "\n    {i}: {frame}")?;
            }
        }
        Ok(())
    }
}

impl Error {
    /// What a host function returns to throw `exception` into its Wasm caller, where `try_table`
    /// can catch it as if a Wasm `throw` had thrown it.
    pub fn exception(exception: Exception) -> Self {
        Error::new(crate::ErrorKind::Exception(Box::new(exception)))
    }

    /// The exception, if this error is an uncaught Wasm exception (or a host function's throw).
    pub fn as_exception(&self) -> Option<&Exception> {
        match self.kind() {
            crate::ErrorKind::Exception(e) => Some(e),
            _ => None,
        }
    }
}

/// A thrown exception inside the store: its tag (a store index) and its values. References to
/// host values and exceptions are held as such, not as the cells of the store's tables, so that
/// they live as long as the exception (the tables may drop what no cell reaches).
#[derive(Debug)]
pub(crate) struct ExnData {
    pub tag: u32,
    pub payload: Box<[Field]>,
    /// The Wasm frames of nested calls (through host functions) the exception already unwound
    /// before it came back into Wasm, innermost first: the start of its backtrace.
    pub unwound: Box<[crate::error::FrameInfo]>,
}

/// One value an exception carries.
#[derive(Debug)]
pub(crate) enum Field {
    /// A number, or a function reference (store function index + 1, which stays valid).
    Bits(u64),
    /// A host reference or an exception reference.
    Ref(Option<HostValue>),
}

impl ExnData {
    /// An exception with store tag `tag` carrying the register cells `cells` of `store`.
    pub(crate) fn from_cells(store: &StoreInner, tag: u32, cells: impl Iterator<Item = u64>) -> ExnData {
        let types = &store.tags[tag as usize].cells;
        let payload = cells
            .zip(types.iter())
            .map(|(cell, ty)| match slots(store, *ty) {
                Some(table) => Field::Ref(table.get(cell)),
                None => Field::Bits(cell),
            })
            .collect();
        ExnData { tag, payload, unwound: Box::default() }
    }

    /// The register cells of the values, taking slots in `store`'s tables for references.
    pub(crate) fn cells<'a>(&'a self, store: &'a mut StoreInner) -> impl Iterator<Item = u64> + 'a {
        let types: Vec<ValType> = store.tags[self.tag as usize].cells.to_vec();
        self.payload.iter().zip(types).map(move |(field, ty)| match field {
            Field::Bits(b) => *b,
            Field::Ref(None) => 0,
            Field::Ref(Some(v)) => {
                if ty.is_exn_ref() {
                    store.exnrefs.cell_of(v)
                } else {
                    store.externrefs.cell_of(v)
                }
            }
        })
    }

    /// The values as the API shows them.
    pub(crate) fn vals(&self, store: &mut StoreInner) -> Vec<Val> {
        let types: Vec<ValType> = store.tags[self.tag as usize].ty.params().to_vec();
        let cells: Vec<u64> = self.cells(store).collect();
        Val::vals_of(&cells, &types, store)
    }
}

/// The table of `store` whose slots cells of type `ty` index, if they are references that are not
/// function references.
fn slots(store: &StoreInner, ty: ValType) -> Option<&ExternRefSlots> {
    if ty.is_exn_ref() {
        Some(&store.exnrefs)
    } else if ty.is_extern_ref() {
        Some(&store.externrefs)
    } else {
        None
    }
}

/// A reference to a Wasm exception (an `exnref`), as a catch clause with `_ref` gives it to Wasm.
#[derive(Clone)]
pub struct ExnRef {
    pub(crate) store: StoreId,
    pub(crate) data: Arc<ExnData>,
}

impl ExnRef {
    /// A new exception with `tag` carrying `payload` (which must match the tag's type).
    pub fn new<T>(mut store: impl AsContextMut<Data = T>, tag: Tag, payload: &[Val]) -> Result<ExnRef> {
        let store = &mut store.as_context_mut().0.inner;
        store.check(tag.store, "Tag")?;
        let types = store.tags[tag.index as usize].ty.params().to_vec();
        if payload.len() != types.len() || payload.iter().zip(&types).any(|(v, &t)| !v.matches_ty(t, store)) {
            return Err(Error::msg("exception values do not match the tag's type"));
        }
        let cells = Val::cells_of(payload, store)?;
        let data = ExnData::from_cells(store, tag.index, cells.into_iter());
        Ok(ExnRef { store: store.id, data: Arc::new(data) })
    }

    /// The exception's tag.
    pub fn tag(&self) -> Tag {
        Tag { store: self.store, index: self.data.tag }
    }

    /// The values the exception carries; an error if it belongs to another store.
    pub fn payload<T>(&self, mut store: impl AsContextMut<Data = T>) -> Result<Vec<Val>> {
        let store = &mut store.as_context_mut().0.inner;
        store.check(self.store, "ExnRef")?;
        Ok(self.data.vals(store))
    }

    /// The exception as a value of the store's exception table.
    pub(crate) fn value(&self) -> HostValue {
        self.data.clone()
    }

    /// The exception a non-null cell of `store` holds.
    pub(crate) fn from_cell(cell: u64, store: &StoreInner) -> Option<ExnRef> {
        let data = store.exnrefs.get(cell)?.downcast::<ExnData>().ok()?;
        Some(ExnRef { store: store.id, data })
    }
}

impl PartialEq for ExnRef {
    fn eq(&self, other: &Self) -> bool {
        self.store == other.store && Arc::ptr_eq(&self.data, &other.data)
    }
}

impl std::fmt::Debug for ExnRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExnRef({:p})", Arc::as_ptr(&self.data))
    }
}
