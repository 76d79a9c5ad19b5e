//! The translator's state for one function: the operand stack model, control frames, labels with
//! patch chains, constant registers, and the emission helpers the visitors are built from (every
//! instruction goes through [`FuncTranslator::emit`], where the fusion rules of `fuse.rs` apply).

use crate::code::{Catch, Handler, Translated};
use crate::error::{Error, Result};
use crate::ir::{BranchOffset, Flow, Op, Reg};
use smallvec::SmallVec;
use std::collections::HashMap;
use wasmparser::{BlockType, ValType};

/// Registers at or above this mark are constants until [`FuncTranslator::finish`] relocates them.
pub(super) const CONST_MARK: u16 = 0x8000;

/// Registers from this mark up to [`CONST_MARK`] are the even-cell homes of `v128` results whose
/// temporaries would start on an odd cell ([`Operand::Wide`], [`FuncTranslator::v128_dst`]),
/// until [`FuncTranslator::finish`] relocates them past the temporaries. Temporaries and locals
/// stay below it.
pub(super) const WIDE_MARK: u16 = 0x7000;

/// Whether register `r` (before relocation) is a temporary or wide register whose value nothing
/// reads once the operand stack is `dead_from - temp_from` entries high: a temporary at or above
/// `dead_from`, or a wide register above the pair of every entry still on the stack (the pair of
/// the `v128` at position `p` is `WIDE_MARK + p + c`, `c` = the parity of `temp_from` - 1, so
/// its register `x` is live while `x - c` is below the stack height).
#[inline(always)]
pub(super) fn dead_reg(r: Reg, temp_from: u16, dead_from: u16) -> bool {
    if r.0 < WIDE_MARK {
        r.0 >= dead_from
    } else {
        r.0 < CONST_MARK && r.0 - WIDE_MARK + 1 >= dead_from - temp_from + (temp_from & 1)
    }
}

/// Where an operand-stack value lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Operand {
    /// In a local's register (not yet copied).
    Local(u16),
    /// In the temporary register of its stack position.
    Temp,
    /// A half of a `v128` result kept in a wide register (at or above [`WIDE_MARK`]) because the
    /// temporaries of its position start on an odd cell ([`FuncTranslator::v128_dst`]).
    Wide(u16),
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
    /// The body of a legacy `try`.
    LegacyTry,
    /// A legacy `catch` handler.
    LegacyCatch,
    /// A legacy `catch_all` handler.
    LegacyCatchAll,
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
    /// The block type (for the types of its results: which cells are a `v128`'s high half).
    pub bt: BlockType,
    /// For `if`: the parameter operands at entry (each with whether it is a `v128`'s high
    /// half), restored for the else branch.
    pub saved: SmallVec<[(Operand, bool); 4]>,
    /// For `try_table` and legacy `try`: its index in `FuncTranslator::tries`.
    pub try_index: Option<usize>,
    /// For a legacy `try` with handlers: the register its handlers keep the caught exception in
    /// (for `rethrow`).
    pub exn: Option<Reg>,
    /// The legacy `delegate` clauses (indices into `FuncTranslator::closed_catches`) that send
    /// exceptions to this frame, resolved when the frame's range of code ends.
    pub delegates: Vec<usize>,
}

/// Where a catch clause continues once the exception's values are in place.
#[derive(Debug, Clone, Copy)]
pub(super) enum CatchTarget {
    /// A branch to the label of a block or loop.
    Label(usize),
    /// A return of this many values (a catch to the function's own label).
    Return(u16),
    /// A legacy `delegate`: the search goes on from this clause (set when the frame it names
    /// ends).
    Delegate(u32),
}

/// A `try_table`'s catch clause while its body is translated.
#[derive(Debug, Clone, Copy)]
pub(super) struct PendingCatch {
    pub tag: Option<u32>,
    /// The first register the label's values go to.
    pub dst: Reg,
    /// Where a reference to the exception goes (`catch_ref`, `catch_all_ref`, legacy handlers).
    pub exn: Option<Reg>,
    pub target: CatchTarget,
}

impl Ctrl {
    /// How many values a branch to this frame carries.
    pub fn branch_arity(&self) -> usize {
        if self.kind == CtrlKind::Loop { self.params as usize } else { self.results as usize }
    }
}

/// A `try_table` or legacy `try` being translated.
#[derive(Debug, Default)]
pub(super) struct OpenTry {
    /// The first instruction its clauses cover.
    pub start: usize,
    /// For a legacy `try` once its first handler starts: the end of the body.
    pub end: usize,
    /// A `try_table`'s clauses, recorded when it ends.
    pub clauses: SmallVec<[PendingCatch; 2]>,
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
    v128_regs: HashMap<u128, u16>,
    highs: Vec<usize>,
    locals: Vec<(u16, bool)>,
    assigned: super::assigned::Assigned,
    remap: Vec<u16>,
    layout: super::layout::Buffers,
}

