//! Fusion: the rewrite rules that join an instruction with the one emitted just before it, each
//! written once with its guard, and the one place that applies them.
//!
//! The visitor emits plain instructions only. Every emission goes through the translator's
//! `emit`, which checks the rules' patterns against the pair of the previous and the new
//! instruction ([`worth_trying`]) and, when one matches, calls [`emit`] here to try the rules in
//! order ([`rewrite`]; the rule table is `rule_table!`'s input). A rule that applies replaces the pair with one
//! instruction, which is then treated as just emitted, so rules chain (`i32.lt_s; br_if` becomes
//! `BrIfI32LtSRR`, which a counter step before it then joins). The applier itself enforces the
//! guard every rule shares: no label lands between the two parts (branches arriving there would
//! skip the first part). Each rule adds its own: operand kinds, immediate ranges, and whether the
//! register passing the value between the parts is a temporary that nothing reads afterwards
//! ([`Cx::dead`]).
//!
//! Each rule is named after its golden test, `tests/ir/rule_NAME.wat`, which shows the cases
//! that fuse and those that must not (a unit test checks that the files exist). One rule runs
//! over the finished function instead ([`return_copy`]): jump threading makes its pairs.

use super::func::dead_reg;
use crate::error::{Error, Result};
use crate::ir::{BranchOffset, Flow, Op, Reg};
use std::collections::HashMap;

/// What becomes of the new instruction when a rule applies.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// The pair becomes one instruction doing the work of both.
    Join,
    /// The new instruction disappears into the previous one, which is rewritten (it costs no
    /// fuel, as if it had never been emitted).
    Fold,
}

/// A rewrite rule: `apply(cx, prev, new)` is the pattern and the guard, and returns the
/// replacement of the pair when it applies.
pub(super) struct Rule {
    /// The rule's name: its golden test is `tests/ir/rule_NAME.wat`.
    #[cfg_attr(not(test), allow(dead_code, reason = "read by the test that each rule has its golden file"))]
    pub name: &'static str,
    pub kind: Kind,
    pub apply: fn(&mut Cx<'_>, Op, Op) -> Option<Op>,
}

/// What a rule may ask about the code around the pair.
pub(super) struct Cx<'a> {
    /// The first temporary (registers below it are the function's parameters and locals).
    pub temp_from: u16,
    /// The first temporary above the operand stack once the new instruction has taken its
    /// operands.
    pub dead_from: u16,
    pub consts: &'a mut Vec<u64>,
    pub const_regs: &'a mut HashMap<u64, u16>,
    /// Set when a rule could not get a constant register (the function has too many).
    pub error: Option<Error>,
}

impl Cx<'_> {
    /// Whether `r` is a temporary whose value nothing reads after the new instruction: the
    /// operand stack no longer holds it (the new instruction consumed it), and temporaries are
    /// read only through the operand stack.
    fn dead(&self, r: Reg) -> bool {
        dead_reg(r, self.temp_from, self.dead_from)
    }

    /// Whether `r` is a parameter or local.
    fn local(&self, r: Reg) -> bool {
        r.0 < self.temp_from
    }

    /// The register of constant `c`; `None` (recording the error) when there is no room.
    fn const_reg(&mut self, c: u64) -> Option<Reg> {
        super::func::const_reg(self.consts, self.const_regs, c).map_err(|e| self.error = Some(e)).ok()
    }
}

/// Whether some rule's pattern matches `prev` followed by `new`, or the second half of `prev`
/// (a pair instruction, [`split`]) followed by `new`, given the first temporary and the first one
/// above the operand stack: the translator emits the others directly, without calling out.
#[inline(always)]
pub(super) fn worth_trying(prev: &Op, new: &Op, temp_from: u16, dead_from: u16) -> bool {
    pattern_matches(prev, new, temp_from, dead_from)
        || split(*prev).is_some_and(|(_, second)| pattern_matches(&second, new, temp_from, dead_from))
}

/// Appends `new` to `ops`, first joining it with the instructions before it while a rule
/// applies and no label lands between them (`label_at`: where the last label was pinned).
/// Returns whether the instruction costs fuel (not when a [`Kind::Fold`] absorbed it).
///
/// A pair instruction ([`split`]: two independent instructions joined because nothing else
/// joined them) gives its second half back to a rule that joins that half with `new`: the pair
/// becomes its first half, which may pair again with what precedes it ([`repair`]), and `new`
/// joins the second half. So the pair rules take only what the other rules leave, and the
/// instructions they were written for keep their own fused forms.
pub(super) fn emit(ops: &mut Vec<Op>, label_at: Option<usize>, cx: &mut Cx<'_>, mut new: Op) -> Result<bool> {
    let mut costs = true;
    while let Some(&prev) = ops.last()
        && label_at != Some(ops.len())
    {
        if let Some(rule) = rewrite(cx, prev, &mut new) {
            ops.pop();
            costs &= rule.kind == Kind::Join;
        } else if let Some((first, second)) = split(prev)
            && let Some(rule) = rewrite_second(cx, second, &mut new)
        {
            ops.pop();
            repair(ops, label_at, first);
            costs &= rule.kind == Kind::Join;
        } else {
            break;
        }
    }
    ops.push(new);
    match cx.error.take() {
        Some(e) => Err(e),
        None => Ok(costs),
    }
}

