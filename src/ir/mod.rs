//! hayate's register IR: the instruction enum, what every field of every instruction is (its role
//! and register class), how control leaves it and what it leaves in the accumulators, and the
//! helpers built on those declarations (register relocation, branch patching, the disassembler, the
//! facts the accumulator analysis uses), all derived from the one list in `ops.rs`
//! (`for_each_op!`). This module depends on nothing else in the crate.

#[macro_use]
mod ops;

use std::fmt::{self, Write as _};

/// A register of the current frame (an index into the frame's 64-bit cells).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reg(pub u16);

/// A branch distance in instructions, relative to the branching instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BranchOffset(pub i32);

/// How an instruction handles the bits of a register. Registers are untyped 64-bit cells; an
/// instruction that serves several Wasm types (a 32-bit load also serves `f32.load`) declares the
/// class it handles the bits as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegClass {
    /// An `i32` in the low 32 bits.
    I32,
    /// An `i64`.
    I64,
    /// An `f32`'s bits in the low 32 bits.
    F32,
    /// An `f64`'s bits.
    F64,
    /// A 128-bit vector: two adjacent cells, the low half in the register named, the high half
    /// in the next one.
    V128,
    /// A reference (`funcref`, `externref`).
    Ref,
    /// Any class: the instruction moves the bits without looking at them (copies, `select`,
    /// globals, returns).
    Any,
}

/// An index space of the module an index field points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pool {
    /// Functions (imported and defined).
    Func,
    /// Globals.
    Global,
    /// Function types (signatures).
    Type,
    /// Tables.
    Table,
    /// Memories.
    Memory,
    /// Data segments.
    Data,
    /// Element segments.
    Elem,
    /// Exception tags.
    Tag,
}

/// What an instruction's field is (declared per field in the op list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A register read (`R(class)`).
    Read(RegClass),
    /// A register written (`W(class)`).
    Write(RegClass),
    /// A register read and then written: a counter the instruction steps (`RW(class)`).
    ReadWrite(RegClass),
    /// The first of a span of registers read (`RSpan`); its length is another field.
    ReadSpan,
    /// The first of a span of registers written (`WSpan`).
    WriteSpan,
    /// The first of a span of registers read and then written: a call's arguments, where its
    /// results land (`RWSpan`).
    ReadWriteSpan,
    /// An immediate (`Imm(type)`).
    Imm,
    /// A branch offset (`Branch`).
    Branch,
    /// An index into one of the module's index spaces (`Func(type)`, `Global(type)`, …).
    Index(Pool),
}

impl Role {
    /// The field is a register (or the first of a span of them).
    pub const fn is_reg(self) -> bool {
        self.reads() || self.writes()
    }

    /// The instruction reads the register (or span).
    pub const fn reads(self) -> bool {
        matches!(self, Role::Read(_) | Role::ReadWrite(_) | Role::ReadSpan | Role::ReadWriteSpan)
    }

    /// The instruction writes the register (or span).
    pub const fn writes(self) -> bool {
        matches!(self, Role::Write(_) | Role::ReadWrite(_) | Role::WriteSpan | Role::ReadWriteSpan)
    }

    /// How many cells the register (or the first of a span) stands for: 2 for a `V128` register
    /// (its high half is the next cell), else 1. An instruction writing a `V128` register has
    /// no single result register (`Op::dst_mut`), so no fusion rule retargets it.
    pub const fn cells(self) -> usize {
        match self.class() {
            Some(RegClass::V128) => 2,
            _ => 1,
        }
    }

    /// The class of a single register (`None` for spans, which hold values of several classes,
    /// and for fields that are not registers).
    pub const fn class(self) -> Option<RegClass> {
        match self {
            Role::Read(c) | Role::Write(c) | Role::ReadWrite(c) => Some(c),
            _ => None,
        }
    }
}

/// How control leaves an instruction (declared per instruction in the op list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// On to the next instruction (calls too: they return to it). It may trap.
    Next,
    /// To its branch target, always.
    Jump,
    /// To its branch target or to the next instruction.
    Branch,
    /// To one of the `Br` instructions that follow it (`br_table`).
    Table,
    /// Out of the function.
    Return,
    /// Nowhere: it traps.
    Trap,
}

impl Flow {
    /// The next instruction may run right after this one.
    pub const fn falls_through(self) -> bool {
        matches!(self, Flow::Next | Flow::Branch)
    }
}

