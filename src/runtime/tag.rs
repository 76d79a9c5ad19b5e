//! Exception tags: the [`Tag`] handle over the store's tags, and [`Exception`], a Wasm exception
//! as the host sees it (thrown out of a call, or thrown by a host function into its caller).

use super::{AsContext, AsContextMut};
use crate::error::{Error, Result};
use crate::runtime::store::StoreId;
use crate::types::TagType;
use crate::value::Val;

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
}

impl Tag {
    /// A new tag of type `ty`, distinct from every other.
    pub fn new<T>(mut store: impl AsContextMut<Data = T>, ty: &TagType) -> Result<Tag> {
        let store = &mut store.as_context_mut().0.inner;
        store.tags.push(TagEntity { ty: ty.clone() });
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

/// A thrown exception inside the store: its tag (a store index) and its values as cells.
#[derive(Debug)]
pub(crate) struct ExnData {
    pub tag: u32,
    pub payload: Box<[u64]>,
}
