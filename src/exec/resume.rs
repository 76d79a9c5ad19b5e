//! Resumable calls: a call that stops because a host function asked to suspend the guest (or, as
//! the engine's configuration asks, because fuel ran out or an interrupt came) keeps its frames
//! and value stack, detached from the store, in a [`Paused`]; [`resume`] continues it where it
//! stopped. Only the cold paths that stop execution know of this: the dispatchers' handlers and
//! the state they carry are the same whether calls are resumable or not.

use super::{Ctx, Entered, Frame, Running, Slot, Stop, backtrace_trap, budgets, dispatch, finish};
use crate::error::{Error, Result, TrapCode};
use crate::ir::Reg;
use crate::runtime::store::StoreId;
use crate::runtime::{Store, StoreInner};
use std::any::Any;
use std::sync::Arc;

/// How a call into the store came back.
pub(crate) enum Outcome {
    /// The function returned; its results are in the cells.
    Finished,
    /// The call suspended: it continues with [`resume`].
    Suspended(Paused, Reason),
}

/// Why a call suspended (or, where it may not, why it stopped).
pub(crate) enum Reason {
    /// Host function `func` (a store function index) asked to suspend, with `payload`; its
    /// results go to register `results` of the running frame.
    Host { func: u32, results: Reg, payload: Box<dyn Any + Send + Sync> },
    /// A check point found the fuel spent.
    OutOfFuel,
    /// A check point found an interrupt request.
    Interrupted,
}

/// A suspended call: what [`resume`] needs to continue it.
pub(crate) struct Paused {
    /// The store the call runs in.
    store: StoreId,
    /// The call's Wasm state, or `None` for a host function called directly (its results are
    /// the call's).
    frozen: Option<Box<Frozen>>,
    /// A clone of [`StoreInner::suspended`]: while it lives, the store reclaims no host references,
    /// which the detached value stack may hold.
    _hold: Arc<()>,
}

/// A suspended call's Wasm state: the dispatchers' context less the store pointers, which are
/// derived again from the store it resumes in.
struct Frozen {
    stack: Vec<u64>,
    frames: Vec<Frame>,
    base: usize,
    running: Running,
    inst_idx: u32,
    /// Where execution goes on: the instruction after a host call, or the check point that
    /// stopped it (run again).
    ip: *const Slot,
    /// Where the results of the host function that asked to suspend go.
    results: Option<Reg>,
}

// SAFETY: the raw pointers of a `Frozen` (`ip` and the frames' return addresses) point into
// compiled code owned by the store's modules; they are only followed by `resume`, with the store
// the call was made in (it checks the id) borrowed exclusively, on whichever thread holds the
// store then. Shared access reads nothing through them.
unsafe impl Send for Paused {}
// SAFETY: as above.
unsafe impl Sync for Paused {}

impl Paused {
    /// The store the call runs in.
    pub(crate) fn store(&self) -> StoreId {
        self.store
    }
}

/// What stops execution when host function `func`, called with arguments at `args` from an
/// instruction that continues at `ret_ip`, fails with `e`: a suspension if `e` asks for one, else
/// a trap or an error.
#[cold]
pub(super) fn host_stop(e: Error, func: u32, args: Reg, ret_ip: *const Slot) -> Stop {
    match e.into_suspend_payload() {
        Ok(payload) => Stop::Suspend(Box::new((ret_ip, Reason::Host { func, results: args, payload }))),
        Err(e) => match e.as_trap() {
            Some(t) if t.backtrace().is_empty() => Stop::Trap(t.code()),
            _ => Stop::Error(e),
        },
    }
}

/// The outcome of a call to host function `func` made directly through the API that failed
/// with `e`.
pub(super) fn host_stopped(s: &StoreInner, e: Error, func: u32, resumable: bool) -> Result<Outcome> {
    let payload = e.into_suspend_payload()?;
    if !resumable {
        return Err(not_resumable());
    }
    let paused = Paused { store: s.id, frozen: None, _hold: s.suspended.clone() };
    Ok(Outcome::Suspended(paused, Reason::Host { func, results: Reg(0), payload }))
}

