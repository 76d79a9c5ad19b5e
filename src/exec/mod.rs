//! Execution: the entry point from the API ([`call`]), the execution context shared by both
//! dispatchers (value stack, call stack, current instance), the call/return sequences, the
//! instructions that reach into the store, and traps with backtraces.
//!
//! Two dispatchers run the same IR: `threaded.rs` (each handler tail-calls the next; chosen by
//! `build.rs` for optimized builds on x86-64 and AArch64) and `looped.rs` (a portable `match`
//! loop). Instruction semantics they share live in `ops.rs`. Neither validates anything: they rely
//! on what validation and translation guaranteed, as the `SAFETY` comments say.

#[macro_use]
mod ops;
mod acc;
mod entry;
#[cfg(not(hayate_tail_calls))]
mod looped;
mod memory_at;
mod regs;
mod resumable;
mod resume;
mod simd;
#[cfg(target_arch = "aarch64")]
mod simd_neon;
#[cfg(target_arch = "x86_64")]
mod simd_x86;
// The SIMD lane semantics the handlers call: SSE2 or NEON where they are always there (the
// target's baseline), else portable Rust.
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
use simd as lanes;
#[cfg(target_arch = "aarch64")]
use simd_neon as lanes;
#[cfg(target_arch = "x86_64")]
use simd_x86 as lanes;
#[cfg(feature = "stats")]
pub mod stats;
mod unwind;

pub use resumable::{ResumableCall, SuspendReason, SuspendedCall, TypedResumableCall, TypedSuspendedCall};
#[cfg(hayate_tail_calls)]
mod threaded;

use crate::code::{
    CompiledFunc, MEDIUM_CONSTS, MEDIUM_LOCALS, MEDIUM_PARAMS, SMALL_CONSTS, SMALL_LOCALS, SMALL_PARAMS, Slot,
};
use crate::error::{Error, FrameInfo, Result, Trap, TrapCode};
use crate::ir::{Op, Reg};
use crate::module::ModuleInner;
use crate::runtime::profile::{INTERRUPT, SAMPLE};
use crate::runtime::store::{FuncEntity, GlobalEntity};
use crate::runtime::{InstanceEntity, PAGE_SIZE, Store, StoreInner};
use regs::{Mem, Regs};
use resume::host_stop;
pub(crate) use resume::{Outcome, Paused, Reason, resume};
use std::ptr;
use std::sync::Arc;

/// Turns translated instructions into the dispatchers' format: each paired with its handler and
/// every branch offset scaled from instructions to bytes ([`Slot::new`]). `None` if an offset does
/// not fit (translation checked that it does: [`crate::code::encodable`]).
///
/// The tail-call dispatcher also picks each instruction's accumulator variant
/// ([`acc::acc_variants`]), and for a call of a defined function that `not_small` says is not
/// small (given its index among the defined functions), the handler that skips the small-frame
/// path.
pub(crate) fn encode(ops: &[Op], not_small: &dyn Fn(u32) -> bool) -> Option<Box<[Slot]>> {
    #[cfg(hayate_tail_calls)]
    let variants = acc::acc_plan(ops);
    // The check point every function starts with (all of a module's functions are translated
    // alike), which calls pass themselves (see `threaded::call_handler`).
    #[cfg(hayate_tail_calls)]
    let entry_check = check_point(ops.first()).map_or(0, |(kind, _)| kind);
    #[cfg(not(hayate_tail_calls))]
    let variants = std::iter::repeat_n((0u8, 0u32), ops.len());
    // Collected into a vector of the exact length: collecting the `Option`s directly would grow
    // it by doubling and copy it once more into the box.
    let mut slots = Vec::with_capacity(ops.len());
    for ((_i, &op), (_variant, _held)) in ops.iter().enumerate().zip(variants) {
        slots.push({
            // A branch to a check point runs it itself when taken (see `threaded::FUEL_TARGET`).
            // The amount of the fuel charge it passes goes beside it (`Slot::aux`); beside a check
            // point go the registers the accumulators hold there, for execution resumed at it.
            #[cfg(hayate_tail_calls)]
            let (_variant, aux) = match { op }.branch_offset_mut() {
                Some(off) if check_point(ops.get(_i.wrapping_add_signed(off.0 as isize + 1))).is_none() => {
                    match check_point(ops.get(_i.wrapping_add_signed(off.0 as isize))) {
                        Some((kind, amount)) => (_variant | kind, amount),
                        None => (_variant, 0),
                    }
                }
                _ if check_point(Some(&op)).is_some() => (_variant, _held),
                _ => (_variant, 0),
            };
            #[cfg(hayate_tail_calls)]
            let handler = {
                let not_small = matches!(op, Op::CallInternal { func, .. } if not_small(func));
                threaded::call_handler(&op, entry_check, not_small)
                    .unwrap_or_else(|| threaded::handler_address(&op, _variant))
            };
            #[cfg(not(hayate_tail_calls))]
            let (handler, aux, _) = (0, 0, not_small);
            Slot { aux, ..Slot::new(handler, op)? }
        });
    }
    Some(slots.into_boxed_slice())
}

/// The kind of check point `op` is, as the handler variant bit of a branch or call that passes it
/// ([`threaded::FUEL_TARGET`] for a fuel charge, with its amount; [`threaded::INTERRUPT_TARGET`]
/// for an interrupt check), or `None` (check points are at function entries and loop heads).
#[cfg(hayate_tail_calls)]
fn check_point(op: Option<&Op>) -> Option<(u8, u32)> {
    match op {
        Some(&Op::ConsumeFuel { amount }) => Some((threaded::FUEL_TARGET, amount)),
        Some(Op::CheckInterrupt) => Some((threaded::INTERRUPT_TARGET, 0)),
        _ => None,
    }
}

/// The code of defined function `index` of `module`, encoding it first on its first call (from
/// its load-time translation, or translating it now when translation is lazy).
#[inline(always)]
fn compiled(module: &ModuleInner, index: u32) -> Result<&CompiledFunc> {
    match module.code[index as usize].compiled.get() {
        Some(compiled) => Ok(compiled),
        None => first_call(module, index),
    }
}

/// [`compiled`] on a function's first call. The lock makes one thread encode it; the others find
/// it done.
#[cold]
fn first_call(module: &ModuleInner, index: u32) -> Result<&CompiledFunc> {
    let mut waiting = module.translated.lock().unwrap_or_else(|e| e.into_inner());
    let cell = &module.code[index as usize].compiled;
    if let Some(compiled) = cell.get() {
        return Ok(compiled);
    }
    let translated = match waiting.get_mut(index as usize).and_then(Option::take) {
        Some(translated) => translated,
        None => module.translate_body(index).expect("a function not translated at load keeps its body")?,
    };
    // Translation checked that every branch offset fits in bytes (`code::encodable`).
    let not_small = |func: u32| not_small(module, func);
    let compiled =
        translated.encode(index, |ops| encode(ops, &not_small)).expect("translation keeps branch offsets encodable");
    Ok(cell.get_or_init(|| compiled))
}

/// Whether defined function `func` of `module` is known not to be small (its frame is not set up
/// by the small-frame path, [`crate::code::fast_need`]): exactly once it is encoded, before that
/// when it has more parameters than a small function (a caller is usually encoded before its
/// callees, on its own first call). Its declared locals say nothing: most need no zero.
fn not_small(module: &ModuleInner, func: u32) -> bool {
    if let Some(code) = module.code.get(func as usize).and_then(|c| c.compiled.get()) {
        return code.fast_need == u32::MAX;
    }
    let ty = module.funcs.get((module.num_imported_funcs + func) as usize).and_then(|&t| module.types.get(t as usize));
    ty.is_some_and(|ty| ty.params().len() > SMALL_PARAMS)
}

/// How deeply calls into a store may nest through host functions.
const MAX_REENTRY: u32 = 200;

/// Which dispatcher this build uses: `"tail-call"` or `"loop"`.
pub fn dispatch_mode() -> &'static str {
    if cfg!(hayate_tail_calls) { "tail-call" } else { "loop" }
}

/// A suspended caller, restored on return.
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub(super) struct Frame {
    ret_ip: *const Slot,
    /// The caller's frame base in the value stack.
    base: usize,
    /// The caller's function index in its module (for backtraces) and frame size.
    running: Running,
    /// The caller's instance (for backtraces, and whether a return changes the instance).
    instance: u32,
    /// Where, relative to the caller's base, the results go.
    results: u16,
}

/// A function index and the size of that function's frame, in one word.
///
/// A call copies the running function's pair from the context into the caller's frame record and
/// sets the callee's; a return moves the record's pair back. One 8-byte load and store each
/// time, so that every load of the pair is served by one earlier store: when two 4-byte fields
/// were stored apart and later loaded together as one 8-byte word (which LLVM did, to copy them),
/// the load could not take its bytes from the store buffer and waited for both stores to reach
/// the cache, on every return from a short call.
#[derive(Debug, Clone, Copy)]
#[repr(transparent)]
pub(super) struct Running(u64);

