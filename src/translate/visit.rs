//! One method per Wasm operator: how each becomes register IR. The methods emit plain
//! instructions; fusions happen where they are emitted (`fuse.rs`).

use super::func::{CatchTarget, Ctrl, CtrlKind, FuncTranslator, OpenTry, Operand, PendingCatch};
use crate::error::{Error, Result};
use crate::ir::{BranchOffset, Op, Reg};
use smallvec::SmallVec;
use std::collections::HashMap;
use wasmparser::{BlockType, BrTable, HeapType, Ieee32, Ieee64, MemArg, ValType};

type RR = fn(Reg, Reg, Reg) -> Op;
type RI = fn(Reg, Reg, i32) -> Op;

macro_rules! rr {
    ($name:ident) => {
        |dst, lhs, rhs| Op::$name { dst, lhs, rhs }
    };
}
macro_rules! ri {
    ($name:ident) => {
        |dst, lhs, imm| Op::$name { dst, lhs, imm }
    };
}

/// Immediate for an `i32` operation: any constant.
fn imm32(c: u64) -> Option<i32> {
    Some(c as u32 as i32)
}
/// Immediate for an `i64` operation: constants that sign-extend from 32 bits.
fn imm64(c: u64) -> Option<i32> {
    i32::try_from(c as i64).ok()
}
/// Signed `i32` divisor that cannot trap.
fn imm32_div_s(c: u64) -> Option<i32> {
    let v = c as u32 as i32;
    (v != 0 && v != -1).then_some(v)
}
/// Unsigned `i32` divisor that cannot trap.
fn imm32_div_u(c: u64) -> Option<i32> {
    let v = c as u32 as i32;
    (v != 0).then_some(v)
}
/// Signed `i64` divisor that cannot trap.
fn imm64_div_s(c: u64) -> Option<i32> {
    imm64(c).filter(|v| *v != 0 && *v != -1)
}
/// Unsigned `i64` divisor that cannot trap.
fn imm64_div_u(c: u64) -> Option<i32> {
    imm64(c).filter(|v| *v != 0)
}

/// The memory index of a memory instruction.
pub(super) fn memory_index(memarg: &MemArg) -> Result<u32> {
    match memarg.target {
        wasmparser::MemArgTarget::Memory(m) => Ok(m),
        wasmparser::MemArgTarget::Array(_) => Err(Error::unsupported("memory instructions on GC arrays")),
    }
}

/// A memory index in a 16-bit field.
fn mem16(mem: u32) -> Result<u16> {
    u16::try_from(mem).map_err(|_| Error::unsupported("more than 65536 memories"))
}

/// The 64-bit-address form of a memory-0 load or store.
fn address64(op: Op) -> Op {
    match op {
        Op::I32Load { dst, ptr, offset } => Op::I32LoadA64 { dst, ptr, offset },
        Op::I64Load { dst, ptr, offset } => Op::I64LoadA64 { dst, ptr, offset },
        Op::I32Load8S { dst, ptr, offset } => Op::I32Load8SA64 { dst, ptr, offset },
        Op::I32Load8U { dst, ptr, offset } => Op::I32Load8UA64 { dst, ptr, offset },
        Op::I32Load16S { dst, ptr, offset } => Op::I32Load16SA64 { dst, ptr, offset },
        Op::I32Load16U { dst, ptr, offset } => Op::I32Load16UA64 { dst, ptr, offset },
        Op::I64Load8S { dst, ptr, offset } => Op::I64Load8SA64 { dst, ptr, offset },
        Op::I64Load16S { dst, ptr, offset } => Op::I64Load16SA64 { dst, ptr, offset },
        Op::I64Load32S { dst, ptr, offset } => Op::I64Load32SA64 { dst, ptr, offset },
        Op::I32Store { ptr, val, offset } => Op::I32StoreA64 { ptr, val, offset },
        Op::I64Store { ptr, val, offset } => Op::I64StoreA64 { ptr, val, offset },
        Op::I32Store8 { ptr, val, offset } => Op::I32Store8A64 { ptr, val, offset },
        Op::I32Store16 { ptr, val, offset } => Op::I32Store16A64 { ptr, val, offset },
        _ => unreachable!("not a memory-0 load or store: {}", op.name()),
    }
}

impl FuncTranslator<'_, '_> {
    /// The register cells of a block's parameters and of its results (a `v128` takes two).
    fn block_arity(&self, bt: BlockType) -> (u16, u16) {
        match bt {
            BlockType::Empty => (0, 0),
            BlockType::Type(t) => (0, if t == ValType::V128 { 2 } else { 1 }),
            BlockType::FuncType(t) => {
                let ty = &self.env.types[t as usize];
                (ty.param_cells() as u16, ty.result_cells() as u16)
            }
        }
    }

    /// Pushes temporaries for the results of a block of type `bt`.
    fn push_block_results(&mut self, bt: BlockType) -> Result<()> {
        match bt {
            BlockType::Empty => Ok(()),
            BlockType::Type(t) => {
                self.push(Operand::Temp)?;
                if t == ValType::V128 { self.push_high(Operand::Temp) } else { Ok(()) }
            }
            BlockType::FuncType(t) => {
                let env = self.env;
                self.push_typed_temps(env.types[t as usize].results())
            }
        }
    }

    fn push_frame(&mut self, kind: CtrlKind, label: usize, else_label: usize, bt: BlockType, dead: bool) {
        let (params, results) = self.block_arity(bt);
        let height = if dead { self.stack.len() } else { self.stack.len() - usize::from(params) };
        let saved = if kind == CtrlKind::If && !dead {
            (height..self.stack.len()).map(|pos| (self.stack[pos], self.is_high(pos))).collect()
        } else {
            SmallVec::new()
        };
        self.assigned.push();
        self.ctrl.push(Ctrl {
            kind,
            label,
            else_label,
            height,
            params,
            results,
            label_used: false,
            dead,
            bt,
            saved,
            try_index: None,
            exn: None,
            delegates: Vec::new(),
        });
    }

    /// Drops stack entries down to `height`.
    fn truncate(&mut self, height: usize) {
        while self.stack.len() > height {
            self.pop();
        }
    }

    fn push_temps(&mut self, n: u16) -> Result<()> {
        for _ in 0..n {
            self.push(Operand::Temp)?;
        }
        Ok(())
    }

