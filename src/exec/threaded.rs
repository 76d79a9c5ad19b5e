//! The tail-call dispatcher: every instruction has a handler with one uniform signature that
//! ends by calling the next instruction's handler in tail position, which the optimizer turns into
//! a jump. Dispatch is then one table load and one indirect jump per instruction, at a separate
//! site for each handler (which branch predictors like), and hot state stays in argument
//! registers. `build.rs` enables this only where tail calls are reliable; a test runs a long loop
//! on a tiny native stack to catch a handler that stops tail-calling.

use super::regs::{Field, Mem, Regs, View, source_of};
use super::{Called, Ctx, Slot, Stop, acc};
use crate::code::SLOT;
use crate::error::TrapCode;
use crate::ir::{Op, Reg};
use std::hint::unreachable_unchecked;

/// The handler signature: instruction pointer, frame registers, memory base, context (which also
/// holds the memory's length, `Ctx::mem_len`),
/// and the two accumulators (the last integer and `f64` results, see [`View`]).
type Handler = unsafe fn(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64);

/// Jumps to the handler of the instruction at `$ip`.
macro_rules! next {
    ($ip:expr, $sp:expr, $mem:expr, $cx:expr, $acc:expr, $facc:expr) => {{
        let ip: *const Slot = $ip;
        // SAFETY: `ip` points at an instruction of the running function, whose handler address
        // `encode` took from `HANDLERS`.
        let handler = unsafe { handler_at(ip) };
        // SAFETY: the handler is called with the state it expects.
        return unsafe { handler(ip, $sp, $mem, $cx, $acc, $facc) };
    }};
}

/// Jumps to the target of the branch at `$ip`. The empty `asm!` keeps the optimizer from folding
/// the taken and not-taken paths into one select and one shared indirect jump.
macro_rules! taken {
    ($ip:expr, $off:expr, $sp:expr, $mem:expr, $cx:expr, $acc:expr, $facc:expr) => {{
        // SAFETY: branch offsets were resolved by the translator to instructions of this
        // function (and scaled to bytes by `encode`).
        let mut target = unsafe { $ip.byte_offset($off.0 as isize) }.expose_provenance();
        // SAFETY: an empty asm statement that leaves `target` as it is.
        unsafe { std::arch::asm!("/* taken {0} */", inout(reg) target, options(nomem, nostack, preserves_flags)) };
        next!(std::ptr::with_exposed_provenance(target), $sp, $mem, $cx, $acc, $facc)
    }};
}

/// Goes on at `$past`, the instruction after a check point that was passed without dispatching
/// it. The empty `asm!` keeps the two jumps (passed and not) apart, as in [`taken!`].
macro_rules! passed {
    ($past:expr, $sp:expr, $mem:expr, $cx:expr, $acc:expr, $facc:expr) => {{
        let past: *const Slot = $past;
        let mut past = past.expose_provenance();
        // SAFETY: an empty asm statement that leaves `past` as it is.
        unsafe { std::arch::asm!("/* passed {0} */", inout(reg) past, options(nomem, nostack, preserves_flags)) };
        next!(std::ptr::with_exposed_provenance(past), $sp, $mem, $cx, $acc, $facc)
    }};
}

/// Takes the branch at `$ip` in handler variant `$v`: with [`FUEL_TARGET`] or
/// [`INTERRUPT_TARGET`] it passes the check point (fuel, interrupt) at the target itself, and
/// dispatches it only if it does not pass (to trap, or to answer a sample request); otherwise as
/// [`taken!`]. Passing takes a branch of its own (not a select of the next address), so the next
/// instruction's address never waits for the fuel or the interrupt flag to be loaded.
macro_rules! taken_v {
    ($v:expr, $ip:expr, $off:expr, $sp:expr, $mem:expr, $cx:expr, $acc:expr, $facc:expr) => {{
        if $v & CHECKED != 0 {
            // `encode` gives these variants only to branches whose target is a `ConsumeFuel`
            // (`FUEL_TARGET`, its amount beside the branch in `aux`) or a `CheckInterrupt`.
            let passes = if $v & FUEL_TARGET != 0 {
                // SAFETY: `cx` is the live context and `ip` the running instruction.
                unsafe { (*$cx).charge((*$ip).aux) }
            } else {
                // SAFETY: `cx` is the live context.
                unsafe { (*$cx).no_requests() }
            };
            if passes {
                // SAFETY: the instruction after the target (as in `taken!`), which exists: a
                // check point is never the last instruction.
                let past = unsafe { past_target($ip, $off.0) };
                passed!(past, $sp, $mem, $cx, $acc, $facc)
            }
        }
        taken!($ip, $off, $sp, $mem, $cx, $acc, $facc)
    }};
}

/// The instruction after the target of the branch at `ip` whose offset is `off` bytes: on x86-64
/// one `lea` (LLVM's tuning splits the three-operand sum into two `add`s, one more instruction on
/// every charging back edge).
///
/// # Safety
/// The result must be an instruction of the function `ip` is in.
#[inline(always)]
unsafe fn past_target(ip: *const Slot, off: i32) -> *const Slot {
    #[cfg(target_arch = "x86_64")]
    {
        let past: usize;
        // SAFETY: address arithmetic on registers only; the result is an instruction (the caller's
        // guarantee), with the provenance `ip` exposes.
        unsafe {
            std::arch::asm!(
                "lea {past}, [{ip} + {off} + {slot}]",
                ip = in(reg) ip.expose_provenance(),
                off = in(reg) off as isize,
                slot = const SLOT,
                past = lateout(reg) past,
                options(pure, nomem, nostack, preserves_flags),
            );
        }
        std::ptr::with_exposed_provenance(past)
    }
    // SAFETY: guaranteed by the caller.
    #[cfg(not(target_arch = "x86_64"))]
    unsafe {
        ip.byte_offset(off as isize + SLOT as isize)
    }
}

