//! The translation of the fixed-width SIMD operators. A `v128` on the operand stack is two
//! entries (low half, then high half), so every mechanism of `func.rs` (temporaries by stack
//! position, copies, branch values, call spans) works on it cell by cell; an instruction takes
//! the register of the low half and finds the high half in the next register
//! (`FuncTranslator::pop_v128` makes sure of it).

use super::func::{FuncTranslator, Operand};
use super::visit::memory_index;
use crate::error::{Error, Result};
use crate::ir::{Op, Reg};
use wasmparser::{MemArg, V128};

/// Where a SIMD memory access goes.
enum Access {
    /// Memory 0, a 32-bit memory: the SIMD memory instructions, with this offset.
    Memory0(u32),
    /// Memory 0, a 64-bit memory, with an offset below 2^32: `v128.load`/`store` have `…A64`
    /// forms; the other accesses go as [`Access::At`] does.
    Memory0A64(u32),
    /// Any other memory: `MemoryLoadAt`/`MemoryStoreAt` of the bytes, with the register
    /// instructions that build or take apart the vector.
    At { offset: u64, mem: u16 },
}

impl FuncTranslator<'_, '_> {
    /// Emits the instruction `f` makes of the register for a `v128` result at stack position
    /// `pos` ([`FuncTranslator::v128_dst`]) and pushes the result.
    pub(super) fn emit_v128(&mut self, pos: usize, f: impl FnOnce(Reg) -> Op) -> Result<()> {
        let dst = self.v128_dst(pos);
        self.emit(f(dst))?;
        self.push_v128_in(dst)
    }

    /// Pushes a `v128` constant (two constant entries).
    fn v128_const(&mut self, c: u128) -> Result<()> {
        if self.reachable {
            self.push(Operand::Const(c as u64))?;
            self.push_high(Operand::Const((c >> 64) as u64))?;
        }
        Ok(())
    }