/// Translates one function body; the visitor methods live in `visit.rs`.
pub(crate) struct FuncTranslator<'s, 'm> {
    pub(super) env: super::Env<'m>,
    /// The function being translated (its index in the module's function index space).
    pub(super) func_index: u32,
    pub(super) ops: &'s mut Vec<Op>,
    pub(super) stack: &'s mut Vec<Operand>,
    pub(super) ctrl: &'s mut Vec<Ctrl>,
    labels: &'s mut Vec<Label>,
    consts: &'s mut Vec<u64>,
    const_regs: &'s mut HashMap<u64, u16>,
    /// The constant pairs of `v128` constants (the low half's constant index).
    v128_regs: &'s mut HashMap<u128, u16>,
    /// The stack positions (ascending) holding the high half of a `v128`: a `v128` is two
    /// adjacent operand-stack entries, low half first.
    highs: &'s mut Vec<usize>,
    /// Per local index its first register and whether it is a `v128` (two registers); empty
    /// when the function has no `v128` parameter or local, where local `i` is register `i`.
    locals: &'s mut Vec<(u16, bool)>,
    /// Which local cells (from `locals_at` on) are written on every path to the instruction
    /// being translated, and which a read may find unwritten (see [`FuncTranslator::note_local`]).
    pub(super) assigned: &'s mut super::assigned::Assigned,
    /// Per local cell its register after [`FuncTranslator::order_locals`].
    remap: &'s mut Vec<u16>,
    layout: &'s mut super::layout::Buffers,
    /// Register cells of the parameters (a `v128` takes two).
    pub(super) num_params: u16,
    /// The first local's register: `num_params` rounded up to even (`code::FuncBody::locals_at`).
    locals_at: u16,
    /// Register cells of the results.
    num_results: u16,
    /// First temporary register (= cells of the parameters, the spare cell if any, and the
    /// locals).
    temp_base: u16,
    max_height: usize,
    /// The wide registers used (above [`WIDE_MARK`]): the cells past the temporaries they take.
    max_wide: usize,
    /// How many `Operand::Local` entries the stack holds.
    local_refs: usize,
    /// Whether the code being translated can be reached.
    pub(super) reachable: bool,
    /// The position the most recently pinned label points at (branches may arrive there).
    last_pin: Option<usize>,
    /// With fuel metering: the `ConsumeFuel` that pays for the instructions being emitted.
    fuel_op: Option<usize>,
    metering: bool,
    interruptible: bool,
    /// The open `try_table`s: where each starts and its clauses.
    pub(super) tries: Vec<OpenTry>,
    /// The clauses of the closed `try_table`s with their ranges, innermost first.
    pub(super) closed_catches: Vec<(usize, usize, PendingCatch)>,
}

/// The longest loop body (counted with its back edge) [`FuncTranslator::unroll_loop`] unrolls.
const MAX_UNROLLED_BODY: usize = 8;

/// How many copies of a loop body of `len` instructions [`FuncTranslator::unroll_loop`] lays out:
/// four of the shortest, two up to [`MAX_UNROLLED_BODY`], else none.
fn unroll_copies(len: usize) -> Option<usize> {
    match len {
        1..=2 => Some(4),
        3..=MAX_UNROLLED_BODY => Some(2),
        _ => None,
    }
}

fn too_large(what: &str) -> Error {
    Error::unsupported(format!("function too large: {what}"))
}

impl<'s, 'm> FuncTranslator<'s, 'm> {
    /// `local_groups`: the body's local declarations (count and type).
    pub(super) fn new(
        env: &super::Env<'m>,
        func_index: u32,
        local_groups: &[(u32, ValType)],
        s: &'s mut Scratch,
    ) -> Result<Self> {
        let ty = env.func_type(func_index);
        s.ops.clear();
        s.stack.clear();
        s.ctrl.clear();
        s.labels.clear();
        s.consts.clear();
        s.const_regs.clear();
        s.v128_regs.clear();
        s.highs.clear();
        s.locals.clear();
        let cells = |t: ValType| if t == ValType::V128 { 2 } else { 1 };
        let num_params = ty.param_cells() as u64;
        let local_cells = local_groups.iter().map(|&(n, t)| u64::from(n) * cells(t)).sum::<u64>();
        // The locals start at an even cell (`code::FuncBody::locals_at`); without locals the
        // temporaries need no spare cell before them.
        let locals_at = num_params.next_multiple_of(2);
        let wide_locals = local_groups.iter().any(|&(n, t)| n > 0 && t == ValType::V128);
        // With `v128` locals, one cell more: `order_locals` may need a hole to keep them on even
        // cells.
        let local_cells = local_cells + u64::from(wide_locals);
        let total = if local_cells == 0 { num_params } else { locals_at + local_cells };
        if total >= u64::from(WIDE_MARK) - 1024 {
            return Err(too_large(&format!("{total} locals (the limit is {})", WIDE_MARK - 1024)));
        }
        s.assigned.reset(local_cells as usize);
        if wide_locals || ty.params().contains(&crate::types::ValType::V128) {
            let mut reg = 0u16;
            for t in ty.params() {
                s.locals.push((reg, *t == crate::types::ValType::V128));
                reg += t.cells() as u16;
            }
            // The `v128` locals first, from the even `locals_at`: each on an even cell, so 16-byte
            // aligned in the frame (see `v128_dst`); the others after them.
            let wide = local_groups.iter().filter(|&&(_, t)| t == ValType::V128).map(|&(n, _)| n).sum::<u32>();
            let (mut wide_reg, mut reg) = (locals_at as u16, (locals_at + 2 * u64::from(wide)) as u16);
            for &(n, t) in local_groups {
                for _ in 0..n {
                    if t == ValType::V128 {
                        s.locals.push((wide_reg, true));
                        wide_reg += 2;
                    } else {
                        s.locals.push((reg, false));
                        reg += 1;
                    }
                }
            }
        }
        let config = env.config;
        let mut t = FuncTranslator {
            env: *env,
            func_index,
            ops: &mut s.ops,
            stack: &mut s.stack,
            ctrl: &mut s.ctrl,
            labels: &mut s.labels,
            consts: &mut s.consts,
            const_regs: &mut s.const_regs,
            v128_regs: &mut s.v128_regs,
            highs: &mut s.highs,
            locals: &mut s.locals,
            assigned: &mut s.assigned,
            remap: &mut s.remap,
            layout: &mut s.layout,
            num_params: num_params as u16,
            locals_at: locals_at as u16,
            num_results: ty.result_cells() as u16,
            temp_base: total as u16,
            max_height: 0,
            max_wide: 0,
            local_refs: 0,
            reachable: true,
            last_pin: None,
            fuel_op: None,
            metering: config.consume_fuel,
            interruptible: config.interruptible,
            tries: Vec::new(),
            closed_catches: Vec::new(),
        };
        let label = t.new_label();
        t.assigned.push();
        t.ctrl.push(Ctrl {
            kind: CtrlKind::Func,
            label,
            else_label: label,
            height: 0,
            params: 0,
            results: t.num_results,
            label_used: false,
            dead: false,
            bt: BlockType::Empty,
            saved: SmallVec::new(),
            try_index: None,
            exn: None,
            delegates: Vec::new(),
        });
        t.checkpoint()?;
        Ok(t)
    }