impl Running {
    /// Function `func`, whose frame is `frame_size` cells.
    #[inline(always)]
    pub(super) fn new(func: u32, frame_size: u32) -> Self {
        Running(crate::code::frame_word(func, frame_size))
    }

    /// The function of `code`, put together when it was encoded (one load on a call).
    #[inline(always)]
    pub(super) fn of(code: &CompiledFunc) -> Self {
        Running(code.frame_word)
    }

    /// The function index.
    #[inline(always)]
    pub(super) fn func(self) -> u32 {
        (self.0 >> 32) as u32
    }

    /// The frame size in cells.
    #[inline(always)]
    pub(super) fn frame_size(self) -> u32 {
        self.0 as u32
    }
}

/// Why execution stopped early.
pub(super) enum Stop {
    Trap(TrapCode),
    Error(Error),
    /// Execution can go on at an instruction of the running function once the reason is
    /// settled; [`finish`] makes it a suspension or, where the call may not suspend, an error.
    /// Boxed, so that a `Stop` stays two words: the context's layout and the handlers' trap
    /// paths are those of a build without resumable calls.
    Suspend(Box<(*const Slot, Reason)>),
}

impl From<TrapCode> for Stop {
    fn from(code: TrapCode) -> Self {
        Stop::Trap(code)
    }
}

/// Calls a host function through the store's concrete type.
type HostCall = unsafe fn(cx: &mut Ctx, index: u32, args: Reg) -> Result<()>;

/// Asks the store's resource limiter (through the store's concrete type) whether a memory
/// (`true`) or table may grow from `current` to `desired`, `maximum` being its own bound.
type GrowthCheck =
    unsafe fn(store: *mut (), memory: bool, current: usize, desired: usize, maximum: Option<usize>) -> Result<bool>;

/// Everything about a running call except what the dispatcher keeps in registers (instruction
/// pointer, frame registers, memory).
///
/// `repr(C)` and aligned to a cache line, with the fields the call, return and global handlers
/// touch first: where the compiler placed them otherwise depended on every other field, and one
/// added field that moved them made quickjs 20% slower on AMD EPYC with the same handler code.
#[repr(C, align(64))]
pub(super) struct Ctx {
    // ---- hot: calls, returns, globals, memory bounds ----
    /// The frame records of the callers (their `len` is the call depth).
    frames: Vec<Frame>,
    /// The value stack: every frame's registers.
    stack: Vec<u64>,
    /// Where the running frame starts in `stack`.
    base: usize,
    /// `frames` may grow to this length without reallocating or passing `max_depth`.
    frame_limit: usize,
    /// The running instance's module's defined functions (for the call fast path).
    code: *const crate::module::FuncCode,
    /// The running instance's globals: their indices in the store (`InstanceEntity::globals`).
    inst_globals: *const u32,
    /// The store's globals (`StoreInner::globals`), refreshed with `inst`.
    globals: *mut GlobalEntity,
    /// [`Mem::bound`] of `mem_len`, set with it (every memory access of up to 8 bytes compares
    /// with it).
    mem_bound: isize,
    /// The store's fuel while the dispatcher runs (one pointer less to follow at every check
    /// point): taken from the store when it starts and given back when it returns and around
    /// host calls, the only code that reads or sets the store's fuel meanwhile.
    fuel: u64,
    /// The store's interrupt and sample requests ([`StoreInner::attention`], which the store
    /// keeps as long as it lives).
    attention: *const std::sync::atomic::AtomicU8,
    /// The running function's index and frame size.
    running: Running,
    /// The running instance.
    inst_idx: u32,
    // ---- the rest ----
    /// The length of the memory view last taken with [`Ctx::memory`] (the tail-call handlers read
    /// it from here when an access falls outside `mem_bound` rather than keep it in a register).
    mem_len: usize,
    store: *mut StoreInner,
    inst: *const InstanceEntity,
    host_store: *mut (),
    host: HostCall,
    growth: GrowthCheck,
    max_depth: usize,
    max_cells: usize,
    /// Set when execution stops: `None` after a normal return.
    stop: Option<Stop>,
    /// Whether the call may suspend ([`resume`]); only read when it stops.
    resumable: bool,
}

/// Makes `stack` at least `needed` cells long, doubling, up to `max`. False when over the limit.
#[cold]
fn grow_stack(stack: &mut Vec<u64>, needed: usize, max: usize) -> bool {
    if needed > max {
        return false;
    }
    let new_len = needed.max(stack.len() * 2).max(1024).min(max);
    stack.resize(new_len, 0);
    true
}

/// What a call instruction leads to.
pub(super) enum Called {
    /// A Wasm function: continue at its first instruction with its registers.
    Wasm(*const Slot, Regs),
    /// A host function that has returned: continue after the call.
    Host,
}

impl Ctx {
    /// The running instance.
    #[inline(always)]
    fn inst(&self) -> &InstanceEntity {
        // SAFETY: `inst` points into the store's instance list and is refreshed whenever that list
        // may have changed (after host calls, which could create instances).
        unsafe { &*self.inst }
    }

    #[inline(always)]
    fn store(&mut self) -> &mut StoreInner {
        // SAFETY: the store outlives the call, and while Wasm runs only this context reaches it
        // (host functions get it back through `host_store`, after which we re-derive pointers).
        unsafe { &mut *self.store }
    }

    /// The current instance's default memory (or an empty one).
    pub(super) fn memory(&mut self) -> Mem {
        let inst = self.inst;
        // SAFETY: as in `inst`.
        let memories = unsafe { &(*inst).memories };
        match memories.first() {
            Some(&m) => {
                let data = &mut self.store().memories[m as usize].data;
                let mem = Mem { ptr: data.as_mut_ptr(), len: data.len(), bound: Mem::bound(data.len()) };
                self.mem_len = mem.len;
                self.mem_bound = mem.bound;
                mem
            }
            None => {
                self.mem_len = 0;
                self.mem_bound = Mem::bound(0);
                Mem { ptr: ptr::null_mut(), len: 0, bound: Mem::bound(0) }
            }
        }
    }

    fn set_instance(&mut self, instance: u32) {
        self.inst_idx = instance;
        let instances = &self.store().instances;
        assert!((instance as usize) < instances.len(), "no instance {instance} in the store");
        // Taken with `as_ptr`, which makes no reference to the element, so the pointer stays
        // valid when an instruction later changes the instance through a `&mut` (`data.drop`,
        // `elem.drop`); a `&instances[i]` would be invalidated by that under Stacked Borrows.
        // SAFETY: `instance` is in bounds (checked above).
        self.inst = unsafe { instances.as_ptr().add(instance as usize) };
        self.code = self.inst().module.code.as_ptr();
        self.inst_globals = self.inst().globals.as_ptr();
        // `as_mut_ptr` makes no reference to the elements (as `instances.as_ptr` above).
        self.globals = self.store().globals.as_mut_ptr();
    }

    fn regs_at(&mut self, base: usize) -> Regs {
        // SAFETY: `base` is the start of a frame inside the stack.
        Regs(unsafe { self.stack.as_mut_ptr().add(base) })
    }

    /// The running function as a suspended caller that resumes at `ret_ip` and receives results
    /// at `results`.
    #[inline(always)]
    fn caller_frame(&self, ret_ip: *const Slot, results: Reg) -> Frame {
        Frame { ret_ip, base: self.base, results: results.0, instance: self.inst_idx, running: self.running }
    }

    /// Pushes the current frame and enters `code`, a defined function of `instance`, whose
    /// arguments are at `args` of the current frame. Returns the callee's registers.
    #[inline(always)]
    fn enter(&mut self, code: &CompiledFunc, instance: u32, args: Reg, ret_ip: *const Slot) -> Result<Regs, TrapCode> {
        if self.frames.len() >= self.max_depth {
            return Err(TrapCode::StackOverflow);
        }
        let new_base = self.base + self.running.frame_size() as usize;
        let needed = new_base + code.frame_size() as usize;
        if needed > self.stack.len() && !grow_stack(&mut self.stack, needed, self.max_cells) {
            return Err(TrapCode::StackOverflow);
        }
        // SAFETY: the stack holds the caller's frame (which contains the arguments) and the
        // callee's, which starts at `new_base`; they do not overlap. For `init_medium_frame`, a
        // medium function's frame plus `MEDIUM_SLACK` cells fit (checked), and its
        // `MEDIUM_PARAMS` cells of arguments end at most that many cells past the caller's frame,
        // inside the callee's.
        unsafe {
            let p = self.stack.as_mut_ptr();
            let from = p.add(self.base + usize::from(args.0));
            if new_base + code.medium_need as usize <= self.stack.len() {
                init_medium_frame(p.add(new_base), from, code);
            } else {
                copy_cells(from, p.add(new_base), usize::from(code.num_params));
                init_frame(p.add(new_base), code);
            }
        }
        self.frames.push(self.caller_frame(ret_ip, args));
        self.frame_limit = self.frames.capacity().min(self.max_depth);
        self.base = new_base;
        self.running = Running::of(code);
        if instance != self.inst_idx {
            self.set_instance(instance);
        }
        Ok(self.regs_at(new_base))
    }