/// What an instruction leaves in the tail-call dispatcher's two accumulators (the integer one and
/// the `f64` one, see `exec/acc.rs`), declared per instruction in the op list. The accumulator
/// analysis relies on it; the handlers must honour it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acc {
    /// Writes no register and leaves both accumulators as they were.
    Keep,
    /// Leaves the value it writes in the integer accumulator (integers, `f32` bits, references).
    Int,
    /// Leaves the `f64` it writes in the float accumulator.
    Float,
    /// Promises nothing about the accumulators afterwards (calls and returns, instructions that
    /// reach into the store or write registers without an accumulator).
    Lost,
}

/// The declaration of one field of an instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// What it is.
    pub role: Role,
    /// 1 or 2 if it is the instruction's first or second source operand (marked `@1`, `@2`: a
    /// register the tail-call handler variants may read from an accumulator), else 0.
    pub source: u8,
}

/// The most fields an instruction has (more do not compile: see [`OpInfo::new`]).
const MAX_FIELDS: usize = 6;

/// The declaration of one instruction: its fields, how control leaves it and what it leaves in
/// the accumulators. (It holds no pointer, its fields are inline, so the table of declarations
/// costs no relocations when the program starts.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpInfo {
    fields: [Field; MAX_FIELDS],
    len: u8,
    /// How control leaves it.
    pub flow: Flow,
    /// What it leaves in the accumulators.
    pub acc: Acc,
}

impl OpInfo {
    const fn new(fields: &[Field], flow: Flow, acc: Acc) -> OpInfo {
        let mut inline = [Field { role: Role::Imm, source: 0 }; MAX_FIELDS];
        let mut i = 0;
        while i < fields.len() {
            inline[i] = fields[i];
            i += 1;
        }
        OpInfo { fields: inline, len: fields.len() as u8, flow, acc }
    }

    /// Its fields, in order.
    pub fn fields(&self) -> &[Field] {
        &self.fields[..usize::from(self.len)]
    }

    /// The declared class of source operand `n` (1 or 2), if the instruction has that operand
    /// and it is a single register.
    pub fn source_class(&self, n: u8) -> Option<RegClass> {
        self.fields().iter().find(|f| f.source == n).and_then(|f| f.role.class())
    }
}

/// Up to four register operands of one instruction, with their roles (see [`Op::reads`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct RegList {
    regs: [Option<(Reg, Role)>; 4],
    len: usize,
}

impl RegList {
    fn push(&mut self, r: Reg, role: Role) {
        self.regs[self.len] = Some((r, role));
        self.len += 1;
    }

    /// The number of registers.
    pub fn len(&self) -> usize {
        self.len
    }

    /// No registers.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The only register, if there is exactly one.
    pub fn single(&self) -> Option<(Reg, Role)> {
        if self.len == 1 { self.regs[0] } else { None }
    }

    /// The registers with their roles, in field order.
    pub fn iter(&self) -> impl Iterator<Item = (Reg, Role)> + '_ {
        self.regs[..self.len].iter().flatten().copied()
    }
}

/// The Rust type of a field with the given role.
macro_rules! field_ty {
    (R($c:ident)) => {
        Reg
    };
    (W($c:ident)) => {
        Reg
    };
    (RW($c:ident)) => {
        Reg
    };
    (RSpan) => {
        Reg
    };
    (WSpan) => {
        Reg
    };
    (RWSpan) => {
        Reg
    };
    (Branch) => {
        BranchOffset
    };
    // `Imm(type)` and the indices `Func(type)`, `Global(type)`, …
    ($kind:ident($t:ty)) => {
        $t
    };
}

/// The [`Role`] value of a field's role.
macro_rules! field_role {
    (R($c:ident)) => {
        $crate::ir::Role::Read($crate::ir::RegClass::$c)
    };
    (W($c:ident)) => {
        $crate::ir::Role::Write($crate::ir::RegClass::$c)
    };
    (RW($c:ident)) => {
        $crate::ir::Role::ReadWrite($crate::ir::RegClass::$c)
    };
    (RSpan) => {
        $crate::ir::Role::ReadSpan
    };
    (WSpan) => {
        $crate::ir::Role::WriteSpan
    };
    (RWSpan) => {
        $crate::ir::Role::ReadWriteSpan
    };
    (Branch) => {
        $crate::ir::Role::Branch
    };
    (Imm($t:ty)) => {
        $crate::ir::Role::Imm
    };
    ($pool:ident($t:ty)) => {
        $crate::ir::Role::Index($crate::ir::Pool::$pool)
    };
}