    /// At function entry and loop heads: the interrupt check and the fuel charge for what follows.
    pub(super) fn checkpoint(&mut self) -> Result<()> {
        if self.interruptible {
            self.emit(Op::CheckInterrupt)?;
        }
        if self.metering {
            self.fuel_op = Some(self.emit(Op::ConsumeFuel { amount: 0 })?);
        }
        Ok(())
    }

    /// With fuel metering or interruption, at the end of a counted loop (its back edge a stepping
    /// branch) whose body is a short run of instructions with no other branch: lays the body out
    /// [`unroll_copies`] times, so that the check point at the loop head is passed once every so
    /// many iterations instead of at each one. Every copy but the last goes on into the next or
    /// leaves with a `br` to the end; the last branches back to the head, whose fuel charge pays
    /// for all the copies. A loop that leaves early has paid up to that many iterations ahead:
    /// fuel stays about one unit per instruction. Unmetered code is left as it is.
    pub(super) fn unroll_loop(&mut self, label: usize) {
        let Label::Pinned(head) = self.labels[label] else { return };
        if !(self.metering || self.interruptible) || self.last_pin != Some(head) {
            return;
        }
        let n = self.ops.len();
        let checkpoint = |op: &Op| matches!(op, Op::ConsumeFuel { .. } | Op::CheckInterrupt);
        let start = head + self.ops[head..].iter().take_while(|op| checkpoint(op)).count();
        let Some(copies) = unroll_copies(n - start) else { return };
        let back = self.ops[n - 1];
        // Only a counted loop's: one whose exit depends on the data (`while (a[i] < x) i++`)
        // often leaves after an iteration or two, from either copy, and the exits are harder to
        // predict (quicksort's partition loops unrolled too: cachegrind's modelled indirect
        // mispredictions +24% with fuel).
        if !back.is_step_branch()
            || back.branch_offset().map(|o| (n - 1) as i64 + i64::from(o.0)) != Some(head as i64)
            || !self.ops[start..n - 1].iter().all(|op| op.flow() == Flow::Next && op.branch_offset().is_none() && !checkpoint(op))
            // A `try_table` within the body covers one copy only.
            || self.closed_catches.iter().any(|c| c.1 > head)
        {
            return;
        }
        if self.metering {
            let Some(Op::ConsumeFuel { amount }) =
                self.fuel_op.filter(|&f| (head..start).contains(&f)).map(|f| &mut self.ops[f])
            else {
                return;
            };
            *amount = amount.saturating_mul(copies as u32);
        }
        let len = n - start;
        let end = n + (copies - 1) * (len + 1);
        for _ in 1..copies {
            let last = self.ops.len() - 1;
            *self.ops[last].branch_offset_mut().expect("a back edge") = BranchOffset(2);
            self.ops.push(Op::Br { off: BranchOffset((end - last - 1) as i32) });
            self.ops.extend_from_within(start..start + len - 1);
            let at = self.ops.len();
            let mut b = back;
            *b.branch_offset_mut().expect("a back edge") = BranchOffset(head as i32 - at as i32);
            self.ops.push(b);
        }
        // The `br`s out of the copies land after the loop.
        self.last_pin = Some(end);
    }

