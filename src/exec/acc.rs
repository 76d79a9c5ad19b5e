//! The accumulator analysis behind the tail-call handlers' variants: which registers' values the
//! integer and float accumulators hold when each instruction starts, and so which of its source
//! operands it may read from them (see `regs::View` and `threaded.rs`).
// The portable dispatcher (no tail calls) has no accumulators and uses none of this.
#![cfg_attr(not(hayate_tail_calls), allow(dead_code))]

use super::regs;
use crate::ir::{Acc, Op, Reg, RegClass, Role};

/// Each instruction's accumulator variant, from the registers whose values the accumulators
/// hold when it starts ([`acc_states`]), and what [`reload`] loads into them when execution
/// resumes there (zero for none; only check points are resumed at with something held).
pub(super) fn acc_plan(ops: &[Op]) -> Vec<(u8, u32)> {
    let facts: Vec<Facts> = ops.iter().enumerate().map(|(i, op)| Facts::of(i, op, ops.len())).collect();
    let states = acc_states(&facts).unwrap_or_else(|| straight_line_states(&facts));
    facts.iter().zip(states).map(|(f, held)| (held.variant(f), held.reload())).collect()
}

/// Each instruction's accumulator variant (the first half of [`acc_plan`]).
#[cfg(test)]
fn acc_variants(ops: &[Op]) -> Vec<u8> {
    acc_plan(ops).into_iter().map(|(variant, _)| variant).collect()
}

/// The accumulators' values at an instruction execution resumes at (a check point, where
/// suspended calls resume), from `held`, its [`acc_plan`] entry: the registers of the frame
/// `regs` whose values the code expects in them.
pub(super) fn reload(held: u32, regs: regs::Regs) -> (u64, f64) {
    // Register + 1 (zero: none), the integer accumulator's in the low half.
    let reg = |half: u32| (half != 0).then(|| regs.get(Reg((half - 1) as u16)));
    let acc = reg(held & 0xffff).unwrap_or(0);
    let facc = reg(held >> 16).map_or(0.0, f64::from_bits);
    (acc, facc)
}

/// What the accumulator analysis needs to know of an instruction, computed once from its
/// declaration in the op list.
#[derive(Clone, Copy)]
struct Facts {
    /// What it does to the accumulators.
    effect: Effect,
    /// Its first and second source operands.
    sources: [Option<Reg>; 2],
    /// Which of them it reads as an `f64` (and so takes from the float accumulator when both
    /// hold the value).
    f64_sources: [bool; 2],
    /// Where it may branch to (a valid instruction index).
    target: Option<u32>,
    /// The next instruction may run right after it.
    falls_through: bool,
}

/// How an instruction changes what the accumulators hold.
#[derive(Clone, Copy)]
enum Effect {
    /// Leaves its result register in the accumulator of the class.
    Produce(regs::Class, Reg),
    /// `Copy { dst, src }`: both registers in the integer accumulator.
    Copy(Reg, Reg),
    /// Passes both on (writes no register).
    Keep,
    /// Steps a counter, leaving it in the integer accumulator.
    Step(Reg),
    /// Anything else: nothing is known after it.
    Reset,
}

impl Facts {
    fn of(i: usize, op: &Op, n: usize) -> Facts {
        let info = op.info();
        let class = match info.acc {
            Acc::Float => regs::Class::Float,
            _ => regs::Class::Int,
        };
        let effect = match (info.acc, op.written()) {
            (Acc::Keep, _) => Effect::Keep,
            // Which accumulator holds what after an instruction that writes several registers is
            // not declared: nothing is assumed.
            (Acc::Int | Acc::Float, Some((dst, role))) => match *op {
                Op::Copy { dst, src } => Effect::Copy(dst, src),
                // A counter read and then written: the stepping branches.
                _ if matches!(role, Role::ReadWrite(_)) => Effect::Step(dst),
                _ => Effect::Produce(class, dst),
            },
            _ => Effect::Reset,
        };
        let target = op
            .branch_offset()
            .and_then(|off| usize::try_from(i as i64 + i64::from(off.0)).ok())
            .filter(|&t| t < n)
            .map(|t| t as u32);
        let f64_source = |k| info.source_class(k).is_some_and(prefers_float);
        Facts {
            effect,
            sources: op.sources(),
            f64_sources: [f64_source(1), f64_source(2)],
            target,
            falls_through: info.flow.falls_through(),
        }
    }
}