    /// The common case of [`enter`](Self::enter) for a call within the instance, without a call
    /// to `memcpy`/`memset` or a reallocation: `None` when the callee has many parameters or
    /// locals, or the frame or value stack would have to grow (the caller then takes `enter`).
    /// `sp` is the running function's frame (at `self.base`), `frame_size` its size (from the
    /// call instruction, which keeps it off the chain of context loads and stores).
    #[inline(always)]
    #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
    fn enter_fast(
        &mut self,
        sp: *mut u64,
        frame_size: u16,
        code: &CompiledFunc,
        args: Reg,
        ret_ip: *const Slot,
    ) -> Option<Regs> {
        // SAFETY: `fast_need` is a small function's frame plus `SLACK` cells, all that
        // `init_small_frame` touches, and `u32::MAX` for any other function.
        unsafe { self.enter_fixed::<false>(sp, frame_size, code, args, ret_ip, code.fast_need) }
    }

    /// [`enter_fast`](Self::enter_fast) for a medium function ([`crate::code::medium_need`]):
    /// `None` when the callee is larger, or the frame or value stack would have to grow.
    #[inline(always)]
    #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
    fn enter_medium(
        &mut self,
        sp: *mut u64,
        frame_size: u16,
        code: &CompiledFunc,
        args: Reg,
        ret_ip: *const Slot,
    ) -> Option<Regs> {
        // SAFETY: `medium_need` is a medium function's frame plus `MEDIUM_SLACK` cells, all that
        // `init_medium_frame` touches, and `u32::MAX` for any other function.
        unsafe { self.enter_fixed::<true>(sp, frame_size, code, args, ret_ip, code.medium_need) }
    }

    /// [`enter_fast`](Self::enter_fast) and [`enter_medium`](Self::enter_medium): when `need`
    /// cells from the callee's frame fit in the stack (`u32::MAX` never does), the frame is set
    /// up from the arguments by [`init_medium_frame`] (`MEDIUM`) or [`init_small_frame`]. Both are
    /// called directly, not through a closure: LLVM kept the medium one out of line as a closure,
    /// and the call made the handler save and restore six registers.
    ///
    /// # Safety
    /// `need` must be at least the cells the chosen `init_*_frame` touches from the callee's frame
    /// and reads from the arguments.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
    unsafe fn enter_fixed<const MEDIUM: bool>(
        &mut self,
        sp: *mut u64,
        frame_size: u16,
        code: &CompiledFunc,
        args: Reg,
        ret_ip: *const Slot,
        need: u32,
    ) -> Option<Regs> {
        let depth = self.frames.len();
        let frame_size = usize::from(frame_size);
        let new_base = self.base + frame_size;
        if depth >= self.frame_limit || new_base + need as usize > self.stack.len() {
            return None;
        }
        // SAFETY: `sp` is the caller's frame, at `self.base` in the stack, which holds the
        // arguments and ends at `new_base`; `need` cells from the callee's frame fit in the stack
        // (checked above), so every cell the frame set-up touches is inside it (the caller's
        // guarantee), and the arguments lie below the callee's frame. `depth < capacity`, so the
        // frame write is in bounds.
        unsafe {
            let callee = sp.add(frame_size);
            let from = sp.add(usize::from(args.0));
            if MEDIUM {
                init_medium_frame(callee, from, code);
            } else {
                init_small_frame(callee, from, code);
            }
            self.frames.as_mut_ptr().add(depth).write(self.caller_frame(ret_ip, args));
            self.frames.set_len(depth + 1);
            self.base = new_base;
            self.running = Running::of(code);
            Some(Regs(callee))
        }
    }

    /// A tail call: replaces the running function's frame with one for `code`, defined function
    /// `func` of `instance`, whose arguments are at `args` of the running frame. The frame keeps
    /// its place and its caller, so a chain of tail calls runs in constant space. Returns the
    /// callee's registers.
    #[inline(always)]
    fn replace(&mut self, code: &CompiledFunc, instance: u32, args: Reg) -> Result<Regs, TrapCode> {
        let needed = self.base + code.frame_size() as usize;
        if needed > self.stack.len() && !grow_stack(&mut self.stack, needed, self.max_cells) {
            return Err(TrapCode::StackOverflow);
        }
        // SAFETY: the stack holds the running frame, which contains the arguments, and the
        // callee's, which starts at the same place (grown above). `ptr::copy` allows the overlap.
        unsafe {
            let frame = self.stack.as_mut_ptr().add(self.base);
            ptr::copy(frame.add(usize::from(args.0)), frame, usize::from(code.num_params));
            init_frame(frame, code);
        }
        self.running = Running::of(code);
        if instance != self.inst_idx {
            self.set_instance(instance);
        }
        Ok(self.regs_at(self.base))
    }

    /// The common case of [`replace`](Self::replace) for a tail call within the instance, as
    /// [`enter_fast`](Self::enter_fast) is for a call: `None` when the callee has many parameters
    /// or locals, or the value stack would have to grow. `sp` is the running function's frame.
    #[inline(always)]
    #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
    fn replace_fast(&mut self, sp: *mut u64, code: &CompiledFunc, args: Reg) -> Option<Regs> {
        // The callee's frame plus `SLACK` cells, and the running frame plus the `SMALL_PARAMS`
        // cells read from its last argument on, must lie inside the stack (`fast_need` is
        // `u32::MAX` for a function that is not small, which never fits).
        let need = (code.fast_need as usize).max(self.running.frame_size() as usize + SMALL_PARAMS);
        if self.base + need > self.stack.len() {
            return None;
        }
        // SAFETY: every cell `init_small_frame` reads or writes is inside the stack (checked
        // above); the arguments lie at or above the parameters, which its forward copy allows.
        unsafe { init_small_frame(sp, sp.add(usize::from(args.0)), code) };
        self.running = Running::of(code);
        Some(Regs(sp))
    }

    /// Returns `n` values from register `src`: to the caller (its resume point, registers and
    /// whether the instance changed), or `None` when the entry function returned (the results
    /// are then at the bottom of the stack).
    #[inline(always)]
    fn leave(&mut self, src: Reg, n: usize) -> Option<(*const Slot, Regs, bool)> {
        let p = self.stack.as_mut_ptr();
        let from = self.base + usize::from(src.0);
        match self.frames.pop() {
            None => {
                // SAFETY: the entry frame starts at 0 and contains the results.
                unsafe { ptr::copy(p.add(from), p, n) };
                None
            }
            Some(f) => {
                // SAFETY: the caller's result registers lie below the callee's frame.
                unsafe { ptr::copy(p.add(from), p.add(f.base + usize::from(f.results)), n) };
                self.base = f.base;
                self.running = f.running;
                let changed = f.instance != self.inst_idx;
                if changed {
                    self.set_instance(f.instance);
                }
                Some((f.ret_ip, self.regs_at(f.base), changed))
            }
        }
    }

    /// The code of defined function `index` of store instance `instance` (encoded on its first
    /// call).
    #[inline(always)]
    fn code_of<'a>(&mut self, instance: u32, index: u32) -> Result<&'a CompiledFunc, Stop> {
        let module: *const ModuleInner = &*self.store().instances[instance as usize].module;
        // SAFETY: the module lives behind an `Arc` held by an instance of the store, which outlives
        // the call.
        compiled(unsafe { &*module }, index).map_err(Stop::Error)
    }

    /// Calls store function `f` with arguments at `args`.
    #[inline(always)]
    fn call_func(&mut self, f: u32, args: Reg, ret_ip: *const Slot) -> Result<Called, Stop> {
        match self.store().funcs[f as usize] {
            FuncEntity::Wasm { instance, index, .. } => {
                let code = self.code_of(instance, index)?;
                let regs = self.enter(code, instance, args, ret_ip)?;
                Ok(Called::Wasm(code.ops.as_ptr(), regs))
            }
            FuncEntity::Host { index, .. } => self.call_host_func(f, index, args, ret_ip),
        }
    }

