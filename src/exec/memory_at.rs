//! The memory instructions on any memory (`MemoryLoadAt` and kin: memories other than memory 0,
//! 64-bit memories, memories of 1-byte pages), run out of line through `Ctx::store_op`. The
//! memory-0 instructions never come here: the dispatcher keeps memory 0 in a register.
//!
//! Every bound is checked in `u64` arithmetic that cannot wrap (`checked_add`), so an address
//! and offset near 2^64 trap instead of wrapping around into the memory.

use super::regs::Regs;
use crate::error::TrapCode;
use crate::ir::{Op, Reg};
use crate::runtime::{MemoryEntity, StoreInner};
use std::ops::Range;

/// Bytes read by each `MemoryLoadAt` kind (see the op list).
const LOAD_WIDTH: [u64; 9] = [4, 8, 1, 1, 2, 2, 1, 2, 4];

/// An address or length operand of a memory: all 64 bits for a 64-bit memory, the low 32 bits
/// otherwise.
#[inline]
fn operand(r: Regs, reg: Reg, is_64: bool) -> u64 {
    if is_64 { r.get(reg) } else { u64::from(r.u32(reg)) }
}

/// `start..start + len` if it lies within `size` bytes.
fn range(start: u64, len: u64, size: usize) -> Result<Range<usize>, TrapCode> {
    let end = start.checked_add(len).filter(|&end| end <= size as u64).ok_or(TrapCode::MemoryOutOfBounds)?;
    // Both fit in `usize`: they are at most `size`.
    Ok(start as usize..end as usize)
}

/// The store index of the running instance's memory `mem`.
fn memory_of(store: &StoreInner, inst: usize, mem: u32) -> usize {
    store.instances[inst].memories[mem as usize] as usize
}

/// The store index of the memory a `MemoryGrowAt` grows, its current and desired size in bytes
/// (for the resource limiter), or `None` for other instructions.
pub(super) fn growth(store: &StoreInner, inst: usize, r: Regs, op: &Op) -> Option<(usize, usize, usize)> {
    let Op::MemoryGrowAt { delta, mem, .. } = *op else { return None };
    let index = memory_of(store, inst, mem);
    let m = &store.memories[index];
    let current = m.data.len();
    let delta = operand(r, delta, m.is_64()).saturating_mul(m.ty.page_size());
    let desired = (current as u64).saturating_add(delta);
    Some((index, current, usize::try_from(desired).unwrap_or(usize::MAX)))
}

/// Writes the result of a refused `memory.grow` on `m`: -1 as the memory's index type.
pub(super) fn refuse_growth(m: &MemoryEntity, r: Regs, dst: Reg) {
    r.set(dst, if m.is_64() { u64::MAX } else { u64::from(u32::MAX) });
}

/// Runs one of the `…At` memory instructions.
///
/// # Panics
/// On any other instruction (the dispatcher sends only these here).
pub(super) fn run(store: &mut StoreInner, inst: usize, r: Regs, op: &Op) -> Result<(), TrapCode> {
    match *op {
        Op::MemoryLoadAt { dst, ptr, offset, kind, mem } => {
            let m = &store.memories[memory_of(store, inst, u32::from(mem))];
            let width = LOAD_WIDTH[usize::from(kind)];
            let ea = operand(r, ptr, m.is_64()).checked_add(r.get(offset)).ok_or(TrapCode::MemoryOutOfBounds)?;
            let mut bytes = [0u8; 8];
            bytes[..width as usize].copy_from_slice(&m.data[range(ea, width, m.data.len())?]);
            let v = u64::from_le_bytes(bytes);
            r.set(
                dst,
                match kind {
                    2 => u64::from(v as u8 as i8 as i32 as u32),
                    4 => u64::from(v as u16 as i16 as i32 as u32),
                    6 => v as u8 as i8 as i64 as u64,
                    7 => v as u16 as i16 as i64 as u64,
                    8 => v as u32 as i32 as i64 as u64,
                    _ => v,
                },
            );
        }
        Op::MemoryStoreAt { ptr, val, offset, width, mem } => {
            let index = memory_of(store, inst, u32::from(mem));
            let m = &mut store.memories[index];
            let width = u64::from(width);
            let ea = operand(r, ptr, m.is_64()).checked_add(r.get(offset)).ok_or(TrapCode::MemoryOutOfBounds)?;
            let to = range(ea, width, m.data.len())?;
            m.data[to].copy_from_slice(&r.get(val).to_le_bytes()[..width as usize]);
        }
        Op::MemorySizeAt { dst, mem } => r.set(dst, store.memories[memory_of(store, inst, mem)].pages()),
        Op::MemoryGrowAt { dst, delta, mem } => {
            let index = memory_of(store, inst, mem);
            let m = &mut store.memories[index];
            match m.grow(operand(r, delta, m.is_64())) {
                Some(old) => r.set(dst, old),
                None => refuse_growth(m, r, dst),
            }
        }
        Op::MemoryFillAt { dst, val, len, mem } => {
            let index = memory_of(store, inst, mem);
            let m = &mut store.memories[index];
            let is_64 = m.is_64();
            let to = range(operand(r, dst, is_64), operand(r, len, is_64), m.data.len())?;
            m.data[to].fill(r.get(val) as u8);
        }
        Op::MemoryCopyAt { dst, src, len, dst_mem, src_mem } => {
            let (d, s) = (memory_of(store, inst, u32::from(dst_mem)), memory_of(store, inst, u32::from(src_mem)));
            let (d64, s64) = (store.memories[d].is_64(), store.memories[s].is_64());
            // The length is an `i64` only when both memories are 64-bit.
            let n = operand(r, len, d64 && s64);
            let to = range(operand(r, dst, d64), n, store.memories[d].data.len())?;
            let from = range(operand(r, src, s64), n, store.memories[s].data.len())?;
            if d == s {
                store.memories[d].data.copy_within(from, to.start);
            } else {
                let (dm, sm) = if d < s {
                    let (low, high) = store.memories.split_at_mut(s);
                    (&mut low[d], &high[0])
                } else {
                    let (low, high) = store.memories.split_at_mut(d);
                    (&mut high[0], &low[s])
                };
                dm.data[to].copy_from_slice(&sm.data[from]);
            }
        }
        Op::MemoryInitAt { dst, src, len, data, mem } => {
            let index = memory_of(store, inst, u32::from(mem));
            let segment = &store.instances[inst].datas[usize::from(data)];
            let m = &mut store.memories[index];
            let to = operand(r, dst, m.is_64());
            m.init(to, segment, r.u32(src), u64::from(r.u32(len)))?;
        }
        _ => unreachable!("not a memory instruction on any memory: {}", op.name()),
    }
    Ok(())
}
