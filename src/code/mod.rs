//! The code layer: a translated function as the executor runs it ([`CompiledFunc`] of [`Slot`]s),
//! the translator's output before encoding ([`Translated`]), and the frame layout facts both sides
//! agree on. It depends on `ir/` only; `translate/`, `module/` and `exec/` all use it.

use crate::ir::Op;

/// One instruction as the dispatchers run it: the address of its handler (direct threading; zero
/// when the portable loop dispatches) next to the instruction itself, whose branch offsets are
/// in bytes. The executor builds slots (it alone knows its handlers) with [`Slot::new`].
#[derive(Debug, Clone, Copy)]
#[repr(C)]
pub(crate) struct Slot {
    /// The handler's address (the tail-call dispatcher), or zero (the portable loop).
    pub handler: usize,
    /// The instruction, branch offsets scaled to bytes.
    pub op: Op,
    /// What a handler variant reads beside the instruction (in what would be padding): for a
    /// branch that passes the fuel check point it lands on itself, that check point's amount; for
    /// a check point, the registers whose values the accumulators hold there (reloaded when
    /// execution resumes at it, see `exec::acc::reload`); zero otherwise.
    pub aux: u32,
}

/// The size of a [`Slot`], the unit of the dispatchers' instruction pointer.
pub(crate) const SLOT: i32 = std::mem::size_of::<Slot>() as i32;

impl Slot {
    /// The slot of `op` (branch offsets in instructions) run by `handler`; `None` if a branch
    /// offset does not fit once scaled to bytes.
    pub(crate) fn new(handler: usize, mut op: Op) -> Option<Slot> {
        if let Some(off) = op.branch_offset_mut() {
            off.0 = off.0.checked_mul(SLOT)?;
        }
        Some(Slot { handler, op, aux: 0 })
    }
}

/// Whether every branch offset of `ops` still fits once scaled to bytes, i.e. whether the
/// executor will be able to encode them (checked at translation, so that a function too large to
/// run is refused when its module loads).
pub(crate) fn encodable(ops: &[Op]) -> bool {
    // A branch stays inside its function, so no offset is longer than the function: short
    // functions (all real ones) need no look at their branches.
    ops.len() <= (i32::MAX / SLOT) as usize
        || ops.iter().all(|&op| { op }.branch_offset_mut().is_none_or(|off| off.0.checked_mul(SLOT).is_some()))
}

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

/// Functions with at most this many parameters, locals that start at zero and constants are
/// `small`: the executor's call fast path sets up their frames with fixed-length copies. No local
/// that starts at zero: with the definite assignment of locals (`translate/assigned.rs`) almost
/// no function a compiler wrote has one, so the path zeroes nothing and copies five constants
/// instead of three (quickjs's commonest callee has five; 3, 8 and 3 before, 2026-12-08).
pub(crate) const SMALL_PARAMS: usize = 3;
/// See [`SMALL_PARAMS`].
pub(crate) const SMALL_LOCALS: usize = 0;
/// See [`SMALL_PARAMS`].
pub(crate) const SMALL_CONSTS: usize = 5;
/// Cells the value stack keeps free above a frame entered by the fast path (they absorb its
/// fixed-length copies; the locals start at most one cell after the parameters).
pub(crate) const SLACK: usize = {
    let (a, b) = (SMALL_PARAMS + 1 + SMALL_LOCALS, SMALL_CONSTS);
    if a > b { a } else { b }
};

/// Functions with at most this many parameters, locals and constants (and more than a small
/// function's) are `medium`: calls set up their frames in chunks of two or four cells, still
/// without calls to `memcpy`/`memset` (most calls of the real programs that are not small are
/// medium: 75-92% in quickjs, lua and sqlite with 24 locals and 8 constants; the limits of 96 and
/// 32 take in most of the rest, at a test and branch per chunk that only larger frames run).
/// Multiples of the chunks (2, 4, 2).
pub(crate) const MEDIUM_PARAMS: usize = 8;
/// See [`MEDIUM_PARAMS`].
pub(crate) const MEDIUM_LOCALS: usize = 96;
/// See [`MEDIUM_PARAMS`].
pub(crate) const MEDIUM_CONSTS: usize = 32;
/// Cells the value stack keeps free above a frame entered as a medium function (its copies write
/// at most three cells past the frame).
pub(crate) const MEDIUM_SLACK: usize = 4;

