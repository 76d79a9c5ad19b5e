//! Execution: the entry point from the API ([`call`]), the value and call stacks, and traps with
//! backtraces. The dispatch loop itself is in `run.rs`; it trusts everything translation and
//! validation guaranteed and never re-checks it.

mod regs;
mod run;

use crate::error::{Error, FrameInfo, Result, Trap, TrapCode};
use crate::runtime::store::FuncEntity;
use crate::runtime::{Caller, Store};
use crate::value::Val;

/// How deep host functions may call back into Wasm.
const MAX_REENTRY: u32 = 200;

/// A suspended caller, restored on return.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub ret_ip: *const crate::ir::Op,
    /// The caller's frame base in the value stack.
    pub base: usize,
    /// Where, relative to the caller's base, the results go.
    pub results: u16,
    /// The caller's instance and function index in its module (for backtraces).
    pub instance: u32,
    pub func: u32,
    /// The caller's frame size.
    pub frame_size: u32,
}

/// Calls store function `func` with `cells` holding the arguments; on success `cells` begins with
/// the results. `cells` must be long enough for both.
pub(crate) fn call<T>(store: &mut Store<T>, func: u32, cells: &mut [u64]) -> Result<()> {
    match store.inner.funcs[func as usize] {
        FuncEntity::Host { index, .. } => call_host(store, func, index, None, cells),
        FuncEntity::Wasm { instance, index, .. } => {
            if store.inner.reentry >= MAX_REENTRY {
                return Err(Error::trap(TrapCode::StackOverflow));
            }
            let mut stack = store.inner.stacks.pop().unwrap_or_default();
            store.inner.reentry += 1;
            let result = run::execute(store, &mut stack, instance, index, cells);
            store.inner.reentry -= 1;
            stack.clear();
            store.inner.stacks.push(stack);
            result
        }
    }
}

/// Calls host function `func` (stored at `index`) with arguments read from `cells`, writing the
/// results back to `cells`.
pub(crate) fn call_host<T>(
    store: &mut Store<T>,
    func: u32,
    index: u32,
    instance: Option<u32>,
    cells: &mut [u64],
) -> Result<()> {
    let ty = store.inner.func_type(func);
    let args: smallvec::SmallVec<[Val; 8]> =
        cells.iter().zip(ty.params()).map(|(c, t)| Val::from_cell(*c, *t, &store.inner)).collect();
    let mut results: smallvec::SmallVec<[Val; 4]> = ty.results().iter().map(|t| Val::default_for(*t)).collect();
    let host = store.host_funcs[index as usize].clone();
    host(Caller { store, instance }, &args, &mut results)?;
    for ((cell, val), ty) in cells.iter_mut().zip(&results).zip(ty.results()) {
        if val.ty() != *ty {
            return Err(Error::msg(format!("host function returned {} where {ty} was expected", val.ty())));
        }
        *cell = val.to_cell();
    }
    Ok(())
}

/// Builds a trap error with the backtrace of the active frames, innermost first.
pub(crate) fn trap<T>(store: &Store<T>, code: TrapCode, current: (u32, u32), frames: &[Frame]) -> Error {
    let info = |(instance, func): (u32, u32)| {
        let module = &store.inner.instances[instance as usize].module;
        let index = module.num_imported_funcs + func;
        FrameInfo { func_index: index, func_name: module.func_name(index).map(str::to_string) }
    };
    let mut backtrace = vec![info(current)];
    backtrace.extend(frames.iter().rev().take(100).map(|f| info((f.instance, f.func))));
    Error::from(Trap::with_backtrace(code, backtrace))
}