    /// Calls host function `f` (stored at `index`) with arguments at `args`; execution goes on
    /// at `ret_ip` (where a suspended call resumes). Out of line, so that the call instructions'
    /// Wasm path carries nothing of it.
    #[inline(never)]
    fn call_host_func(&mut self, f: u32, index: u32, args: Reg, ret_ip: *const Slot) -> Result<Called, Stop> {
        // The running call's frames and value stack cells count against the budget of the calls
        // the host function makes into the store, until `_held` drops.
        let (frames, cells) = (self.frames.len() + 1, self.base + self.running.frame_size() as usize);
        let fuel = self.fuel;
        let store = self.store();
        store.held_frames += frames;
        store.held_cells += cells;
        // The host function may read or set the fuel, or call into the store, which charges it.
        store.fuel = fuel;
        let _held = Held { store: self.store, frames, cells };
        // SAFETY: `host` is the trampoline for the store's data type, set by `call`.
        let result = unsafe { (self.host)(self, index, args) };
        self.fuel = self.store().fuel;
        result.map_err(|e| host_stop(e, f, args, ret_ip))?;
        Ok(Called::Host)
    }

    /// Tail-calls store function `f` with arguments at `args`: a Wasm function replaces the
    /// running one; a host function is called as by [`call_func`](Self::call_func), and execution
    /// goes on at `ret_ip`, which returns its results.
    #[inline(always)]
    fn tail_call_func(&mut self, f: u32, args: Reg, ret_ip: *const Slot) -> Result<Called, Stop> {
        match self.store().funcs[f as usize] {
            FuncEntity::Wasm { instance, index, .. } => {
                let code = self.code_of(instance, index)?;
                let regs = self.replace(code, instance, args)?;
                Ok(Called::Wasm(code.ops.as_ptr(), regs))
            }
            FuncEntity::Host { index, .. } => self.call_host_func(f, index, args, ret_ip),
        }
    }

    /// The store function `call_indirect` calls: entry `index` of table `table`, checked to be
    /// there and to have signature `sig`.
    #[inline(always)]
    fn indirect_target(&mut self, sig: u32, index: u32, table: u16) -> Result<u32, Stop> {
        let t = self.inst().tables[usize::from(table)];
        let store = self.store();
        let cell = *store.tables[t as usize].elems.get(index as usize).ok_or(TrapCode::TableOutOfBounds)?;
        if cell == 0 {
            return Err(Stop::Trap(TrapCode::IndirectCallToNull));
        }
        let f = (cell - 1) as u32;
        if store.funcs[f as usize].sig() != sig {
            return Err(Stop::Trap(TrapCode::BadSignature));
        }
        Ok(f)
    }

    /// The code of store function `f` when it is a Wasm function of the running instance that is
    /// already encoded (the indirect call fast path); `None` otherwise.
    #[inline(always)]
    #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
    fn local_code<'a>(&mut self, f: u32) -> Option<&'a CompiledFunc> {
        let running = self.inst_idx;
        match self.store().funcs[f as usize] {
            FuncEntity::Wasm { instance, index, .. } if instance == running => {
                // SAFETY: `code` is the running instance's module's function array, and `index` is
                // one of that module's defined functions (the store made the entity from it).
                unsafe { &*self.code.add(index as usize) }.compiled.get()
            }
            _ => None,
        }
    }

    /// `call_indirect`: checks the table entry and its signature, then calls it.
    #[inline(always)]
    fn call_indirect(
        &mut self,
        sig: u32,
        index: u32,
        table: u16,
        args: Reg,
        ret_ip: *const Slot,
    ) -> Result<Called, Stop> {
        let f = self.indirect_target(sig, index, table)?;
        self.call_func(f, args, ret_ip)
    }

    /// `return_call_indirect`: checks the table entry and its signature, then tail-calls it.
    #[inline(always)]
    fn tail_call_indirect(
        &mut self,
        sig: u32,
        index: u32,
        table: u16,
        args: Reg,
        ret_ip: *const Slot,
    ) -> Result<Called, Stop> {
        let f = self.indirect_target(sig, index, table)?;
        self.tail_call_func(f, args, ret_ip)
    }

    /// `return_call_ref`: tail-calls the function a reference cell refers to.
    #[inline(always)]
    fn tail_call_ref(&mut self, cell: u64, args: Reg, ret_ip: *const Slot) -> Result<Called, Stop> {
        self.tail_call_func(ref_target(cell)?, args, ret_ip)
    }

    /// `call_ref`: calls the function a reference cell (store function index + 1) refers to;
    /// translation guarantees its signature.
    #[inline(always)]
    fn call_ref(&mut self, cell: u64, args: Reg, ret_ip: *const Slot) -> Result<Called, Stop> {
        self.call_func(ref_target(cell)?, args, ret_ip)
    }

    /// `ConsumeFuel`.
    #[inline(always)]
    fn consume_fuel(&mut self, amount: u32) -> Result<(), TrapCode> {
        let fuel = &mut self.fuel;
        match fuel.checked_sub(u64::from(amount)) {
            Some(left) => {
                *fuel = left;
                Ok(())
            }
            None => Err(TrapCode::OutOfFuel),
        }
    }

    /// Charges `amount` of fuel if that much is left (the `ConsumeFuel` a branch passes itself,
    /// see [`threaded::FUEL_TARGET`]); `false` leaves the fuel as it is.
    #[inline(always)]
    #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
    fn charge(&mut self, amount: u32) -> bool {
        // On x86-64 one read-modify-write subtraction and a jump on its borrow (two instructions
        // where the compiler makes four), put back in the rare case that too little was left.
        #[cfg(target_arch = "x86_64")]
        {
            let amount = u64::from(amount);
            let mut passes = true;
            let cx: *mut Ctx = self;
            // SAFETY: the instructions touch only this context's fuel count (a `u64` at that
            // offset), which nothing else accesses meanwhile, and the flags.
            unsafe {
                std::arch::asm!(
                    "sub qword ptr [{cx} + {fuel}], {amount}",
                    "jb {short}",
                    cx = in(reg) cx,
                    fuel = const std::mem::offset_of!(Ctx, fuel),
                    amount = in(reg) amount,
                    short = label {
                        self.fuel = self.fuel.wrapping_add(amount);
                        passes = false;
                    },
                    options(nostack),
                );
            }
            passes
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            self.consume_fuel(amount).is_ok()
        }
    }

    /// Whether no interrupt or sample is requested (the `CheckInterrupt` a branch passes itself).
    #[inline(always)]
    #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
    fn no_requests(&mut self) -> bool {
        // On x86-64 a compare of the flag in memory and a jump (the compiler loads it first).
        #[cfg(target_arch = "x86_64")]
        {
            let mut none = true;
            // SAFETY: `attention` is the store's request flag (see `requests`), read with one
            // byte load, which is atomic on x86-64 (as the relaxed load of `requests`).
            unsafe {
                std::arch::asm!(
                    "cmp byte ptr [{flag}], 0",
                    "jne {requested}",
                    flag = in(reg) self.attention,
                    requested = label { none = false },
                    options(nostack, readonly),
                );
            }
            none
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            self.requests() == 0
        }
    }