    /// Relocates constants after the temporaries and packages the function.
    pub(super) fn finish(mut self) -> Result<Translated> {
        // An even number of cells, constants from an even one: every frame then starts on a
        // 16-byte boundary of the value stack, and the 16-byte moves that set one up (the
        // constants, the locals' zeroes) never straddle a page (`exec::init_small_frame`).
        // The wide registers after the temporaries, from an even cell (`v128_dst`).
        let wide_base = (usize::from(self.temp_base) + self.max_height).next_multiple_of(2);
        let const_base = wide_base + self.max_wide.next_multiple_of(2);
        let frame_size = (const_base + self.consts.len()).next_multiple_of(2);
        if frame_size >= 0xFFFF {
            return Err(too_large(&format!("{frame_size} registers")));
        }
        let (cb, wb) = (const_base as u16, wide_base as u16);
        let mut catches = self.emit_catch_pads(cb, wb)?;
        self.layout.mark_entries(self.ops);
        thread_jumps(self.ops, &self.layout.entry);
        // The catch clauses cover ranges of instructions, which the layout rewrites would move
        // code in and out of.
        if catches.is_empty() {
            super::layout::layout_branches(self.ops, self.layout);
        }
        super::fuse::return_copy(self.ops);
        let (zeroed, moved) = self.order_locals();
        let spare = self.locals_at.min(self.temp_base) - self.num_params;
        let fix = |op: &mut Op| match op {
            Op::CallInternal { frame, .. } => *frame = frame_size as u16,
            // From the parameters on: the spare cell, if any, and the locals that start at zero.
            Op::ReturnCallSelf { locals, .. } => *locals = spare + zeroed,
            _ => {}
        };
        let constant = |r: &mut Reg| {
            if r.0 >= WIDE_MARK {
                *r = relocate_marked(*r, cb, wb);
            }
        };
        // Two loops, so that the common one (no local moves) stays as short as it was.
        if moved {
            let (np, tb, remap) = (self.locals_at, self.temp_base, &*self.remap);
            let relocate = |r: &mut Reg| {
                constant(r);
                if (np..tb).contains(&r.0) {
                    r.0 = remap[usize::from(r.0 - np)];
                }
            };
            for op in self.ops.iter_mut() {
                fix(op);
                op.visit_regs_mut(&mut |r: &mut Reg| relocate(r));
            }
            for c in catches.iter_mut() {
                relocate(&mut c.dst);
                if let Some(exn) = &mut c.exn {
                    relocate(exn);
                }
            }
        } else {
            for op in self.ops.iter_mut() {
                fix(op);
                op.visit_regs_mut(&mut |r: &mut Reg| constant(r));
            }
        }
        if !crate::code::encodable(self.ops) {
            return Err(too_large("branch distances"));
        }
        Ok(Translated {
            ops: self.ops.as_slice().into(),
            num_params: self.num_params,
            locals_at: self.locals_at,
            num_locals: zeroed,
            frame_word: crate::code::frame_word(0, frame_size as u32),
            consts: self.consts.as_slice().into(),
            const_base: cb,
            fast_need: crate::code::fast_need(
                usize::from(self.num_params),
                usize::from(zeroed),
                self.consts.len(),
                frame_size,
            ),
            medium_need: crate::code::medium_need(
                usize::from(self.num_params),
                usize::from(zeroed),
                self.consts.len(),
                frame_size,
            ),
            fast_consts: std::array::from_fn(|i| self.consts.get(i).copied().unwrap_or(0)),
            catches,
        })
    }

    /// Records a use of the local whose first register is `r` (a `v128` has two): a reachable
    /// read where a path from the entry may not have written it means it must start at zero
    /// ([`super::assigned::Assigned`]); a write makes it written on every path from here on.
    #[inline]
    pub(super) fn note_local(&mut self, r: u16, wide: bool, write: bool) {
        let Some(i) = r.checked_sub(self.locals_at).map(usize::from) else { return };
        for cell in i..=i + usize::from(wide) {
            if write {
                self.assigned.write(cell);
            } else if self.reachable {
                self.assigned.read(cell);
            }
        }
    }

    /// Orders the locals for the frame set-up: those that must start at zero
    /// ([`FuncTranslator::note_local`]) first, then the others, each local keeping its cells
    /// together. Returns how many cells start at zero and whether any local moves (its new
    /// register is then in `remap`, by its old register minus the parameters).
    ///
    /// Locals move only when that spares a call some of the zeroing (the medium call path zeroes
    /// four cells at a time, so a multiple of four must be crossed) or lets the function take
    /// the call fast path (at most `SMALL_LOCALS` zeroed): the renumbering is a pass over the
    /// function. Otherwise the cells zeroed are those up to the last that must start at zero.
    fn order_locals(&mut self) -> (u16, bool) {
        let zero = &*self.assigned.zero;
        let prefix = zero.iter().rposition(|&z| z).map_or(0, |i| i + 1);
        let zeroed = zero[..prefix].iter().filter(|&&z| z).count();
        let small = crate::code::SMALL_LOCALS;
        if prefix.div_ceil(4) == zeroed.div_ceil(4) && !(prefix > small && zeroed <= small) {
            return (prefix as u16, false);
        }
        let np = usize::from(self.locals_at);
        let remap = &mut *self.remap;
        remap.clear();
        remap.resize(zero.len(), 0);
        // Each local's first cell (after the parameters) and its cells.
        let units: &mut dyn Iterator<Item = (usize, usize)> = if self.locals.is_empty() {
            &mut (0..zero.len()).map(|i| (i, 1))
        } else {
            &mut self
                .locals
                .iter()
                .filter(|l| usize::from(l.0) >= np)
                .map(|&(r, wide)| (usize::from(r) - np, 1 + usize::from(wide)))
        };
        // `v128` locals (two cells) stay on even cells: in each group they come first, from `np`
        // (even) for those that start at zero, and for the others from the next even cell (the
        // cell `new` adds for functions with `v128` locals pays for the hole).
        let wide_cells = |read: bool| {
            let wide = |&&(r, wide): &&(u16, bool)| wide && usize::from(r) >= np;
            let group = |l: &&(u16, bool)| zero[usize::from(l.0) - np] == read;
            2 * self.locals.iter().filter(wide).filter(group).count()
        };
        let wide_later = wide_cells(false);
        let later = if wide_later > 0 { (np + zeroed).next_multiple_of(2) } else { np + zeroed };
        let (mut low_wide, mut low) = (np, np + wide_cells(true));
        let (mut high_wide, mut high) = (later, later + wide_later);
        for (i, cells) in units {
            let next = match (zero[i], cells == 2) {
                (true, true) => &mut low_wide,
                (true, false) => &mut low,
                (false, true) => &mut high_wide,
                (false, false) => &mut high,
            };
            for k in 0..cells {
                remap[i + k] = (*next + k) as u16;
            }
            *next += cells;
        }
        (zeroed as u16, true)
    }