/// [`CompiledFunc::fast_need`] of a function with these counts: its frame plus [`SLACK`], or
/// `u32::MAX` when it is not small.
pub(crate) fn fast_need(params: usize, locals: usize, consts: usize, frame_size: usize) -> u32 {
    need_within([SMALL_PARAMS, SMALL_LOCALS, SMALL_CONSTS], SLACK, [params, locals, consts], frame_size)
}

/// [`CompiledFunc::medium_need`] of a function with these counts: its frame plus
/// [`MEDIUM_SLACK`], or `u32::MAX` when it is not medium (nor small).
pub(crate) fn medium_need(params: usize, locals: usize, consts: usize, frame_size: usize) -> u32 {
    need_within([MEDIUM_PARAMS, MEDIUM_LOCALS, MEDIUM_CONSTS], MEDIUM_SLACK, [params, locals, consts], frame_size)
}

/// `frame_size + slack` when each of `counts` (parameters, locals, constants) is within its
/// `limits`, else `u32::MAX` (also when the sum does not fit).
fn need_within(limits: [usize; 3], slack: usize, counts: [usize; 3], frame_size: usize) -> u32 {
    if counts.iter().zip(limits).all(|(&n, limit)| n <= limit) {
        u32::try_from(frame_size + slack).unwrap_or(u32::MAX)
    } else {
        u32::MAX
    }
}

/// A function body with its frame layout: `Code` is `Box<[Slot]>` once encoded for the
/// dispatchers ([`CompiledFunc`]), `Box<[Op]>` as the translator leaves it ([`Translated`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct FuncBody<Code> {
    /// The instructions.
    pub ops: Code,
    /// Register cells of the parameters, copied from the arguments.
    pub num_params: u16,
    /// The first local's cell: the parameters' cells rounded up to even (a spare cell after an
    /// odd number, which nothing reads), so that frames being 16-byte aligned the locals are
    /// zeroed in aligned pairs (`exec::init_small_frame`).
    pub locals_at: u16,
    /// Local cells zeroed on entry, from `locals_at`. The locals the code writes before any read
    /// can see them come after these and start with whatever the cells held
    /// (`translate::func::FuncTranslator::order_locals`).
    pub num_locals: u16,
    /// [`frame_word`] of the function's index and its frame size (all registers of a frame:
    /// parameters, locals, operand slots and constants; [`FuncBody::frame_size`]): what a call
    /// stores as the running function, read whole, without putting it together from its halves
    /// on every call. The index is 0 until the function is encoded ([`Translated::encode`]).
    pub frame_word: u64,
    /// Constants, copied to `const_base..` on entry.
    pub consts: Box<[u64]>,
    pub const_base: u16,
    /// For the executor's call fast path: the value-stack cells a call needs above the caller's
    /// frame (frame plus slack), or `u32::MAX` when the function has too many parameters, locals
    /// or constants for it ([`fast_need`]).
    pub fast_need: u32,
    /// The same for medium functions ([`medium_need`]).
    pub medium_need: u32,
    /// The constants padded with zeros to the fast path's fixed count (it copies them all).
    pub fast_consts: [u64; SMALL_CONSTS],
    /// The `try_table` catch clauses, innermost `try_table` first and each one's clauses in
    /// order: the first that covers an instruction and matches an exception catches it.
    pub catches: Box<[Catch]>,
}

/// A catch clause (of a `try_table`, or of a legacy `try`): an exception thrown while instruction
/// `start..end` runs (a throw, or a call the exception comes out of) whose tag is `tag` (any tag
/// when `None`) is handled by `handler`: its values go to registers `dst..` (unless the clause
/// catches all tags), a reference to it to `exn` (when given).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Catch {
    pub start: u32,
    pub end: u32,
    /// An index into the instance's tags.
    pub tag: Option<u32>,
    pub dst: crate::ir::Reg,
    pub exn: Option<crate::ir::Reg>,
    pub handler: Handler,
}

