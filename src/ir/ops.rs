//! The one list of hayate's IR instructions: every other view of the instruction set is derived from it.
//!
//! Notation in the one-line docs: `r[x]` is register `x` of the current frame (an untyped 64-bit
//! cell; an `i32`/`f32` lives in its low 32 bits), `imm` an immediate operand, `pc` the index of
//! the instruction itself. `goto off` continues at `pc + off`. Names follow one grammar: type
//! prefix, operation, then the operand kinds (`RR` two registers, `RI` register and immediate).
//! Memory instructions trap when `ea = r[ptr] as u32 + offset` plus the access width exceeds the
//! memory's length.

/// Calls `$m!` with the whole instruction list.
#[macro_export]
#[doc(hidden)]
macro_rules! for_each_op {
    ($m:ident) => {
        $m! {
            // ---- control ----
            /// trap `unreachable`
            Unreachable,
            /// goto off
            Br { off: BranchOffset },
            /// if r\[cond\] as i32 != 0 { goto off }
            BrIfNez { cond: Reg, off: BranchOffset },
            /// if r\[cond\] as i32 == 0 { goto off }
            BrIfEqz { cond: Reg, off: BranchOffset },
            /// goto pc + 1 + min(r\[index\] as u32, len); the next `len + 1` instructions are `Br`s
            BrTable { index: Reg, len: u32 },
            /// return with no results
            Return,
            /// return r\[src\]
            Return1 { src: Reg },
            /// return r\[src..src + len\]
            ReturnSpan { src: Reg, len: u16 },
            /// an operand of the preceding instruction; never executed
            Imm32 { value: u32 },
            /// fuel -= amount, trap `OutOfFuel` when less is left (emitted only with fuel metering)
            ConsumeFuel { amount: u32 },
            /// trap `Interrupted` if the store's interrupt flag is set (emitted only when interruptible)
            CheckInterrupt,

            // ---- fused compare and branch ----
            /// if r\[lhs\] as i32 == r\[rhs\] as i32 { goto off }
            BrIfI32EqRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i32 != r\[rhs\] as i32 { goto off }
            BrIfI32NeRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i32 < r\[rhs\] as i32 { goto off }
            BrIfI32LtSRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as u32 < r\[rhs\] as u32 { goto off }
            BrIfI32LtURR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i32 > r\[rhs\] as i32 { goto off }
            BrIfI32GtSRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as u32 > r\[rhs\] as u32 { goto off }
            BrIfI32GtURR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i32 <= r\[rhs\] as i32 { goto off }
            BrIfI32LeSRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as u32 <= r\[rhs\] as u32 { goto off }
            BrIfI32LeURR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i32 >= r\[rhs\] as i32 { goto off }
            BrIfI32GeSRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as u32 >= r\[rhs\] as u32 { goto off }
            BrIfI32GeURR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i32 == imm { goto off }
            BrIfI32EqRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i32 != imm { goto off }
            BrIfI32NeRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i32 < imm { goto off }
            BrIfI32LtSRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as u32 < imm as u32 { goto off }
            BrIfI32LtURI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i32 > imm { goto off }
            BrIfI32GtSRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as u32 > imm as u32 { goto off }
            BrIfI32GtURI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i32 <= imm { goto off }
            BrIfI32LeSRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as u32 <= imm as u32 { goto off }
            BrIfI32LeURI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i32 >= imm { goto off }
            BrIfI32GeSRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as u32 >= imm as u32 { goto off }
            BrIfI32GeURI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i64 == r\[rhs\] as i64 { goto off }
            BrIfI64EqRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i64 != r\[rhs\] as i64 { goto off }
            BrIfI64NeRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i64 < r\[rhs\] as i64 { goto off }
            BrIfI64LtSRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] < r\[rhs\] (unsigned 64-bit) { goto off }
            BrIfI64LtURR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i64 > r\[rhs\] as i64 { goto off }
            BrIfI64GtSRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] > r\[rhs\] (unsigned 64-bit) { goto off }
            BrIfI64GtURR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i64 <= r\[rhs\] as i64 { goto off }
            BrIfI64LeSRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] <= r\[rhs\] (unsigned 64-bit) { goto off }
            BrIfI64LeURR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i64 >= r\[rhs\] as i64 { goto off }
            BrIfI64GeSRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] >= r\[rhs\] (unsigned 64-bit) { goto off }
            BrIfI64GeURR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as i64 == imm as i64 { goto off }
            BrIfI64EqRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i64 != imm as i64 { goto off }
            BrIfI64NeRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i64 < imm as i64 { goto off }
            BrIfI64LtSRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] < imm as i64 as u64 { goto off }
            BrIfI64LtURI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i64 > imm as i64 { goto off }
            BrIfI64GtSRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] > imm as i64 as u64 { goto off }
            BrIfI64GtURI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i64 <= imm as i64 { goto off }
            BrIfI64LeSRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] <= imm as i64 as u64 { goto off }
            BrIfI64LeURI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as i64 >= imm as i64 { goto off }
            BrIfI64GeSRI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] >= imm as i64 as u64 { goto off }
            BrIfI64GeURI { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] as f32 == r\[rhs\] as f32 { goto off }
            BrIfF32EqRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f32 != r\[rhs\] as f32 { goto off }
            BrIfF32NeRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f32 < r\[rhs\] as f32 { goto off }
            BrIfF32LtRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f32 > r\[rhs\] as f32 { goto off }
            BrIfF32GtRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f32 <= r\[rhs\] as f32 { goto off }
            BrIfF32LeRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f32 >= r\[rhs\] as f32 { goto off }
            BrIfF32GeRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f64 == r\[rhs\] as f64 { goto off }
            BrIfF64EqRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f64 != r\[rhs\] as f64 { goto off }
            BrIfF64NeRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f64 < r\[rhs\] as f64 { goto off }
            BrIfF64LtRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f64 > r\[rhs\] as f64 { goto off }
            BrIfF64GtRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f64 <= r\[rhs\] as f64 { goto off }
            BrIfF64LeRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] as f64 >= r\[rhs\] as f64 { goto off }
            BrIfF64GeRR { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] & r\[rhs\] (i32) != 0 { goto off }
            BrIfI32AndRRNez { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] & r\[rhs\] (i32) == 0 { goto off }
            BrIfI32AndRREqz { lhs: Reg, rhs: Reg, off: BranchOffset },
            /// if r\[lhs\] & imm (i32) != 0 { goto off }
            BrIfI32AndRINez { lhs: Reg, imm: i32, off: BranchOffset },
            /// if r\[lhs\] & imm (i32) == 0 { goto off }
            BrIfI32AndRIEqz { lhs: Reg, imm: i32, off: BranchOffset },
            // Fused load and branch on zero (`while (*p)`, `if (!node->next)`): the loaded value
            // is written to r[dst] as the load would, then tested; `ea = r[ptr] as u32 + offset`.
            /// r\[dst\] = mem.u8\[ea\]; if r\[dst\] != 0 { goto off }
            BrIfI32Load8UNez { dst: Reg, ptr: Reg, offset: u16, off: BranchOffset },
            /// r\[dst\] = mem.u8\[ea\]; if r\[dst\] == 0 { goto off }
            BrIfI32Load8UEqz { dst: Reg, ptr: Reg, offset: u16, off: BranchOffset },
            /// r\[dst\] = mem.u32\[ea\]; if r\[dst\] != 0 { goto off }
            BrIfI32LoadNez { dst: Reg, ptr: Reg, offset: u16, off: BranchOffset },
            /// r\[dst\] = mem.u32\[ea\]; if r\[dst\] == 0 { goto off }
            BrIfI32LoadEqz { dst: Reg, ptr: Reg, offset: u16, off: BranchOffset },

            // ---- fused counter step, compare and branch (loop back-edges) ----
            /// r\[reg\] += r\[by\] (i32, wrapping); if r\[reg\] as i32 != r\[rhs\] as i32 { goto off }
            I32AddBrNeRR { reg: Reg, by: Reg, rhs: Reg, off: BranchOffset },
            /// r\[reg\] += r\[by\] (i32, wrapping); if r\[reg\] as i32 < r\[rhs\] as i32 { goto off }
            I32AddBrLtSRR { reg: Reg, by: Reg, rhs: Reg, off: BranchOffset },
            /// r\[reg\] += r\[by\] (i32, wrapping); if r\[reg\] as u32 < r\[rhs\] as u32 { goto off }
            I32AddBrLtURR { reg: Reg, by: Reg, rhs: Reg, off: BranchOffset },
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as i32 != r\[rhs\] as i32 { goto off }
            I32StepBrNeRR { reg: Reg, step: i16, rhs: Reg, off: BranchOffset },
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as i32 < r\[rhs\] as i32 { goto off }
            I32StepBrLtSRR { reg: Reg, step: i16, rhs: Reg, off: BranchOffset },
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as u32 < r\[rhs\] as u32 { goto off }
            I32StepBrLtURR { reg: Reg, step: i16, rhs: Reg, off: BranchOffset },
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as i32 != imm { goto off }
            I32StepBrNeRI { reg: Reg, step: i16, imm: i16, off: BranchOffset },
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as i32 < imm { goto off }
            I32StepBrLtSRI { reg: Reg, step: i16, imm: i16, off: BranchOffset },
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as u32 < imm as u32 { goto off }
            I32StepBrLtURI { reg: Reg, step: i16, imm: i16, off: BranchOffset },
            /// r\[reg\] += step (i32, wrapping); if r\[reg\] as i32 > imm { goto off }
            I32StepBrGtSRI { reg: Reg, step: i16, imm: i16, off: BranchOffset },
            /// r\[reg\] += step (i64, wrapping); if r\[reg\] as i64 != imm { goto off }
            I64StepBrNeRI { reg: Reg, step: i16, imm: i16, off: BranchOffset },

            // ---- data movement ----
            /// r\[dst\] = r\[src\]
            Copy { dst: Reg, src: Reg },
            /// r\[dst1\] = r\[src1\]; then r\[dst2\] = r\[src2\]
            Copy2 { dst1: Reg, src1: Reg, dst2: Reg, src2: Reg },
            /// r\[dst..dst + len\] = r\[src..src + len\] (as if through a temporary)
            CopySpan { dst: Reg, src: Reg, len: u16 },
            /// r\[dst\] = value as u32 as u64 (an `i32` or the bits of an `f32`)
            I32Const { dst: Reg, value: i32 },
            /// r\[dst\] = value as i64 as u64
            I64ConstS32 { dst: Reg, value: i32 },
            /// r\[dst\] = if r\[cond\] as i32 != 0 { r\[a\] } else { r\[b\] }
            Select { dst: Reg, cond: Reg, a: Reg, b: Reg },
            /// r\[dst\] = globals\[global\]
            GlobalGet { dst: Reg, global: u32 },
            /// globals\[global\] = r\[src\]
            GlobalSet { src: Reg, global: u32 },

            // ---- calls ----
            /// call the instance's function `func` (defined in this module) with arguments r\[args..\]; results land at r\[args..\] (`frame`: the calling function's frame size, where the callee's frame starts)
            CallInternal { func: u32, args: Reg, frame: u16 },
            /// call the instance's imported function `func` with arguments r\[args..\]; results land at r\[args..\]
            CallImported { func: u32, args: Reg },
            /// call tables\[table\]\[r\[index\]\] after checking its signature is `sig`; arguments and results at r\[args..\]
            CallIndirect { index: Reg, sig: u32, args: Reg, table: u16 },
            /// r\[dst\] = reference to the instance's function `func`
            RefFunc { dst: Reg, func: u32 },

            // ---- memory ----
            /// r\[dst\] = mem.u32\[ea\] as u64 (also `f32.load`, `i64.load32_u`)
            I32Load { dst: Reg, ptr: Reg, offset: u32 },
            /// r\[dst\] = mem.u64\[ea\] (also `f64.load`)
            I64Load { dst: Reg, ptr: Reg, offset: u32 },
            /// r\[dst\] = mem.i8\[ea\] as i32 as u32 as u64
            I32Load8S { dst: Reg, ptr: Reg, offset: u32 },
            /// r\[dst\] = mem.u8\[ea\] as u64 (also `i64.load8_u`)
            I32Load8U { dst: Reg, ptr: Reg, offset: u32 },
            /// r\[dst\] = mem.i16\[ea\] as i32 as u32 as u64
            I32Load16S { dst: Reg, ptr: Reg, offset: u32 },
            /// r\[dst\] = mem.u16\[ea\] as u64 (also `i64.load16_u`)
            I32Load16U { dst: Reg, ptr: Reg, offset: u32 },
            /// r\[dst\] = mem.i8\[ea\] as i64 as u64
            I64Load8S { dst: Reg, ptr: Reg, offset: u32 },
            /// r\[dst\] = mem.i16\[ea\] as i64 as u64
            I64Load16S { dst: Reg, ptr: Reg, offset: u32 },
            /// r\[dst\] = mem.i32\[ea\] as i64 as u64
            I64Load32S { dst: Reg, ptr: Reg, offset: u32 },
            /// mem.u32\[ea\] = r\[val\] as u32 (also `f32.store`, `i64.store32`)
            I32Store { ptr: Reg, val: Reg, offset: u32 },
            /// mem.u64\[ea\] = r\[val\] (also `f64.store`)
            I64Store { ptr: Reg, val: Reg, offset: u32 },
            /// mem.u8\[ea\] = r\[val\] as u8 (also `i64.store8`)
            I32Store8 { ptr: Reg, val: Reg, offset: u32 },
            /// mem.u16\[ea\] = r\[val\] as u16 (also `i64.store16`)
            I32Store16 { ptr: Reg, val: Reg, offset: u32 },
            // Fused address computation and access (an `i32.add` computed just before the access
            // and used only by it): `ea = (r[ptr] + imm) as u32` (wrapping, as the add would) for
            // `…RI` forms (their access offset is 0), `ea = (r[ptr] + r[idx]) as u32 + offset` for
            // `…RR` forms, and with `r[idx] << shift` in place of `r[idx]` (an `I32AddShl`, array
            // indexing) for `…Shl` forms, whose offset must fit 16 bits.
            /// r\[dst\] = mem.u32\[(r\[ptr\] + imm) as u32\] as u64
            I32LoadRI { dst: Reg, ptr: Reg, imm: i32 },
            /// r\[dst\] = mem.u64\[(r\[ptr\] + imm) as u32\]
            I64LoadRI { dst: Reg, ptr: Reg, imm: i32 },
            /// r\[dst\] = mem.u8\[(r\[ptr\] + imm) as u32\] as u64
            I32Load8URI { dst: Reg, ptr: Reg, imm: i32 },
            /// r\[dst\] = mem.u32\[(r\[ptr\] + r\[idx\]) as u32 + offset\] as u64
            I32LoadRR { dst: Reg, ptr: Reg, idx: Reg, offset: u32 },
            /// r\[dst\] = mem.u64\[(r\[ptr\] + r\[idx\]) as u32 + offset\]
            I64LoadRR { dst: Reg, ptr: Reg, idx: Reg, offset: u32 },
            /// r\[dst\] = mem.u8\[(r\[ptr\] + r\[idx\]) as u32 + offset\] as u64
            I32Load8URR { dst: Reg, ptr: Reg, idx: Reg, offset: u32 },
            /// r\[dst\] = mem.u32\[(r\[ptr\] + (r\[idx\] << shift)) as u32 + offset\] as u64 (an `I32AddShl` joined)
            I32LoadShl { dst: Reg, ptr: Reg, idx: Reg, shift: u16, offset: u16 },
            /// r\[dst\] = mem.u64\[(r\[ptr\] + (r\[idx\] << shift)) as u32 + offset\]
            I64LoadShl { dst: Reg, ptr: Reg, idx: Reg, shift: u16, offset: u16 },
            /// mem.u32\[(r\[ptr\] + (r\[idx\] << shift)) as u32 + offset\] = r\[val\] as u32
            I32StoreShl { ptr: Reg, idx: Reg, val: Reg, shift: u16, offset: u16 },
            /// mem.u64\[(r\[ptr\] + (r\[idx\] << shift)) as u32 + offset\] = r\[val\]
            I64StoreShl { ptr: Reg, idx: Reg, val: Reg, shift: u16, offset: u16 },
            /// mem.u32\[(r\[ptr\] + imm) as u32\] = r\[val\] as u32
            I32StoreRI { ptr: Reg, val: Reg, imm: i32 },
            /// mem.u32\[(r\[ptr\] + r\[idx\]) as u32 + offset\] = r\[val\] as u32
            I32StoreRR { ptr: Reg, idx: Reg, val: Reg, offset: u32 },
            /// mem.u8\[(r\[ptr\] + r\[idx\]) as u32 + offset\] = r\[val\] as u8
            I32Store8RR { ptr: Reg, idx: Reg, val: Reg, offset: u32 },
            /// r\[dst\] = memory size in pages
            MemorySize { dst: Reg },
            /// r\[dst\] = old size in pages after growing by r\[delta\] pages, or -1 when refused
            MemoryGrow { dst: Reg, delta: Reg },
            /// mem\[r\[dst\]..r\[dst\] + r\[len\]\] = r\[val\] as u8
            MemoryFill { dst: Reg, val: Reg, len: Reg },
            /// mem\[r\[dst\]..r\[dst\] + r\[len\]\] = mem\[r\[src\]..r\[src\] + r\[len\]\]
            MemoryCopy { dst: Reg, src: Reg, len: Reg },
            /// mem\[r\[dst\]..r\[dst\] + r\[len\]\] = data\[data\]\[r\[src\]..r\[src\] + r\[len\]\]
            MemoryInit { dst: Reg, src: Reg, len: Reg, data: u32 },
            /// data segment `data` becomes empty
            DataDrop { data: u32 },

            // ---- tables ----
            /// r\[dst\] = tables\[table\]\[r\[index\]\]
            TableGet { dst: Reg, index: Reg, table: u32 },
            /// tables\[table\]\[r\[index\]\] = r\[val\]
            TableSet { index: Reg, val: Reg, table: u32 },
            /// r\[dst\] = size of tables\[table\]
            TableSize { dst: Reg, table: u32 },
            /// r\[dst\] = old size after growing tables\[table\] by r\[delta\] copies of r\[init\], or -1
            TableGrow { dst: Reg, init: Reg, delta: Reg, table: u32 },
            /// tables\[table\]\[r\[dst\]..r\[dst\] + r\[len\]\] = r\[val\]
            TableFill { dst: Reg, val: Reg, len: Reg, table: u32 },
            /// tables\[dst_table\]\[r\[dst\]..+r\[len\]\] = tables\[src_table\]\[r\[src\]..+r\[len\]\]
            TableCopy { dst: Reg, src: Reg, len: Reg, dst_table: u16, src_table: u16 },
            /// tables\[next Imm32\]\[r\[dst\]..+r\[len\]\] = elems\[elem\]\[r\[src\]..+r\[len\]\]
            TableInit { dst: Reg, src: Reg, len: Reg, elem: u32 },
            /// element segment `elem` becomes empty
            ElemDrop { elem: u32 },

            // ---- i32 arithmetic ----
            /// r\[dst\] = (r\[src\] as i32 == 0) as u64
            I32Eqz { dst: Reg, src: Reg },
            /// r\[dst\] = (r\[src\] as u32).leading_zeros()
            I32Clz { dst: Reg, src: Reg },
            /// r\[dst\] = (r\[src\] as u32).trailing_zeros()
            I32Ctz { dst: Reg, src: Reg },
            /// r\[dst\] = (r\[src\] as u32).count_ones()
            I32Popcnt { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as i8 as i32
            I32Extend8S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as i16 as i32
            I32Extend16S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[lhs\] + r\[rhs\] (i32, wrapping)
            I32AddRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] - r\[rhs\] (i32, wrapping)
            I32SubRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] * r\[rhs\] (i32, wrapping)
            I32MulRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (i32 signed; traps on zero and overflow)
            I32DivSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (i32 unsigned; traps on zero)
            I32DivURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] % r\[rhs\] (i32 signed; traps on zero)
            I32RemSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] % r\[rhs\] (i32 unsigned; traps on zero)
            I32RemURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] & r\[rhs\] (i32)
            I32AndRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] | r\[rhs\] (i32)
            I32OrRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] ^ r\[rhs\] (i32)
            I32XorRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] << (r\[rhs\] % 32) (i32)
            I32ShlRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] >> (r\[rhs\] % 32) (i32, arithmetic)
            I32ShrSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] >> (r\[rhs\] % 32) (i32, logical)
            I32ShrURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\].rotate_left(r\[rhs\]) (i32)
            I32RotlRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\].rotate_right(r\[rhs\]) (i32)
            I32RotrRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] == r\[rhs\]) (i32)
            I32EqRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] != r\[rhs\]) (i32)
            I32NeRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (i32 signed)
            I32LtSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (i32 unsigned)
            I32LtURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (i32 signed)
            I32GtSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (i32 unsigned)
            I32GtURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (i32 signed)
            I32LeSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (i32 unsigned)
            I32LeURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (i32 signed)
            I32GeSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (i32 unsigned)
            I32GeURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] + imm (i32, wrapping)
            I32AddRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] + (r\[idx\] << shift) (i32, wrapping; an `i32.shl` by a constant feeding an `i32.add`)
            I32AddShl { dst: Reg, lhs: Reg, idx: Reg, shift: u16 },
            /// r\[reg1\] += step1; r\[reg2\] += step2 (i32, wrapping; two counters stepped in a row)
            I32Step2 { reg1: Reg, step1: i16, reg2: Reg, step2: i16 },
            /// r\[dst\] = r\[lhs\] - imm (i32, wrapping)
            I32SubRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] * imm (i32, wrapping)
            I32MulRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] / imm (i32 signed; imm is neither 0 nor -1)
            I32DivSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] / imm (i32 unsigned; imm is not 0)
            I32DivURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] % imm (i32 signed; imm is neither 0 nor -1)
            I32RemSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] % imm (i32 unsigned; imm is not 0)
            I32RemURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] & imm (i32)
            I32AndRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] | imm (i32)
            I32OrRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] ^ imm (i32)
            I32XorRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] << (imm % 32) (i32)
            I32ShlRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] >> (imm % 32) (i32, arithmetic)
            I32ShrSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] >> (imm % 32) (i32, logical)
            I32ShrURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\].rotate_left(imm) (i32)
            I32RotlRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\].rotate_right(imm) (i32)
            I32RotrRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] == imm) (i32)
            I32EqRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] != imm) (i32)
            I32NeRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] < imm) (i32 signed)
            I32LtSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] < imm) (i32 unsigned)
            I32LtURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] > imm) (i32 signed)
            I32GtSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] > imm) (i32 unsigned)
            I32GtURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] <= imm) (i32 signed)
            I32LeSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] <= imm) (i32 unsigned)
            I32LeURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] >= imm) (i32 signed)
            I32GeSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] >= imm) (i32 unsigned)
            I32GeURI { dst: Reg, lhs: Reg, imm: i32 },

            // ---- i64 arithmetic ----
            /// r\[dst\] = (r\[src\] == 0) as u64 (also `ref.is_null`)
            I64Eqz { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\].leading_zeros()
            I64Clz { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\].trailing_zeros()
            I64Ctz { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\].count_ones()
            I64Popcnt { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as i8 as i64
            I64Extend8S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as i16 as i64
            I64Extend16S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as i32 as i64 (also `i64.extend_i32_s`)
            I64Extend32S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as u32 as u64
            I64ExtendI32U { dst: Reg, src: Reg },
            /// r\[dst\] = r\[lhs\] + r\[rhs\] (i64, wrapping)
            I64AddRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] - r\[rhs\] (i64, wrapping)
            I64SubRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] * r\[rhs\] (i64, wrapping)
            I64MulRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (i64 signed; traps on zero and overflow)
            I64DivSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (i64 unsigned; traps on zero)
            I64DivURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] % r\[rhs\] (i64 signed; traps on zero)
            I64RemSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] % r\[rhs\] (i64 unsigned; traps on zero)
            I64RemURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] & r\[rhs\] (i64)
            I64AndRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] | r\[rhs\] (i64)
            I64OrRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] ^ r\[rhs\] (i64)
            I64XorRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] << (r\[rhs\] % 64) (i64)
            I64ShlRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] >> (r\[rhs\] % 64) (i64, arithmetic)
            I64ShrSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] >> (r\[rhs\] % 64) (i64, logical)
            I64ShrURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\].rotate_left(r\[rhs\]) (i64)
            I64RotlRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\].rotate_right(r\[rhs\]) (i64)
            I64RotrRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] == r\[rhs\]) (i64)
            I64EqRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] != r\[rhs\]) (i64)
            I64NeRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (i64 signed)
            I64LtSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (i64 unsigned)
            I64LtURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (i64 signed)
            I64GtSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (i64 unsigned)
            I64GtURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (i64 signed)
            I64LeSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (i64 unsigned)
            I64LeURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (i64 signed)
            I64GeSRR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (i64 unsigned)
            I64GeURR { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] + imm as i64 (wrapping)
            I64AddRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] - imm as i64 (wrapping)
            I64SubRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] * imm as i64 (wrapping)
            I64MulRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] / imm as i64 (signed; imm is neither 0 nor -1)
            I64DivSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] / imm as i64 as u64 (unsigned; imm is not 0)
            I64DivURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] % imm as i64 (signed; imm is neither 0 nor -1)
            I64RemSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] % imm as i64 as u64 (unsigned; imm is not 0)
            I64RemURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] & imm as i64
            I64AndRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] | imm as i64
            I64OrRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] ^ imm as i64
            I64XorRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] << (imm % 64) (i64)
            I64ShlRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] >> (imm % 64) (i64, arithmetic)
            I64ShrSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\] >> (imm % 64) (i64, logical)
            I64ShrURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\].rotate_left(imm) (i64)
            I64RotlRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = r\[lhs\].rotate_right(imm) (i64)
            I64RotrRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] == imm as i64)
            I64EqRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] != imm as i64)
            I64NeRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] < imm as i64) (signed)
            I64LtSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] < imm as i64 as u64) (unsigned)
            I64LtURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] > imm as i64) (signed)
            I64GtSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] > imm as i64 as u64) (unsigned)
            I64GtURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] <= imm as i64) (signed)
            I64LeSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] <= imm as i64 as u64) (unsigned)
            I64LeURI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] >= imm as i64) (signed)
            I64GeSRI { dst: Reg, lhs: Reg, imm: i32 },
            /// r\[dst\] = (r\[lhs\] >= imm as i64 as u64) (unsigned)
            I64GeURI { dst: Reg, lhs: Reg, imm: i32 },

            // ---- f32 arithmetic ----
            /// r\[dst\] = r\[lhs\] + r\[rhs\] (f32)
            F32Add { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] - r\[rhs\] (f32)
            F32Sub { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] * r\[rhs\] (f32)
            F32Mul { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (f32)
            F32Div { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = min(r\[lhs\], r\[rhs\]) (f32, Wasm NaN and zero rules)
            F32Min { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = max(r\[lhs\], r\[rhs\]) (f32, Wasm NaN and zero rules)
            F32Max { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\].copysign(r\[rhs\]) (f32)
            F32Copysign { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] == r\[rhs\]) (f32)
            F32Eq { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] != r\[rhs\]) (f32)
            F32Ne { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (f32)
            F32Lt { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (f32)
            F32Gt { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (f32)
            F32Le { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (f32)
            F32Ge { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = |r\[src\]| (f32)
            F32Abs { dst: Reg, src: Reg },
            /// r\[dst\] = -r\[src\] (f32)
            F32Neg { dst: Reg, src: Reg },
            /// r\[dst\] = ceil(r\[src\]) (f32)
            F32Ceil { dst: Reg, src: Reg },
            /// r\[dst\] = floor(r\[src\]) (f32)
            F32Floor { dst: Reg, src: Reg },
            /// r\[dst\] = trunc(r\[src\]) (f32)
            F32Trunc { dst: Reg, src: Reg },
            /// r\[dst\] = round-half-even(r\[src\]) (f32)
            F32Nearest { dst: Reg, src: Reg },
            /// r\[dst\] = sqrt(r\[src\]) (f32)
            F32Sqrt { dst: Reg, src: Reg },

            // ---- f64 arithmetic ----
            /// r\[dst\] = r\[lhs\] + r\[rhs\] (f64)
            F64Add { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] - r\[rhs\] (f64)
            F64Sub { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] * r\[rhs\] (f64)
            F64Mul { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\] / r\[rhs\] (f64)
            F64Div { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = min(r\[lhs\], r\[rhs\]) (f64, Wasm NaN and zero rules)
            F64Min { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = max(r\[lhs\], r\[rhs\]) (f64, Wasm NaN and zero rules)
            F64Max { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = r\[lhs\].copysign(r\[rhs\]) (f64)
            F64Copysign { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] == r\[rhs\]) (f64)
            F64Eq { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] != r\[rhs\]) (f64)
            F64Ne { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] < r\[rhs\]) (f64)
            F64Lt { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] > r\[rhs\]) (f64)
            F64Gt { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] <= r\[rhs\]) (f64)
            F64Le { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = (r\[lhs\] >= r\[rhs\]) (f64)
            F64Ge { dst: Reg, lhs: Reg, rhs: Reg },
            /// r\[dst\] = |r\[src\]| (f64)
            F64Abs { dst: Reg, src: Reg },
            /// r\[dst\] = -r\[src\] (f64)
            F64Neg { dst: Reg, src: Reg },
            /// r\[dst\] = ceil(r\[src\]) (f64)
            F64Ceil { dst: Reg, src: Reg },
            /// r\[dst\] = floor(r\[src\]) (f64)
            F64Floor { dst: Reg, src: Reg },
            /// r\[dst\] = trunc(r\[src\]) (f64)
            F64Trunc { dst: Reg, src: Reg },
            /// r\[dst\] = round-half-even(r\[src\]) (f64)
            F64Nearest { dst: Reg, src: Reg },
            /// r\[dst\] = sqrt(r\[src\]) (f64)
            F64Sqrt { dst: Reg, src: Reg },

            // ---- conversions ----
            /// r\[dst\] = trunc(r\[src\] as f32) as i32 (traps on NaN and overflow)
            I32TruncF32S { dst: Reg, src: Reg },
            /// r\[dst\] = trunc(r\[src\] as f32) as u32 (traps on NaN and overflow)
            I32TruncF32U { dst: Reg, src: Reg },
            /// r\[dst\] = trunc(r\[src\] as f64) as i32 (traps on NaN and overflow)
            I32TruncF64S { dst: Reg, src: Reg },
            /// r\[dst\] = trunc(r\[src\] as f64) as u32 (traps on NaN and overflow)
            I32TruncF64U { dst: Reg, src: Reg },
            /// r\[dst\] = trunc(r\[src\] as f32) as i64 (traps on NaN and overflow)
            I64TruncF32S { dst: Reg, src: Reg },
            /// r\[dst\] = trunc(r\[src\] as f32) as u64 (traps on NaN and overflow)
            I64TruncF32U { dst: Reg, src: Reg },
            /// r\[dst\] = trunc(r\[src\] as f64) as i64 (traps on NaN and overflow)
            I64TruncF64S { dst: Reg, src: Reg },
            /// r\[dst\] = trunc(r\[src\] as f64) as u64 (traps on NaN and overflow)
            I64TruncF64U { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as f32 as i32 (saturating)
            I32TruncSatF32S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as f32 as u32 (saturating)
            I32TruncSatF32U { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as f64 as i32 (saturating)
            I32TruncSatF64S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as f64 as u32 (saturating)
            I32TruncSatF64U { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as f32 as i64 (saturating)
            I64TruncSatF32S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as f32 as u64 (saturating)
            I64TruncSatF32U { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as f64 as i64 (saturating)
            I64TruncSatF64S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as f64 as u64 (saturating)
            I64TruncSatF64U { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as i32 as f32
            F32ConvertI32S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as u32 as f32
            F32ConvertI32U { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as i64 as f32
            F32ConvertI64S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as u64 as f32
            F32ConvertI64U { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as f64 as f32
            F32DemoteF64 { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as i32 as f64
            F64ConvertI32S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as u32 as f64
            F64ConvertI32U { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as i64 as f64
            F64ConvertI64S { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as u64 as f64
            F64ConvertI64U { dst: Reg, src: Reg },
            /// r\[dst\] = r\[src\] as f32 as f64
            F64PromoteF32 { dst: Reg, src: Reg },
        }
    };
}
