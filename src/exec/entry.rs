//! The API's ways into the executor: calling a [`Func`] or [`TypedFunc`], and creating an
//! [`Instance`] (which runs its start function). The handles are the runtime's; running code is
//! the executor's, so these methods live here and `runtime/` never calls into `exec/`.

use super::call;
use crate::error::Result;
use crate::module::Module;
use crate::runtime::{AsContextMut, Extern, Func, Instance, Linker, Store, TypedFunc, read_results};
use crate::value::{Val, WasmTyList};

impl Func {
    /// Calls the function. `params` must match its parameter types and `results` have room for
    /// exactly its results.
    pub fn call<T>(&self, mut store: impl AsContextMut<Data = T>, params: &[Val], results: &mut [Val]) -> Result<()> {
        let store = store.as_context_mut().0;
        let (ty, mut cells) = self.prepare(store, params, results.len())?;
        call(store, self.index, &mut cells)?;
        read_results(results, &cells, ty.results(), store);
        Ok(())
    }
}

impl<Params: WasmTyList, Results: WasmTyList> TypedFunc<Params, Results> {
    /// Calls the function.
    pub fn call<T>(&self, mut store: impl AsContextMut<Data = T>, params: Params) -> Result<Results> {
        let store = store.as_context_mut().0;
        store.inner.check(self.func.store, "TypedFunc")?;
        store.inner.maybe_collect_externrefs();
        let n = Params::LEN.max(Results::LEN);
        let mut cells = [0u64; 16];
        let mut heap;
        let cells: &mut [u64] = if n <= 16 {
            &mut cells[..n]
        } else {
            heap = vec![0u64; n];
            &mut heap
        };
        params.write_cells(cells, &mut store.inner)?;
        call(store, self.func.index, cells)?;
        Ok(Results::read_cells(cells, &store.inner))
    }
}

impl Instance {
    /// Instantiates `module` with `imports` given in the order of the module's import section,
    /// and runs its start function.
    pub fn new<T>(mut store: impl AsContextMut<Data = T>, module: &Module, imports: &[Extern]) -> Result<Instance> {
        instantiate(store.as_context_mut().0, module, imports)
    }
}

impl<T: 'static> Linker<T> {
    /// Instantiates `module`, resolving each import by name, and runs its start function.
    pub fn instantiate(&self, mut store: impl AsContextMut<Data = T>, module: &Module) -> Result<Instance> {
        let store = store.as_context_mut().0;
        let imports = self.resolve_imports(store, module)?;
        instantiate(store, module, &imports)
    }
}

/// Creates the instance and runs its start function.
fn instantiate<T>(store: &mut Store<T>, module: &Module, imports: &[Extern]) -> Result<Instance> {
    let (instance, start) = crate::runtime::instantiate(store, module, imports)?;
    if let Some(start) = start {
        call(store, start, &mut [])?;
    }
    Ok(instance)
}
