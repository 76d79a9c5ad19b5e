//! Branch layout: a pass over a translated function that turns the branch pairs compilers emit
//! for loops into forms that take one dispatch per iteration instead of two, moving instructions
//! and remapping every branch offset.
//!
//! Four rewrites; those that negate a test do so for integer tests only (the opposite of a float
//! comparison differs on NaN):
//!
//! - **Loop inversion.** A `br` back to a loop head that starts with a test exiting the loop
//!   (`loop { br_if $exit (c); …; br $loop }`, a `while` loop) becomes the opposite test jumping
//!   to the instruction after the head, followed by a `br` to the exit (unless the exit comes
//!   next): the back edge then runs one instruction, not a `br` plus the test. A counter step
//!   just before it joins the test (`I32StepBr…`), as when the translator sees it directly.
//! - **Back-edge swap.** `br_if $exit (c); br $loop` with `$loop` behind becomes `br_if $loop
//!   (!c); br $exit`: the common path (staying in the loop) takes one dispatch.
//! - **Jump over a jump.** `br_if L2 (c); br L1; L2:` becomes `br_if L1 (!c)`.
//! - **Tail duplication.** A `br` to a short run of instructions that branches back (the shared
//!   tail of a loop body, as in an interpreter's dispatch loop where every case jumps to the same
//!   bookkeeping before the next round) becomes a copy of that run, ending with a `br` to where
//!   the run continues unless it ends in a jump or return. The copy never runs more instructions
//!   than the `br` plus the original did, and one fewer whenever it leaves through a branch. A
//!   run that ends in a `br_table` (an interpreter's fetch and decode before its `switch`) is
//!   copied up to the table, which the copy takes through a `BrToTable`: the table's entries stay
//!   where they are, and the copy saves the `br`.
//!
//! A `br` that other branches land on is never moved or deleted, and `br_table` entries stay as
//! they are.

use super::fuse::step_branch as fuse_step;
use crate::ir::{BranchOffset, Op};

/// The conditional branch taken exactly when `op` is not, with the same operands and offset.
fn negate_branch(op: Op) -> Option<Op> {
    macro_rules! swap {
        ($($a:ident <=> $b:ident { $($f:ident),* };)*) => {
            match op {
                $(
                    Op::$a { $($f),* } => Some(Op::$b { $($f),* }),
                    Op::$b { $($f),* } => Some(Op::$a { $($f),* }),
                )*
                _ => None,
            }
        };
    }
    swap! {
        BrIfNez <=> BrIfEqz { cond, off };
        BrIfI32AndRRNez <=> BrIfI32AndRREqz { lhs, rhs, off };
        BrIfI32AndRINez <=> BrIfI32AndRIEqz { lhs, imm, off };
        BrIfI32Load8UNez <=> BrIfI32Load8UEqz { dst, ptr, offset, off };
        BrIfI32LoadNez <=> BrIfI32LoadEqz { dst, ptr, offset, off };
        I32ConstBrIfNez <=> I32ConstBrIfEqz { dst, cond, value, off };
        CopyBrIfNez <=> CopyBrIfEqz { dst, src, cond, off };
        I32StepBrIfNez <=> I32StepBrIfEqz { reg, cond, step, off };
        BrIfI32EqRR <=> BrIfI32NeRR { lhs, rhs, off };
        BrIfI32LtSRR <=> BrIfI32GeSRR { lhs, rhs, off };
        BrIfI32LtURR <=> BrIfI32GeURR { lhs, rhs, off };
        BrIfI32GtSRR <=> BrIfI32LeSRR { lhs, rhs, off };
        BrIfI32GtURR <=> BrIfI32LeURR { lhs, rhs, off };
        BrIfI32EqRI <=> BrIfI32NeRI { lhs, imm, off };
        BrIfI32LtSRI <=> BrIfI32GeSRI { lhs, imm, off };
        BrIfI32LtURI <=> BrIfI32GeURI { lhs, imm, off };
        BrIfI32GtSRI <=> BrIfI32LeSRI { lhs, imm, off };
        BrIfI32GtURI <=> BrIfI32LeURI { lhs, imm, off };
        BrIfI64EqRR <=> BrIfI64NeRR { lhs, rhs, off };
        BrIfI64LtSRR <=> BrIfI64GeSRR { lhs, rhs, off };
        BrIfI64LtURR <=> BrIfI64GeURR { lhs, rhs, off };
        BrIfI64GtSRR <=> BrIfI64LeSRR { lhs, rhs, off };
        BrIfI64GtURR <=> BrIfI64LeURR { lhs, rhs, off };
        BrIfI64EqRI <=> BrIfI64NeRI { lhs, imm, off };
        BrIfI64LtSRI <=> BrIfI64GeSRI { lhs, imm, off };
        BrIfI64LtURI <=> BrIfI64GeURI { lhs, imm, off };
        BrIfI64GtSRI <=> BrIfI64LeSRI { lhs, imm, off };
        BrIfI64GtURI <=> BrIfI64LeURI { lhs, imm, off };
    }
}