    fn binop(&mut self, rr: RR, ri: Option<RI>, ri_swapped: Option<RI>, imm: fn(u64) -> Option<i32>) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (rhs, rpos) = self.pop();
        let (lhs, lpos) = self.pop();
        let dst = self.temp(lpos);
        let op = match (lhs, rhs, ri, ri_swapped) {
            (_, Operand::Const(c), Some(ri), _) if imm(c).is_some() => {
                ri(dst, self.reg(lhs, lpos)?, imm(c).unwrap_or(0))
            }
            (Operand::Const(c), _, _, Some(ri)) if imm(c).is_some() => {
                ri(dst, self.reg(rhs, rpos)?, imm(c).unwrap_or(0))
            }
            _ => rr(dst, self.reg(lhs, lpos)?, self.reg(rhs, rpos)?),
        };
        self.emit_result(op)
    }

    fn float_binop(&mut self, rr: RR) -> Result<()> {
        self.binop(rr, None, None, |_| None)
    }

    fn unary(&mut self, f: fn(Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (x, pos) = self.pop();
        let src = self.reg(x, pos)?;
        self.emit_result(f(self.temp(pos), src))
    }

    /// Whether memory `mem` is memory 0 and 64-bit (served by the `…A64` instructions when the
    /// offset fits 32 bits).
    pub(super) fn fast_memory64(&self, mem: u32, offset: u64) -> bool {
        mem == 0 && offset <= u64::from(u32::MAX) && self.env.memories.first().is_some_and(|m| m.is_64())
    }

    /// Whether memory `mem` is served by the memory-0 instructions: memory 0, 32-bit (its page
    /// size matters only to `memory.size` and `memory.grow`, see [`Self::default_pages`]).
    pub(super) fn fast_memory(&self, mem: u32) -> bool {
        mem == 0 && self.env.memories.first().is_some_and(|m| !m.is_64())
    }

    /// Whether memory `mem` is memory 0, 32-bit, with 64 KiB pages.
    fn default_pages(&self, mem: u32) -> bool {
        self.fast_memory(mem) && self.env.memories[0].page_size_log2() == 16
    }

    /// A load: the memory-0 instruction `f`, or `MemoryLoadAt` of `kind` for any other memory.
    fn load(&mut self, memarg: MemArg, kind: u16, f: fn(Reg, Reg, u32) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let mem = memory_index(&memarg)?;
        if self.fast_memory64(mem, memarg.offset) {
            let (p, pos) = self.pop();
            let ptr = self.reg(p, pos)?;
            return self.emit_result(address64(f(self.temp(pos), ptr, memarg.offset as u32)));
        }
        if !self.fast_memory(mem) {
            let offset = self.const_reg(memarg.offset)?;
            let (p, pos) = self.pop();
            let ptr = self.reg(p, pos)?;
            let op = Op::MemoryLoadAt { dst: self.temp(pos), ptr, offset, kind, mem: mem16(mem)? };
            return self.emit_result(op);
        }
        // Validation keeps a 32-bit memory's offsets below 2^32.
        let offset = u32::try_from(memarg.offset).map_err(|_| Error::unsupported("memory offsets beyond 4 GiB"))?;
        let (p, pos) = self.pop();
        let ptr = self.reg(p, pos)?;
        self.emit_result(f(self.temp(pos), ptr, offset))
    }

    /// A store of `width` bytes: the memory-0 instruction `f`, or `MemoryStoreAt`.
    fn store(&mut self, memarg: MemArg, width: u16, f: fn(Reg, Reg, u32) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let mem = memory_index(&memarg)?;
        if self.fast_memory64(mem, memarg.offset) {
            let (val_operand, vpos) = self.pop();
            let (ptr_operand, ppos) = self.pop();
            let (ptr, val) = (self.reg(ptr_operand, ppos)?, self.reg(val_operand, vpos)?);
            self.emit(address64(f(ptr, val, memarg.offset as u32)))?;
            return Ok(());
        }
        if !self.fast_memory(mem) {
            let offset = self.const_reg(memarg.offset)?;
            let (val_operand, vpos) = self.pop();
            let (ptr_operand, ppos) = self.pop();
            let (ptr, val) = (self.reg(ptr_operand, ppos)?, self.reg(val_operand, vpos)?);
            self.emit(Op::MemoryStoreAt { ptr, val, offset, width, mem: mem16(mem)? })?;
            return Ok(());
        }
        let offset = u32::try_from(memarg.offset).map_err(|_| Error::unsupported("memory offsets beyond 4 GiB"))?;
        let (val_operand, vpos) = self.pop();
        let (ptr_operand, ppos) = self.pop();
        let (ptr, val) = (self.reg(ptr_operand, ppos)?, self.reg(val_operand, vpos)?);
        self.emit(f(ptr, val, offset))?;
        Ok(())
    }

    /// Pops three operands (in push order) as registers.
    fn pop3(&mut self) -> Result<(Reg, Reg, Reg)> {
        let (c, cp) = self.pop();
        let (b, bp) = self.pop();
        let (a, ap) = self.pop();
        Ok((self.reg(a, ap)?, self.reg(b, bp)?, self.reg(c, cp)?))
    }

    fn push_const(&mut self, c: u64) -> Result<()> {
        if self.reachable {
            self.push(Operand::Const(c))?;
        }
        Ok(())
    }

    /// Puts the top `n` operands into consecutive temporaries and pops them; returns the first.
    fn call_args(&mut self, n: usize) -> Result<Reg> {
        let base = self.stack.len() - n;
        for pos in base..base + n {
            self.materialize(pos)?;
        }
        self.truncate(base);
        Ok(self.temp(base))
    }

    /// `local.set` without the push: stores the popped value into register `local`.
    fn set_local(&mut self, local: u16) -> Result<Operand> {
        let (v, pos) = self.pop();
        self.preserve_local(local)?;
        self.copy_to(Reg(local), v, pos)?;
        Ok(v)
    }

    /// `local.set` of a `v128` without the push: stores the popped value into registers `local`
    /// and `local + 1` (one `CopyV128` when its halves are adjacent or a constant); returns its halves.
    fn set_local_v128(&mut self, local: u16) -> Result<(Operand, Operand)> {
        let (hi, hpos) = self.pop();
        let (lo, lpos) = self.pop();
        self.preserve_local(local)?;
        self.preserve_local(local + 1)?;
        match self.v128_pair(lo, hi, lpos)? {
            Some(src) if src != Reg(local) => {
                self.emit(Op::CopyV128 { dst: Reg(local), src })?;
            }
            Some(_) => {}
            None => {
                self.copy_to(Reg(local), lo, lpos)?;
                self.copy_to(Reg(local + 1), hi, hpos)?;
            }
        }
        Ok((lo, hi))
    }

    // ---- control ----

    pub(super) fn visit_unreachable(&mut self) -> Result<()> {
        if self.reachable {
            self.emit(Op::Unreachable)?;
            self.set_unreachable();
        }
        Ok(())
    }

    pub(super) fn visit_nop(&mut self) -> Result<()> {
        Ok(())
    }

    pub(super) fn visit_block(&mut self, bt: BlockType) -> Result<()> {
        let dead = !self.reachable;
        if !dead {
            self.preserve_locals()?;
        }
        let label = self.new_label();
        self.push_frame(CtrlKind::Block, label, label, bt, dead);
        Ok(())
    }

    pub(super) fn visit_loop(&mut self, bt: BlockType) -> Result<()> {
        let dead = !self.reachable;
        let label = self.new_label();
        if !dead {
            self.preserve_locals()?;
            let (params, _) = self.block_arity(bt);
            let height = self.stack.len() - usize::from(params);
            for pos in height..self.stack.len() {
                self.materialize(pos)?;
            }
            self.pin(label);
            self.checkpoint()?;
        }
        self.push_frame(CtrlKind::Loop, label, label, bt, dead);
        Ok(())
    }

    pub(super) fn visit_if(&mut self, bt: BlockType) -> Result<()> {
        let dead = !self.reachable;
        let end_label = self.new_label();
        let else_label = self.new_label();
        if !dead {
            let (cond, pos) = self.pop();
            self.preserve_locals()?;
            self.branch_if(cond, pos, true, else_label)?;
        }
        self.push_frame(CtrlKind::If, end_label, else_label, bt, dead);
        Ok(())
    }

    pub(super) fn visit_else(&mut self) -> Result<()> {
        let f = self.ctrl.last().expect("validated").clone();
        if f.dead {
            return Ok(());
        }
        self.assigned.restart(self.reachable);
        if self.reachable {
            self.emit_branch_copies(0)?;
            self.emit_branch(Op::Br { off: BranchOffset(0) }, f.label)?;
            self.ctrl.last_mut().expect("validated").label_used = true;
        }
        self.pin(f.else_label);
        self.truncate(f.height);
        for &(op, high) in &f.saved {
            self.push_entry(op, high)?;
        }
        self.ctrl.last_mut().expect("validated").kind = CtrlKind::Else;
        self.reachable = true;
        Ok(())
    }

    pub(super) fn visit_end(&mut self) -> Result<()> {
        let kind = self.ctrl.last().expect("validated").kind;
        if kind == CtrlKind::If && !self.ctrl.last().expect("validated").dead {
            self.visit_else()?;
        }
        let f = self.ctrl.pop().expect("validated");
        self.assigned.pop(self.reachable, f.kind == CtrlKind::Loop);
        if !f.delegates.is_empty() {
            self.resolve_delegates(&f.delegates);
        }
        if let Some(t) = f.try_index {
            let OpenTry { start, clauses, .. } = std::mem::take(&mut self.tries[t]);
            let end = self.ops.len();
            self.closed_catches.extend(clauses.into_iter().map(|c| (start, end, c)));
        }
        if f.dead {
            return Ok(());
        }
        match f.kind {
            CtrlKind::Func => {
                if self.reachable {
                    self.ctrl.push(f);
                    self.emit_return()?;
                    self.ctrl.pop();
                }
                self.set_unreachable();
            }
            CtrlKind::Loop => {
                if self.reachable {
                    self.unroll_loop(f.label);
                } else {
                    self.truncate(f.height);
                    self.push_block_results(f.bt)?;
                }
            }
            CtrlKind::Block
            | CtrlKind::Else
            | CtrlKind::If
            | CtrlKind::LegacyTry
            | CtrlKind::LegacyCatch
            | CtrlKind::LegacyCatchAll => {
                if f.label_used {
                    if self.reachable {
                        self.ctrl.push(f.clone());
                        self.emit_branch_copies(0)?;
                        self.ctrl.pop();
                    }
                    self.truncate(f.height);
                    self.push_block_results(f.bt)?;
                    self.pin(f.label);
                    self.reachable = true;
                } else if !self.reachable {
                    self.truncate(f.height);
                    self.push_block_results(f.bt)?;
                }
            }
        }
        Ok(())
    }

    pub(super) fn visit_br(&mut self, depth: u32) -> Result<()> {
        if self.reachable {
            self.note_branch(depth);
            self.emit_br(depth)?;
            self.set_unreachable();
        }
        Ok(())
    }

    pub(super) fn visit_br_if(&mut self, depth: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (cond, pos) = self.pop();
        self.conditional_br(depth, |t, negate, label| t.branch_if(cond, pos, negate, label))
    }

    /// A conditional branch to frame `depth` with the values it carries: `branch(t, negate,
    /// label)` emits a branch to `label` taken when the condition holds (fails when `negate`).
    /// Direct when the values are where the frame expects them, else a branch around an
    /// unconditional one that copies them first.
    fn conditional_br(&mut self, depth: u32, branch: impl Fn(&mut Self, bool, usize) -> Result<()>) -> Result<()> {
        self.note_branch(depth);
        let idx = self.ctrl.len() - 1 - depth as usize;
        if self.ctrl[idx].kind != CtrlKind::Func && !self.needs_copies(depth) {
            self.ctrl[idx].label_used = true;
            let label = self.ctrl[idx].label;
            return branch(self, false, label);
        }
        let skip = self.new_label();
        branch(self, true, skip)?;
        self.emit_br(depth)?;
        self.pin(skip);
        Ok(())
    }

    /// Emits a branch to `label` taken when the reference operand at `pos` is null, or non-null
    /// when `!null` (a 64-bit test: a reference cell is a store index + 1, or 0).
    fn branch_on_null(&mut self, r: Operand, pos: usize, null: bool, label: usize) -> Result<()> {
        let off = BranchOffset(0);
        if let Operand::Const(c) = r {
            if (c == 0) == null {
                self.emit_branch(Op::Br { off }, label)?;
            }
            return Ok(());
        }
        let lhs = self.reg(r, pos)?;
        let op = if null { Op::BrIfI64EqRI { lhs, imm: 0, off } } else { Op::BrIfI64NeRI { lhs, imm: 0, off } };
        self.emit_branch(op, label)
    }

    /// `br_on_null`: branches with the values below the reference when it is null, else goes on
    /// with it.
    pub(super) fn visit_br_on_null(&mut self, depth: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (r, pos) = self.pop();
        self.conditional_br(depth, |t, negate, label| t.branch_on_null(r, pos, !negate, label))?;
        self.push(r)
    }

    /// `br_on_non_null`: branches with the reference (the last value the label takes) when it is
    /// not null, else drops it.
    pub(super) fn visit_br_on_non_null(&mut self, depth: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let pos = self.stack.len() - 1;
        let r = self.stack[pos];
        self.conditional_br(depth, |t, negate, label| t.branch_on_null(r, pos, negate, label))?;
        self.pop();
        Ok(())
    }

    pub(super) fn visit_br_table(&mut self, targets: BrTable<'_>) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (index, pos) = self.pop();
        let index = self.reg(index, pos)?;
        let mut depths: Vec<u32> = targets.targets().collect::<Result<_, _>>().map_err(crate::error::malformed)?;
        depths.push(targets.default());
        self.emit(Op::BrTable { index, len: depths.len() as u32 - 1 })?;
        let mut stubs = Vec::new();
        for &depth in &depths {
            self.note_branch(depth);
            let idx = self.ctrl.len() - 1 - depth as usize;
            if self.ctrl[idx].kind == CtrlKind::Func || self.needs_copies(depth) {
                stubs.push((self.emit(Op::Br { off: BranchOffset(0) })?, depth));
            } else {
                self.ctrl[idx].label_used = true;
                let label = self.ctrl[idx].label;
                self.emit_branch(Op::Br { off: BranchOffset(0) }, label)?;
            }
        }
        let mut stub_at: HashMap<u32, usize> = HashMap::new();
        for (entry, depth) in stubs {
            let target = match stub_at.get(&depth) {
                Some(&t) => t,
                None => {
                    let t = self.ops.len();
                    self.emit_br(depth)?;
                    stub_at.insert(depth, t);
                    t
                }
            };
            self.ops[entry] = Op::Br { off: BranchOffset((target - entry) as i32) };
        }
        self.set_unreachable();
        Ok(())
    }

    pub(super) fn visit_return(&mut self) -> Result<()> {
        if self.reachable {
            self.emit_return()?;
            self.set_unreachable();
        }
        Ok(())
    }

    pub(super) fn visit_call(&mut self, function_index: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let ty = self.env.func_type(function_index);
        let args = self.call_args(ty.param_cells())?;
        let imported = self.env.num_imported_funcs;
        self.emit(if function_index < imported {
            Op::CallImported { func: function_index, args }
        } else {
            Op::CallInternal { func: function_index - imported, args, frame: 0 }
        })?;
        let env = self.env;
        self.push_typed_temps(env.func_type(function_index).results())
    }

    pub(super) fn visit_call_indirect(&mut self, type_index: u32, table_index: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (idx, ipos) = self.pop();
        let mut index = self.reg(idx, ipos)?;
        if self.env.tables[table_index as usize].is_64() {
            // The index's own temporary: free once popped, and above the arguments.
            let dst = self.temp(ipos);
            self.emit(Op::I64ClampU32 { dst, src: index })?;
            index = dst;
        }
        let ty = &self.env.types[type_index as usize];
        let args = self.call_args(ty.param_cells())?;
        let sig = self.env.type_sigs[type_index as usize];
        self.emit(Op::CallIndirect { sig, index, args, table: table_index as u16 })?;
        let env = self.env;
        self.push_typed_temps(env.types[type_index as usize].results())
    }

    pub(super) fn visit_return_call(&mut self, function_index: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let ty = self.env.func_type(function_index);
        let (n, m) = (ty.param_cells(), ty.result_cells());
        let args = self.call_args(n)?;
        let imported = self.env.num_imported_funcs;
        if function_index < imported {
            self.emit(Op::ReturnCallImported { func: function_index, args })?;
            self.emit_return_from(args, m)?;
        } else if function_index == self.func_index {
            // A loop: new parameters, zeroed locals, and back to the first instruction (which
            // charges fuel and checks for interrupts as a call would). `finish` sets how many
            // cells after the parameters start at zero, once the locals are ordered.
            let off = BranchOffset(-(self.ops.len() as i32));
            self.emit(Op::ReturnCallSelf { args, params: self.num_params, locals: 0, off })?;
        } else {
            self.emit(Op::ReturnCallInternal { func: function_index - imported, args })?;
        }
        self.set_unreachable();
        Ok(())
    }

    pub(super) fn visit_return_call_indirect(&mut self, type_index: u32, table_index: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (idx, ipos) = self.pop();
        let mut index = self.reg(idx, ipos)?;
        if self.env.tables[table_index as usize].is_64() {
            // As for `call_indirect`: an index of 2^32 or more must stay out of bounds.
            let dst = self.temp(ipos);
            self.emit(Op::I64ClampU32 { dst, src: index })?;
            index = dst;
        }
        let ty = &self.env.types[type_index as usize];
        let (n, m) = (ty.param_cells(), ty.result_cells());
        let args = self.call_args(n)?;
        let sig = self.env.type_sigs[type_index as usize];
        self.emit(Op::ReturnCallIndirect { sig, index, args, table: table_index as u16 })?;
        self.emit_return_from(args, m)?;
        self.set_unreachable();
        Ok(())
    }

    pub(super) fn visit_try_table(&mut self, table: wasmparser::TryTable) -> Result<()> {
        let dead = !self.reachable;
        let mut clauses = SmallVec::new();
        if !dead {
            // Catch labels count from the block around the `try_table`.
            for c in &table.catches {
                let (tag, label, with_ref) = match *c {
                    wasmparser::Catch::One { tag, label } => (Some(tag), label, false),
                    wasmparser::Catch::OneRef { tag, label } => (Some(tag), label, true),
                    wasmparser::Catch::All { label } => (None, label, false),
                    wasmparser::Catch::AllRef { label } => (None, label, true),
                };
                let arity = tag.map_or(0, |t| self.env.tag_arity(t));
                // An exception thrown anywhere in the body finds at least the locals written
                // here written.
                self.note_branch(label);
                let idx = self.ctrl.len() - 1 - label as usize;
                let f = &mut self.ctrl[idx];
                f.label_used = true;
                let target = if f.kind == CtrlKind::Func {
                    CatchTarget::Return(f.branch_arity() as u16)
                } else {
                    CatchTarget::Label(f.label)
                };
                let dst = self.temp(self.ctrl[idx].height);
                let exn = with_ref.then(|| Reg(dst.0 + arity as u16));
                clauses.push(PendingCatch { tag, dst, exn, target });
            }
            self.preserve_locals()?;
        }
        let label = self.new_label();
        self.push_frame(CtrlKind::Block, label, label, table.ty, dead);
        if !dead {
            self.tries.push(OpenTry { start: self.ops.len(), end: 0, clauses });
            self.ctrl.last_mut().expect("just pushed").try_index = Some(self.tries.len() - 1);
        }
        Ok(())
    }

    /// A legacy `try`: a block whose body the following `catch` and `catch_all` handlers (or a
    /// `delegate`) cover, like a `try_table`'s clauses.
    pub(super) fn visit_try(&mut self, bt: BlockType) -> Result<()> {
        let dead = !self.reachable;
        if !dead {
            self.preserve_locals()?;
        }
        let label = self.new_label();
        self.push_frame(CtrlKind::LegacyTry, label, label, bt, dead);
        if !dead {
            self.tries.push(OpenTry { start: self.ops.len(), ..OpenTry::default() });
            self.ctrl.last_mut().expect("just pushed").try_index = Some(self.tries.len() - 1);
        }
        Ok(())
    }

    pub(super) fn visit_catch(&mut self, tag_index: u32) -> Result<()> {
        self.legacy_handler(Some(tag_index))
    }

    pub(super) fn visit_catch_all(&mut self) -> Result<()> {
        self.legacy_handler(None)
    }

    /// Ends a legacy `try`'s body (or its previous handler) and starts the handler for `tag`
    /// (every tag when `None`): a clause over the body whose pad is the handler's code, with the
    /// exception's values on the operand stack and a reference to it in the `try`'s hidden
    /// register.
    fn legacy_handler(&mut self, tag: Option<u32>) -> Result<()> {
        let kind = if tag.is_some() { CtrlKind::LegacyCatch } else { CtrlKind::LegacyCatchAll };
        let f = self.ctrl.last_mut().expect("validated");
        let was = std::mem::replace(&mut f.kind, kind);
        if f.dead {
            return Ok(());
        }
        let (label, height, t) = (f.label, f.height, f.try_index.expect("a live legacy try is recorded"));
        // As for a `try_table`'s clauses: the handler starts with the locals written at the
        // `try`.
        self.assigned.restart(self.reachable);
        if self.reachable {
            self.emit_branch_copies(0)?;
            self.emit_branch(Op::Br { off: BranchOffset(0) }, label)?;
            self.ctrl.last_mut().expect("validated").label_used = true;
        }
        if was == CtrlKind::LegacyTry {
            // The body ends here: the `try`'s own clauses follow those of the `delegate`s that
            // name it.
            let delegates = std::mem::take(&mut self.ctrl.last_mut().expect("validated").delegates);
            self.resolve_delegates(&delegates);
            self.tries[t].end = self.ops.len();
        }
        let exn = match self.ctrl.last().expect("validated").exn {
            Some(r) => r,
            None => {
                let r = self.hidden_reg()?;
                self.ctrl.last_mut().expect("validated").exn = Some(r);
                r
            }
        };
        let (start, end) = (self.tries[t].start, self.tries[t].end);
        let handler = self.new_label();
        self.pin(handler);
        let dst = self.temp(height);
        self.closed_catches.push((
            start,
            end,
            PendingCatch { tag, dst, exn: Some(exn), target: CatchTarget::Label(handler) },
        ));
        self.truncate(height);
        if let Some(t) = tag {
            let env = self.env;
            self.push_typed_temps(env.tag_params(t))?;
        }
        self.reachable = true;
        Ok(())
    }

    /// A legacy `delegate`: ends the `try` with a clause over its body that sends exceptions to
    /// the frame `depth` levels out (its handlers, or the ones around it).
    pub(super) fn visit_delegate(&mut self, depth: u32) -> Result<()> {
        let f = self.ctrl.last_mut().expect("validated");
        f.kind = CtrlKind::Block;
        if !f.dead {
            let t = f.try_index.take().expect("a live legacy try is recorded");
            let delegates = std::mem::take(&mut f.delegates);
            self.resolve_delegates(&delegates);
            let start = self.tries[t].start;
            let clause = PendingCatch { tag: None, dst: Reg(0), exn: None, target: CatchTarget::Delegate(u32::MAX) };
            self.closed_catches.push((start, self.ops.len(), clause));
            // Counted from the frame around the `try`.
            let idx = self.ctrl.len() - 2 - depth as usize;
            self.ctrl[idx].delegates.push(self.closed_catches.len() - 1);
        }
        self.visit_end()
    }

    /// A legacy `rethrow`: throws again the exception the handler `depth` levels out caught.
    pub(super) fn visit_rethrow(&mut self, depth: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let idx = self.ctrl.len() - 1 - depth as usize;
        let exn = self.ctrl[idx].exn.expect("validation: rethrow names a legacy handler");
        self.emit(Op::ThrowRef { exn })?;
        self.set_unreachable();
        Ok(())
    }

    pub(super) fn visit_throw(&mut self, tag_index: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let args = self.call_args(self.env.tag_arity(tag_index))?;
        self.emit(Op::Throw { tag: tag_index, args })?;
        self.set_unreachable();
        Ok(())
    }

    pub(super) fn visit_throw_ref(&mut self) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (r, rpos) = self.pop();
        let exn = self.reg(r, rpos)?;
        self.emit(Op::ThrowRef { exn })?;
        self.set_unreachable();
        Ok(())
    }

    pub(super) fn visit_call_ref(&mut self, type_index: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (r, rpos) = self.pop();
        let callee = self.reg(r, rpos)?;
        let ty = &self.env.types[type_index as usize];
        let args = self.call_args(ty.param_cells())?;
        self.emit(Op::CallRef { callee, args })?;
        let env = self.env;
        self.push_typed_temps(env.types[type_index as usize].results())
    }

    pub(super) fn visit_return_call_ref(&mut self, type_index: u32) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (r, rpos) = self.pop();
        let callee = self.reg(r, rpos)?;
        let ty = &self.env.types[type_index as usize];
        let (n, m) = (ty.param_cells(), ty.result_cells());
        let args = self.call_args(n)?;
        self.emit(Op::ReturnCallRef { callee, args })?;
        self.emit_return_from(args, m)?;
        self.set_unreachable();
        Ok(())
    }

    pub(super) fn visit_drop(&mut self) -> Result<()> {
        if self.reachable {
            if self.top_is_high() {
                self.pop();
            }
            self.pop();
        }
        Ok(())
    }

    pub(super) fn visit_select(&mut self) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        if self.stack.len() >= 2 && self.is_high(self.stack.len() - 2) {
            // Two `v128`s below the condition.
            let (c, cp) = self.pop();
            let cond = self.reg(c, cp)?;
            let (b, _) = self.pop_v128()?;
            let (a, apos) = self.pop_v128()?;
            return self.emit_v128(apos, |dst| Op::SelectV128 { dst, cond, a, b });
        }
        let (cond, b, a) = {
            let (c, cp) = self.pop();
            let (b, bp) = self.pop();
            let (a, ap) = self.pop();
            (self.reg(c, cp)?, self.reg(b, bp)?, (self.reg(a, ap)?, ap))
        };
        let (a, apos) = a;
        self.emit_result(Op::Select { dst: self.temp(apos), cond, a, b })
    }

    pub(super) fn visit_typed_select(&mut self, _ty: ValType) -> Result<()> {
        self.visit_select()
    }

    pub(super) fn visit_typed_select_multi(&mut self, _tys: Vec<ValType>) -> Result<()> {
        Err(Error::unsupported("select with multiple results"))
    }

    // ---- locals and globals ----

    pub(super) fn visit_local_get(&mut self, local_index: u32) -> Result<()> {
        let (r, wide) = self.local(local_index);
        self.note_local(r, wide, false);
        if self.reachable {
            self.push(Operand::Local(r))?;
            if wide {
                self.push_high(Operand::Local(r + 1))?;
            }
        }
        Ok(())
    }

    pub(super) fn visit_local_set(&mut self, local_index: u32) -> Result<()> {
        let (r, wide) = self.local(local_index);
        self.note_local(r, wide, true);
        if self.reachable {
            if wide {
                self.set_local_v128(r)?;
            } else {
                self.set_local(r)?;
            }
        }
        Ok(())
    }

    pub(super) fn visit_local_tee(&mut self, local_index: u32) -> Result<()> {
        let (r, wide) = self.local(local_index);
        self.note_local(r, wide, true);
        if self.reachable {
            let keep = |v: Operand, r: u16| if let Operand::Const(_) = v { v } else { Operand::Local(r) };
            if wide {
                let (lo, hi) = self.set_local_v128(r)?;
                self.push(keep(lo, r))?;
                self.push_high(keep(hi, r + 1))?;
            } else {
                let v = self.set_local(r)?;
                self.push(keep(v, r))?;
            }
        }
        Ok(())
    }

    pub(super) fn visit_global_get(&mut self, global_index: u32) -> Result<()> {
        if self.reachable && self.env.globals[global_index as usize].content == crate::types::ValType::V128 {
            self.emit_v128(self.stack.len(), |dst| Op::GlobalGetV128 { dst, global: global_index })?;
        } else if self.reachable {
            let dst = self.temp(self.stack.len());
            self.emit_result(Op::GlobalGet { dst, global: global_index })?;
        }
        Ok(())
    }

    pub(super) fn visit_global_set(&mut self, global_index: u32) -> Result<()> {
        if self.reachable && self.top_is_high() {
            let (src, _) = self.pop_v128()?;
            self.emit(Op::GlobalSetV128 { src, global: global_index })?;
        } else if self.reachable {
            let (v, pos) = self.pop();
            let src = self.reg(v, pos)?;
            self.emit(Op::GlobalSet { src, global: global_index })?;
        }
        Ok(())
    }

    // ---- memory ----

    pub(super) fn visit_i32_load(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 0, |dst, ptr, offset| Op::I32Load { dst, ptr, offset })
    }
    pub(super) fn visit_i64_load(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 1, |dst, ptr, offset| Op::I64Load { dst, ptr, offset })
    }
    pub(super) fn visit_f32_load(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 0, |dst, ptr, offset| Op::I32Load { dst, ptr, offset })
    }
    pub(super) fn visit_f64_load(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 1, |dst, ptr, offset| Op::I64Load { dst, ptr, offset })
    }
    pub(super) fn visit_i32_load8_s(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 2, |dst, ptr, offset| Op::I32Load8S { dst, ptr, offset })
    }
    pub(super) fn visit_i32_load8_u(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 3, |dst, ptr, offset| Op::I32Load8U { dst, ptr, offset })
    }
    pub(super) fn visit_i32_load16_s(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 4, |dst, ptr, offset| Op::I32Load16S { dst, ptr, offset })
    }
    pub(super) fn visit_i32_load16_u(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 5, |dst, ptr, offset| Op::I32Load16U { dst, ptr, offset })
    }
    pub(super) fn visit_i64_load8_s(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 6, |dst, ptr, offset| Op::I64Load8S { dst, ptr, offset })
    }
    pub(super) fn visit_i64_load8_u(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 3, |dst, ptr, offset| Op::I32Load8U { dst, ptr, offset })
    }
    pub(super) fn visit_i64_load16_s(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 7, |dst, ptr, offset| Op::I64Load16S { dst, ptr, offset })
    }
    pub(super) fn visit_i64_load16_u(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 5, |dst, ptr, offset| Op::I32Load16U { dst, ptr, offset })
    }
    pub(super) fn visit_i64_load32_s(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 8, |dst, ptr, offset| Op::I64Load32S { dst, ptr, offset })
    }
    pub(super) fn visit_i64_load32_u(&mut self, memarg: MemArg) -> Result<()> {
        self.load(memarg, 0, |dst, ptr, offset| Op::I32Load { dst, ptr, offset })
    }
    pub(super) fn visit_i32_store(&mut self, memarg: MemArg) -> Result<()> {
        self.store(memarg, 4, |ptr, val, offset| Op::I32Store { ptr, val, offset })
    }
    pub(super) fn visit_i64_store(&mut self, memarg: MemArg) -> Result<()> {
        self.store(memarg, 8, |ptr, val, offset| Op::I64Store { ptr, val, offset })
    }
    pub(super) fn visit_f32_store(&mut self, memarg: MemArg) -> Result<()> {
        self.store(memarg, 4, |ptr, val, offset| Op::I32Store { ptr, val, offset })
    }
    pub(super) fn visit_f64_store(&mut self, memarg: MemArg) -> Result<()> {
        self.store(memarg, 8, |ptr, val, offset| Op::I64Store { ptr, val, offset })
    }
    pub(super) fn visit_i32_store8(&mut self, memarg: MemArg) -> Result<()> {
        self.store(memarg, 1, |ptr, val, offset| Op::I32Store8 { ptr, val, offset })
    }
    pub(super) fn visit_i32_store16(&mut self, memarg: MemArg) -> Result<()> {
        self.store(memarg, 2, |ptr, val, offset| Op::I32Store16 { ptr, val, offset })
    }
    pub(super) fn visit_i64_store8(&mut self, memarg: MemArg) -> Result<()> {
        self.store(memarg, 1, |ptr, val, offset| Op::I32Store8 { ptr, val, offset })
    }
    pub(super) fn visit_i64_store16(&mut self, memarg: MemArg) -> Result<()> {
        self.store(memarg, 2, |ptr, val, offset| Op::I32Store16 { ptr, val, offset })
    }
    pub(super) fn visit_i64_store32(&mut self, memarg: MemArg) -> Result<()> {
        self.store(memarg, 4, |ptr, val, offset| Op::I32Store { ptr, val, offset })
    }

    pub(super) fn visit_memory_size(&mut self, mem: u32) -> Result<()> {
        if self.reachable {
            let dst = self.temp(self.stack.len());
            let op = if self.default_pages(mem) { Op::MemorySize { dst } } else { Op::MemorySizeAt { dst, mem } };
            self.emit_result(op)?;
        }
        Ok(())
    }

    pub(super) fn visit_memory_grow(&mut self, mem: u32) -> Result<()> {
        if self.reachable {
            let (d, pos) = self.pop();
            let delta = self.reg(d, pos)?;
            let dst = self.temp(pos);
            let op = if self.default_pages(mem) {
                Op::MemoryGrow { dst, delta }
            } else {
                Op::MemoryGrowAt { dst, delta, mem }
            };
            self.emit_result(op)?;
        }
        Ok(())
    }

    pub(super) fn visit_memory_fill(&mut self, mem: u32) -> Result<()> {
        if self.reachable {
            let (dst, val, len) = self.pop3()?;
            let op = if self.fast_memory(mem) {
                Op::MemoryFill { dst, val, len }
            } else {
                Op::MemoryFillAt { dst, val, len, mem }
            };
            self.emit(op)?;
        }
        Ok(())
    }

    pub(super) fn visit_memory_copy(&mut self, dst_mem: u32, src_mem: u32) -> Result<()> {
        if self.reachable {
            let (dst, src, len) = self.pop3()?;
            let op = if self.fast_memory(dst_mem) && self.fast_memory(src_mem) {
                Op::MemoryCopy { dst, src, len }
            } else {
                Op::MemoryCopyAt { dst, src, len, dst_mem: mem16(dst_mem)?, src_mem: mem16(src_mem)? }
            };
            self.emit(op)?;
        }
        Ok(())
    }

    pub(super) fn visit_memory_init(&mut self, data_index: u32, mem: u32) -> Result<()> {
        if self.reachable {
            let (dst, src, len) = self.pop3()?;
            let op = if self.fast_memory(mem) {
                Op::MemoryInit { dst, src, len, data: data_index }
            } else {
                let data = u16::try_from(data_index)
                    .map_err(|_| Error::unsupported("memory.init of a data segment past 65535 into another memory"))?;
                Op::MemoryInitAt { dst, src, len, data, mem: mem16(mem)? }
            };
            self.emit(op)?;
        }
        Ok(())
    }

    pub(super) fn visit_data_drop(&mut self, data_index: u32) -> Result<()> {
        if self.reachable {
            self.emit(Op::DataDrop { data: data_index })?;
        }
        Ok(())
    }

    // ---- tables and references ----

    pub(super) fn visit_table_get(&mut self, table: u32) -> Result<()> {
        if self.reachable {
            let (i, pos) = self.pop();
            let index = self.reg(i, pos)?;
            self.emit_result(Op::TableGet { dst: self.temp(pos), index, table })?;
        }
        Ok(())
    }

    pub(super) fn visit_table_set(&mut self, table: u32) -> Result<()> {
        if self.reachable {
            let (v, vpos) = self.pop();
            let (i, ipos) = self.pop();
            let (index, val) = (self.reg(i, ipos)?, self.reg(v, vpos)?);
            self.emit(Op::TableSet { index, val, table })?;
        }
        Ok(())
    }

    pub(super) fn visit_table_size(&mut self, table: u32) -> Result<()> {
        if self.reachable {
            let dst = self.temp(self.stack.len());
            self.emit_result(Op::TableSize { dst, table })?;
        }
        Ok(())
    }

    pub(super) fn visit_table_grow(&mut self, table: u32) -> Result<()> {
        if self.reachable {
            let (d, dpos) = self.pop();
            let (i, ipos) = self.pop();
            let (init, delta) = (self.reg(i, ipos)?, self.reg(d, dpos)?);
            self.emit_result(Op::TableGrow { dst: self.temp(ipos), init, delta, table })?;
        }
        Ok(())
    }

    pub(super) fn visit_table_fill(&mut self, table: u32) -> Result<()> {
        if self.reachable {
            let (dst, val, len) = self.pop3()?;
            self.emit(Op::TableFill { dst, val, len, table })?;
        }
        Ok(())
    }

    pub(super) fn visit_table_copy(&mut self, dst_table: u32, src_table: u32) -> Result<()> {
        if self.reachable {
            let (dst, src, len) = self.pop3()?;
            self.emit(Op::TableCopy { dst, src, len, dst_table: dst_table as u16, src_table: src_table as u16 })?;
        }
        Ok(())
    }

    pub(super) fn visit_table_init(&mut self, elem_index: u32, table: u32) -> Result<()> {
        if self.reachable {
            let (dst, src, len) = self.pop3()?;
            self.emit(Op::TableInit { dst, src, len, elem: elem_index })?;
            self.emit(Op::Imm32 { value: table })?;
        }
        Ok(())
    }

    pub(super) fn visit_elem_drop(&mut self, elem_index: u32) -> Result<()> {
        if self.reachable {
            self.emit(Op::ElemDrop { elem: elem_index })?;
        }
        Ok(())
    }

    pub(super) fn visit_ref_null(&mut self, _hty: HeapType) -> Result<()> {
        self.push_const(0)
    }

    /// `ref.as_non_null`: traps on null; the operand stays where it is.
    pub(super) fn visit_ref_as_non_null(&mut self) -> Result<()> {
        if self.reachable {
            let pos = self.stack.len() - 1;
            let src = self.reg(self.stack[pos], pos)?;
            self.emit(Op::TrapIfNull { src })?;
        }
        Ok(())
    }

    pub(super) fn visit_ref_is_null(&mut self) -> Result<()> {
        self.unary(|dst, src| Op::I64Eqz { dst, src })
    }

    pub(super) fn visit_ref_func(&mut self, function_index: u32) -> Result<()> {
        if self.reachable {
            let dst = self.temp(self.stack.len());
            self.emit_result(Op::RefFunc { dst, func: function_index })?;
        }
        Ok(())
    }

    // ---- wide arithmetic ----

    /// `i64.add128`/`i64.sub128`: the high half first, into the temporary of the second operand
    /// (no low half lives there, so the low half's instruction still reads both), then the low.
    fn wide128(&mut self, hi: fn(Reg, Reg, Reg, Reg, Reg) -> Op, lo: RR) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (bh, bhp) = self.pop();
        let (bl, blp) = self.pop();
        let (ah, ahp) = self.pop();
        let (al, alp) = self.pop();
        let (lhs_lo, lhs_hi) = (self.reg(al, alp)?, self.reg(ah, ahp)?);
        let (rhs_lo, rhs_hi) = (self.reg(bl, blp)?, self.reg(bh, bhp)?);
        let (dst_lo, dst_hi) = (self.temp(alp), self.temp(ahp));
        debug_assert!(dst_hi != lhs_lo && dst_hi != rhs_lo);
        self.emit(hi(dst_hi, lhs_lo, lhs_hi, rhs_lo, rhs_hi))?;
        self.emit(lo(dst_lo, lhs_lo, rhs_lo))?;
        self.push_temps(2)
    }

    /// `i64.mul_wide_s`/`_u`: one instruction writing both halves.
    fn mul_wide(&mut self, f: fn(Reg, Reg, Reg, Reg) -> Op) -> Result<()> {
        if !self.reachable {
            return Ok(());
        }
        let (b, bp) = self.pop();
        let (a, ap) = self.pop();
        let (lhs, rhs) = (self.reg(a, ap)?, self.reg(b, bp)?);
        self.emit(f(self.temp(ap), self.temp(bp), lhs, rhs))?;
        self.push_temps(2)
    }

    pub(super) fn visit_i64_add128(&mut self) -> Result<()> {
        self.wide128(
            |dst, lhs_lo, lhs_hi, rhs_lo, rhs_hi| Op::I64Add128Hi { dst, lhs_lo, lhs_hi, rhs_lo, rhs_hi },
            rr!(I64AddRR),
        )
    }

    pub(super) fn visit_i64_sub128(&mut self) -> Result<()> {
        self.wide128(
            |dst, lhs_lo, lhs_hi, rhs_lo, rhs_hi| Op::I64Sub128Hi { dst, lhs_lo, lhs_hi, rhs_lo, rhs_hi },
            rr!(I64SubRR),
        )
    }

    pub(super) fn visit_i64_mul_wide_s(&mut self) -> Result<()> {
        self.mul_wide(|dst_lo, dst_hi, lhs, rhs| Op::I64MulWideS { dst_lo, dst_hi, lhs, rhs })
    }

    pub(super) fn visit_i64_mul_wide_u(&mut self) -> Result<()> {
        self.mul_wide(|dst_lo, dst_hi, lhs, rhs| Op::I64MulWideU { dst_lo, dst_hi, lhs, rhs })
    }

    // ---- constants ----

    pub(super) fn visit_i32_const(&mut self, value: i32) -> Result<()> {
        self.push_const(value as u32 as u64)
    }
    pub(super) fn visit_i64_const(&mut self, value: i64) -> Result<()> {
        self.push_const(value as u64)
    }
    pub(super) fn visit_f32_const(&mut self, value: Ieee32) -> Result<()> {
        self.push_const(u64::from(value.bits()))
    }
    pub(super) fn visit_f64_const(&mut self, value: Ieee64) -> Result<()> {
        self.push_const(value.bits())
    }
}