/// The error for a suspension request in a call that may not suspend.
fn not_resumable() -> Error {
    Error::msg(
        "a host function asked to suspend the guest, but the call is not resumable (only \
         `call_resumable` can suspend, and it cannot suspend the calls around a host function \
         that made it)",
    )
}

/// Execution stopped at `ip` for `reason`: detaches the call's state from `cx` as a suspended
/// call, or fails where the call may not suspend (a plain call, or suspension on fuel or
/// interrupts not configured), leaving `cx` as it is.
pub(super) fn suspend(cx: &mut Ctx, ip: *const Slot, reason: Reason) -> Result<Outcome> {
    let config = cx.store().engine.config();
    let (fuel, interrupt) = (config.suspend_on_out_of_fuel, config.suspend_on_interrupt);
    let results = match reason {
        Reason::Host { .. } if !cx.resumable => return Err(not_resumable()),
        Reason::OutOfFuel if !(cx.resumable && fuel) => return Err(backtrace_trap(cx, TrapCode::OutOfFuel)),
        Reason::Interrupted if !(cx.resumable && interrupt) => {
            return Err(backtrace_trap(cx, TrapCode::Interrupted));
        }
        Reason::Host { results, .. } => Some(results),
        Reason::OutOfFuel | Reason::Interrupted => None,
    };
    let frozen = Frozen {
        stack: std::mem::take(&mut cx.stack),
        frames: std::mem::take(&mut cx.frames),
        base: cx.base,
        running: cx.running,
        inst_idx: cx.inst_idx,
        ip,
        results,
    };
    let s = cx.store();
    let paused = Paused { store: s.id, frozen: Some(Box::new(frozen)), _hold: s.suspended.clone() };
    Ok(Outcome::Suspended(paused, reason))
}

/// Continues a suspended call in `store` (which must be the one it was made in): `host_results`
/// are the results of the host function that asked to suspend (none for other reasons), and
/// when the call finishes its results are copied to `cells`.
pub(crate) fn resume<T>(
    store: &mut Store<T>,
    paused: Paused,
    host_results: &[u64],
    cells: &mut [u64],
) -> Result<Outcome> {
    store.inner.check(paused.store, "SuspendedCall")?;
    let Some(frozen) = paused.frozen else {
        // A host function called directly: its results are the call's.
        if cells.len() != host_results.len() {
            return Err(Error::msg("a suspended host function resumed with the wrong number of results"));
        }
        cells.copy_from_slice(host_results);
        return Ok(Outcome::Finished);
    };
    // As in `start`: every pointer into the store is derived from this one.
    let sp: *mut Store<T> = store;
    // SAFETY: `sp` comes from a live `&mut`; the field pointer is taken without a reference.
    let inner = unsafe { &raw mut (*sp).inner };
    let _entered = Entered::new(inner)?;
    // The budgets are those of the store as it is now (the call may resume inside a host function
    // of another call, whose frames then count against it).
    // SAFETY: `inner` is valid and no other reference to the store is in use.
    let (max_depth, max_cells) = budgets(unsafe { &*inner })?;
    let Frozen { mut stack, frames, base, running, inst_idx, ip, results } = *frozen;
    if let Some(r) = results {
        let at = base + usize::from(r.0);
        let Some(dst) = stack.get_mut(at..at + host_results.len()) else {
            return Err(Error::msg("a suspended call resumed with too many results"));
        };
        dst.copy_from_slice(host_results);
    }
    // A stack grown under a larger budget gives up the cells above the running frame.
    let keep = max_cells.max(base + running.frame_size() as usize);
    if stack.len() > keep {
        stack.truncate(keep);
    }
    let mut cx = Ctx::new(sp, inner, stack, frames, max_depth, max_cells, true);
    cx.base = base;
    cx.running = running;
    cx.set_instance(inst_idx);
    let regs = cx.regs_at(base);
    let mem = cx.memory();
    // SAFETY: the context is as the call left it when it stopped at `ip` (its stack, frames and
    // position; the store pointers are new), in the same store, whose modules keep the code `ip`
    // and the frames point into. `ip` follows a host call (where execution may start with
    // empty accumulators) or is a check point (whose accumulators `dispatch` reloads).
    unsafe { dispatch(&mut cx, ip, regs, mem) };
    finish(cx, cells)
}
