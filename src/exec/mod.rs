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
#[cfg(not(hayate_tail_calls))]
mod looped;
mod regs;
#[cfg(hayate_tail_calls)]
mod threaded;

use crate::error::{Error, FrameInfo, Result, Trap, TrapCode};
use crate::ir::{Op, Reg};
use crate::module::CompiledFunc;
use crate::runtime::store::FuncEntity;
use crate::runtime::{Caller, InstanceEntity, Store, StoreInner};
use crate::value::Val;
use regs::{Mem, Regs};
use std::ptr;
use std::sync::Arc;

/// One instruction as the dispatchers run it: the address of its handler (direct threading; zero
/// when the portable loop dispatches) next to the instruction itself, whose branch offsets are
/// in bytes. Built from the translator's instructions by [`encode`].
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub(crate) struct Slot {
    handler: usize,
    op: Op,
}

/// The size of a [`Slot`], the unit of the dispatchers' instruction pointer.
const SLOT: i32 = std::mem::size_of::<Slot>() as i32;

/// Turns translated instructions into the dispatchers' format: each paired with its handler and
/// every branch offset scaled from instructions to bytes. `None` if an offset does not fit.
///
/// The tail-call dispatcher also picks each instruction's accumulator variant ([`acc_variants`]).
pub(crate) fn encode(ops: &[Op]) -> Option<Box<[Slot]>> {
    #[cfg(hayate_tail_calls)]
    let variants = acc_variants(ops);
    #[cfg(not(hayate_tail_calls))]
    let variants = vec![0; ops.len()];
    ops.iter()
        .zip(variants)
        .map(|(&op, _variant)| {
            let mut op = op;
            if let Some(off) = op.branch_offset_mut() {
                off.0 = off.0.checked_mul(SLOT)?;
            }
            #[cfg(hayate_tail_calls)]
            let handler = threaded::handler_address(&op, _variant);
            #[cfg(not(hayate_tail_calls))]
            let handler = 0;
            Some(Slot { handler, op })
        })
        .collect()
}

/// Each instruction's accumulator variant, from the registers whose values the accumulators
/// hold when it starts ([`acc_states`]).
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
fn acc_variants(ops: &[Op]) -> Vec<u8> {
    let facts: Vec<Facts> = ops.iter().enumerate().map(|(i, op)| Facts::of(i, op, ops.len())).collect();
    let states = acc_states(&facts).unwrap_or_else(|| straight_line_states(&facts));
    facts.iter().zip(states).map(|(f, held)| held.variant(f)).collect()
}

/// What the accumulator analysis needs to know of an instruction, computed once.
#[derive(Clone, Copy)]
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
struct Facts {
    /// What it does to the accumulators.
    effect: Effect,
    /// Its first and second source operands.
    sources: [Option<Reg>; 2],
    /// It reads its operands as floats (prefers the float accumulator).
    float: bool,
    /// Where it may branch to (a valid instruction index).
    target: Option<u32>,
    /// An unconditional branch (which passes both accumulators on when taken).
    jump: bool,
    /// The next instruction may run right after it.
    falls_through: bool,
}

/// How an instruction changes what the accumulators hold.
#[derive(Clone, Copy)]
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
enum Effect {
    /// Leaves its result register in the accumulator of the class.
    Produce(regs::Class, Reg),
    /// `Copy { dst, src }`: both registers in the integer accumulator.
    Copy(Reg, Reg),
    /// Passes both on (writes no register).
    Keep,
    /// Steps a counter, leaving it in the integer accumulator.
    Step(Reg),
    /// Anything else: nothing is known after it.
    Reset,
}

#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
impl Facts {
    fn of(i: usize, op: &Op, n: usize) -> Facts {
        let class = result_class(op);
        let effect = match (class, op.clone().dst_mut().copied()) {
            (regs::Class::Int | regs::Class::Float, Some(d)) => match *op {
                Op::Copy { dst, src } => Effect::Copy(dst, src),
                _ => Effect::Produce(class, d),
            },
            (regs::Class::None, _) if is_exec_op(op) => Effect::Keep,
            _ => match branch_writes(op) {
                Some(Some(r)) => Effect::Step(r),
                Some(None) => Effect::Keep,
                None => Effect::Reset,
            },
        };
        let mut op_copy = *op;
        let target = op_copy
            .branch_offset_mut()
            .and_then(|off| usize::try_from(i as i64 + i64::from(off.0)).ok())
            .filter(|&t| t < n)
            .map(|t| t as u32);
        Facts {
            effect,
            sources: op.sources(),
            float: op.name().starts_with('F'),
            target,
            jump: matches!(op, Op::Br { .. }),
            falls_through: !matches!(
                op,
                Op::Br { .. }
                    | Op::BrTable { .. }
                    | Op::Return
                    | Op::Return1 { .. }
                    | Op::ReturnSpan { .. }
                    | Op::Unreachable
            ),
        }
    }
}