/// What a catch clause does with an exception it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Handler {
    /// Catches it: execution goes on at this instruction.
    Pad(u32),
    /// A legacy `delegate`: the search goes on from this clause (the first of the block the
    /// `delegate` names), skipping the clauses in between.
    Delegate(u32),
}

/// A translated function encoded for the dispatchers.
pub(crate) type CompiledFunc = FuncBody<Box<[Slot]>>;

/// A translated function as the translator leaves it (branch offsets in instructions).
pub(crate) type Translated = FuncBody<Box<[Op]>>;

impl<Code> FuncBody<Code> {
    /// All registers of a frame: parameters, locals, operand slots and constants.
    #[inline(always)]
    pub(crate) fn frame_size(&self) -> u32 {
        self.frame_word as u32
    }

    /// The same function with its instructions replaced by `f` of them.
    pub(crate) fn map_ops<Other>(self, f: impl FnOnce(Code) -> Other) -> FuncBody<Other> {
        let FuncBody {
            ops,
            num_params,
            locals_at,
            num_locals,
            frame_word,
            consts,
            const_base,
            fast_need,
            medium_need,
            fast_consts,
            catches,
        } = self;
        FuncBody {
            ops: f(ops),
            num_params,
            locals_at,
            num_locals,
            frame_word,
            consts,
            const_base,
            fast_need,
            medium_need,
            fast_consts,
            catches,
        }
    }
}

impl Translated {
    /// Encodes defined function `index`'s instructions with `encode` (the executor's encoder),
    /// keeping the layout.
    pub(crate) fn encode(
        mut self,
        index: u32,
        encode: impl FnOnce(&[Op]) -> Option<Box<[Slot]>>,
    ) -> Option<CompiledFunc> {
        let slots = encode(&self.ops)?;
        self.frame_word = frame_word(index, self.frame_size());
        Some(self.map_ops(|_| slots))
    }
}

/// The running function as the executor keeps it, one 8-byte word (`exec::Running`): the frame
/// size of function `index` in the low half (which returns read), the index in the high half.
#[inline(always)]
pub(crate) fn frame_word(index: u32, frame_size: u32) -> u64 {
    u64::from(frame_size) | u64::from(index) << 32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{BranchOffset, Reg};

    #[test]
    fn slots_scale_branch_offsets_and_decode_restores_them() {
        let ops = [Op::BrIfNez { cond: Reg(1), off: BranchOffset(-2) }, Op::Return];
        let slots: Vec<Slot> = ops.iter().map(|&op| Slot::new(0, op).unwrap()).collect();
        assert!(matches!(slots[0].op, Op::BrIfNez { off: BranchOffset(o), .. } if o == -2 * SLOT));
        assert_eq!(decode(&slots), ops);
    }

    #[test]
    fn offsets_too_far_for_bytes_do_not_encode() {
        let far = Op::Br { off: BranchOffset(i32::MAX / SLOT + 1) };
        assert!(Slot::new(0, far).is_none());
        assert!(Slot::new(0, Op::Br { off: BranchOffset(i32::MAX / SLOT) }).is_some());
        // Translation only emits branches inside their function, so a function shorter than the
        // longest encodable offset is encodable without looking at its branches.
        assert!(encodable(&[Op::Br { off: BranchOffset(0) }]));
    }

    #[test]
    fn only_small_functions_take_the_fast_path() {
        let (p, l, c) = (SMALL_PARAMS, SMALL_LOCALS, SMALL_CONSTS);
        assert_eq!(fast_need(p, l, c, 20), 20 + SLACK as u32);
        assert_eq!(fast_need(p + 1, 0, 0, 20), u32::MAX);
        assert_eq!(fast_need(0, l + 1, 0, 20), u32::MAX);
        assert_eq!(fast_need(0, 0, c + 1, 20), u32::MAX);
        let (p, l, c) = (MEDIUM_PARAMS, MEDIUM_LOCALS, MEDIUM_CONSTS);
        assert_eq!(medium_need(p, l, c, 50), 50 + MEDIUM_SLACK as u32);
        assert_eq!(medium_need(p + 1, 0, 0, 50), u32::MAX);
        assert_eq!(medium_need(0, l + 1, 0, 50), u32::MAX);
        assert_eq!(medium_need(0, 0, c + 1, 50), u32::MAX);
    }
}
