//! The runtime objects of the embedding API: [`Store`], [`Instance`], [`Linker`], [`Func`],
//! [`Memory`], [`Table`], [`Global`], [`Tag`], and [`Extern`] which holds any of the last five.

mod externref;
mod func;
mod global;
mod instance;
mod limits;
mod linker;
pub(crate) mod memory;
pub(crate) mod profile;
pub(crate) mod store;
mod table;
mod tag;

pub(crate) use externref::HostValue;
pub(crate) use func::read_results;
pub use func::{Caller, Func, HostResult, IntoFunc, TypedFunc};
pub(crate) use func::{HostFn, HostFunc};
pub use global::Global;
pub use instance::Instance;
pub(crate) use instance::{InstanceEntity, instantiate};
pub use limits::{ResourceLimiter, StoreLimits};
pub use linker::Linker;
pub(crate) use memory::MemoryEntity;
pub use memory::{Memory, PAGE_SIZE};
pub use profile::{GuestProfile, Sampler};
pub use store::{AsContext, AsContextMut, InterruptHandle, Store, StoreContext, StoreContextMut, StoreInner};
pub use table::Table;
pub(crate) use table::copy as copy_tables;
pub use tag::{Exception, ExnRef, Tag};
pub(crate) use tag::{ExnData, TagEntity};

use crate::types::ExternType;

/// Something an instance exports or a module imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Extern {
    /// A function.
    Func(Func),
    /// A memory.
    Memory(Memory),
    /// A table.
    Table(Table),
    /// A global.
    Global(Global),
    /// An exception tag.
    Tag(Tag),
}

impl Extern {
    /// The function, if this is one.
    pub fn into_func(self) -> Option<Func> {
        if let Extern::Func(f) = self { Some(f) } else { None }
    }
    /// The memory, if this is one.
    pub fn into_memory(self) -> Option<Memory> {
        if let Extern::Memory(m) = self { Some(m) } else { None }
    }
    /// The table, if this is one.
    pub fn into_table(self) -> Option<Table> {
        if let Extern::Table(t) = self { Some(t) } else { None }
    }
    /// The global, if this is one.
    pub fn into_global(self) -> Option<Global> {
        if let Extern::Global(g) = self { Some(g) } else { None }
    }
    /// The tag, if this is one.
    pub fn into_tag(self) -> Option<Tag> {
        if let Extern::Tag(t) = self { Some(t) } else { None }
    }

    /// The item's type; an error if it belongs to another store.
    pub fn ty(&self, store: impl AsContext) -> crate::Result<ExternType> {
        Ok(match self {
            Extern::Func(f) => ExternType::Func(f.ty(store)?),
            Extern::Memory(m) => ExternType::Memory(m.ty(store)?),
            Extern::Table(t) => ExternType::Table(t.ty(store)?),
            Extern::Global(g) => ExternType::Global(g.ty(store)?),
            Extern::Tag(t) => ExternType::Tag(t.ty(store)?),
        })
    }
}

macro_rules! into_extern {
    ($($t:ident),*) => {$(
        impl From<$t> for Extern {
            fn from(x: $t) -> Extern { Extern::$t(x) }
        }
    )*};
}
into_extern!(Func, Memory, Table, Global, Tag);