/// What the accumulators hold when each instruction starts, for every path that reaches it: a
/// forward dataflow over the fall-through and branch edges, meeting (intersecting) at branch
/// targets, iterated until the loop back-edges agree with what their targets assumed. `None`
/// if that takes more than a few rounds.
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
fn acc_states(facts: &[Facts]) -> Option<Vec<Held>> {
    const ROUNDS: usize = 3;
    const NONE: u32 = u32::MAX;
    let n = facts.len();
    // Only branch targets meet edges: each gets a slot in the edge tables.
    let mut slot = vec![NONE; n];
    let mut targets = 0;
    for f in facts {
        if let Some(t) = f.target
            && slot[t as usize] == NONE
        {
            slot[t as usize] = targets;
            targets += 1;
        }
    }
    let targets = targets as usize;
    // What the back-edges (branches to an earlier or the same instruction) carried in the
    // previous round; `None`: nothing yet (no constraint).
    let mut back: Vec<Option<Held>> = vec![None; targets];
    let mut forward: Vec<Option<Held>> = vec![None; targets];
    let mut next_back: Vec<Option<Held>> = vec![None; targets];
    let mut states = Vec::with_capacity(n);
    let mut at_target: Vec<Held> = vec![Held::default(); targets];
    for _ in 0..ROUNDS {
        forward.fill(None);
        next_back.fill(None);
        states.clear();
        // The state falling through into the next instruction (`None` after a jump or return).
        let mut fall = Some(Held::default());
        for (i, f) in facts.iter().enumerate() {
            let mut state = fall;
            let k = slot[i];
            if k != NONE {
                Held::meet_into(&mut state, forward[k as usize]);
                Held::meet_into(&mut state, back[k as usize]);
            }
            // Reached from nowhere known (code after a jump no branch targets): assume nothing.
            let state = state.unwrap_or_default();
            if k != NONE {
                at_target[k as usize] = state;
            }
            states.push(state);
            let mut out = state;
            out.after(f.effect);
            if let Some(t) = f.target {
                // An unconditional branch passes both accumulators on as they were.
                let taken = if f.jump { state } else { out };
                let edges = if t as usize > i { &mut forward } else { &mut next_back };
                Held::meet_into(&mut edges[slot[t as usize] as usize], Some(taken));
            }
            fall = f.falls_through.then_some(out);
        }
        // A fixpoint when every back-edge carries at least what its target assumed (another
        // round would meet the same states).
        if next_back.iter().zip(&at_target).all(|(b, t)| b.as_ref().is_none_or(|b| t.within(b))) {
            return Some(states);
        }
        std::mem::swap(&mut back, &mut next_back);
    }
    None
}

/// [`acc_states`]'s fallback: followed through straight-line code only, forgotten at every
/// branch target.
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
fn straight_line_states(facts: &[Facts]) -> Vec<Held> {
    let mut targets = vec![false; facts.len()];
    for t in facts.iter().filter_map(|f| f.target) {
        targets[t as usize] = true;
    }
    let mut held = Held::default();
    let mut states = Vec::with_capacity(facts.len());
    for (f, &target) in facts.iter().zip(&targets) {
        if target {
            held = Held::default();
        }
        states.push(held);
        held.after(f.effect);
    }
    states
}

/// Up to three registers whose value an accumulator holds (`FREE` marks an empty place).
#[derive(Clone, Copy)]
struct RegSet {
    regs: [u16; 3],
}

/// An empty place in a [`RegSet`] (no frame has this many registers).
const FREE: u16 = u16::MAX;

impl Default for RegSet {
    fn default() -> RegSet {
        RegSet { regs: [FREE; 3] }
    }
}

impl RegSet {
    fn of(r: Reg) -> RegSet {
        RegSet { regs: [r.0, FREE, FREE] }
    }

    fn has(&self, r: Reg) -> bool {
        r.0 != FREE && self.regs.contains(&r.0)
    }

    fn remove(&mut self, r: Reg) {
        for slot in &mut self.regs {
            if *slot == r.0 {
                *slot = FREE;
            }
        }
    }

    fn insert(&mut self, r: Reg) {
        if !self.has(r) {
            self.regs.rotate_right(1);
            self.regs[0] = r.0;
        }
    }

    /// Keeps the registers `other` has too.
    fn meet(&mut self, other: &RegSet) {
        for slot in &mut self.regs {
            if *slot != FREE && !other.regs.contains(slot) {
                *slot = FREE;
            }
        }
    }

    /// Every register of this set is in `other`.
    fn within(&self, other: &RegSet) -> bool {
        self.regs.iter().all(|&r| r == FREE || other.regs.contains(&r))
    }
}

/// What the two accumulators hold, as the encoder follows straight-line code.
#[derive(Default, Clone, Copy)]
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
struct Held {
    int: RegSet,
    float: RegSet,
}