/// Whether an operand of `class` is better read from the float accumulator than from the integer
/// one when both hold its value (the float accumulator holds an `f64`).
fn prefers_float(class: RegClass) -> bool {
    match class {
        RegClass::F64 => true,
        RegClass::I32 | RegClass::I64 | RegClass::F32 | RegClass::V128 | RegClass::Ref | RegClass::Any => false,
    }
}

/// What the accumulators hold when each instruction starts, for every path that reaches it: a
/// forward dataflow over the fall-through and branch edges, meeting (intersecting) at branch
/// targets, iterated until the loop back-edges agree with what their targets assumed. `None`
/// if that takes more than a few rounds.
fn acc_states(facts: &[Facts]) -> Option<Vec<Held>> {
    const ROUNDS: usize = 3;
    const NONE: u32 = u32::MAX;
    let n = facts.len();
    // Only branch targets meet edges: each gets a slot in the edge tables.
    let mut slot = vec![NONE; n];
    let mut targets = 0;
    for f in facts {
        if let Some(t) = f.target
            && slot[t as usize] == NONE
        {
            slot[t as usize] = targets;
            targets += 1;
        }
    }
    let targets = targets as usize;
    // What the back-edges (branches to an earlier or the same instruction) carried in the
    // previous round; `None`: nothing yet (no constraint).
    let mut back: Vec<Option<Held>> = vec![None; targets];
    let mut forward: Vec<Option<Held>> = vec![None; targets];
    let mut next_back: Vec<Option<Held>> = vec![None; targets];
    let mut states = Vec::with_capacity(n);
    let mut at_target: Vec<Held> = vec![Held::default(); targets];
    for _ in 0..ROUNDS {
        forward.fill(None);
        next_back.fill(None);
        states.clear();
        // The state falling through into the next instruction (`None` after a jump or return).
        let mut fall = Some(Held::default());
        for (i, f) in facts.iter().enumerate() {
            let mut state = fall;
            let k = slot[i];
            if k != NONE {
                Held::meet_into(&mut state, forward[k as usize]);
                Held::meet_into(&mut state, back[k as usize]);
            }
            // Reached from nowhere known (code after a jump no branch targets): assume nothing.
            let state = state.unwrap_or_default();
            if k != NONE {
                at_target[k as usize] = state;
            }
            states.push(state);
            let mut out = state;
            out.after(f.effect);
            if let Some(t) = f.target {
                // Taken, a branch passes on what it leaves (a `Br` declares `Keep`).
                let edges = if t as usize > i { &mut forward } else { &mut next_back };
                Held::meet_into(&mut edges[slot[t as usize] as usize], Some(out));
            }
            fall = f.falls_through.then_some(out);
        }
        // A fixpoint when every back-edge carries at least what its target assumed (another
        // round would meet the same states).
        if next_back.iter().zip(&at_target).all(|(b, t)| b.as_ref().is_none_or(|b| t.within(b))) {
            return Some(states);
        }
        std::mem::swap(&mut back, &mut next_back);
    }
    None
}

/// [`acc_states`]'s fallback: followed through straight-line code only, forgotten at every
/// branch target.
fn straight_line_states(facts: &[Facts]) -> Vec<Held> {
    let mut targets = vec![false; facts.len()];
    for t in facts.iter().filter_map(|f| f.target) {
        targets[t as usize] = true;
    }
    let mut held = Held::default();
    let mut states = Vec::with_capacity(facts.len());
    for (f, &target) in facts.iter().zip(&targets) {
        if target {
            held = Held::default();
        }
        states.push(held);
        held.after(f.effect);
    }
    states
}