/// No branch target (in [`Buffers::targets`]).
const NONE: u32 = u32::MAX;

/// The longest run [`layout_branches`] copies in place of a `br`.
const MAX_TAIL: usize = 4;

/// The longest run ending in a `br_table` (counted with it) that [`layout_branches`] copies in
/// place of a `br`.
const MAX_TABLE_TAIL: usize = 6;

/// Whether `op` is a `br_table`.
fn is_table(op: &Op) -> bool {
    matches!(op, Op::BrTable { .. } | Op::BrTableAddRI { .. })
}

/// Gives the `br_table` `op` the form whose branch a `BrToTable` takes (`BrTableAddRI`: a plain
/// table adds 0 to its index).
pub(super) fn biased_table(op: &mut Op) {
    if let Op::BrTable { index, len } = *op {
        *op = Op::BrTableAddRI { index, imm: 0, len };
    }
}

/// Working memory of [`layout_branches`] (and the `br_table` entries jump threading skips too),
/// kept from one function to the next.
#[derive(Default)]
pub(crate) struct Buffers {
    /// Each instruction's branch target, or [`NONE`].
    targets: Vec<u32>,
    /// Whether some branch lands on the instruction (one extra entry for the end).
    landed: Vec<bool>,
    /// Whether the instruction is a `br_table` entry ([`Buffers::mark_entries`]).
    pub(super) entry: Vec<bool>,
    /// The rewrites, by the index of the instruction where each starts.
    edits: Vec<(usize, Edit)>,
    /// The rewritten code, each branch with its target as an index into the old code.
    out: Vec<(Op, u32)>,
    /// Old index to new index.
    map: Vec<u32>,
}

impl Buffers {
    /// Marks the `br_table` entries of `ops` in [`Buffers::entry`]: the branches that must stay
    /// where they are.
    pub(super) fn mark_entries(&mut self, ops: &[Op]) {
        let n = ops.len();
        self.entry.clear();
        self.entry.resize(n, false);
        let mut i = 0;
        while i < n {
            if let Op::BrTable { len, .. } | Op::BrTableAddRI { len, .. } = ops[i] {
                let end = (i + len as usize + 2).min(n);
                self.entry[i + 1..end].iter_mut().for_each(|e| *e = true);
                i = end;
            } else {
                i += 1;
            }
        }
    }
}

/// One rewrite (see the module docs).
#[derive(Clone, Copy)]
enum Edit {
    /// The test here and the `br` after it: the opposite test to the `br`'s target, then a `br`
    /// to the test's.
    Swap,
    /// The test here jumps over the `br` after it: the opposite test to the `br`'s target.
    Skip,
    /// The `br` here goes back to a loop head that tests: the opposite test to the instruction
    /// after the head (joined with the counter step just before when `fused`), then a `br` to the
    /// head test's target.
    Invert { fused: bool },
    /// The `br` here is replaced by a copy of the `len` instructions at its target.
    Tail { len: usize },
}