    /// The interrupt and sample requests in force.
    #[inline(always)]
    fn requests(&self) -> u8 {
        // SAFETY: the store, which keeps the flag, outlives the call.
        unsafe { &*self.attention }.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// A check point at `ip` found the fuel spent: execution stops there, to trap or, in a
    /// resumable call, to suspend and charge again when resumed. Execution resumed at a check
    /// point reloads the accumulators from the frame first (`acc::reload`).
    #[cold]
    #[inline(never)]
    pub(super) fn out_of_fuel(&mut self, ip: *const Slot) {
        self.stop = Some(Stop::Suspend(Box::new((ip, Reason::OutOfFuel))));
    }

    /// A check point at `ip` found an interrupt request: as [`Ctx::out_of_fuel`].
    #[cold]
    #[inline(never)]
    pub(super) fn interrupted(&mut self, ip: *const Slot) {
        self.stop = Some(Stop::Suspend(Box::new((ip, Reason::Interrupted))));
    }

    /// `CheckInterrupt`: traps while an interrupt request is in force. The request is left in
    /// place so that the calls this one is nested in (through host functions) trap as well; the
    /// outermost call withdraws it when it ends ([`Entered`]).
    /// A sample request ([`crate::Sampler`]) is answered here as well.
    #[inline(always)]
    fn check_interrupt(&mut self) -> Result<(), TrapCode> {
        let requests = self.requests();
        if requests != 0 {
            return self.attend(requests);
        }
        Ok(())
    }

    /// The requests of [`Ctx::check_interrupt`]: records a sample of the call stack if one is
    /// wanted, and traps if an interrupt is in force.
    #[cold]
    #[inline(never)]
    fn attend(&mut self, requests: u8) -> Result<(), TrapCode> {
        if requests & SAMPLE != 0 {
            self.store().attention.fetch_and(!SAMPLE, std::sync::atomic::Ordering::Relaxed);
            let mut stack: Vec<(u32, u32)> = self.frames.iter().map(|f| (f.instance, f.running.func())).collect();
            stack.push((self.inst_idx, self.running.func()));
            if let Some(samples) = &mut self.store().profile {
                samples.record(stack);
            }
        }
        if requests & INTERRUPT != 0 {
            return Err(TrapCode::Interrupted);
        }
        Ok(())
    }

    /// `global.get`.
    #[inline(always)]
    fn global_get(&mut self, global: u32) -> u64 {
        // SAFETY: see `global_entity`.
        unsafe { (*self.global_entity(global)).value }
    }

    /// `global.set`.
    #[inline(always)]
    fn global_set(&mut self, global: u32, value: u64) {
        // SAFETY: see `global_entity`.
        unsafe { (*self.global_entity(global)).value = value }
    }

    /// `GlobalSetAddRI` and the epilogue returns: sets `i32` global `global` to `base + imm`
    /// (wrapping).
    #[inline(always)]
    fn global_set_add(&mut self, global: u32, base: u32, imm: i32) {
        self.global_set(global, u64::from(base.wrapping_add(imm as u32)));
    }

    /// `GlobalStepRI`: adds `imm` to `i32` global `global` and returns the new value.
    #[inline(always)]
    fn global_step(&mut self, global: u32, imm: i32) -> u32 {
        // SAFETY: see `global_entity`.
        unsafe {
            let g = self.global_entity(global);
            let value = ((*g).value as u32).wrapping_add(imm as u32);
            (*g).value = u64::from(value);
            value
        }
    }

    /// `global.get` of a `v128` global: its two cells.
    fn global_get_v128(&mut self, global: u32) -> [u64; 2] {
        // SAFETY: see `global_entity`.
        unsafe {
            let g = self.global_entity(global);
            [(*g).value, (*g).hi]
        }
    }

    /// `global.set` of a `v128` global.
    fn global_set_v128(&mut self, global: u32, [lo, hi]: [u64; 2]) {
        // SAFETY: see `global_entity`.
        unsafe {
            let g = self.global_entity(global);
            ((*g).value, (*g).hi) = (lo, hi);
        }
    }

    /// The store's entity of the running instance's global `global`, without bounds checks (a
    /// `global.get`/`global.set` is two dependent loads and the access).
    ///
    /// # Safety
    /// `global` must be a global of the running instance's module (validation guarantees it for
    /// the index of a `global.get`/`global.set`). The pointer is valid until the store's global
    /// list changes, which happens only in host code, after which `set_instance` refreshes it.
    #[inline(always)]
    unsafe fn global_entity(&self, global: u32) -> *mut GlobalEntity {
        // SAFETY: guaranteed by the caller: the instance has `global`, and the store index the
        // instance holds for it is one of the store's globals.
        unsafe { self.globals.add(*self.inst_globals.add(global as usize) as usize) }
    }

    /// Whether the store's resource limiter lets `memory.grow` or `table.grow` (`op`) grow; only
    /// asked when the store has a limiter. Growth past the memory's or table's own bounds is
    /// refused later without asking.
    #[cold]
    fn growth_allowed(&mut self, r: Regs, op: &Op) -> Result<bool, Stop> {
        let inst_idx = self.inst_idx as usize;
        let store = self.store();
        let (memory, current, desired, maximum) = match *op {
            Op::MemoryGrow { delta, .. } => {
                let m = &store.memories[store.instances[inst_idx].memories[0] as usize];
                let current = m.data.len();
                let desired = (current as u64).saturating_add(u64::from(r.u32(delta)) * PAGE_SIZE);
                (true, current, usize::try_from(desired).unwrap_or(usize::MAX), m.type_maximum_bytes())
            }
            Op::MemoryGrowAt { .. } => {
                let Some((m, current, desired)) = memory_at::growth(store, inst_idx, r, op) else { return Ok(true) };
                (true, current, desired, store.memories[m].type_maximum_bytes())
            }
            Op::TableGrow { delta, table, .. } => {
                let t = &store.tables[store.instances[inst_idx].tables[table as usize] as usize];
                let current = t.elems.len();
                let delta = index_operand(r, delta, t.ty.is_64());
                (false, current, current.saturating_add(delta as usize), t.ty.maximum().map(|m| m as usize))
            }
            _ => return Ok(true),
        };
        // SAFETY: `host_store` is the store behind `self.store` and `growth` its type's
        // trampoline (set by `call`); no reference into the store is held across this call.
        unsafe { (self.growth)(self.host_store, memory, current, desired, maximum) }.map_err(Stop::Error)
    }

    /// The instructions that reach into the store (tables, segments, memory size and growth,
    /// function references, and every `…At` memory instruction: see `memory_at`). `next` is the
    /// instruction after `op` (`TableInit` reads its table there). After any of them the
    /// dispatcher reloads its memory view.
    #[inline(never)]
    fn store_op(&mut self, r: Regs, op: &Op, next: &Op) -> Result<(), Stop> {
        if let Op::MemoryGrow { dst, .. } | Op::TableGrow { dst, .. } | Op::MemoryGrowAt { dst, .. } = *op
            && self.store().has_limiter
            && !self.growth_allowed(r, op)?
        {
            r.set_u32(dst, u32::MAX);
            if let Op::TableGrow { table, .. } = *op
                && let t = self.inst().tables[table as usize] as usize
                && self.store().tables[t].ty.is_64()
            {
                r.set(dst, u64::MAX);
            }
            if let Op::MemoryGrowAt { mem, .. } = *op {
                let inst = &self.inst().memories;
                let m = inst[mem as usize] as usize;
                memory_at::refuse_growth(&self.store().memories[m], r, dst);
            }
            return Ok(());
        }
        let inst_idx = self.inst_idx as usize;
        let store = self.store();
        let table_of = |store: &StoreInner, t: u32| store.instances[inst_idx].tables[t as usize] as usize;
        match *op {
            Op::RefFunc { dst, func } => r.set(dst, u64::from(store.instances[inst_idx].funcs[func as usize]) + 1),
            Op::MemorySize { dst } => {
                let m = store.instances[inst_idx].memories[0];
                r.set(dst, store.memories[m as usize].pages())
            }
            Op::MemoryGrow { dst, delta } => {
                let m = store.instances[inst_idx].memories[0];
                let old = store.memories[m as usize].grow(u64::from(r.u32(delta)));
                r.set_u32(dst, old.map_or(u32::MAX, |o| o as u32));
            }
            Op::MemoryInit { dst, src, len, data } => {
                let inst = &store.instances[inst_idx];
                store.memories[inst.memories[0] as usize].init(
                    u64::from(r.u32(dst)),
                    &inst.datas[data as usize],
                    r.u32(src),
                    u64::from(r.u32(len)),
                )?;
            }
            Op::DataDrop { data } => store.instances[inst_idx].datas[data as usize] = Arc::new([]),
            Op::TableGet { dst, index, table } => {
                let t = &store.tables[table_of(store, table)];
                r.set(dst, t.get(index_operand(r, index, t.ty.is_64()))?)
            }
            Op::TableSet { index, val, table } => {
                let t = table_of(store, table);
                let t = &mut store.tables[t];
                t.set(index_operand(r, index, t.ty.is_64()), r.get(val))?;
            }
            Op::TableSize { dst, table } => {
                let t = table_of(store, table);
                r.set(dst, store.tables[t].elems.len() as u64);
            }
            Op::TableGrow { dst, init, delta, table } => {
                let index = table_of(store, table);
                let t = &mut store.tables[index];
                let is_64 = t.ty.is_64();
                let old = t.grow(u64::from(index_operand(r, delta, is_64)), r.get(init));
                match old {
                    Some(old) => r.set(dst, old),
                    None => r.set(dst, if is_64 { u64::MAX } else { u64::from(u32::MAX) }),
                }
            }
            Op::TableFill { dst, val, len, table } => {
                let index = table_of(store, table);
                let t = &mut store.tables[index];
                let is_64 = t.ty.is_64();
                t.fill(index_operand(r, dst, is_64), index_operand(r, len, is_64), r.get(val))?;
            }
            Op::TableCopy { dst, src, len, dst_table, src_table } => {
                let (dt, st) = (table_of(store, u32::from(dst_table)), table_of(store, u32::from(src_table)));
                let (d64, s64) = (store.tables[dt].ty.is_64(), store.tables[st].ty.is_64());
                // The length is an `i64` only when both tables are 64-bit.
                let (d, s, n) =
                    (index_operand(r, dst, d64), index_operand(r, src, s64), index_operand(r, len, d64 && s64));
                crate::runtime::copy_tables(&mut store.tables, (dt, d), (st, s), n)?;
            }
            Op::TableInit { dst, src, len, elem } => {
                let Op::Imm32 { value: table } = *next else { unreachable!("TableInit without its table operand") };
                let t = table_of(store, table);
                let inst = &store.instances[inst_idx];
                let d = index_operand(r, dst, store.tables[t].ty.is_64());
                store.tables[t].init(d, &inst.elems[elem as usize], r.u32(src), r.u32(len))?;
            }
            Op::ElemDrop { elem } => store.instances[inst_idx].elems[elem as usize] = Box::new([]),
            Op::MemoryLoadAt { .. }
            | Op::MemoryStoreAt { .. }
            | Op::MemorySizeAt { .. }
            | Op::MemoryGrowAt { .. }
            | Op::MemoryFillAt { .. }
            | Op::MemoryCopyAt { .. }
            | Op::MemoryInitAt { .. } => memory_at::run(store, inst_idx, r, op)?,
            _ => unreachable!("not a store instruction: {}", op.name()),
        }
        Ok(())
    }
}

/// A table index or length operand: an `i32`, or for a 64-bit table an `i64` saturated to
/// `u32::MAX`, which is out of bounds of every table (tables stay below 2^32 elements).
#[inline]
fn index_operand(r: Regs, reg: Reg, is_64: bool) -> u32 {
    if is_64 { u32::try_from(r.get(reg)).unwrap_or(u32::MAX) } else { r.u32(reg) }
}

/// Zeroes a new frame's locals and copies in its constants; the arguments are already there.
///
/// # Safety
/// `frame` must point at `code.frame_size()` cells.
#[inline(always)]
unsafe fn init_frame(frame: *mut u64, code: &CompiledFunc) {
    // SAFETY: locals and constants lie inside the frame, which the caller guarantees.
    unsafe {
        let locals = frame.add(usize::from(code.locals_at));
        let n = usize::from(code.num_locals);
        if n <= 4 {
            for i in 0..n {
                *locals.add(i) = 0;
            }
        } else {
            ptr::write_bytes(locals, 0, n);
        }
        copy_cells(code.consts.as_ptr(), frame.add(usize::from(code.const_base)), code.consts.len());
    }
}

/// Sets up the frame of a small function ([`crate::code::fast_need`]) at `frame`, with its
/// arguments at `args`: parameters are copied as `SMALL_PARAMS` cells, locals zeroed as
/// `SMALL_LOCALS` cells from `locals_at` (none today) and constants copied as `SMALL_CONSTS` cells
/// whatever their number, so without calls to `memcpy`/`memset` or loops of unknown length. Translation
/// gives every frame an even number of cells, the locals and the constants an even first cell,
/// so with the value stack 16-byte aligned (as allocators leave it) the 16-byte stores that zero
/// the locals and copy the constants are aligned: one that straddles a 4 KiB page costs about 25
/// cycles on an AMD EPYC against one for any other, and zeroing unaligned pairs made the call
/// depth of `fib` whose frame met a page boundary, and with it the whole run, 20% slower in one
/// heap layout of two.
///
/// # Safety
/// `SMALL_PARAMS` cells from `args` and the function's frame plus `SLACK` cells from `frame`
/// must lie inside the stack, and the arguments must lie at or above `frame` (a tail call's, in
/// the frame itself) or end at or below it (a call's, in the caller's frame): the forward copy
/// then reads every argument before it writes over it. The extra cells read are stack cells, and
/// the extra cells written are the function's temporaries, locals or constants (written
/// afterwards) or slack, none live.
#[inline(always)]
unsafe fn init_small_frame(frame: *mut u64, args: *const u64, code: &CompiledFunc) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        for i in 0..SMALL_PARAMS {
            *frame.add(i) = *args.add(i);
        }
        let locals = frame.add(usize::from(code.locals_at));
        // A fixed count (none today): stores, not a call to `memset`.
        locals.cast::<[u64; SMALL_LOCALS]>().write([0; SMALL_LOCALS]);
        let consts = frame.add(usize::from(code.const_base));
        consts.cast::<[u64; SMALL_CONSTS]>().write(code.fast_consts);
    }
}