    /// `v128 -> v128`.
    fn v128_unop(&mut self, f: fn(Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (src, pos) = self.pop_v128()?;
        self.emit_v128(pos, |dst| f(dst, src))
    }

    /// `v128 v128 -> v128`.
    fn v128_binop(&mut self, f: fn(Reg, Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (rhs, _) = self.pop_v128()?;
        let (lhs, pos) = self.pop_v128()?;
        self.emit_v128(pos, |dst| f(dst, lhs, rhs))
    }

    /// `v128 v128 v128 -> v128`.
    fn v128_ternop(&mut self, f: fn(Reg, Reg, Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (c, _) = self.pop_v128()?;
        let (b, _) = self.pop_v128()?;
        let (a, pos) = self.pop_v128()?;
        self.emit_v128(pos, |dst| f(dst, a, b, c))
    }

    /// `v128 -> i32`.
    fn v128_test(&mut self, f: fn(Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (src, pos) = self.pop_v128()?;
        self.emit(f(self.temp(pos), src))?;
        self.push(Operand::Temp)
    }

    /// `v128 i32 -> v128`.
    fn v128_shift(&mut self, f: fn(Reg, Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (s, spos) = self.pop();
        let rhs = self.reg(s, spos)?;
        let (lhs, pos) = self.pop_v128()?;
        self.emit_v128(pos, |dst| f(dst, lhs, rhs))
    }

    /// A scalar `-> v128`.
    fn v128_splat(&mut self, f: fn(Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (x, pos) = self.pop();
        let src = self.reg(x, pos)?;
        self.emit_v128(pos, |dst| f(dst, src))
    }

    /// `v128 ->` a scalar lane.
    fn v128_extract(&mut self, f: impl Fn(Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (src, pos) = self.pop_v128()?;
        self.emit(f(self.temp(pos), src))?;
        self.push(Operand::Temp)
    }

    /// `v128` and a scalar lane `-> v128`.
    fn v128_replace(&mut self, f: impl Fn(Reg, Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (x, xpos) = self.pop();
        let val = self.reg(x, xpos)?;
        let (src, pos) = self.pop_v128()?;
        self.emit_v128(pos, |dst| f(dst, src, val))
    }

    /// `i8x16.shuffle`: its lane indices become a `v128` constant.
    fn v128_shuffle(&mut self, mask: u128) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (rhs, _) = self.pop_v128()?;
        let (lhs, pos) = self.pop_v128()?;
        let mask = self.v128_const_reg(mask)?;
        self.emit_v128(pos, |dst| Op::I8x16Shuffle { dst, lhs, rhs, mask })
    }

    /// Where a SIMD memory access goes (see [`Access`]).
    fn v128_access(&self, memarg: &MemArg) -> Result<Access> {
        let mem = memory_index(memarg)?;
        if self.fast_memory(mem) {
            // Validation keeps a 32-bit memory's offsets below 2^32.
            let offset = u32::try_from(memarg.offset).map_err(|_| Error::unsupported("memory offsets beyond 4 GiB"))?;
            return Ok(Access::Memory0(offset));
        }
        if self.fast_memory64(mem, memarg.offset) {
            return Ok(Access::Memory0A64(memarg.offset as u32));
        }
        let mem = u16::try_from(mem).map_err(|_| Error::unsupported("more than 65536 memories"))?;
        Ok(Access::At { offset: memarg.offset, mem })
    }

    /// `r[dst] = ` the `kind` load (as `MemoryLoadAt` numbers them) at `r[ptr] + offset` of
    /// memory `mem`.
    fn load_at(&mut self, dst: Reg, ptr: Reg, offset: u64, kind: u16, mem: u16) -> Result<()> {
        let offset = self.const_reg(offset)?;
        self.emit(Op::MemoryLoadAt { dst, ptr, offset, kind, mem })?;
        Ok(())
    }

    /// Stores the low `width` bytes of `r[val]` at `r[ptr] + offset` of memory `mem`.
    fn store_at(&mut self, ptr: Reg, val: Reg, offset: u64, width: u16, mem: u16) -> Result<()> {
        let offset = self.const_reg(offset)?;
        self.emit(Op::MemoryStoreAt { ptr, val, offset, width, mem })?;
        Ok(())
    }

    /// A load `-> v128`. On another memory (or the narrower loads on a 64-bit memory 0) it is a
    /// `MemoryLoadAt` of the bytes into the result's temporary, then the register instruction
    /// that builds the vector from them there (each reads its operands before it writes).
    fn v128_load(&mut self, memarg: MemArg, f: fn(Reg, Reg, u32) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let access = self.v128_access(&memarg)?;
        let (p, pos) = self.pop();
        let ptr = self.reg(p, pos)?;
        let dst = self.v128_dst(pos);
        let (offset, mem) = match access {
            Access::Memory0(offset) => {
                self.emit(f(dst, ptr, offset))?;
                return self.push_v128_in(dst);
            }
            Access::Memory0A64(offset) => match f(dst, ptr, offset) {
                Op::V128Load { dst, ptr, offset } => {
                    self.emit(Op::V128LoadA64 { dst, ptr, offset })?;
                    return self.push_v128_in(dst);
                }
                _ => (u64::from(offset), 0),
            },
            Access::At { offset, mem } => (offset, mem),
        };
        let high = Reg(dst.0 + 1);
        let zero = self.v128_const_reg(0)?;
        match f(dst, ptr, 0) {
            Op::V128Load { .. } => {
                // The high half first: the pointer may be in `dst`. (Loads have no effect, so
                // two of them trap exactly when the 16 bytes are out of bounds; an offset past
                // 2^64 - 8 traps in the first.)
                self.load_at(high, ptr, offset.saturating_add(8), 1, mem)?;
                self.load_at(dst, ptr, offset, 1, mem)?;
            }
            Op::V128Load8x8S { .. } => {
                self.extend_at(dst, ptr, offset, mem, |dst, src| Op::I16x8ExtendLowI8x16S { dst, src })?
            }
            Op::V128Load8x8U { .. } => {
                self.extend_at(dst, ptr, offset, mem, |dst, src| Op::I16x8ExtendLowI8x16U { dst, src })?
            }
            Op::V128Load16x4S { .. } => {
                self.extend_at(dst, ptr, offset, mem, |dst, src| Op::I32x4ExtendLowI16x8S { dst, src })?
            }
            Op::V128Load16x4U { .. } => {
                self.extend_at(dst, ptr, offset, mem, |dst, src| Op::I32x4ExtendLowI16x8U { dst, src })?
            }
            Op::V128Load32x2S { .. } => {
                self.extend_at(dst, ptr, offset, mem, |dst, src| Op::I64x2ExtendLowI32x4S { dst, src })?
            }
            Op::V128Load32x2U { .. } => {
                self.extend_at(dst, ptr, offset, mem, |dst, src| Op::I64x2ExtendLowI32x4U { dst, src })?
            }
            Op::V128Load8Splat { .. } => {
                self.load_at(dst, ptr, offset, 3, mem)?;
                self.emit(Op::I8x16Splat { dst, src: dst })?;
            }
            Op::V128Load16Splat { .. } => {
                self.load_at(dst, ptr, offset, 5, mem)?;
                self.emit(Op::I16x8Splat { dst, src: dst })?;
            }
            Op::V128Load32Splat { .. } => {
                self.load_at(dst, ptr, offset, 0, mem)?;
                self.emit(Op::I32x4Splat { dst, src: dst })?;
            }
            Op::V128Load64Splat { .. } => {
                self.load_at(dst, ptr, offset, 1, mem)?;
                self.emit(Op::I64x2Splat { dst, src: dst })?;
            }
            Op::V128Load32Zero { .. } => {
                self.load_at(dst, ptr, offset, 0, mem)?;
                self.emit(Op::I32x4ReplaceLane { dst, src: zero, val: dst, lane: 0 })?;
            }
            _ => {
                self.load_at(dst, ptr, offset, 1, mem)?;
                self.emit(Op::I64x2ReplaceLane { dst, src: zero, val: dst, lane: 0 })?;
            }
        }
        self.push_v128_in(dst)
    }

    /// An extending load on any memory: the 8 bytes into lane 0 of a zero vector, then `extend`
    /// of its low half.
    fn extend_at(&mut self, dst: Reg, ptr: Reg, offset: u64, mem: u16, extend: fn(Reg, Reg) -> Op) -> Result<()> {
        let zero = self.v128_const_reg(0)?;
        self.load_at(dst, ptr, offset, 1, mem)?;
        self.emit(Op::I64x2ReplaceLane { dst, src: zero, val: dst, lane: 0 })?;
        self.emit(extend(dst, dst))?;
        Ok(())
    }

    /// `v128.store`. On another memory: two 8-byte `MemoryStoreAt`s, the high half first (if its
    /// bytes are in bounds, so are those below them: nothing is written when the access traps).
    fn v128_store(&mut self, memarg: MemArg) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let access = self.v128_access(&memarg)?;
        let (val, _) = self.pop_v128()?;
        let (p, pos) = self.pop();
        let ptr = self.reg(p, pos)?;
        match access {
            Access::Memory0(offset) => self.emit(Op::V128Store { ptr, val, offset }).map(drop),
            Access::Memory0A64(offset) => self.emit(Op::V128StoreA64 { ptr, val, offset }).map(drop),
            Access::At { offset, mem } => {
                self.store_at(ptr, Reg(val.0 + 1), offset.saturating_add(8), 8, mem)?;
                self.store_at(ptr, val, offset, 8, mem)
            }
        }
    }

    /// A load into one lane (the offset in a constant register). On another memory (or a 64-bit
    /// memory 0): a `MemoryLoadAt` into the result's temporary, then `replace_lane`.
    fn v128_load_lane(&mut self, memarg: MemArg, f: impl Fn(Reg, Reg, Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let access = self.v128_access(&memarg)?;
        let (vec, _) = self.pop_v128()?;
        let (p, pos) = self.pop();
        let ptr = self.reg(p, pos)?;
        let dst = self.v128_dst(pos);
        let (offset, mem) = match access {
            Access::Memory0(offset) => {
                let offset = self.const_reg(u64::from(offset))?;
                self.emit(f(dst, ptr, vec, offset))?;
                return self.push_v128_in(dst);
            }
            Access::Memory0A64(offset) => (u64::from(offset), 0),
            Access::At { offset, mem } => (offset, mem),
        };
        // `dst` may hold the pointer (read by the load) but not the vector (above it).
        let replace = match f(dst, ptr, vec, ptr) {
            Op::V128Load8Lane { lane, .. } => (3, Op::I8x16ReplaceLane { dst, src: vec, val: dst, lane }),
            Op::V128Load16Lane { lane, .. } => (5, Op::I16x8ReplaceLane { dst, src: vec, val: dst, lane }),
            Op::V128Load32Lane { lane, .. } => (0, Op::I32x4ReplaceLane { dst, src: vec, val: dst, lane }),
            op => {
                let lane = if let Op::V128Load64Lane { lane, .. } = op { lane } else { 0 };
                (1, Op::I64x2ReplaceLane { dst, src: vec, val: dst, lane })
            }
        };
        self.load_at(dst, ptr, offset, replace.0, mem)?;
        self.emit(replace.1)?;
        self.push_v128_in(dst)
    }

    /// A store of one lane. On another memory (or a 64-bit memory 0): `extract_lane` into the
    /// vector's temporary (above the pointer's), then a `MemoryStoreAt`.
    fn v128_store_lane(&mut self, memarg: MemArg, f: impl Fn(Reg, Reg, u32) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let access = self.v128_access(&memarg)?;
        let (vec, vpos) = self.pop_v128()?;
        let (p, pos) = self.pop();
        let ptr = self.reg(p, pos)?;
        let (offset, mem) = match access {
            Access::Memory0(offset) => return self.emit(f(ptr, vec, offset)).map(drop),
            Access::Memory0A64(offset) => (u64::from(offset), 0),
            Access::At { offset, mem } => (offset, mem),
        };
        let lane = self.temp(vpos);
        let (extract, width) = match f(ptr, vec, 0) {
            Op::V128Store8Lane { lane: l, .. } => (Op::I8x16ExtractLaneU { dst: lane, src: vec, lane: l }, 1),
            Op::V128Store16Lane { lane: l, .. } => (Op::I16x8ExtractLaneU { dst: lane, src: vec, lane: l }, 2),
            Op::V128Store32Lane { lane: l, .. } => (Op::I32x4ExtractLane { dst: lane, src: vec, lane: l }, 4),
            op => {
                let l = if let Op::V128Store64Lane { lane, .. } = op { lane } else { 0 };
                (Op::I64x2ExtractLane { dst: lane, src: vec, lane: l }, 8)
            }
        };
        self.emit(extract)?;
        self.store_at(ptr, lane, offset, width, mem)
    }

    // ---- one method per operator ----

    pub(super) fn visit_v128_not(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::V128Not { dst, src })
    }

    pub(super) fn visit_v128_and(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::V128And { dst, lhs, rhs })
    }

    pub(super) fn visit_v128_andnot(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::V128AndNot { dst, lhs, rhs })
    }

    pub(super) fn visit_v128_or(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::V128Or { dst, lhs, rhs })
    }

    pub(super) fn visit_v128_xor(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::V128Xor { dst, lhs, rhs })
    }

    pub(super) fn visit_v128_bitselect(&mut self) -> Result<()> {
        self.v128_ternop(|dst, a, b, c| Op::V128Bitselect { dst, a, b, c })
    }

    pub(super) fn visit_v128_any_true(&mut self) -> Result<()> {
        self.v128_test(|dst, src| Op::V128AnyTrue { dst, src })
    }

    pub(super) fn visit_i8x16_add(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16Add { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_sub(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16Sub { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_neg(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I8x16Neg { dst, src })
    }

    pub(super) fn visit_i8x16_abs(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I8x16Abs { dst, src })
    }

    pub(super) fn visit_i8x16_eq(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16Eq { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_ne(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16Ne { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_lt_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16LtS { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_lt_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16LtU { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_gt_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16GtS { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_gt_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16GtU { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_le_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16LeS { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_le_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16LeU { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_ge_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16GeS { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_ge_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16GeU { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_shl(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I8x16Shl { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_shr_s(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I8x16ShrS { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_shr_u(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I8x16ShrU { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_all_true(&mut self) -> Result<()> {
        self.v128_test(|dst, src| Op::I8x16AllTrue { dst, src })
    }

    pub(super) fn visit_i8x16_bitmask(&mut self) -> Result<()> {
        self.v128_test(|dst, src| Op::I8x16Bitmask { dst, src })
    }

    pub(super) fn visit_i8x16_splat(&mut self) -> Result<()> {
        self.v128_splat(|dst, src| Op::I8x16Splat { dst, src })
    }

    pub(super) fn visit_i8x16_min_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16MinS { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_min_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16MinU { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_max_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16MaxS { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_max_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16MaxU { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_add_sat_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16AddSatS { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_add_sat_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16AddSatU { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_sub_sat_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16SubSatS { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_sub_sat_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16SubSatU { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_avgr_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16AvgrU { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_extract_lane_s(&mut self, lane: u8) -> Result<()> {
        self.v128_extract(|dst, src| Op::I8x16ExtractLaneS { dst, src, lane: u16::from(lane) })
    }

    pub(super) fn visit_i8x16_extract_lane_u(&mut self, lane: u8) -> Result<()> {
        self.v128_extract(|dst, src| Op::I8x16ExtractLaneU { dst, src, lane: u16::from(lane) })
    }

    pub(super) fn visit_i8x16_replace_lane(&mut self, lane: u8) -> Result<()> {
        self.v128_replace(|dst, src, val| Op::I8x16ReplaceLane { dst, src, val, lane: u16::from(lane) })
    }

    pub(super) fn visit_i16x8_add(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8Add { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_sub(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8Sub { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_mul(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8Mul { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_neg(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I16x8Neg { dst, src })
    }

    pub(super) fn visit_i16x8_abs(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I16x8Abs { dst, src })
    }

    pub(super) fn visit_i16x8_eq(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8Eq { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_ne(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8Ne { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_lt_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8LtS { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_lt_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8LtU { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_gt_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8GtS { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_gt_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8GtU { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_le_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8LeS { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_le_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8LeU { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_ge_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8GeS { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_ge_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8GeU { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_shl(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I16x8Shl { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_shr_s(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I16x8ShrS { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_shr_u(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I16x8ShrU { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_all_true(&mut self) -> Result<()> {
        self.v128_test(|dst, src| Op::I16x8AllTrue { dst, src })
    }

    pub(super) fn visit_i16x8_bitmask(&mut self) -> Result<()> {
        self.v128_test(|dst, src| Op::I16x8Bitmask { dst, src })
    }

    pub(super) fn visit_i16x8_splat(&mut self) -> Result<()> {
        self.v128_splat(|dst, src| Op::I16x8Splat { dst, src })
    }

    pub(super) fn visit_i16x8_min_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8MinS { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_min_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8MinU { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_max_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8MaxS { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_max_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8MaxU { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_add_sat_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8AddSatS { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_add_sat_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8AddSatU { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_sub_sat_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8SubSatS { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_sub_sat_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8SubSatU { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_avgr_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8AvgrU { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_extract_lane_s(&mut self, lane: u8) -> Result<()> {
        self.v128_extract(|dst, src| Op::I16x8ExtractLaneS { dst, src, lane: u16::from(lane) })
    }

    pub(super) fn visit_i16x8_extract_lane_u(&mut self, lane: u8) -> Result<()> {
        self.v128_extract(|dst, src| Op::I16x8ExtractLaneU { dst, src, lane: u16::from(lane) })
    }

    pub(super) fn visit_i16x8_replace_lane(&mut self, lane: u8) -> Result<()> {
        self.v128_replace(|dst, src, val| Op::I16x8ReplaceLane { dst, src, val, lane: u16::from(lane) })
    }

    pub(super) fn visit_i32x4_add(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4Add { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_sub(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4Sub { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_mul(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4Mul { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_neg(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4Neg { dst, src })
    }

    pub(super) fn visit_i32x4_abs(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4Abs { dst, src })
    }

    pub(super) fn visit_i32x4_eq(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4Eq { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_ne(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4Ne { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_lt_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4LtS { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_lt_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4LtU { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_gt_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4GtS { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_gt_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4GtU { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_le_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4LeS { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_le_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4LeU { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_ge_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4GeS { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_ge_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4GeU { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_shl(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I32x4Shl { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_shr_s(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I32x4ShrS { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_shr_u(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I32x4ShrU { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_all_true(&mut self) -> Result<()> {
        self.v128_test(|dst, src| Op::I32x4AllTrue { dst, src })
    }

    pub(super) fn visit_i32x4_bitmask(&mut self) -> Result<()> {
        self.v128_test(|dst, src| Op::I32x4Bitmask { dst, src })
    }

    pub(super) fn visit_i32x4_splat(&mut self) -> Result<()> {
        self.v128_splat(|dst, src| Op::I32x4Splat { dst, src })
    }

    pub(super) fn visit_i32x4_min_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4MinS { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_min_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4MinU { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_max_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4MaxS { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_max_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4MaxU { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_extract_lane(&mut self, lane: u8) -> Result<()> {
        self.v128_extract(|dst, src| Op::I32x4ExtractLane { dst, src, lane: u16::from(lane) })
    }

    pub(super) fn visit_i32x4_replace_lane(&mut self, lane: u8) -> Result<()> {
        self.v128_replace(|dst, src, val| Op::I32x4ReplaceLane { dst, src, val, lane: u16::from(lane) })
    }

    pub(super) fn visit_i64x2_add(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2Add { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_sub(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2Sub { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_mul(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2Mul { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_neg(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I64x2Neg { dst, src })
    }

    pub(super) fn visit_i64x2_abs(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I64x2Abs { dst, src })
    }

    pub(super) fn visit_i64x2_eq(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2Eq { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_ne(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2Ne { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_lt_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2LtS { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_gt_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2GtS { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_le_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2LeS { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_ge_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2GeS { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_shl(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I64x2Shl { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_shr_s(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I64x2ShrS { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_shr_u(&mut self) -> Result<()> {
        self.v128_shift(|dst, lhs, rhs| Op::I64x2ShrU { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_all_true(&mut self) -> Result<()> {
        self.v128_test(|dst, src| Op::I64x2AllTrue { dst, src })
    }

    pub(super) fn visit_i64x2_bitmask(&mut self) -> Result<()> {
        self.v128_test(|dst, src| Op::I64x2Bitmask { dst, src })
    }

    pub(super) fn visit_i64x2_splat(&mut self) -> Result<()> {
        self.v128_splat(|dst, src| Op::I64x2Splat { dst, src })
    }

    pub(super) fn visit_i64x2_extract_lane(&mut self, lane: u8) -> Result<()> {
        self.v128_extract(|dst, src| Op::I64x2ExtractLane { dst, src, lane: u16::from(lane) })
    }

    pub(super) fn visit_i64x2_replace_lane(&mut self, lane: u8) -> Result<()> {
        self.v128_replace(|dst, src, val| Op::I64x2ReplaceLane { dst, src, val, lane: u16::from(lane) })
    }

    pub(super) fn visit_i8x16_popcnt(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I8x16Popcnt { dst, src })
    }

    pub(super) fn visit_i16x8_q15mulr_sat_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8Q15mulrSatS { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_dot_i16x8_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4DotI16x8S { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_narrow_i16x8_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16NarrowI16x8S { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_narrow_i16x8_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16NarrowI16x8U { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_narrow_i32x4_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8NarrowI32x4S { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_narrow_i32x4_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8NarrowI32x4U { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_extend_low_i8x16_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I16x8ExtendLowI8x16S { dst, src })
    }

    pub(super) fn visit_i16x8_extmul_low_i8x16_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8ExtmulLowI8x16S { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_extend_high_i8x16_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I16x8ExtendHighI8x16S { dst, src })
    }

    pub(super) fn visit_i16x8_extmul_high_i8x16_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8ExtmulHighI8x16S { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_extadd_pairwise_i8x16_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I16x8ExtaddPairwiseI8x16S { dst, src })
    }

    pub(super) fn visit_i16x8_extend_low_i8x16_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I16x8ExtendLowI8x16U { dst, src })
    }

    pub(super) fn visit_i16x8_extmul_low_i8x16_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8ExtmulLowI8x16U { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_extend_high_i8x16_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I16x8ExtendHighI8x16U { dst, src })
    }

    pub(super) fn visit_i16x8_extmul_high_i8x16_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8ExtmulHighI8x16U { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_extadd_pairwise_i8x16_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I16x8ExtaddPairwiseI8x16U { dst, src })
    }

    pub(super) fn visit_i32x4_extend_low_i16x8_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4ExtendLowI16x8S { dst, src })
    }

    pub(super) fn visit_i32x4_extmul_low_i16x8_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4ExtmulLowI16x8S { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_extend_high_i16x8_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4ExtendHighI16x8S { dst, src })
    }

    pub(super) fn visit_i32x4_extmul_high_i16x8_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4ExtmulHighI16x8S { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_extadd_pairwise_i16x8_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4ExtaddPairwiseI16x8S { dst, src })
    }

    pub(super) fn visit_i32x4_extend_low_i16x8_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4ExtendLowI16x8U { dst, src })
    }

    pub(super) fn visit_i32x4_extmul_low_i16x8_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4ExtmulLowI16x8U { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_extend_high_i16x8_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4ExtendHighI16x8U { dst, src })
    }

    pub(super) fn visit_i32x4_extmul_high_i16x8_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I32x4ExtmulHighI16x8U { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_extadd_pairwise_i16x8_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4ExtaddPairwiseI16x8U { dst, src })
    }

    pub(super) fn visit_i64x2_extend_low_i32x4_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I64x2ExtendLowI32x4S { dst, src })
    }

    pub(super) fn visit_i64x2_extmul_low_i32x4_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2ExtmulLowI32x4S { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_extend_high_i32x4_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I64x2ExtendHighI32x4S { dst, src })
    }

    pub(super) fn visit_i64x2_extmul_high_i32x4_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2ExtmulHighI32x4S { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_extend_low_i32x4_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I64x2ExtendLowI32x4U { dst, src })
    }

    pub(super) fn visit_i64x2_extmul_low_i32x4_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2ExtmulLowI32x4U { dst, lhs, rhs })
    }

    pub(super) fn visit_i64x2_extend_high_i32x4_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I64x2ExtendHighI32x4U { dst, src })
    }

    pub(super) fn visit_i64x2_extmul_high_i32x4_u(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I64x2ExtmulHighI32x4U { dst, lhs, rhs })
    }

    pub(super) fn visit_i8x16_shuffle(&mut self, lanes: [u8; 16]) -> Result<()> {
        self.v128_shuffle(u128::from_le_bytes(lanes))
    }

    pub(super) fn visit_i8x16_swizzle(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16Swizzle { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_add(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Add { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_sub(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Sub { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_mul(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Mul { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_div(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Div { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_min(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Min { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_max(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Max { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_pmin(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Pmin { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_pmax(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Pmax { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_eq(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Eq { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_ne(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Ne { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_lt(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Lt { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_gt(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Gt { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_le(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Le { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_ge(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Ge { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_abs(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F32x4Abs { dst, src })
    }

    pub(super) fn visit_f32x4_neg(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F32x4Neg { dst, src })
    }

    pub(super) fn visit_f32x4_sqrt(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F32x4Sqrt { dst, src })
    }

    pub(super) fn visit_f32x4_ceil(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F32x4Ceil { dst, src })
    }

    pub(super) fn visit_f32x4_floor(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F32x4Floor { dst, src })
    }

    pub(super) fn visit_f32x4_trunc(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F32x4Trunc { dst, src })
    }

    pub(super) fn visit_f32x4_nearest(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F32x4Nearest { dst, src })
    }

    pub(super) fn visit_f64x2_add(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Add { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_sub(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Sub { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_mul(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Mul { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_div(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Div { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_min(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Min { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_max(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Max { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_pmin(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Pmin { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_pmax(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Pmax { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_eq(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Eq { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_ne(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Ne { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_lt(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Lt { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_gt(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Gt { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_le(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Le { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_ge(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Ge { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_abs(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F64x2Abs { dst, src })
    }

    pub(super) fn visit_f64x2_neg(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F64x2Neg { dst, src })
    }

    pub(super) fn visit_f64x2_sqrt(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F64x2Sqrt { dst, src })
    }

    pub(super) fn visit_f64x2_ceil(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F64x2Ceil { dst, src })
    }

    pub(super) fn visit_f64x2_floor(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F64x2Floor { dst, src })
    }

    pub(super) fn visit_f64x2_trunc(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F64x2Trunc { dst, src })
    }

    pub(super) fn visit_f64x2_nearest(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F64x2Nearest { dst, src })
    }

    pub(super) fn visit_i32x4_trunc_sat_f32x4_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4TruncSatF32x4S { dst, src })
    }

    pub(super) fn visit_i32x4_trunc_sat_f32x4_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4TruncSatF32x4U { dst, src })
    }

    pub(super) fn visit_f32x4_convert_i32x4_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F32x4ConvertI32x4S { dst, src })
    }

    pub(super) fn visit_f32x4_convert_i32x4_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F32x4ConvertI32x4U { dst, src })
    }

    pub(super) fn visit_i32x4_trunc_sat_f64x2_s_zero(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4TruncSatF64x2SZero { dst, src })
    }

    pub(super) fn visit_i32x4_trunc_sat_f64x2_u_zero(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4TruncSatF64x2UZero { dst, src })
    }

    pub(super) fn visit_f64x2_convert_low_i32x4_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F64x2ConvertLowI32x4S { dst, src })
    }

    pub(super) fn visit_f64x2_convert_low_i32x4_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F64x2ConvertLowI32x4U { dst, src })
    }

    pub(super) fn visit_f32x4_demote_f64x2_zero(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F32x4DemoteF64x2Zero { dst, src })
    }

    pub(super) fn visit_f64x2_promote_low_f32x4(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::F64x2PromoteLowF32x4 { dst, src })
    }

    pub(super) fn visit_f32x4_splat(&mut self) -> Result<()> {
        self.v128_splat(|dst, src| Op::I32x4Splat { dst, src })
    }

    pub(super) fn visit_f64x2_splat(&mut self) -> Result<()> {
        self.v128_splat(|dst, src| Op::I64x2Splat { dst, src })
    }

    pub(super) fn visit_f32x4_extract_lane(&mut self, lane: u8) -> Result<()> {
        self.v128_extract(|dst, src| Op::I32x4ExtractLane { dst, src, lane: u16::from(lane) })
    }

    pub(super) fn visit_f64x2_extract_lane(&mut self, lane: u8) -> Result<()> {
        self.v128_extract(|dst, src| Op::I64x2ExtractLane { dst, src, lane: u16::from(lane) })
    }

    pub(super) fn visit_f32x4_replace_lane(&mut self, lane: u8) -> Result<()> {
        self.v128_replace(|dst, src, val| Op::I32x4ReplaceLane { dst, src, val, lane: u16::from(lane) })
    }

    pub(super) fn visit_f64x2_replace_lane(&mut self, lane: u8) -> Result<()> {
        self.v128_replace(|dst, src, val| Op::I64x2ReplaceLane { dst, src, val, lane: u16::from(lane) })
    }

    pub(super) fn visit_v128_load(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load8x8_s(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load8x8S { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load8x8_u(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load8x8U { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load16x4_s(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load16x4S { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load16x4_u(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load16x4U { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load32x2_s(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load32x2S { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load32x2_u(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load32x2U { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load8_splat(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load8Splat { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load16_splat(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load16Splat { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load32_splat(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load32Splat { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load64_splat(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load64Splat { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load32_zero(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load32Zero { dst, ptr, offset })
    }

    pub(super) fn visit_v128_load64_zero(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_load(memarg, |dst, ptr, offset| Op::V128Load64Zero { dst, ptr, offset })
    }

    pub(super) fn visit_v128_store(&mut self, memarg: MemArg) -> Result<()> {
        self.v128_store(memarg)
    }

    pub(super) fn visit_v128_load8_lane(&mut self, memarg: MemArg, lane: u8) -> Result<()> {
        self.v128_load_lane(memarg, |dst, ptr, vec, offset| Op::V128Load8Lane {
            dst,
            ptr,
            vec,
            offset,
            lane: u16::from(lane),
        })
    }

    pub(super) fn visit_v128_store8_lane(&mut self, memarg: MemArg, lane: u8) -> Result<()> {
        self.v128_store_lane(memarg, |ptr, vec, offset| Op::V128Store8Lane { ptr, vec, lane: u16::from(lane), offset })
    }

    pub(super) fn visit_v128_load16_lane(&mut self, memarg: MemArg, lane: u8) -> Result<()> {
        self.v128_load_lane(memarg, |dst, ptr, vec, offset| Op::V128Load16Lane {
            dst,
            ptr,
            vec,
            offset,
            lane: u16::from(lane),
        })
    }

    pub(super) fn visit_v128_store16_lane(&mut self, memarg: MemArg, lane: u8) -> Result<()> {
        self.v128_store_lane(memarg, |ptr, vec, offset| Op::V128Store16Lane { ptr, vec, lane: u16::from(lane), offset })
    }

    pub(super) fn visit_v128_load32_lane(&mut self, memarg: MemArg, lane: u8) -> Result<()> {
        self.v128_load_lane(memarg, |dst, ptr, vec, offset| Op::V128Load32Lane {
            dst,
            ptr,
            vec,
            offset,
            lane: u16::from(lane),
        })
    }

    pub(super) fn visit_v128_store32_lane(&mut self, memarg: MemArg, lane: u8) -> Result<()> {
        self.v128_store_lane(memarg, |ptr, vec, offset| Op::V128Store32Lane { ptr, vec, lane: u16::from(lane), offset })
    }

    pub(super) fn visit_v128_load64_lane(&mut self, memarg: MemArg, lane: u8) -> Result<()> {
        self.v128_load_lane(memarg, |dst, ptr, vec, offset| Op::V128Load64Lane {
            dst,
            ptr,
            vec,
            offset,
            lane: u16::from(lane),
        })
    }

    pub(super) fn visit_v128_store64_lane(&mut self, memarg: MemArg, lane: u8) -> Result<()> {
        self.v128_store_lane(memarg, |ptr, vec, offset| Op::V128Store64Lane { ptr, vec, lane: u16::from(lane), offset })
    }

    pub(super) fn visit_v128_const(&mut self, value: V128) -> Result<()> {
        self.v128_const(u128::from_le_bytes(*value.bytes()))
    }
}

/// The relaxed-SIMD operators (Wasm 3.0), each with the one result the deterministic profile of the
/// specification prescribes, so a module computes the same on every host. Where that result is
/// what a fixed-width instruction computes, the operator becomes that instruction: `relaxed_swizzle`
/// is `i8x16.swizzle`, the `relaxed_trunc`s are the `trunc_sat`s, the `relaxed_laneselect`s are
/// `v128.bitselect`, `relaxed_min`/`max` are `min`/`max`, `relaxed_q15mulr_s` is
/// `q15mulr_sat_s`. Only the multiply-adds (unfused) and the dot products (second operand signed)
/// have instructions of their own.
impl FuncTranslator<'_, '_> {
    pub(super) fn visit_i8x16_relaxed_swizzle(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I8x16Swizzle { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_relaxed_trunc_f32x4_s(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4TruncSatF32x4S { dst, src })
    }

    pub(super) fn visit_i32x4_relaxed_trunc_f32x4_u(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4TruncSatF32x4U { dst, src })
    }

    pub(super) fn visit_i32x4_relaxed_trunc_f64x2_s_zero(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4TruncSatF64x2SZero { dst, src })
    }

    pub(super) fn visit_i32x4_relaxed_trunc_f64x2_u_zero(&mut self) -> Result<()> {
        self.v128_unop(|dst, src| Op::I32x4TruncSatF64x2UZero { dst, src })
    }

    pub(super) fn visit_f32x4_relaxed_madd(&mut self) -> Result<()> {
        self.v128_ternop(|dst, a, b, c| Op::F32x4RelaxedMadd { dst, a, b, c })
    }

    pub(super) fn visit_f32x4_relaxed_nmadd(&mut self) -> Result<()> {
        self.v128_ternop(|dst, a, b, c| Op::F32x4RelaxedNmadd { dst, a, b, c })
    }

    pub(super) fn visit_f64x2_relaxed_madd(&mut self) -> Result<()> {
        self.v128_ternop(|dst, a, b, c| Op::F64x2RelaxedMadd { dst, a, b, c })
    }

    pub(super) fn visit_f64x2_relaxed_nmadd(&mut self) -> Result<()> {
        self.v128_ternop(|dst, a, b, c| Op::F64x2RelaxedNmadd { dst, a, b, c })
    }

    pub(super) fn visit_i8x16_relaxed_laneselect(&mut self) -> Result<()> {
        self.v128_ternop(|dst, a, b, c| Op::V128Bitselect { dst, a, b, c })
    }

    pub(super) fn visit_i16x8_relaxed_laneselect(&mut self) -> Result<()> {
        self.v128_ternop(|dst, a, b, c| Op::V128Bitselect { dst, a, b, c })
    }

    pub(super) fn visit_i32x4_relaxed_laneselect(&mut self) -> Result<()> {
        self.v128_ternop(|dst, a, b, c| Op::V128Bitselect { dst, a, b, c })
    }

    pub(super) fn visit_i64x2_relaxed_laneselect(&mut self) -> Result<()> {
        self.v128_ternop(|dst, a, b, c| Op::V128Bitselect { dst, a, b, c })
    }

    pub(super) fn visit_f32x4_relaxed_min(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Min { dst, lhs, rhs })
    }

    pub(super) fn visit_f32x4_relaxed_max(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F32x4Max { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_relaxed_min(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Min { dst, lhs, rhs })
    }

    pub(super) fn visit_f64x2_relaxed_max(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::F64x2Max { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_relaxed_q15mulr_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8Q15mulrSatS { dst, lhs, rhs })
    }

    pub(super) fn visit_i16x8_relaxed_dot_i8x16_i7x16_s(&mut self) -> Result<()> {
        self.v128_binop(|dst, lhs, rhs| Op::I16x8RelaxedDotI8x16I7x16S { dst, lhs, rhs })
    }

    pub(super) fn visit_i32x4_relaxed_dot_i8x16_i7x16_add_s(&mut self) -> Result<()> {
        self.v128_ternop(|dst, a, b, c| Op::I32x4RelaxedDotI8x16I7x16AddS { dst, a, b, c })
    }
}