/// Enters a called function at `$entry` in handler variant `$v`: with [`FUEL_TARGET`] or
/// [`INTERRUPT_TARGET`] the call passes the check point its callee starts with itself (as
/// [`taken_v!`] does for a branch) and dispatches it only if it does not pass or is not there;
/// otherwise the callee's first instruction runs. Accumulators start empty in the callee.
macro_rules! entered {
    ($v:expr, $entry:expr, $sp:expr, $mem:expr, $cx:expr) => {{
        let entry: *const Slot = $entry;
        if $v & CHECKED != 0 {
            // SAFETY: `entry` is the callee's first instruction and `cx` the live context.
            let passes = unsafe {
                match (*entry).op {
                    Op::ConsumeFuel { amount } if $v & FUEL_TARGET != 0 => (*$cx).charge(amount),
                    Op::CheckInterrupt if $v & INTERRUPT_TARGET != 0 => (*$cx).no_requests(),
                    _ => false,
                }
            };
            if passes {
                // SAFETY: a check point is never the last instruction.
                let past = unsafe { entry.add(1) };
                passed!(past, $sp, $mem, $cx, 0, 0.0)
            }
        }
        next!(entry, $sp, $mem, $cx, 0, 0.0)
    }};
}

/// Handler variant bit: the branch's target is a `ConsumeFuel` (a function entry or loop head),
/// which the branch charges itself when taken instead of dispatching it, so a metered loop costs
/// no extra dispatch per iteration. Combined with any accumulator variant.
pub(super) const FUEL_TARGET: u8 = 16;
/// Handler variant bit: as [`FUEL_TARGET`] for a target that is a `CheckInterrupt`.
pub(super) const INTERRUPT_TARGET: u8 = 32;
/// The variant bits of a branch whose target is a check point.
pub(super) const CHECKED: u8 = FUEL_TARGET | INTERRUPT_TARGET;

/// Binds the fields of the instruction at `$ip`, which is known to be a `$name`.
macro_rules! fields {
    ($ip:expr, $name:ident { $($f:ident $(: $bind:ident)?),* }) => {
        // SAFETY: a handler is only reached through its own variant's tag.
        let Op::$name { $($f $(: $bind)?),* } = (unsafe { (*$ip).op }) else { unsafe { unreachable_unchecked() } };
    };
}

/// Runs from `ip` until the entry function returns or execution stops; the outcome is left in
/// `cx.stop`.
///
/// # Safety
/// `ip` must be an instruction of the function whose frame `regs` is, set up in `cx`, where
/// execution may start: its first or one after a call (with empty accumulators), or a check point
/// (whose accumulators are reloaded).
pub(super) unsafe fn run(cx: &mut Ctx, ip: *const Slot, regs: Regs, mem: Mem) {
    // SAFETY: `ip` is an encoded instruction; see `next!`.
    let (handler, slot) = unsafe { (handler_at(ip), &*ip) };
    // At a check point the code expects the accumulators to hold what they held when it was
    // reached (`Slot::aux`); anywhere else execution may start, nothing.
    let (acc, facc) = match slot.op {
        Op::ConsumeFuel { .. } | Op::CheckInterrupt => acc::reload(slot.aux, regs),
        _ => (0, 0.0),
    };
    // SAFETY: guaranteed by the caller.
    unsafe { handler(ip, regs.0, mem.ptr, cx, acc, facc) }
}

/// The handler of the instruction at `ip`.
///
/// # Safety
/// `ip` must point at a [`Slot`] made by [`encode`](super::encode) in this build.
#[inline(always)]
unsafe fn handler_at(ip: *const Slot) -> Handler {
    // SAFETY: `handler` is the address of a `Handler` (see `handler_address`), exposed there.
    unsafe { std::mem::transmute::<*const (), Handler>(std::ptr::with_exposed_provenance((*ip).handler)) }
}

/// The address of `op`'s handler in accumulator variant `v` (0: operands from the frame), stored
/// next to it by [`encode`](super::encode).
pub(super) fn handler_address(op: &Op, v: u8) -> usize {
    if v != 0
        && let Some(h) = h::variant(op, v)
    {
        return h as usize;
    }
    #[cfg(target_arch = "x86_64")]
    if let Some(h) = h::ssse3(op) {
        return h as usize;
    }
    // SAFETY: `Op` is `repr(u16)`, so its first two bytes are the tag, the variant's position in
    // the op list, which is also its index in `HANDLERS`.
    let tag = unsafe { *(op as *const Op as *const u16) };
    HANDLERS[usize::from(tag)] as usize
}

/// The handler of a call of a defined function (`CallInternal`, `CallIndirect`,
/// `ReturnCallInternal`) in variant `check`: with [`FUEL_TARGET`] or [`INTERRUPT_TARGET`] (the
/// kind of check point the module's functions start with, the same for all of them) the call
/// passes its callee's entry check point itself, so a metered call costs no extra dispatch; a
/// `CallInternal` whose callee is known `not_small` skips the small-frame path. `None` for any
/// other instruction, and for the plain variants of these (their handlers are in `HANDLERS`).
pub(super) fn call_handler(op: &Op, check: u8, not_small: bool) -> Option<usize> {
    macro_rules! pick {
        ($h:ident) => {
            match check {
                FUEL_TARGET => h::$h::<FUEL_TARGET>,
                INTERRUPT_TARGET => h::$h::<INTERRUPT_TARGET>,
                _ => h::$h::<0>,
            }
        };
    }
    let h: Handler = match op {
        Op::CallInternal { .. } if not_small => pick!(call_internal_not_small),
        _ if check == 0 => return None,
        Op::CallInternal { .. } => pick!(call_internal),
        Op::CallIndirect { .. } => pick!(call_indirect),
        Op::ReturnCallInternal { .. } => pick!(return_call_internal),
        _ => return None,
    };
    Some(h as usize)
}

/// The length of the memory whose base the handlers carry.
#[inline(always)]
fn mem_len(cx: *mut Ctx) -> usize {
    // SAFETY: `cx` is the live context passed down the handler chain; `mem_len` was set with the
    // memory base (`Ctx::memory`).
    unsafe { (*cx).mem_len }
}

/// [`Mem::bound`] of the memory whose base the handlers carry.
#[inline(always)]
fn mem_bound(cx: *mut Ctx) -> isize {
    // SAFETY: as in `mem_len`.
    unsafe { (*cx).mem_bound }
}