/// Where the branch `op` at index `i` goes, if it branches.
fn target(i: usize, op: &Op) -> Option<usize> {
    let mut op = *op;
    op.branch_offset_mut().map(|off| (i as i64 + i64::from(off.0)) as usize)
}

/// Whether `op` never continues with the next instruction.
fn leaves(op: &Op) -> bool {
    !op.flow().falls_through()
}

/// Applies the rewrites described in the module docs to `ops`, whose branches are resolved and
/// whose `br_table` entries `b.entry` marks.
pub(super) fn layout_branches(ops: &mut Vec<Op>, b: &mut Buffers) {
    let n = ops.len();
    // Most functions have nothing to rewrite: find out cheaply before anything else.
    if !(0..n).any(|i| candidate(ops, i)) {
        return;
    }
    b.targets.clear();
    b.landed.clear();
    b.landed.resize(n + 1, false);
    for (i, op) in ops.iter().enumerate() {
        let t = target(i, op).filter(|&t| t <= n);
        b.targets.push(t.map_or(NONE, |t| t as u32));
        if let Some(t) = t {
            b.landed[t] = true;
        }
    }
    decide(ops, b);
    if b.edits.is_empty() {
        return;
    }
    // The tables that copies will reach through a `BrToTable`.
    for &(at, edit) in &b.edits {
        if let Edit::Tail { len } = edit {
            biased_table(&mut ops[b.targets[at] as usize + len - 1]);
        }
    }
    rebuild(ops, b);
}

/// Whether `decide` may find a rewrite for the instruction at `i` (it also checks what lands
/// where).
fn candidate(ops: &[Op], i: usize) -> bool {
    if !matches!(ops[i], Op::Br { .. }) {
        return false;
    }
    let Some(t) = target(i, &ops[i]).filter(|&t| t < ops.len()) else {
        return false;
    };
    if t < i && negate_branch(ops[t]).is_some() {
        return true;
    }
    if i > 0
        && negate_branch(ops[i - 1]).is_some()
        && let Some(a) = target(i - 1, &ops[i - 1])
        && (a == i + 1 || (t < i && a > i))
    {
        return true;
    }
    (t..(t + MAX_TAIL).min(ops.len())).any(|j| target(j, &ops[j]).is_some_and(|u| u <= t))
        || ops[t..(t + MAX_TABLE_TAIL).min(ops.len())].iter().any(is_table)
}

/// Fills `b.edits`, in order of position.
fn decide(ops: &[Op], b: &mut Buffers) {
    let n = ops.len();
    let (targets, landed, entry) = (&b.targets, &b.landed, &b.entry);
    let tgt = |i: usize| (targets[i] != NONE).then_some(targets[i] as usize);
    let plain_br = |i: usize| matches!(ops[i], Op::Br { .. }) && !entry[i];
    b.edits.clear();
    let mut i = 0;
    while i < n {
        if !plain_br(i) {
            i += 1;
            continue;
        }
        let Some(t) = tgt(i) else {
            i += 1;
            continue;
        };
        // A test just before this `br`, with nothing landing on the `br`. (No earlier edit
        // covers `i - 1`: edits start at branches and take the instruction after them only when
        // it is a `br`.)
        if i > 0
            && !landed[i]
            && let (Some(_), Some(a)) = (negate_branch(ops[i - 1]), tgt(i - 1))
        {
            if a == i + 1 {
                b.edits.push((i - 1, Edit::Skip));
                i += 1;
                continue;
            }
            if t < i && a > i {
                b.edits.push((i - 1, Edit::Swap));
                i += 1;
                continue;
            }
        }
        if t < i
            && let Some(neg) = negate_branch(ops[t])
        {
            let fused = i > 0 && !landed[i] && targets[i - 1] == NONE && fuse_step(ops[i - 1], neg).is_some();
            b.edits.push((i, Edit::Invert { fused }));
            i += 1;
            continue;
        }
        if let Some(len) = tail_len(ops, b, i, t) {
            b.edits.push((i, Edit::Tail { len }));
        }
        i += 1;
    }
}