    /// Emits, after the function's code, the landing pad of each catch clause (a branch to its
    /// label, or a return), and returns the clauses (with their registers relocated as
    /// [`relocate_marked`] says, constants starting at `cb`, wide registers at `wb`).
    fn emit_catch_pads(&mut self, cb: u16, wb: u16) -> Result<Box<[Catch]>> {
        let relocate = |r: Reg| relocate_marked(r, cb, wb);
        let mut catches = Vec::with_capacity(self.closed_catches.len());
        for &(start, end, c) in self.closed_catches.iter() {
            let pad = self.ops.len();
            let op = match c.target {
                CatchTarget::Label(label) => {
                    let Label::Pinned(target) = self.labels[label] else {
                        unreachable!("a closed block's label is pinned")
                    };
                    Op::Br { off: BranchOffset(target as i32 - pad as i32) }
                }
                CatchTarget::Return(0) => Op::Return,
                CatchTarget::Return(1) => Op::Return1 { src: c.dst },
                CatchTarget::Return(n) => Op::ReturnSpan { src: c.dst, len: n },
                CatchTarget::Delegate(next) => {
                    catches.push(Catch {
                        start: start as u32,
                        end: end as u32,
                        tag: None,
                        dst: c.dst,
                        exn: None,
                        handler: Handler::Delegate(next),
                    });
                    continue;
                }
            };
            self.ops.push(op);
            catches.push(Catch {
                start: start as u32,
                end: end as u32,
                tag: c.tag,
                dst: c.dst,
                exn: c.exn.map(relocate),
                handler: Handler::Pad(pad as u32),
            });
        }
        Ok(catches.into())
    }

    /// A register of the frame no operand uses: a constant slot that is not shared (its initial
    /// value, zero, is never read as a constant).
    pub(super) fn hidden_reg(&mut self) -> Result<Reg> {
        let k = self.consts.len();
        if k >= usize::from(CONST_MARK) - 1 {
            return Err(too_large("too many constants"));
        }
        self.consts.push(0);
        Ok(Reg(CONST_MARK + k as u16))
    }

    /// Points `delegates` (the `delegate` clauses that name a frame) at the clauses recorded from
    /// now on: called when the frame's code that exceptions can be thrown to ends, so the clauses
    /// that follow are those of the frame itself and the frames around it.
    pub(super) fn resolve_delegates(&mut self, delegates: &[usize]) {
        let next = self.closed_catches.len() as u32;
        for &d in delegates {
            self.closed_catches[d].2.target = CatchTarget::Delegate(next);
        }
    }

    // ---- emission ----

    /// Appends an instruction, after its operands are popped and before its result is pushed,
    /// joining it with the instructions before it where a fusion rule applies (`fuse.rs`);
    /// returns the index of what it became.
    #[inline(always)]
    pub(super) fn emit(&mut self, op: Op) -> Result<usize> {
        let costs = match self.ops.last() {
            Some(prev)
                if super::fuse::worth_trying(prev, &op, self.temp_base, self.temp_base + self.stack.len() as u16)
                    && self.last_pin != Some(self.ops.len()) =>
            {
                self.emit_fused(op)?
            }
            _ => {
                self.ops.push(op);
                true
            }
        };
        if costs && let Some(Op::ConsumeFuel { amount }) = self.fuel_op.map(|i| &mut self.ops[i]) {
            *amount += 1;
        }
        Ok(self.ops.len() - 1)
    }

    /// [`Self::emit`] of an instruction that some fusion rule's pattern matches together with
    /// the previous one; returns whether it costs fuel.
    #[inline(never)]
    fn emit_fused(&mut self, op: Op) -> Result<bool> {
        let mut cx = super::fuse::Cx {
            temp_from: self.temp_base,
            dead_from: self.temp_base + self.stack.len() as u16,
            consts: self.consts,
            const_regs: self.const_regs,
            error: None,
        };
        super::fuse::emit(self.ops, self.last_pin, &mut cx, op)
    }

    /// Appends an instruction whose result register is the temporary at the new stack top.
    #[inline(never)]
    pub(super) fn emit_result(&mut self, op: Op) -> Result<()> {
        self.emit(op)?;
        self.push(Operand::Temp)
    }

    // ---- operand stack ----

    pub(super) fn temp(&self, pos: usize) -> Reg {
        Reg(self.temp_base + pos as u16)
    }