// Never inlined: a handler's trap path is then one tail jump, and the handler needs no register
// saved on its hot path.
#[cold]
#[inline(never)]
fn trap(cx: *mut Ctx, code: TrapCode) {
    // SAFETY: `cx` is the live context passed down the handler chain.
    unsafe { (*cx).stop = Some(Stop::Trap(code)) }
}

#[cold]
#[inline(never)]
fn stop(cx: *mut Ctx, stop: Stop) {
    // SAFETY: as in `trap`.
    unsafe { (*cx).stop = Some(stop) }
}

/// The handlers, named after their instructions so the table can be derived from the op list.
#[allow(non_snake_case)]
mod h {
    use super::*;

    macro_rules! exec_handlers {
        (
            { $( $name:ident { $($f:ident),* } => |$r:ident, $m:ident| $body:expr ),* $(,)? }
            { $( $bname:ident { $($bf:ident),* } => |$br:ident| $cond:expr ),* $(,)? }
            { $( $lname:ident { $($lf:ident),* } => |$lr:ident, $lm:ident| $lcond:expr ),* $(,)? }
            { $( $sname:ident { $($sf:ident),* } => |$sr:ident, $sm:ident| $sbody:expr ),* $(,)? }
        ) => {
            $(
                /// A SIMD instruction's handler (one variant: its operands come from the frame).
                pub(super) unsafe fn $sname(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
                    fields!(ip, $sname { $($sf),* });
                    #[allow(unused_variables, unused_mut)]
                    let (mut $sr, $sm) = (View::new(sp, acc, facc), Mem { ptr: mem, len: mem_len(cx), bound: mem_bound(cx) });
                    #[allow(clippy::redundant_closure_call)]
                    let result = (|| Ok::<_, TrapCode>($sbody))();
                    if let Err(code) = result {
                        return trap(cx, code);
                    }
                    // SAFETY: a fall-through instruction is never the last of its function.
                    next!(unsafe { ip.add(1) }, sp, mem, cx, $sr.acc, $sr.facc)
                }
            )*
            /// The handlers of the register/memory instructions, one per accumulator variant `V`.
            pub(super) mod g {
                use super::*;
                $(
                    pub(in super::super) unsafe fn $name<const V: u8>(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
                        fields!(ip, $name { $($f),* });
                        $( let $f = Field::shadow($f, source_of(crate::ir::decl::$name::$f.source, V)); )*
                        #[allow(unused_variables, unused_mut)]
                        let (mut $r, $m) = (View::new(sp, acc, facc), Mem { ptr: mem, len: mem_len(cx), bound: mem_bound(cx) });
                        #[allow(clippy::redundant_closure_call)]
                        let result = (|| Ok::<_, TrapCode>($body))();
                        if let Err(code) = result {
                            return trap(cx, code);
                        }
                        // SAFETY: a fall-through instruction is never the last of its function.
                        next!(unsafe { ip.add(1) }, sp, mem, cx, $r.acc, $r.facc)
                    }
                )*
                $(
                    pub(in super::super) unsafe fn $bname<const V: u8>(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
                        fields!(ip, $bname { $($bf,)* off });
                        $( let $bf = Field::shadow($bf, source_of(crate::ir::decl::$bname::$bf.source, V & !CHECKED)); )*
                        #[allow(unused_mut)]
                        let mut $br = View::new(sp, acc, facc);
                        // Two separate jumps (taken and not taken), each with a stable target, predict far
                        // better than one jump to a computed address.
                        if $cond {
                            taken_v!(V, ip, off, sp, mem, cx, $br.acc, $br.facc)
                        }
                        // SAFETY: a conditional branch is never the last instruction.
                        next!(unsafe { ip.add(1) }, sp, mem, cx, $br.acc, $br.facc)
                    }
                )*
                $(
                    pub(in super::super) unsafe fn $lname<const V: u8>(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
                        fields!(ip, $lname { $($lf,)* off });
                        $( let $lf = Field::shadow($lf, source_of(crate::ir::decl::$lname::$lf.source, V & !CHECKED)); )*
                        #[allow(unused_mut)]
                        let (mut $lr, $lm) = (View::new(sp, acc, facc), Mem { ptr: mem, len: mem_len(cx), bound: mem_bound(cx) });
                        #[allow(clippy::redundant_closure_call)]
                        match (|| Ok::<bool, TrapCode>($lcond))() {
                            Err(code) => return trap(cx, code),
                            Ok(true) => taken_v!(V, ip, off, sp, mem, cx, $lr.acc, $lr.facc),
                            // SAFETY: a conditional branch is never the last instruction.
                            Ok(false) => next!(unsafe { ip.add(1) }, sp, mem, cx, $lr.acc, $lr.facc),
                        }
                    }
                )*
            }
            $(
                #[allow(non_upper_case_globals)]
                pub(super) const $name: Handler = g::$name::<0>;
            )*
            $(
                #[allow(non_upper_case_globals)]
                pub(super) const $bname: Handler = g::$bname::<0>;
            )*
            $(
                #[allow(non_upper_case_globals)]
                pub(super) const $lname: Handler = g::$lname::<0>;
            )*

            /// The handler of `op` in accumulator variant `v` (see [`source_of`]), if `op` has
            /// variants.
            pub(super) fn variant(op: &Op, v: u8) -> Option<Handler> {
                macro_rules! pick {
                    ($h:ident) => {
                        Some(match v {
                            1 => g::$h::<1>,
                            2 => g::$h::<2>,
                            3 => g::$h::<3>,
                            4 => g::$h::<4>,
                            5 => g::$h::<5>,
                            6 => g::$h::<6>,
                            7 => g::$h::<7>,
                            8 => g::$h::<8>,
                            _ => g::$h::<0>,
                        } as Handler)
                    };
                }
                // Branches also come with `FUEL_TARGET` or `INTERRUPT_TARGET` on top of each
                // accumulator variant.
                macro_rules! pick_checked {
                    ($h:ident, $c:expr) => {
                        Some(match v & !CHECKED {
                            1 => g::$h::<{ $c | 1 }>,
                            2 => g::$h::<{ $c | 2 }>,
                            3 => g::$h::<{ $c | 3 }>,
                            4 => g::$h::<{ $c | 4 }>,
                            5 => g::$h::<{ $c | 5 }>,
                            6 => g::$h::<{ $c | 6 }>,
                            7 => g::$h::<{ $c | 7 }>,
                            8 => g::$h::<{ $c | 8 }>,
                            _ => g::$h::<$c>,
                        } as Handler)
                    };
                }
                macro_rules! pick_branch {
                    ($h:ident) => {
                        if v & FUEL_TARGET != 0 {
                            pick_checked!($h, FUEL_TARGET)
                        } else if v & INTERRUPT_TARGET != 0 {
                            pick_checked!($h, INTERRUPT_TARGET)
                        } else {
                            pick!($h)
                        }
                    };
                }
                match op {
                    $( Op::$name { .. } => pick!($name), )*
                    $( Op::$bname { .. } => pick_branch!($bname), )*
                    $( Op::$lname { .. } => pick_branch!($lname), )*
                    Op::Br { .. } if v & FUEL_TARGET != 0 => Some(br::<FUEL_TARGET> as Handler),
                    Op::BrIfNez { .. } if v & FUEL_TARGET != 0 => Some(br_if_nez::<FUEL_TARGET> as Handler),
                    Op::BrIfEqz { .. } if v & FUEL_TARGET != 0 => Some(br_if_eqz::<FUEL_TARGET> as Handler),
                    Op::ReturnCallSelf { .. } if v & FUEL_TARGET != 0 => Some(return_call_self::<FUEL_TARGET> as Handler),
                    Op::Br { .. } if v & INTERRUPT_TARGET != 0 => Some(br::<INTERRUPT_TARGET> as Handler),
                    Op::BrIfNez { .. } if v & INTERRUPT_TARGET != 0 => Some(br_if_nez::<INTERRUPT_TARGET> as Handler),
                    Op::BrIfEqz { .. } if v & INTERRUPT_TARGET != 0 => Some(br_if_eqz::<INTERRUPT_TARGET> as Handler),
                    Op::ReturnCallSelf { .. } if v & INTERRUPT_TARGET != 0 => {
                        Some(return_call_self::<INTERRUPT_TARGET> as Handler)
                    }
                    _ => None,
                }
            }
        };
    }
    for_each_exec_op!(exec_handlers);