/// Operators whose value representation does not change: nothing to emit.
macro_rules! no_ops {
    ($($visit:ident),*) => {
        impl FuncTranslator<'_, '_> {
            $( pub(super) fn $visit(&mut self) -> Result<()> { Ok(()) } )*
        }
    };
}
no_ops!(
    visit_i32_wrap_i64,
    visit_i32_reinterpret_f32,
    visit_i64_reinterpret_f64,
    visit_f32_reinterpret_i32,
    visit_f64_reinterpret_i64
);

macro_rules! unary_ops {
    ($($visit:ident => $op:ident),* $(,)?) => {
        impl FuncTranslator<'_, '_> {
            $( pub(super) fn $visit(&mut self) -> Result<()> { self.unary(|dst, src| Op::$op { dst, src }) } )*
        }
    };
}
unary_ops!(
    visit_i32_eqz => I32Eqz, visit_i32_clz => I32Clz, visit_i32_ctz => I32Ctz, visit_i32_popcnt => I32Popcnt,
    visit_i32_extend8_s => I32Extend8S, visit_i32_extend16_s => I32Extend16S,
    visit_i64_eqz => I64Eqz, visit_i64_clz => I64Clz, visit_i64_ctz => I64Ctz, visit_i64_popcnt => I64Popcnt,
    visit_i64_extend8_s => I64Extend8S, visit_i64_extend16_s => I64Extend16S, visit_i64_extend32_s => I64Extend32S,
    visit_i64_extend_i32_s => I64Extend32S, visit_i64_extend_i32_u => I64ExtendI32U,
    visit_f32_abs => F32Abs, visit_f32_neg => F32Neg, visit_f32_ceil => F32Ceil, visit_f32_floor => F32Floor,
    visit_f32_trunc => F32Trunc, visit_f32_nearest => F32Nearest, visit_f32_sqrt => F32Sqrt,
    visit_f64_abs => F64Abs, visit_f64_neg => F64Neg, visit_f64_ceil => F64Ceil, visit_f64_floor => F64Floor,
    visit_f64_trunc => F64Trunc, visit_f64_nearest => F64Nearest, visit_f64_sqrt => F64Sqrt,
    visit_i32_trunc_f32_s => I32TruncF32S, visit_i32_trunc_f32_u => I32TruncF32U,
    visit_i32_trunc_f64_s => I32TruncF64S, visit_i32_trunc_f64_u => I32TruncF64U,
    visit_i64_trunc_f32_s => I64TruncF32S, visit_i64_trunc_f32_u => I64TruncF32U,
    visit_i64_trunc_f64_s => I64TruncF64S, visit_i64_trunc_f64_u => I64TruncF64U,
    visit_i32_trunc_sat_f32_s => I32TruncSatF32S, visit_i32_trunc_sat_f32_u => I32TruncSatF32U,
    visit_i32_trunc_sat_f64_s => I32TruncSatF64S, visit_i32_trunc_sat_f64_u => I32TruncSatF64U,
    visit_i64_trunc_sat_f32_s => I64TruncSatF32S, visit_i64_trunc_sat_f32_u => I64TruncSatF32U,
    visit_i64_trunc_sat_f64_s => I64TruncSatF64S, visit_i64_trunc_sat_f64_u => I64TruncSatF64U,
    visit_f32_convert_i32_s => F32ConvertI32S, visit_f32_convert_i32_u => F32ConvertI32U,
    visit_f32_convert_i64_s => F32ConvertI64S, visit_f32_convert_i64_u => F32ConvertI64U,
    visit_f32_demote_f64 => F32DemoteF64,
    visit_f64_convert_i32_s => F64ConvertI32S, visit_f64_convert_i32_u => F64ConvertI32U,
    visit_f64_convert_i64_s => F64ConvertI64S, visit_f64_convert_i64_u => F64ConvertI64U,
    visit_f64_promote_f32 => F64PromoteF32,
);