/// The source number of a field (`@1`, `@2`; 0 when unmarked).
macro_rules! source_no {
    () => {
        0
    };
    ($n:literal) => {
        $n
    };
}

/// Picks the block for a field's kind of role: `w` for a single register written (`W`), `reg` for
/// any other register or span, `branch` for a branch offset, `other` for the rest.
macro_rules! by_kind {
    ([W $($x:tt)*] w: $w:block, reg: $reg:block, branch: $branch:block, other: $other:block) => {
        $w
    };
    ([R $($x:tt)*] w: $w:block, reg: $reg:block, branch: $branch:block, other: $other:block) => {
        $reg
    };
    ([RW $($x:tt)*] w: $w:block, reg: $reg:block, branch: $branch:block, other: $other:block) => {
        $reg
    };
    ([RSpan] w: $w:block, reg: $reg:block, branch: $branch:block, other: $other:block) => {
        $reg
    };
    ([WSpan] w: $w:block, reg: $reg:block, branch: $branch:block, other: $other:block) => {
        $reg
    };
    ([RWSpan] w: $w:block, reg: $reg:block, branch: $branch:block, other: $other:block) => {
        $reg
    };
    ([Branch] w: $w:block, reg: $reg:block, branch: $branch:block, other: $other:block) => {
        $branch
    };
    ([$($x:tt)*] w: $w:block, reg: $reg:block, branch: $branch:block, other: $other:block) => {
        $other
    };
}

/// Stores a source operand in its place of `$found` (nothing for an unmarked field).
macro_rules! put_source {
    ($found:ident, $f:ident,) => {};
    ($found:ident, $f:ident, $n:literal) => {
        $found[$n - 1] = Some($f)
    };
}