#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
impl Held {
    /// Meets `into` (`None`: no constraint yet) with `other`.
    fn meet_into(into: &mut Option<Held>, other: Option<Held>) {
        match (into.as_mut(), other) {
            (Some(a), Some(b)) => {
                a.int.meet(&b.int);
                a.float.meet(&b.float);
            }
            (None, b) => *into = b,
            (Some(_), None) => {}
        }
    }

    /// Whether every register this state holds, `other` holds too (in the same accumulator).
    fn within(&self, other: &Held) -> bool {
        self.int.within(&other.int) && self.float.within(&other.float)
    }

    /// The handler variant for `op`: its source operands whose values an accumulator holds.
    fn variant(&self, f: &Facts) -> u8 {
        let class_of = |r: Option<Reg>| match r {
            // Float instructions prefer the float accumulator when both hold the value.
            Some(r) if self.float.has(r) && (f.float || !self.int.has(r)) => regs::Class::Float,
            Some(r) if self.int.has(r) => regs::Class::Int,
            _ => regs::Class::None,
        };
        regs::variant(class_of(f.sources[0]), class_of(f.sources[1]))
    }

    /// What the accumulators hold after an instruction with `effect` (when the next instruction
    /// starts, or at its target).
    fn after(&mut self, effect: Effect) {
        match effect {
            Effect::Copy(d, src) => {
                // The integer accumulator holds the value of both; the float one still holds
                // whatever it held, now also `d` if it held `src`.
                let float_had_src = self.float.has(src);
                self.float.remove(d);
                if float_had_src {
                    self.float.insert(d);
                }
                self.int = RegSet::of(src);
                self.int.insert(d);
            }
            Effect::Produce(regs::Class::Float, d) => {
                self.float = RegSet::of(d);
                self.int.remove(d);
            }
            Effect::Produce(_, d) | Effect::Step(d) => {
                self.int = RegSet::of(d);
                self.float.remove(d);
            }
            Effect::Keep => {}
            Effect::Reset => *self = Held::default(),
        }
    }
}

macro_rules! result_classes {
    (
        { $( $name:ident { $($f:ident),* } => |$r:ident, $m:ident| $body:expr ),* $(,)? }
        { $( $bname:ident { $($bf:ident),* } => |$br:ident| $cond:expr ),* $(,)? }
    ) => {
        /// Which accumulator `op` leaves its result in (derived from the setter its semantics
        /// call, so it cannot disagree with the handler).
        #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
        fn result_class(op: &Op) -> regs::Class {
            #[allow(unused_variables, clippy::redundant_closure_call)]
            match *op {
                $( Op::$name { $($f),* } => regs::class_of(move |$r: &mut regs::View, $m: Mem| Ok($body)), )*
                _ => regs::Class::None,
            }
        }

        /// Whether `op` is one of the register/memory instructions (`for_each_exec_op!`).
        #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
        fn is_exec_op(op: &Op) -> bool {
            matches!(op, $( Op::$name { .. } )|*)
        }

        /// For a conditional branch that only reads registers, or also steps one: `Some` of the
        /// register it writes. `None` for every other instruction.
        #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
        fn branch_writes(op: &Op) -> Option<Option<Reg>> {
            #[allow(unused_variables)]
            match *op {
                Op::BrIfNez { .. } | Op::BrIfEqz { .. } => Some(None),
                $( Op::$bname { $($bf,)* .. } => Some(written_reg!($($bf $bf),*)), )*
                _ => None,
            }
        }
    };
}

/// The field named `reg` (a counter the instruction steps), if there is one; each field is given
/// twice (matched by name, then used).
macro_rules! written_reg {
    () => {
        None
    };
    (reg $r:ident $(, $f:ident $g:ident)*) => {
        Some($r)
    };
    ($x:ident $y:ident $(, $f:ident $g:ident)*) => {
        written_reg!($($f $g),*)
    };
}
for_each_exec_op!(result_classes);

/// The instructions of encoded code, with branch offsets back in instructions (for disassembly).
pub(crate) fn decode(code: &[Slot]) -> Vec<Op> {
    code.iter()
        .map(|slot| {
            let mut op = slot.op;
            if let Some(off) = op.branch_offset_mut() {
                off.0 /= SLOT;
            }
            op
        })
        .collect()
}

/// Functions with at most this many parameters, locals and constants are `small`: the call fast
/// path ([`Ctx::enter_fast`]) sets up their frames with fixed-length copies.
pub(crate) const SMALL_PARAMS: usize = 3;
/// See [`SMALL_PARAMS`].
pub(crate) const SMALL_LOCALS: usize = 8;
/// See [`SMALL_PARAMS`].
pub(crate) const SMALL_CONSTS: usize = 3;
/// Cells the value stack keeps free above a frame entered by the fast path (they absorb its
/// fixed-length copies).
const SLACK: usize = SMALL_PARAMS + SMALL_LOCALS;