/// Sets up the frame of a medium (or small) function ([`crate::code::medium_need`]) at `frame`,
/// with its arguments at `args`, without calls to `memcpy`/`memset`: the parameters and
/// constants are copied two cells at a time (an odd last constant alone; a pair of constants as
/// one 16-byte move, a pair of arguments cell by cell, since the caller has just stored them one at
/// a time and a 16-byte load of two such stores waits for both), the locals zeroed four at a time
/// from `locals_at` (aligned, as in [`init_small_frame`]), each chunk behind a test of the count
/// (no loop, which the compiler would turn back into a `memset` call), so at most one parameter
/// and three locals more than the function has are written.
///
/// # Safety
/// `MEDIUM_PARAMS` cells from `args` and the function's frame plus `MEDIUM_SLACK` cells from
/// `frame` must lie inside the stack, and the arguments must lie at or above `frame` or end at or
/// below it, as for [`init_small_frame`]; the extra cells read are stack cells, and the extra cells
/// written are the function's locals or constants (written afterwards), temporaries or slack,
/// none live.
#[inline(always)]
unsafe fn init_medium_frame(frame: *mut u64, args: *const u64, code: &CompiledFunc) {
    /// Copies cells `i` and `i + 1`.
    #[inline(always)]
    unsafe fn two(dst: *mut u64, src: *const u64, i: usize) {
        // SAFETY: guaranteed by the caller.
        unsafe {
            *dst.add(i) = *src.add(i);
            *dst.add(i + 1) = *src.add(i + 1);
        }
    }
    // SAFETY: guaranteed by the caller; every chunk of parameters or locals starts below its
    // count, so it ends at most one cell (three for the locals) past it; constants are read
    // inside `consts` only.
    unsafe {
        let params = usize::from(code.num_params);
        for i in (0..MEDIUM_PARAMS).step_by(2) {
            if params > i {
                two(frame, args, i);
            }
        }
        let locals = frame.add(usize::from(code.locals_at));
        let num_locals = usize::from(code.num_locals);
        for i in (0..MEDIUM_LOCALS).step_by(4) {
            if num_locals > i {
                for j in i..i + 4 {
                    *locals.add(j) = 0;
                }
            }
        }
        let consts = frame.add(usize::from(code.const_base));
        let (from, num_consts) = (code.consts.as_ptr(), code.consts.len());
        for i in (0..MEDIUM_CONSTS).step_by(2) {
            if num_consts >= i + 2 {
                // One 16-byte move each way on x86-64: nothing has just stored the constants (as
                // the caller has the arguments, which `two` copies cell by cell).
                let pair = from.add(i).cast::<[u64; 2]>().read_unaligned();
                consts.add(i).cast::<[u64; 2]>().write_unaligned(pair);
            }
        }
        if num_consts % 2 == 1 {
            *consts.add(num_consts - 1) = *from.add(num_consts - 1);
        }
    }
}

/// The store function a function reference cell (index + 1) refers to; null traps.
#[inline(always)]
fn ref_target(cell: u64) -> Result<u32, Stop> {
    match cell {
        0 => Err(Stop::Trap(TrapCode::NullFunctionReference)),
        _ => Ok((cell - 1) as u32),
    }
}

/// `ReturnCallSelf`: the frame at `frame` starts over with the `params` arguments at `args` as its
/// parameters and its `locals` locals zeroed.
///
/// # Safety
/// `frame` must be a frame whose parameters and locals are followed by the arguments (temporaries
/// from `args` on), all inside it.
#[inline(always)]
pub(super) unsafe fn restart_frame(frame: *mut u64, args: Reg, params: u16, locals: u16) {
    let (params, locals) = (usize::from(params), usize::from(locals));
    // SAFETY: guaranteed by the caller: the ranges lie in the frame and do not overlap.
    unsafe {
        let src = frame.add(usize::from(args.0));
        for i in 0..params {
            *frame.add(i) = *src.add(i);
        }
        for i in params..params + locals {
            *frame.add(i) = 0;
        }
    }
}

/// Copies `n` cells; the common small counts inline, without a call to `memcpy`.
///
/// # Safety
/// Both ranges must be valid for `n` cells and must not overlap.
#[inline(always)]
pub(super) unsafe fn copy_cells(src: *const u64, dst: *mut u64, n: usize) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        match n {
            0 => {}
            1 => *dst = *src,
            2 => {
                *dst = *src;
                *dst.add(1) = *src.add(1);
            }
            3 => {
                *dst = *src;
                *dst.add(1) = *src.add(1);
                *dst.add(2) = *src.add(2);
            }
            _ => ptr::copy_nonoverlapping(src, dst, n),
        }
    }
}

/// Calls store function `func` with `cells` holding the arguments; on success `cells` begins with
/// the results. `cells` must be long enough for both.
pub(crate) fn call<T>(store: &mut Store<T>, func: u32, cells: &mut [u64]) -> Result<()> {
    match start(store, func, cells, false)? {
        Outcome::Finished => Ok(()),
        // `finish` turns every suspension of a call that is not resumable into an error.
        Outcome::Suspended(..) => Err(Error::msg("a call that is not resumable suspended")),
    }
}