/// Up to three registers whose value an accumulator holds (`FREE` marks an empty place).
#[derive(Clone, Copy)]
struct RegSet {
    regs: [u16; 3],
}

/// An empty place in a [`RegSet`] (no frame has this many registers).
const FREE: u16 = u16::MAX;

impl Default for RegSet {
    fn default() -> RegSet {
        RegSet { regs: [FREE; 3] }
    }
}

impl RegSet {
    fn of(r: Reg) -> RegSet {
        RegSet { regs: [r.0, FREE, FREE] }
    }

    fn has(&self, r: Reg) -> bool {
        r.0 != FREE && self.regs.contains(&r.0)
    }

    fn remove(&mut self, r: Reg) {
        for slot in &mut self.regs {
            if *slot == r.0 {
                *slot = FREE;
            }
        }
    }

    fn insert(&mut self, r: Reg) {
        if !self.has(r) {
            self.regs.rotate_right(1);
            self.regs[0] = r.0;
        }
    }

    /// Keeps the registers `other` has too.
    fn meet(&mut self, other: &RegSet) {
        for slot in &mut self.regs {
            if *slot != FREE && !other.regs.contains(slot) {
                *slot = FREE;
            }
        }
    }

    /// Every register of this set is in `other`.
    fn within(&self, other: &RegSet) -> bool {
        self.regs.iter().all(|&r| r == FREE || other.regs.contains(&r))
    }
}

/// What the two accumulators hold, as the encoder follows straight-line code.
#[derive(Default, Clone, Copy)]
struct Held {
    int: RegSet,
    float: RegSet,
}

impl Held {
    /// Meets `into` (`None`: no constraint yet) with `other`.
    fn meet_into(into: &mut Option<Held>, other: Option<Held>) {
        match (into.as_mut(), other) {
            (Some(a), Some(b)) => {
                a.int.meet(&b.int);
                a.float.meet(&b.float);
            }
            (None, b) => *into = b,
            (Some(_), None) => {}
        }
    }

    /// Whether every register this state holds, `other` holds too (in the same accumulator).
    fn within(&self, other: &Held) -> bool {
        self.int.within(&other.int) && self.float.within(&other.float)
    }

    /// What [`reload`] loads: one register of each accumulator's set, plus one (zero: none);
    /// the integer accumulator's in the low half.
    fn reload(&self) -> u32 {
        let first = |set: &RegSet| set.regs.iter().find(|&&r| r != FREE).map_or(0, |&r| u32::from(r) + 1);
        first(&self.int) | first(&self.float) << 16
    }

    /// The handler variant for `op`: its source operands whose values an accumulator holds.
    fn variant(&self, f: &Facts) -> u8 {
        // A counter-stepping branch writes the integer accumulator (the stepped counter) before
        // it reads its other operand, so that operand must come from the frame.
        if let Effect::Step(_) = f.effect {
            return 0;
        }
        let class_of = |k: usize| match f.sources[k] {
            // An operand read as an f64 prefers the float accumulator when both hold the value.
            Some(r) if self.float.has(r) && (f.f64_sources[k] || !self.int.has(r)) => regs::Class::Float,
            Some(r) if self.int.has(r) => regs::Class::Int,
            _ => regs::Class::None,
        };
        regs::variant(class_of(0), class_of(1))
    }