    /// Instructions that reach into the store; the memory view is reloaded after them.
    macro_rules! store_handlers {
        ($($name:ident),*) => {$(
            pub(super) unsafe fn $name(ip: *const Slot, sp: *mut u64, _mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
                // SAFETY: `cx` is the live context; `ip + 1` exists (it is `TableInit`'s operand or
                // the next instruction, never read for the others).
                let (c, op, next) = unsafe { (&mut *cx, &(*ip).op, &(*ip.add(1)).op) };
                if let Err(s) = c.store_op(Regs(sp), op, next) {
                    return stop(cx, s);
                }
                let mem = c.memory();
                let skip = if let Op::TableInit { .. } = op { 2 } else { 1 };
                // SAFETY: as above.
                next!(unsafe { ip.add(skip) }, sp, mem.ptr, cx, acc, facc)
            }
        )*};
    }
    store_handlers!(
        RefFunc,
        MemorySize,
        MemoryGrow,
        MemoryInit,
        DataDrop,
        TableGet,
        TableSet,
        TableSize,
        TableGrow,
        TableFill,
        TableCopy,
        TableInit,
        ElemDrop,
        MemoryLoadAt,
        MemoryStoreAt,
        MemorySizeAt,
        MemoryGrowAt,
        MemoryFillAt,
        MemoryCopyAt,
        MemoryInitAt
    );

    pub(super) unsafe fn Unreachable(
        _ip: *const Slot,
        _sp: *mut u64,
        _mem: *mut u8,
        cx: *mut Ctx,
        _acc: u64,
        _facc: f64,
    ) {
        trap(cx, TrapCode::Unreachable)
    }

    pub(super) unsafe fn Imm32(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        // Never dispatched (it is skipped by its instruction); stepping over it is harmless.
        // SAFETY: an operand is never the last instruction.
        next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
    }

