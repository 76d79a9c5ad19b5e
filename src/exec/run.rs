//! The dispatch loop: one `match` over the IR, hot state (instruction pointer, frame registers,
//! memory) in locals, slow paths out of line. Every register index, branch offset and function
//! index it uses was produced by the translator from a validated module.

use super::regs::{Mem, Regs};
use super::{Frame, call_host};
use crate::error::{Result, TrapCode};
use crate::ir::{Op, Reg};
use crate::module::CompiledFunc;
use crate::num;
use crate::runtime::store::FuncEntity;
use crate::runtime::{InstanceEntity, Store, StoreInner};
use std::ptr;
use std::sync::Arc;

/// The memory of an instance (its first), or an empty one.
fn memory_of(store: &mut StoreInner, inst: u32) -> Mem {
    let memories = &store.instances[inst as usize].memories;
    match memories.first() {
        Some(&m) => {
            let data = &mut store.memories[m as usize].data;
            Mem { ptr: data.as_mut_ptr(), len: data.len() }
        }
        None => Mem { ptr: ptr::null_mut(), len: 0 },
    }
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

/// Sets up a frame for `code` at `base`: arguments are already there; zero the locals and copy
/// the constants.
///
/// # Safety
/// `stack` must have at least `base + code.frame_size` cells.
unsafe fn enter(stack: &mut [u64], base: usize, code: &CompiledFunc) {
    debug_assert!(base + code.frame_size as usize <= stack.len());
    let locals = base + usize::from(code.num_params);
    let consts = base + usize::from(code.const_base);
    // SAFETY: the caller guarantees the frame fits; locals and constants lie inside the frame.
    unsafe {
        let p = stack.as_mut_ptr();
        ptr::write_bytes(p.add(locals), 0, usize::from(code.num_locals));
        ptr::copy_nonoverlapping(code.consts.as_ptr(), p.add(consts), code.consts.len());
    }
}

/// Runs function `func` (defined index) of `instance` with arguments in `cells`.
pub(super) fn execute<T>(
    store: &mut Store<T>,
    stack: &mut Vec<u64>,
    instance: u32,
    func: u32,
    cells: &mut [u64],
) -> Result<()> {
    let max_depth = store.inner.engine.config().max_call_depth;
    let max_cells = store.inner.engine.config().max_stack_cells;
    let mut frames: Vec<Frame> = Vec::new();

    let mut inst_idx = instance;
    let mut inst: *const InstanceEntity = &store.inner.instances[instance as usize];
    // SAFETY: `inst` points into the store's instances, which outlive this call; the module is
    // behind an `Arc` the instance holds, so `code` stays put even if the instance list grows.
    let code: &CompiledFunc = &unsafe { &*inst }.module.code[func as usize];
    let entry_cells = (code.frame_size as usize).max(cells.len());
    if entry_cells > stack.len() && !grow_stack(stack, entry_cells, max_cells) {
        return Err(crate::Error::trap(TrapCode::StackOverflow));
    }
    stack[..usize::from(code.num_params)].copy_from_slice(&cells[..usize::from(code.num_params)]);
    // SAFETY: the stack was just grown to hold the frame.
    unsafe { enter(stack, 0, code) };
    let mut base = 0usize;
    let mut regs = Regs(stack.as_mut_ptr());
    let mut ip: *const Op = code.ops.as_ptr();
    let mut frame_size = code.frame_size;
    let mut cur_func = func;
    let mut mem = memory_of(&mut store.inner, inst_idx);

    // The running instance.
    macro_rules! inst {
        () => {{
            // SAFETY: `inst` points into the store's instance list and is refreshed whenever that
            // list may have changed (after host calls, which could create instances).
            unsafe { &*inst }
        }};
    }
    macro_rules! trap {
        ($code:expr) => {
            return Err(super::trap(store, $code, (inst_idx, cur_func), &frames))
        };
    }
    macro_rules! tri {
        ($e:expr) => {
            match $e {
                Ok(v) => v,
                Err(code) => trap!(code),
            }
        };
    }
    macro_rules! load {
        ($dst:ident, $ptr:ident, $offset:ident, $n:literal, |$b:ident| $conv:expr) => {
            match mem.load::<$n>(regs.u32($ptr), $offset) {
                Some($b) => regs.set($dst, $conv),
                None => trap!(TrapCode::MemoryOutOfBounds),
            }
        };
    }
    macro_rules! store_mem {
        ($ptr:ident, $val:ident, $offset:ident, $bytes:expr) => {
            if mem.store(regs.u32($ptr), $offset, $bytes).is_none() {
                trap!(TrapCode::MemoryOutOfBounds)
            }
        };
    }
    macro_rules! branch {
        ($off:expr) => {{
            // SAFETY: branch offsets were resolved by the translator to instructions of this function.
            ip = unsafe { ip.offset($off.0 as isize) };
            continue;
        }};
    }
    macro_rules! br_if {
        ($cond:expr, $off:expr) => {
            if $cond {
                branch!($off)
            }
        };
    }
    macro_rules! refresh_instance {
        () => {
            inst = &store.inner.instances[inst_idx as usize];
            mem = memory_of(&mut store.inner, inst_idx);
        };
    }
    // Pushes the current frame and enters `$code` (of instance `$instance`, defined index `$func`),
    // whose arguments are at `args`.
    macro_rules! call_wasm {
        ($code:expr, $instance:expr, $func:expr, $args:expr) => {{
            let callee: &CompiledFunc = $code;
            if frames.len() >= max_depth {
                trap!(TrapCode::StackOverflow);
            }
            let new_base = base + frame_size as usize;
            let needed = new_base + callee.frame_size as usize;
            if needed > stack.len() && !grow_stack(stack, needed, max_cells) {
                trap!(TrapCode::StackOverflow);
            }
            // SAFETY: the stack holds the caller's frame (which contains the arguments) and the
            // callee's, which start at `new_base` and do not overlap.
            unsafe {
                let p = stack.as_mut_ptr();
                ptr::copy_nonoverlapping(
                    p.add(base + usize::from($args.0)),
                    p.add(new_base),
                    usize::from(callee.num_params),
                );
                enter(stack, new_base, callee);
            }
            frames.push(Frame {
                // SAFETY: a call is never the last instruction of a function.
                ret_ip: unsafe { ip.add(1) },
                base,
                results: $args.0,
                instance: inst_idx,
                func: cur_func,
                frame_size,
            });
            base = new_base;
            // SAFETY: `base` is within the stack.
            regs = Regs(unsafe { stack.as_mut_ptr().add(base) });
            ip = callee.ops.as_ptr();
            frame_size = callee.frame_size;
            cur_func = $func;
            if $instance != inst_idx {
                inst_idx = $instance;
                refresh_instance!();
            }
            continue;
        }};
    }
    // Calls store function `$f` with arguments at `$args`.
    macro_rules! call_store_func {
        ($f:expr, $args:expr) => {{
            let f: u32 = $f;
            match store.inner.funcs[f as usize] {
                FuncEntity::Wasm { instance, index, .. } => {
                    let module: *const crate::module::ModuleInner = &*store.inner.instances[instance as usize].module;
                    // SAFETY: the module lives behind an `Arc` held by an instance of the store.
                    let code = unsafe { &(&(*module).code)[index as usize] };
                    call_wasm!(code, instance, index, $args)
                }
                FuncEntity::Host { index, .. } => {
                    let ty = store.inner.func_type(f);
                    let n = ty.params().len().max(ty.results().len());
                    let mut tmp = [0u64; 16];
                    let mut heap = Vec::new();
                    let tmp: &mut [u64] = if n <= 16 {
                        &mut tmp[..n]
                    } else {
                        heap.resize(n, 0);
                        &mut heap
                    };
                    for (i, c) in tmp.iter_mut().enumerate().take(ty.params().len()) {
                        *c = regs.get(Reg($args.0 + i as u16));
                    }
                    if let Err(e) = call_host(store, f, index, Some(inst_idx), tmp) {
                        return Err(match e.trap_code() {
                            Some(code) if e.as_trap().is_some_and(|t| t.backtrace().is_empty()) => {
                                super::trap(store, code, (inst_idx, cur_func), &frames)
                            }
                            _ => e,
                        });
                    }
                    for (i, c) in tmp.iter().enumerate().take(ty.results().len()) {
                        regs.set(Reg($args.0 + i as u16), *c);
                    }
                    refresh_instance!();
                }
            }
        }};
    }
    // Returns `$n` values starting at register `$src`.
    macro_rules! ret {
        ($src:expr, $n:expr) => {{
            let (src, n): (Reg, usize) = ($src, $n);
            match frames.pop() {
                None => {
                    for (i, c) in cells.iter_mut().enumerate().take(n) {
                        *c = regs.get(Reg(src.0 + i as u16));
                    }
                    return Ok(());
                }
                Some(f) => {
                    // SAFETY: the caller's result registers lie below the callee's frame.
                    unsafe {
                        let p = stack.as_mut_ptr();
                        ptr::copy(p.add(base + usize::from(src.0)), p.add(f.base + usize::from(f.results)), n);
                    }
                    base = f.base;
                    // SAFETY: `base` is within the stack.
                    regs = Regs(unsafe { stack.as_mut_ptr().add(base) });
                    ip = f.ret_ip;
                    frame_size = f.frame_size;
                    cur_func = f.func;
                    if f.instance != inst_idx {
                        inst_idx = f.instance;
                        refresh_instance!();
                    }
                    continue;
                }
            }
        }};
    }

    loop {
        // SAFETY: `ip` always points at an instruction of the running function: translation ends
        // every path with a return, a branch or a trap.
        let op: &Op = unsafe { &*ip };
        match *op {
            // ---- control ----
            Op::Unreachable => trap!(TrapCode::Unreachable),
            Op::Br { off } => branch!(off),
            Op::BrIfNez { cond, off } => br_if!(regs.u32(cond) != 0, off),
            Op::BrIfEqz { cond, off } => br_if!(regs.u32(cond) == 0, off),
            Op::BrTable { index, len } => {
                let i = regs.u32(index).min(len) as usize;
                // SAFETY: the table is followed by `len + 1` entries.
                ip = unsafe { ip.add(1 + i) };
                continue;
            }
            Op::Return => ret!(Reg(0), 0),
            Op::Return1 { src } => ret!(src, 1),
            Op::ReturnSpan { src, len } => ret!(src, usize::from(len)),
            Op::Imm32 { .. } => {}

            Op::BrIfI32EqRR { lhs, rhs, off } => br_if!(regs.u32(lhs) == regs.u32(rhs), off),
            Op::BrIfI32NeRR { lhs, rhs, off } => br_if!(regs.u32(lhs) != regs.u32(rhs), off),
            Op::BrIfI32LtSRR { lhs, rhs, off } => br_if!(regs.i32(lhs) < regs.i32(rhs), off),
            Op::BrIfI32LtURR { lhs, rhs, off } => br_if!(regs.u32(lhs) < regs.u32(rhs), off),
            Op::BrIfI32GtSRR { lhs, rhs, off } => br_if!(regs.i32(lhs) > regs.i32(rhs), off),
            Op::BrIfI32GtURR { lhs, rhs, off } => br_if!(regs.u32(lhs) > regs.u32(rhs), off),
            Op::BrIfI32LeSRR { lhs, rhs, off } => br_if!(regs.i32(lhs) <= regs.i32(rhs), off),
            Op::BrIfI32LeURR { lhs, rhs, off } => br_if!(regs.u32(lhs) <= regs.u32(rhs), off),
            Op::BrIfI32GeSRR { lhs, rhs, off } => br_if!(regs.i32(lhs) >= regs.i32(rhs), off),
            Op::BrIfI32GeURR { lhs, rhs, off } => br_if!(regs.u32(lhs) >= regs.u32(rhs), off),
            Op::BrIfI32EqRI { lhs, imm, off } => br_if!(regs.i32(lhs) == imm, off),
            Op::BrIfI32NeRI { lhs, imm, off } => br_if!(regs.i32(lhs) != imm, off),
            Op::BrIfI32LtSRI { lhs, imm, off } => br_if!(regs.i32(lhs) < imm, off),
            Op::BrIfI32LtURI { lhs, imm, off } => br_if!(regs.u32(lhs) < imm as u32, off),
            Op::BrIfI32GtSRI { lhs, imm, off } => br_if!(regs.i32(lhs) > imm, off),
            Op::BrIfI32GtURI { lhs, imm, off } => br_if!(regs.u32(lhs) > imm as u32, off),
            Op::BrIfI32LeSRI { lhs, imm, off } => br_if!(regs.i32(lhs) <= imm, off),
            Op::BrIfI32LeURI { lhs, imm, off } => br_if!(regs.u32(lhs) <= imm as u32, off),
            Op::BrIfI32GeSRI { lhs, imm, off } => br_if!(regs.i32(lhs) >= imm, off),
            Op::BrIfI32GeURI { lhs, imm, off } => br_if!(regs.u32(lhs) >= imm as u32, off),
            Op::BrIfI64EqRR { lhs, rhs, off } => br_if!(regs.get(lhs) == regs.get(rhs), off),
            Op::BrIfI64NeRR { lhs, rhs, off } => br_if!(regs.get(lhs) != regs.get(rhs), off),
            Op::BrIfI64LtSRR { lhs, rhs, off } => br_if!(regs.i64(lhs) < regs.i64(rhs), off),
            Op::BrIfI64LtURR { lhs, rhs, off } => br_if!(regs.get(lhs) < regs.get(rhs), off),
            Op::BrIfI64GtSRR { lhs, rhs, off } => br_if!(regs.i64(lhs) > regs.i64(rhs), off),
            Op::BrIfI64GtURR { lhs, rhs, off } => br_if!(regs.get(lhs) > regs.get(rhs), off),
            Op::BrIfI64LeSRR { lhs, rhs, off } => br_if!(regs.i64(lhs) <= regs.i64(rhs), off),
            Op::BrIfI64LeURR { lhs, rhs, off } => br_if!(regs.get(lhs) <= regs.get(rhs), off),
            Op::BrIfI64GeSRR { lhs, rhs, off } => br_if!(regs.i64(lhs) >= regs.i64(rhs), off),
            Op::BrIfI64GeURR { lhs, rhs, off } => br_if!(regs.get(lhs) >= regs.get(rhs), off),
            Op::BrIfI64EqRI { lhs, imm, off } => br_if!(regs.i64(lhs) == i64::from(imm), off),
            Op::BrIfI64NeRI { lhs, imm, off } => br_if!(regs.i64(lhs) != i64::from(imm), off),
            Op::BrIfI64LtSRI { lhs, imm, off } => br_if!(regs.i64(lhs) < i64::from(imm), off),
            Op::BrIfI64LtURI { lhs, imm, off } => br_if!(regs.get(lhs) < i64::from(imm) as u64, off),
            Op::BrIfI64GtSRI { lhs, imm, off } => br_if!(regs.i64(lhs) > i64::from(imm), off),
            Op::BrIfI64GtURI { lhs, imm, off } => br_if!(regs.get(lhs) > i64::from(imm) as u64, off),
            Op::BrIfI64LeSRI { lhs, imm, off } => br_if!(regs.i64(lhs) <= i64::from(imm), off),
            Op::BrIfI64LeURI { lhs, imm, off } => br_if!(regs.get(lhs) <= i64::from(imm) as u64, off),
            Op::BrIfI64GeSRI { lhs, imm, off } => br_if!(regs.i64(lhs) >= i64::from(imm), off),
            Op::BrIfI64GeURI { lhs, imm, off } => br_if!(regs.get(lhs) >= i64::from(imm) as u64, off),
            Op::BrIfF32EqRR { lhs, rhs, off } => br_if!(regs.f32(lhs) == regs.f32(rhs), off),
            Op::BrIfF32NeRR { lhs, rhs, off } => br_if!(regs.f32(lhs) != regs.f32(rhs), off),
            Op::BrIfF32LtRR { lhs, rhs, off } => br_if!(regs.f32(lhs) < regs.f32(rhs), off),
            Op::BrIfF32GtRR { lhs, rhs, off } => br_if!(regs.f32(lhs) > regs.f32(rhs), off),
            Op::BrIfF32LeRR { lhs, rhs, off } => br_if!(regs.f32(lhs) <= regs.f32(rhs), off),
            Op::BrIfF32GeRR { lhs, rhs, off } => br_if!(regs.f32(lhs) >= regs.f32(rhs), off),
            Op::BrIfF64EqRR { lhs, rhs, off } => br_if!(regs.f64(lhs) == regs.f64(rhs), off),
            Op::BrIfF64NeRR { lhs, rhs, off } => br_if!(regs.f64(lhs) != regs.f64(rhs), off),
            Op::BrIfF64LtRR { lhs, rhs, off } => br_if!(regs.f64(lhs) < regs.f64(rhs), off),
            Op::BrIfF64GtRR { lhs, rhs, off } => br_if!(regs.f64(lhs) > regs.f64(rhs), off),
            Op::BrIfF64LeRR { lhs, rhs, off } => br_if!(regs.f64(lhs) <= regs.f64(rhs), off),
            Op::BrIfF64GeRR { lhs, rhs, off } => br_if!(regs.f64(lhs) >= regs.f64(rhs), off),

            // ---- data movement ----
            Op::Copy { dst, src } => regs.set(dst, regs.get(src)),
            Op::CopySpan { dst, src, len } => {
                // SAFETY: both spans lie inside the frame; `ptr::copy` allows overlap.
                unsafe { ptr::copy(regs.0.add(usize::from(src.0)), regs.0.add(usize::from(dst.0)), usize::from(len)) }
            }
            Op::I32Const { dst, value } => regs.set_i32(dst, value),
            Op::I64ConstS32 { dst, value } => regs.set_i64(dst, i64::from(value)),
            Op::Select { dst, cond, a, b } => {
                regs.set(dst, if regs.u32(cond) != 0 { regs.get(a) } else { regs.get(b) })
            }
            Op::GlobalGet { dst, global } => {
                // SAFETY: validation bounds `global` by the instance's globals, and instantiation
                // bounds those by the store's.
                let g = {
                    let items = &inst!().globals;
                    // SAFETY: see the comment above.
                    unsafe { *items.get_unchecked(global as usize) }
                };
                regs.set(dst, store.inner.globals[g as usize].value)
            }
            Op::GlobalSet { src, global } => {
                // SAFETY: as for `GlobalGet`.
                let g = {
                    let items = &inst!().globals;
                    // SAFETY: see the comment above.
                    unsafe { *items.get_unchecked(global as usize) }
                };
                store.inner.globals[g as usize].value = regs.get(src)
            }

            // ---- calls ----
            Op::CallInternal { func, args } => {
                // SAFETY: validation bounds `func` by the module's defined functions, and the
                // module lives behind an `Arc` held by the instance.
                let code = {
                    let code = &inst!().module.code;
                    // SAFETY: see the comment above.
                    unsafe { code.get_unchecked(func as usize) }
                };
                call_wasm!(code, inst_idx, func, args)
            }
            Op::CallImported { func, args } => {
                // SAFETY: validation bounds `func` by the module's functions.
                let f = {
                    let items = &inst!().funcs;
                    // SAFETY: see the comment above.
                    unsafe { *items.get_unchecked(func as usize) }
                };
                call_store_func!(f, args)
            }
            Op::CallIndirect { sig, index, args, table } => {
                // SAFETY: validation bounds `table` by the module's tables.
                let t = {
                    let items = &inst!().tables;
                    // SAFETY: see the comment above.
                    unsafe { *items.get_unchecked(usize::from(table)) }
                };
                let elems = &store.inner.tables[t as usize].elems;
                let Some(&cell) = elems.get(regs.u32(index) as usize) else { trap!(TrapCode::TableOutOfBounds) };
                if cell == 0 {
                    trap!(TrapCode::IndirectCallToNull)
                }
                let f = (cell - 1) as u32;
                if store.inner.funcs[f as usize].sig() != sig {
                    trap!(TrapCode::BadSignature)
                }
                call_store_func!(f, args)
            }
            Op::RefFunc { dst, func } => {
                // SAFETY: validation bounds `func` by the module's functions.
                let f = {
                    let items = &inst!().funcs;
                    // SAFETY: see the comment above.
                    unsafe { *items.get_unchecked(func as usize) }
                };
                regs.set(dst, u64::from(f) + 1)
            }

            // ---- memory ----
            Op::I32Load { dst, ptr, offset } => load!(dst, ptr, offset, 4, |b| u64::from(u32::from_le_bytes(b))),
            Op::I64Load { dst, ptr, offset } => load!(dst, ptr, offset, 8, |b| u64::from_le_bytes(b)),
            Op::I32Load8S { dst, ptr, offset } => load!(dst, ptr, offset, 1, |b| u64::from(b[0] as i8 as i32 as u32)),
            Op::I32Load8U { dst, ptr, offset } => load!(dst, ptr, offset, 1, |b| u64::from(b[0])),
            Op::I32Load16S { dst, ptr, offset } => {
                load!(dst, ptr, offset, 2, |b| u64::from(i16::from_le_bytes(b) as i32 as u32))
            }
            Op::I32Load16U { dst, ptr, offset } => load!(dst, ptr, offset, 2, |b| u64::from(u16::from_le_bytes(b))),
            Op::I64Load8S { dst, ptr, offset } => load!(dst, ptr, offset, 1, |b| b[0] as i8 as i64 as u64),
            Op::I64Load16S { dst, ptr, offset } => load!(dst, ptr, offset, 2, |b| i16::from_le_bytes(b) as i64 as u64),
            Op::I64Load32S { dst, ptr, offset } => load!(dst, ptr, offset, 4, |b| i32::from_le_bytes(b) as i64 as u64),
            Op::I32Store { ptr, val, offset } => store_mem!(ptr, val, offset, regs.u32(val).to_le_bytes()),
            Op::I64Store { ptr, val, offset } => store_mem!(ptr, val, offset, regs.get(val).to_le_bytes()),
            Op::I32Store8 { ptr, val, offset } => store_mem!(ptr, val, offset, [regs.get(val) as u8]),
            Op::I32Store16 { ptr, val, offset } => store_mem!(ptr, val, offset, (regs.get(val) as u16).to_le_bytes()),
            Op::MemorySize { dst } => regs.set(dst, (mem.len as u64) / crate::runtime::PAGE_SIZE),
            Op::MemoryGrow { dst, delta } => {
                // SAFETY: validation guarantees the instance has a memory.
                let m = {
                    let items = &inst!().memories;
                    // SAFETY: see the comment above.
                    unsafe { *items.get_unchecked(0) }
                };
                let old = store.inner.memories[m as usize].grow(u64::from(regs.u32(delta)));
                regs.set_u32(dst, old.map_or(u32::MAX, |o| o as u32));
                refresh_instance!();
            }
            Op::MemoryFill { dst, val, len } => {
                let (d, n) = (regs.u32(dst) as usize, regs.u32(len) as usize);
                if d + n > mem.len {
                    trap!(TrapCode::MemoryOutOfBounds)
                }
                // SAFETY: `d + n <= len`, checked above.
                unsafe { ptr::write_bytes(mem.ptr.add(d), regs.get(val) as u8, n) }
            }
            Op::MemoryCopy { dst, src, len } => {
                let (d, s, n) = (regs.u32(dst) as usize, regs.u32(src) as usize, regs.u32(len) as usize);
                if d + n > mem.len || s + n > mem.len {
                    trap!(TrapCode::MemoryOutOfBounds)
                }
                // SAFETY: both ranges are in bounds, checked above; `ptr::copy` allows overlap.
                unsafe { ptr::copy(mem.ptr.add(s), mem.ptr.add(d), n) }
            }
            Op::MemoryInit { dst, src, len, data } => {
                let (d, s, n) = (regs.u32(dst) as usize, regs.u32(src) as usize, regs.u32(len) as usize);
                // SAFETY: validation bounds `data` by the module's data segments.
                let seg: &[u8] = {
                    let datas = &inst!().datas;
                    // SAFETY: see the comment above.
                    unsafe { datas.get_unchecked(data as usize) }
                };
                if d + n > mem.len || s + n > seg.len() {
                    trap!(TrapCode::MemoryOutOfBounds)
                }
                // SAFETY: both ranges are in bounds, checked above; a segment never aliases memory.
                unsafe { ptr::copy_nonoverlapping(seg.as_ptr().add(s), mem.ptr.add(d), n) }
            }
            Op::DataDrop { data } => {
                store.inner.instances[inst_idx as usize].datas[data as usize] = Arc::new([]);
                refresh_instance!();
            }

            // ---- tables ----
            Op::TableGet { dst, index, table } => {
                let t = store.inner.instances[inst_idx as usize].tables[table as usize];
                match store.inner.tables[t as usize].elems.get(regs.u32(index) as usize) {
                    Some(&cell) => regs.set(dst, cell),
                    None => trap!(TrapCode::TableOutOfBounds),
                }
            }
            Op::TableSet { index, val, table } => {
                let t = store.inner.instances[inst_idx as usize].tables[table as usize];
                match store.inner.tables[t as usize].elems.get_mut(regs.u32(index) as usize) {
                    Some(cell) => *cell = regs.get(val),
                    None => trap!(TrapCode::TableOutOfBounds),
                }
            }
            Op::TableSize { dst, table } => {
                let t = store.inner.instances[inst_idx as usize].tables[table as usize];
                regs.set(dst, store.inner.tables[t as usize].elems.len() as u64)
            }
            Op::TableGrow { dst, init, delta, table } => {
                let t = store.inner.instances[inst_idx as usize].tables[table as usize];
                let old = store.inner.tables[t as usize].grow(u64::from(regs.u32(delta)), regs.get(init));
                regs.set_u32(dst, old.map_or(u32::MAX, |o| o as u32));
            }
            Op::TableFill { dst, val, len, table } => {
                let t = store.inner.instances[inst_idx as usize].tables[table as usize];
                let elems = &mut store.inner.tables[t as usize].elems;
                let (d, n) = (regs.u32(dst) as usize, regs.u32(len) as usize);
                match elems.get_mut(d..d + n) {
                    Some(range) => range.fill(regs.get(val)),
                    None => trap!(TrapCode::TableOutOfBounds),
                }
            }
            Op::TableCopy { dst, src, len, dst_table, src_table } => {
                let i = &store.inner.instances[inst_idx as usize];
                let (dt, st) = (i.tables[usize::from(dst_table)], i.tables[usize::from(src_table)]);
                let (d, s, n) = (regs.u32(dst) as usize, regs.u32(src) as usize, regs.u32(len) as usize);
                let tables = &mut store.inner.tables;
                if s + n > tables[st as usize].elems.len() || d + n > tables[dt as usize].elems.len() {
                    trap!(TrapCode::TableOutOfBounds)
                }
                if dt == st {
                    tables[dt as usize].elems.copy_within(s..s + n, d);
                } else {
                    let items: Vec<u64> = tables[st as usize].elems[s..s + n].to_vec();
                    tables[dt as usize].elems[d..d + n].copy_from_slice(&items);
                }
            }
            Op::TableInit { dst, src, len, elem } => {
                // SAFETY: the translator always follows `TableInit` with its table operand.
                let table = match unsafe { *ip.add(1) } {
                    Op::Imm32 { value } => value,
                    _ => unreachable!("TableInit without its table operand"),
                };
                let i = &store.inner.instances[inst_idx as usize];
                let t = i.tables[table as usize];
                let seg = &i.elems[elem as usize];
                let (d, s, n) = (regs.u32(dst) as usize, regs.u32(src) as usize, regs.u32(len) as usize);
                let elems = &mut store.inner.tables[t as usize].elems;
                if s + n > seg.len() || d + n > elems.len() {
                    trap!(TrapCode::TableOutOfBounds)
                }
                elems[d..d + n].copy_from_slice(&seg[s..s + n]);
                // SAFETY: skips the table operand.
                ip = unsafe { ip.add(1) };
            }
            Op::ElemDrop { elem } => {
                store.inner.instances[inst_idx as usize].elems[elem as usize] = Box::new([]);
                refresh_instance!();
            }

            // ---- i32 ----
            Op::I32Eqz { dst, src } => regs.set_bool(dst, regs.u32(src) == 0),
            Op::I32Clz { dst, src } => regs.set_u32(dst, regs.u32(src).leading_zeros()),
            Op::I32Ctz { dst, src } => regs.set_u32(dst, regs.u32(src).trailing_zeros()),
            Op::I32Popcnt { dst, src } => regs.set_u32(dst, regs.u32(src).count_ones()),
            Op::I32Extend8S { dst, src } => regs.set_i32(dst, i32::from(regs.get(src) as i8)),
            Op::I32Extend16S { dst, src } => regs.set_i32(dst, i32::from(regs.get(src) as i16)),
            Op::I32AddRR { dst, lhs, rhs } => regs.set_u32(dst, regs.u32(lhs).wrapping_add(regs.u32(rhs))),
            Op::I32SubRR { dst, lhs, rhs } => regs.set_u32(dst, regs.u32(lhs).wrapping_sub(regs.u32(rhs))),
            Op::I32MulRR { dst, lhs, rhs } => regs.set_u32(dst, regs.u32(lhs).wrapping_mul(regs.u32(rhs))),
            Op::I32DivSRR { dst, lhs, rhs } => regs.set_i32(dst, tri!(num::i32_div_s(regs.i32(lhs), regs.i32(rhs)))),
            Op::I32DivURR { dst, lhs, rhs } => regs.set_u32(dst, tri!(num::i32_div_u(regs.u32(lhs), regs.u32(rhs)))),
            Op::I32RemSRR { dst, lhs, rhs } => regs.set_i32(dst, tri!(num::i32_rem_s(regs.i32(lhs), regs.i32(rhs)))),
            Op::I32RemURR { dst, lhs, rhs } => regs.set_u32(dst, tri!(num::i32_rem_u(regs.u32(lhs), regs.u32(rhs)))),
            Op::I32AndRR { dst, lhs, rhs } => regs.set_u32(dst, regs.u32(lhs) & regs.u32(rhs)),
            Op::I32OrRR { dst, lhs, rhs } => regs.set_u32(dst, regs.u32(lhs) | regs.u32(rhs)),
            Op::I32XorRR { dst, lhs, rhs } => regs.set_u32(dst, regs.u32(lhs) ^ regs.u32(rhs)),
            Op::I32ShlRR { dst, lhs, rhs } => regs.set_u32(dst, regs.u32(lhs).wrapping_shl(regs.u32(rhs))),
            Op::I32ShrSRR { dst, lhs, rhs } => regs.set_i32(dst, regs.i32(lhs).wrapping_shr(regs.u32(rhs))),
            Op::I32ShrURR { dst, lhs, rhs } => regs.set_u32(dst, regs.u32(lhs).wrapping_shr(regs.u32(rhs))),
            Op::I32RotlRR { dst, lhs, rhs } => regs.set_u32(dst, regs.u32(lhs).rotate_left(regs.u32(rhs))),
            Op::I32RotrRR { dst, lhs, rhs } => regs.set_u32(dst, regs.u32(lhs).rotate_right(regs.u32(rhs))),
            Op::I32EqRR { dst, lhs, rhs } => regs.set_bool(dst, regs.u32(lhs) == regs.u32(rhs)),
            Op::I32NeRR { dst, lhs, rhs } => regs.set_bool(dst, regs.u32(lhs) != regs.u32(rhs)),
            Op::I32LtSRR { dst, lhs, rhs } => regs.set_bool(dst, regs.i32(lhs) < regs.i32(rhs)),
            Op::I32LtURR { dst, lhs, rhs } => regs.set_bool(dst, regs.u32(lhs) < regs.u32(rhs)),
            Op::I32GtSRR { dst, lhs, rhs } => regs.set_bool(dst, regs.i32(lhs) > regs.i32(rhs)),
            Op::I32GtURR { dst, lhs, rhs } => regs.set_bool(dst, regs.u32(lhs) > regs.u32(rhs)),
            Op::I32LeSRR { dst, lhs, rhs } => regs.set_bool(dst, regs.i32(lhs) <= regs.i32(rhs)),
            Op::I32LeURR { dst, lhs, rhs } => regs.set_bool(dst, regs.u32(lhs) <= regs.u32(rhs)),
            Op::I32GeSRR { dst, lhs, rhs } => regs.set_bool(dst, regs.i32(lhs) >= regs.i32(rhs)),
            Op::I32GeURR { dst, lhs, rhs } => regs.set_bool(dst, regs.u32(lhs) >= regs.u32(rhs)),
            Op::I32AddRI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs).wrapping_add(imm as u32)),
            Op::I32SubRI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs).wrapping_sub(imm as u32)),
            Op::I32MulRI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs).wrapping_mul(imm as u32)),
            Op::I32DivSRI { dst, lhs, imm } => regs.set_i32(dst, regs.i32(lhs) / imm),
            Op::I32DivURI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs) / imm as u32),
            Op::I32RemSRI { dst, lhs, imm } => regs.set_i32(dst, regs.i32(lhs) % imm),
            Op::I32RemURI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs) % imm as u32),
            Op::I32AndRI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs) & imm as u32),
            Op::I32OrRI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs) | imm as u32),
            Op::I32XorRI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs) ^ imm as u32),
            Op::I32ShlRI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs).wrapping_shl(imm as u32)),
            Op::I32ShrSRI { dst, lhs, imm } => regs.set_i32(dst, regs.i32(lhs).wrapping_shr(imm as u32)),
            Op::I32ShrURI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs).wrapping_shr(imm as u32)),
            Op::I32RotlRI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs).rotate_left(imm as u32)),
            Op::I32RotrRI { dst, lhs, imm } => regs.set_u32(dst, regs.u32(lhs).rotate_right(imm as u32)),
            Op::I32EqRI { dst, lhs, imm } => regs.set_bool(dst, regs.i32(lhs) == imm),
            Op::I32NeRI { dst, lhs, imm } => regs.set_bool(dst, regs.i32(lhs) != imm),
            Op::I32LtSRI { dst, lhs, imm } => regs.set_bool(dst, regs.i32(lhs) < imm),
            Op::I32LtURI { dst, lhs, imm } => regs.set_bool(dst, regs.u32(lhs) < imm as u32),
            Op::I32GtSRI { dst, lhs, imm } => regs.set_bool(dst, regs.i32(lhs) > imm),
            Op::I32GtURI { dst, lhs, imm } => regs.set_bool(dst, regs.u32(lhs) > imm as u32),
            Op::I32LeSRI { dst, lhs, imm } => regs.set_bool(dst, regs.i32(lhs) <= imm),
            Op::I32LeURI { dst, lhs, imm } => regs.set_bool(dst, regs.u32(lhs) <= imm as u32),
            Op::I32GeSRI { dst, lhs, imm } => regs.set_bool(dst, regs.i32(lhs) >= imm),
            Op::I32GeURI { dst, lhs, imm } => regs.set_bool(dst, regs.u32(lhs) >= imm as u32),

            // ---- i64 ----
            Op::I64Eqz { dst, src } => regs.set_bool(dst, regs.get(src) == 0),
            Op::I64Clz { dst, src } => regs.set(dst, u64::from(regs.get(src).leading_zeros())),
            Op::I64Ctz { dst, src } => regs.set(dst, u64::from(regs.get(src).trailing_zeros())),
            Op::I64Popcnt { dst, src } => regs.set(dst, u64::from(regs.get(src).count_ones())),
            Op::I64Extend8S { dst, src } => regs.set_i64(dst, i64::from(regs.get(src) as i8)),
            Op::I64Extend16S { dst, src } => regs.set_i64(dst, i64::from(regs.get(src) as i16)),
            Op::I64Extend32S { dst, src } => regs.set_i64(dst, i64::from(regs.get(src) as i32)),
            Op::I64ExtendI32U { dst, src } => regs.set(dst, u64::from(regs.u32(src))),
            Op::I64AddRR { dst, lhs, rhs } => regs.set(dst, regs.get(lhs).wrapping_add(regs.get(rhs))),
            Op::I64SubRR { dst, lhs, rhs } => regs.set(dst, regs.get(lhs).wrapping_sub(regs.get(rhs))),
            Op::I64MulRR { dst, lhs, rhs } => regs.set(dst, regs.get(lhs).wrapping_mul(regs.get(rhs))),
            Op::I64DivSRR { dst, lhs, rhs } => regs.set_i64(dst, tri!(num::i64_div_s(regs.i64(lhs), regs.i64(rhs)))),
            Op::I64DivURR { dst, lhs, rhs } => regs.set(dst, tri!(num::i64_div_u(regs.get(lhs), regs.get(rhs)))),
            Op::I64RemSRR { dst, lhs, rhs } => regs.set_i64(dst, tri!(num::i64_rem_s(regs.i64(lhs), regs.i64(rhs)))),
            Op::I64RemURR { dst, lhs, rhs } => regs.set(dst, tri!(num::i64_rem_u(regs.get(lhs), regs.get(rhs)))),
            Op::I64AndRR { dst, lhs, rhs } => regs.set(dst, regs.get(lhs) & regs.get(rhs)),
            Op::I64OrRR { dst, lhs, rhs } => regs.set(dst, regs.get(lhs) | regs.get(rhs)),
            Op::I64XorRR { dst, lhs, rhs } => regs.set(dst, regs.get(lhs) ^ regs.get(rhs)),
            Op::I64ShlRR { dst, lhs, rhs } => regs.set(dst, regs.get(lhs).wrapping_shl(regs.get(rhs) as u32)),
            Op::I64ShrSRR { dst, lhs, rhs } => regs.set_i64(dst, regs.i64(lhs).wrapping_shr(regs.get(rhs) as u32)),
            Op::I64ShrURR { dst, lhs, rhs } => regs.set(dst, regs.get(lhs).wrapping_shr(regs.get(rhs) as u32)),
            Op::I64RotlRR { dst, lhs, rhs } => regs.set(dst, regs.get(lhs).rotate_left(regs.get(rhs) as u32)),
            Op::I64RotrRR { dst, lhs, rhs } => regs.set(dst, regs.get(lhs).rotate_right(regs.get(rhs) as u32)),
            Op::I64EqRR { dst, lhs, rhs } => regs.set_bool(dst, regs.get(lhs) == regs.get(rhs)),
            Op::I64NeRR { dst, lhs, rhs } => regs.set_bool(dst, regs.get(lhs) != regs.get(rhs)),
            Op::I64LtSRR { dst, lhs, rhs } => regs.set_bool(dst, regs.i64(lhs) < regs.i64(rhs)),
            Op::I64LtURR { dst, lhs, rhs } => regs.set_bool(dst, regs.get(lhs) < regs.get(rhs)),
            Op::I64GtSRR { dst, lhs, rhs } => regs.set_bool(dst, regs.i64(lhs) > regs.i64(rhs)),
            Op::I64GtURR { dst, lhs, rhs } => regs.set_bool(dst, regs.get(lhs) > regs.get(rhs)),
            Op::I64LeSRR { dst, lhs, rhs } => regs.set_bool(dst, regs.i64(lhs) <= regs.i64(rhs)),
            Op::I64LeURR { dst, lhs, rhs } => regs.set_bool(dst, regs.get(lhs) <= regs.get(rhs)),
            Op::I64GeSRR { dst, lhs, rhs } => regs.set_bool(dst, regs.i64(lhs) >= regs.i64(rhs)),
            Op::I64GeURR { dst, lhs, rhs } => regs.set_bool(dst, regs.get(lhs) >= regs.get(rhs)),
            Op::I64AddRI { dst, lhs, imm } => regs.set_i64(dst, regs.i64(lhs).wrapping_add(i64::from(imm))),
            Op::I64SubRI { dst, lhs, imm } => regs.set_i64(dst, regs.i64(lhs).wrapping_sub(i64::from(imm))),
            Op::I64MulRI { dst, lhs, imm } => regs.set_i64(dst, regs.i64(lhs).wrapping_mul(i64::from(imm))),
            Op::I64DivSRI { dst, lhs, imm } => regs.set_i64(dst, regs.i64(lhs) / i64::from(imm)),
            Op::I64DivURI { dst, lhs, imm } => regs.set(dst, regs.get(lhs) / (i64::from(imm) as u64)),
            Op::I64RemSRI { dst, lhs, imm } => regs.set_i64(dst, regs.i64(lhs) % i64::from(imm)),
            Op::I64RemURI { dst, lhs, imm } => regs.set(dst, regs.get(lhs) % (i64::from(imm) as u64)),
            Op::I64AndRI { dst, lhs, imm } => regs.set_i64(dst, regs.i64(lhs) & i64::from(imm)),
            Op::I64OrRI { dst, lhs, imm } => regs.set_i64(dst, regs.i64(lhs) | i64::from(imm)),
            Op::I64XorRI { dst, lhs, imm } => regs.set_i64(dst, regs.i64(lhs) ^ i64::from(imm)),
            Op::I64ShlRI { dst, lhs, imm } => regs.set(dst, regs.get(lhs).wrapping_shl(imm as u32)),
            Op::I64ShrSRI { dst, lhs, imm } => regs.set_i64(dst, regs.i64(lhs).wrapping_shr(imm as u32)),
            Op::I64ShrURI { dst, lhs, imm } => regs.set(dst, regs.get(lhs).wrapping_shr(imm as u32)),
            Op::I64RotlRI { dst, lhs, imm } => regs.set(dst, regs.get(lhs).rotate_left(imm as u32)),
            Op::I64RotrRI { dst, lhs, imm } => regs.set(dst, regs.get(lhs).rotate_right(imm as u32)),
            Op::I64EqRI { dst, lhs, imm } => regs.set_bool(dst, regs.i64(lhs) == i64::from(imm)),
            Op::I64NeRI { dst, lhs, imm } => regs.set_bool(dst, regs.i64(lhs) != i64::from(imm)),
            Op::I64LtSRI { dst, lhs, imm } => regs.set_bool(dst, regs.i64(lhs) < i64::from(imm)),
            Op::I64LtURI { dst, lhs, imm } => regs.set_bool(dst, regs.get(lhs) < i64::from(imm) as u64),
            Op::I64GtSRI { dst, lhs, imm } => regs.set_bool(dst, regs.i64(lhs) > i64::from(imm)),
            Op::I64GtURI { dst, lhs, imm } => regs.set_bool(dst, regs.get(lhs) > i64::from(imm) as u64),
            Op::I64LeSRI { dst, lhs, imm } => regs.set_bool(dst, regs.i64(lhs) <= i64::from(imm)),
            Op::I64LeURI { dst, lhs, imm } => regs.set_bool(dst, regs.get(lhs) <= i64::from(imm) as u64),
            Op::I64GeSRI { dst, lhs, imm } => regs.set_bool(dst, regs.i64(lhs) >= i64::from(imm)),
            Op::I64GeURI { dst, lhs, imm } => regs.set_bool(dst, regs.get(lhs) >= i64::from(imm) as u64),

            // ---- f32 ----
            Op::F32Add { dst, lhs, rhs } => regs.set_f32(dst, regs.f32(lhs) + regs.f32(rhs)),
            Op::F32Sub { dst, lhs, rhs } => regs.set_f32(dst, regs.f32(lhs) - regs.f32(rhs)),
            Op::F32Mul { dst, lhs, rhs } => regs.set_f32(dst, regs.f32(lhs) * regs.f32(rhs)),
            Op::F32Div { dst, lhs, rhs } => regs.set_f32(dst, regs.f32(lhs) / regs.f32(rhs)),
            Op::F32Min { dst, lhs, rhs } => regs.set_f32(dst, num::f32_min(regs.f32(lhs), regs.f32(rhs))),
            Op::F32Max { dst, lhs, rhs } => regs.set_f32(dst, num::f32_max(regs.f32(lhs), regs.f32(rhs))),
            Op::F32Copysign { dst, lhs, rhs } => {
                regs.set_u32(dst, (regs.u32(lhs) & 0x7fff_ffff) | (regs.u32(rhs) & 0x8000_0000))
            }
            Op::F32Eq { dst, lhs, rhs } => regs.set_bool(dst, regs.f32(lhs) == regs.f32(rhs)),
            Op::F32Ne { dst, lhs, rhs } => regs.set_bool(dst, regs.f32(lhs) != regs.f32(rhs)),
            Op::F32Lt { dst, lhs, rhs } => regs.set_bool(dst, regs.f32(lhs) < regs.f32(rhs)),
            Op::F32Gt { dst, lhs, rhs } => regs.set_bool(dst, regs.f32(lhs) > regs.f32(rhs)),
            Op::F32Le { dst, lhs, rhs } => regs.set_bool(dst, regs.f32(lhs) <= regs.f32(rhs)),
            Op::F32Ge { dst, lhs, rhs } => regs.set_bool(dst, regs.f32(lhs) >= regs.f32(rhs)),
            Op::F32Abs { dst, src } => regs.set_u32(dst, regs.u32(src) & 0x7fff_ffff),
            Op::F32Neg { dst, src } => regs.set_u32(dst, regs.u32(src) ^ 0x8000_0000),
            Op::F32Ceil { dst, src } => regs.set_f32(dst, num::f32_ceil(regs.f32(src))),
            Op::F32Floor { dst, src } => regs.set_f32(dst, num::f32_floor(regs.f32(src))),
            Op::F32Trunc { dst, src } => regs.set_f32(dst, num::f32_trunc(regs.f32(src))),
            Op::F32Nearest { dst, src } => regs.set_f32(dst, num::f32_nearest(regs.f32(src))),
            Op::F32Sqrt { dst, src } => regs.set_f32(dst, regs.f32(src).sqrt()),

            // ---- f64 ----
            Op::F64Add { dst, lhs, rhs } => regs.set_f64(dst, regs.f64(lhs) + regs.f64(rhs)),
            Op::F64Sub { dst, lhs, rhs } => regs.set_f64(dst, regs.f64(lhs) - regs.f64(rhs)),
            Op::F64Mul { dst, lhs, rhs } => regs.set_f64(dst, regs.f64(lhs) * regs.f64(rhs)),
            Op::F64Div { dst, lhs, rhs } => regs.set_f64(dst, regs.f64(lhs) / regs.f64(rhs)),
            Op::F64Min { dst, lhs, rhs } => regs.set_f64(dst, num::f64_min(regs.f64(lhs), regs.f64(rhs))),
            Op::F64Max { dst, lhs, rhs } => regs.set_f64(dst, num::f64_max(regs.f64(lhs), regs.f64(rhs))),
            Op::F64Copysign { dst, lhs, rhs } => {
                regs.set(dst, (regs.get(lhs) & !(1 << 63)) | (regs.get(rhs) & (1 << 63)))
            }
            Op::F64Eq { dst, lhs, rhs } => regs.set_bool(dst, regs.f64(lhs) == regs.f64(rhs)),
            Op::F64Ne { dst, lhs, rhs } => regs.set_bool(dst, regs.f64(lhs) != regs.f64(rhs)),
            Op::F64Lt { dst, lhs, rhs } => regs.set_bool(dst, regs.f64(lhs) < regs.f64(rhs)),
            Op::F64Gt { dst, lhs, rhs } => regs.set_bool(dst, regs.f64(lhs) > regs.f64(rhs)),
            Op::F64Le { dst, lhs, rhs } => regs.set_bool(dst, regs.f64(lhs) <= regs.f64(rhs)),
            Op::F64Ge { dst, lhs, rhs } => regs.set_bool(dst, regs.f64(lhs) >= regs.f64(rhs)),
            Op::F64Abs { dst, src } => regs.set(dst, regs.get(src) & !(1 << 63)),
            Op::F64Neg { dst, src } => regs.set(dst, regs.get(src) ^ (1 << 63)),
            Op::F64Ceil { dst, src } => regs.set_f64(dst, num::f64_ceil(regs.f64(src))),
            Op::F64Floor { dst, src } => regs.set_f64(dst, num::f64_floor(regs.f64(src))),
            Op::F64Trunc { dst, src } => regs.set_f64(dst, num::f64_trunc(regs.f64(src))),
            Op::F64Nearest { dst, src } => regs.set_f64(dst, num::f64_nearest(regs.f64(src))),
            Op::F64Sqrt { dst, src } => regs.set_f64(dst, regs.f64(src).sqrt()),

            // ---- conversions ----
            Op::I32TruncF32S { dst, src } => regs.set_i32(dst, tri!(num::i32_trunc_f32_s(regs.f32(src)))),
            Op::I32TruncF32U { dst, src } => regs.set_u32(dst, tri!(num::i32_trunc_f32_u(regs.f32(src)))),
            Op::I32TruncF64S { dst, src } => regs.set_i32(dst, tri!(num::i32_trunc_f64_s(regs.f64(src)))),
            Op::I32TruncF64U { dst, src } => regs.set_u32(dst, tri!(num::i32_trunc_f64_u(regs.f64(src)))),
            Op::I64TruncF32S { dst, src } => regs.set_i64(dst, tri!(num::i64_trunc_f32_s(regs.f32(src)))),
            Op::I64TruncF32U { dst, src } => regs.set(dst, tri!(num::i64_trunc_f32_u(regs.f32(src)))),
            Op::I64TruncF64S { dst, src } => regs.set_i64(dst, tri!(num::i64_trunc_f64_s(regs.f64(src)))),
            Op::I64TruncF64U { dst, src } => regs.set(dst, tri!(num::i64_trunc_f64_u(regs.f64(src)))),
            Op::I32TruncSatF32S { dst, src } => regs.set_i32(dst, regs.f32(src) as i32),
            Op::I32TruncSatF32U { dst, src } => regs.set_u32(dst, regs.f32(src) as u32),
            Op::I32TruncSatF64S { dst, src } => regs.set_i32(dst, regs.f64(src) as i32),
            Op::I32TruncSatF64U { dst, src } => regs.set_u32(dst, regs.f64(src) as u32),
            Op::I64TruncSatF32S { dst, src } => regs.set_i64(dst, regs.f32(src) as i64),
            Op::I64TruncSatF32U { dst, src } => regs.set(dst, regs.f32(src) as u64),
            Op::I64TruncSatF64S { dst, src } => regs.set_i64(dst, regs.f64(src) as i64),
            Op::I64TruncSatF64U { dst, src } => regs.set(dst, regs.f64(src) as u64),
            Op::F32ConvertI32S { dst, src } => regs.set_f32(dst, regs.i32(src) as f32),
            Op::F32ConvertI32U { dst, src } => regs.set_f32(dst, regs.u32(src) as f32),
            Op::F32ConvertI64S { dst, src } => regs.set_f32(dst, regs.i64(src) as f32),
            Op::F32ConvertI64U { dst, src } => regs.set_f32(dst, regs.get(src) as f32),
            Op::F32DemoteF64 { dst, src } => regs.set_f32(dst, regs.f64(src) as f32),
            Op::F64ConvertI32S { dst, src } => regs.set_f64(dst, f64::from(regs.i32(src))),
            Op::F64ConvertI32U { dst, src } => regs.set_f64(dst, f64::from(regs.u32(src))),
            Op::F64ConvertI64S { dst, src } => regs.set_f64(dst, regs.i64(src) as f64),
            Op::F64ConvertI64U { dst, src } => regs.set_f64(dst, regs.get(src) as f64),
            Op::F64PromoteF32 { dst, src } => regs.set_f64(dst, f64::from(regs.f32(src))),
        }
        // SAFETY: a fall-through instruction is never the last of its function.
        ip = unsafe { ip.add(1) };
    }
}