    /// The register for a `v128` result whose low half goes to stack position `pos`: its pair of
    /// temporaries when that starts on an even cell, else a wide register (`WIDE_MARK + pos + c`,
    /// `c` = the parity of `temp_base` - 1: an even offset from the even cell where
    /// [`Self::finish`] puts the wide registers), so that the value is 16-byte aligned in the
    /// frame (frames are) and its 16-byte stores never straddle a cache line or a 4 KiB page:
    /// one that straddles a page costs tens of cycles (`exec::init_small_frame`), and a SIMD loop
    /// whose temporary met a page boundary in one heap layout ran 2.3x longer. Push the result
    /// with [`Self::push_v128_in`]. Positions of two live wide values differ by at least two (both
    /// have odd cells), so their pairs do not overlap; only an instruction producing a `v128` at
    /// position `pos` writes its pair, as only one writes its temporaries.
    pub(super) fn v128_dst(&mut self, pos: usize) -> Reg {
        let cell = usize::from(self.temp_base) + pos;
        if cell.is_multiple_of(2) || pos + 2 > usize::from(CONST_MARK - WIDE_MARK) {
            return self.temp(pos);
        }
        // Even: `pos` is odd when `temp_base` is even, and the other way round.
        let offset = pos + usize::from(self.temp_base & 1) - 1;
        self.max_wide = self.max_wide.max(offset + 2);
        Reg(WIDE_MARK + offset as u16)
    }

    /// Pushes a `v128` result computed into `dst` ([`Self::v128_dst`]).
    pub(super) fn push_v128_in(&mut self, dst: Reg) -> Result<()> {
        if dst.0 >= WIDE_MARK {
            self.push(Operand::Wide(dst.0))?;
            self.push_high(Operand::Wide(dst.0 + 1))
        } else {
            self.push(Operand::Temp)?;
            self.push_high(Operand::Temp)
        }
    }

    pub(super) fn push(&mut self, op: Operand) -> Result<()> {
        self.stack.push(op);
        let h = self.stack.len();
        if h > self.max_height {
            if usize::from(self.temp_base) + h >= usize::from(WIDE_MARK) {
                return Err(too_large("operand stack too deep"));
            }
            self.max_height = h;
        }
        if let Operand::Local(_) = op {
            self.local_refs += 1;
        }
        Ok(())
    }

    /// Pushes the high half of a `v128` (its low half was pushed just before).
    pub(super) fn push_high(&mut self, op: Operand) -> Result<()> {
        self.push(op)?;
        self.highs.push(self.stack.len() - 1);
        Ok(())
    }

    /// Pushes a stack entry, the high half of a `v128` if `high`.
    pub(super) fn push_entry(&mut self, op: Operand, high: bool) -> Result<()> {
        if high { self.push_high(op) } else { self.push(op) }
    }

    /// Whether the entry at `pos` is the high half of a `v128`.
    pub(super) fn is_high(&self, pos: usize) -> bool {
        !self.highs.is_empty() && self.highs.binary_search(&pos).is_ok()
    }

    /// Whether the top entry is the high half of a `v128` (the top value is a `v128`).
    pub(super) fn top_is_high(&self) -> bool {
        self.highs.last().is_some_and(|&p| p + 1 == self.stack.len())
    }

    /// Pushes temporaries for values of types `types` (two for a `v128`).
    pub(super) fn push_typed_temps(&mut self, types: &[crate::types::ValType]) -> Result<()> {
        for t in types {
            self.push(Operand::Temp)?;
            if *t == crate::types::ValType::V128 {
                self.push_high(Operand::Temp)?;
            }
        }
        Ok(())
    }

    /// Pops an operand; returns it with its stack position.
    pub(super) fn pop(&mut self) -> (Operand, usize) {
        let op = self.stack.pop().expect("validation guarantees the operand stack is not empty");
        if let Operand::Local(_) = op {
            self.local_refs -= 1;
        }
        let pos = self.stack.len();
        if self.highs.last() == Some(&pos) {
            self.highs.pop();
        }
        (op, pos)
    }

    /// Pops a `v128` (two entries) and returns the register of its low half, its high half in
    /// the next register: a local's pair, the pair of temporaries, a pair of constant cells, or
    /// (when the halves are apart) both halves copied into their temporaries.
    pub(super) fn pop_v128(&mut self) -> Result<(Reg, usize)> {
        let (hi, hpos) = self.pop();
        let (lo, lpos) = self.pop();
        Ok((self.v128_reg(lo, hi, lpos, hpos)?, lpos))
    }

    /// The register of a `v128` whose halves are `lo` (at `lpos`) and `hi` (at `hpos`), as
    /// [`Self::pop_v128`] gives it.
    pub(super) fn v128_reg(&mut self, lo: Operand, hi: Operand, lpos: usize, hpos: usize) -> Result<Reg> {
        if let Some(reg) = self.v128_pair(lo, hi, lpos)? {
            return Ok(reg);
        }
        if lo != Operand::Temp {
            self.copy_to(self.temp(lpos), lo, lpos)?;
        }
        if hi != Operand::Temp {
            self.copy_to(self.temp(hpos), hi, hpos)?;
        }
        Ok(self.temp(lpos))
    }