    pub(super) unsafe fn ConsumeFuel(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, ConsumeFuel { amount });
        // SAFETY: `cx` is the live context.
        if unsafe { &mut *cx }.consume_fuel(amount).is_err() {
            // SAFETY: as above.
            return unsafe { &mut *cx }.out_of_fuel(ip);
        }
        // SAFETY: a checkpoint is never the last instruction of a function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
    }

    pub(super) unsafe fn CheckInterrupt(
        ip: *const Slot,
        sp: *mut u64,
        mem: *mut u8,
        cx: *mut Ctx,
        acc: u64,
        facc: f64,
    ) {
        // SAFETY: `cx` is the live context.
        if unsafe { &mut *cx }.check_interrupt().is_err() {
            // SAFETY: as above.
            return unsafe { &mut *cx }.interrupted(ip);
        }
        // SAFETY: a checkpoint is never the last instruction of a function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
    }

    #[allow(non_upper_case_globals)]
    pub(super) const Br: Handler = br::<0>;
    #[allow(non_upper_case_globals)]
    pub(super) const BrIfNez: Handler = br_if_nez::<0>;
    #[allow(non_upper_case_globals)]
    pub(super) const BrIfEqz: Handler = br_if_eqz::<0>;

    /// `Br` and the branches on an `i32` register being non-zero / zero, in variant `V` (0 or
    /// [`FUEL_TARGET`] or [`INTERRUPT_TARGET`]).
    macro_rules! plain_branches {
        ($($f:ident: $op:ident { $($field:ident),* } if |$r:ident| $cond:expr;)*) => {$(
            #[doc = concat!("`", stringify!($op), "` in variant `V` (0, [`FUEL_TARGET`] or [`INTERRUPT_TARGET`]).")]
            pub(super) unsafe fn $f<const V: u8>(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
                fields!(ip, $op { $($field,)* off });
                let $r = Regs(sp);
                if $cond {
                    taken_v!(V, ip, off, sp, mem, cx, acc, facc)
                }
                // SAFETY: a conditional branch is never the last instruction.
                next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
            }
        )*};
    }
    plain_branches! {
        br: Br {} if |_r| true;
        br_if_nez: BrIfNez { cond } if |r| r.u32(cond) != 0;
        br_if_eqz: BrIfEqz { cond } if |r| r.u32(cond) == 0;
    }

    #[allow(non_upper_case_globals)]
    pub(super) const ReturnCallSelf: Handler = return_call_self::<0>;

    /// `ReturnCallSelf` in variant `V` (0, [`FUEL_TARGET`] or [`INTERRUPT_TARGET`]): the function's registers are reused, so
    /// nothing in the context changes.
    pub(super) unsafe fn return_call_self<const V: u8>(
        ip: *const Slot,
        sp: *mut u64,
        mem: *mut u8,
        cx: *mut Ctx,
        _acc: u64,
        _facc: f64,
    ) {
        fields!(ip, ReturnCallSelf { args, params, locals, off });
        // SAFETY: the arguments are temporaries of the frame, above its parameters and locals, so
        // the ranges do not overlap and all lie inside the frame.
        unsafe { crate::exec::restart_frame(sp, args, params, locals) };
        // The first instruction runs with empty accumulators, as at a call.
        taken_v!(V, ip, off, sp, mem, cx, 0, 0.0)
    }

    pub(super) unsafe fn BrTable(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, BrTable { index, len: n });
        let i = Regs(sp).u32(index).min(n) as usize;
        // SAFETY: the table is followed by `n + 1` `Br` entries.
        unsafe { table_entry(ip, i, sp, mem, cx, acc, facc) }
    }

    pub(super) unsafe fn BrTableAddRI(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, BrTableAddRI { index, imm, len: n });
        let i = Regs(sp).u32(index).wrapping_add(imm as u32).min(n) as usize;
        // SAFETY: the table is followed by `n + 1` `Br` entries.
        unsafe { table_entry(ip, i, sp, mem, cx, acc, facc) }
    }

    pub(super) unsafe fn BrToTable(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, BrToTable { off });
        // SAFETY: translation makes `off` lead to a `BrTableAddRI` of the same function
        // (`translate::func::thread_jumps`, `translate::layout`), whose handler this one runs.
        let table = unsafe { ip.byte_offset(off.0 as isize) };
        fields!(table, BrTableAddRI { index, imm, len: n });
        let i = Regs(sp).u32(index).wrapping_add(imm as u32).min(n) as usize;
        // SAFETY: the table is followed by `n + 1` `Br` entries.
        unsafe { table_entry(table, i, sp, mem, cx, acc, facc) }
    }

    /// Goes straight to the target of entry `i` of the branch table at `ip`.
    ///
    /// # Safety
    /// The table at `ip` must be followed by more than `i` `Br` entries.
    #[inline(always)]
    unsafe fn table_entry(ip: *const Slot, i: usize, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        // SAFETY: guaranteed by the caller.
        let entry = unsafe { ip.add(1 + i) };
        fields!(entry, Br { off });
        // SAFETY: as in `Br`.
        next!(unsafe { entry.byte_offset(off.0 as isize) }, sp, mem, cx, acc, facc)
    }

    #[inline(always)]
    unsafe fn ret(sp: *mut u64, src: Reg, n: usize, mem: *mut u8, cx: *mut Ctx) {
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        match c.frames.last() {
            // Back into the same instance: the memory view stays.
            Some(f) if f.instance == c.inst_idx => {
                let f = *f;
                // SAFETY: the frame stack is not empty.
                unsafe { c.frames.set_len(c.frames.len() - 1) };
                // SAFETY: every call puts the callee's frame (`sp`) right after its caller's, whose
                // size the frame record keeps; the callee's results lie in its frame, above the
                // caller's result registers, and both are inside the stack.
                let caller = unsafe { sp.sub(f.running.frame_size() as usize) };
                // SAFETY: as above.
                unsafe { crate::exec::copy_cells(sp.add(usize::from(src.0)), caller.add(usize::from(f.results)), n) };
                c.base = f.base;
                c.running = f.running;
                // SAFETY: as above. The accumulators are not passed back: the accumulator analysis
                // assumes nothing of them after a call (`acc.rs`), so they need not stay live.
                next!(f.ret_ip, caller, mem, cx, 0, 0.0)
            }
            _ => {
                // SAFETY: as above.
                unsafe { ret_slow(src, n, cx) }
            }
        }
    }

    /// A return to another instance (the memory view changes) or from the entry function.
    #[inline(never)]
    unsafe fn ret_slow(src: Reg, n: usize, cx: *mut Ctx) {
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        if let Some((ret_ip, regs, _)) = c.leave(src, n) {
            let m = c.memory();
            next!(ret_ip, regs.0, m.ptr, cx, 0, 0.0)
        }
    }

    pub(super) unsafe fn Return(_ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, _acc: u64, _facc: f64) {
        // SAFETY: as in `ret`.
        unsafe { ret(sp, Reg(0), 0, mem, cx) }
    }

    pub(super) unsafe fn Return1(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, _acc: u64, _facc: f64) {
        fields!(ip, Return1 { src });
        // SAFETY: as in `ret`.
        unsafe { ret(sp, src, 1, mem, cx) }
    }

    pub(super) unsafe fn ReturnGlobalAddRI(
        ip: *const Slot,
        sp: *mut u64,
        mem: *mut u8,
        cx: *mut Ctx,
        _acc: u64,
        _facc: f64,
    ) {
        fields!(ip, ReturnGlobalAddRI { base, global, imm });
        // SAFETY: `cx` is the live context.
        unsafe { &mut *cx }.global_set_add(global, Regs(sp).u32(base), imm);
        // SAFETY: as in `ret`.
        unsafe { ret(sp, Reg(0), 0, mem, cx) }
    }

    pub(super) unsafe fn Return1GlobalAddRI(
        ip: *const Slot,
        sp: *mut u64,
        mem: *mut u8,
        cx: *mut Ctx,
        _acc: u64,
        _facc: f64,
    ) {
        fields!(ip, Return1GlobalAddRI { src, base, global, imm });
        // SAFETY: `cx` is the live context.
        unsafe { &mut *cx }.global_set_add(u32::from(global), Regs(sp).u32(base), imm);
        // SAFETY: as in `ret`.
        unsafe { ret(sp, src, 1, mem, cx) }
    }

    pub(super) unsafe fn ReturnSpan(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, _acc: u64, _facc: f64) {
        fields!(ip, ReturnSpan { src, len: n });
        // SAFETY: as in `ret`.
        unsafe { ret(sp, src, usize::from(n), mem, cx) }
    }

    pub(super) unsafe fn GlobalGet(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, GlobalGet { dst, global });
        // SAFETY: `cx` is the live context.
        Regs(sp).set(dst, unsafe { &mut *cx }.global_get(global));
        // SAFETY: a fall-through instruction is never the last of its function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
    }

    pub(super) unsafe fn GlobalGetAddRI(
        ip: *const Slot,
        sp: *mut u64,
        mem: *mut u8,
        cx: *mut Ctx,
        acc: u64,
        facc: f64,
    ) {
        fields!(ip, GlobalGetAddRI { dst, global, imm });
        // SAFETY: `cx` is the live context.
        let value = (unsafe { &mut *cx }.global_get(global) as u32).wrapping_add(imm as u32);
        Regs(sp).set(dst, u64::from(value));
        // SAFETY: a fall-through instruction is never the last of its function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
    }

    pub(super) unsafe fn GlobalStepRI(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, GlobalStepRI { dst, global, imm });
        // SAFETY: `cx` is the live context.
        let value = u64::from(unsafe { &mut *cx }.global_step(global, imm));
        Regs(sp).set(dst, value);
        // SAFETY: a fall-through instruction is never the last of its function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
    }

    pub(super) unsafe fn GlobalSetAddRI(
        ip: *const Slot,
        sp: *mut u64,
        mem: *mut u8,
        cx: *mut Ctx,
        acc: u64,
        facc: f64,
    ) {
        fields!(ip, GlobalSetAddRI { src, global, imm });
        // SAFETY: `cx` is the live context.
        unsafe { &mut *cx }.global_set_add(global, Regs(sp).u32(src), imm);
        // SAFETY: a fall-through instruction is never the last of its function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
    }

    pub(super) unsafe fn GlobalGetV128(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, GlobalGetV128 { dst, global });
        // SAFETY: `cx` is the live context.
        let [lo, hi] = unsafe { &mut *cx }.global_get_v128(global);
        Regs(sp).set(dst, lo);
        Regs(sp).set(Reg(dst.0 + 1), hi);
        // SAFETY: a fall-through instruction is never the last of its function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
    }

    pub(super) unsafe fn GlobalSetV128(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, GlobalSetV128 { src, global });
        let value = [Regs(sp).get(src), Regs(sp).get(Reg(src.0 + 1))];
        // SAFETY: `cx` is the live context.
        unsafe { &mut *cx }.global_set_v128(global, value);
        // SAFETY: a fall-through instruction is never the last of its function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
    }

    pub(super) unsafe fn GlobalSet(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, GlobalSet { src, global });
        // SAFETY: `cx` is the live context.
        unsafe { &mut *cx }.global_set(global, Regs(sp).get(src));
        // SAFETY: a fall-through instruction is never the last of its function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, acc, facc)
    }

    #[allow(non_upper_case_globals)]
    pub(super) const CallInternal: Handler = call_internal::<0>;

    /// `CallInternal` in variant `V` (0, [`FUEL_TARGET`] or [`INTERRUPT_TARGET`]: the callee's
    /// entry check point is passed by the call, see [`entered!`]).
    pub(super) unsafe fn call_internal<const V: u8>(
        ip: *const Slot,
        sp: *mut u64,
        mem: *mut u8,
        cx: *mut Ctx,
        _acc: u64,
        _facc: f64,
    ) {
        fields!(ip, CallInternal { func, args, frame });
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        // SAFETY: `code` is the running instance's module's function array, and validation
        // guarantees `func` is one of its defined functions.
        if let Some(code) = unsafe { &*c.code.add(func as usize) }.compiled.get() {
            // SAFETY: a call is never the last instruction of a function.
            if let Some(regs) = c.enter_fast(sp, frame, code, args, unsafe { ip.add(1) }) {
                // The callee starts with empty accumulators (the accumulator analysis assumes
                // nothing at a function's entry), so they need not stay live through the call.
                entered!(V, code.ops.as_ptr(), regs.0, mem, cx)
            }
        }
        // SAFETY: same state.
        unsafe { call_internal_medium::<V>(ip, sp, mem, cx) }
    }

    /// `CallInternal` when the callee is not small: a medium callee's frame is set up with
    /// fixed-length copies (out of line, so that the small path stays as short as it is).
    #[inline(never)]
    unsafe fn call_internal_medium<const V: u8>(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx) {
        // SAFETY: same state.
        unsafe { call_medium::<V>(ip, sp, mem, cx) }
    }

    /// The handler of a `CallInternal` whose callee was known not to be small when it was encoded
    /// ([`call_handler`]), in variant `V` as [`call_internal`]: straight to the medium path,
    /// without trying the small one.
    pub(super) unsafe fn call_internal_not_small<const V: u8>(
        ip: *const Slot,
        sp: *mut u64,
        mem: *mut u8,
        cx: *mut Ctx,
        _acc: u64,
        _facc: f64,
    ) {
        // SAFETY: same state.
        unsafe { call_medium::<V>(ip, sp, mem, cx) }
    }

    /// The medium call path, shared by the two above.
    #[inline(always)]
    unsafe fn call_medium<const V: u8>(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx) {
        fields!(ip, CallInternal { func, args, frame });
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        // SAFETY: as in `CallInternal`.
        if let Some(code) = unsafe { &*c.code.add(func as usize) }.compiled.get() {
            // SAFETY: a call is never the last instruction of a function.
            if let Some(regs) = c.enter_medium(sp, frame, code, args, unsafe { ip.add(1) }) {
                // As in `CallInternal`: the callee starts with empty accumulators.
                entered!(V, code.ops.as_ptr(), regs.0, mem, cx)
            }
        }
        // SAFETY: same state.
        unsafe { call_internal_slow(ip, sp, mem, cx) }
    }

    /// `CallInternal` when the callee is not translated yet, has a large frame, or a stack must
    /// grow (or overflows).
    #[inline(never)]
    unsafe fn call_internal_slow(ip: *const Slot, _sp: *mut u64, mem: *mut u8, cx: *mut Ctx) {
        fields!(ip, CallInternal { func, args, frame: _frame });
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        let module: *const crate::module::ModuleInner = &*c.inst().module;
        // SAFETY: the module lives behind an `Arc` held by the instance, which the store keeps.
        let code = match crate::exec::compiled(unsafe { &*module }, func) {
            Ok(code) => code,
            Err(e) => return stop(cx, Stop::Error(e)),
        };
        // SAFETY: a call is never the last instruction of a function.
        match c.enter(code, c.inst_idx, args, unsafe { ip.add(1) }) {
            Ok(regs) => next!(code.ops.as_ptr(), regs.0, mem, cx, 0, 0.0),
            Err(code) => trap(cx, code),
        }
    }

    #[inline(always)]
    unsafe fn called(result: Result<Called, Stop>, ip: *const Slot, sp: *mut u64, cx: *mut Ctx) {
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        match result {
            Ok(Called::Wasm(callee, regs)) => {
                let m = c.memory();
                next!(callee, regs.0, m.ptr, cx, 0, 0.0)
            }
            Ok(Called::Host) => {
                let m = c.memory();
                // SAFETY: a call is never the last instruction of a function.
                next!(unsafe { ip.add(1) }, sp, m.ptr, cx, 0, 0.0)
            }
            // SAFETY: as above.
            Err(s) => unsafe { call_failed(s, ip, cx) },
        }
    }

    /// A call at `ip` that stopped: a host function's exception is thrown into the caller; anything
    /// else stops execution.
    #[cold]
    #[inline(never)]
    unsafe fn call_failed(s: Stop, ip: *const Slot, cx: *mut Ctx) {
        match s {
            Stop::Error(e) if e.as_exception().is_some() => {
                // SAFETY: `cx` is the live context.
                match unsafe { &mut *cx }.exception_from_host(&e) {
                    // SAFETY: `ip` is the call, an instruction of the running function.
                    Ok(exn) => unsafe { throw(exn, ip, cx) },
                    Err(s) => stop(cx, s),
                }
            }
            s => stop(cx, s),
        }
    }

    /// Throws `exn` at `ip`: goes on at the clause that catches it, or stops.
    #[inline(never)]
    unsafe fn throw(exn: std::sync::Arc<crate::runtime::ExnData>, ip: *const Slot, cx: *mut Ctx) {
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        match c.unwind(exn, ip) {
            Ok((pad, regs)) => {
                let m = c.memory();
                // A catch clause's pad starts with empty accumulators, as after a call.
                next!(pad, regs.0, m.ptr, cx, 0, 0.0)
            }
            Err(s) => stop(cx, s),
        }
    }

    pub(super) unsafe fn ThrowRef(ip: *const Slot, sp: *mut u64, _mem: *mut u8, cx: *mut Ctx, _acc: u64, _facc: f64) {
        fields!(ip, ThrowRef { exn });
        // SAFETY: `cx` is the live context.
        match unsafe { &mut *cx }.exception_at(Regs(sp).get(exn)) {
            // SAFETY: `ip` is the running instruction.
            Ok(exn) => unsafe { throw(exn, ip, cx) },
            Err(s) => stop(cx, s),
        }
    }

    pub(super) unsafe fn Throw(ip: *const Slot, sp: *mut u64, _mem: *mut u8, cx: *mut Ctx, _acc: u64, _facc: f64) {
        fields!(ip, Throw { tag, args });
        // SAFETY: `cx` is the live context.
        let exn = unsafe { &mut *cx }.new_exception(tag, Regs(sp), args);
        // SAFETY: `ip` is the running instruction.
        unsafe { throw(exn, ip, cx) }
    }

    /// The handler of `op` that uses SSSE3, if it has one and the CPU has SSSE3 (a byte shuffle,
    /// where SSE2 has none): the one place the executor looks up a CPU feature, once per
    /// instruction when it is encoded; the handlers themselves never check. Each is compiled
    /// with SSSE3 enabled as a whole, so the lane code inlines into it.
    #[cfg(target_arch = "x86_64")]
    pub(super) fn ssse3(op: &Op) -> Option<Handler> {
        let h: Handler = match op {
            Op::I8x16Shuffle { .. } => I8x16ShuffleSsse3,
            Op::I8x16Swizzle { .. } => I8x16SwizzleSsse3,
            _ => return None,
        };
        std::arch::is_x86_feature_detected!("ssse3").then_some(h)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "ssse3")]
    unsafe fn I8x16ShuffleSsse3(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, I8x16Shuffle { dst, lhs, rhs, mask });
        let mut r = View::new(sp, acc, facc);
        // SAFETY: `ssse3` gives this handler only on a CPU with SSSE3.
        let v = unsafe { crate::exec::simd_x86::i8x16_shuffle_ssse3(r.v128(lhs), r.v128(rhs), r.v128(mask)) };
        let _ = r.set_v128(dst, v);
        // SAFETY: a fall-through instruction is never the last of its function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, r.acc, r.facc)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "ssse3")]
    unsafe fn I8x16SwizzleSsse3(ip: *const Slot, sp: *mut u64, mem: *mut u8, cx: *mut Ctx, acc: u64, facc: f64) {
        fields!(ip, I8x16Swizzle { dst, lhs, rhs });
        let mut r = View::new(sp, acc, facc);
        // SAFETY: as in `I8x16ShuffleSsse3`.
        let v = unsafe { crate::exec::simd_x86::i8x16_swizzle_ssse3(r.v128(lhs), r.v128(rhs)) };
        let _ = r.set_v128(dst, v);
        // SAFETY: a fall-through instruction is never the last of its function.
        next!(unsafe { ip.add(1) }, sp, mem, cx, r.acc, r.facc)
    }

    /// The calls that go through the store (imported functions, table entries, references), plain
    /// and tail: each finds its callee, then goes on as `called` says. A call is never the last
    /// instruction of a function, and a tail call is followed by the return of a host callee's
    /// results, so `next` is an instruction.
    macro_rules! store_calls {
        ($($name:ident { $($f:ident),* } => |$c:ident, $regs:ident, $next:ident| $call:expr;)*) => {$(
            pub(super) unsafe fn $name(ip: *const Slot, sp: *mut u64, _mem: *mut u8, cx: *mut Ctx, _acc: u64, _facc: f64) {
                fields!(ip, $name { $($f),* });
                // SAFETY: `cx` is the live context.
                let $c = unsafe { &mut *cx };
                let $regs = Regs(sp);
                // SAFETY: see above.
                let $next = unsafe { ip.add(1) };
                let result = $call;
                // SAFETY: as above.
                unsafe { called(result, ip, sp, cx) }
            }
        )*};
    }
    store_calls! {
        CallImported { func, args } => |c, _regs, next| {
            let f = c.inst().funcs[func as usize];
            c.call_func(f, args, next)
        };
        CallRef { callee, args } => |c, regs, next| c.call_ref(regs.get(callee), args, next);
        ReturnCallImported { func, args } => |c, _regs, next| {
            let f = c.inst().funcs[func as usize];
            c.tail_call_func(f, args, next)
        };
        ReturnCallIndirect { index, sig, args, table } => |c, regs, next| {
            c.tail_call_indirect(sig, regs.u32(index), table, args, next)
        };
        ReturnCallRef { callee, args } => |c, regs, next| c.tail_call_ref(regs.get(callee), args, next);
    }

    /// `call_indirect`: a callee of the running instance that is already encoded and whose frame
    /// fits without growing a stack is entered as `CallInternal` enters a medium one (about 135
    /// host instructions per call and return, against about 190 on the general path through the
    /// store, which also reloads the memory view); anything else (another instance, a host
    /// function, a trap) takes that general path.
    #[allow(non_upper_case_globals)]
    pub(super) const CallIndirect: Handler = call_indirect::<0>;

    /// `CallIndirect` in variant `V`, as [`call_internal`].
    pub(super) unsafe fn call_indirect<const V: u8>(
        ip: *const Slot,
        sp: *mut u64,
        mem: *mut u8,
        cx: *mut Ctx,
        _acc: u64,
        _facc: f64,
    ) {
        fields!(ip, CallIndirect { index, sig, args, table });
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        let regs = Regs(sp);
        // SAFETY: a call is never the last instruction of a function.
        let next = unsafe { ip.add(1) };
        if let Ok(f) = c.indirect_target(sig, regs.u32(index), table)
            && let Some(code) = c.local_code(f)
        {
            // The running frame's size fits in 16 bits, as every frame's (translation refuses
            // larger ones).
            let frame = c.running.frame_size() as u16;
            if let Some(regs) = c.enter_medium(sp, frame, code, args, next) {
                // As in `CallInternal`: the callee starts with empty accumulators.
                entered!(V, code.ops.as_ptr(), regs.0, mem, cx)
            }
        }
        // SAFETY: same state.
        unsafe { call_indirect_slow(ip, sp, cx) }
    }

    /// `CallIndirect` through the store (out of line, so that the fast path saves no registers
    /// for it).
    #[inline(never)]
    unsafe fn call_indirect_slow(ip: *const Slot, sp: *mut u64, cx: *mut Ctx) {
        fields!(ip, CallIndirect { index, sig, args, table });
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        // SAFETY: a call is never the last instruction of a function.
        let result = c.call_indirect(sig, Regs(sp).u32(index), table, args, unsafe { ip.add(1) });
        // SAFETY: same state.
        unsafe { called(result, ip, sp, cx) }
    }

    #[allow(non_upper_case_globals)]
    pub(super) const ReturnCallInternal: Handler = return_call_internal::<0>;

    /// `ReturnCallInternal` in variant `V`, as [`call_internal`].
    pub(super) unsafe fn return_call_internal<const V: u8>(
        ip: *const Slot,
        sp: *mut u64,
        mem: *mut u8,
        cx: *mut Ctx,
        _acc: u64,
        _facc: f64,
    ) {
        fields!(ip, ReturnCallInternal { func, args });
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        // SAFETY: as in `CallInternal`.
        if let Some(code) = unsafe { &*c.code.add(func as usize) }.compiled.get()
            && let Some(regs) = c.replace_fast(sp, code, args)
        {
            // The callee starts with empty accumulators, as after a call.
            entered!(V, code.ops.as_ptr(), regs.0, mem, cx)
        }
        // SAFETY: same state.
        unsafe { return_call_internal_slow(ip, mem, cx) }
    }

    /// `ReturnCallInternal` when the callee is not translated yet, has a large frame, or the
    /// stack must grow (or overflows).
    #[inline(never)]
    unsafe fn return_call_internal_slow(ip: *const Slot, mem: *mut u8, cx: *mut Ctx) {
        fields!(ip, ReturnCallInternal { func, args });
        // SAFETY: `cx` is the live context.
        let c = unsafe { &mut *cx };
        let module: *const crate::module::ModuleInner = &*c.inst().module;
        // SAFETY: the module lives behind an `Arc` held by the instance, which the store keeps.
        let code = match crate::exec::compiled(unsafe { &*module }, func) {
            Ok(code) => code,
            Err(e) => return stop(cx, Stop::Error(e)),
        };
        // The instance, so the memory, stays the same.
        match c.replace(code, c.inst_idx, args) {
            Ok(regs) => next!(code.ops.as_ptr(), regs.0, mem, cx, 0, 0.0),
            Err(code) => trap(cx, code),
        }
    }
}

macro_rules! handler_table {
    ($( $(#[$attr:meta])* $name:ident $({ $($fields:tt)* })? -> $flow:ident, $acc:ident ),* $(,)?) => {
        /// One handler per instruction, in the order of the op list (so indexed by tag).
        static HANDLERS: [Handler; Op::COUNT] = [$( h::$name as Handler ),*];
    };
}
crate::for_each_op!(handler_table);