/// [`rewrite`] for the second half of a split pair: out of line, so that the rule table's match is
/// inlined into [`emit`] once (twice, LLVM kept `rewrite` out of line, and translating quickjs
/// eagerly ran 4% more instructions).
#[inline(never)]
fn rewrite_second(cx: &mut Cx<'_>, second: Op, new: &mut Op) -> Option<&'static Rule> {
    rewrite(cx, second, new)
}

/// The two instructions a pair instruction joined (in order), or `None` for any other.
#[inline(always)]
fn split(op: Op) -> Option<(Op, Op)> {
    Some(match op {
        Op::I32StoreAddRI { ptr, val, dst, lhs, offset, imm } => {
            (Op::I32Store { ptr, val, offset: u32::from(offset) }, Op::I32AddRI { dst, lhs, imm: i32::from(imm) })
        }
        Op::I64StoreAddRI { ptr, val, dst, lhs, offset, imm } => {
            (Op::I64Store { ptr, val, offset: u32::from(offset) }, Op::I32AddRI { dst, lhs, imm: i32::from(imm) })
        }
        Op::I32AddRI2 { dst1, lhs1, dst2, lhs2, imm1, imm2 } => (
            Op::I32AddRI { dst: dst1, lhs: lhs1, imm: i32::from(imm1) },
            Op::I32AddRI { dst: dst2, lhs: lhs2, imm: i32::from(imm2) },
        ),
        Op::CopyI32Const { dst1, src, dst2, value } => (Op::Copy { dst: dst1, src }, Op::I32Const { dst: dst2, value }),
        Op::I32Const2 { dst1, dst2, value1, value2 } => {
            (Op::I32Const { dst: dst1, value: i32::from(value1) }, Op::I32Const { dst: dst2, value: i32::from(value2) })
        }
        _ => return None,
    })
}

/// Appends `first`, the first half of a pair [`emit`] split, pairing it again with the
/// instruction before it when no label lands between them. Only the pair rule is tried: it has no
/// guard on which temporaries are dead, which the translator's state (already past the
/// instruction that split the pair) no longer tells for this point.
fn repair(ops: &mut Vec<Op>, label_at: Option<usize>, first: Op) {
    let joined = match ops.last() {
        Some(&prev) if label_at != Some(ops.len()) => pair(prev, first),
        _ => None,
    };
    if let Some(op) = joined {
        ops.pop();
        ops.push(op);
    } else {
        ops.push(first);
    }
}

/// The pair instruction doing `prev` then `new`: an `i32` or `i64` store then an add of a
/// constant (`I32StoreAddRI`, `I64StoreAddRI`), or two adds of a constant (`I32AddRI2`; a
/// subtraction counts as the add of the negated constant), when the offset fits 8 bits unsigned
/// and the constants 8 bits signed; a copy then an `i32` constant (`CopyI32Const`), or two `i32`
/// constants within 16 bits (`I32Const2`): a call's arguments.
#[inline]
fn pair(prev: Op, new: Op) -> Option<Op> {
    if let Op::I32Const { dst: dst2, value } = new {
        return match prev {
            Op::Copy { dst: dst1, src } => Some(Op::CopyI32Const { dst1, src, dst2, value }),
            Op::I32Const { dst: dst1, value: value1 } => Some(Op::I32Const2 {
                dst1,
                dst2,
                value1: i16::try_from(value1).ok()?,
                value2: i16::try_from(value).ok()?,
            }),
            _ => None,
        };
    }
    let step = |op: Op| add_imm(op).and_then(|(dst, lhs, imm)| Some((dst, lhs, i8::try_from(imm).ok()?)));
    let (dst, lhs, imm) = step(new)?;
    Some(match prev {
        Op::I32Store { ptr, val, offset } => {
            Op::I32StoreAddRI { ptr, val, dst, lhs, offset: u8::try_from(offset).ok()?, imm }
        }
        Op::I64Store { ptr, val, offset } => {
            Op::I64StoreAddRI { ptr, val, dst, lhs, offset: u8::try_from(offset).ok()?, imm }
        }
        _ => {
            let (dst1, lhs1, imm1) = step(prev)?;
            Op::I32AddRI2 { dst1, lhs1, dst2: dst, lhs2: lhs, imm1, imm2: imm }
        }
    })
}

/// `r[t] = r[x] < k` (a signed or unsigned `<`, `>`, `<=` or `>=` of an `i32` and a constant,
/// or `<` or `>` of two `i32`s); `r[d] = r[t] ? r[a] : r[b]` → one `SelectI32…` (`x < k ? a : b`,
/// a clamp or a choice by range). `<=`/`>=` become `<`/`>` of the next constant (not at the end of
/// the range), `>` of two registers `<` with them swapped. Guards: `t` is dead after the select and
/// is neither of its values; the constant (adjusted) fits 16 bits.
const COMPARE_SELECT: Rule = Rule { name: "compare_select", kind: Kind::Join, apply: apply_compare_select };

#[inline]
fn apply_compare_select(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let Op::Select { dst, cond, a, b } = new else { return None };
    if !cx.dead(cond) || a == cond || b == cond || result(prev) != Some(cond) {
        return None;
    }
    let short = |imm: i64| i16::try_from(imm).ok();
    Some(match prev {
        Op::I32LtSRI { lhs, imm, .. } => Op::SelectI32LtSRI { dst, lhs, a, b, imm: short(imm.into())? },
        Op::I32LtURI { lhs, imm, .. } => Op::SelectI32LtURI { dst, lhs, a, b, imm: short(imm.into())? },
        Op::I32GtSRI { lhs, imm, .. } => Op::SelectI32GtSRI { dst, lhs, a, b, imm: short(imm.into())? },
        Op::I32GtURI { lhs, imm, .. } => Op::SelectI32GtURI { dst, lhs, a, b, imm: short(imm.into())? },
        // x <= k is x < k + 1, x >= k is x > k - 1, unless k is the end of the range (signed
        // `i32::MAX`/`MIN`; unsigned `u32::MAX`/0, which as a sign-extended 16-bit constant are -1
        // and 0: the adjusted constant then does not fit or wraps, and is refused).
        Op::I32LeSRI { lhs, imm, .. } => Op::SelectI32LtSRI { dst, lhs, a, b, imm: short(i64::from(imm) + 1)? },
        Op::I32GeSRI { lhs, imm, .. } => Op::SelectI32GtSRI { dst, lhs, a, b, imm: short(i64::from(imm) - 1)? },
        Op::I32LeURI { lhs, imm, .. } if imm != -1 => {
            Op::SelectI32LtURI { dst, lhs, a, b, imm: short(i64::from(imm) + 1)? }
        }
        Op::I32GeURI { lhs, imm, .. } if imm != 0 => {
            Op::SelectI32GtURI { dst, lhs, a, b, imm: short(i64::from(imm) - 1)? }
        }
        Op::I32LtSRR { lhs, rhs, .. } => Op::SelectI32LtSRR { dst, lhs, rhs, a, b },
        Op::I32LtURR { lhs, rhs, .. } => Op::SelectI32LtURR { dst, lhs, rhs, a, b },
        Op::I32GtSRR { lhs, rhs, .. } => Op::SelectI32LtSRR { dst, lhs: rhs, rhs: lhs, a, b },
        Op::I32GtURR { lhs, rhs, .. } => Op::SelectI32LtURR { dst, lhs: rhs, rhs: lhs, a, b },
        _ => return None,
    })
}

/// Two independent instructions that run back to back in the real programs and that no other
/// rule joins → one pair instruction doing both in order ([`pair`]): one dispatch instead of two.
/// Tried after every other rule, and undone by [`emit`] when a rule wants the second half.
const PAIR: Rule = Rule { name: "pair", kind: Kind::Join, apply: |_, prev, new| pair(prev, new) };

/// The rule table: each rule with the pattern of the pair it applies to (previous instruction,
/// new instruction, and the cheap part of the guard), in the order they are tried. Derives
/// `pattern_matches` (whether some rule's pattern matches a pair, behind [`worth_trying`]) and
/// [`rewrite`] (which replaces `new` by the result of the first rule that applies, and returns
/// that rule). In a pattern's guard, `$dead(r)` is [`Cx::dead`].
macro_rules! rule_table {
    ($dead:ident; $( $rule:ident: [$prev:pat] [$new:pat $(if $guard:expr)?]; )*) => {
        /// Whether some rule's pattern matches `prev` followed by `new`, given the first
        /// temporary and the first one above the operand stack.
        #[inline(always)]
        fn pattern_matches(prev: &Op, new: &Op, temp_from: u16, dead_from: u16) -> bool {
            let $dead = |r: Reg| dead_reg(r, temp_from, dead_from);
            #[allow(unreachable_patterns, reason = "several rules may match one pattern")]
            match *new {
                $( $new if true $(&& $guard)? && matches!(*prev, $prev) => true, )*
                _ => false,
            }
        }

        #[inline(always)]
        fn rewrite(cx: &mut Cx<'_>, prev: Op, new: &mut Op) -> Option<&'static Rule> {
            let (temp_from, dead_from) = (cx.temp_from, cx.dead_from);
            let $dead = |r: Reg| dead_reg(r, temp_from, dead_from);
            let mut out;
            // A rule whose pattern matches but whose `apply` declines falls through to the next.
            #[allow(unreachable_patterns, reason = "several rules may match one pattern")]
            match *new {
                $(
                    $new if true $(&& $guard)? && matches!(prev, $prev) && {
                        out = ($rule.apply)(cx, prev, *new);
                        out.is_some()
                    } => {
                        *new = out.expect("the guard checked");
                        Some(&$rule)
                    }
                )*
                _ => None,
            }
        }
    };
}

rule_table! { dead;
    NEGATE_COMPARE: [_] [Op::I32Eqz { src, .. } if dead(src)];
    FOLD_RESULT: [_] [Op::Copy { src, .. } if dead(src)];
    FOLD_RESULT_V128: [_] [Op::CopyV128 { src, .. } if dead(src)];
    COPY2: [Op::Copy { .. }] [Op::Copy { .. }];
    STEP2: [Op::I32AddRI { .. } | Op::I32SubRI { .. }] [Op::I32AddRI { .. } | Op::I32SubRI { .. }];
    ADD_SHL: [Op::I32ShlRI { .. }] [Op::I32AddRR { .. }];
    ADDRESS: [Op::I32AddRI { .. } | Op::I32AddRR { .. } | Op::I32AddShl { .. }] [
        Op::I32Load { ptr, .. }
        | Op::I64Load { ptr, .. }
        | Op::I32Load8U { ptr, .. }
        | Op::I32Store { ptr, .. }
        | Op::I32Store8 { ptr, .. }
        | Op::I64Store { ptr, .. }
        | Op::V128Load { ptr, .. }
        | Op::V128Store { ptr, .. } if dead(ptr)
    ];
    COMPARE_BRANCH: [_] [Op::BrIfNez { cond, .. } | Op::BrIfEqz { cond, .. } if dead(cond)];
    STEP_BRANCH: [Op::I32AddRI { .. } | Op::I32SubRI { .. } | Op::I64AddRI { .. } | Op::I64SubRI { .. } | Op::I32AddRR { .. }] [
        Op::BrIfNez { .. }
        | Op::BrIfI32NeRR { .. }
        | Op::BrIfI32LtSRR { .. }
        | Op::BrIfI32LtURR { .. }
        | Op::BrIfI32NeRI { .. }
        | Op::BrIfI32LtSRI { .. }
        | Op::BrIfI32LtURI { .. }
        | Op::BrIfI32GtSRI { .. }
        | Op::BrIfI64NeRI { .. }
    ];
    LOAD_BRANCH: [Op::I32Load8U { .. } | Op::I32Load { .. }] [Op::BrIfNez { .. } | Op::BrIfEqz { .. }];
    SET_BRANCH: [Op::I32Const { .. } | Op::Copy { .. } | Op::I32AddRI { .. } | Op::I32SubRI { .. }] [
        Op::BrIfNez { .. } | Op::BrIfEqz { .. }
    ];
    GLOBAL_ADD: [Op::GlobalGet { .. }] [Op::I32AddRI { lhs, .. } | Op::I32SubRI { lhs, .. } if dead(lhs)];
    GLOBAL_STEP: [Op::GlobalGetAddRI { .. }] [Op::GlobalSet { .. }];
    GLOBAL_SET_ADD: [Op::I32AddRI { .. } | Op::I32SubRI { .. }] [Op::GlobalSet { src, .. } if dead(src)];
    GLOBAL_RETURN: [Op::GlobalSetAddRI { .. }] [Op::Return | Op::Return1 { .. }];
    BR_TABLE_ADD: [Op::I32AddRI { .. } | Op::I32SubRI { .. }] [Op::BrTable { index, .. } if dead(index)];
    SHR_AND: [Op::I32ShrURI { .. }] [Op::I32AndRI { lhs, .. } if dead(lhs)];
    ADD_SHR_AND: [Op::I32ShrUAndRI { .. }] [Op::I32AddRR { .. }];
    ADD_HIGH: [Op::I64ShrURI { .. }] [Op::I32AddRR { .. }];
    LOAD_MUL: [Op::I32LoadRI { .. }] [Op::I64MulRR { .. }];
    ADD_MUL: [Op::I32MulRI { .. }] [Op::I32AddRR { .. }];
    MUL_SHIFT: [Op::I64MulRR { .. }] [Op::I64ShrURR { lhs, .. } if dead(lhs)];
    LOAD_ADD: [Op::I32Load { .. } | Op::I32Load8U { .. }] [Op::I32AddRR { .. } | Op::I32AddRI { .. } | Op::I32SubRI { .. }];
    SHL_LOAD: [Op::I32ShlRI { .. }] [Op::I32LoadRI { ptr, .. } if dead(ptr)];
    LOAD_LOAD: [Op::I32Load { .. }] [Op::I32Load { ptr, .. } if dead(ptr)];
    MOVE: [Op::I32Load8U { .. } | Op::I32Load16U { .. } | Op::I32Load { .. } | Op::I64Load { .. }] [
        Op::I32Store8 { val, .. } | Op::I32Store16 { val, .. } | Op::I32Store { val, .. } | Op::I64Store { val, .. }
            if dead(val)
    ];
    CARRY_ADD: [Op::I32LtURR { .. } | Op::I32GtURR { .. }] [Op::I32AddRR { .. }];
    EXTEND_AND: [Op::I64ExtendI32U { .. }] [Op::I64AndRI { lhs, imm, .. } if dead(lhs) && imm >= 0];
    MUL_ADD: [Op::F32x4Mul { .. } | Op::F64x2Mul { .. }] [
        Op::F32x4Add { .. } | Op::F32x4Sub { .. } | Op::F64x2Add { .. } | Op::F64x2Sub { .. }
    ];
    COMPARE_SELECT: [
        Op::I32LtSRI { .. } | Op::I32LtURI { .. } | Op::I32GtSRI { .. } | Op::I32GtURI { .. }
        | Op::I32LeSRI { .. } | Op::I32LeURI { .. } | Op::I32GeSRI { .. } | Op::I32GeURI { .. }
        | Op::I32LtSRR { .. } | Op::I32LtURR { .. } | Op::I32GtSRR { .. } | Op::I32GtURR { .. }
    ] [Op::Select { cond, .. } if dead(cond)];
    RANGE_SELECT: [Op::I32AddRI { .. } | Op::I32SubRI { .. }] [Op::SelectI32LtURI { lhs, .. } if dead(lhs)];
    PAIR: [Op::I32Store { .. } | Op::I64Store { .. }] [Op::I32AddRI { .. } | Op::I32SubRI { .. }];
    PAIR: [Op::I32AddRI { .. } | Op::I32SubRI { .. }] [Op::I32AddRI { .. } | Op::I32SubRI { .. }];
    PAIR: [Op::Copy { .. } | Op::I32Const { .. }] [Op::I32Const { .. }];
}

/// Every rule, for the test that each has its golden file.
#[cfg(test)]
const RULES: [&Rule; 32] = [
    &NEGATE_COMPARE,
    &FOLD_RESULT,
    &FOLD_RESULT_V128,
    &COPY2,
    &STEP2,
    &ADD_SHL,
    &ADDRESS,
    &COMPARE_BRANCH,
    &STEP_BRANCH,
    &LOAD_BRANCH,
    &SET_BRANCH,
    &MUL_ADD,
    &GLOBAL_ADD,
    &GLOBAL_STEP,
    &GLOBAL_SET_ADD,
    &GLOBAL_RETURN,
    &BR_TABLE_ADD,
    &SHR_AND,
    &ADD_SHR_AND,
    &ADD_HIGH,
    &LOAD_MUL,
    &ADD_MUL,
    &MUL_SHIFT,
    &EXTEND_AND,
    &LOAD_ADD,
    &SHL_LOAD,
    &LOAD_LOAD,
    &MOVE,
    &CARRY_ADD,
    &COMPARE_SELECT,
    &RANGE_SELECT,
    &PAIR,
];

/// `r[t] = r[a] <u r[b]` (or `r[b] >u r[a]`); `r[d] = r[x] + r[t]` (either operand order) →
/// `I32AddLtURR`: a carry added to the next limb (multi-precision arithmetic). Guard: `t` is dead
/// after the add and is not both operands.
const CARRY_ADD: Rule = Rule { name: "carry_add", kind: Kind::Join, apply: apply_carry_add };

#[inline]
fn apply_carry_add(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    join_into_add(cx, prev, new, |prev, dst, base| match prev {
        Op::I32LtURR { lhs: a, rhs: b, .. } | Op::I32GtURR { lhs: b, rhs: a, .. } => {
            Some(Op::I32AddLtURR { dst, lhs: base, a, b })
        }
        _ => None,
    })
}

/// `r[t] = mem.u32[r[p] + o]; r[d] = r[t] + r[x]` (either operand order; or `+ k`, `- k` with
/// `o` within 16 bits) → `I32LoadAddRR` / `I32LoadAddRI`: a loaded value that only feeds an add (a
/// field added to a pointer or a count, a table entry added to a base); a byte load
/// (`mem.u8`) with an add of a register → `I32Load8UAddRR` (bytes summed: a checksum, a
/// histogram's total). Guard: `t` is dead after the add and is not both operands.
const LOAD_ADD: Rule = Rule { name: "load_add", kind: Kind::Join, apply: apply_load_add };

#[inline]
fn apply_load_add(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (t, ptr, offset, byte) = match prev {
        Op::I32Load { dst, ptr, offset } => (dst, ptr, offset, false),
        Op::I32Load8U { dst, ptr, offset } => (dst, ptr, offset, true),
        _ => return None,
    };
    if !cx.dead(t) {
        return None;
    }
    if let Op::I32AddRR { dst, lhs, rhs } = new {
        let rhs = other_operand(lhs, rhs, t)?;
        return Some(if byte {
            Op::I32Load8UAddRR { dst, ptr, rhs, offset }
        } else {
            Op::I32LoadAddRR { dst, ptr, rhs, offset }
        });
    }
    if byte {
        return None;
    }
    let (dst, lhs, imm) = add_imm(new)?;
    (lhs == t).then_some(Op::I32LoadAddRI { dst, ptr, offset: u16::try_from(offset).ok()?, imm })
}

/// `r[t] = mem.u32[r[p] + o1]; r[d] = mem.u32[r[t] + o2]` → `I32LoadLoad`: a pointer loaded and
/// followed (`p->a->b`, a list walked, a table reached through its owner). Guards: `t` is dead
/// after the second load; both offsets fit 16 bits.
const LOAD_LOAD: Rule = Rule {
    name: "load_load",
    kind: Kind::Join,
    apply: |_, prev, new| match (prev, new) {
        (Op::I32Load { dst: t, ptr, offset: o1 }, Op::I32Load { dst, ptr: p2, offset: o2 }) if p2 == t => {
            Some(Op::I32LoadLoad { dst, ptr, offset1: u16::try_from(o1).ok()?, offset2: u16::try_from(o2).ok()? })
        }
        _ => None,
    },
};

/// `r[t] = mem.uN[r[p] + o1]; mem.uN[r[q] + o2] = r[t]` (a load and a store of the same width:
/// 8, 16, 32 or 64 bits, the narrow loads unsigned) → `I32Move8` / `I32Move16` / `I32Move` /
/// `I64Move`: a field or a value copied in memory (`*q = *p`, a struct assigned). Guards: `t` is
/// dead after the store and is not its address; both offsets fit 16 bits.
const MOVE: Rule = Rule {
    name: "move",
    kind: Kind::Join,
    apply: |_, prev, new| {
        // The load's register, address and offset, and the store's address, value and offset.
        let ((t, src, src_offset), (dst, val, dst_offset)) = match (prev, new) {
            (Op::I32Load8U { dst, ptr, offset }, Op::I32Store8 { ptr: q, val, offset: o })
            | (Op::I32Load16U { dst, ptr, offset }, Op::I32Store16 { ptr: q, val, offset: o })
            | (Op::I32Load { dst, ptr, offset }, Op::I32Store { ptr: q, val, offset: o })
            | (Op::I64Load { dst, ptr, offset }, Op::I64Store { ptr: q, val, offset: o }) => {
                ((dst, ptr, u16::try_from(offset).ok()?), (q, val, u16::try_from(o).ok()?))
            }
            _ => return None,
        };
        if val != t || dst == t {
            return None;
        }
        Some(match prev {
            Op::I32Load8U { .. } => Op::I32Move8 { src, dst, src_offset, dst_offset },
            Op::I32Load16U { .. } => Op::I32Move16 { src, dst, src_offset, dst_offset },
            Op::I32Load { .. } => Op::I32Move { src, dst, src_offset, dst_offset },
            _ => Op::I64Move { src, dst, src_offset, dst_offset },
        })
    },
};

/// `r[t] = r[i] << k; r[d] = mem.u32[(r[t] + c) as u32]` (an `I32LoadRI`, itself joined from an
/// add of a constant and a load) → `I32LoadShlRI`: an entry of a table at a constant address (C's
/// `table[i]` for a static array). The shift count is taken mod 32. Guard: `t` is dead after the
/// load.
const SHL_LOAD: Rule = Rule {
    name: "shl_load",
    kind: Kind::Join,
    apply: |cx, prev, new| match (prev, new) {
        (Op::I32ShlRI { dst: t, lhs, imm: k }, Op::I32LoadRI { dst, ptr, imm }) if ptr == t && cx.dead(t) => {
            Some(Op::I32LoadShlRI { dst, idx: lhs, shift: (k & 31) as u16, imm })
        }
        _ => None,
    },
};

/// `r[t] = r[s] as u32 as u64; r[d] = r[t] & m` with `m` below 2^31 → `r[d] = r[s] & m`: the mask
/// clears every bit the zero extension would, so the extension goes (a byte or field widened to
/// `i64` and masked). Guard: `t` is dead after the and.
const EXTEND_AND: Rule = Rule {
    name: "extend_and",
    kind: Kind::Join,
    apply: |cx, prev, new| match (prev, new) {
        (Op::I64ExtendI32U { dst: t, src }, Op::I64AndRI { dst, lhs, imm }) if lhs == t && cx.dead(t) && imm >= 0 => {
            Some(Op::I64AndRI { dst, lhs: src, imm })
        }
        _ => None,
    },
};

/// `r[t] = r[s] >> k` (unsigned); `r[d] = r[t] & m` → `I32ShrUAndRI`: a bit field taken out of a
/// word (a bytecode interpreter's operand fields, packed flags). Guard: `t` is dead after the and.
const SHR_AND: Rule = Rule { name: "shr_and", kind: Kind::Join, apply: apply_shr_and };

#[inline]
fn apply_shr_and(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (Op::I32ShrURI { dst: t, lhs, imm }, Op::I32AndRI { dst, lhs: src, imm: mask }) = (prev, new) else {
        return None;
    };
    (src == t && cx.dead(t)).then_some(Op::I32ShrUAndRI { dst, lhs, shift: (imm & 31) as u16, mask })
}

/// `r[t] = (r[s] >> k) & m; r[d] = r[b] + r[t]` (either side) → `I32AddShrUAndRI`: a register
/// operand decoded from a bytecode word and added to the frame base (lua's `ra = base +
/// GETARG_A(i)`). Guards: `t` is dead after the add, and `m` fits 16 bits.
const ADD_SHR_AND: Rule = Rule { name: "add_shr_and", kind: Kind::Join, apply: apply_add_shr_and };

#[inline]
fn apply_add_shr_and(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    join_into_add(cx, prev, new, |prev, dst, base| match prev {
        Op::I32ShrUAndRI { lhs: src, shift, mask, .. } => Some(Op::I32AddShrUAndRI {
            dst,
            lhs: base,
            src,
            shift: (shift & 31) as u8,
            mask: u16::try_from(mask).ok()?,
        }),
        _ => None,
    })
}

/// `r[t] = r[s] >> k` (i64, unsigned); `r[d] = r[b] + r[t]` (i32, either side) →
/// `I32AddI64ShrURI`: the high half of a 32×32→64 product added to a carry (a bignum's
/// multiply-accumulate, Mbed TLS's `MULADDC`). The shift count is taken mod 64. Guard: `t` is dead
/// after the add.
const ADD_HIGH: Rule = Rule { name: "add_high", kind: Kind::Join, apply: apply_add_high };

#[inline]
fn apply_add_high(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    join_into_add(cx, prev, new, |prev, dst, base| match prev {
        Op::I64ShrURI { lhs: src, imm, .. } => {
            Some(Op::I32AddI64ShrURI { dst, lhs: base, src, shift: (imm & 63) as u8 })
        }
        _ => None,
    })
}

/// `r[t] = mem.u32[(r[p] + c) as u32]` (an `I32LoadRI`, zero-extended); `r[d] = r[t] * r[x]` (i64,
/// either side) → `I64MulLoadRI`: a limb loaded and multiplied (the same multiply-accumulate).
/// Guard: `t` is dead after the multiply.
const LOAD_MUL: Rule = Rule { name: "load_mul", kind: Kind::Join, apply: apply_load_mul };

#[inline]
fn apply_load_mul(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (Op::I32LoadRI { dst: t, ptr, imm }, Op::I64MulRR { dst, lhs, rhs }) = (prev, new) else {
        return None;
    };
    let rhs = other_operand(lhs, rhs, t)?;
    cx.dead(t).then_some(Op::I64MulLoadRI { dst, ptr, rhs, imm })
}

/// `r[t] = r[x] + k` (or `- k`); `r[d] = r[t] <u c ? r[a] : r[b]` (a `SelectI32LtURI`) →
/// `SelectI32AddLtURI`: a range check choosing a value (QuickJS's `JS_VALUE_GET_NORM_TAG`, every
/// float tag mapped to one). Guards: `t` is dead after the select and is neither of its values,
/// and `k` and `c` fit 8 bits.
const RANGE_SELECT: Rule = Rule { name: "range_select", kind: Kind::Join, apply: apply_range_select };

#[inline]
fn apply_range_select(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (t, lhs, add) = add_imm(prev)?;
    let Op::SelectI32LtURI { dst, lhs: cond, a, b, imm } = new else { return None };
    if cond != t || a == t || b == t || !cx.dead(t) {
        return None;
    }
    let (add, imm) = (i8::try_from(add).ok()?, i8::try_from(imm).ok()?);
    Some(Op::SelectI32AddLtURI { dst, lhs, a, b, add, imm })
}

/// `r[t] = r[i] * k; r[d] = r[b] + r[t]` (i32, either side) → `I32AddMulRI`: the address of an
/// element of an array of structs whose size is not a power of two (SQLite's `aOp[pc]`, 20 bytes,
/// and `aMem[i]`, 40). Guard: `t` is dead after the add.
const ADD_MUL: Rule = Rule { name: "add_mul", kind: Kind::Join, apply: apply_add_mul };

#[inline]
fn apply_add_mul(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    join_into_add(cx, prev, new, |prev, dst, base| match prev {
        Op::I32MulRI { lhs: idx, imm, .. } => Some(Op::I32AddMulRI { dst, lhs: base, idx, imm }),
        _ => None,
    })
}

/// `r[t] = r[a] * r[b]; r[d] = r[t] >> r[s]` (i64, unsigned shift) → `I64MulShrURR`: a
/// multiplicative hash keeping its top bits (zstd's `ZSTD_hashPtr`). Guards: `t` is dead after
/// the shift and is not its count.
const MUL_SHIFT: Rule = Rule { name: "mul_shift", kind: Kind::Join, apply: apply_mul_shift };

#[inline]
fn apply_mul_shift(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (Op::I64MulRR { dst: t, lhs, rhs }, Op::I64ShrURR { dst, lhs: src, rhs: shift }) = (prev, new) else {
        return None;
    };
    (src == t && shift != t && cx.dead(t)).then_some(Op::I64MulShrURR { dst, lhs, rhs, shift })
}

/// What the rules that join an instruction into the `I32AddRR` after it (`add_shl`,
/// `add_shr_and`, `add_high`, `add_mul`, `carry_add`) share: `prev` writes `t`, the add adds `t` to another
/// register `b` (either side) and `t` is dead after it; `join(prev, d, b)` then makes the joined
/// instruction `r[d] = r[b] + …`, or declines.
#[inline(always)]
fn join_into_add(cx: &Cx<'_>, prev: Op, new: Op, join: impl FnOnce(Op, Reg, Reg) -> Option<Op>) -> Option<Op> {
    let (Op::I32AddRR { dst, lhs, rhs }, Some(t)) = (new, result(prev)) else { return None };
    let base = other_operand(lhs, rhs, t)?;
    if !cx.dead(t) {
        return None;
    }
    join(prev, dst, base)
}

/// The operand of a commutative `lhs <op> rhs` that is not `t`, when exactly one of them is `t`
/// (the temporary a rule folds away).
fn other_operand(lhs: Reg, rhs: Reg, t: Reg) -> Option<Reg> {
    match (lhs == t, rhs == t) {
        (true, false) => Some(rhs),
        (false, true) => Some(lhs),
        _ => None,
    }
}

/// An `i32.add` or `i32.sub` of a constant as (`dst`, `lhs`, the constant added).
fn add_imm(op: Op) -> Option<(Reg, Reg, i32)> {
    match op {
        Op::I32AddRI { dst, lhs, imm } => Some((dst, lhs, imm)),
        Op::I32SubRI { dst, lhs, imm } => Some((dst, lhs, imm.wrapping_neg())),
        _ => None,
    }
}

/// `r[t] = r[i] + k` (or `- k`); `br_table r[t]` → `BrTableAddRI`: a `switch` whose first case
/// is not 0 biases its index before the table. Guard: `t` is dead after the table.
const BR_TABLE_ADD: Rule = Rule { name: "br_table_add", kind: Kind::Join, apply: apply_br_table_add };

#[inline]
fn apply_br_table_add(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (Some((t, index, imm)), Op::BrTable { index: i, len }) = (add_imm(prev), new) else { return None };
    (i == t && cx.dead(t)).then_some(Op::BrTableAddRI { index, imm, len })
}

/// `r[t] = global; r[d] = r[t] + k` (or `- k`) → `GlobalGetAddRI`: the first half of a C
/// function's prologue, which moves the stack pointer (a global) down. Guard: `t` is dead after
/// the add.
const GLOBAL_ADD: Rule = Rule { name: "global_add", kind: Kind::Join, apply: apply_global_add };

#[inline]
fn apply_global_add(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (Op::GlobalGet { dst: t, global }, Some((dst, lhs, imm))) = (prev, add_imm(new)) else { return None };
    (lhs == t && cx.dead(t)).then_some(Op::GlobalGetAddRI { dst, global, imm })
}

/// `r[d] = global + k; global = r[d]` → `GlobalStepRI`: the whole stack-pointer bump of a C
/// function's prologue (`r[d]` stays written: the function addresses its frame through it).
const GLOBAL_STEP: Rule = Rule {
    name: "global_step",
    kind: Kind::Join,
    apply: |_, prev, new| match (prev, new) {
        (Op::GlobalGetAddRI { dst, global, imm }, Op::GlobalSet { src, global: set })
            if src == dst && set == global =>
        {
            Some(Op::GlobalStepRI { dst, global, imm })
        }
        _ => None,
    },
};

/// `r[t] = r[s] + k; global = r[t]` → `GlobalSetAddRI`: a C function's epilogue, which moves the
/// stack pointer back up. Guard: `t` is dead after the `global.set`.
const GLOBAL_SET_ADD: Rule = Rule { name: "global_set_add", kind: Kind::Join, apply: apply_global_set_add };

#[inline]
fn apply_global_set_add(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (Some((t, src, imm)), Op::GlobalSet { src: set, global }) = (add_imm(prev), new) else { return None };
    (set == t && cx.dead(t)).then_some(Op::GlobalSetAddRI { src, global, imm })
}

/// `global = r[s] + k; return` (or `return r[x]`) → `ReturnGlobalAddRI` / `Return1GlobalAddRI`: a
/// C function's epilogue and its return in one dispatch, which jump threading then puts in place
/// of the branches to it (the `return` statements). Guard: with a result, the global's index fits
/// 16 bits.
const GLOBAL_RETURN: Rule = Rule { name: "global_return", kind: Kind::Join, apply: apply_global_return };

#[inline]
fn apply_global_return(_cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let Op::GlobalSetAddRI { src: base, global, imm } = prev else { return None };
    Some(match new {
        Op::Return => Op::ReturnGlobalAddRI { base, global, imm },
        Op::Return1 { src } => Op::Return1GlobalAddRI { src, base, global: u16::try_from(global).ok()?, imm },
        _ => return None,
    })
}

/// `r[t] = a <cmp> b; r[d] = i32.eqz r[t]` → `r[d] = a <opposite cmp> b`, for integer compares
/// (a float compare's opposite differs on NaN). Guard: `t` is dead after the `i32.eqz`.
/// So `i64.eqz; i32.eqz; br_if` becomes one branch.
const NEGATE_COMPARE: Rule = Rule { name: "negate_compare", kind: Kind::Fold, apply: apply_negate_compare };

#[inline]
fn apply_negate_compare(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let Op::I32Eqz { dst, src } = new else { return None };
    if !cx.dead(src) || result(prev) != Some(src) {
        return None;
    }
    negate_compare(prev).map(|mut op| {
        *op.dst_mut().expect("a compare has a result") = dst;
        op
    })
}

/// `r[t] = …; r[d] = r[t]` → `r[d] = …`: a value computed into a temporary and copied into a
/// local (`local.set`) is computed into the local. Guard: `t` is dead after the copy. (When the
/// operand stack still holds the local's old value, the translator copies that out first, so the
/// copy's predecessor is not the producer.)
const FOLD_RESULT: Rule = Rule { name: "fold_result", kind: Kind::Fold, apply: apply_fold_result };

#[inline]
fn apply_fold_result(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let Op::Copy { dst, src } = new else { return None };
    fold_into(cx, prev, src, dst, 1)
}

/// `prev` computing into `dst` instead of `src`, if `src` (of `cells` cells) is its only write and
/// is dead after the copy that [`FOLD_RESULT`] or [`FOLD_RESULT_V128`] removes.
fn fold_into(cx: &Cx<'_>, mut prev: Op, src: Reg, dst: Reg, cells: usize) -> Option<Op> {
    // Not into a branch that also sets a register (`SET_BRANCH`, `LOAD_BRANCH`): the value may
    // be what the branch carries to its target.
    if prev.flow() != Flow::Next {
        return None;
    }
    let (result, n) = prev.result_mut()?;
    if n != cells || !cx.dead(src) || *result != src {
        return None;
    }
    *result = dst;
    Some(prev)
}

/// [`FOLD_RESULT`] for a `v128`: `r[t..t + 2] = …; r[d..d + 2] = r[t..t + 2]` → `r[d..d + 2] =
/// …`, for an instruction whose only write is the `v128` (`Op::result_mut`). Guard: `t` (so `t + 1`, the next
/// temporary) is dead after the copy.
const FOLD_RESULT_V128: Rule = Rule { name: "fold_result_v128", kind: Kind::Fold, apply: apply_fold_result_v128 };

#[inline]
fn apply_fold_result_v128(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let Op::CopyV128 { dst, src } = new else { return None };
    fold_into(cx, prev, src, dst, 2)
}

/// `r[t] = a * b; r[d] = r[t] + c` (either side) → the unfused multiply-add `RelaxedMadd` (the
/// same two roundings), and `r[d] = c - r[t]` → `RelaxedNmadd` (`-a * b + c`: negating is
/// exact), for `f32x4` and `f64x2`. Guard: `t` is dead after the add. (Which operand's NaN an add
/// of two NaNs returns is not fixed by Wasm, nor by the compiler for the plain add.)
const MUL_ADD: Rule = Rule { name: "mul_add", kind: Kind::Join, apply: apply_mul_add };

#[inline]
fn apply_mul_add(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (t, a, b, wide) = match prev {
        Op::F32x4Mul { dst, lhs, rhs } => (dst, lhs, rhs, false),
        Op::F64x2Mul { dst, lhs, rhs } => (dst, lhs, rhs, true),
        _ => return None,
    };
    let (dst, lhs, rhs, sub, new_wide) = match new {
        Op::F32x4Add { dst, lhs, rhs } => (dst, lhs, rhs, false, false),
        Op::F32x4Sub { dst, lhs, rhs } => (dst, lhs, rhs, true, false),
        Op::F64x2Add { dst, lhs, rhs } => (dst, lhs, rhs, false, true),
        Op::F64x2Sub { dst, lhs, rhs } => (dst, lhs, rhs, true, true),
        _ => return None,
    };
    if wide != new_wide || !cx.dead(t) || lhs == rhs {
        return None;
    }
    let c = match (lhs == t, rhs == t) {
        (true, false) if !sub => rhs,
        (false, true) => lhs,
        _ => return None,
    };
    Some(match (wide, sub) {
        (false, false) => Op::F32x4RelaxedMadd { dst, a, b, c },
        (false, true) => Op::F32x4RelaxedNmadd { dst, a, b, c },
        (true, false) => Op::F64x2RelaxedMadd { dst, a, b, c },
        (true, true) => Op::F64x2RelaxedNmadd { dst, a, b, c },
    })
}

/// `r[a] = r[b]; r[c] = r[d]` → `Copy2` (in order: the second may read what the first wrote).
const COPY2: Rule = Rule {
    name: "copy2",
    kind: Kind::Join,
    apply: |_, prev, new| match (prev, new) {
        (Op::Copy { dst: dst1, src: src1 }, Op::Copy { dst: dst2, src: src2 }) => {
            Some(Op::Copy2 { dst1, src1, dst2, src2 })
        }
        _ => None,
    },
};

/// Two counter steps (`r += k`, an `i32` add or subtract of a constant in place, `k` within
/// 16 bits), the second on a local → `I32Step2`. (A step of a temporary is an address being
/// computed, which the access after it may still join: see [`ADDRESS`].)
const STEP2: Rule = Rule { name: "step2", kind: Kind::Join, apply: apply_step2 };

#[inline]
fn apply_step2(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let step = |op: Op| match op {
        Op::I32AddRI { dst, lhs, imm } if dst == lhs => Some((dst, i16::try_from(imm).ok()?)),
        Op::I32SubRI { dst, lhs, imm } if dst == lhs => Some((dst, i16::try_from(-i64::from(imm)).ok()?)),
        _ => None,
    };
    match (step(prev), step(new)) {
        (Some((reg1, step1)), Some((reg2, step2))) if cx.local(reg2) => Some(Op::I32Step2 { reg1, step1, reg2, step2 }),
        _ => None,
    }
}

/// `r[t] = r[i] << k; r[d] = r[b] + r[t]` (either side) → `I32AddShl` (array indexing).
/// Guard: `t` is dead after the add.
const ADD_SHL: Rule = Rule { name: "add_shl", kind: Kind::Join, apply: apply_add_shl };

#[inline]
fn apply_add_shl(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    join_into_add(cx, prev, new, |prev, dst, base| match prev {
        Op::I32ShlRI { lhs: idx, imm, .. } => Some(Op::I32AddShl { dst, lhs: base, idx, shift: (imm & 31) as u16 }),
        _ => None,
    })
}

/// An address computed by an `i32.add` (or an `I32AddShl`) into `t`, then a load or store at
/// `t` → one access with the address arithmetic built in (the `…RI`, `…RR` and `…Shl` forms of
/// the op list). Guards: `t` is dead after the access and is not the stored value; a register
/// plus constant only with access offset 0; the `…Shl` forms only with an offset within 16 bits.
const ADDRESS: Rule = Rule { name: "address", kind: Kind::Join, apply: apply_address };

#[inline]
fn apply_address(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let t = match new {
        Op::I32Load { ptr, .. } | Op::I64Load { ptr, .. } | Op::I32Load8U { ptr, .. } | Op::V128Load { ptr, .. } => ptr,
        Op::I32Store { ptr, val, .. }
        | Op::I32Store8 { ptr, val, .. }
        | Op::I64Store { ptr, val, .. }
        | Op::V128Store { ptr, val, .. }
            if val != ptr =>
        {
            ptr
        }
        _ => return None,
    };
    if !cx.dead(t) || result(prev) != Some(t) {
        return None;
    }
    address(prev, new)
}

/// The access `access` at the address `add` computes (see [`ADDRESS`]).
fn address(add: Op, access: Op) -> Option<Op> {
    let short = |offset: u32| u16::try_from(offset).ok();
    Some(match (add, access) {
        (Op::I32AddRI { lhs: ptr, imm, .. }, _) => match access {
            Op::I32Load { dst, offset: 0, .. } => Op::I32LoadRI { dst, ptr, imm },
            Op::I64Load { dst, offset: 0, .. } => Op::I64LoadRI { dst, ptr, imm },
            Op::I32Load8U { dst, offset: 0, .. } => Op::I32Load8URI { dst, ptr, imm },
            Op::I32Store { val, offset: 0, .. } => Op::I32StoreRI { ptr, val, imm },
            Op::V128Load { dst, offset: 0, .. } => Op::V128LoadRI { dst, ptr, imm },
            Op::V128Store { val, offset: 0, .. } => Op::V128StoreRI { ptr, val, imm },
            _ => return None,
        },
        (Op::I32AddRR { lhs: ptr, rhs: idx, .. }, _) => match access {
            Op::I32Load { dst, offset, .. } => Op::I32LoadRR { dst, ptr, idx, offset },
            Op::I64Load { dst, offset, .. } => Op::I64LoadRR { dst, ptr, idx, offset },
            Op::I32Load8U { dst, offset, .. } => Op::I32Load8URR { dst, ptr, idx, offset },
            Op::I32Store { val, offset, .. } => Op::I32StoreRR { ptr, idx, val, offset },
            Op::I32Store8 { val, offset, .. } => Op::I32Store8RR { ptr, idx, val, offset },
            Op::V128Load { dst, offset, .. } => Op::V128LoadRR { dst, ptr, idx, offset },
            Op::V128Store { val, offset, .. } => Op::V128StoreRR { ptr, idx, val, offset },
            _ => return None,
        },
        (Op::I32AddShl { lhs: ptr, idx, shift, .. }, _) => match access {
            Op::I32Load { dst, offset, .. } => Op::I32LoadShl { dst, ptr, idx, shift, offset: short(offset)? },
            Op::I64Load { dst, offset, .. } => Op::I64LoadShl { dst, ptr, idx, shift, offset: short(offset)? },
            Op::I32Store { val, offset, .. } => Op::I32StoreShl { ptr, idx, val, shift, offset: short(offset)? },
            Op::I64Store { val, offset, .. } => Op::I64StoreShl { ptr, idx, val, shift, offset: short(offset)? },
            _ => return None,
        },
        _ => return None,
    })
}

/// `r[t] = a <test> b; br_if r[t]` (`BrIfNez`, or `BrIfEqz` for the opposite) → one
/// compare-and-branch: integer compares, `i32.and` (a bit test), `eqz`, and float compares
/// (not negated: NaN). Guard: `t` is dead after the branch.
const COMPARE_BRANCH: Rule = Rule { name: "compare_branch", kind: Kind::Join, apply: apply_compare_branch };

#[inline]
fn apply_compare_branch(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (cond, nez, off) = branch_on_zero(new)?;
    let negate = !nez;
    if !cx.dead(cond) || result(prev) != Some(cond) {
        return None;
    }
    compare_branch(prev, negate, off)
}

/// A counter step (`r += k` in place, `k` within 16 bits; or `r += r[by]`) then a
/// compare-and-branch on `r` → one stepping branch (`I32StepBr…`, `I64StepBrNeRI`,
/// `I32AddBr…`). The bound may be a register or an immediate within 16 bits; a wider immediate
/// moves to a constant register when the register form then fuses. The step's register stays
/// live: the stepping branch writes it.
const STEP_BRANCH: Rule = Rule { name: "step_branch", kind: Kind::Join, apply: apply_step_branch };

#[inline]
fn apply_step_branch(cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    if let Some(op) = step_branch(prev, new) {
        return Some(op);
    }
    let as_rr = |rhs: Reg| match new {
        Op::BrIfI32NeRI { lhs, off, .. } => Some(Op::BrIfI32NeRR { lhs, rhs, off }),
        Op::BrIfI32LtSRI { lhs, off, .. } => Some(Op::BrIfI32LtSRR { lhs, rhs, off }),
        Op::BrIfI32LtURI { lhs, off, .. } => Some(Op::BrIfI32LtURR { lhs, rhs, off }),
        _ => None,
    };
    let (Op::BrIfI32NeRI { imm, .. } | Op::BrIfI32LtSRI { imm, .. } | Op::BrIfI32LtURI { imm, .. }) = new else {
        return None;
    };
    // Only take a constant register when the register form fuses.
    as_rr(Reg(0)).and_then(|br| step_branch(prev, br))?;
    let rhs = cx.const_reg(u64::from(imm as u32))?;
    as_rr(rhs).and_then(|br| step_branch(prev, br))
}

/// A branch on zero (`BrIfNez`/`BrIfEqz`) of the value the previous instruction loaded
/// (`i32.load8_u` or `i32.load`, offset within 16 bits) → one loading branch, which still
/// writes the loaded value (so no guard on its register).
const LOAD_BRANCH: Rule = Rule { name: "load_branch", kind: Kind::Join, apply: apply_load_branch };

#[inline]
fn apply_load_branch(_cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (cond, nez, off) = branch_on_zero(new)?;
    let (dst, ptr, offset, byte) = match prev {
        Op::I32Load8U { dst, ptr, offset } => (dst, ptr, offset, true),
        Op::I32Load { dst, ptr, offset } => (dst, ptr, offset, false),
        _ => return None,
    };
    let (true, Ok(offset)) = (dst == cond, u16::try_from(offset)) else { return None };
    Some(match (byte, nez) {
        (true, true) => Op::BrIfI32Load8UNez { dst, ptr, offset, off },
        (true, false) => Op::BrIfI32Load8UEqz { dst, ptr, offset, off },
        (false, true) => Op::BrIfI32LoadNez { dst, ptr, offset, off },
        (false, false) => Op::BrIfI32LoadEqz { dst, ptr, offset, off },
    })
}

/// `r[d] = k` (an `i32` constant within 16 bits), `r[d] = r[s]` or `r[d] += k` (a counter step, `k`
/// within 16 bits), then a branch on zero (`BrIfNez`/`BrIfEqz`) of another register → one
/// `I32ConstBrIf…`/`CopyBrIf…`/`I32StepBrIf…` that sets `d` and branches: a value set for the code after a conditional exit (`x = 0; if (!c) goto out`,
/// lua's `trap` test before each fetch). The joined form reads the condition before it writes:
/// a copy tested where it lands (`if ((x = y) == 0)`, a loop's count) is tested at its source, and
/// a constant is not joined with a test of its own register.
const SET_BRANCH: Rule = Rule { name: "set_branch", kind: Kind::Join, apply: apply_set_branch };

#[inline]
fn apply_set_branch(_cx: &mut Cx<'_>, prev: Op, new: Op) -> Option<Op> {
    let (cond, nez, off) = branch_on_zero(new)?;
    Some(match prev {
        Op::I32Const { dst, value } if dst != cond => {
            let value = i16::try_from(value).ok()?;
            if nez {
                Op::I32ConstBrIfNez { dst, cond, value, off }
            } else {
                Op::I32ConstBrIfEqz { dst, cond, value, off }
            }
        }
        // A copy tested where it lands (`local.tee`) is tested at its source.
        Op::Copy { dst, src } if src != dst => {
            let cond = if cond == dst { src } else { cond };
            if nez { Op::CopyBrIfNez { dst, src, cond, off } } else { Op::CopyBrIfEqz { dst, src, cond, off } }
        }
        // A step tested where it lands is `step_branch`'s, not this.
        Op::I32AddRI { .. } | Op::I32SubRI { .. } => {
            let (reg, lhs, step) = add_imm(prev)?;
            let step = i16::try_from(step).ok()?;
            match (reg == lhs && reg != cond, nez) {
                (false, _) => return None,
                (true, true) => Op::I32StepBrIfNez { reg, cond, step, off },
                (true, false) => Op::I32StepBrIfEqz { reg, cond, step, off },
            }
        }
        _ => return None,
    })
}

/// `r[d] = r[s]; return r[d]` → `return r[s]`, over the finished function (after jump
/// threading has turned branches to returns into returns): the copy is dead once the frame is
/// gone. The return stays for branches that land on it, so no offset changes and no label
/// guard is needed. Golden test: `tests/ir/rule_return_copy.wat`.
pub(super) fn return_copy(ops: &mut [Op]) {
    for i in 1..ops.len() {
        if let (Op::Copy { dst, src }, Op::Return1 { src: ret }) = (ops[i - 1], ops[i])
            && dst == ret
        {
            ops[i - 1] = Op::Return1 { src };
        }
    }
}

/// The register an instruction computes its result into.
/// The register, sense (`true`: branch when non-zero) and offset of a `BrIfNez`/`BrIfEqz`.
fn branch_on_zero(op: Op) -> Option<(Reg, bool, BranchOffset)> {
    match op {
        Op::BrIfNez { cond, off } => Some((cond, true, off)),
        Op::BrIfEqz { cond, off } => Some((cond, false, off)),
        _ => None,
    }
}

fn result(mut op: Op) -> Option<Reg> {
    op.dst_mut().copied()
}

/// The integer comparison computing the opposite of `op` into the same register, if `op` is one.
fn negate_compare(op: Op) -> Option<Op> {
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

/// The stepping branch joining the counter step `prev` with the compare-and-branch `br` on the
/// stepped register (see [`STEP_BRANCH`]; the branch layout pass joins the tests it moves with
/// this too), with `br`'s offset.
pub(super) fn step_branch(prev: Op, br: Op) -> Option<Op> {
    let fused = step_branch_at_zero(prev, br)?;
    Some(with_offset(fused, br))
}

/// `op` with the branch offset of `br`.
fn with_offset(mut op: Op, br: Op) -> Op {
    if let (Some(to), Some(from)) = (op.branch_offset_mut(), { br }.branch_offset_mut()) {
        *to = *from;
    }
    op
}

/// [`step_branch`] with offset 0.
fn step_branch_at_zero(prev: Op, br: Op) -> Option<Op> {
    let small = |v: i64| i16::try_from(v).ok();
    let off = BranchOffset(0);
    // A step by a register (a variable stride) joins the register-bound compares.
    let by_reg = match prev {
        Op::I32AddRR { dst, lhs, rhs } if dst == lhs => Some((dst, rhs)),
        Op::I32AddRR { dst, lhs, rhs } if dst == rhs => Some((dst, lhs)),
        _ => None,
    };
    if let Some((reg, by)) = by_reg {
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

/// The compare-and-branch form of a compare (negated when asked), with offset `off`.
fn compare_branch(op: Op, negate: bool, off: BranchOffset) -> Option<Op> {
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

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn every_rule_has_its_golden_test() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ir");
        for name in RULES.iter().map(|r| r.name).chain(["return_copy"]) {
            for ext in ["wat", "ir"] {
                let file = dir.join(format!("rule_{name}.{ext}"));
                assert!(file.exists(), "rule {name} has no golden file {}", file.display());
            }
        }
    }
}
