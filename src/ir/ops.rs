//! The one list of hayate's IR instructions: every other view of the instruction set is derived from it.
//!
//! Each entry declares what the instruction is, so no pass has to guess it from a name:
//!
//! ```text
//! /// r[dst] = r[lhs] + r[rhs] (i32, wrapping)
//! I32AddRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
//! ```
//!
//! - every field has a role ([`Role`](super::Role)), which also fixes its Rust type: `R(class)` a
//!   register read, `W(class)` a register written, `RW(class)` a register read and then written (a
//!   counter stepped in place), `RSpan`/`WSpan`/`RWSpan` the first of a span of registers read,
//!   written, or read and then written (a call's arguments and results), all of type `Reg`;
//!   `Branch` a branch offset (`BranchOffset`); `Imm(type)` an immediate; `Func`, `Global`,
//!   `Type`, `Table`, `Memory`, `Data`, `Elem` `(type)` an index into that index space of the module. The
//!   class of a register ([`RegClass`](super::RegClass): `I32`, `I64`, `F32`, `F64`, `V128`,
//!   `Ref`, `Any`) is how the instruction handles its bits (an `I32Load` also serves `f32.load`);
//! - `@1` and `@2` mark the first and second source operand: the registers the tail-call
//!   dispatcher's handler variants may take from an accumulator instead of the frame;
//! - after `->`: how control leaves the instruction ([`Flow`](super::Flow): `Next`, `Jump`,
//!   `Branch`, `Table`, `Return`, `Trap`) and what it leaves in the accumulators
//!   ([`Acc`](super::Acc): `Keep`, `Int`, `Float`, `Lost`).
//!
//! A misspelt role, class, flow or accumulator does not compile; `ir::tests` check that the
//! declarations agree with one another, `exec::acc`'s tests that the accumulators agree with the
//! semantics.
//!
//! Notation in the one-line docs: `r[x]` is register `x` of the current frame (an untyped 64-bit
//! cell; an `i32`/`f32` lives in its low 32 bits; a `v128` takes two adjacent cells, `r[x]` and
//! `r[x + 1]`), `imm` an immediate operand, `pc` the index of the instruction itself. `goto off` continues at `pc + off`. Names follow one grammar: type
//! prefix, operation, then the operand kinds (`RR` two registers, `RI` register and immediate).
//! Memory instructions trap when `ea = r[ptr] as u32 + offset` plus the access width exceeds the
//! memory's length. Those without a memory index work on memory 0 when it is a 32-bit memory of
//! 64 KiB pages (the dispatcher keeps its base in a register); the `…At` forms serve any memory.