macro_rules! float_ops {
    ($($visit:ident => $op:ident),* $(,)?) => {
        impl FuncTranslator<'_, '_> {
            $( pub(super) fn $visit(&mut self) -> Result<()> { self.float_binop(rr!($op)) } )*
        }
    };
}
float_ops!(
    visit_f32_add => F32Add, visit_f32_sub => F32Sub, visit_f32_mul => F32Mul, visit_f32_div => F32Div,
    visit_f32_min => F32Min, visit_f32_max => F32Max, visit_f32_copysign => F32Copysign,
    visit_f32_eq => F32Eq, visit_f32_ne => F32Ne, visit_f32_lt => F32Lt, visit_f32_gt => F32Gt,
    visit_f32_le => F32Le, visit_f32_ge => F32Ge,
    visit_f64_add => F64Add, visit_f64_sub => F64Sub, visit_f64_mul => F64Mul, visit_f64_div => F64Div,
    visit_f64_min => F64Min, visit_f64_max => F64Max, visit_f64_copysign => F64Copysign,
    visit_f64_eq => F64Eq, visit_f64_ne => F64Ne, visit_f64_lt => F64Lt, visit_f64_gt => F64Gt,
    visit_f64_le => F64Le, visit_f64_ge => F64Ge,
);

/// Integer binary operators: register form, immediate form, the immediate form to use when the
/// constant is on the left (commutative or mirrored), and which constants may be immediates.
macro_rules! int_ops {
    ($($visit:ident => $rr:ident, $ri:ident, $swap:tt, $imm:ident;)*) => {
        impl FuncTranslator<'_, '_> {
            $(
                pub(super) fn $visit(&mut self) -> Result<()> {
                    self.binop(rr!($rr), Some(ri!($ri)), int_ops!(@swap $swap), $imm)
                }
            )*
        }
    };
    (@swap -) => { None };
    (@swap $s:ident) => { Some(ri!($s)) };
}
int_ops! {
    visit_i32_add => I32AddRR, I32AddRI, I32AddRI, imm32;
    visit_i32_sub => I32SubRR, I32SubRI, -, imm32;
    visit_i32_mul => I32MulRR, I32MulRI, I32MulRI, imm32;
    visit_i32_div_s => I32DivSRR, I32DivSRI, -, imm32_div_s;
    visit_i32_div_u => I32DivURR, I32DivURI, -, imm32_div_u;
    visit_i32_rem_s => I32RemSRR, I32RemSRI, -, imm32_div_s;
    visit_i32_rem_u => I32RemURR, I32RemURI, -, imm32_div_u;
    visit_i32_and => I32AndRR, I32AndRI, I32AndRI, imm32;
    visit_i32_or => I32OrRR, I32OrRI, I32OrRI, imm32;
    visit_i32_xor => I32XorRR, I32XorRI, I32XorRI, imm32;
    visit_i32_shl => I32ShlRR, I32ShlRI, -, imm32;
    visit_i32_shr_s => I32ShrSRR, I32ShrSRI, -, imm32;
    visit_i32_shr_u => I32ShrURR, I32ShrURI, -, imm32;
    visit_i32_rotl => I32RotlRR, I32RotlRI, -, imm32;
    visit_i32_rotr => I32RotrRR, I32RotrRI, -, imm32;
    visit_i32_eq => I32EqRR, I32EqRI, I32EqRI, imm32;
    visit_i32_ne => I32NeRR, I32NeRI, I32NeRI, imm32;
    visit_i32_lt_s => I32LtSRR, I32LtSRI, I32GtSRI, imm32;
    visit_i32_lt_u => I32LtURR, I32LtURI, I32GtURI, imm32;
    visit_i32_gt_s => I32GtSRR, I32GtSRI, I32LtSRI, imm32;
    visit_i32_gt_u => I32GtURR, I32GtURI, I32LtURI, imm32;
    visit_i32_le_s => I32LeSRR, I32LeSRI, I32GeSRI, imm32;
    visit_i32_le_u => I32LeURR, I32LeURI, I32GeURI, imm32;
    visit_i32_ge_s => I32GeSRR, I32GeSRI, I32LeSRI, imm32;
    visit_i32_ge_u => I32GeURR, I32GeURI, I32LeURI, imm32;
    visit_i64_add => I64AddRR, I64AddRI, I64AddRI, imm64;
    visit_i64_sub => I64SubRR, I64SubRI, -, imm64;
    visit_i64_mul => I64MulRR, I64MulRI, I64MulRI, imm64;
    visit_i64_div_s => I64DivSRR, I64DivSRI, -, imm64_div_s;
    visit_i64_div_u => I64DivURR, I64DivURI, -, imm64_div_u;
    visit_i64_rem_s => I64RemSRR, I64RemSRI, -, imm64_div_s;
    visit_i64_rem_u => I64RemURR, I64RemURI, -, imm64_div_u;
    visit_i64_and => I64AndRR, I64AndRI, I64AndRI, imm64;
    visit_i64_or => I64OrRR, I64OrRI, I64OrRI, imm64;
    visit_i64_xor => I64XorRR, I64XorRI, I64XorRI, imm64;
    visit_i64_shl => I64ShlRR, I64ShlRI, -, imm64;
    visit_i64_shr_s => I64ShrSRR, I64ShrSRI, -, imm64;
    visit_i64_shr_u => I64ShrURR, I64ShrURI, -, imm64;
    visit_i64_rotl => I64RotlRR, I64RotlRI, -, imm64;
    visit_i64_rotr => I64RotrRR, I64RotrRI, -, imm64;
    visit_i64_eq => I64EqRR, I64EqRI, I64EqRI, imm64;
    visit_i64_ne => I64NeRR, I64NeRI, I64NeRI, imm64;
    visit_i64_lt_s => I64LtSRR, I64LtSRI, I64GtSRI, imm64;
    visit_i64_lt_u => I64LtURR, I64LtURI, I64GtURI, imm64;
    visit_i64_gt_s => I64GtSRR, I64GtSRI, I64LtSRI, imm64;
    visit_i64_gt_u => I64GtURR, I64GtURI, I64LtURI, imm64;
    visit_i64_le_s => I64LeSRR, I64LeSRI, I64GeSRI, imm64;
    visit_i64_le_u => I64LeURR, I64LeURI, I64GeURI, imm64;
    visit_i64_ge_s => I64GeSRR, I64GeSRI, I64LeSRI, imm64;
    visit_i64_ge_u => I64GeURR, I64GeURI, I64LeURI, imm64;
}
