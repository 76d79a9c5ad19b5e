//! hayate's register IR: the instruction enum, its operand types and its disassembler, all derived
//! from the one list in `ops.rs` (`for_each_op!`). This module depends on nothing else in the crate.

#[macro_use]
mod ops;

use std::fmt::{self, Write as _};

/// A register of the current frame (an index into the frame's 64-bit cells).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reg(pub u16);

/// A branch distance in instructions, relative to the branching instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BranchOffset(pub i32);

/// What an instruction's operand is, as far as the derived helpers care.
trait Operand {
    /// Calls `f` if the operand is a register.
    fn visit_reg(&mut self, _f: &mut dyn FnMut(&mut Reg)) {}
    /// Appends the operand's text, given the index of its instruction.
    fn fmt_operand(&self, pc: usize, out: &mut String);
}

impl Operand for Reg {
    fn visit_reg(&mut self, f: &mut dyn FnMut(&mut Reg)) {
        f(self)
    }
    fn fmt_operand(&self, _pc: usize, out: &mut String) {
        let _ = write!(out, "r{}", self.0);
    }
}

impl Operand for BranchOffset {
    fn fmt_operand(&self, pc: usize, out: &mut String) {
        let _ = write!(out, "@{}", pc as i64 + i64::from(self.0));
    }
}

macro_rules! plain_operand {
    ($($t:ty),*) => {$(
        impl Operand for $t {
            fn fmt_operand(&self, _pc: usize, out: &mut String) {
                let _ = write!(out, "{}", self);
            }
        }
    )*};
}
plain_operand!(i16, u16, u32, i32);

/// The role of an instruction field for the tail-call dispatcher's accumulators: 1 for the first
/// source operand, 2 for the second, 0 for anything else (see [`Op::sources`]).
#[macro_export]
#[doc(hidden)]
macro_rules! operand_role {
    (lhs) => {
        1
    };
    (src) => {
        1
    };
    (ptr) => {
        1
    };
    (cond) => {
        1
    };
    (rhs) => {
        2
    };
    (val) => {
        2
    };
    ($other:ident) => {
        0
    };
}

macro_rules! define_op {
    ($( $(#[$attr:meta])* $name:ident $({ $($field:ident : $fty:ty),* $(,)? })? ),* $(,)?) => {
        /// One IR instruction. Semantics are documented per variant; see the module docs for the notation.
        ///
        /// `repr(u16)`: the first two bytes are the tag (the variant's position in the list), which
        /// the tail-call dispatcher uses as an index into its handler table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u16)]
        pub enum Op {
            $( $(#[$attr])* $name $({ $(#[allow(missing_docs)] $field: $fty),* })?, )*
        }

        impl Op {
            /// The instruction's name, as the disassembler prints it.
            pub fn name(&self) -> &'static str {
                match self { $( Op::$name { .. } => stringify!($name), )* }
            }

            /// Number of instructions in the list.
            pub const COUNT: usize = [$(stringify!($name)),*].len();

            /// Calls `f` on every register operand (used to relocate registers after translation).
            pub fn visit_regs_mut(&mut self, f: &mut dyn FnMut(&mut Reg)) {
                match self {
                    $( Op::$name $({ $($field),* })? => { $( $( Operand::visit_reg($field, f); )* )? } )*
                }
            }

            /// The branch offset of a branching instruction, for patching.
            pub fn branch_offset_mut(&mut self) -> Option<&mut BranchOffset> {
                #[allow(unused_mut, unused_assignments, unused_variables)]
                match self {
                    $( Op::$name $({ $($field),* })? => {
                        let mut found: Option<&mut BranchOffset> = None;
                        $( $( found = found.or_else(|| as_branch($field)); )* )?
                        found
                    } )*
                }
            }

            /// The result register (the operand named `dst` of an instruction that produces a value).
            pub fn dst_mut(&mut self) -> Option<&mut Reg> {
                #[allow(unused_variables)]
                match self {
                    $( Op::$name $({ $($field),* })? => { $( $( pick_dst!($field, $field); )* )? None } )*
                }
            }

            /// The registers of the first and second source operands: the fields named `lhs`,
            /// `src`, `ptr` or `cond`, and `rhs` or `val` (`operand_role!`). The tail-call
            /// dispatcher's accumulator variants read these (and only these) from an accumulator.
            pub fn sources(&self) -> [Option<Reg>; 2] {
                #[allow(unused_mut, unused_variables)]
                match *self {
                    $( Op::$name $({ $($field),* })? => {
                        let mut found = [None, None];
                        $( $(
                            let role: u8 = operand_role!($field);
                            if role > 0 {
                                found[usize::from(role - 1)] = as_reg(&$field);
                            }
                        )* )?
                        found
                    } )*
                }
            }

            /// Appends `name operand, operand…` with branch targets shown as absolute `@index`.
            pub fn disassemble(&self, pc: usize, out: &mut String) {
                out.push_str(self.name());
                #[allow(unused_mut, unused_variables, unused_assignments)]
                match self {
                    $( Op::$name $({ $($field),* })? => {
                        let mut first = true;
                        $( $(
                            out.push_str(if first { " " } else { ", " });
                            first = false;
                            out.push_str(concat!(stringify!($field), "="));
                            Operand::fmt_operand($field, pc, out);
                        )* )?
                    } )*
                }
            }
        }
    };
}

/// Returns from the enclosing function when the field is named `dst`.
macro_rules! pick_dst {
    (dst, $f:ident) => {
        if let Some(r) = (&mut *$f as &mut dyn std::any::Any).downcast_mut::<Reg>() {
            return Some(r);
        }
    };
    ($other:ident, $f:ident) => {};
}

for_each_op!(define_op);

/// Returns `Some` when the operand is a register.
fn as_reg<T: 'static>(field: &T) -> Option<Reg> {
    (field as &dyn std::any::Any).downcast_ref::<Reg>().copied()
}

/// Returns `Some` when the operand is a branch offset.
fn as_branch<T: 'static>(field: &mut T) -> Option<&mut BranchOffset> {
    (field as &mut dyn std::any::Any).downcast_mut::<BranchOffset>()
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
}