    /// What the accumulators hold after an instruction with `effect` (when the next instruction
    /// starts, or at its target).
    fn after(&mut self, effect: Effect) {
        match effect {
            Effect::Copy(d, src) => {
                // The integer accumulator holds the value of both; the float one still holds
                // whatever it held, now also `d` if it held `src`.
                let float_had_src = self.float.has(src);
                self.float.remove(d);
                if float_had_src {
                    self.float.insert(d);
                }
                self.int = RegSet::of(src);
                self.int.insert(d);
            }
            Effect::Produce(regs::Class::Float, d) => {
                self.float = RegSet::of(d);
                self.int.remove(d);
            }
            Effect::Produce(_, d) | Effect::Step(d) => {
                self.int = RegSet::of(d);
                self.float.remove(d);
            }
            Effect::Keep => {}
            Effect::Reset => *self = Held::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::regs::Mem;

    fn rr(dst: u16, lhs: u16, rhs: u16) -> (Reg, Reg, Reg) {
        (Reg(dst), Reg(lhs), Reg(rhs))
    }

    /// The variant of `op` right after `prev` alone.
    fn acc_variant(prev: &Op, op: &Op) -> u8 {
        acc_variants(&[*prev, *op])[1]
    }

    #[test]
    fn accumulator_variants_follow_the_producer() {
        let (dst, lhs, rhs) = rr(3, 0, 1);
        let f64_add = Op::F64Add { dst, lhs, rhs };
        // f64 results are read from the float accumulator: both operands, or just the second.
        assert_eq!(acc_variant(&f64_add, &Op::F64Mul { dst: Reg(4), lhs: Reg(3), rhs: Reg(3) }), 6);
        assert_eq!(acc_variant(&f64_add, &Op::F64Sub { dst: Reg(4), lhs: Reg(0), rhs: Reg(3) }), 4);
        assert_eq!(acc_variant(&f64_add, &Op::F64Sub { dst: Reg(4), lhs: Reg(3), rhs: Reg(0) }), 2);
        // integer results: load and store addresses, store values, branch conditions.
        let i32_add = Op::I32AddRR { dst: Reg(5), lhs, rhs };
        assert_eq!(acc_variant(&i32_add, &Op::I32Load { dst: Reg(6), ptr: Reg(5), offset: 0 }), 1);
        assert_eq!(acc_variant(&i32_add, &Op::I32Store { ptr: Reg(0), val: Reg(5), offset: 0 }), 3);
        let branch = Op::BrIfNez { cond: Reg(5), off: crate::ir::BranchOffset(2) };
        assert_eq!(acc_variant(&i32_add, &branch), 1);
        // f32 results travel as bits in the integer accumulator.
        let f32_add = Op::F32Add { dst, lhs, rhs };
        assert_eq!(acc_variant(&f32_add, &Op::F32Mul { dst: Reg(4), lhs: Reg(3), rhs: Reg(0) }), 1);
        // Not the previous result: the frame.
        assert_eq!(acc_variant(&i32_add, &Op::I32AddRR { dst: Reg(6), lhs: Reg(0), rhs: Reg(1) }), 0);
        // No result in an accumulator: stores, `memory.fill` (whose `dst` is an address), `Copy2`
        // (two results), calls.
        let store = Op::I32Store { ptr: Reg(5), val: Reg(5), offset: 0 };
        assert_eq!(acc_variant(&store, &Op::I32AddRR { dst: Reg(6), lhs: Reg(5), rhs: Reg(5) }), 0);
        let fill = Op::MemoryFill { dst: Reg(1), val: Reg(2), len: Reg(3) };
        assert_eq!(acc_variant(&fill, &Op::I32AddRR { dst: Reg(6), lhs: Reg(1), rhs: Reg(1) }), 0);
        let copy2 = Op::Copy2 { dst1: Reg(1), src1: Reg(2), dst2: Reg(3), src2: Reg(4) };
        assert_eq!(acc_variant(&copy2, &Op::I32AddRR { dst: Reg(6), lhs: Reg(1), rhs: Reg(3) }), 0);
        let call = Op::CallInternal { func: 0, args: Reg(5), frame: 8 };
        assert_eq!(acc_variant(&call, &Op::I32AddRR { dst: Reg(6), lhs: Reg(5), rhs: Reg(5) }), 0);
    }

    /// The accumulator each register/memory instruction declares is the one the type of its
    /// semantics says it writes (the `View` setters return `Int`, `Float` or `Clobber`); a
    /// branch that loads its condition leaves the loaded value in the integer accumulator.
    #[test]
    fn declared_accumulators_match_the_semantics() {
        macro_rules! check {
            (
                { $( $name:ident { $($f:ident),* } => |$r:ident, $m:ident| $body:expr ),* $(,)? }
                { $( $bname:ident { $($bf:ident),* } => |$br:ident| $cond:expr ),* $(,)? }
                { $( $lname:ident { $($lf:ident),* } => |$lr:ident, $lm:ident| $lcond:expr ),* $(,)? }
                { $( $sname:ident { $($sf:ident),* } => |$sr:ident, $sm:ident| $sbody:expr ),* $(,)? }
            ) => {
                let mut checked = 0;
                for op in Op::examples() {
                    #[allow(unused_variables, clippy::redundant_closure_call)]
                    let semantic = match op {
                        $( Op::$name { $($f),* } => regs::class_of(move |$r: &mut regs::View, $m: Mem| Ok($body)), )*
                        $( Op::$sname { $($sf),* } => regs::class_of(move |$sr: &mut regs::View, $sm: Mem| Ok($sbody)), )*
                        $( Op::$lname { .. } => regs::Class::Int, )*
                        _ => continue,
                    };
                    let declared = match op.acc() {
                        Acc::Keep => regs::Class::None,
                        Acc::Int => regs::Class::Int,
                        Acc::Float => regs::Class::Float,
                        Acc::Lost => regs::Class::Clobber,
                    };
                    assert_eq!(semantic, declared, "{}", op.name());
                    checked += 1;
                }
                assert!(checked > 200);
            };
        }
        for_each_exec_op!(check);
    }

    #[test]
    fn accumulators_are_followed_through_straight_line_code() {
        use crate::ir::BranchOffset;
        let ops = [
            Op::F64Add { dst: Reg(3), lhs: Reg(0), rhs: Reg(1) },
            // a copy of the f64: the float accumulator holds both registers now
            Op::Copy { dst: Reg(4), src: Reg(3) },
            Op::F64Mul { dst: Reg(5), lhs: Reg(4), rhs: Reg(3) },
            // a store and a compare-and-branch pass both accumulators on
            Op::I32Store { ptr: Reg(0), val: Reg(1), offset: 0 },
            Op::BrIfI32EqRR { lhs: Reg(0), rhs: Reg(1), off: BranchOffset(3) },
            Op::F64Sub { dst: Reg(6), lhs: Reg(0), rhs: Reg(5) },
            // a counter step forgets the counter
            Op::I32StepBrNeRI { reg: Reg(6), step: 1, imm: 0, off: BranchOffset(4) },
            Op::F64Add { dst: Reg(7), lhs: Reg(6), rhs: Reg(6) },
            // an instruction outside the register/memory set forgets everything
            Op::GlobalGet { dst: Reg(1), global: 0 },
            Op::F64Add { dst: Reg(8), lhs: Reg(7), rhs: Reg(7) },
            Op::Return1 { src: Reg(8) },
        ];
        let v = acc_variants(&ops);
        assert_eq!(v[2], 6, "both operands from the float accumulator after the copy");
        assert_eq!(v[5], 4, "second operand through the store and the branch");
        assert_eq!(v[7], 0, "the stepped counter is not in an accumulator");
        assert_eq!(v[9], 0, "after global.get");
        // An f64 from two instructions back and a load just before: each from its accumulator.
        let ops = [
            Op::F64Mul { dst: Reg(39), lhs: Reg(0), rhs: Reg(1) },
            Op::I64Load { dst: Reg(40), ptr: Reg(2), offset: 0 },
            Op::F64Add { dst: Reg(39), lhs: Reg(39), rhs: Reg(40) },
            Op::F64Add { dst: Reg(41), lhs: Reg(40), rhs: Reg(39) },
        ];
        assert_eq!(acc_variants(&ops)[2], 7);
        assert_eq!(acc_variants(&ops)[3], 8);
    }
}