/// Calls `$m!` with the whole instruction list.
#[macro_export]
#[doc(hidden)]
macro_rules! for_each_op {
    ($m:ident) => {
        $m! {
            // ---- control ----
            /// trap `unreachable`
            Unreachable -> Trap, Lost,
            /// goto off
            Br { off: Branch } -> Jump, Keep,
            /// if r\[cond\] as i32 != 0 { goto off }
            BrIfNez { cond: R(I32) @1, off: Branch } -> Branch, Keep,
            /// if r\[cond\] as i32 == 0 { goto off }
            BrIfEqz { cond: R(I32) @1, off: Branch } -> Branch, Keep,
            /// goto pc + 1 + min(r\[index\] as u32, len); the next `len + 1` instructions are `Br`s
            BrTable { index: R(I32), len: Imm(u32) } -> Table, Keep,
            /// goto pc + 1 + min((r\[index\] as u32).wrapping_add(imm as u32), len): a `BrTable` whose index is biased first (a `switch` whose cases start above 0); the next `len + 1` instructions are `Br`s
            BrTableAddRI { index: R(I32), imm: Imm(i32), len: Imm(u32) } -> Table, Keep,
            /// goto off, where a `BrTableAddRI` stands, and take its branch at once: the jump back to a `switch` in a loop (an interpreter's dispatch) costs no dispatch of its own
            BrToTable { off: Branch } -> Jump, Keep,
            /// return with no results
            Return -> Return, Lost,
            /// return r\[src\]
            Return1 { src: R(Any) @1 } -> Return, Lost,
            /// return r\[src..src + len\]
            ReturnSpan { src: RSpan @1, len: Imm(u16) } -> Return, Lost,
            /// global = r\[base\] + imm (i32, wrapping); return with no results: a C function's
            /// epilogue, which moves its stack pointer back up and returns
            ReturnGlobalAddRI { base: R(I32), global: Global(u32), imm: Imm(i32) } -> Return, Lost,
            /// global = r\[base\] + imm (i32, wrapping); return r\[src\]
            Return1GlobalAddRI { src: R(Any) @1, base: R(I32), global: Global(u16), imm: Imm(i32) } -> Return, Lost,
            // `Imm32` and `GlobalSet` pass the accumulators on, but declare `Lost`, which the
            // analysis has always assumed of them (`Keep` would be a separate, measured change).
            // The check points declare `Keep`: a loop's values stay in the accumulators across its
            // head, and execution resumed at one reloads them from the frame (`exec::acc::reload`).
            /// an operand of the preceding instruction; never executed
            Imm32 { value: Imm(u32) } -> Next, Lost,
            /// fuel -= amount, trap `OutOfFuel` when less is left (emitted only with fuel metering)
            ConsumeFuel { amount: Imm(u32) } -> Next, Keep,
            /// trap `Interrupted` if the store's interrupt flag is set (emitted only when interruptible)
            CheckInterrupt -> Next, Keep,

            // ---- fused compare and branch ----
            /// if r\[lhs\] as i32 == r\[rhs\] as i32 { goto off }
            BrIfI32EqRR { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 != r\[rhs\] as i32 { goto off }
            BrIfI32NeRR { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 < r\[rhs\] as i32 { goto off }
            BrIfI32LtSRR { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as u32 < r\[rhs\] as u32 { goto off }
            BrIfI32LtURR { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 > r\[rhs\] as i32 { goto off }
            BrIfI32GtSRR { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as u32 > r\[rhs\] as u32 { goto off }
            BrIfI32GtURR { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 <= r\[rhs\] as i32 { goto off }
            BrIfI32LeSRR { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as u32 <= r\[rhs\] as u32 { goto off }
            BrIfI32LeURR { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 >= r\[rhs\] as i32 { goto off }
            BrIfI32GeSRR { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as u32 >= r\[rhs\] as u32 { goto off }
            BrIfI32GeURR { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 == imm { goto off }
            BrIfI32EqRI { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 != imm { goto off }
            BrIfI32NeRI { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 < imm { goto off }
            BrIfI32LtSRI { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as u32 < imm as u32 { goto off }
            BrIfI32LtURI { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 > imm { goto off }
            BrIfI32GtSRI { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as u32 > imm as u32 { goto off }
            BrIfI32GtURI { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 <= imm { goto off }
            BrIfI32LeSRI { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as u32 <= imm as u32 { goto off }
            BrIfI32LeURI { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i32 >= imm { goto off }
            BrIfI32GeSRI { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as u32 >= imm as u32 { goto off }
            BrIfI32GeURI { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 == r\[rhs\] as i64 { goto off }
            BrIfI64EqRR { lhs: R(I64) @1, rhs: R(I64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 != r\[rhs\] as i64 { goto off }
            BrIfI64NeRR { lhs: R(I64) @1, rhs: R(I64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 < r\[rhs\] as i64 { goto off }
            BrIfI64LtSRR { lhs: R(I64) @1, rhs: R(I64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] < r\[rhs\] (unsigned 64-bit) { goto off }
            BrIfI64LtURR { lhs: R(I64) @1, rhs: R(I64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 > r\[rhs\] as i64 { goto off }
            BrIfI64GtSRR { lhs: R(I64) @1, rhs: R(I64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] > r\[rhs\] (unsigned 64-bit) { goto off }
            BrIfI64GtURR { lhs: R(I64) @1, rhs: R(I64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 <= r\[rhs\] as i64 { goto off }
            BrIfI64LeSRR { lhs: R(I64) @1, rhs: R(I64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] <= r\[rhs\] (unsigned 64-bit) { goto off }
            BrIfI64LeURR { lhs: R(I64) @1, rhs: R(I64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 >= r\[rhs\] as i64 { goto off }
            BrIfI64GeSRR { lhs: R(I64) @1, rhs: R(I64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] >= r\[rhs\] (unsigned 64-bit) { goto off }
            BrIfI64GeURR { lhs: R(I64) @1, rhs: R(I64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 == imm as i64 { goto off }
            BrIfI64EqRI { lhs: R(I64) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 != imm as i64 { goto off }
            BrIfI64NeRI { lhs: R(I64) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 < imm as i64 { goto off }
            BrIfI64LtSRI { lhs: R(I64) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] < imm as i64 as u64 { goto off }
            BrIfI64LtURI { lhs: R(I64) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 > imm as i64 { goto off }
            BrIfI64GtSRI { lhs: R(I64) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] > imm as i64 as u64 { goto off }
            BrIfI64GtURI { lhs: R(I64) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 <= imm as i64 { goto off }
            BrIfI64LeSRI { lhs: R(I64) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] <= imm as i64 as u64 { goto off }
            BrIfI64LeURI { lhs: R(I64) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as i64 >= imm as i64 { goto off }
            BrIfI64GeSRI { lhs: R(I64) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] >= imm as i64 as u64 { goto off }
            BrIfI64GeURI { lhs: R(I64) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f32 == r\[rhs\] as f32 { goto off }
            BrIfF32EqRR { lhs: R(F32) @1, rhs: R(F32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f32 != r\[rhs\] as f32 { goto off }
            BrIfF32NeRR { lhs: R(F32) @1, rhs: R(F32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f32 < r\[rhs\] as f32 { goto off }
            BrIfF32LtRR { lhs: R(F32) @1, rhs: R(F32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f32 > r\[rhs\] as f32 { goto off }
            BrIfF32GtRR { lhs: R(F32) @1, rhs: R(F32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f32 <= r\[rhs\] as f32 { goto off }
            BrIfF32LeRR { lhs: R(F32) @1, rhs: R(F32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f32 >= r\[rhs\] as f32 { goto off }
            BrIfF32GeRR { lhs: R(F32) @1, rhs: R(F32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f64 == r\[rhs\] as f64 { goto off }
            BrIfF64EqRR { lhs: R(F64) @1, rhs: R(F64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f64 != r\[rhs\] as f64 { goto off }
            BrIfF64NeRR { lhs: R(F64) @1, rhs: R(F64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f64 < r\[rhs\] as f64 { goto off }
            BrIfF64LtRR { lhs: R(F64) @1, rhs: R(F64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f64 > r\[rhs\] as f64 { goto off }
            BrIfF64GtRR { lhs: R(F64) @1, rhs: R(F64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f64 <= r\[rhs\] as f64 { goto off }
            BrIfF64LeRR { lhs: R(F64) @1, rhs: R(F64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] as f64 >= r\[rhs\] as f64 { goto off }
            BrIfF64GeRR { lhs: R(F64) @1, rhs: R(F64) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] & r\[rhs\] (i32) != 0 { goto off }
            BrIfI32AndRRNez { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] & r\[rhs\] (i32) == 0 { goto off }
            BrIfI32AndRREqz { lhs: R(I32) @1, rhs: R(I32) @2, off: Branch } -> Branch, Keep,
            /// if r\[lhs\] & imm (i32) != 0 { goto off }
            BrIfI32AndRINez { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            /// if r\[lhs\] & imm (i32) == 0 { goto off }
            BrIfI32AndRIEqz { lhs: R(I32) @1, imm: Imm(i32), off: Branch } -> Branch, Keep,
            // Fused load and branch on zero (`while (*p)`, `if (!node->next)`): the loaded value
            // is written to r[dst] as the load would, then tested; `ea = r[ptr] as u32 + offset`.
            /// r\[dst\] = mem.u8\[ea\]; if r\[dst\] != 0 { goto off }
            BrIfI32Load8UNez { dst: W(I32), ptr: R(I32) @1, offset: Imm(u16), off: Branch } -> Branch, Int,
            /// r\[dst\] = mem.u8\[ea\]; if r\[dst\] == 0 { goto off }
            BrIfI32Load8UEqz { dst: W(I32), ptr: R(I32) @1, offset: Imm(u16), off: Branch } -> Branch, Int,
            /// r\[dst\] = mem.u32\[ea\]; if r\[dst\] != 0 { goto off }
            BrIfI32LoadNez { dst: W(I32), ptr: R(I32) @1, offset: Imm(u16), off: Branch } -> Branch, Int,
            /// r\[dst\] = mem.u32\[ea\]; if r\[dst\] == 0 { goto off }
            BrIfI32LoadEqz { dst: W(I32), ptr: R(I32) @1, offset: Imm(u16), off: Branch } -> Branch, Int,

            // A register set (a constant, a copy, a step of a counter) then a branch on zero of
            // another register (`x = 0; if (!c) goto out;`, a value for the join after an `if`):
            // the set happens whichever way the branch goes; `dst` (`reg`) is never `cond`.
            /// r\[dst\] = value (i32); if r\[cond\] as i32 != 0 { goto off }
            I32ConstBrIfNez { dst: W(I32), cond: R(I32) @1, value: Imm(i16), off: Branch } -> Branch, Int,
            /// r\[dst\] = value (i32); if r\[cond\] as i32 == 0 { goto off }
            I32ConstBrIfEqz { dst: W(I32), cond: R(I32) @1, value: Imm(i16), off: Branch } -> Branch, Int,
            /// r\[dst\] = r\[src\]; if r\[cond\] as i32 != 0 { goto off }
            CopyBrIfNez { dst: W(Any), src: R(Any), cond: R(I32) @1, off: Branch } -> Branch, Int,
            /// r\[dst\] = r\[src\]; if r\[cond\] as i32 == 0 { goto off }
            CopyBrIfEqz { dst: W(Any), src: R(Any), cond: R(I32) @1, off: Branch } -> Branch, Int,
            /// r\[reg\] += step (i32, wrapping); if r\[cond\] as i32 != 0 { goto off }
            I32StepBrIfNez { reg: RW(I32), cond: R(I32) @1, step: Imm(i16), off: Branch } -> Branch, Int,
            /// r\[reg\] += step (i32, wrapping); if r\[cond\] as i32 == 0 { goto off }
            I32StepBrIfEqz { reg: RW(I32), cond: R(I32) @1, step: Imm(i16), off: Branch } -> Branch, Int,

            // ---- fused counter step, compare and branch (loop back-edges) ----
            /// r\[reg\] += r\[by\] (i32, wrapping); if r\[reg\] as i32 != r\[rhs\] as i32 { goto off }
            I32AddBrNeRR { reg: RW(I32), by: R(I32), rhs: R(I32) @2, off: Branch } -> Branch, Int,
            /// r\[reg\] += r\[by\] (i32, wrapping); if r\[reg\] as i32 < r\[rhs\] as i32 { goto off }
            I32AddBrLtSRR { reg: RW(I32), by: R(I32), rhs: R(I32) @2, off: Branch } -> Branch, Int,
            /// r\[reg\] += r\[by\] (i32, wrapping); if r\[reg\] as u32 < r\[rhs\] as u32 { goto off }
            I32AddBrLtURR { reg: RW(I32), by: R(I32), rhs: R(I32) @2, off: Branch } -> Branch, Int,
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as i32 != r\[rhs\] as i32 { goto off }
            I32StepBrNeRR { reg: RW(I32), step: Imm(i16), rhs: R(I32) @2, off: Branch } -> Branch, Int,
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as i32 < r\[rhs\] as i32 { goto off }
            I32StepBrLtSRR { reg: RW(I32), step: Imm(i16), rhs: R(I32) @2, off: Branch } -> Branch, Int,
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as u32 < r\[rhs\] as u32 { goto off }
            I32StepBrLtURR { reg: RW(I32), step: Imm(i16), rhs: R(I32) @2, off: Branch } -> Branch, Int,
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as i32 != imm { goto off }
            I32StepBrNeRI { reg: RW(I32), step: Imm(i16), imm: Imm(i16), off: Branch } -> Branch, Int,
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as i32 < imm { goto off }
            I32StepBrLtSRI { reg: RW(I32), step: Imm(i16), imm: Imm(i16), off: Branch } -> Branch, Int,
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as u32 < imm as u32 { goto off }
            I32StepBrLtURI { reg: RW(I32), step: Imm(i16), imm: Imm(i16), off: Branch } -> Branch, Int,
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as i32 > imm { goto off }
            I32StepBrGtSRI { reg: RW(I32), step: Imm(i16), imm: Imm(i16), off: Branch } -> Branch, Int,
            /// r\[reg\] += step (i64, wrapping); if r\[reg\] as i64 != imm { goto off }
            I64StepBrNeRI { reg: RW(I64), step: Imm(i16), imm: Imm(i16), off: Branch } -> Branch, Int,

            // ---- data movement ----
            /// r\[dst\] = r\[src\]
            Copy { dst: W(Any), src: R(Any) @1 } -> Next, Int,
            /// r\[dst1\] = r\[src1\]; then r\[dst2\] = r\[src2\]
            Copy2 { dst1: W(Any), src1: R(Any), dst2: W(Any), src2: R(Any) } -> Next, Int,
            /// r\[dst..dst + len\] = r\[src..src + len\] (as if through a temporary)
            CopySpan { dst: WSpan, src: RSpan @1, len: Imm(u16) } -> Next, Lost,
            /// r\[dst\] = value as u32 as u64 (an `i32` or the bits of an `f32`)
            I32Const { dst: W(I32), value: Imm(i32) } -> Next, Int,
            /// r\[dst\] = value as i64 as u64
            I64ConstS32 { dst: W(I64), value: Imm(i32) } -> Next, Int,
            /// r\[dst\] = if r\[cond\] as i32 != 0 { r\[a\] } else { r\[b\] }
            Select { dst: W(Any), cond: R(I32) @1, a: R(Any), b: R(Any) } -> Next, Int,
            // A compare whose result only chooses a `Select`'s value (`x < k ? a : b`), joined
            // with it; `>=`/`<=` of a constant become `>`/`<` of the next one, `>` of two
            // registers `<` with the operands swapped.
            /// r\[dst\] = if r\[lhs\] as i32 < imm as i32 { r\[a\] } else { r\[b\] }
            SelectI32LtSRI { dst: W(Any), lhs: R(I32) @1, a: R(Any), b: R(Any), imm: Imm(i16) } -> Next, Int,
            /// r\[dst\] = if r\[lhs\] as u32 < imm as i32 as u32 { r\[a\] } else { r\[b\] }
            SelectI32LtURI { dst: W(Any), lhs: R(I32) @1, a: R(Any), b: R(Any), imm: Imm(i16) } -> Next, Int,
            /// r\[dst\] = if r\[lhs\] as i32 > imm as i32 { r\[a\] } else { r\[b\] }
            SelectI32GtSRI { dst: W(Any), lhs: R(I32) @1, a: R(Any), b: R(Any), imm: Imm(i16) } -> Next, Int,
            /// r\[dst\] = if r\[lhs\] as u32 > imm as i32 as u32 { r\[a\] } else { r\[b\] }
            SelectI32GtURI { dst: W(Any), lhs: R(I32) @1, a: R(Any), b: R(Any), imm: Imm(i16) } -> Next, Int,
            /// r\[dst\] = if (r\[lhs\] + add) as u32 < imm as i32 as u32 { r\[a\] } else { r\[b\] } (a range check, `(x - lo) < n`: an `I32AddRI` joined with the `SelectI32LtURI` it feeds)
            SelectI32AddLtURI { dst: W(Any), lhs: R(I32) @1, a: R(Any), b: R(Any), add: Imm(i8), imm: Imm(i8) } -> Next, Int,
            /// r\[dst\] = if r\[lhs\] as i32 < r\[rhs\] as i32 { r\[a\] } else { r\[b\] }
            SelectI32LtSRR { dst: W(Any), lhs: R(I32) @1, rhs: R(I32) @2, a: R(Any), b: R(Any) } -> Next, Int,
            /// r\[dst\] = if r\[lhs\] as u32 < r\[rhs\] as u32 { r\[a\] } else { r\[b\] }
            SelectI32LtURR { dst: W(Any), lhs: R(I32) @1, rhs: R(I32) @2, a: R(Any), b: R(Any) } -> Next, Int,
            /// r\[dst\] = globals\[global\]
            GlobalGet { dst: W(Any), global: Global(u32) } -> Next, Lost,
            /// globals\[global\] = r\[src\]
            GlobalSet { src: R(Any) @1, global: Global(u32) } -> Next, Lost,
            /// r\[dst\] = globals\[global\] (a `v128` global: both cells)
            GlobalGetV128 { dst: W(V128), global: Global(u32) } -> Next, Lost,
            /// globals\[global\] = r\[src\] (a `v128` global: both cells)
            GlobalSetV128 { src: R(V128), global: Global(u32) } -> Next, Lost,
            /// r\[dst\] = (globals\[global\] as i32).wrapping_add(imm) (an `i32` global)
            GlobalGetAddRI { dst: W(I32), global: Global(u32), imm: Imm(i32) } -> Next, Lost,
            /// r\[dst\] = (globals\[global\] as i32).wrapping_add(imm); globals\[global\] = r\[dst\] (a C function's stack-pointer bump)
            GlobalStepRI { dst: W(I32), global: Global(u32), imm: Imm(i32) } -> Next, Lost,
            /// globals\[global\] = (r\[src\] as i32).wrapping_add(imm) (an `i32` global)
            GlobalSetAddRI { src: R(I32), global: Global(u32), imm: Imm(i32) } -> Next, Lost,

            // ---- calls ----
            /// call the instance's function `func` (defined in this module) with arguments r\[args..\]; results land at r\[args..\] (`frame`: the calling function's frame size, where the callee's frame starts)
            CallInternal { func: Func(u32), args: RWSpan, frame: Imm(u16) } -> Next, Lost,
            /// call the instance's imported function `func` with arguments r\[args..\]; results land at r\[args..\]
            CallImported { func: Func(u32), args: RWSpan } -> Next, Lost,
            /// call tables\[table\]\[r\[index\]\] after checking its signature is `sig`; arguments and results at r\[args..\]
            CallIndirect { index: R(I32), sig: Type(u32), args: RWSpan, table: Table(u16) } -> Next, Lost,
            /// tail call: the instance's function `func` (defined in this module) replaces the running function, with arguments r\[args..\]
            ReturnCallInternal { func: Func(u32), args: RSpan } -> Return, Lost,
            /// tail call of the running function itself: r\[0..params\] = r\[args..args + params\], then its `locals` locals r\[params..\] = 0, goto off (its first instruction)
            ReturnCallSelf { args: RSpan, params: Imm(u16), locals: Imm(u16), off: Branch } -> Jump, Lost,
            /// tail call the instance's imported function `func` with arguments r\[args..\]; a host function's results land at r\[args..\], for the next instruction (a return) to return
            ReturnCallImported { func: Func(u32), args: RWSpan } -> Next, Lost,
            /// tail call tables\[table\]\[r\[index\]\] after checking its signature is `sig`; a host function's results land at r\[args..\], for the next instruction (a return) to return
            ReturnCallIndirect { index: R(I32), sig: Type(u32), args: RWSpan, table: Table(u16) } -> Next, Lost,
            /// throw an exception with the instance's tag `tag` carrying r\[args..\] (as many values as the tag has parameters)
            Throw { tag: Tag(u32), args: RSpan } -> Trap, Lost,
            /// throw again the exception r\[exn\] refers to (trap if null)
            ThrowRef { exn: R(Ref) } -> Trap, Lost,
            /// r\[dst\] = min(r\[src\], u32::MAX): a 64-bit table's index for `CallIndirect`, saturated (no table has 2^32 - 1 elements, so a saturated index is out of bounds)
            I64ClampU32 { dst: W(I32), src: R(I64) @1 } -> Next, Int,
            /// r\[dst\] = reference to the instance's function `func`
            RefFunc { dst: W(Ref), func: Func(u32) } -> Next, Lost,
            /// call the function r\[callee\] refers to (validation guarantees its signature) with arguments and results at r\[args..\]; trap `NullFunctionReference` when null
            CallRef { callee: R(Ref), args: RWSpan } -> Next, Lost,
            /// tail call the function r\[callee\] refers to (trap if null) with arguments r\[args..\]; a host function's results land at r\[args..\], for the next instruction (a return) to return
            ReturnCallRef { callee: R(Ref), args: RWSpan } -> Next, Lost,
            /// trap `NullReference` when r\[src\] is null (`ref.as_non_null`; the value stays where it is)
            TrapIfNull { src: R(Ref) @1 } -> Next, Keep,

            // ---- memory ----
            /// r\[dst\] = mem.u32\[ea\] as u64 (also `f32.load`, `i64.load32_u`)
            I32Load { dst: W(I32), ptr: R(I32) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u64\[ea\] (also `f64.load`)
            I64Load { dst: W(I64), ptr: R(I32) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.i8\[ea\] as i32 as u32 as u64
            I32Load8S { dst: W(I32), ptr: R(I32) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u8\[ea\] as u64 (also `i64.load8_u`)
            I32Load8U { dst: W(I32), ptr: R(I32) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.i16\[ea\] as i32 as u32 as u64
            I32Load16S { dst: W(I32), ptr: R(I32) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u16\[ea\] as u64 (also `i64.load16_u`)
            I32Load16U { dst: W(I32), ptr: R(I32) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.i8\[ea\] as i64 as u64
            I64Load8S { dst: W(I64), ptr: R(I32) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.i16\[ea\] as i64 as u64
            I64Load16S { dst: W(I64), ptr: R(I32) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.i32\[ea\] as i64 as u64
            I64Load32S { dst: W(I64), ptr: R(I32) @1, offset: Imm(u32) } -> Next, Int,
            /// mem.u32\[ea\] = r\[val\] as u32 (also `f32.store`, `i64.store32`)
            I32Store { ptr: R(I32) @1, val: R(I32) @2, offset: Imm(u32) } -> Next, Keep,
            /// mem.u64\[ea\] = r\[val\] (also `f64.store`)
            I64Store { ptr: R(I32) @1, val: R(I64) @2, offset: Imm(u32) } -> Next, Keep,
            /// mem.u8\[ea\] = r\[val\] as u8 (also `i64.store8`)
            I32Store8 { ptr: R(I32) @1, val: R(I32) @2, offset: Imm(u32) } -> Next, Keep,
            /// mem.u16\[ea\] = r\[val\] as u16 (also `i64.store16`)
            I32Store16 { ptr: R(I32) @1, val: R(I32) @2, offset: Imm(u32) } -> Next, Keep,
            // Fused address computation and access (an `i32.add` computed just before the access
            // and used only by it): `ea = (r[ptr] + imm) as u32` (wrapping, as the add would) for
            // `…RI` forms (their access offset is 0), `ea = (r[ptr] + r[idx]) as u32 + offset` for
            // `…RR` forms, and with `r[idx] << shift` in place of `r[idx]` (an `I32AddShl`, array
            // indexing) for `…Shl` forms, whose offset must fit 16 bits.
            /// r\[dst\] = mem.u32\[(r\[ptr\] + imm) as u32\] as u64
            I32LoadRI { dst: W(I32), ptr: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = mem.u64\[(r\[ptr\] + imm) as u32\]
            I64LoadRI { dst: W(I64), ptr: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = mem.u8\[(r\[ptr\] + imm) as u32\] as u64
            I32Load8URI { dst: W(I32), ptr: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = mem.u32\[(r\[ptr\] + r\[idx\]) as u32 + offset\] as u64
            I32LoadRR { dst: W(I32), ptr: R(I32) @1, idx: R(I32), offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u64\[(r\[ptr\] + r\[idx\]) as u32 + offset\]
            I64LoadRR { dst: W(I64), ptr: R(I32) @1, idx: R(I32), offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u8\[(r\[ptr\] + r\[idx\]) as u32 + offset\] as u64
            I32Load8URR { dst: W(I32), ptr: R(I32) @1, idx: R(I32), offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u32\[(r\[ptr\] + (r\[idx\] << shift)) as u32 + offset\] as u64 (an `I32AddShl` joined)
            I32LoadShl { dst: W(I32), ptr: R(I32) @1, idx: R(I32), shift: Imm(u16), offset: Imm(u16) } -> Next, Int,
            /// r\[dst\] = mem.u32\[((r\[idx\] << shift) + imm) as u32\] as u64 (a table lookup: an `I32ShlRI` joined with the `I32LoadRI` it feeds)
            I32LoadShlRI { dst: W(I32), idx: R(I32) @1, shift: Imm(u16), imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = mem.u32\[r\[ptr\] as u32 + offset\] + r\[rhs\] (i32, wrapping; an `I32Load` joined with the `I32AddRR` it feeds)
            I32LoadAddRR { dst: W(I32), ptr: R(I32) @1, rhs: R(I32), offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u8\[r\[ptr\] as u32 + offset\] + r\[rhs\] (i32, wrapping; an `I32Load8U` joined with the `I32AddRR` it feeds: bytes summed)
            I32Load8UAddRR { dst: W(I32), ptr: R(I32) @1, rhs: R(I32), offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u32\[r\[ptr\] as u32 + offset\] + imm (i32, wrapping; an `I32Load` joined with the `I32AddRI` it feeds)
            I32LoadAddRI { dst: W(I32), ptr: R(I32) @1, offset: Imm(u16), imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = mem.u32\[mem.u32\[r\[ptr\] as u32 + offset1\] as u32 + offset2\] as u64 (a pointer loaded and followed, `p->a->b`: an `I32Load` joined with the `I32Load` at the address it loaded; each access checked as a plain one)
            I32LoadLoad { dst: W(I32), ptr: R(I32) @1, offset1: Imm(u16), offset2: Imm(u16) } -> Next, Int,
            /// r\[dst\] = mem.u32\[(r\[ptr\] + imm) as u32\] as u64 * r\[rhs\] (i64, wrapping; a limb loaded and multiplied, as multi-precision arithmetic does: an `I32LoadRI` joined with the `I64MulRR` it feeds)
            I64MulLoadRI { dst: W(I64), ptr: R(I32) @1, rhs: R(I64), imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = mem.u64\[(r\[ptr\] + (r\[idx\] << shift)) as u32 + offset\]
            I64LoadShl { dst: W(I64), ptr: R(I32) @1, idx: R(I32), shift: Imm(u16), offset: Imm(u16) } -> Next, Int,
            /// mem.u32\[(r\[ptr\] + (r\[idx\] << shift)) as u32 + offset\] = r\[val\] as u32
            I32StoreShl { ptr: R(I32) @1, idx: R(I32), val: R(I32) @2, shift: Imm(u16), offset: Imm(u16) } -> Next, Keep,
            /// mem.u64\[(r\[ptr\] + (r\[idx\] << shift)) as u32 + offset\] = r\[val\]
            I64StoreShl { ptr: R(I32) @1, idx: R(I32), val: R(I64) @2, shift: Imm(u16), offset: Imm(u16) } -> Next, Keep,
            /// mem.u32\[(r\[ptr\] + imm) as u32\] = r\[val\] as u32
            I32StoreRI { ptr: R(I32) @1, val: R(I32) @2, imm: Imm(i32) } -> Next, Keep,
            /// mem.u32\[(r\[ptr\] + r\[idx\]) as u32 + offset\] = r\[val\] as u32
            I32StoreRR { ptr: R(I32) @1, idx: R(I32), val: R(I32) @2, offset: Imm(u32) } -> Next, Keep,
            /// mem.u8\[(r\[ptr\] + r\[idx\]) as u32 + offset\] = r\[val\] as u8
            I32Store8RR { ptr: R(I32) @1, idx: R(I32), val: R(I32) @2, offset: Imm(u32) } -> Next, Keep,
            // Memory-to-memory moves (`*q = *p`, a field or a value copied): a load whose value only
            // feeds a store of the same width, each side's `ea` its register plus its offset as for a
            // plain access. The load, with its bounds check, comes first.
            /// mem.u8\[r\[dst\] as u32 + dst_offset\] = mem.u8\[r\[src\] as u32 + src_offset\] (an `I32Load8U` and the `I32Store8` of its value)
            I32Move8 { src: R(I32) @1, dst: R(I32) @2, src_offset: Imm(u16), dst_offset: Imm(u16) } -> Next, Keep,
            /// mem.u16\[r\[dst\] as u32 + dst_offset\] = mem.u16\[r\[src\] as u32 + src_offset\] (an `I32Load16U` and the `I32Store16` of its value)
            I32Move16 { src: R(I32) @1, dst: R(I32) @2, src_offset: Imm(u16), dst_offset: Imm(u16) } -> Next, Keep,
            /// mem.u32\[r\[dst\] as u32 + dst_offset\] = mem.u32\[r\[src\] as u32 + src_offset\] (an `I32Load` and the `I32Store` of its value)
            I32Move { src: R(I32) @1, dst: R(I32) @2, src_offset: Imm(u16), dst_offset: Imm(u16) } -> Next, Keep,
            /// mem.u64\[r\[dst\] as u32 + dst_offset\] = mem.u64\[r\[src\] as u32 + src_offset\] (an `I64Load` and the `I64Store` of its value)
            I64Move { src: R(I32) @1, dst: R(I32) @2, src_offset: Imm(u16), dst_offset: Imm(u16) } -> Next, Keep,
            // Two independent instructions in one, each in order (the second may read what the first
            // wrote): pairs the real programs run back to back that no other fusion joins, whose
            // fields fit the instruction's ten bytes with 8-bit offsets and immediates.
            /// mem.u32\[r\[ptr\] as u32 + offset\] = r\[val\] as u32, then r\[dst\] = r\[lhs\] + imm (i32, wrapping; an `I32Store` and the `I32AddRI` after it)
            I32StoreAddRI { ptr: R(I32) @1, val: R(I32) @2, dst: W(I32), lhs: R(I32), offset: Imm(u8), imm: Imm(i8) } -> Next, Int,
            /// mem.u64\[r\[ptr\] as u32 + offset\] = r\[val\], then r\[dst\] = r\[lhs\] + imm (i32, wrapping; an `I64Store` and the `I32AddRI` after it)
            I64StoreAddRI { ptr: R(I32) @1, val: R(I64) @2, dst: W(I32), lhs: R(I32), offset: Imm(u8), imm: Imm(i8) } -> Next, Int,
            /// r\[dst1\] = r\[lhs1\] + imm1, then r\[dst2\] = r\[lhs2\] + imm2 (i32, wrapping; two `I32AddRI`s)
            I32AddRI2 { dst1: W(I32), lhs1: R(I32) @1, dst2: W(I32), lhs2: R(I32), imm1: Imm(i8), imm2: Imm(i8) } -> Next, Int,
            /// r\[dst1\] = r\[src\], then r\[dst2\] = value (i32; a `Copy` and the `I32Const` after it: a call's arguments)
            CopyI32Const { dst1: W(Any), src: R(Any) @1, dst2: W(I32), value: Imm(i32) } -> Next, Int,
            /// r\[dst1\] = value1, then r\[dst2\] = value2 (i32; two `I32Const`s)
            I32Const2 { dst1: W(I32), dst2: W(I32), value1: Imm(i16), value2: Imm(i16) } -> Next, Int,
            // Memory 0 when it is a 64-bit memory (memory64, as a toolchain's wasm64 target makes
            // it): `ea = r[ptr] + offset` in `u64` without wrapping (an access past 2^64 traps);
            // the base and length are memory 0's, as for the instructions above. An offset past
            // 32 bits takes the `MemoryLoadAt`/`MemoryStoreAt` forms.
            /// r\[dst\] = mem.u32\[ea\] as u64 (64-bit address; also `f32.load`, `i64.load32_u`)
            I32LoadA64 { dst: W(I32), ptr: R(I64) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u64\[ea\] (64-bit address; also `f64.load`)
            I64LoadA64 { dst: W(I64), ptr: R(I64) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.i8\[ea\] as i32 as u32 as u64 (64-bit address)
            I32Load8SA64 { dst: W(I32), ptr: R(I64) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u8\[ea\] as u64 (64-bit address; also `i64.load8_u`)
            I32Load8UA64 { dst: W(I32), ptr: R(I64) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.i16\[ea\] as i32 as u32 as u64 (64-bit address)
            I32Load16SA64 { dst: W(I32), ptr: R(I64) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.u16\[ea\] as u64 (64-bit address; also `i64.load16_u`)
            I32Load16UA64 { dst: W(I32), ptr: R(I64) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.i8\[ea\] as i64 as u64 (64-bit address)
            I64Load8SA64 { dst: W(I64), ptr: R(I64) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.i16\[ea\] as i64 as u64 (64-bit address)
            I64Load16SA64 { dst: W(I64), ptr: R(I64) @1, offset: Imm(u32) } -> Next, Int,
            /// r\[dst\] = mem.i32\[ea\] as i64 as u64 (64-bit address)
            I64Load32SA64 { dst: W(I64), ptr: R(I64) @1, offset: Imm(u32) } -> Next, Int,
            /// mem.u32\[ea\] = r\[val\] as u32 (64-bit address; also `f32.store`, `i64.store32`)
            I32StoreA64 { ptr: R(I64) @1, val: R(I32) @2, offset: Imm(u32) } -> Next, Keep,
            /// mem.u64\[ea\] = r\[val\] (64-bit address; also `f64.store`)
            I64StoreA64 { ptr: R(I64) @1, val: R(I64) @2, offset: Imm(u32) } -> Next, Keep,
            /// mem.u8\[ea\] = r\[val\] as u8 (64-bit address; also `i64.store8`)
            I32Store8A64 { ptr: R(I64) @1, val: R(I32) @2, offset: Imm(u32) } -> Next, Keep,
            /// mem.u16\[ea\] = r\[val\] as u16 (64-bit address; also `i64.store16`)
            I32Store16A64 { ptr: R(I64) @1, val: R(I32) @2, offset: Imm(u32) } -> Next, Keep,
            /// r\[dst\] = memory size in pages
            MemorySize { dst: W(I32) } -> Next, Lost,
            /// r\[dst\] = old size in pages after growing by r\[delta\] pages, or -1 when refused
            MemoryGrow { dst: W(I32), delta: R(I32) } -> Next, Lost,
            /// mem\[r\[dst\]..r\[dst\] + r\[len\]\] = r\[val\] as u8
            MemoryFill { dst: R(I32), val: R(I32) @2, len: R(I32) } -> Next, Keep,
            /// mem\[r\[dst\]..r\[dst\] + r\[len\]\] = mem\[r\[src\]..r\[src\] + r\[len\]\]
            MemoryCopy { dst: R(I32), src: R(I32) @1, len: R(I32) } -> Next, Keep,
            /// mem\[r\[dst\]..r\[dst\] + r\[len\]\] = data\[data\]\[r\[src\]..r\[src\] + r\[len\]\]
            MemoryInit { dst: R(I32), src: R(I32) @1, len: R(I32), data: Data(u32) } -> Next, Lost,
            /// data segment `data` becomes empty
            DataDrop { data: Data(u32) } -> Next, Lost,
            // Memory instructions on any memory (a memory other than memory 0, a 64-bit memory, a
            // memory with 1-byte pages): run out of line like the table instructions, so the
            // memory-0 instructions above stay as they are. `mem` is the module's memory index;
            // an address or length is `r[x] as u32` for a 32-bit memory and `r[x]` for a 64-bit
            // one; `ea = address + r[offset]` (a constant register) without wrapping: past
            // 2^64 or the memory's length it traps.
            /// r\[dst\] = memories\[mem\]\[ea\] as `kind`: 0 u32, 1 u64, 2 i8 as i32, 3 u8, 4 i16 as i32, 5 u16, 6 i8 as i64, 7 i16 as i64, 8 i32 as i64
            MemoryLoadAt { dst: W(Any), ptr: R(Any), offset: R(I64), kind: Imm(u16), mem: Memory(u16) } -> Next, Lost,
            /// memories\[mem\]\[ea..ea + width\] = the low `width` bytes of r\[val\] (width 1, 2, 4 or 8)
            MemoryStoreAt { ptr: R(Any), val: R(Any), offset: R(I64), width: Imm(u16), mem: Memory(u16) } -> Next, Lost,
            /// r\[dst\] = size of memories\[mem\] in its pages
            MemorySizeAt { dst: W(Any), mem: Memory(u32) } -> Next, Lost,
            /// r\[dst\] = old size of memories\[mem\] in pages after growing by r\[delta\] pages, or -1 when refused
            MemoryGrowAt { dst: W(Any), delta: R(Any), mem: Memory(u32) } -> Next, Lost,
            /// memories\[mem\]\[r\[dst\]..r\[dst\] + r\[len\]\] = r\[val\] as u8
            MemoryFillAt { dst: R(Any), val: R(I32), len: R(Any), mem: Memory(u32) } -> Next, Lost,
            /// memories\[dst_mem\]\[r\[dst\]..+r\[len\]\] = memories\[src_mem\]\[r\[src\]..+r\[len\]\] (`len` is an i64 only when both memories are 64-bit)
            MemoryCopyAt { dst: R(Any), src: R(Any), len: R(Any), dst_mem: Memory(u16), src_mem: Memory(u16) } -> Next, Lost,
            /// memories\[mem\]\[r\[dst\]..r\[dst\] + r\[len\]\] = data\[data\]\[r\[src\]..r\[src\] + r\[len\]\] (`src`, `len`: i32)
            MemoryInitAt { dst: R(Any), src: R(I32), len: R(I32), data: Data(u16), mem: Memory(u16) } -> Next, Lost,

            // ---- tables ----
            /// r\[dst\] = tables\[table\]\[r\[index\]\]
            TableGet { dst: W(Ref), index: R(I32), table: Table(u32) } -> Next, Lost,
            /// tables\[table\]\[r\[index\]\] = r\[val\]
            TableSet { index: R(I32), val: R(Ref) @2, table: Table(u32) } -> Next, Lost,
            /// r\[dst\] = size of tables\[table\]
            TableSize { dst: W(I32), table: Table(u32) } -> Next, Lost,
            /// r\[dst\] = old size after growing tables\[table\] by r\[delta\] copies of r\[init\], or -1
            TableGrow { dst: W(I32), init: R(Ref), delta: R(I32), table: Table(u32) } -> Next, Lost,
            /// tables\[table\]\[r\[dst\]..r\[dst\] + r\[len\]\] = r\[val\]
            TableFill { dst: R(I32), val: R(Ref) @2, len: R(I32), table: Table(u32) } -> Next, Lost,
            /// tables\[dst_table\]\[r\[dst\]..+r\[len\]\] = tables\[src_table\]\[r\[src\]..+r\[len\]\]
            TableCopy { dst: R(I32), src: R(I32) @1, len: R(I32), dst_table: Table(u16), src_table: Table(u16) } -> Next, Lost,
            /// tables\[next Imm32\]\[r\[dst\]..+r\[len\]\] = elems\[elem\]\[r\[src\]..+r\[len\]\]
            TableInit { dst: R(I32), src: R(I32) @1, len: R(I32), elem: Elem(u32) } -> Next, Lost,
            /// element segment `elem` becomes empty
            ElemDrop { elem: Elem(u32) } -> Next, Lost,

            // ---- i32 arithmetic ----
            /// r\[dst\] = (r\[src\] as i32 == 0) as u64
            I32Eqz { dst: W(I32), src: R(I32) @1 } -> Next, Int,
            /// r\[dst\] = (r\[src\] as u32).leading_zeros()
            I32Clz { dst: W(I32), src: R(I32) @1 } -> Next, Int,
            /// r\[dst\] = (r\[src\] as u32).trailing_zeros()
            I32Ctz { dst: W(I32), src: R(I32) @1 } -> Next, Int,
            /// r\[dst\] = (r\[src\] as u32).count_ones()
            I32Popcnt { dst: W(I32), src: R(I32) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as i8 as i32
            I32Extend8S { dst: W(I32), src: R(I32) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as i16 as i32
            I32Extend16S { dst: W(I32), src: R(I32) @1 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] + r\[rhs\] (i32, wrapping)
            I32AddRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] - r\[rhs\] (i32, wrapping)
            I32SubRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] * r\[rhs\] (i32, wrapping)
            I32MulRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (i32 signed; traps on zero and overflow)
            I32DivSRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (i32 unsigned; traps on zero)
            I32DivURR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] % r\[rhs\] (i32 signed; traps on zero)
            I32RemSRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] % r\[rhs\] (i32 unsigned; traps on zero)
            I32RemURR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] & r\[rhs\] (i32)
            I32AndRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] | r\[rhs\] (i32)
            I32OrRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] ^ r\[rhs\] (i32)
            I32XorRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] << (r\[rhs\] % 32) (i32)
            I32ShlRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] >> (r\[rhs\] % 32) (i32, arithmetic)
            I32ShrSRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] >> (r\[rhs\] % 32) (i32, logical)
            I32ShrURR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\].rotate_left(r\[rhs\]) (i32)
            I32RotlRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\].rotate_right(r\[rhs\]) (i32)
            I32RotrRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] == r\[rhs\]) (i32)
            I32EqRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] != r\[rhs\]) (i32)
            I32NeRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (i32 signed)
            I32LtSRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (i32 unsigned)
            I32LtURR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (i32 signed)
            I32GtSRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (i32 unsigned)
            I32GtURR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (i32 signed)
            I32LeSRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (i32 unsigned)
            I32LeURR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (i32 signed)
            I32GeSRR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (i32 unsigned)
            I32GeURR { dst: W(I32), lhs: R(I32) @1, rhs: R(I32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] + imm (i32, wrapping)
            I32AddRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] + (r\[idx\] << shift) (i32, wrapping; an `i32.shl` by a constant feeding an `i32.add`)
            I32AddShl { dst: W(I32), lhs: R(I32) @1, idx: R(I32), shift: Imm(u16) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] as u32 >> shift) & mask (a bit field: `I32ShrURI` and `I32AndRI` joined)
            I32ShrUAndRI { dst: W(I32), lhs: R(I32) @1, shift: Imm(u16), mask: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] + ((r\[src\] as u32 >> shift) & mask) (i32, wrapping; a bit field added to a base, as a bytecode interpreter finds an operand's register: `I32ShrUAndRI` and the `I32AddRR` it feeds joined)
            I32AddShrUAndRI { dst: W(I32), lhs: R(I32) @1, src: R(I32) @2, shift: Imm(u8), mask: Imm(u16) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] + (r\[src\] >> shift) as u32 (i32, wrapping; the high half of a 64-bit product added to a carry, as multi-precision arithmetic does: an `I64ShrURI` joined with the `I32AddRR` it feeds)
            I32AddI64ShrURI { dst: W(I32), lhs: R(I32) @1, src: R(I64) @2, shift: Imm(u8) } -> Next, Int,
            /// r\[reg1\] += step1; r\[reg2\] += step2 (i32, wrapping; two counters stepped in a row)
            I32Step2 { reg1: RW(I32), step1: Imm(i16), reg2: RW(I32), step2: Imm(i16) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] + (r\[a\] as u32 < r\[b\] as u32) as i32 (wrapping; a carry added, as multi-precision arithmetic does: an `I32LtURR` joined with the `I32AddRR` it feeds)
            I32AddLtURR { dst: W(I32), lhs: R(I32) @1, a: R(I32), b: R(I32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] - imm (i32, wrapping)
            I32SubRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] * imm (i32, wrapping)
            I32MulRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] + r\[idx\] * imm (i32, wrapping; an element of an array of structs: an `I32MulRI` joined with the `I32AddRR` it feeds)
            I32AddMulRI { dst: W(I32), lhs: R(I32) @1, idx: R(I32) @2, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] / imm (i32 signed; imm is neither 0 nor -1)
            I32DivSRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] / imm (i32 unsigned; imm is not 0)
            I32DivURI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] % imm (i32 signed; imm is neither 0 nor -1)
            I32RemSRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] % imm (i32 unsigned; imm is not 0)
            I32RemURI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] & imm (i32)
            I32AndRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] | imm (i32)
            I32OrRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] ^ imm (i32)
            I32XorRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] << (imm % 32) (i32)
            I32ShlRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] >> (imm % 32) (i32, arithmetic)
            I32ShrSRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] >> (imm % 32) (i32, logical)
            I32ShrURI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\].rotate_left(imm) (i32)
            I32RotlRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\].rotate_right(imm) (i32)
            I32RotrRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] == imm) (i32)
            I32EqRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] != imm) (i32)
            I32NeRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] < imm) (i32 signed)
            I32LtSRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] < imm) (i32 unsigned)
            I32LtURI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] > imm) (i32 signed)
            I32GtSRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] > imm) (i32 unsigned)
            I32GtURI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] <= imm) (i32 signed)
            I32LeSRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] <= imm) (i32 unsigned)
            I32LeURI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] >= imm) (i32 signed)
            I32GeSRI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] >= imm) (i32 unsigned)
            I32GeURI { dst: W(I32), lhs: R(I32) @1, imm: Imm(i32) } -> Next, Int,

            // ---- i64 arithmetic ----
            /// r\[dst\] = (r\[src\] == 0) as u64 (also `ref.is_null`)
            I64Eqz { dst: W(I32), src: R(I64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\].leading_zeros()
            I64Clz { dst: W(I64), src: R(I64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\].trailing_zeros()
            I64Ctz { dst: W(I64), src: R(I64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\].count_ones()
            I64Popcnt { dst: W(I64), src: R(I64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as i8 as i64
            I64Extend8S { dst: W(I64), src: R(I64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as i16 as i64
            I64Extend16S { dst: W(I64), src: R(I64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as i32 as i64 (also `i64.extend_i32_s`)
            I64Extend32S { dst: W(I64), src: R(I64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as u32 as u64
            I64ExtendI32U { dst: W(I64), src: R(I32) @1 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] + r\[rhs\] (i64, wrapping)
            I64AddRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] - r\[rhs\] (i64, wrapping)
            I64SubRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] * r\[rhs\] (i64, wrapping)
            I64MulRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (i64 signed; traps on zero and overflow)
            I64DivSRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (i64 unsigned; traps on zero)
            I64DivURR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] % r\[rhs\] (i64 signed; traps on zero)
            I64RemSRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] % r\[rhs\] (i64 unsigned; traps on zero)
            I64RemURR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] & r\[rhs\] (i64)
            I64AndRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] | r\[rhs\] (i64)
            I64OrRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] ^ r\[rhs\] (i64)
            I64XorRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] << (r\[rhs\] % 64) (i64)
            I64ShlRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] >> (r\[rhs\] % 64) (i64, arithmetic)
            I64ShrSRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] >> (r\[rhs\] % 64) (i64, logical)
            I64ShrURR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] * r\[rhs\]) >> (r\[shift\] % 64) (i64, wrapping, unsigned shift; a multiplicative hash: an `I64MulRR` joined with the `I64ShrURR` it feeds)
            I64MulShrURR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2, shift: R(I64) } -> Next, Int,
            /// r\[dst\] = r\[lhs\].rotate_left(r\[rhs\]) (i64)
            I64RotlRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\].rotate_right(r\[rhs\]) (i64)
            I64RotrRR { dst: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] == r\[rhs\]) (i64)
            I64EqRR { dst: W(I32), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] != r\[rhs\]) (i64)
            I64NeRR { dst: W(I32), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (i64 signed)
            I64LtSRR { dst: W(I32), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (i64 unsigned)
            I64LtURR { dst: W(I32), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (i64 signed)
            I64GtSRR { dst: W(I32), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (i64 unsigned)
            I64GtURR { dst: W(I32), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (i64 signed)
            I64LeSRR { dst: W(I32), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (i64 unsigned)
            I64LeURR { dst: W(I32), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (i64 signed)
            I64GeSRR { dst: W(I32), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (i64 unsigned)
            I64GeURR { dst: W(I32), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] + imm as i64 (wrapping)
            I64AddRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] - imm as i64 (wrapping)
            I64SubRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] * imm as i64 (wrapping)
            I64MulRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] / imm as i64 (signed; imm is neither 0 nor -1)
            I64DivSRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] / imm as i64 as u64 (unsigned; imm is not 0)
            I64DivURI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] % imm as i64 (signed; imm is neither 0 nor -1)
            I64RemSRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] % imm as i64 as u64 (unsigned; imm is not 0)
            I64RemURI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] & imm as i64
            I64AndRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] | imm as i64
            I64OrRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] ^ imm as i64
            I64XorRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] << (imm % 64) (i64)
            I64ShlRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] >> (imm % 64) (i64, arithmetic)
            I64ShrSRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\] >> (imm % 64) (i64, logical)
            I64ShrURI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\].rotate_left(imm) (i64)
            I64RotlRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = r\[lhs\].rotate_right(imm) (i64)
            I64RotrRI { dst: W(I64), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] == imm as i64)
            I64EqRI { dst: W(I32), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] != imm as i64)
            I64NeRI { dst: W(I32), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] < imm as i64) (signed)
            I64LtSRI { dst: W(I32), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] < imm as i64 as u64) (unsigned)
            I64LtURI { dst: W(I32), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] > imm as i64) (signed)
            I64GtSRI { dst: W(I32), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] > imm as i64 as u64) (unsigned)
            I64GtURI { dst: W(I32), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] <= imm as i64) (signed)
            I64LeSRI { dst: W(I32), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] <= imm as i64 as u64) (unsigned)
            I64LeURI { dst: W(I32), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] >= imm as i64) (signed)
            I64GeSRI { dst: W(I32), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] >= imm as i64 as u64) (unsigned)
            I64GeURI { dst: W(I32), lhs: R(I64) @1, imm: Imm(i32) } -> Next, Int,

            // ---- wide arithmetic (128-bit values as a low and a high i64) ----
            // `i64.add128` and `i64.sub128` take four operands and give two results: the
            // translator emits the high half first (`I64Add128Hi`, which still reads the low
            // halves) into a register neither low half lives in, then the low half as a plain
            // `I64AddRR`/`I64SubRR`.
            /// r\[dst\] = high 64 bits of (r\[lhs_hi\]:r\[lhs_lo\] + r\[rhs_hi\]:r\[rhs_lo\]) (wrapping)
            I64Add128Hi { dst: W(I64), lhs_lo: R(I64), lhs_hi: R(I64) @1, rhs_lo: R(I64), rhs_hi: R(I64) @2 } -> Next, Int,
            /// r\[dst\] = high 64 bits of (r\[lhs_hi\]:r\[lhs_lo\] - r\[rhs_hi\]:r\[rhs_lo\]) (wrapping)
            I64Sub128Hi { dst: W(I64), lhs_lo: R(I64), lhs_hi: R(I64) @1, rhs_lo: R(I64), rhs_hi: R(I64) @2 } -> Next, Int,
            /// (r\[dst_lo\], r\[dst_hi\]) = r\[lhs\] as i64 as i128 * r\[rhs\] as i64 as i128 (both read before either is written)
            I64MulWideS { dst_lo: W(I64), dst_hi: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,
            /// (r\[dst_lo\], r\[dst_hi\]) = r\[lhs\] as u128 * r\[rhs\] as u128 (both read before either is written)
            I64MulWideU { dst_lo: W(I64), dst_hi: W(I64), lhs: R(I64) @1, rhs: R(I64) @2 } -> Next, Int,

            // ---- f32 arithmetic ----
            /// r\[dst\] = r\[lhs\] + r\[rhs\] (f32)
            F32Add { dst: W(F32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] - r\[rhs\] (f32)
            F32Sub { dst: W(F32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] * r\[rhs\] (f32)
            F32Mul { dst: W(F32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (f32)
            F32Div { dst: W(F32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = min(r\[lhs\], r\[rhs\]) (f32, Wasm NaN and zero rules)
            F32Min { dst: W(F32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = max(r\[lhs\], r\[rhs\]) (f32, Wasm NaN and zero rules)
            F32Max { dst: W(F32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = r\[lhs\].copysign(r\[rhs\]) (f32)
            F32Copysign { dst: W(F32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] == r\[rhs\]) (f32)
            F32Eq { dst: W(I32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] != r\[rhs\]) (f32)
            F32Ne { dst: W(I32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (f32)
            F32Lt { dst: W(I32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (f32)
            F32Gt { dst: W(I32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (f32)
            F32Le { dst: W(I32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (f32)
            F32Ge { dst: W(I32), lhs: R(F32) @1, rhs: R(F32) @2 } -> Next, Int,
            /// r\[dst\] = |r\[src\]| (f32)
            F32Abs { dst: W(F32), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = -r\[src\] (f32)
            F32Neg { dst: W(F32), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = ceil(r\[src\]) (f32)
            F32Ceil { dst: W(F32), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = floor(r\[src\]) (f32)
            F32Floor { dst: W(F32), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = trunc(r\[src\]) (f32)
            F32Trunc { dst: W(F32), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = round-half-even(r\[src\]) (f32)
            F32Nearest { dst: W(F32), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = sqrt(r\[src\]) (f32)
            F32Sqrt { dst: W(F32), src: R(F32) @1 } -> Next, Int,

            // ---- f64 arithmetic ----
            /// r\[dst\] = r\[lhs\] + r\[rhs\] (f64)
            F64Add { dst: W(F64), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Float,
            /// r\[dst\] = r\[lhs\] - r\[rhs\] (f64)
            F64Sub { dst: W(F64), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Float,
            /// r\[dst\] = r\[lhs\] * r\[rhs\] (f64)
            F64Mul { dst: W(F64), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Float,
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (f64)
            F64Div { dst: W(F64), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Float,
            /// r\[dst\] = min(r\[lhs\], r\[rhs\]) (f64, Wasm NaN and zero rules)
            F64Min { dst: W(F64), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Float,
            /// r\[dst\] = max(r\[lhs\], r\[rhs\]) (f64, Wasm NaN and zero rules)
            F64Max { dst: W(F64), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Float,
            /// r\[dst\] = r\[lhs\].copysign(r\[rhs\]) (f64)
            F64Copysign { dst: W(F64), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] == r\[rhs\]) (f64)
            F64Eq { dst: W(I32), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] != r\[rhs\]) (f64)
            F64Ne { dst: W(I32), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (f64)
            F64Lt { dst: W(I32), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (f64)
            F64Gt { dst: W(I32), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (f64)
            F64Le { dst: W(I32), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Int,
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (f64)
            F64Ge { dst: W(I32), lhs: R(F64) @1, rhs: R(F64) @2 } -> Next, Int,
            /// r\[dst\] = |r\[src\]| (f64)
            F64Abs { dst: W(F64), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = -r\[src\] (f64)
            F64Neg { dst: W(F64), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = ceil(r\[src\]) (f64)
            F64Ceil { dst: W(F64), src: R(F64) @1 } -> Next, Float,
            /// r\[dst\] = floor(r\[src\]) (f64)
            F64Floor { dst: W(F64), src: R(F64) @1 } -> Next, Float,
            /// r\[dst\] = trunc(r\[src\]) (f64)
            F64Trunc { dst: W(F64), src: R(F64) @1 } -> Next, Float,
            /// r\[dst\] = round-half-even(r\[src\]) (f64)
            F64Nearest { dst: W(F64), src: R(F64) @1 } -> Next, Float,
            /// r\[dst\] = sqrt(r\[src\]) (f64)
            F64Sqrt { dst: W(F64), src: R(F64) @1 } -> Next, Float,

            // ---- conversions ----
            /// r\[dst\] = trunc(r\[src\] as f32) as i32 (traps on NaN and overflow)
            I32TruncF32S { dst: W(I32), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = trunc(r\[src\] as f32) as u32 (traps on NaN and overflow)
            I32TruncF32U { dst: W(I32), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = trunc(r\[src\] as f64) as i32 (traps on NaN and overflow)
            I32TruncF64S { dst: W(I32), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = trunc(r\[src\] as f64) as u32 (traps on NaN and overflow)
            I32TruncF64U { dst: W(I32), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = trunc(r\[src\] as f32) as i64 (traps on NaN and overflow)
            I64TruncF32S { dst: W(I64), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = trunc(r\[src\] as f32) as u64 (traps on NaN and overflow)
            I64TruncF32U { dst: W(I64), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = trunc(r\[src\] as f64) as i64 (traps on NaN and overflow)
            I64TruncF64S { dst: W(I64), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = trunc(r\[src\] as f64) as u64 (traps on NaN and overflow)
            I64TruncF64U { dst: W(I64), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as f32 as i32 (saturating)
            I32TruncSatF32S { dst: W(I32), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as f32 as u32 (saturating)
            I32TruncSatF32U { dst: W(I32), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as f64 as i32 (saturating)
            I32TruncSatF64S { dst: W(I32), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as f64 as u32 (saturating)
            I32TruncSatF64U { dst: W(I32), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as f32 as i64 (saturating)
            I64TruncSatF32S { dst: W(I64), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as f32 as u64 (saturating)
            I64TruncSatF32U { dst: W(I64), src: R(F32) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as f64 as i64 (saturating)
            I64TruncSatF64S { dst: W(I64), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as f64 as u64 (saturating)
            I64TruncSatF64U { dst: W(I64), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as i32 as f32
            F32ConvertI32S { dst: W(F32), src: R(I32) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as u32 as f32
            F32ConvertI32U { dst: W(F32), src: R(I32) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as i64 as f32
            F32ConvertI64S { dst: W(F32), src: R(I64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as u64 as f32
            F32ConvertI64U { dst: W(F32), src: R(I64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as f64 as f32
            F32DemoteF64 { dst: W(F32), src: R(F64) @1 } -> Next, Int,
            /// r\[dst\] = r\[src\] as i32 as f64
            F64ConvertI32S { dst: W(F64), src: R(I32) @1 } -> Next, Float,
            /// r\[dst\] = r\[src\] as u32 as f64
            F64ConvertI32U { dst: W(F64), src: R(I32) @1 } -> Next, Float,
            /// r\[dst\] = r\[src\] as i64 as f64
            F64ConvertI64S { dst: W(F64), src: R(I64) @1 } -> Next, Float,
            /// r\[dst\] = r\[src\] as u64 as f64
            F64ConvertI64U { dst: W(F64), src: R(I64) @1 } -> Next, Float,
            /// r\[dst\] = r\[src\] as f32 as f64
            F64PromoteF32 { dst: W(F64), src: R(F32) @1 } -> Next, Float,

            // ---- SIMD (fixed-width, `v128`) ----
            // A `V128` register is two adjacent cells: the low half (lanes of the low 8 bytes) in
            // the register named, the high half in the next one. The lane semantics are those of
            // the named Wasm instruction, written once in `exec/simd.rs`. These instructions have
            // no accumulator variants (no `@1`/`@2`). Memory forms work on a 32-bit memory 0; a
            // 64-bit memory 0 has the `…A64` forms of `v128.load` and `v128.store`; every other
            // SIMD access is translated to `MemoryLoadAt`/`MemoryStoreAt` plus lane instructions.
            /// r\[dst\] = r\[src\] (both cells of a `v128`)
            CopyV128 { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = if r\[cond\] as i32 != 0 { r\[a\] } else { r\[b\] } (`v128`s)
            SelectV128 { dst: W(V128), cond: R(I32), a: R(V128), b: R(V128) } -> Next, Lost,
            /// r\[dst\] = mem\[ea..ea + 16\] (64-bit address, as `I32LoadA64`)
            V128LoadA64 { dst: W(V128), ptr: R(I64), offset: Imm(u32) } -> Next, Lost,
            /// mem\[ea..ea + 16\] = r\[val\] (64-bit address, as `I32StoreA64`)
            V128StoreA64 { ptr: R(I64), val: R(V128), offset: Imm(u32) } -> Next, Keep,
            /// r\[dst\] = v128.not(r\[src\])
            V128Not { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = v128.and(r\[lhs\], r\[rhs\])
            V128And { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = v128.andnot(r\[lhs\], r\[rhs\])
            V128AndNot { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = v128.or(r\[lhs\], r\[rhs\])
            V128Or { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = v128.xor(r\[lhs\], r\[rhs\])
            V128Xor { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = v128.bitselect(r\[a\], r\[b\], r\[c\]) (also the four `relaxed_laneselect`s)
            V128Bitselect { dst: W(V128), a: R(V128), b: R(V128), c: R(V128) } -> Next, Lost,
            /// r\[dst\] = v128.any_true(r\[src\])
            V128AnyTrue { dst: W(I32), src: R(V128) } -> Next, Int,
            /// r\[dst\] = i8x16.add(r\[lhs\], r\[rhs\])
            I8x16Add { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.sub(r\[lhs\], r\[rhs\])
            I8x16Sub { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.neg(r\[src\])
            I8x16Neg { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.abs(r\[src\])
            I8x16Abs { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.eq(r\[lhs\], r\[rhs\])
            I8x16Eq { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.ne(r\[lhs\], r\[rhs\])
            I8x16Ne { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.lt_s(r\[lhs\], r\[rhs\])
            I8x16LtS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.lt_u(r\[lhs\], r\[rhs\])
            I8x16LtU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.gt_s(r\[lhs\], r\[rhs\])
            I8x16GtS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.gt_u(r\[lhs\], r\[rhs\])
            I8x16GtU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.le_s(r\[lhs\], r\[rhs\])
            I8x16LeS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.le_u(r\[lhs\], r\[rhs\])
            I8x16LeU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.ge_s(r\[lhs\], r\[rhs\])
            I8x16GeS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.ge_u(r\[lhs\], r\[rhs\])
            I8x16GeU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.shl(r\[lhs\], r\[rhs\] as u32)
            I8x16Shl { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i8x16.shr_s(r\[lhs\], r\[rhs\] as u32)
            I8x16ShrS { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i8x16.shr_u(r\[lhs\], r\[rhs\] as u32)
            I8x16ShrU { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i8x16.all_true(r\[src\])
            I8x16AllTrue { dst: W(I32), src: R(V128) } -> Next, Int,
            /// r\[dst\] = i8x16.bitmask(r\[src\])
            I8x16Bitmask { dst: W(I32), src: R(V128) } -> Next, Int,
            /// r\[dst\] = i8x16.splat(r\[src\])
            I8x16Splat { dst: W(V128), src: R(I32) } -> Next, Lost,
            /// r\[dst\] = i8x16.min_s(r\[lhs\], r\[rhs\])
            I8x16MinS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.min_u(r\[lhs\], r\[rhs\])
            I8x16MinU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.max_s(r\[lhs\], r\[rhs\])
            I8x16MaxS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.max_u(r\[lhs\], r\[rhs\])
            I8x16MaxU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.add_sat_s(r\[lhs\], r\[rhs\])
            I8x16AddSatS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.add_sat_u(r\[lhs\], r\[rhs\])
            I8x16AddSatU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.sub_sat_s(r\[lhs\], r\[rhs\])
            I8x16SubSatS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.sub_sat_u(r\[lhs\], r\[rhs\])
            I8x16SubSatU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.avgr_u(r\[lhs\], r\[rhs\])
            I8x16AvgrU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.extract_lane_s(r\[src\], lane)
            I8x16ExtractLaneS { dst: W(I32), src: R(V128), lane: Imm(u16) } -> Next, Int,
            /// r\[dst\] = i8x16.extract_lane_u(r\[src\], lane)
            I8x16ExtractLaneU { dst: W(I32), src: R(V128), lane: Imm(u16) } -> Next, Int,
            /// r\[dst\] = i8x16.replace_lane(r\[src\], lane, r\[val\])
            I8x16ReplaceLane { dst: W(V128), src: R(V128), val: R(I32), lane: Imm(u16) } -> Next, Lost,
            /// r\[dst\] = i16x8.add(r\[lhs\], r\[rhs\])
            I16x8Add { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.sub(r\[lhs\], r\[rhs\])
            I16x8Sub { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.mul(r\[lhs\], r\[rhs\])
            I16x8Mul { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.neg(r\[src\])
            I16x8Neg { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.abs(r\[src\])
            I16x8Abs { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.eq(r\[lhs\], r\[rhs\])
            I16x8Eq { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.ne(r\[lhs\], r\[rhs\])
            I16x8Ne { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.lt_s(r\[lhs\], r\[rhs\])
            I16x8LtS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.lt_u(r\[lhs\], r\[rhs\])
            I16x8LtU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.gt_s(r\[lhs\], r\[rhs\])
            I16x8GtS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.gt_u(r\[lhs\], r\[rhs\])
            I16x8GtU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.le_s(r\[lhs\], r\[rhs\])
            I16x8LeS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.le_u(r\[lhs\], r\[rhs\])
            I16x8LeU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.ge_s(r\[lhs\], r\[rhs\])
            I16x8GeS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.ge_u(r\[lhs\], r\[rhs\])
            I16x8GeU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.shl(r\[lhs\], r\[rhs\] as u32)
            I16x8Shl { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i16x8.shr_s(r\[lhs\], r\[rhs\] as u32)
            I16x8ShrS { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i16x8.shr_u(r\[lhs\], r\[rhs\] as u32)
            I16x8ShrU { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i16x8.all_true(r\[src\])
            I16x8AllTrue { dst: W(I32), src: R(V128) } -> Next, Int,
            /// r\[dst\] = i16x8.bitmask(r\[src\])
            I16x8Bitmask { dst: W(I32), src: R(V128) } -> Next, Int,
            /// r\[dst\] = i16x8.splat(r\[src\])
            I16x8Splat { dst: W(V128), src: R(I32) } -> Next, Lost,
            /// r\[dst\] = i16x8.min_s(r\[lhs\], r\[rhs\])
            I16x8MinS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.min_u(r\[lhs\], r\[rhs\])
            I16x8MinU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.max_s(r\[lhs\], r\[rhs\])
            I16x8MaxS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.max_u(r\[lhs\], r\[rhs\])
            I16x8MaxU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.add_sat_s(r\[lhs\], r\[rhs\])
            I16x8AddSatS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.add_sat_u(r\[lhs\], r\[rhs\])
            I16x8AddSatU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.sub_sat_s(r\[lhs\], r\[rhs\])
            I16x8SubSatS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.sub_sat_u(r\[lhs\], r\[rhs\])
            I16x8SubSatU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.avgr_u(r\[lhs\], r\[rhs\])
            I16x8AvgrU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extract_lane_s(r\[src\], lane)
            I16x8ExtractLaneS { dst: W(I32), src: R(V128), lane: Imm(u16) } -> Next, Int,
            /// r\[dst\] = i16x8.extract_lane_u(r\[src\], lane)
            I16x8ExtractLaneU { dst: W(I32), src: R(V128), lane: Imm(u16) } -> Next, Int,
            /// r\[dst\] = i16x8.replace_lane(r\[src\], lane, r\[val\])
            I16x8ReplaceLane { dst: W(V128), src: R(V128), val: R(I32), lane: Imm(u16) } -> Next, Lost,
            /// r\[dst\] = i32x4.add(r\[lhs\], r\[rhs\])
            I32x4Add { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.sub(r\[lhs\], r\[rhs\])
            I32x4Sub { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.mul(r\[lhs\], r\[rhs\])
            I32x4Mul { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.neg(r\[src\])
            I32x4Neg { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.abs(r\[src\])
            I32x4Abs { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.eq(r\[lhs\], r\[rhs\])
            I32x4Eq { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.ne(r\[lhs\], r\[rhs\])
            I32x4Ne { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.lt_s(r\[lhs\], r\[rhs\])
            I32x4LtS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.lt_u(r\[lhs\], r\[rhs\])
            I32x4LtU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.gt_s(r\[lhs\], r\[rhs\])
            I32x4GtS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.gt_u(r\[lhs\], r\[rhs\])
            I32x4GtU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.le_s(r\[lhs\], r\[rhs\])
            I32x4LeS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.le_u(r\[lhs\], r\[rhs\])
            I32x4LeU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.ge_s(r\[lhs\], r\[rhs\])
            I32x4GeS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.ge_u(r\[lhs\], r\[rhs\])
            I32x4GeU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.shl(r\[lhs\], r\[rhs\] as u32)
            I32x4Shl { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i32x4.shr_s(r\[lhs\], r\[rhs\] as u32)
            I32x4ShrS { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i32x4.shr_u(r\[lhs\], r\[rhs\] as u32)
            I32x4ShrU { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i32x4.all_true(r\[src\])
            I32x4AllTrue { dst: W(I32), src: R(V128) } -> Next, Int,
            /// r\[dst\] = i32x4.bitmask(r\[src\])
            I32x4Bitmask { dst: W(I32), src: R(V128) } -> Next, Int,
            /// r\[dst\] = i32x4.splat(r\[src\]) (also `f32x4.splat`)
            I32x4Splat { dst: W(V128), src: R(I32) } -> Next, Lost,
            /// r\[dst\] = i32x4.min_s(r\[lhs\], r\[rhs\])
            I32x4MinS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.min_u(r\[lhs\], r\[rhs\])
            I32x4MinU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.max_s(r\[lhs\], r\[rhs\])
            I32x4MaxS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.max_u(r\[lhs\], r\[rhs\])
            I32x4MaxU { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extract_lane(r\[src\], lane) (also `f32x4.extract_lane`)
            I32x4ExtractLane { dst: W(I32), src: R(V128), lane: Imm(u16) } -> Next, Int,
            /// r\[dst\] = i32x4.replace_lane(r\[src\], lane, r\[val\]) (also `f32x4.replace_lane`)
            I32x4ReplaceLane { dst: W(V128), src: R(V128), val: R(I32), lane: Imm(u16) } -> Next, Lost,
            /// r\[dst\] = i64x2.add(r\[lhs\], r\[rhs\])
            I64x2Add { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.sub(r\[lhs\], r\[rhs\])
            I64x2Sub { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.mul(r\[lhs\], r\[rhs\])
            I64x2Mul { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.neg(r\[src\])
            I64x2Neg { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.abs(r\[src\])
            I64x2Abs { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.eq(r\[lhs\], r\[rhs\])
            I64x2Eq { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.ne(r\[lhs\], r\[rhs\])
            I64x2Ne { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.lt_s(r\[lhs\], r\[rhs\])
            I64x2LtS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.gt_s(r\[lhs\], r\[rhs\])
            I64x2GtS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.le_s(r\[lhs\], r\[rhs\])
            I64x2LeS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.ge_s(r\[lhs\], r\[rhs\])
            I64x2GeS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.shl(r\[lhs\], r\[rhs\] as u32)
            I64x2Shl { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i64x2.shr_s(r\[lhs\], r\[rhs\] as u32)
            I64x2ShrS { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i64x2.shr_u(r\[lhs\], r\[rhs\] as u32)
            I64x2ShrU { dst: W(V128), lhs: R(V128), rhs: R(I32) } -> Next, Lost,
            /// r\[dst\] = i64x2.all_true(r\[src\])
            I64x2AllTrue { dst: W(I32), src: R(V128) } -> Next, Int,
            /// r\[dst\] = i64x2.bitmask(r\[src\])
            I64x2Bitmask { dst: W(I32), src: R(V128) } -> Next, Int,
            /// r\[dst\] = i64x2.splat(r\[src\]) (also `f64x2.splat`)
            I64x2Splat { dst: W(V128), src: R(I64) } -> Next, Lost,
            /// r\[dst\] = i64x2.extract_lane(r\[src\], lane) (also `f64x2.extract_lane`)
            I64x2ExtractLane { dst: W(I64), src: R(V128), lane: Imm(u16) } -> Next, Int,
            /// r\[dst\] = i64x2.replace_lane(r\[src\], lane, r\[val\]) (also `f64x2.replace_lane`)
            I64x2ReplaceLane { dst: W(V128), src: R(V128), val: R(I64), lane: Imm(u16) } -> Next, Lost,
            /// r\[dst\] = i8x16.popcnt(r\[src\])
            I8x16Popcnt { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.q15mulr_sat_s(r\[lhs\], r\[rhs\]) (also `i16x8.relaxed_q15mulr_s`)
            I16x8Q15mulrSatS { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.dot_i16x8_s(r\[lhs\], r\[rhs\])
            I32x4DotI16x8S { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.relaxed_dot_i8x16_i7x16_s(r\[lhs\], r\[rhs\]), deterministic: both operands signed, each pair of products added with i16 saturation
            I16x8RelaxedDotI8x16I7x16S { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.relaxed_dot_i8x16_i7x16_add_s(r\[a\], r\[b\], r\[c\]): the i16x8 relaxed dot of r\[a\] and r\[b\], pairs added into i32 lanes, plus r\[c\] (wrapping)
            I32x4RelaxedDotI8x16I7x16AddS { dst: W(V128), a: R(V128), b: R(V128), c: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.narrow_i16x8_s(r\[lhs\], r\[rhs\])
            I8x16NarrowI16x8S { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.narrow_i16x8_u(r\[lhs\], r\[rhs\])
            I8x16NarrowI16x8U { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.narrow_i32x4_s(r\[lhs\], r\[rhs\])
            I16x8NarrowI32x4S { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.narrow_i32x4_u(r\[lhs\], r\[rhs\])
            I16x8NarrowI32x4U { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extend_low_i8x16_s(r\[src\])
            I16x8ExtendLowI8x16S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extmul_low_i8x16_s(r\[lhs\], r\[rhs\])
            I16x8ExtmulLowI8x16S { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extend_high_i8x16_s(r\[src\])
            I16x8ExtendHighI8x16S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extmul_high_i8x16_s(r\[lhs\], r\[rhs\])
            I16x8ExtmulHighI8x16S { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extadd_pairwise_i8x16_s(r\[src\])
            I16x8ExtaddPairwiseI8x16S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extend_low_i8x16_u(r\[src\])
            I16x8ExtendLowI8x16U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extmul_low_i8x16_u(r\[lhs\], r\[rhs\])
            I16x8ExtmulLowI8x16U { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extend_high_i8x16_u(r\[src\])
            I16x8ExtendHighI8x16U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extmul_high_i8x16_u(r\[lhs\], r\[rhs\])
            I16x8ExtmulHighI8x16U { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i16x8.extadd_pairwise_i8x16_u(r\[src\])
            I16x8ExtaddPairwiseI8x16U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extend_low_i16x8_s(r\[src\])
            I32x4ExtendLowI16x8S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extmul_low_i16x8_s(r\[lhs\], r\[rhs\])
            I32x4ExtmulLowI16x8S { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extend_high_i16x8_s(r\[src\])
            I32x4ExtendHighI16x8S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extmul_high_i16x8_s(r\[lhs\], r\[rhs\])
            I32x4ExtmulHighI16x8S { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extadd_pairwise_i16x8_s(r\[src\])
            I32x4ExtaddPairwiseI16x8S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extend_low_i16x8_u(r\[src\])
            I32x4ExtendLowI16x8U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extmul_low_i16x8_u(r\[lhs\], r\[rhs\])
            I32x4ExtmulLowI16x8U { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extend_high_i16x8_u(r\[src\])
            I32x4ExtendHighI16x8U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extmul_high_i16x8_u(r\[lhs\], r\[rhs\])
            I32x4ExtmulHighI16x8U { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.extadd_pairwise_i16x8_u(r\[src\])
            I32x4ExtaddPairwiseI16x8U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.extend_low_i32x4_s(r\[src\])
            I64x2ExtendLowI32x4S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.extmul_low_i32x4_s(r\[lhs\], r\[rhs\])
            I64x2ExtmulLowI32x4S { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.extend_high_i32x4_s(r\[src\])
            I64x2ExtendHighI32x4S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.extmul_high_i32x4_s(r\[lhs\], r\[rhs\])
            I64x2ExtmulHighI32x4S { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.extend_low_i32x4_u(r\[src\])
            I64x2ExtendLowI32x4U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.extmul_low_i32x4_u(r\[lhs\], r\[rhs\])
            I64x2ExtmulLowI32x4U { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.extend_high_i32x4_u(r\[src\])
            I64x2ExtendHighI32x4U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i64x2.extmul_high_i32x4_u(r\[lhs\], r\[rhs\])
            I64x2ExtmulHighI32x4U { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.shuffle(r\[lhs\], r\[rhs\]) with the lane indices of r\[mask\] (a constant)
            I8x16Shuffle { dst: W(V128), lhs: R(V128), rhs: R(V128), mask: R(V128) } -> Next, Lost,
            /// r\[dst\] = i8x16.swizzle(r\[lhs\], r\[rhs\]) (also `i8x16.relaxed_swizzle`)
            I8x16Swizzle { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.add(r\[lhs\], r\[rhs\])
            F32x4Add { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.sub(r\[lhs\], r\[rhs\])
            F32x4Sub { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.mul(r\[lhs\], r\[rhs\])
            F32x4Mul { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.div(r\[lhs\], r\[rhs\])
            F32x4Div { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.min(r\[lhs\], r\[rhs\]) (also `f32x4.relaxed_min`)
            F32x4Min { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.max(r\[lhs\], r\[rhs\]) (also `f32x4.relaxed_max`)
            F32x4Max { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.pmin(r\[lhs\], r\[rhs\])
            F32x4Pmin { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.pmax(r\[lhs\], r\[rhs\])
            F32x4Pmax { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.eq(r\[lhs\], r\[rhs\])
            F32x4Eq { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.ne(r\[lhs\], r\[rhs\])
            F32x4Ne { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.lt(r\[lhs\], r\[rhs\])
            F32x4Lt { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.gt(r\[lhs\], r\[rhs\])
            F32x4Gt { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.le(r\[lhs\], r\[rhs\])
            F32x4Le { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.ge(r\[lhs\], r\[rhs\])
            F32x4Ge { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.abs(r\[src\])
            F32x4Abs { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.neg(r\[src\])
            F32x4Neg { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.sqrt(r\[src\])
            F32x4Sqrt { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.ceil(r\[src\])
            F32x4Ceil { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.floor(r\[src\])
            F32x4Floor { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.trunc(r\[src\])
            F32x4Trunc { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.nearest(r\[src\])
            F32x4Nearest { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.relaxed_madd(r\[a\], r\[b\], r\[c\]), deterministic: unfused, `a * b` rounded, then `+ c` rounded
            F32x4RelaxedMadd { dst: W(V128), a: R(V128), b: R(V128), c: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.relaxed_nmadd(r\[a\], r\[b\], r\[c\]), deterministic: unfused, `-a * b` rounded, then `+ c` rounded
            F32x4RelaxedNmadd { dst: W(V128), a: R(V128), b: R(V128), c: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.add(r\[lhs\], r\[rhs\])
            F64x2Add { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.sub(r\[lhs\], r\[rhs\])
            F64x2Sub { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.mul(r\[lhs\], r\[rhs\])
            F64x2Mul { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.div(r\[lhs\], r\[rhs\])
            F64x2Div { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.min(r\[lhs\], r\[rhs\]) (also `f64x2.relaxed_min`)
            F64x2Min { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.max(r\[lhs\], r\[rhs\]) (also `f64x2.relaxed_max`)
            F64x2Max { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.pmin(r\[lhs\], r\[rhs\])
            F64x2Pmin { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.pmax(r\[lhs\], r\[rhs\])
            F64x2Pmax { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.eq(r\[lhs\], r\[rhs\])
            F64x2Eq { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.ne(r\[lhs\], r\[rhs\])
            F64x2Ne { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.lt(r\[lhs\], r\[rhs\])
            F64x2Lt { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.gt(r\[lhs\], r\[rhs\])
            F64x2Gt { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.le(r\[lhs\], r\[rhs\])
            F64x2Le { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.ge(r\[lhs\], r\[rhs\])
            F64x2Ge { dst: W(V128), lhs: R(V128), rhs: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.abs(r\[src\])
            F64x2Abs { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.neg(r\[src\])
            F64x2Neg { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.sqrt(r\[src\])
            F64x2Sqrt { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.ceil(r\[src\])
            F64x2Ceil { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.floor(r\[src\])
            F64x2Floor { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.trunc(r\[src\])
            F64x2Trunc { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.nearest(r\[src\])
            F64x2Nearest { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.relaxed_madd(r\[a\], r\[b\], r\[c\]), deterministic: unfused, `a * b` rounded, then `+ c` rounded
            F64x2RelaxedMadd { dst: W(V128), a: R(V128), b: R(V128), c: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.relaxed_nmadd(r\[a\], r\[b\], r\[c\]), deterministic: unfused, `-a * b` rounded, then `+ c` rounded
            F64x2RelaxedNmadd { dst: W(V128), a: R(V128), b: R(V128), c: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.trunc_sat_f32x4_s(r\[src\]) (also `i32x4.relaxed_trunc_f32x4_s`)
            I32x4TruncSatF32x4S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.trunc_sat_f32x4_u(r\[src\]) (also `i32x4.relaxed_trunc_f32x4_u`)
            I32x4TruncSatF32x4U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.convert_i32x4_s(r\[src\])
            F32x4ConvertI32x4S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.convert_i32x4_u(r\[src\])
            F32x4ConvertI32x4U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.trunc_sat_f64x2_s_zero(r\[src\]) (also `i32x4.relaxed_trunc_f64x2_s_zero`)
            I32x4TruncSatF64x2SZero { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = i32x4.trunc_sat_f64x2_u_zero(r\[src\]) (also `i32x4.relaxed_trunc_f64x2_u_zero`)
            I32x4TruncSatF64x2UZero { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.convert_low_i32x4_s(r\[src\])
            F64x2ConvertLowI32x4S { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.convert_low_i32x4_u(r\[src\])
            F64x2ConvertLowI32x4U { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f32x4.demote_f64x2_zero(r\[src\])
            F32x4DemoteF64x2Zero { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = f64x2.promote_low_f32x4(r\[src\])
            F64x2PromoteLowF32x4 { dst: W(V128), src: R(V128) } -> Next, Lost,
            /// r\[dst\] = v128.load of mem\[ea..ea + 16\]
            V128Load { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load8x8_s of mem\[ea..ea + 8\]
            V128Load8x8S { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load8x8_u of mem\[ea..ea + 8\]
            V128Load8x8U { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load16x4_s of mem\[ea..ea + 8\]
            V128Load16x4S { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load16x4_u of mem\[ea..ea + 8\]
            V128Load16x4U { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load32x2_s of mem\[ea..ea + 8\]
            V128Load32x2S { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load32x2_u of mem\[ea..ea + 8\]
            V128Load32x2U { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load8_splat of mem\[ea..ea + 1\]
            V128Load8Splat { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load16_splat of mem\[ea..ea + 2\]
            V128Load16Splat { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load32_splat of mem\[ea..ea + 4\]
            V128Load32Splat { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load64_splat of mem\[ea..ea + 8\]
            V128Load64Splat { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load32_zero of mem\[ea..ea + 4\]
            V128Load32Zero { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// r\[dst\] = v128.load64_zero of mem\[ea..ea + 8\]
            V128Load64Zero { dst: W(V128), ptr: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// mem\[ea..ea + 16\] = r\[val\]
            V128Store { ptr: R(I32), val: R(V128), offset: Imm(u32) } -> Next, Keep,
            /// r\[dst\] = v128.load of mem\[ea..ea + 16\], `ea = (r\[ptr\] + imm) as u32` (an
            /// address add joined with the load)
            V128LoadRI { dst: W(V128), ptr: R(I32), imm: Imm(i32) } -> Next, Lost,
            /// r\[dst\] = v128.load of mem\[ea..ea + 16\], `ea = (r\[ptr\] + r\[idx\]) as u32 + offset`
            V128LoadRR { dst: W(V128), ptr: R(I32), idx: R(I32), offset: Imm(u32) } -> Next, Lost,
            /// mem\[ea..ea + 16\] = r\[val\], `ea = (r\[ptr\] + imm) as u32`
            V128StoreRI { ptr: R(I32), val: R(V128), imm: Imm(i32) } -> Next, Keep,
            /// mem\[ea..ea + 16\] = r\[val\], `ea = (r\[ptr\] + r\[idx\]) as u32 + offset`
            V128StoreRR { ptr: R(I32), idx: R(I32), val: R(V128), offset: Imm(u32) } -> Next, Keep,
            /// r\[dst\] = r\[vec\] with lane `lane` = mem\[ea..ea + 1\] (`ea = r\[ptr\] as u32 + r\[offset\]`, a constant)
            V128Load8Lane { dst: W(V128), ptr: R(I32), vec: R(V128), offset: R(I64), lane: Imm(u16) } -> Next, Lost,
            /// mem\[ea..ea + 1\] = lane `lane` of r\[vec\]
            V128Store8Lane { ptr: R(I32), vec: R(V128), lane: Imm(u16), offset: Imm(u32) } -> Next, Keep,
            /// r\[dst\] = r\[vec\] with lane `lane` = mem\[ea..ea + 2\] (`ea = r\[ptr\] as u32 + r\[offset\]`, a constant)
            V128Load16Lane { dst: W(V128), ptr: R(I32), vec: R(V128), offset: R(I64), lane: Imm(u16) } -> Next, Lost,
            /// mem\[ea..ea + 2\] = lane `lane` of r\[vec\]
            V128Store16Lane { ptr: R(I32), vec: R(V128), lane: Imm(u16), offset: Imm(u32) } -> Next, Keep,
            /// r\[dst\] = r\[vec\] with lane `lane` = mem\[ea..ea + 4\] (`ea = r\[ptr\] as u32 + r\[offset\]`, a constant)
            V128Load32Lane { dst: W(V128), ptr: R(I32), vec: R(V128), offset: R(I64), lane: Imm(u16) } -> Next, Lost,
            /// mem\[ea..ea + 4\] = lane `lane` of r\[vec\]
            V128Store32Lane { ptr: R(I32), vec: R(V128), lane: Imm(u16), offset: Imm(u32) } -> Next, Keep,
            /// r\[dst\] = r\[vec\] with lane `lane` = mem\[ea..ea + 8\] (`ea = r\[ptr\] as u32 + r\[offset\]`, a constant)
            V128Load64Lane { dst: W(V128), ptr: R(I32), vec: R(V128), offset: R(I64), lane: Imm(u16) } -> Next, Lost,
            /// mem\[ea..ea + 8\] = lane `lane` of r\[vec\]
            V128Store64Lane { ptr: R(I32), vec: R(V128), lane: Imm(u16), offset: Imm(u32) } -> Next, Keep,
        }
    };
}