    /// The register of a `v128` whose halves `lo` (at `lpos`) and `hi` are already adjacent (a
    /// local's pair, the pair of temporaries, or a constant), if they are.
    pub(super) fn v128_pair(&mut self, lo: Operand, hi: Operand, lpos: usize) -> Result<Option<Reg>> {
        Ok(match (lo, hi) {
            (Operand::Local(a), Operand::Local(b)) if b == a + 1 => Some(Reg(a)),
            (Operand::Temp, Operand::Temp) => Some(self.temp(lpos)),
            (Operand::Wide(a), Operand::Wide(b)) if b == a + 1 => Some(Reg(a)),
            (Operand::Const(l), Operand::Const(h)) => Some(self.v128_const_reg(u128::from(l) | (u128::from(h) << 64))?),
            _ => None,
        })
    }

    /// The register of `v128` constant `c`: two adjacent constant cells, low half first.
    pub(super) fn v128_const_reg(&mut self, c: u128) -> Result<Reg> {
        if let Some(&k) = self.v128_regs.get(&c) {
            return Ok(Reg(CONST_MARK + k));
        }
        // From an even constant (the constants start on an even cell), so that the pair is 16-byte
        // aligned in the frame, as `v128_dst` keeps temporaries: the odd cell before it becomes
        // a zero constant.
        if self.consts.len() % 2 == 1 {
            let k = self.consts.len() as u16;
            self.consts.push(0);
            self.const_regs.entry(0).or_insert(k);
        }
        let k = self.consts.len();
        if k + 1 >= usize::from(CONST_MARK) - 1 {
            return Err(too_large("too many constants"));
        }
        self.consts.extend([c as u64, (c >> 64) as u64]);
        self.v128_regs.insert(c, k as u16);
        Ok(Reg(CONST_MARK + k as u16))
    }

    /// Local `index`'s first register and whether it is a `v128` (two registers).
    pub(super) fn local(&self, index: u32) -> (u16, bool) {
        match self.locals.get(index as usize) {
            Some(&local) => local,
            // Without `v128`s: a parameter's register is its index, a local's past the spare cell.
            None if (index as u16) < self.num_params => (index as u16, false),
            None => (index as u16 + (self.locals_at - self.num_params), false),
        }
    }

    /// The register that holds an operand at a given position.
    pub(super) fn reg(&mut self, op: Operand, pos: usize) -> Result<Reg> {
        Ok(match op {
            Operand::Local(r) => Reg(r),
            Operand::Temp => self.temp(pos),
            Operand::Wide(r) => Reg(r),
            Operand::Const(c) => self.const_reg(c)?,
        })
    }

    pub(super) fn const_reg(&mut self, c: u64) -> Result<Reg> {
        const_reg(self.consts, self.const_regs, c)
    }

    /// Copies an operand into register `dst` (nothing when it is already there).
    pub(super) fn copy_to(&mut self, dst: Reg, op: Operand, pos: usize) -> Result<()> {
        match op {
            Operand::Const(c) => {
                if c <= u64::from(u32::MAX) {
                    self.emit(Op::I32Const { dst, value: c as u32 as i32 })?;
                } else if c as i64 == i64::from(c as i64 as i32) {
                    self.emit(Op::I64ConstS32 { dst, value: c as i64 as i32 })?;
                } else {
                    let src = self.const_reg(c)?;
                    self.emit(Op::Copy { dst, src })?;
                }
            }
            _ => {
                let src = self.reg(op, pos)?;
                if src != dst {
                    self.emit(Op::Copy { dst, src })?;
                }
            }
        }
        Ok(())
    }

    /// Makes the operand at `pos` live in its temporary register (a `v128` in a wide register,
    /// both halves with one 16-byte copy when `pos` is its low half).
    pub(super) fn materialize(&mut self, pos: usize) -> Result<()> {
        let op = self.stack[pos];
        if let Operand::Wide(r) = op
            && self.stack.get(pos + 1) == Some(&Operand::Wide(r + 1))
        {
            // Computed by the last instruction (no label since): into the temporaries instead.
            let (dst, pinned) = (self.temp(pos), self.last_pin == Some(self.ops.len()));
            match self.ops.last_mut().and_then(|op| op.result_mut()) {
                Some((result, 2)) if *result == Reg(r) && !pinned => *result = dst,
                _ => {
                    self.emit(Op::CopyV128 { dst, src: Reg(r) })?;
                }
            }
            self.stack[pos] = Operand::Temp;
            self.stack[pos + 1] = Operand::Temp;
            return Ok(());
        }
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
    }

    /// Emits the branch `op` (whatever its offset) to `label`: sets the offset of what it
    /// became, recording it as a user of the label.
    pub(super) fn emit_branch(&mut self, op: Op, label: usize) -> Result<()> {
        let at = self.emit(op)?;
        if at > i32::MAX as usize / 2 {
            return Err(too_large("too many instructions"));
        }
        let off = match self.labels[label] {
            Label::Pinned(target) => BranchOffset(target as i32 - at as i32),
            Label::Unpinned(head) => {
                self.labels[label] = Label::Unpinned(Some(at));
                BranchOffset(head.map_or(-1, |h| h as i32))
            }
        };
        *self.ops[at].branch_offset_mut().expect("a branch") = off;
        Ok(())
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
        self.copy_values(top, n, height)
    }