macro_rules! define_op {
    ($(
        $(#[$attr:meta])*
        $name:ident $({ $($field:ident : $kind:ident $(($($arg:tt)*))? $(@ $src:literal)?),* $(,)? })?
        -> $flow:ident, $acc:ident
    ),* $(,)?) => {
        /// One IR instruction. Semantics are documented per variant; see the module docs for the notation.
        ///
        /// `repr(u16)`: the first two bytes are the tag (the variant's position in the list), which
        /// the tail-call dispatcher uses as an index into its handler table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u16)]
        pub enum Op {
            $( $(#[$attr])* $name $({ $(#[allow(missing_docs)] $field: field_ty!($kind $(($($arg)*))?)),* })?, )*
        }

        /// The declarations of the op list: per instruction a module with a [`Field`] constant per
        /// field (`decl::I32AddRR::lhs`) and the [`OpInfo`] (`decl::I32AddRR::INFO`).
        #[allow(non_snake_case, non_upper_case_globals)]
        pub(crate) mod decl {
            $(
                pub(crate) mod $name {
                    $($(
                        pub(crate) const $field: $crate::ir::Field = $crate::ir::Field {
                            role: field_role!($kind $(($($arg)*))?),
                            source: source_no!($($src)?),
                        };
                    )*)?
                    pub(crate) const INFO: $crate::ir::OpInfo = $crate::ir::OpInfo::new(
                        &[$($($field),*)?],
                        $crate::ir::Flow::$flow,
                        $crate::ir::Acc::$acc,
                    );
                }
            )*
        }

        impl Op {
            /// Number of instructions in the list.
            pub const COUNT: usize = [$(stringify!($name)),*].len();

            /// The instruction's declaration in the op list.
            pub fn info(&self) -> &'static OpInfo {
                /// The instructions' positions in the list.
                #[allow(dead_code)]
                enum Tag { $( $name, )* }
                /// The declarations, in list order.
                static INFO: [OpInfo; Op::COUNT] = [$( decl::$name::INFO, )*];
                &INFO[match self { $( Op::$name { .. } => Tag::$name as usize, )* }]
            }

            /// The instruction's name, as the disassembler prints it.
            pub fn name(&self) -> &'static str {
                match self { $( Op::$name { .. } => stringify!($name), )* }
            }

            /// Calls `f` on every register operand, spans by their first register (used to
            /// relocate registers after translation).
            pub fn visit_regs_mut(&mut self, f: &mut dyn FnMut(&mut Reg)) {
                #[allow(unused_variables)]
                match self {
                    $( Op::$name $({ $($field),* })? => { $($(
                        by_kind!([$kind $(($($arg)*))?]
                            w: { f($field) }, reg: { f($field) }, branch: {}, other: {});
                    )*)? } )*
                }
            }

            /// Calls `f` with every register operand (spans by their first register) and its role.
            pub fn for_each_reg(&self, f: &mut dyn FnMut(Reg, Role)) {
                #[allow(unused_variables)]
                match *self {
                    $( Op::$name $({ $($field),* })? => { $($(
                        by_kind!([$kind $(($($arg)*))?]
                            w: { f($field, decl::$name::$field.role) },
                            reg: { f($field, decl::$name::$field.role) },
                            branch: {}, other: {});
                    )*)? } )*
                }
            }

            /// The branch offset of a branching instruction (`Jump` or `Branch`), for patching.
            pub fn branch_offset_mut(&mut self) -> Option<&mut BranchOffset> {
                #[allow(unused_variables, unreachable_code)]
                match self {
                    $( Op::$name $({ $($field),* })? => { $($(
                        by_kind!([$kind $(($($arg)*))?]
                            w: {}, reg: {}, branch: { return Some($field) }, other: {});
                    )*)? None } )*
                }
            }

            /// The result register: the one register the instruction writes (`W`), if it writes
            /// exactly one and nothing else.
            pub fn dst_mut(&mut self) -> Option<&mut Reg> {
                match self.result_mut() {
                    Some((reg, 1)) => Some(reg),
                    _ => None,
                }
            }

            /// The result of an instruction whose only write is one `W` field: that field and the
            /// number of cells it writes (1, or 2 for a `v128`: the register and the next).
            pub fn result_mut(&mut self) -> Option<(&mut Reg, usize)> {
                #[allow(unused_variables, unused_mut, unused_assignments)]
                match self {
                    $( Op::$name $({ $($field),* })? => {
                        let mut found = None;
                        let mut written = 0;
                        $($(
                            by_kind!([$kind $(($($arg)*))?]
                                w: { found = Some(($field, decl::$name::$field.role.cells())); written += decl::$name::$field.role.cells(); },
                                reg: { written += usize::from(decl::$name::$field.role.writes()); },
                                branch: {}, other: {});
                        )*)?
                        found.filter(|&(_, cells)| cells == written)
                    } )*
                }
            }

            /// The one register the instruction writes (a `W` or `RW` field) and its role, if it
            /// writes exactly one register and no span.
            pub fn written(&self) -> Option<(Reg, Role)> {
                #[allow(unused_variables, unused_mut, unused_assignments)]
                match *self {
                    $( Op::$name $({ $($field),* })? => {
                        let mut found = None;
                        let mut written = 0;
                        $($(
                            by_kind!([$kind $(($($arg)*))?]
                                w: { found = Some(($field, decl::$name::$field.role)); written += decl::$name::$field.role.cells(); },
                                reg: {
                                    let role = decl::$name::$field.role;
                                    if role.writes() {
                                        found = Some(($field, role));
                                        written += 1 + usize::from(role.class().is_none());
                                    }
                                },
                                branch: {}, other: {});
                        )*)?
                        if written == 1 { found } else { None }
                    } )*
                }
            }

            /// The registers of the first and second source operands (`@1`, `@2`). The tail-call
            /// dispatcher's accumulator variants read these (and only these) from an accumulator.
            pub fn sources(&self) -> [Option<Reg>; 2] {
                #[allow(unused_mut, unused_variables)]
                match *self {
                    $( Op::$name $({ $($field),* })? => {
                        let mut found = [None, None];
                        $($( put_source!(found, $field, $($src)?); )*)?
                        found
                    } )*
                }
            }

            /// Appends `name field=operand, …` with branch targets shown as absolute `@index`.
            pub fn disassemble(&self, pc: usize, out: &mut String) {
                out.push_str(self.name());
                #[allow(unused_mut, unused_variables, unused_assignments)]
                match self {
                    $( Op::$name $({ $($field),* })? => {
                        let mut first = true;
                        $($(
                            out.push_str(if first { " " } else { ", " });
                            first = false;
                            out.push_str(concat!(stringify!($field), "="));
                            by_kind!([$kind $(($($arg)*))?]
                                w: { let _ = write!(out, "r{}", $field.0); },
                                reg: { let _ = write!(out, "r{}", $field.0); },
                                branch: { let _ = write!(out, "@{}", pc as i64 + i64::from($field.0)); },
                                other: { let _ = write!(out, "{}", $field); });
                        )*)?
                    } )*
                }
            }

            /// One instruction of each kind, its registers numbered from 1 and its other fields
            /// set to small distinct values (for tests that go through the whole list).
            #[cfg(test)]
            #[allow(unused_mut, unused_variables, unused_assignments)]
            pub(crate) fn examples() -> Vec<Op> {
                let mut v = Vec::new();
                $(
                    let mut n: u16 = 0;
                    v.push(Op::$name $({ $($field: {
                        n += 1;
                        by_kind!([$kind $(($($arg)*))?]
                            w: { Reg(n) }, reg: { Reg(n) }, branch: { BranchOffset(i32::from(n)) },
                            other: { n.try_into().unwrap() })
                    }),* })?);
                )*
                v
            }
        }
    };
}

for_each_op!(define_op);

impl Op {
    /// How control leaves the instruction.
    pub fn flow(&self) -> Flow {
        self.info().flow
    }

    /// What the instruction leaves in the accumulators.
    pub fn acc(&self) -> Acc {
        self.info().acc
    }

    /// Whether the instruction is a stepping branch: it steps a register in place and branches on
    /// the result (`I32StepBr…`, `I64StepBrNeRI`, `I32AddBr…`), the back edge of a counted loop.
    /// A step that branches on another register (`I32StepBrIfNez`/`Eqz`, which mark that register
    /// as their first operand, `@1`; a stepping branch's first operand is the stepped register,
    /// unmarked as it is also written) is not one.
    pub fn is_step_branch(&self) -> bool {
        let info = self.info();
        info.flow == Flow::Branch
            && info.fields().iter().any(|f| matches!(f.role, Role::ReadWrite(_)))
            && info.fields().iter().all(|f| f.source != 1)
    }

    /// The branch offset of a branching instruction.
    pub fn branch_offset(&self) -> Option<BranchOffset> {
        { *self }.branch_offset_mut().copied()
    }

    /// The registers the instruction reads (spans by their first register), with their roles.
    pub fn reads(&self) -> RegList {
        self.regs_where(|role| role.reads())
    }

    /// The registers the instruction writes (spans by their first register), with their roles.
    pub fn writes(&self) -> RegList {
        self.regs_where(|role| role.writes())
    }

    /// The register operands whose role passes `keep`.
    fn regs_where(&self, keep: impl Fn(Role) -> bool) -> RegList {
        let mut list = RegList::default();
        self.for_each_reg(&mut |r, role| {
            if keep(role) {
                list.push(r, role)
            }
        });
        list
    }

    /// The counter a fused loop branch steps: its one register read and then written (`RW`).
    pub fn step_counter(&self) -> Option<Reg> {
        match self.written() {
            Some((r, Role::ReadWrite(_))) => Some(r),
            _ => None,
        }
    }
}

/// Writes a whole instruction sequence, one numbered line per instruction.
pub fn disassemble(ops: &[Op], out: &mut impl fmt::Write) -> fmt::Result {
    let mut line = String::new();
    for (pc, op) in ops.iter().enumerate() {
        line.clear();
        op.disassemble(pc, &mut line);
        writeln!(out, "{pc:5}: {line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn op_size_is_pinned() {
        assert_eq!(std::mem::size_of::<Op>(), 12);
    }

    #[test]
    fn disassembly_shows_absolute_targets() {
        let mut s = String::new();
        Op::BrIfI32LtSRI { lhs: Reg(1), imm: 10, off: BranchOffset(-3) }.disassemble(5, &mut s);
        assert_eq!(s, "BrIfI32LtSRI lhs=r1, imm=10, off=@2");
    }

    #[test]
    fn regs_are_visited() {
        let mut op = Op::I32AddRR { dst: Reg(1), lhs: Reg(2), rhs: Reg(3) };
        op.visit_regs_mut(&mut |r| r.0 += 10);
        assert_eq!(op, Op::I32AddRR { dst: Reg(11), lhs: Reg(12), rhs: Reg(13) });
        let mut br = Op::BrIfNez { cond: Reg(0), off: BranchOffset(0) };
        br.branch_offset_mut().unwrap().0 = 7;
        assert_eq!(br, Op::BrIfNez { cond: Reg(0), off: BranchOffset(7) });
    }

    #[test]
    fn the_list_is_in_tag_order() {
        let ops = Op::examples();
        assert_eq!(ops.len(), Op::COUNT);
        for (i, op) in ops.iter().enumerate() {
            // SAFETY: `Op` is `repr(u16)`: its first two bytes are the tag.
            let tag = unsafe { *(op as *const Op as *const u16) };
            assert_eq!(usize::from(tag), i, "{}", op.name());
        }
    }

    #[test]
    fn derived_helpers_follow_the_declarations() {
        for op in Op::examples() {
            let info = op.info();
            let name = op.name();
            let regs: Vec<Role> = info.fields().iter().map(|f| f.role).filter(|r| r.is_reg()).collect();
            // Every register field is visited, in order (the examples number the fields from 1).
            let positions: Vec<u16> =
                (1..).zip(info.fields()).filter(|(_, f)| f.role.is_reg()).map(|(i, _)| i).collect();
            let mut visited = Vec::new();
            { op }.visit_regs_mut(&mut |r| visited.push(r.0));
            assert_eq!(visited, positions, "{name}");
            let mut roles = Vec::new();
            op.for_each_reg(&mut |_, role| roles.push(role));
            assert_eq!(roles, regs, "{name}");
            assert_eq!(
                op.reads().len() + op.writes().len(),
                regs.iter().map(|r| usize::from(r.reads()) + usize::from(r.writes())).sum(),
                "{name}"
            );
            // Every field is disassembled, by name.
            let mut text = String::new();
            op.disassemble(0, &mut text);
            assert_eq!(text.matches('=').count(), info.fields().len(), "{name}: {text}");
            assert_eq!(
                op.written(),
                op.writes().single().filter(|(_, r)| r.class().is_some() && r.cells() == 1),
                "{name}"
            );
            // The result register is the one `W` field, unless it is a `v128` (two cells).
            let w: Vec<&Field> = info.fields().iter().filter(|f| f.role.writes()).collect();
            let dst = { op }.dst_mut().copied();
            match w.as_slice() {
                [f] if matches!(f.role, Role::Write(_)) && f.role.cells() == 1 => assert!(dst.is_some(), "{name}"),
                _ => assert_eq!(dst, None, "{name}"),
            }
        }
    }

    #[test]
    fn branches_have_exactly_one_offset() {
        for op in Op::examples() {
            let info = op.info();
            let offsets = info.fields().iter().filter(|f| f.role == Role::Branch).count();
            let branches = matches!(info.flow, Flow::Jump | Flow::Branch);
            assert_eq!(offsets, usize::from(branches), "{}", op.name());
            assert_eq!(op.branch_offset().is_some(), branches, "{}", op.name());
        }
    }

    #[test]
    fn sources_are_registers_that_are_read() {
        for op in Op::examples() {
            let info = op.info();
            for n in [1, 2] {
                let marked: Vec<&Field> = info.fields().iter().filter(|f| f.source == n).collect();
                assert!(marked.len() <= 1, "{}: two fields are source {n}", op.name());
                if let [f] = marked.as_slice() {
                    assert!(f.role.reads(), "{}: source {n} is not read", op.name());
                }
                assert_eq!(op.sources()[usize::from(n) - 1].is_some(), marked.len() == 1, "{}", op.name());
            }
            assert!(info.fields().iter().all(|f| f.source <= 2), "{}", op.name());
        }
    }

    #[test]
    fn step_branches_are_the_stepping_ones() {
        let names: Vec<&str> = Op::examples().iter().filter(|op| op.is_step_branch()).map(|op| op.name()).collect();
        assert_eq!(names.len(), 11, "{names:?}");
        assert!(names.iter().all(|n| n.contains("StepBr") || n.starts_with("I32AddBr")), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("BrIf")), "{names:?}");
    }

    #[test]
    fn accumulator_declarations_fit_the_fields() {
        for op in Op::examples() {
            let info = op.info();
            let name = op.name();
            let writes: Vec<Role> = info.fields().iter().map(|f| f.role).filter(|r| r.writes()).collect();
            match info.acc {
                // An instruction that keeps the accumulators writes no register.
                Acc::Keep => assert!(writes.is_empty(), "{name}"),
                // One that leaves its result in an accumulator writes registers, each with a
                // declared class (not spans).
                Acc::Int | Acc::Float => {
                    assert!(!writes.is_empty(), "{name}");
                    assert!(writes.iter().all(|r| r.class().is_some()), "{name}");
                }
                Acc::Lost => {}
            }
            // The float accumulator holds an f64.
            if info.acc == Acc::Float {
                assert_eq!(writes, [Role::Write(RegClass::F64)], "{name}");
            }
            // A stepped counter is left in the integer accumulator.
            if writes.iter().any(|r| matches!(r, Role::ReadWrite(_))) {
                assert_eq!(info.acc, Acc::Int, "{name}");
            }
        }
    }
}