/// Calls store function `func` as [`call`] does; `resumable` lets it suspend
/// ([`Outcome::Suspended`]) where it would otherwise fail with a host function's suspension
/// request, or (as the engine's configuration asks) run out of fuel or be interrupted.
pub(crate) fn start<T>(store: &mut Store<T>, func: u32, cells: &mut [u64], resumable: bool) -> Result<Outcome> {
    // Every pointer into the store below is derived from this one, so none of them invalidates
    // another (a host function gets the store back as `&mut Store<T>` through `host_store`).
    let sp: *mut Store<T> = store;
    // SAFETY: `sp` comes from a live `&mut`; the field pointer is taken without a reference.
    let inner = unsafe { &raw mut (*sp).inner };
    let _entered = Entered::new(inner)?;
    // SAFETY: `inner` is valid (see above) and no other reference to the store is in use.
    let s = unsafe { &mut *inner };
    match s.funcs[func as usize] {
        FuncEntity::Host { index, .. } => {
            // SAFETY: as above; `s` is not used again.
            match call_host(unsafe { &mut *sp }, index, None, cells) {
                Ok(()) => Ok(Outcome::Finished),
                // SAFETY: the host function has returned; nothing else reaches the store.
                Err(e) => resume::host_stopped(unsafe { &*inner }, e, func, resumable),
            }
        }
        FuncEntity::Wasm { instance, index, .. } => {
            let (max_depth, max_cells) = budgets(s)?;
            let stack = s.stacks.pop().unwrap_or_default();
            let mut cx = Ctx::new(sp, inner, stack, Vec::new(), max_depth, max_cells, resumable);
            match enter_entry(&mut cx, instance, index, cells) {
                // SAFETY: the entry frame is set up for the function whose first instruction
                // `ip` is.
                Ok((ip, regs, mem)) => unsafe { dispatch(&mut cx, ip, regs, mem) },
                Err(e) => {
                    recycle(cx);
                    return Err(e);
                }
            }
            finish(cx, cells)
        }
    }
}

/// The call depth and value stack cells a call into the store may use: the engine's limits less
/// what the calls waiting for a host function (that made this call) hold.
fn budgets(s: &StoreInner) -> Result<(usize, usize)> {
    let config = s.engine.config();
    let Some(max_depth) = config.max_call_depth.checked_sub(s.held_frames) else {
        return Err(Error::trap(TrapCode::StackOverflow));
    };
    Ok((max_depth, config.max_stack_cells.saturating_sub(s.held_cells)))
}

impl Ctx {
    /// A context for a call into `*sp` (whose `inner` is `inner`, derived from `sp` as the
    /// call's other pointers into the store are) on `stack` and `frames` (empty for a new call,
    /// those of a suspended call when resuming it), positioned nowhere yet.
    fn new<T>(
        sp: *mut Store<T>,
        inner: *mut StoreInner,
        stack: Vec<u64>,
        frames: Vec<Frame>,
        max_depth: usize,
        max_cells: usize,
        resumable: bool,
    ) -> Ctx {
        Ctx {
            store: inner,
            host_store: sp as *mut (),
            host: host_trampoline::<T>,
            growth: growth_trampoline::<T>,
            stack,
            frames,
            inst: ptr::null(),
            code: ptr::null(),
            inst_globals: ptr::null(),
            globals: ptr::null_mut(),
            inst_idx: 0,
            running: Running::new(0, 0),
            base: 0,
            max_depth,
            frame_limit: 0,
            mem_len: 0,
            mem_bound: Mem::bound(0),
            max_cells,
            stop: None,
            resumable,
            fuel: 0,
            // SAFETY: `inner` is the live store of this call.
            attention: unsafe { &*(*inner).attention },
        }
    }
}

/// Gives the context's value stack back to the store for the next call.
fn recycle(cx: Ctx) {
    let mut stack = cx.stack;
    stack.clear();
    // SAFETY: the call is over, so nothing else reaches the store.
    unsafe { (*cx.store).stacks.push(stack) };
}
/// A call into the store in progress (see [`call`]). Counts the nesting of calls through host
/// functions, and when dropped, also by a panic unwinding from a host function, undoes that;
/// when the outermost call ends it withdraws an interrupt request, which has then stopped every
/// nested call it reached.
struct Entered {
    store: *mut StoreInner,
}

impl Entered {
    /// Counts a call into `store`, or refuses it when host functions nest calls too deeply.
    fn new(store: *mut StoreInner) -> Result<Entered> {
        // SAFETY: `call` passes a valid pointer to a store that nothing else reaches right now.
        let s = unsafe { &mut *store };
        if s.reentry >= MAX_REENTRY {
            return Err(Error::trap(TrapCode::StackOverflow));
        }
        s.reentry += 1;
        Ok(Entered { store })
    }
}

impl Drop for Entered {
    fn drop(&mut self) {
        // SAFETY: the store outlives the call, which has ended (normally or by unwinding), so no
        // other reference to it is in use.
        let s = unsafe { &mut *self.store };
        s.reentry -= 1;
        if s.reentry == 0 {
            s.attention.fetch_and(!INTERRUPT, std::sync::atomic::Ordering::Relaxed);
        }
    }
}

/// What a Wasm call holds of the store's budgets ([`StoreInner::held_frames`],
/// [`StoreInner::held_cells`]) while a host function it called runs; released when dropped, also
/// by a panic unwinding from the host function.
struct Held {
    store: *mut StoreInner,
    frames: usize,
    cells: usize,
}

impl Drop for Held {
    fn drop(&mut self) {
        // SAFETY: the store outlives the call that made the host call, and the host function has
        // returned or is unwinding, so nothing else uses the store.
        let s = unsafe { &mut *self.store };
        s.held_frames -= self.frames;
        s.held_cells -= self.cells;
    }
}

/// Sets up the entry frame of defined function `func` of `instance` with the arguments from
/// `cells`; returns where the dispatcher starts.
fn enter_entry(cx: &mut Ctx, instance: u32, func: u32, cells: &[u64]) -> Result<(*const Slot, Regs, Mem)> {
    cx.set_instance(instance);
    let module: *const ModuleInner = &*cx.inst().module;
    // SAFETY: the module lives behind an `Arc` held by the instance, which the store keeps.
    let code: &CompiledFunc = compiled(unsafe { &*module }, func)?;
    let needed = (code.frame_size() as usize).max(cells.len());
    if needed > cx.stack.len() && !grow_stack(&mut cx.stack, needed, cx.max_cells) {
        return Err(Error::trap(TrapCode::StackOverflow));
    }
    let n = usize::from(code.num_params);
    cx.stack[..n].copy_from_slice(&cells[..n]);
    // SAFETY: the stack was just grown to hold the frame.
    unsafe { init_frame(cx.stack.as_mut_ptr(), code) };
    cx.running = Running::of(code);
    Ok((code.ops.as_ptr(), cx.regs_at(0), cx.memory()))
}

/// Runs the dispatcher from `ip` until the entry function returns or execution stops.
///
/// # Safety
/// `ip` must be an instruction of the running function (whose frame `regs` is, set up in `cx`)
/// where execution may start: its first, one after a call, or a check point.
unsafe fn dispatch(cx: &mut Ctx, ip: *const Slot, regs: Regs, mem: Mem) {
    cx.fuel = cx.store().fuel;
    // SAFETY: guaranteed by the caller.
    unsafe {
        #[cfg(hayate_tail_calls)]
        threaded::run(cx, ip, regs, mem);
        #[cfg(not(hayate_tail_calls))]
        looped::run(cx, ip, regs, mem);
    }
    cx.store().fuel = cx.fuel;
}

/// Turns how execution stopped into the call's outcome; the results are copied to `cells`.
fn finish(mut cx: Ctx, cells: &mut [u64]) -> Result<Outcome> {
    let result = match cx.stop.take() {
        None => match cx.stack.get(..cells.len()) {
            Some(results) => {
                cells.copy_from_slice(results);
                Ok(Outcome::Finished)
            }
            None => Err(Error::msg("the call's results do not fit its value stack")),
        },
        Some(Stop::Trap(code)) => Err(backtrace_trap(&mut cx, code)),
        Some(Stop::Error(e)) => Err(e),
        Some(Stop::Suspend(stopped)) => match resume::suspend(&mut cx, stopped.0, stopped.1) {
            Ok(paused) => return Ok(paused),
            Err(e) => Err(e),
        },
    };
    recycle(cx);
    result
}
/// Calls a host function for the dispatchers, through the store's concrete type: the host reads
/// its arguments from, and writes its results to, the caller's registers at `args` directly (no
/// copy, no lock, no allocation).
///
/// # Safety
/// `cx.host_store` must point at the `Store<T>` that owns `cx.store`.
unsafe fn host_trampoline<T>(cx: &mut Ctx, index: u32, args: Reg) -> Result<()> {
    // SAFETY: guaranteed by the caller; the dispatcher holds no reference into the store now.
    let store = unsafe { &mut *(cx.host_store as *mut Store<T>) };
    let entry = &store.host_funcs[index as usize];
    let n = usize::from(entry.params.max(entry.results));
    let start = cx.base + usize::from(args.0);
    // SAFETY: translation gives a call to a function of `params` parameters and `results`
    // results the registers `args..args + max(params, results)` of the running frame, which lies
    // inside the value stack. The stack belongs to this context, not to the store, and nothing
    // else touches it during the host call (calls the host makes into the store run on stacks of
    // their own), so the slice is not aliased.
    let cells = unsafe { std::slice::from_raw_parts_mut(cx.stack.as_mut_ptr().add(start), n) };
    let result = call_host(store, index, Some(cx.inst_idx), cells);
    // The host may have created instances or globals: re-derive what we point at.
    cx.set_instance(cx.inst_idx);
    result
}