    /// Copies the `n` stack values from `top` into the temporaries of positions `to..to + n`
    /// (`to <= top`, in order, so an overlap is harmless), a `v128` with one 16-byte copy: the
    /// instruction after a branch or return usually reads it with one 16-byte load, which would
    /// wait for two 8-byte stores.
    fn copy_values(&mut self, top: usize, n: usize, to: usize) -> Result<()> {
        let mut i = 0;
        while i < n {
            let (pos, dst) = (top + i, self.temp(to + i));
            if i + 1 < n
                && self.is_high(pos + 1)
                && let Some(src) = self.v128_pair(self.stack[pos], self.stack[pos + 1], pos)?
            {
                if src != dst {
                    self.emit(Op::CopyV128 { dst, src })?;
                }
                i += 2;
                continue;
            }
            self.copy_to(dst, self.stack[pos], pos)?;
            i += 1;
        }
        Ok(())
    }

    /// Emits the return of the top `num_results` values.
    pub(super) fn emit_return(&mut self) -> Result<()> {
        let n = usize::from(self.num_results);
        let top = self.stack.len() - n;
        match n {
            0 => {
                self.emit(Op::Return)?;
            }
            1 => {
                let src = self.reg(self.stack[top], top)?;
                self.emit(Op::Return1 { src })?;
            }
            // One `v128`: returned from where it is (a local's pair, temporaries, a constant).
            2 if self.is_high(top + 1)
                && let Some(src) = self.v128_pair(self.stack[top], self.stack[top + 1], top)? =>
            {
                self.emit(Op::ReturnSpan { src, len: 2 })?;
            }
            _ => {
                self.copy_values(top, n, top)?;
                self.emit(Op::ReturnSpan { src: self.temp(top), len: n as u16 })?;
            }
        }
        Ok(())
    }

    /// Emits the return of the `n` values in registers `src..`: where a tail call leaves a host
    /// function's results.
    pub(super) fn emit_return_from(&mut self, src: Reg, n: usize) -> Result<()> {
        match n {
            0 => self.emit(Op::Return),
            1 => self.emit(Op::Return1 { src }),
            _ => self.emit(Op::ReturnSpan { src, len: n as u16 }),
        }
        .map(drop)
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
        self.emit_branch(Op::Br { off: BranchOffset(0) }, label)
    }

    /// Records a branch from the instruction being translated to the frame `depth` levels out
    /// for the definite assignment of locals: only a branch to a block's end carries its set
    /// (a loop's goes back to its head, a function's returns).
    #[inline]
    pub(super) fn note_branch(&mut self, depth: u32) {
        let idx = self.ctrl.len() - 1 - depth as usize;
        if !matches!(self.ctrl[idx].kind, CtrlKind::Loop | CtrlKind::Func) {
            self.assigned.branch(depth as usize);
        }
    }

    /// Marks the rest of the current frame unreachable.
    pub(super) fn set_unreachable(&mut self) {
        self.reachable = false;
    }

    /// Emits a conditional branch to `label` taken when the condition (an `i32` operand at
    /// `pos`) is non-zero, or zero when `negate`.
    pub(super) fn branch_if(&mut self, cond: Operand, pos: usize, negate: bool, label: usize) -> Result<()> {
        let off = BranchOffset(0);
        if let Operand::Const(c) = cond {
            if (c as u32 != 0) != negate {
                self.emit_branch(Op::Br { off }, label)?;
            }
            return Ok(());
        }
        let cond = self.reg(cond, pos)?;
        self.emit_branch(if negate { Op::BrIfEqz { cond, off } } else { Op::BrIfNez { cond, off } }, label)
    }
}

/// Register `r` in its final place: a constant (at or above [`CONST_MARK`]) relative to `cb`, a
/// wide register (at or above [`WIDE_MARK`]) relative to `wb`, any other where it is.
#[inline(always)]
fn relocate_marked(r: Reg, cb: u16, wb: u16) -> Reg {
    if r.0 < WIDE_MARK {
        r
    } else if r.0 >= CONST_MARK {
        Reg(cb + (r.0 - CONST_MARK))
    } else {
        Reg(wb + (r.0 - WIDE_MARK))
    }
}

/// The register of constant `c` (below its final place, see [`CONST_MARK`]), added to the
/// function's constants if new.
pub(super) fn const_reg(consts: &mut Vec<u64>, const_regs: &mut HashMap<u64, u16>, c: u64) -> Result<Reg> {
    if let Some(&k) = const_regs.get(&c) {
        return Ok(Reg(CONST_MARK + k));
    }
    let k = consts.len();
    if k >= usize::from(CONST_MARK) - 1 {
        return Err(too_large("too many constants"));
    }
    consts.push(c);
    const_regs.insert(c, k as u16);
    Ok(Reg(CONST_MARK + k as u16))
}

/// Jump threading: an unconditional branch to a return becomes that return, one to a `br_table`
/// a `BrToTable` (which takes the table's branch itself), and one to another unconditional branch
/// goes straight to the final target. `br_table` entries stay branches. `entry` marks the
/// `br_table` entries (marked once, so following chains stays linear).
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
        let off = BranchOffset((target as i64 - i as i64) as i32);
        ops[i] = match ops[target] {
            // Whatever returns (declared `-> Return`) has no offset and stands anywhere.
            ret if ret.flow() == Flow::Return => ret,
            Op::BrTable { .. } | Op::BrTableAddRI { .. } => {
                super::layout::biased_table(&mut ops[target]);
                Op::BrToTable { off }
            }
            _ => Op::Br { off },
        };
    }
}
