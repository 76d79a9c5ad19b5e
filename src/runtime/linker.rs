//! [`Linker`]: names host functions and other instances' exports so modules can be instantiated
//! by resolving their imports by name.

use super::func::{HostFunc, IntoFunc};
use super::{AsContext, AsContextMut, Caller, Extern, Instance, Store};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::module::Module;
use crate::types::FuncType;
use crate::value::Val;
use std::collections::HashMap;

enum Definition<T> {
    Extern(Extern),
    Host(FuncType, HostFunc<T>),
}

impl<T> Clone for Definition<T> {
    fn clone(&self) -> Self {
        match self {
            Definition::Extern(e) => Definition::Extern(*e),
            Definition::Host(ty, f) => Definition::Host(ty.clone(), f.clone()),
        }
    }
}

/// Resolves imports by `(module, name)`.
pub struct Linker<T> {
    engine: Engine,
    defs: HashMap<(String, String), Definition<T>>,
    allow_shadowing: bool,
}

impl<T> Clone for Linker<T> {
    fn clone(&self) -> Self {
        Linker { engine: self.engine.clone(), defs: self.defs.clone(), allow_shadowing: self.allow_shadowing }
    }
}

impl<T: 'static> Linker<T> {
    /// An empty linker.
    pub fn new(engine: &Engine) -> Self {
        Linker { engine: engine.clone(), defs: HashMap::new(), allow_shadowing: false }
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Whether a later definition may replace an earlier one of the same name (default: no).
    pub fn allow_shadowing(&mut self, allow: bool) -> &mut Self {
        self.allow_shadowing = allow;
        self
    }

    fn insert(&mut self, module: &str, name: &str, def: Definition<T>) -> Result<&mut Self> {
        let key = (module.to_string(), name.to_string());
        if !self.allow_shadowing && self.defs.contains_key(&key) {
            return Err(Error::msg(format!("`{module}::{name}` is already defined")));
        }
        self.defs.insert(key, def);
        Ok(self)
    }

    /// Defines `module::name` as an existing function, memory, table or global.
    pub fn define(&mut self, module: &str, name: &str, item: impl Into<Extern>) -> Result<&mut Self> {
        self.insert(module, name, Definition::Extern(item.into()))
    }

    /// Defines a host function over [`Val`]s with an explicit signature.
    pub fn func_new(
        &mut self,
        module: &str,
        name: &str,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<()> + Send + Sync + 'static,
    ) -> Result<&mut Self> {
        let host = super::func::host_from_vals(&ty, f);
        self.insert(module, name, Definition::Host(ty, host))
    }

    /// Defines a host function from a typed closure (see [`crate::Func::wrap`]).
    pub fn func_wrap<Params, Results>(
        &mut self,
        module: &str,
        name: &str,
        f: impl IntoFunc<T, Params, Results>,
    ) -> Result<&mut Self> {
        let (ty, host) = f.into_func();
        self.insert(module, name, Definition::Host(ty, host))
    }

    /// Defines every export of `instance` under the module name `module`.
    pub fn instance(&mut self, store: impl AsContext<Data = T>, module: &str, instance: Instance) -> Result<&mut Self> {
        for (name, ext) in instance.exports(&store)? {
            self.define(module, &name, ext)?;
        }
        Ok(self)
    }

    /// The definition of `module::name`. A host function is added to the store the first time
    /// it is asked for there; later requests (and instantiations) reuse it.
    pub fn get(&self, mut store: impl AsContextMut<Data = T>, module: &str, name: &str) -> Option<Extern> {
        let store = store.as_context_mut().0;
        Some(match self.defs.get(&(module.to_string(), name.to_string()))? {
            Definition::Extern(e) => *e,
            Definition::Host(ty, f) => {
                let index = store.add_host_func(ty, f);
                Extern::Func(crate::Func { store: store.inner.id, index })
            }
        })
    }

    /// The definitions of `module`'s imports, in the order of its import section (for
    /// `Linker::instantiate`, in the executor, which also runs the start function).
    pub(crate) fn resolve_imports(&self, store: &mut Store<T>, module: &Module) -> Result<Vec<Extern>> {
        let mut externs = Vec::with_capacity(module.inner.imports.len());
        for import in &module.inner.imports {
            let ext = self.get(&mut *store, &import.module, &import.name).ok_or_else(|| {
                Error::unlinkable(format!("unknown import: `{}::{}` has not been defined", import.module, import.name))
            })?;
            externs.push(ext);
        }
        Ok(externs)
    }
}