/// Asks the store's limiter for the dispatchers (see [`GrowthCheck`]).
///
/// # Safety
/// `store` must point at the `Store<T>` whose Wasm is running, with no reference into it live.
unsafe fn growth_trampoline<T>(
    store: *mut (),
    memory: bool,
    current: usize,
    desired: usize,
    maximum: Option<usize>,
) -> Result<bool> {
    // SAFETY: guaranteed by the caller.
    let store = unsafe { &mut *(store as *mut Store<T>) };
    store.allow_growth(memory, current, desired, maximum)
}

/// Calls host function `index` of the store with arguments read from `cells`, writing the
/// results back to `cells` (which has room for both).
pub(crate) fn call_host<T>(store: &mut Store<T>, index: u32, instance: Option<u32>, cells: &mut [u64]) -> Result<()> {
    let host: *const _ = &*store.host_funcs[index as usize].func;
    // SAFETY: the store never removes or replaces a host function, and the closure lives in its
    // own allocation (behind an `Arc` the store holds), which stays put while `host_funcs` grows;
    // so it outlives this call, whatever the host does with the store meanwhile.
    let host: &crate::runtime::HostFn<T> = unsafe { &*host };
    host(store, instance, cells)
}

/// A trap error with the backtrace of the active frames, innermost first.
fn backtrace_trap(cx: &mut Ctx, code: TrapCode) -> Error {
    let current = (cx.inst_idx, cx.running.func());
    // SAFETY: as in `Ctx::store`; only read here.
    let store = unsafe { &*cx.store };
    let info = |(instance, func): (u32, u32)| {
        let module = &store.instances[instance as usize].module;
        let index = module.num_imported_funcs + func;
        FrameInfo { func_index: index, func_name: module.func_name(index).map(str::to_string) }
    };
    let mut backtrace = vec![info(current)];
    backtrace.extend(cx.frames.iter().rev().map(|f| info((f.instance, f.running.func()))));
    Error::from(Trap::with_backtrace(code, backtrace))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An engine that translates each function on its first call, so that a test can translate
    /// any one with `ModuleInner::translate_body`.
    fn lazy_engine() -> crate::Engine {
        let mut config = crate::Config::default();
        config.lazy_translation(true);
        crate::Engine::new(&config)
    }

    /// A caller encoded before its callees (lazy translation) picks the medium call path for a
    /// callee with more parameters than a small function has, and keeps the small-path handler
    /// for one that may be small, however many locals it declares (most start unzeroed).
    #[test]
    fn callees_with_many_params_are_known_not_small_before_they_are_encoded() {
        let engine = lazy_engine();
        let wat = format!(
            "(module (func (param i32) (local i32 i64)) (func (param i32) (local {}) (local f64)) (func (param {})))",
            "i32 ".repeat(16),
            "i32 ".repeat(SMALL_PARAMS + 1),
        );
        let module = crate::Module::new(&engine, wat).expect("valid");
        let inner = &module.inner;
        assert!(!not_small(inner, 0));
        assert!(!not_small(inner, 1));
        assert!(not_small(inner, 2));
    }

    /// Every frame has an even number of cells and its locals and constants start at an even cell,
    /// and the value stack starts on a 16-byte boundary: every frame then does, and the 16-byte
    /// moves that set one up never straddle a page (`init_small_frame`). Parameter, temporary and
    /// constant counts of both parities.
    #[test]
    fn frames_and_their_constants_start_on_16_byte_boundaries() {
        let engine = lazy_engine();
        let wat = r#"(module
            (func (param i32) (result i32) (i32.add (local.get 0) (i32.const 1000)))
            (func (param i32 i32) (result i32) (i32.mul (i32.add (local.get 0) (i32.const 3)) (i32.const 5)))
            (func (param i32 i64 f64) (result f64) (local i32)
                (f64.add (f64.mul (local.get 2) (f64.const 2.5)) (f64.convert_i64_s (i64.add (local.get 1) (i64.const 9)))))
            (func (result i32) (i32.add (i32.add (i32.const 1) (i32.const 2)) (i32.add (i32.const 3) (i32.const 4))))
            (func (param v128) (result v128) (i32x4.add (local.get 0) (v128.const i32x4 1 2 3 4))))"#;
        let module = crate::Module::new(&engine, wat).expect("valid");
        for f in 0..5 {
            let t = module.inner.translate_body(f).expect("kept for lazy translation").expect("translates");
            assert_eq!((t.frame_size() % 2, t.const_base % 2, t.locals_at % 2), (0, 0, 0), "function {f}");
            assert_eq!(t.locals_at, t.num_params.next_multiple_of(2));
            assert!(usize::from(t.const_base) + t.consts.len() <= t.frame_size() as usize);
        }
        let mut stack = Vec::new();
        assert!(grow_stack(&mut stack, 100, 1 << 20));
        assert_eq!(stack.as_ptr().addr() % 16, 0);
    }

    /// Every `v128` register outside the parameters starts on an even cell, so (frames being
    /// 16-byte aligned) no 16-byte access to one straddles a cache line or a page: a `blur.simd`
    /// loop whose temporaries met a page boundary ran 2.3x longer in one heap layout of two.
    /// `v128` results at stack positions of both parities (a store's value above its address, a
    /// `select`, a `global.get`), `v128` locals after an odd number of scalar ones, `v128`
    /// constants after an odd number of scalar ones, and the SIMD programs of the benchmarks.
    #[test]
    fn v128_registers_start_on_even_cells() {
        let engine = lazy_engine();
        let wat = r#"(module
            (memory 1)
            (global $g (mut v128) (v128.const i64x2 1 2))
            (func (param $p i32) (local $a i32) (local $v v128) (local $b i64) (local $w v128)
                (v128.store (local.get $p) (i16x8.add (v128.load (local.get $p)) (v128.load offset=16 (local.get $p))))
                (local.set $v (i32x4.mul (v128.load (local.get $p)) (v128.const i32x4 1 2 3 4)))
                (i64.store (local.get $p) (i64.add (local.get $b) (i64.const 0x123456789)))
                (v128.store (local.get $p) (i8x16.add (local.get $v) (v128.const i8x16 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9)))
                (v128.store offset=32 (local.get $p)
                    (select (global.get $g) (i32x4.splat (local.get $a)) (local.get $p)))
                (local.set $w (f32x4.add (local.get $w) (v128.load (i32.add (local.get $p) (local.get $a)))))
                (global.set $g (local.get $w))))"#;
        let module = crate::Module::new(&engine, wat).expect("valid");
        let programs: [&[u8]; 6] = [
            include_bytes!("../../benches/programs/simd/audio.simd.wasm"),
            include_bytes!("../../benches/programs/simd/blur.simd.wasm"),
            include_bytes!("../../benches/programs/simd/matmul.simd.wasm"),
            include_bytes!("../../benches/programs/simd/scan.simd.wasm"),
            include_bytes!("../../benches/programs/simd/stencil.simd.wasm"),
            include_bytes!("../../benches/programs/simd/text.simd.wasm"),
        ];
        let mut modules = vec![("wat".to_string(), module)];
        for (i, bytes) in programs.into_iter().enumerate() {
            modules.push((format!("program {i}"), crate::Module::new(&engine, bytes).expect("valid")));
        }
        let mut checked = 0;
        for (name, module) in &modules {
            for f in 0..module.inner.code.len() as u32 {
                let t = module.inner.translate_body(f).expect("kept for lazy translation").expect("translates");
                for (pc, op) in t.ops.iter().enumerate() {
                    op.for_each_reg(&mut |r, role| {
                        if role.class() == Some(crate::ir::RegClass::V128) && r.0 >= t.num_params {
                            checked += 1;
                            assert_eq!(r.0 % 2, 0, "{name}, function {f}, instruction {pc}: {op:?}");
                        }
                    });
                }
            }
        }
        assert!(checked > 1000, "only {checked} v128 registers");
    }
}
