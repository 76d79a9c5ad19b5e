//! The translator's state for one function: the operand stack model, control frames, labels with
//! patch chains, constant registers, and the emission helpers the visitors are built from.

use crate::code::Translated;
use crate::error::{Error, Result};
use crate::ir::{BranchOffset, Op, Reg};
use crate::types::FuncType;
use smallvec::SmallVec;
use std::collections::HashMap;

/// Registers at or above this mark are constants until [`FuncTranslator::finish`] relocates them.
const CONST_MARK: u16 = 0x8000;

/// Where an operand-stack value lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Operand {
    /// In a local's register (not yet copied).
    Local(u16),
    /// In the temporary register of its stack position.
    Temp,
    /// A constant cell.
    Const(u64),
}

/// A branch target. An unpinned label threads its users through their offset fields.
#[derive(Debug, Clone, Copy)]
pub(super) enum Label {
    Pinned(usize),
    /// The most recent user, whose offset field holds the previous user's index (or -1).
    Unpinned(Option<usize>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CtrlKind {
    Func,
    Block,
    Loop,
    If,
    Else,
}

/// A control frame.
#[derive(Debug, Clone)]
pub(super) struct Ctrl {
    pub kind: CtrlKind,
    /// The branch target: the loop head for loops, the end for everything else.
    pub label: usize,
    /// For `if`: where the else branch starts.
    pub else_label: usize,
    /// Operand stack height below the frame's parameters.
    pub height: usize,
    pub params: u16,
    pub results: u16,
    /// Whether any branch targets the label.
    pub label_used: bool,
    /// The frame was entered in unreachable code: everything in it is skipped.
    pub dead: bool,
    /// For `if`: the parameter operands at entry, restored for the else branch.
    pub saved: SmallVec<[Operand; 4]>,
}

impl Ctrl {
    /// How many values a branch to this frame carries.
    pub fn branch_arity(&self) -> usize {
        if self.kind == CtrlKind::Loop { self.params as usize } else { self.results as usize }
    }
}

/// Buffers reused from one function to the next.
#[derive(Default)]
pub(crate) struct Scratch {
    ops: Vec<Op>,
    stack: Vec<Operand>,
    ctrl: Vec<Ctrl>,
    labels: Vec<Label>,
    consts: Vec<u64>,
    const_regs: HashMap<u64, u16>,
    layout: super::layout::Buffers,
}

/// Translates one function body; the visitor methods live in `visit.rs`.
pub(crate) struct FuncTranslator<'s, 'm> {
    pub(super) env: super::Env<'m>,
    pub(super) ops: &'s mut Vec<Op>,
    pub(super) stack: &'s mut Vec<Operand>,
    pub(super) ctrl: &'s mut Vec<Ctrl>,
    labels: &'s mut Vec<Label>,
    consts: &'s mut Vec<u64>,
    const_regs: &'s mut HashMap<u64, u16>,
    layout: &'s mut super::layout::Buffers,
    num_params: u16,
    num_results: u16,
    /// First temporary register (= number of parameters and locals).
    temp_base: u16,
    max_height: usize,
    /// How many `Operand::Local` entries the stack holds.
    local_refs: usize,
    /// Whether the code being translated can be reached.
    pub(super) reachable: bool,
    /// The index of the last instruction when it wrote the temporary at the top of the stack and
    /// nothing may jump between it and the next instruction (so it can be fused or retargeted).
    pub(super) fusable: Option<usize>,
    /// The position the most recently pinned label points at (branches may arrive there).
    last_pin: Option<usize>,
    /// With fuel metering: the `ConsumeFuel` that pays for the instructions being emitted.
    fuel_op: Option<usize>,
    metering: bool,
    interruptible: bool,
}

fn too_large(what: &str) -> Error {
    Error::unsupported(format!("function too large: {what}"))
}

impl<'s, 'm> FuncTranslator<'s, 'm> {
    pub(super) fn new(env: &super::Env<'m>, ty: &FuncType, num_locals: u64, s: &'s mut Scratch) -> Result<Self> {
        s.ops.clear();
        s.stack.clear();
        s.ctrl.clear();
        s.labels.clear();
        s.consts.clear();
        s.const_regs.clear();
        let num_params = ty.params().len() as u64;
        let total = num_params + num_locals;
        if total >= u64::from(CONST_MARK) - 1024 {
            return Err(too_large(&format!("{total} locals (the limit is {})", CONST_MARK - 1024)));
        }
        let config = env.config;
        let mut t = FuncTranslator {
            env: *env,
            ops: &mut s.ops,
            stack: &mut s.stack,
            ctrl: &mut s.ctrl,
            labels: &mut s.labels,
            consts: &mut s.consts,
            const_regs: &mut s.const_regs,
            layout: &mut s.layout,
            num_params: num_params as u16,
            num_results: ty.results().len() as u16,
            temp_base: total as u16,
            max_height: 0,
            local_refs: 0,
            reachable: true,
            fusable: None,
            last_pin: None,
            fuel_op: None,
            metering: config.consume_fuel,
            interruptible: config.interruptible,
        };
        let label = t.new_label();
        t.ctrl.push(Ctrl {
            kind: CtrlKind::Func,
            label,
            else_label: label,
            height: 0,
            params: 0,
            results: t.num_results,
            label_used: false,
            dead: false,
            saved: SmallVec::new(),
        });
        t.checkpoint();
        Ok(t)
    }

    /// At function entry and loop heads: the interrupt check and the fuel charge for what follows.
    pub(super) fn checkpoint(&mut self) {
        if self.interruptible {
            self.emit(Op::CheckInterrupt);
        }
        if self.metering {
            self.fuel_op = Some(self.emit(Op::ConsumeFuel { amount: 0 }));
        }
    }

    /// Relocates constants after the temporaries and packages the function.
    pub(super) fn finish(self) -> Result<Translated> {
        let const_base = usize::from(self.temp_base) + self.max_height;
        let frame_size = const_base + self.consts.len();
        if frame_size >= 0xFFFF {
            return Err(too_large(&format!("{frame_size} registers")));
        }
        let cb = const_base as u16;
        self.layout.mark_entries(self.ops);
        thread_jumps(self.ops, &self.layout.entry);
        super::layout::layout_branches(self.ops, self.layout);
        fold_copies_into_returns(self.ops);
        for op in self.ops.iter_mut() {
            if let Op::CallInternal { frame, .. } = op {
                *frame = frame_size as u16;
            }
            op.visit_regs_mut(&mut |r: &mut Reg| {
                if r.0 >= CONST_MARK {
                    r.0 = cb + (r.0 - CONST_MARK);
                }
            });
        }
        if !crate::code::encodable(self.ops) {
            return Err(too_large("branch distances"));
        }
        Ok(Translated {
            ops: self.ops.as_slice().into(),
            num_params: self.num_params,
            num_locals: self.temp_base - self.num_params,
            frame_size: frame_size as u32,
            consts: self.consts.as_slice().into(),
            const_base: cb,
            fast_need: crate::code::fast_need(
                usize::from(self.num_params),
                usize::from(self.temp_base - self.num_params),
                self.consts.len(),
                frame_size,
            ),
            fast_consts: std::array::from_fn(|i| self.consts.get(i).copied().unwrap_or(0)),
        })
    }

    // ---- emission ----

    /// Appends an instruction; returns its index.
    pub(super) fn emit(&mut self, op: Op) -> usize {
        self.fusable = None;
        if let Some(Op::ConsumeFuel { amount }) = self.fuel_op.map(|i| &mut self.ops[i]) {
            *amount += 1;
        }
        self.ops.push(op);
        self.ops.len() - 1
    }

    /// Appends an instruction whose result register is the temporary at the new stack top.
    pub(super) fn emit_result(&mut self, op: Op) -> Result<()> {
        self.emit(op);
        self.push(Operand::Temp)?;
        self.fusable = Some(self.ops.len() - 1);
        Ok(())
    }

    // ---- operand stack ----

    pub(super) fn temp(&self, pos: usize) -> Reg {
        Reg(self.temp_base + pos as u16)
    }

    pub(super) fn push(&mut self, op: Operand) -> Result<()> {
        self.stack.push(op);
        let h = self.stack.len();
        if h > self.max_height {
            if usize::from(self.temp_base) + h >= usize::from(CONST_MARK) {
                return Err(too_large("operand stack too deep"));
            }
            self.max_height = h;
        }
        if let Operand::Local(_) = op {
            self.local_refs += 1;
        }
        Ok(())
    }

    /// Pops an operand; returns it with its stack position.
    pub(super) fn pop(&mut self) -> (Operand, usize) {
        let op = self.stack.pop().expect("validation guarantees the operand stack is not empty");
        if let Operand::Local(_) = op {
            self.local_refs -= 1;
        }
        (op, self.stack.len())
    }

    /// The register that holds an operand at a given position.
    pub(super) fn reg(&mut self, op: Operand, pos: usize) -> Result<Reg> {
        Ok(match op {
            Operand::Local(r) => Reg(r),
            Operand::Temp => self.temp(pos),
            Operand::Const(c) => self.const_reg(c)?,
        })
    }

    pub(super) fn const_reg(&mut self, c: u64) -> Result<Reg> {
        if let Some(&k) = self.const_regs.get(&c) {
            return Ok(Reg(CONST_MARK + k));
        }
        let k = self.consts.len();
        if k >= usize::from(CONST_MARK) - 1 {
            return Err(too_large("too many constants"));
        }
        self.consts.push(c);
        self.const_regs.insert(c, k as u16);
        Ok(Reg(CONST_MARK + k as u16))
    }

    /// `fuse_step(prev, br)`, popping `prev` when it joins; an immediate too wide for the stepping
    /// form moves to a constant register (only when the step then fuses).
    fn join_step(&mut self, prev: Op, br: Op) -> Result<Op> {
        let as_rr = |br: Op, rhs: Reg| match br {
            Op::BrIfI32NeRI { lhs, off, .. } => Op::BrIfI32NeRR { lhs, rhs, off },
            Op::BrIfI32LtSRI { lhs, off, .. } => Op::BrIfI32LtSRR { lhs, rhs, off },
            Op::BrIfI32LtURI { lhs, off, .. } => Op::BrIfI32LtURR { lhs, rhs, off },
            other => other,
        };
        let stepped = match fuse_step(prev, br) {
            Some(stepped) => stepped,
            None => match br {
                Op::BrIfI32NeRI { imm, .. } | Op::BrIfI32LtSRI { imm, .. } | Op::BrIfI32LtURI { imm, .. }
                    if fuse_step(prev, as_rr(br, Reg(0))).is_some() =>
                {
                    let rhs = self.const_reg(u64::from(imm as u32))?;
                    match fuse_step(prev, as_rr(br, rhs)) {
                        Some(stepped) => stepped,
                        None => return Ok(br),
                    }
                }
                _ => return Ok(br),
            },
        };
        self.ops.pop();
        Ok(stepped)
    }

    /// A branch on zero (`br`, a `BrIfNez` or `BrIfEqz`) of the value the last instruction loaded
    /// as one loading branch (which still writes the loaded value), popping the load; `br` itself
    /// otherwise. The caller makes sure no branch lands between them.
    fn join_load(&mut self, br: Op) -> Op {
        let (cond, nez) = match br {
            Op::BrIfNez { cond, .. } => (cond, true),
            Op::BrIfEqz { cond, .. } => (cond, false),
            _ => return br,
        };
        let (dst, ptr, offset, byte) = match self.ops.last() {
            Some(&Op::I32Load8U { dst, ptr, offset }) => (dst, ptr, offset, true),
            Some(&Op::I32Load { dst, ptr, offset }) => (dst, ptr, offset, false),
            _ => return br,
        };
        let (true, Ok(offset)) = (dst == cond, u16::try_from(offset)) else { return br };
        self.ops.pop();
        let off = BranchOffset(0);
        match (byte, nez) {
            (true, true) => Op::BrIfI32Load8UNez { dst, ptr, offset, off },
            (true, false) => Op::BrIfI32Load8UEqz { dst, ptr, offset, off },
            (false, true) => Op::BrIfI32LoadNez { dst, ptr, offset, off },
            (false, false) => Op::BrIfI32LoadEqz { dst, ptr, offset, off },
        }
    }

    /// Joins the last two instructions into one `I32Step2` when both step an `i32` counter in
    /// place by a small constant and no branch lands on the second.
    pub(super) fn join_counter_steps(&mut self) {
        let n = self.ops.len();
        if n < 2 || self.last_pin == Some(n - 1) {
            return;
        }
        let step = |op: Op| match op {
            Op::I32AddRI { dst, lhs, imm } if dst == lhs => Some((dst, i16::try_from(imm).ok()?)),
            Op::I32SubRI { dst, lhs, imm } if dst == lhs => Some((dst, i16::try_from(-i64::from(imm)).ok()?)),
            _ => None,
        };
        if let (Some((reg1, step1)), Some((reg2, step2))) = (step(self.ops[n - 2]), step(self.ops[n - 1])) {
            self.ops.pop();
            self.ops[n - 2] = Op::I32Step2 { reg1, step1, reg2, step2 };
        }
    }

    /// Emits `r[dst] = r[src]`, joining a copy emitted just before (no branch lands between) into
    /// one `Copy2`.
    fn emit_copy(&mut self, dst: Reg, src: Reg) {
        if let Some(&Op::Copy { dst: dst1, src: src1 }) = self.ops.last()
            && self.last_pin != Some(self.ops.len())
        {
            self.ops.pop();
            self.emit(Op::Copy2 { dst1, src1, dst2: dst, src2: src });
            return;
        }
        self.emit(Op::Copy { dst, src });
    }

    /// Copies an operand into register `dst` (nothing when it is already there).
    pub(super) fn copy_to(&mut self, dst: Reg, op: Operand, pos: usize) -> Result<()> {
        match op {
            Operand::Const(c) => {
                if c <= u64::from(u32::MAX) {
                    self.emit(Op::I32Const { dst, value: c as u32 as i32 });
                } else if c as i64 == i64::from(c as i64 as i32) {
                    self.emit(Op::I64ConstS32 { dst, value: c as i64 as i32 });
                } else {
                    let src = self.const_reg(c)?;
                    self.emit_copy(dst, src);
                }
            }
            _ => {
                let src = self.reg(op, pos)?;
                if src != dst {
                    self.emit_copy(dst, src);
                }
            }
        }
        Ok(())
    }

    /// Makes the operand at `pos` live in its temporary register.
    pub(super) fn materialize(&mut self, pos: usize) -> Result<()> {
        let op = self.stack[pos];
        if op != Operand::Temp {
            self.copy_to(self.temp(pos), op, pos)?;
            if let Operand::Local(_) = op {
                self.local_refs -= 1;
            }
            self.stack[pos] = Operand::Temp;
        }
        Ok(())
    }

    /// Copies every stack entry that still refers to `local` into its temporary, before the local
    /// is overwritten. Entries from all frames are affected: [`Self::preserve_locals`] makes sure
    /// only the current frame's can be.
    pub(super) fn preserve_local(&mut self, local: u16) -> Result<()> {
        if self.local_refs == 0 {
            return Ok(());
        }
        for pos in 0..self.stack.len() {
            if self.stack[pos] == Operand::Local(local) {
                self.materialize(pos)?;
            }
        }
        Ok(())
    }

    /// Copies all local references on the stack into temporaries; done when a control frame
    /// starts, so that no later copy inside the frame can run on only some paths.
    pub(super) fn preserve_locals(&mut self) -> Result<()> {
        if self.local_refs == 0 {
            return Ok(());
        }
        for pos in 0..self.stack.len() {
            if let Operand::Local(_) = self.stack[pos] {
                self.materialize(pos)?;
            }
        }
        Ok(())
    }

    // ---- labels ----

    pub(super) fn new_label(&mut self) -> usize {
        self.labels.push(Label::Unpinned(None));
        self.labels.len() - 1
    }

    /// Binds a label to the next instruction and patches its users.
    pub(super) fn pin(&mut self, label: usize) {
        let here = self.ops.len();
        let mut user = match self.labels[label] {
            Label::Unpinned(head) => head,
            Label::Pinned(_) => unreachable!("label pinned twice"),
        };
        while let Some(u) = user {
            let off = self.ops[u].branch_offset_mut().expect("label users are branches");
            user = usize::try_from(off.0).ok();
            off.0 = (here - u) as i32;
        }
        self.labels[label] = Label::Pinned(here);
        self.last_pin = Some(here);
        self.fusable = None;
    }

    /// The offset for a branch at the next instruction to `label`, recording it as a user.
    pub(super) fn offset_to(&mut self, label: usize) -> Result<BranchOffset> {
        let at = self.ops.len();
        if at > i32::MAX as usize / 2 {
            return Err(too_large("too many instructions"));
        }
        Ok(match self.labels[label] {
            Label::Pinned(target) => BranchOffset(target as i32 - at as i32),
            Label::Unpinned(head) => {
                self.labels[label] = Label::Unpinned(Some(at));
                BranchOffset(head.map_or(-1, |h| h as i32))
            }
        })
    }

    // ---- branches ----

    /// The control frame `depth` levels out.
    pub(super) fn frame(&self, depth: u32) -> &Ctrl {
        &self.ctrl[self.ctrl.len() - 1 - depth as usize]
    }

    /// Whether branching to frame `depth` needs copies of the carried values.
    pub(super) fn needs_copies(&self, depth: u32) -> bool {
        let f = self.frame(depth);
        if f.kind == CtrlKind::Func {
            return true;
        }
        let n = f.branch_arity();
        let top = self.stack.len() - n;
        (0..n).any(|i| !(top == f.height && self.stack[top + i] == Operand::Temp))
    }

    /// Emits the copies that put the top values where frame `depth` expects them.
    pub(super) fn emit_branch_copies(&mut self, depth: u32) -> Result<()> {
        let f = self.frame(depth);
        let (n, height) = (f.branch_arity(), f.height);
        let top = self.stack.len() - n;
        for i in 0..n {
            let op = self.stack[top + i];
            self.copy_to(self.temp(height + i), op, top + i)?;
        }
        Ok(())
    }

    /// Emits the return of the top `num_results` values.
    pub(super) fn emit_return(&mut self) -> Result<()> {
        let n = usize::from(self.num_results);
        let top = self.stack.len() - n;
        match n {
            0 => {
                self.emit(Op::Return);
            }
            1 => {
                let src = self.reg(self.stack[top], top)?;
                self.emit(Op::Return1 { src });
            }
            _ => {
                for pos in top..top + n {
                    let op = self.stack[pos];
                    if op != Operand::Temp {
                        self.copy_to(self.temp(pos), op, pos)?;
                    }
                }
                self.emit(Op::ReturnSpan { src: self.temp(top), len: n as u16 });
            }
        }
        Ok(())
    }

    /// Emits an unconditional branch to frame `depth` with its values.
    pub(super) fn emit_br(&mut self, depth: u32) -> Result<()> {
        if self.frame(depth).kind == CtrlKind::Func {
            return self.emit_return();
        }
        self.emit_branch_copies(depth)?;
        let idx = self.ctrl.len() - 1 - depth as usize;
        self.ctrl[idx].label_used = true;
        let label = self.ctrl[idx].label;
        let off = self.offset_to(label)?;
        self.emit(Op::Br { off });
        Ok(())
    }

    /// Marks the rest of the current frame unreachable.
    pub(super) fn set_unreachable(&mut self) {
        self.reachable = false;
        self.fusable = None;
    }

    /// Emits a conditional branch to `label` taken when the condition (an `i32` operand at
    /// `pos`) is non-zero, or zero when `negate`. Fuses with a compare that just produced it.
    pub(super) fn branch_if(&mut self, cond: Operand, pos: usize, negate: bool, label: usize) -> Result<()> {
        if let Operand::Const(c) = cond {
            if (c as u32 != 0) != negate {
                let off = self.offset_to(label)?;
                self.emit(Op::Br { off });
            }
            return Ok(());
        }
        if cond == Operand::Temp && self.fusable == Some(self.ops.len() - 1) {
            let last = self.ops[self.ops.len() - 1];
            if let Some(fused) = fuse(last, negate).filter(|_| last_writes(&last, self.temp(pos))) {
                self.ops.pop();
                return self.emit_branch(fused, label);
            }
        }
        let cond = self.reg(cond, pos)?;
        let off = BranchOffset(0);
        self.emit_branch(if negate { Op::BrIfEqz { cond, off } } else { Op::BrIfNez { cond, off } }, label)
    }

    /// Emits the conditional branch `op` to `label`, first joining the instruction just before
    /// it when no branch lands between them: a counter step ([`Self::join_step`]) or the load of
    /// its condition ([`Self::join_load`]).
    fn emit_branch(&mut self, mut op: Op, label: usize) -> Result<()> {
        let n = self.ops.len();
        if self.reachable && n > 0 && self.last_pin.is_none_or(|p| p < n) {
            op = self.join_step(self.ops[n - 1], op)?;
            // A joined step leaves a stepping branch, which no load joins.
            op = self.join_load(op);
        }
        *op.branch_offset_mut().expect("a branch") = self.offset_to(label)?;
        self.emit(op);
        Ok(())
    }
}

/// The integer comparison computing the opposite of `op` into the same register, if `op` is one.
pub(super) fn negate_compare(op: Op) -> Option<Op> {
    macro_rules! pairs {
        ($($a:ident <=> $b:ident, $k:ident;)*) => {
            match op {
                $(
                    pairs!(@pat $a $k dst lhs x) => Some(pairs!(@mk $b $k dst lhs x)),
                    pairs!(@pat $b $k dst lhs x) => Some(pairs!(@mk $a $k dst lhs x)),
                )*
                Op::I32Eqz { dst, src } => Some(Op::I32NeRI { dst, lhs: src, imm: 0 }),
                Op::I64Eqz { dst, src } => Some(Op::I64NeRI { dst, lhs: src, imm: 0 }),
                _ => None,
            }
        };
        (@pat $n:ident RR $d:ident $l:ident $x:ident) => { Op::$n { dst: $d, lhs: $l, rhs: $x } };
        (@pat $n:ident RI $d:ident $l:ident $x:ident) => { Op::$n { dst: $d, lhs: $l, imm: $x } };
        (@mk $n:ident RR $d:ident $l:ident $x:ident) => { Op::$n { dst: $d, lhs: $l, rhs: $x } };
        (@mk $n:ident RI $d:ident $l:ident $x:ident) => { Op::$n { dst: $d, lhs: $l, imm: $x } };
    }
    pairs! {
        I32EqRR <=> I32NeRR, RR; I32LtSRR <=> I32GeSRR, RR; I32LtURR <=> I32GeURR, RR;
        I32GtSRR <=> I32LeSRR, RR; I32GtURR <=> I32LeURR, RR;
        I32EqRI <=> I32NeRI, RI; I32LtSRI <=> I32GeSRI, RI; I32LtURI <=> I32GeURI, RI;
        I32GtSRI <=> I32LeSRI, RI; I32GtURI <=> I32LeURI, RI;
        I64EqRR <=> I64NeRR, RR; I64LtSRR <=> I64GeSRR, RR; I64LtURR <=> I64GeURR, RR;
        I64GtSRR <=> I64LeSRR, RR; I64GtURR <=> I64LeURR, RR;
        I64EqRI <=> I64NeRI, RI; I64LtSRI <=> I64GeSRI, RI; I64LtURI <=> I64GeURI, RI;
        I64GtSRI <=> I64LeSRI, RI; I64GtURI <=> I64LeURI, RI;
    }
}

/// `r[d] = r[s]` right before `return r[d]` becomes `return r[s]` (the copy is dead once the
/// frame is gone). The return stays for branches that land on it, so no offset changes.
fn fold_copies_into_returns(ops: &mut [Op]) {
    for i in 1..ops.len() {
        if let (Op::Copy { dst, src }, Op::Return1 { src: ret }) = (ops[i - 1], ops[i])
            && dst == ret
        {
            ops[i - 1] = Op::Return1 { src };
        }
    }
}

/// Fuses `reg += imm` (an `i32`/`i64` add or subtract of a small constant in place) with the
/// compare-and-branch `br` on `reg` that follows it.
pub(super) fn fuse_step(prev: Op, br: Op) -> Option<Op> {
    let small = |v: i64| i16::try_from(v).ok();
    // A step by a register (a variable stride) joins the register-bound compares.
    let by_reg = match prev {
        Op::I32AddRR { dst, lhs, rhs } if dst == lhs => Some((dst, rhs)),
        Op::I32AddRR { dst, lhs, rhs } if dst == rhs => Some((dst, lhs)),
        _ => None,
    };
    if let Some((reg, by)) = by_reg {
        let off = BranchOffset(0);
        return match br {
            Op::BrIfI32NeRR { lhs, rhs, .. } if lhs == reg => Some(Op::I32AddBrNeRR { reg, by, rhs, off }),
            Op::BrIfI32LtSRR { lhs, rhs, .. } if lhs == reg => Some(Op::I32AddBrLtSRR { reg, by, rhs, off }),
            Op::BrIfI32LtURR { lhs, rhs, .. } if lhs == reg => Some(Op::I32AddBrLtURR { reg, by, rhs, off }),
            _ => None,
        };
    }
    let (reg, step, wide) = match prev {
        Op::I32AddRI { dst, lhs, imm } if dst == lhs => (dst, small(i64::from(imm))?, false),
        Op::I32SubRI { dst, lhs, imm } if dst == lhs => (dst, small(-i64::from(imm))?, false),
        Op::I64AddRI { dst, lhs, imm } if dst == lhs => (dst, small(i64::from(imm))?, true),
        Op::I64SubRI { dst, lhs, imm } if dst == lhs => (dst, small(-i64::from(imm))?, true),
        _ => return None,
    };
    let off = BranchOffset(0);
    Some(match br {
        Op::BrIfNez { cond, .. } if cond == reg && !wide => Op::I32StepBrNeRI { reg, step, imm: 0, off },
        Op::BrIfI32NeRR { lhs, rhs, .. } if lhs == reg && !wide => Op::I32StepBrNeRR { reg, step, rhs, off },
        Op::BrIfI32LtSRR { lhs, rhs, .. } if lhs == reg && !wide => Op::I32StepBrLtSRR { reg, step, rhs, off },
        Op::BrIfI32LtURR { lhs, rhs, .. } if lhs == reg && !wide => Op::I32StepBrLtURR { reg, step, rhs, off },
        Op::BrIfI32NeRI { lhs, imm, .. } if lhs == reg && !wide => {
            Op::I32StepBrNeRI { reg, step, imm: small(i64::from(imm))?, off }
        }
        Op::BrIfI32LtSRI { lhs, imm, .. } if lhs == reg && !wide => {
            Op::I32StepBrLtSRI { reg, step, imm: small(i64::from(imm))?, off }
        }
        Op::BrIfI32LtURI { lhs, imm, .. } if lhs == reg && !wide => {
            Op::I32StepBrLtURI { reg, step, imm: small(i64::from(imm))?, off }
        }
        Op::BrIfI32GtSRI { lhs, imm, .. } if lhs == reg && !wide => {
            Op::I32StepBrGtSRI { reg, step, imm: small(i64::from(imm))?, off }
        }
        Op::BrIfI64NeRI { lhs, imm, .. } if lhs == reg && wide => {
            Op::I64StepBrNeRI { reg, step, imm: small(i64::from(imm))?, off }
        }
        _ => return None,
    })
}

/// Jump threading: an unconditional branch to a return becomes that return, and one to another
/// unconditional branch goes straight to the final target. `br_table` entries stay branches.
/// `entry` marks the `br_table` entries (marked once, so following chains stays linear).
fn thread_jumps(ops: &mut [Op], entry: &[bool]) {
    for i in 0..ops.len() {
        let Op::Br { off } = ops[i] else { continue };
        if entry[i] {
            continue;
        }
        let mut target = (i as i64 + i64::from(off.0)) as usize;
        // Follow chains of branches, a bounded number of steps (a loop of them is possible).
        for _ in 0..8 {
            match ops[target] {
                Op::Br { off } if !entry[target] => target = (target as i64 + i64::from(off.0)) as usize,
                _ => break,
            }
        }
        ops[i] = match ops[target] {
            ret @ (Op::Return | Op::Return1 { .. } | Op::ReturnSpan { .. }) => ret,
            _ => Op::Br { off: BranchOffset((target as i64 - i as i64) as i32) },
        };
    }
}

fn last_writes(op: &Op, reg: Reg) -> bool {
    let mut op = *op;
    op.dst_mut().is_some_and(|d| *d == reg)
}

/// The compare-and-branch form of a compare (negated when asked), with a placeholder offset.
fn fuse(op: Op, negate: bool) -> Option<Op> {
    let off = BranchOffset(0);
    macro_rules! int {
        ($($cmp:ident => $br:ident / $nbr:ident, $kind:ident;)*) => {
            match op {
                $( int!(@pat $cmp $kind lhs rhs) => Some(if negate { int!(@mk $nbr $kind lhs rhs off) } else { int!(@mk $br $kind lhs rhs off) }), )*
                Op::I32Eqz { src, .. } => Some(if negate { Op::BrIfNez { cond: src, off } } else { Op::BrIfEqz { cond: src, off } }),
                Op::I64Eqz { src, .. } => Some(if negate {
                    Op::BrIfI64NeRI { lhs: src, imm: 0, off }
                } else {
                    Op::BrIfI64EqRI { lhs: src, imm: 0, off }
                }),
                Op::F32Eq { lhs, rhs, .. } if !negate => Some(Op::BrIfF32EqRR { lhs, rhs, off }),
                Op::F32Ne { lhs, rhs, .. } if !negate => Some(Op::BrIfF32NeRR { lhs, rhs, off }),
                Op::F32Lt { lhs, rhs, .. } if !negate => Some(Op::BrIfF32LtRR { lhs, rhs, off }),
                Op::F32Gt { lhs, rhs, .. } if !negate => Some(Op::BrIfF32GtRR { lhs, rhs, off }),
                Op::F32Le { lhs, rhs, .. } if !negate => Some(Op::BrIfF32LeRR { lhs, rhs, off }),
                Op::F32Ge { lhs, rhs, .. } if !negate => Some(Op::BrIfF32GeRR { lhs, rhs, off }),
                Op::F64Eq { lhs, rhs, .. } if !negate => Some(Op::BrIfF64EqRR { lhs, rhs, off }),
                Op::F64Ne { lhs, rhs, .. } if !negate => Some(Op::BrIfF64NeRR { lhs, rhs, off }),
                Op::F64Lt { lhs, rhs, .. } if !negate => Some(Op::BrIfF64LtRR { lhs, rhs, off }),
                Op::F64Gt { lhs, rhs, .. } if !negate => Some(Op::BrIfF64GtRR { lhs, rhs, off }),
                Op::F64Le { lhs, rhs, .. } if !negate => Some(Op::BrIfF64LeRR { lhs, rhs, off }),
                Op::F64Ge { lhs, rhs, .. } if !negate => Some(Op::BrIfF64GeRR { lhs, rhs, off }),
                Op::I32AndRR { lhs, rhs, .. } => Some(if negate {
                    Op::BrIfI32AndRREqz { lhs, rhs, off }
                } else {
                    Op::BrIfI32AndRRNez { lhs, rhs, off }
                }),
                Op::I32AndRI { lhs, imm, .. } => Some(if negate {
                    Op::BrIfI32AndRIEqz { lhs, imm, off }
                } else {
                    Op::BrIfI32AndRINez { lhs, imm, off }
                }),
                _ => None,
            }
        };
        (@pat $cmp:ident RR $l:ident $r:ident) => { Op::$cmp { lhs: $l, rhs: $r, .. } };
        (@pat $cmp:ident RI $l:ident $r:ident) => { Op::$cmp { lhs: $l, imm: $r, .. } };
        (@mk $br:ident RR $l:ident $r:ident $off:ident) => { Op::$br { lhs: $l, rhs: $r, off: $off } };
        (@mk $br:ident RI $l:ident $r:ident $off:ident) => { Op::$br { lhs: $l, imm: $r, off: $off } };
    }
    int! {
        I32EqRR => BrIfI32EqRR / BrIfI32NeRR, RR;
        I32NeRR => BrIfI32NeRR / BrIfI32EqRR, RR;
        I32LtSRR => BrIfI32LtSRR / BrIfI32GeSRR, RR;
        I32LtURR => BrIfI32LtURR / BrIfI32GeURR, RR;
        I32GtSRR => BrIfI32GtSRR / BrIfI32LeSRR, RR;
        I32GtURR => BrIfI32GtURR / BrIfI32LeURR, RR;
        I32LeSRR => BrIfI32LeSRR / BrIfI32GtSRR, RR;
        I32LeURR => BrIfI32LeURR / BrIfI32GtURR, RR;
        I32GeSRR => BrIfI32GeSRR / BrIfI32LtSRR, RR;
        I32GeURR => BrIfI32GeURR / BrIfI32LtURR, RR;
        I32EqRI => BrIfI32EqRI / BrIfI32NeRI, RI;
        I32NeRI => BrIfI32NeRI / BrIfI32EqRI, RI;
        I32LtSRI => BrIfI32LtSRI / BrIfI32GeSRI, RI;
        I32LtURI => BrIfI32LtURI / BrIfI32GeURI, RI;
        I32GtSRI => BrIfI32GtSRI / BrIfI32LeSRI, RI;
        I32GtURI => BrIfI32GtURI / BrIfI32LeURI, RI;
        I32LeSRI => BrIfI32LeSRI / BrIfI32GtSRI, RI;
        I32LeURI => BrIfI32LeURI / BrIfI32GtURI, RI;
        I32GeSRI => BrIfI32GeSRI / BrIfI32LtSRI, RI;
        I32GeURI => BrIfI32GeURI / BrIfI32LtURI, RI;
        I64EqRR => BrIfI64EqRR / BrIfI64NeRR, RR;
        I64NeRR => BrIfI64NeRR / BrIfI64EqRR, RR;
        I64LtSRR => BrIfI64LtSRR / BrIfI64GeSRR, RR;
        I64LtURR => BrIfI64LtURR / BrIfI64GeURR, RR;
        I64GtSRR => BrIfI64GtSRR / BrIfI64LeSRR, RR;
        I64GtURR => BrIfI64GtURR / BrIfI64LeURR, RR;
        I64LeSRR => BrIfI64LeSRR / BrIfI64GtSRR, RR;
        I64LeURR => BrIfI64LeURR / BrIfI64GtURR, RR;
        I64GeSRR => BrIfI64GeSRR / BrIfI64LtSRR, RR;
        I64GeURR => BrIfI64GeURR / BrIfI64LtURR, RR;
        I64EqRI => BrIfI64EqRI / BrIfI64NeRI, RI;
        I64NeRI => BrIfI64NeRI / BrIfI64EqRI, RI;
        I64LtSRI => BrIfI64LtSRI / BrIfI64GeSRI, RI;
        I64LtURI => BrIfI64LtURI / BrIfI64GeURI, RI;
        I64GtSRI => BrIfI64GtSRI / BrIfI64LeSRI, RI;
        I64GtURI => BrIfI64GtURI / BrIfI64LeURI, RI;
        I64LeSRI => BrIfI64LeSRI / BrIfI64GtSRI, RI;
        I64LeURI => BrIfI64LeURI / BrIfI64GtURI, RI;
        I64GeSRI => BrIfI64GeSRI / BrIfI64LtSRI, RI;
        I64GeURI => BrIfI64GeURI / BrIfI64LtURI, RI;
    }
}