/// The length of the run at `t` worth copying in place of the `br` at `i`: at most [`MAX_TAIL`]
/// instructions up to the first that never falls through, with a branch back to `t` or before it
/// (a loop's tail), and nothing that must stay where it is; or at most [`MAX_TABLE_TAIL`] up to
/// and with a `br_table`.
fn tail_len(ops: &[Op], b: &Buffers, i: usize, t: usize) -> Option<usize> {
    for k in 0..MAX_TABLE_TAIL {
        let j = t + k;
        if j >= ops.len() || j == i || b.entry[j] || matches!(ops[j], Op::TableInit { .. } | Op::Imm32 { .. }) {
            break;
        }
        if is_table(&ops[j]) {
            return Some(k + 1);
        }
        if leaves(&ops[j]) {
            break;
        }
    }
    let mut back = false;
    for k in 0..MAX_TAIL {
        let j = t + k;
        if j >= ops.len() || j == i || b.entry[j] {
            return None;
        }
        let op = &ops[j];
        // (A table within reach was taken by the loop above.)
        if matches!(op, Op::TableInit { .. } | Op::Imm32 { .. }) || is_table(op) {
            return None;
        }
        back |= b.targets[j] != NONE && b.targets[j] as usize <= t;
        if leaves(op) {
            return back.then_some(k + 1);
        }
    }
    back.then_some(MAX_TAIL)
}

/// Rewrites `ops` with `b.edits`, remapping every branch.
fn rebuild(ops: &mut Vec<Op>, b: &mut Buffers) {
    let n = ops.len();
    b.out.clear();
    b.map.clear();
    b.map.resize(n + 1, 0);
    let Buffers { targets, edits, out, map, .. } = b;
    let mut edits = edits.iter().peekable();
    let mut i = 0;
    while i < n {
        map[i] = out.len() as u32;
        let edit = match edits.peek() {
            Some(&&(at, edit)) if at == i => {
                edits.next();
                edit
            }
            _ => {
                out.push((ops[i], targets[i]));
                i += 1;
                continue;
            }
        };
        let neg = |op: Op| negate_branch(op).expect("edits negate tests");
        match edit {
            Edit::Swap => {
                out.push((neg(ops[i]), targets[i + 1]));
                map[i + 1] = out.len() as u32;
                out.push((ops[i + 1], targets[i]));
                i += 2;
            }
            Edit::Skip => {
                out.push((neg(ops[i]), targets[i + 1]));
                map[i + 1] = out.len() as u32;
                i += 2;
            }
            Edit::Invert { fused } => {
                let t = targets[i] as usize;
                let test = neg(ops[t]);
                if fused {
                    let prev = out.last_mut().expect("a fused step comes first");
                    *prev = (fuse_step(prev.0, test).expect("checked when deciding"), t as u32 + 1);
                } else {
                    out.push((test, t as u32 + 1));
                }
                // The exit branch is not needed when the exit is the next instruction anyway.
                if targets[t] as usize != i + 1 {
                    out.push((ops[i], targets[t]));
                }
                i += 1;
            }
            Edit::Tail { len } => {
                let t = targets[i] as usize;
                for j in t..t + len {
                    // A run ending in a table takes it where it stands.
                    if is_table(&ops[j]) {
                        out.push((Op::BrToTable { off: BranchOffset(0) }, j as u32));
                    } else {
                        out.push((ops[j], targets[j]));
                    }
                }
                if !leaves(&ops[t + len - 1]) {
                    out.push((ops[i], (t + len) as u32));
                }
                i += 1;
            }
        }
    }
    map[n] = out.len() as u32;
    ops.clear();
    for (k, &(mut op, t)) in out.iter().enumerate() {
        if t != NONE {
            let off = op.branch_offset_mut().expect("only branches have targets");
            *off = BranchOffset(map[t as usize] as i32 - k as i32);
        }
        ops.push(op);
    }
}