/// How deep host functions may call back into Wasm.
const MAX_REENTRY: u32 = 200;

/// Which dispatcher this build uses: `"tail-call"` or `"loop"`.
pub fn dispatch_mode() -> &'static str {
    if cfg!(hayate_tail_calls) { "tail-call" } else { "loop" }
}

/// A suspended caller, restored on return.
#[derive(Debug, Clone, Copy)]
pub(super) struct Frame {
    ret_ip: *const Slot,
    /// The caller's frame base in the value stack.
    base: usize,
    /// Where, relative to the caller's base, the results go.
    results: u16,
    /// The caller's instance and function index in its module (for backtraces).
    instance: u32,
    func: u32,
    frame_size: u32,
}

/// Why execution stopped early.
pub(super) enum Stop {
    Trap(TrapCode),
    Error(Error),
}

impl From<TrapCode> for Stop {
    fn from(code: TrapCode) -> Self {
        Stop::Trap(code)
    }
}

/// Calls a host function through the store's concrete type.
type HostCall = unsafe fn(cx: &mut Ctx, func: u32, index: u32, args: Reg) -> Result<()>;

/// Everything about a running call except what the dispatcher keeps in registers (instruction
/// pointer, frame registers, memory).
pub(super) struct Ctx {
    store: *mut StoreInner,
    host_store: *mut (),
    host: HostCall,
    stack: Vec<u64>,
    frames: Vec<Frame>,
    inst: *const InstanceEntity,
    /// The running instance's module's defined functions (for the call fast path).
    code: *const crate::module::FuncCode,
    inst_idx: u32,
    cur_func: u32,
    frame_size: u32,
    base: usize,
    max_depth: usize,
    /// `frames` may grow to this length without reallocating or passing `max_depth`.
    frame_limit: usize,
    max_cells: usize,
    /// The length of the memory view last taken with [`Ctx::memory`] (the tail-call handlers read
    /// it from here rather than keep it in a register).
    mem_len: usize,
    /// Set when execution stops: `None` after a normal return.
    stop: Option<Stop>,
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
                let mem = Mem { ptr: data.as_mut_ptr(), len: data.len() };
                self.mem_len = mem.len;
                mem
            }
            None => {
                self.mem_len = 0;
                Mem { ptr: ptr::null_mut(), len: 0 }
            }
        }
    }

    fn set_instance(&mut self, instance: u32) {
        self.inst_idx = instance;
        self.inst = &self.store().instances[instance as usize];
        self.code = self.inst().module.code.as_ptr();
    }

    fn regs_at(&mut self, base: usize) -> Regs {
        // SAFETY: `base` is the start of a frame inside the stack.
        Regs(unsafe { self.stack.as_mut_ptr().add(base) })
    }

    /// The running function as a suspended caller that resumes at `ret_ip` and receives results
    /// at `results`.
    #[inline(always)]
    fn caller_frame(&self, ret_ip: *const Slot, results: Reg) -> Frame {
        Frame {
            ret_ip,
            base: self.base,
            results: results.0,
            instance: self.inst_idx,
            func: self.cur_func,
            frame_size: self.frame_size,
        }
    }

    /// Pushes the current frame and enters `code`, defined function `func` of `instance`, whose
    /// arguments are at `args` of the current frame. Returns the callee's registers.
    #[inline(always)]
    fn enter(
        &mut self,
        code: &CompiledFunc,
        instance: u32,
        func: u32,
        args: Reg,
        ret_ip: *const Slot,
    ) -> Result<Regs, TrapCode> {
        if self.frames.len() >= self.max_depth {
            return Err(TrapCode::StackOverflow);
        }
        let new_base = self.base + self.frame_size as usize;
        let needed = new_base + code.frame_size as usize;
        if needed > self.stack.len() && !grow_stack(&mut self.stack, needed, self.max_cells) {
            return Err(TrapCode::StackOverflow);
        }
        // SAFETY: the stack holds the caller's frame (which contains the arguments) and the
        // callee's, which starts at `new_base`; they do not overlap.
        unsafe {
            let p = self.stack.as_mut_ptr();
            copy_cells(p.add(self.base + usize::from(args.0)), p.add(new_base), usize::from(code.num_params));
            init_frame(p.add(new_base), code);
        }
        self.frames.push(self.caller_frame(ret_ip, args));
        self.frame_limit = self.frames.capacity().min(self.max_depth);
        self.base = new_base;
        self.frame_size = code.frame_size;
        self.cur_func = func;
        if instance != self.inst_idx {
            self.set_instance(instance);
        }
        Ok(self.regs_at(new_base))
    }

    /// The common case of [`enter`](Self::enter) for a call within the instance, without a call
    /// to `memcpy`/`memset` or a reallocation: `None` when the callee has many parameters or
    /// locals, or the frame or value stack would have to grow (the caller then takes `enter`).
    #[inline(always)]
    #[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
    fn enter_fast(&mut self, code: &CompiledFunc, func: u32, args: Reg, ret_ip: *const Slot) -> Option<Regs> {
        let depth = self.frames.len();
        let new_base = self.base + self.frame_size as usize;
        if !code.small || depth >= self.frame_limit || new_base + code.frame_size as usize + SLACK > self.stack.len() {
            return None;
        }
        // SAFETY: the caller's frame (with the arguments) ends at `new_base`; the callee's frame
        // plus `SLACK` cells fit in the stack (checked above), so every cell touched here is
        // inside it. Parameters are copied as `SMALL_PARAMS` cells and locals zeroed as
        // `SMALL_LOCALS` cells whatever their number (`code.small`): the extra cells read are
        // stack cells, and the extra cells written are the callee's temporaries, constants
        // (written afterwards) or slack, none live. `depth < capacity`, so the frame write is in
        // bounds.
        unsafe {
            let p = self.stack.as_mut_ptr();
            let callee = p.add(new_base);
            let src = p.add(self.base + usize::from(args.0));
            for i in 0..SMALL_PARAMS {
                *callee.add(i) = *src.add(i);
            }
            let locals = callee.add(usize::from(code.num_params));
            for i in 0..SMALL_LOCALS {
                *locals.add(i) = 0;
            }
            // At most `SMALL_CONSTS` (3) constants, copied without a call to `memcpy`.
            let (consts, n) = (code.consts.as_ptr(), code.consts.len());
            let dst = callee.add(usize::from(code.const_base));
            if n > 0 {
                *dst = *consts;
                if n > 1 {
                    *dst.add(1) = *consts.add(1);
                    if n > 2 {
                        *dst.add(2) = *consts.add(2);
                    }
                }
            }
            self.frames.as_mut_ptr().add(depth).write(self.caller_frame(ret_ip, args));
            self.frames.set_len(depth + 1);
            self.base = new_base;
            self.frame_size = code.frame_size;
            self.cur_func = func;
            Some(Regs(callee))
        }
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
                self.frame_size = f.frame_size;
                self.cur_func = f.func;
                let changed = f.instance != self.inst_idx;
                if changed {
                    self.set_instance(f.instance);
                }
                Some((f.ret_ip, self.regs_at(f.base), changed))
            }
        }
    }

    /// Calls store function `f` with arguments at `args`.
    #[inline(always)]
    fn call_func(&mut self, f: u32, args: Reg, ret_ip: *const Slot) -> Result<Called, Stop> {
        match self.store().funcs[f as usize] {
            FuncEntity::Wasm { instance, index, .. } => {
                let module: *const crate::module::ModuleInner = &*self.store().instances[instance as usize].module;
                // SAFETY: the module lives behind an `Arc` held by an instance of the store.
                let code = unsafe { &*module }.compiled(index).map_err(Stop::Error)?;
                let regs = self.enter(code, instance, index, args, ret_ip)?;
                Ok(Called::Wasm(code.ops.as_ptr(), regs))
            }
            FuncEntity::Host { index, .. } => {
                // SAFETY: `host` is the trampoline for the store's data type, set by `call`.
                unsafe { (self.host)(self, f, index, args) }.map_err(|e| match e.as_trap() {
                    Some(t) if t.backtrace().is_empty() => Stop::Trap(t.code()),
                    _ => Stop::Error(e),
                })?;
                Ok(Called::Host)
            }
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
        self.call_func(f, args, ret_ip)
    }

    /// `ConsumeFuel`.
    #[inline(always)]
    fn consume_fuel(&mut self, amount: u32) -> Result<(), TrapCode> {
        let fuel = &mut self.store().fuel;
        match fuel.checked_sub(u64::from(amount)) {
            Some(left) => {
                *fuel = left;
                Ok(())
            }
            None => Err(TrapCode::OutOfFuel),
        }
    }

    /// `CheckInterrupt`: consumes a pending interrupt request.
    #[inline(always)]
    fn check_interrupt(&mut self) -> Result<(), TrapCode> {
        let flag = &self.store().interrupt;
        if flag.load(std::sync::atomic::Ordering::Relaxed) && flag.swap(false, std::sync::atomic::Ordering::Relaxed) {
            return Err(TrapCode::Interrupted);
        }
        Ok(())
    }

    /// `global.get`.
    #[inline(always)]
    fn global_get(&mut self, global: u32) -> u64 {
        let g = self.inst().globals[global as usize];
        self.store().globals[g as usize].value
    }

    /// `global.set`.
    #[inline(always)]
    fn global_set(&mut self, global: u32, value: u64) {
        let g = self.inst().globals[global as usize];
        self.store().globals[g as usize].value = value;
    }

    /// The instructions that reach into the store (tables, segments, memory size and growth,
    /// function references). `next` is the instruction after `op` (`TableInit` reads its table
    /// there). After any of them the dispatcher reloads its memory view.
    #[inline(never)]
    fn store_op(&mut self, r: Regs, op: &Op, next: &Op) -> Result<(), TrapCode> {
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
                let (d, s, n) = (r.u32(dst) as usize, r.u32(src) as usize, r.u32(len) as usize);
                let inst = &store.instances[inst_idx];
                let seg = &inst.datas[data as usize];
                let mem = &mut store.memories[inst.memories[0] as usize].data;
                let (Some(from), true) = (seg.get(s..s + n), d + n <= mem.len()) else {
                    return Err(TrapCode::MemoryOutOfBounds);
                };
                mem[d..d + n].copy_from_slice(from);
            }
            Op::DataDrop { data } => store.instances[inst_idx].datas[data as usize] = Arc::new([]),
            Op::TableGet { dst, index, table } => {
                let t = table_of(store, table);
                r.set(dst, *store.tables[t].elems.get(r.u32(index) as usize).ok_or(TrapCode::TableOutOfBounds)?);
            }
            Op::TableSet { index, val, table } => {
                let t = table_of(store, table);
                *store.tables[t].elems.get_mut(r.u32(index) as usize).ok_or(TrapCode::TableOutOfBounds)? = r.get(val);
            }
            Op::TableSize { dst, table } => {
                let t = table_of(store, table);
                r.set(dst, store.tables[t].elems.len() as u64);
            }
            Op::TableGrow { dst, init, delta, table } => {
                let t = table_of(store, table);
                let old = store.tables[t].grow(u64::from(r.u32(delta)), r.get(init));
                r.set_u32(dst, old.map_or(u32::MAX, |o| o as u32));
            }
            Op::TableFill { dst, val, len, table } => {
                let t = table_of(store, table);
                let (d, n) = (r.u32(dst) as usize, r.u32(len) as usize);
                store.tables[t].elems.get_mut(d..d + n).ok_or(TrapCode::TableOutOfBounds)?.fill(r.get(val));
            }
            Op::TableCopy { dst, src, len, dst_table, src_table } => {
                let (dt, st) = (table_of(store, u32::from(dst_table)), table_of(store, u32::from(src_table)));
                let (d, s, n) = (r.u32(dst) as usize, r.u32(src) as usize, r.u32(len) as usize);
                if s + n > store.tables[st].elems.len() || d + n > store.tables[dt].elems.len() {
                    return Err(TrapCode::TableOutOfBounds);
                }
                if dt == st {
                    store.tables[dt].elems.copy_within(s..s + n, d);
                } else {
                    let items: Vec<u64> = store.tables[st].elems[s..s + n].to_vec();
                    store.tables[dt].elems[d..d + n].copy_from_slice(&items);
                }
            }
            Op::TableInit { dst, src, len, elem } => {
                let Op::Imm32 { value: table } = *next else { unreachable!("TableInit without its table operand") };
                let t = table_of(store, table);
                let (d, s, n) = (r.u32(dst) as usize, r.u32(src) as usize, r.u32(len) as usize);
                let seg = &store.instances[inst_idx].elems[elem as usize];
                let (Some(items), true) = (seg.get(s..s + n), d + n <= store.tables[t].elems.len()) else {
                    return Err(TrapCode::TableOutOfBounds);
                };
                let items = items.to_vec();
                store.tables[t].elems[d..d + n].copy_from_slice(&items);
            }
            Op::ElemDrop { elem } => store.instances[inst_idx].elems[elem as usize] = Box::new([]),
            _ => unreachable!("not a store instruction: {}", op.name()),
        }
        Ok(())
    }
}

