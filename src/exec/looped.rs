//! The portable dispatcher: one `match` per instruction in a loop, hot state in locals. Used where
//! tail calls cannot be relied on (unoptimized builds, other architectures).

use super::regs::{Mem, Regs, View};
use super::{Called, Ctx, Slot, Stop};
use crate::error::TrapCode;
use crate::ir::{Op, Reg};

/// Runs from `ip` until the entry function returns or execution stops; the outcome is left in
/// `cx.stop`.
///
/// # Safety
/// `ip` must be an instruction of the function whose frame `regs` is, set up in `cx`, where
/// execution may start with empty accumulators: its first, one after a call, or a check point.
pub(super) unsafe fn run(cx: &mut Ctx, mut ip: *const Slot, mut regs: Regs, mut mem: Mem) {
    macro_rules! stop {
        ($stop:expr) => {{
            cx.stop = Some($stop);
            return;
        }};
    }
    macro_rules! branch {
        ($off:expr) => {{
            // SAFETY: branch offsets were resolved by the translator to instructions of this function.
            ip = unsafe { ip.byte_offset($off.0 as isize) };
            continue;
        }};
    }
    // Goes to the target of entry `$i` of the branch table at `ip`, straight, as the tail-call
    // dispatcher goes (so the `stats` counts show what that one runs).
    macro_rules! table {
        ($i:expr) => {{
            // SAFETY: a table of `len` is followed by `len + 1` `Br` entries, and `$i <= len`.
            ip = unsafe { ip.add(1 + $i as usize) };
            // SAFETY: as above.
            let Op::Br { off } = (unsafe { (*ip).op }) else { unreachable!("a br_table entry is a Br") };
            branch!(off)
        }};
    }
    macro_rules! throw {
        ($exn:expr) => {
            match cx.unwind($exn, ip) {
                Ok((pad, catcher_regs)) => {
                    ip = pad;
                    regs = catcher_regs;
                    mem = cx.memory();
                    continue;
                }
                Err(stop) => stop!(stop),
            }
        };
    }
    macro_rules! called {
        ($called:expr) => {
            match $called {
                Ok(Called::Wasm(callee, callee_regs)) => {
                    ip = callee;
                    regs = callee_regs;
                    mem = cx.memory();
                    continue;
                }
                Ok(Called::Host) => mem = cx.memory(),
                // A host function threw an exception into its caller.
                Err(Stop::Error(e)) if e.as_exception().is_some() => match cx.exception_from_host(&e) {
                    Ok(exn) => throw!(exn),
                    Err(stop) => stop!(stop),
                },
                Err(stop) => stop!(stop),
            }
        };
    }
    macro_rules! ret {
        ($src:expr, $n:expr) => {
            match cx.leave($src, $n) {
                Some((ret_ip, caller_regs, changed)) => {
                    ip = ret_ip;
                    regs = caller_regs;
                    if changed {
                        mem = cx.memory();
                    }
                    continue;
                }
                None => return,
            }
        };
    }
    macro_rules! dispatch {
        (
            { $( $name:ident { $($f:ident),* } => |$r:ident, $m:ident| $body:expr ),* $(,)? }
            { $( $bname:ident { $($bf:ident),* } => |$br:ident| $cond:expr ),* $(,)? }
            { $( $lname:ident { $($lf:ident),* } => |$lr:ident, $lm:ident| $lcond:expr ),* $(,)? }
            { $( $sname:ident { $($sf:ident),* } => |$sr:ident, $sm:ident| $sbody:expr ),* $(,)? }
        ) => {
            loop {
                // SAFETY: `ip` always points at an instruction of the running function:
                // translation ends every path with a return, a branch or a trap.
                let op: &Op = unsafe { &(*ip).op };
                #[cfg(feature = "stats")]
                super::stats::record(op.name());
                // SAFETY: a call or a fall-through instruction is never the last of a function.
                let next = unsafe { ip.add(1) };
                match *op {
                    $(
                        Op::$name { $($f),* } => {
                            #[allow(unused_variables, unused_mut)]
                            let (mut $r, $m) = (View::new(regs.0, 0, 0.0), mem);
                            #[allow(clippy::redundant_closure_call)]
                            let result = (|| Ok::<_, TrapCode>($body))();
                            if let Err(code) = result {
                                stop!(Stop::Trap(code))
                            }
                        }
                    )*
                    $(
                        Op::$sname { $($sf),* } => {
                            #[allow(unused_variables, unused_mut)]
                            let (mut $sr, $sm) = (View::new(regs.0, 0, 0.0), mem);
                            #[allow(clippy::redundant_closure_call)]
                            let result = (|| Ok::<_, TrapCode>($sbody))();
                            if let Err(code) = result {
                                stop!(Stop::Trap(code))
                            }
                        }
                    )*
                    Op::Unreachable => stop!(Stop::Trap(TrapCode::Unreachable)),
                    Op::Br { off } => branch!(off),
                    Op::BrIfNez { cond, off } => {
                        if regs.u32(cond) != 0 {
                            branch!(off)
                        }
                    }
                    Op::BrIfEqz { cond, off } => {
                        if regs.u32(cond) == 0 {
                            branch!(off)
                        }
                    }
                    Op::BrTable { index, len } => table!(regs.u32(index).min(len)),
                    Op::BrTableAddRI { index, imm, len } => table!(regs.u32(index).wrapping_add(imm as u32).min(len)),
                    Op::BrToTable { off } => {
                        // SAFETY: translation makes `off` lead to a `BrTableAddRI` of this function.
                        ip = unsafe { ip.byte_offset(off.0 as isize) };
                        // SAFETY: as above.
                        let Op::BrTableAddRI { index, imm, len } = (unsafe { (*ip).op }) else {
                            unreachable!("a BrToTable leads to a BrTableAddRI")
                        };
                        table!(regs.u32(index).wrapping_add(imm as u32).min(len))
                    }
                    Op::Return => ret!(Reg(0), 0),
                    Op::Return1 { src } => ret!(src, 1),
                    Op::ReturnSpan { src, len } => ret!(src, usize::from(len)),
                    Op::ReturnGlobalAddRI { base, global, imm } => {
                        cx.global_set_add(global, regs.u32(base), imm);
                        ret!(Reg(0), 0)
                    }
                    Op::Return1GlobalAddRI { src, base, global, imm } => {
                        cx.global_set_add(u32::from(global), regs.u32(base), imm);
                        ret!(src, 1)
                    }
                    Op::Imm32 { .. } => {}
                    Op::ConsumeFuel { amount } => {
                        if cx.consume_fuel(amount).is_err() {
                            return cx.out_of_fuel(ip);
                        }
                    }
                    Op::CheckInterrupt => {
                        if cx.check_interrupt().is_err() {
                            return cx.interrupted(ip);
                        }
                    }
                    Op::GlobalGet { dst, global } => regs.set(dst, cx.global_get(global)),
                    Op::GlobalSet { src, global } => cx.global_set(global, regs.get(src)),
                    Op::GlobalGetAddRI { dst, global, imm } => {
                        regs.set(dst, u64::from((cx.global_get(global) as u32).wrapping_add(imm as u32)));
                    }
                    Op::GlobalStepRI { dst, global, imm } => regs.set(dst, u64::from(cx.global_step(global, imm))),
                    Op::GlobalSetAddRI { src, global, imm } => cx.global_set_add(global, regs.u32(src), imm),
                    Op::GlobalGetV128 { dst, global } => {
                        let [lo, hi] = cx.global_get_v128(global);
                        regs.set(dst, lo);
                        regs.set(Reg(dst.0 + 1), hi);
                    }
                    Op::GlobalSetV128 { src, global } => {
                        cx.global_set_v128(global, [regs.get(src), regs.get(Reg(src.0 + 1))]);
                    }
                    Op::CallInternal { func, args, .. } => {
                        let module: *const crate::module::ModuleInner = &*cx.inst().module;
                        // SAFETY: the module lives behind an `Arc` held by the instance.
                        let code = match crate::exec::compiled(unsafe { &*module }, func) {
                            Ok(code) => code,
                            Err(e) => stop!(Stop::Error(e)),
                        };
                        match cx.enter(code, cx.inst_idx, args, next) {
                            Ok(callee_regs) => {
                                ip = code.ops.as_ptr();
                                regs = callee_regs;
                                continue;
                            }
                            Err(code) => stop!(Stop::Trap(code)),
                        }
                    }
                    Op::CallImported { func, args } => {
                        let f = cx.inst().funcs[func as usize];
                        called!(cx.call_func(f, args, next))
                    }
                    Op::CallIndirect { index, sig, args, table } => {
                        called!(cx.call_indirect(sig, regs.u32(index), table, args, next))
                    }
                    Op::ReturnCallInternal { func, args } => {
                        let module: *const crate::module::ModuleInner = &*cx.inst().module;
                        // SAFETY: the module lives behind an `Arc` held by the instance.
                        let code = match crate::exec::compiled(unsafe { &*module }, func) {
                            Ok(code) => code,
                            Err(e) => stop!(Stop::Error(e)),
                        };
                        match cx.replace(code, cx.inst_idx, args) {
                            Ok(callee_regs) => {
                                ip = code.ops.as_ptr();
                                regs = callee_regs;
                                continue;
                            }
                            Err(code) => stop!(Stop::Trap(code)),
                        }
                    }
                    Op::ReturnCallSelf { args, params, locals, off } => {
                        // SAFETY: as in the tail-call dispatcher's handler.
                        unsafe { crate::exec::restart_frame(regs.0, args, params, locals) };
                        branch!(off)
                    }
                    Op::Throw { tag, args } => {
                        let exn = cx.new_exception(tag, regs, args);
                        throw!(exn)
                    }
                    Op::ThrowRef { exn } => match cx.exception_at(regs.get(exn)) {
                        Ok(exn) => throw!(exn),
                        Err(stop) => stop!(stop),
                    },
                    Op::ReturnCallImported { func, args } => {
                        let f = cx.inst().funcs[func as usize];
                        called!(cx.tail_call_func(f, args, next))
                    }
                    Op::ReturnCallIndirect { index, sig, args, table } => {
                        called!(cx.tail_call_indirect(sig, regs.u32(index), table, args, next))
                    }
                    Op::CallRef { callee, args } => called!(cx.call_ref(regs.get(callee), args, next)),
                    Op::ReturnCallRef { callee, args } => called!(cx.tail_call_ref(regs.get(callee), args, next)),
                    Op::RefFunc { .. }
                    | Op::MemorySize { .. }
                    | Op::MemoryGrow { .. }
                    | Op::MemoryInit { .. }
                    | Op::DataDrop { .. }
                    | Op::TableGet { .. }
                    | Op::TableSet { .. }
                    | Op::TableSize { .. }
                    | Op::TableGrow { .. }
                    | Op::TableFill { .. }
                    | Op::TableCopy { .. }
                    | Op::TableInit { .. }
                    | Op::ElemDrop { .. }
                    | Op::MemoryLoadAt { .. }
                    | Op::MemoryStoreAt { .. }
                    | Op::MemorySizeAt { .. }
                    | Op::MemoryGrowAt { .. }
                    | Op::MemoryFillAt { .. }
                    | Op::MemoryCopyAt { .. }
                    | Op::MemoryInitAt { .. } => {
                        // SAFETY: `TableInit` is always followed by its table operand; for the
                        // others `next` is not read.
                        let next_op = unsafe { &(*next).op };
                        if let Err(s) = cx.store_op(regs, op, next_op) {
                            stop!(s)
                        }
                        mem = cx.memory();
                    }
                    $(
                        Op::$bname { $($bf,)* off } => {
                            #[allow(unused_mut)]
                            let mut $br = View::new(regs.0, 0, 0.0);
                            if $cond {
                                branch!(off)
                            }
                        }
                    )*
                    $(
                        Op::$lname { $($lf,)* off } => {
                            #[allow(unused_mut)]
                            let (mut $lr, $lm) = (View::new(regs.0, 0, 0.0), mem);
                            #[allow(clippy::redundant_closure_call)]
                            match (|| Ok::<bool, TrapCode>($lcond))() {
                                Err(code) => stop!(Stop::Trap(code)),
                                Ok(true) => branch!(off),
                                Ok(false) => {}
                            }
                        }
                    )*
                }
                ip = next;
            }
        };
    }
    for_each_exec_op!(dispatch);
}