/// Zeroes a new frame's locals and copies in its constants; the arguments are already there.
///
/// # Safety
/// `frame` must point at `code.frame_size` cells.
#[inline(always)]
unsafe fn init_frame(frame: *mut u64, code: &CompiledFunc) {
    // SAFETY: locals and constants lie inside the frame, which the caller guarantees.
    unsafe {
        let locals = frame.add(usize::from(code.num_params));
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
    match store.inner.funcs[func as usize] {
        FuncEntity::Host { index, .. } => call_host(store, func, index, None, cells),
        FuncEntity::Wasm { instance, index, .. } => {
            if store.inner.reentry >= MAX_REENTRY {
                return Err(Error::trap(TrapCode::StackOverflow));
            }
            let config = store.inner.engine.config();
            let (max_depth, max_cells) = (config.max_call_depth, config.max_stack_cells);
            let stack = store.inner.stacks.pop().unwrap_or_default();
            store.inner.reentry += 1;
            let mut cx = Ctx {
                store: &mut store.inner,
                host_store: store as *mut Store<T> as *mut (),
                host: host_trampoline::<T>,
                stack,
                frames: Vec::new(),
                inst: ptr::null(),
                code: ptr::null(),
                inst_idx: instance,
                cur_func: index,
                frame_size: 0,
                base: 0,
                max_depth,
                frame_limit: 0,
                mem_len: 0,
                max_cells,
                stop: None,
            };
            let result = run(&mut cx, instance, index, cells);
            let mut stack = cx.stack;
            stack.clear();
            store.inner.reentry -= 1;
            store.inner.stacks.push(stack);
            result
        }
    }
}

/// Sets up the entry frame, dispatches, and turns the outcome into a result.
fn run(cx: &mut Ctx, instance: u32, func: u32, cells: &mut [u64]) -> Result<()> {
    cx.set_instance(instance);
    let module: *const crate::module::ModuleInner = &*cx.inst().module;
    // SAFETY: the module lives behind an `Arc` held by the instance, which the store keeps.
    let code: &CompiledFunc = unsafe { &*module }.compiled(func)?;
    let needed = (code.frame_size as usize).max(cells.len());
    if needed > cx.stack.len() && !grow_stack(&mut cx.stack, needed, cx.max_cells) {
        return Err(Error::trap(TrapCode::StackOverflow));
    }
    let n = usize::from(code.num_params);
    cx.stack[..n].copy_from_slice(&cells[..n]);
    // SAFETY: the stack was just grown to hold the frame.
    unsafe { init_frame(cx.stack.as_mut_ptr(), code) };
    cx.frame_size = code.frame_size;
    let regs = cx.regs_at(0);
    let mem = cx.memory();
    // SAFETY: the entry frame is set up for `code`, whose instructions the dispatcher runs.
    unsafe {
        #[cfg(hayate_tail_calls)]
        threaded::run(cx, code.ops.as_ptr(), regs, mem);
        #[cfg(not(hayate_tail_calls))]
        looped::run(cx, code.ops.as_ptr(), regs, mem);
    }
    match cx.stop.take() {
        None => {
            cells.copy_from_slice(&cx.stack[..cells.len()]);
            Ok(())
        }
        Some(Stop::Trap(code)) => Err(backtrace_trap(cx, code)),
        Some(Stop::Error(e)) => Err(e),
    }
}

/// Calls a host function for the dispatchers: arguments from and results to the registers at
/// `args`, through the store's concrete type.
///
/// # Safety
/// `cx.host_store` must point at the `Store<T>` that owns `cx.store`.
unsafe fn host_trampoline<T>(cx: &mut Ctx, func: u32, index: u32, args: Reg) -> Result<()> {
    // SAFETY: guaranteed by the caller; the dispatcher holds no reference into the store now.
    let store = unsafe { &mut *(cx.host_store as *mut Store<T>) };
    let ty = store.inner.func_type(func);
    let n = ty.params().len().max(ty.results().len());
    let regs = cx.regs_at(cx.base);
    let mut cells: smallvec::SmallVec<[u64; 16]> = smallvec::smallvec![0; n];
    for (i, c) in cells.iter_mut().enumerate().take(ty.params().len()) {
        *c = regs.get(Reg(args.0 + i as u16));
    }
    let result = call_host(store, func, index, Some(cx.inst_idx), &mut cells);
    // The host may have created instances or globals: re-derive what we point at.
    cx.set_instance(cx.inst_idx);
    result?;
    for (i, c) in cells.iter().enumerate().take(ty.results().len()) {
        regs.set(Reg(args.0 + i as u16), *c);
    }
    Ok(())
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

/// A trap error with the backtrace of the active frames, innermost first.
fn backtrace_trap(cx: &mut Ctx, code: TrapCode) -> Error {
    let current = (cx.inst_idx, cx.cur_func);
    // SAFETY: as in `Ctx::store`; only read here.
    let store = unsafe { &*cx.store };
    let info = |(instance, func): (u32, u32)| {
        let module = &store.instances[instance as usize].module;
        let index = module.num_imported_funcs + func;
        FrameInfo { func_index: index, func_name: module.func_name(index).map(str::to_string) }
    };
    let mut backtrace = vec![info(current)];
    backtrace.extend(cx.frames.iter().rev().map(|f| info((f.instance, f.func))));
    Error::from(Trap::with_backtrace(code, backtrace))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rr(dst: u16, lhs: u16, rhs: u16) -> (Reg, Reg, Reg) {
        (Reg(dst), Reg(lhs), Reg(rhs))
    }

    /// The variant of `op` right after `prev` alone.
    fn acc_variant(prev: &Op, op: &Op) -> u8 {
        acc_variants(&[*prev, *op])[1]
    }

    #[test]
    fn accumulator_variants_follow_the_producer() {
        let (dst, lhs, rhs) = rr(3, 0, 1);
        let f64_add = Op::F64Add { dst, lhs, rhs };
        // f64 results are read from the float accumulator: both operands, or just the second.
        assert_eq!(acc_variant(&f64_add, &Op::F64Mul { dst: Reg(4), lhs: Reg(3), rhs: Reg(3) }), 6);
        assert_eq!(acc_variant(&f64_add, &Op::F64Sub { dst: Reg(4), lhs: Reg(0), rhs: Reg(3) }), 4);
        assert_eq!(acc_variant(&f64_add, &Op::F64Sub { dst: Reg(4), lhs: Reg(3), rhs: Reg(0) }), 2);
        // integer results: load and store addresses, store values, branch conditions.
        let i32_add = Op::I32AddRR { dst: Reg(5), lhs, rhs };
        assert_eq!(acc_variant(&i32_add, &Op::I32Load { dst: Reg(6), ptr: Reg(5), offset: 0 }), 1);
        assert_eq!(acc_variant(&i32_add, &Op::I32Store { ptr: Reg(0), val: Reg(5), offset: 0 }), 3);
        let branch = Op::BrIfNez { cond: Reg(5), off: crate::ir::BranchOffset(2) };
        assert_eq!(acc_variant(&i32_add, &branch), 1);
        // f32 results travel as bits in the integer accumulator.
        let f32_add = Op::F32Add { dst, lhs, rhs };
        assert_eq!(acc_variant(&f32_add, &Op::F32Mul { dst: Reg(4), lhs: Reg(3), rhs: Reg(0) }), 1);
        // Not the previous result: the frame.
        assert_eq!(acc_variant(&i32_add, &Op::I32AddRR { dst: Reg(6), lhs: Reg(0), rhs: Reg(1) }), 0);
        // No result in an accumulator: stores, `memory.fill` (whose `dst` is an address), `Copy2`
        // (two results), calls.
        let store = Op::I32Store { ptr: Reg(5), val: Reg(5), offset: 0 };
        assert_eq!(acc_variant(&store, &Op::I32AddRR { dst: Reg(6), lhs: Reg(5), rhs: Reg(5) }), 0);
        let fill = Op::MemoryFill { dst: Reg(1), val: Reg(2), len: Reg(3) };
        assert_eq!(acc_variant(&fill, &Op::I32AddRR { dst: Reg(6), lhs: Reg(1), rhs: Reg(1) }), 0);
        let copy2 = Op::Copy2 { dst1: Reg(1), src1: Reg(2), dst2: Reg(3), src2: Reg(4) };
        assert_eq!(acc_variant(&copy2, &Op::I32AddRR { dst: Reg(6), lhs: Reg(1), rhs: Reg(3) }), 0);
        let call = Op::CallInternal { func: 0, args: Reg(5) };
        assert_eq!(acc_variant(&call, &Op::I32AddRR { dst: Reg(6), lhs: Reg(5), rhs: Reg(5) }), 0);
    }

    #[test]
    fn accumulators_are_followed_through_straight_line_code() {
        use crate::ir::BranchOffset;
        let ops = [
            Op::F64Add { dst: Reg(3), lhs: Reg(0), rhs: Reg(1) },
            // a copy of the f64: the float accumulator holds both registers now
            Op::Copy { dst: Reg(4), src: Reg(3) },
            Op::F64Mul { dst: Reg(5), lhs: Reg(4), rhs: Reg(3) },
            // a store and a compare-and-branch pass both accumulators on
            Op::I32Store { ptr: Reg(0), val: Reg(1), offset: 0 },
            Op::BrIfI32EqRR { lhs: Reg(0), rhs: Reg(1), off: BranchOffset(3) },
            Op::F64Sub { dst: Reg(6), lhs: Reg(0), rhs: Reg(5) },
            // a counter step forgets the counter
            Op::I32StepBrNeRI { reg: Reg(6), step: 1, imm: 0, off: BranchOffset(4) },
            Op::F64Add { dst: Reg(7), lhs: Reg(6), rhs: Reg(6) },
            // an instruction outside the register/memory set forgets everything
            Op::GlobalGet { dst: Reg(1), global: 0 },
            Op::F64Add { dst: Reg(8), lhs: Reg(7), rhs: Reg(7) },
            Op::Return1 { src: Reg(8) },
        ];
        let v = acc_variants(&ops);
        assert_eq!(v[2], 6, "both operands from the float accumulator after the copy");
        assert_eq!(v[5], 4, "second operand through the store and the branch");
        assert_eq!(v[7], 0, "the stepped counter is not in an accumulator");
        assert_eq!(v[9], 0, "after global.get");
        // An f64 from two instructions back and a load just before: each from its accumulator.
        let ops = [
            Op::F64Mul { dst: Reg(39), lhs: Reg(0), rhs: Reg(1) },
            Op::I64Load { dst: Reg(40), ptr: Reg(2), offset: 0 },
            Op::F64Add { dst: Reg(39), lhs: Reg(39), rhs: Reg(40) },
            Op::F64Add { dst: Reg(41), lhs: Reg(40), rhs: Reg(39) },
        ];
        assert_eq!(acc_variants(&ops)[2], 7);
        assert_eq!(acc_variants(&ops)[3], 8);
    }
}
