//! Operator decoding for validation and translation: [`OpReader::visit_operator`] reads the
//! common single-byte operators (control, locals, memory, integer constants, the numeric
//! operators of Wasm 1.0) itself and hands every other operator, and every unusual encoding, to
//! wasmparser's `BinaryReader::visit_operator`.
//!
//! Why: wasmparser 0.263's `visit_operator` is one function for the whole instruction set, too
//! large to be inlined, so each operator paid its call, a prologue saving every callee-saved
//! register and a `Result<Result<_>>` round trip: about 40% of the instructions of validating
//! sqlite.wasm. Decoded here in the caller's loop, the same validator methods are called with
//! the same arguments, in the same order, as wasmparser's decoder would call them. Only the
//! encodings whose meaning does not depend on enabled features are taken: a memory argument
//! with alignment bits only (no memory index, ordering or type-index flags), a block type that
//! is empty or one of the four number types. Integer immediates are read here when they are
//! well-formed (compilers pad relocated indices and addresses to 5 bytes), by wasmparser's
//! readers otherwise. Everything else, including any byte sequence wasmparser would
//! reject, goes through wasmparser, so malformed bodies fail exactly as before, with the same
//! messages and offsets.

use wasmparser::{
    BinaryReader, BlockType, FrameStack, MemArg, MemArgTarget, Result, ValType, VisitOperator, WasmFeatures,
};

/// Reads the operators of one function body.
pub(crate) struct OpReader<'a> {
    /// The operators' bytes (after the local declarations).
    data: &'a [u8],
    /// The position of the next operator in `data`.
    pos: usize,
    /// The module offset of `data[0]`, for error messages.
    base: u64,
    features: WasmFeatures,
}

impl<'a> OpReader<'a> {
    /// Reads the operators left in `reader` (the rest of a function body), with its features.
    pub(crate) fn new(mut reader: BinaryReader<'a>) -> Result<Self> {
        let (base, features) = (reader.original_position(), reader.features());
        let data = reader.read_bytes(reader.bytes_remaining())?;
        Ok(OpReader { data, pos: 0, base, features })
    }

    /// Whether every operator has been read.
    pub(crate) fn eof(&self) -> bool {
        self.pos >= self.data.len()
    }

    /// The module offset of the next operator.
    pub(crate) fn original_position(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// A wasmparser reader at `pos`.
    fn reader_at(&self, pos: usize) -> BinaryReader<'a> {
        BinaryReader::new_features(&self.data[pos..], self.base + pos as u64, self.features)
    }

    /// What `BinaryReader::finish_expression` checks once the last operator is read.
    pub(crate) fn finish_expression(&self, stack: &impl FrameStack) -> Result<()> {
        self.reader_at(self.pos).finish_expression(stack)
    }

    /// Visits the next operator with `visitor`, as `BinaryReader::visit_operator` does.
    #[inline(always)]
    pub(crate) fn visit_operator<V>(&mut self, visitor: &mut V) -> Result<V::Output>
    where
        V: VisitOperator<'a> + FrameStack,
    {
        // wasmparser refuses operators after the function's final `end`; let it say so.
        let Some(&code) = self.data.get(self.pos) else { return self.fallback(visitor) };
        if visitor.current_frame().is_none() {
            return self.fallback(visitor);
        }
        let v = visitor;
        let mut p = self.pos + 1;
        // A memory instruction with its largest alignment.
        macro_rules! mem {
            ($visit:ident, $max_align:expr) => {
                match self.memarg(&mut p, $max_align) {
                    Some(memarg) => v.$visit(memarg?),
                    None => return self.fallback(v),
                }
            };
        }
        let out = match code {
            0x00 => v.visit_unreachable(),
            0x01 => v.visit_nop(),
            0x02..=0x04 => {
                let Some(ty) = self.block_type(&mut p) else { return self.fallback(v) };
                match code {
                    0x02 => v.visit_block(ty),
                    0x03 => v.visit_loop(ty),
                    _ => v.visit_if(ty),
                }
            }
            0x0b => v.visit_end(),
            0x0c => v.visit_br(self.var_u32(&mut p)?),
            0x0d => v.visit_br_if(self.var_u32(&mut p)?),
            0x0f => v.visit_return(),
            0x10 => v.visit_call(self.var_u32(&mut p)?),
            0x1a => v.visit_drop(),
            0x1b => v.visit_select(),
            0x20 => v.visit_local_get(self.var_u32(&mut p)?),
            0x21 => v.visit_local_set(self.var_u32(&mut p)?),
            0x22 => v.visit_local_tee(self.var_u32(&mut p)?),
            0x23 => v.visit_global_get(self.var_u32(&mut p)?),
            0x24 => v.visit_global_set(self.var_u32(&mut p)?),
            0x28 => mem!(visit_i32_load, 2),
            0x29 => mem!(visit_i64_load, 3),
            0x2a => mem!(visit_f32_load, 2),
            0x2b => mem!(visit_f64_load, 3),
            0x2c => mem!(visit_i32_load8_s, 0),
            0x2d => mem!(visit_i32_load8_u, 0),
            0x2e => mem!(visit_i32_load16_s, 1),
            0x2f => mem!(visit_i32_load16_u, 1),
            0x30 => mem!(visit_i64_load8_s, 0),
            0x31 => mem!(visit_i64_load8_u, 0),
            0x32 => mem!(visit_i64_load16_s, 1),
            0x33 => mem!(visit_i64_load16_u, 1),
            0x34 => mem!(visit_i64_load32_s, 2),
            0x35 => mem!(visit_i64_load32_u, 2),
            0x36 => mem!(visit_i32_store, 2),
            0x37 => mem!(visit_i64_store, 3),
            0x38 => mem!(visit_f32_store, 2),
            0x39 => mem!(visit_f64_store, 3),
            0x3a => mem!(visit_i32_store8, 0),
            0x3b => mem!(visit_i32_store16, 1),
            0x3c => mem!(visit_i64_store8, 0),
            0x3d => mem!(visit_i64_store16, 1),
            0x3e => mem!(visit_i64_store32, 2),
            0x41 => v.visit_i32_const(self.var_i32(&mut p)?),
            0x42 => v.visit_i64_const(self.var_i64(&mut p)?),
            _ => {
                // The operators without immediates, by opcode (the binary format's table).
                macro_rules! plain {
                    ($($opcode:literal $visit:ident)*) => {
                        match code {
                            $($opcode => v.$visit(),)*
                            _ => return self.fallback(v),
                        }
                    };
                }
                plain! {
                    0x45 visit_i32_eqz 0x46 visit_i32_eq 0x47 visit_i32_ne 0x48 visit_i32_lt_s
                    0x49 visit_i32_lt_u 0x4a visit_i32_gt_s 0x4b visit_i32_gt_u 0x4c visit_i32_le_s
                    0x4d visit_i32_le_u 0x4e visit_i32_ge_s 0x4f visit_i32_ge_u
                    0x50 visit_i64_eqz 0x51 visit_i64_eq 0x52 visit_i64_ne 0x53 visit_i64_lt_s
                    0x54 visit_i64_lt_u 0x55 visit_i64_gt_s 0x56 visit_i64_gt_u 0x57 visit_i64_le_s
                    0x58 visit_i64_le_u 0x59 visit_i64_ge_s 0x5a visit_i64_ge_u
                    0x5b visit_f32_eq 0x5c visit_f32_ne 0x5d visit_f32_lt 0x5e visit_f32_gt
                    0x5f visit_f32_le 0x60 visit_f32_ge
                    0x61 visit_f64_eq 0x62 visit_f64_ne 0x63 visit_f64_lt 0x64 visit_f64_gt
                    0x65 visit_f64_le 0x66 visit_f64_ge
                    0x67 visit_i32_clz 0x68 visit_i32_ctz 0x69 visit_i32_popcnt 0x6a visit_i32_add
                    0x6b visit_i32_sub 0x6c visit_i32_mul 0x6d visit_i32_div_s 0x6e visit_i32_div_u
                    0x6f visit_i32_rem_s 0x70 visit_i32_rem_u 0x71 visit_i32_and 0x72 visit_i32_or
                    0x73 visit_i32_xor 0x74 visit_i32_shl 0x75 visit_i32_shr_s 0x76 visit_i32_shr_u
                    0x77 visit_i32_rotl 0x78 visit_i32_rotr
                    0x79 visit_i64_clz 0x7a visit_i64_ctz 0x7b visit_i64_popcnt 0x7c visit_i64_add
                    0x7d visit_i64_sub 0x7e visit_i64_mul 0x7f visit_i64_div_s 0x80 visit_i64_div_u
                    0x81 visit_i64_rem_s 0x82 visit_i64_rem_u 0x83 visit_i64_and 0x84 visit_i64_or
                    0x85 visit_i64_xor 0x86 visit_i64_shl 0x87 visit_i64_shr_s 0x88 visit_i64_shr_u
                    0x89 visit_i64_rotl 0x8a visit_i64_rotr
                    0x8b visit_f32_abs 0x8c visit_f32_neg 0x8d visit_f32_ceil 0x8e visit_f32_floor
                    0x8f visit_f32_trunc 0x90 visit_f32_nearest 0x91 visit_f32_sqrt 0x92 visit_f32_add
                    0x93 visit_f32_sub 0x94 visit_f32_mul 0x95 visit_f32_div 0x96 visit_f32_min
                    0x97 visit_f32_max 0x98 visit_f32_copysign
                    0x99 visit_f64_abs 0x9a visit_f64_neg 0x9b visit_f64_ceil 0x9c visit_f64_floor
                    0x9d visit_f64_trunc 0x9e visit_f64_nearest 0x9f visit_f64_sqrt 0xa0 visit_f64_add
                    0xa1 visit_f64_sub 0xa2 visit_f64_mul 0xa3 visit_f64_div 0xa4 visit_f64_min
                    0xa5 visit_f64_max 0xa6 visit_f64_copysign
                    0xa7 visit_i32_wrap_i64 0xa8 visit_i32_trunc_f32_s 0xa9 visit_i32_trunc_f32_u
                    0xaa visit_i32_trunc_f64_s 0xab visit_i32_trunc_f64_u 0xac visit_i64_extend_i32_s
                    0xad visit_i64_extend_i32_u 0xae visit_i64_trunc_f32_s 0xaf visit_i64_trunc_f32_u
                    0xb0 visit_i64_trunc_f64_s 0xb1 visit_i64_trunc_f64_u 0xb2 visit_f32_convert_i32_s
                    0xb3 visit_f32_convert_i32_u 0xb4 visit_f32_convert_i64_s 0xb5 visit_f32_convert_i64_u
                    0xb6 visit_f32_demote_f64 0xb7 visit_f64_convert_i32_s 0xb8 visit_f64_convert_i32_u
                    0xb9 visit_f64_convert_i64_s 0xba visit_f64_convert_i64_u 0xbb visit_f64_promote_f32
                    0xbc visit_i32_reinterpret_f32 0xbd visit_i64_reinterpret_f64
                    0xbe visit_f32_reinterpret_i32 0xbf visit_f64_reinterpret_i64
                    0xc0 visit_i32_extend8_s 0xc1 visit_i32_extend16_s 0xc2 visit_i64_extend8_s
                    0xc3 visit_i64_extend16_s 0xc4 visit_i64_extend32_s
                }
            }
        };
        self.pos = p;
        Ok(out)
    }

    /// Visits the next operator through wasmparser's decoder.
    #[inline(never)]
    fn fallback<V>(&mut self, visitor: &mut V) -> Result<V::Output>
    where
        V: VisitOperator<'a> + FrameStack,
    {
        let mut reader = self.reader_at(self.pos);
        let out = reader.visit_operator(visitor)?;
        self.pos += reader.current_position();
        Ok(out)
    }

    /// Reads an immediate at `*p` with one of wasmparser's readers.
    #[cold]
    fn read_at<T>(&self, p: &mut usize, read: impl FnOnce(&mut BinaryReader<'a>) -> Result<T>) -> Result<T> {
        let mut reader = self.reader_at(*p);
        let value = read(&mut reader)?;
        *p += reader.current_position();
        Ok(value)
    }

    /// The byte at `p` if it is a whole LEB128 number (high bit clear).
    #[inline(always)]
    fn leb_byte(&self, p: usize) -> Option<u8> {
        self.data.get(p).copied().filter(|&b| b < 0x80)
    }

    /// The LEB128 number of at most `max` bytes at `p` whose last byte `last_ok` accepts: its
    /// bits (those of the first 64) and its length; `None` for anything else (too long, cut off,
    /// bits beyond the number's width), which wasmparser's readers then read and refuse.
    #[inline(always)]
    fn leb(&self, p: usize, max: usize, last_ok: impl Fn(u8) -> bool) -> Option<(u64, usize)> {
        let mut bits = 0;
        for i in 0..max {
            let byte = *self.data.get(p + i)?;
            bits |= u64::from(byte & 0x7f) << (7 * i);
            if byte < 0x80 {
                return (i + 1 < max || last_ok(byte)).then_some((bits, i + 1));
            }
        }
        None
    }

    /// A `u32` immediate.
    #[inline(always)]
    fn var_u32(&self, p: &mut usize) -> Result<u32> {
        match self.leb_byte(*p) {
            Some(b) => {
                *p += 1;
                Ok(u32::from(b))
            }
            None => self.var_u32_long(p),
        }
    }

    /// [`Self::var_u32`] of more than one byte: the fifth byte holds 4 bits.
    #[inline(never)]
    fn var_u32_long(&self, p: &mut usize) -> Result<u32> {
        match self.leb(*p, 5, |last| last < 0x10) {
            Some((bits, len)) => {
                *p += len;
                Ok(bits as u32)
            }
            None => self.read_at(p, BinaryReader::read_var_u32),
        }
    }

    /// An `i32` immediate (`i32.const`).
    #[inline(always)]
    fn var_i32(&self, p: &mut usize) -> Result<i32> {
        match self.leb_byte(*p) {
            Some(b) => {
                *p += 1;
                Ok((i32::from(b) << 25) >> 25)
            }
            None => self.var_i32_long(p),
        }
    }

    /// [`Self::var_i32`] of more than one byte: the fifth byte holds 3 bits and copies of the sign.
    #[inline(never)]
    fn var_i32_long(&self, p: &mut usize) -> Result<i32> {
        match self.leb(*p, 5, |last| !(0x08..0x78).contains(&last)) {
            Some((bits, len)) => {
                *p += len;
                Ok(sign_extend(bits, len) as i32)
            }
            None => self.read_at(p, BinaryReader::read_var_i32),
        }
    }

    /// An `i64` immediate (`i64.const`).
    #[inline(always)]
    fn var_i64(&self, p: &mut usize) -> Result<i64> {
        match self.leb_byte(*p) {
            Some(b) => {
                *p += 1;
                Ok((i64::from(b) << 57) >> 57)
            }
            None => self.var_i64_long(p),
        }
    }

    /// [`Self::var_i64`] of more than one byte: the tenth byte holds 1 bit and copies of the sign.
    #[inline(never)]
    fn var_i64_long(&self, p: &mut usize) -> Result<i64> {
        match self.leb(*p, 10, |last| last == 0 || last == 0x7f) {
            Some((bits, len)) => {
                *p += len;
                Ok(sign_extend(bits, len))
            }
            None => self.read_at(p, BinaryReader::read_var_i64),
        }
    }

    /// A memory argument's offset: 64 bits (the tenth byte holds 1 bit) when memory64 is enabled.
    #[inline(never)]
    fn offset_long(&self, p: &mut usize) -> Result<u64> {
        let leb = if self.features.memory64() {
            self.leb(*p, 10, |last| last < 2)
        } else {
            self.leb(*p, 5, |last| last < 0x10)
        };
        match leb {
            Some((bits, len)) => {
                *p += len;
                Ok(bits)
            }
            None if self.features.memory64() => self.read_at(p, BinaryReader::read_var_u64),
            None => self.read_at(p, |r| r.read_var_u32().map(u64::from)),
        }
    }

    /// The memory argument of a plain load or store on memory 0, or `None` for any other
    /// encoding (its flags name a memory, an ordering or a type index, or take several bytes),
    /// which wasmparser then decodes. Alignment bits alone mean the same whatever features are
    /// enabled; the offset is a 64-bit LEB128 number when memory64 is.
    #[inline(always)]
    fn memarg(&self, p: &mut usize, max_align: u8) -> Option<Result<MemArg>> {
        let align = self.data.get(*p).copied().filter(|&flags| flags < 0x10)?;
        *p += 1;
        let offset = match self.leb_byte(*p) {
            Some(b) => {
                *p += 1;
                Ok(u64::from(b))
            }
            None => self.offset_long(p),
        };
        Some(offset.map(|offset| MemArg { align, max_align, offset, target: MemArgTarget::Memory(0), ordering: None }))
    }

    /// A block type that is empty or one number type, or `None` for any other encoding (left to
    /// wasmparser).
    #[inline(always)]
    fn block_type(&self, p: &mut usize) -> Option<BlockType> {
        let ty = match *self.data.get(*p)? {
            0x40 => BlockType::Empty,
            0x7f => BlockType::Type(ValType::I32),
            0x7e => BlockType::Type(ValType::I64),
            0x7d => BlockType::Type(ValType::F32),
            0x7c => BlockType::Type(ValType::F64),
            _ => return None,
        };
        *p += 1;
        Some(ty)
    }
}

/// The signed number whose `len` LEB128 bytes hold `bits` (the first 64 of them).
fn sign_extend(bits: u64, len: usize) -> i64 {
    let unused = 64u32.saturating_sub(7 * len as u32);
    ((bits << unused) as i64) >> unused
}

#[cfg(test)]
mod tests {
    use crate::error::{Error, ErrorKind, invalid, malformed};
    use crate::{Config, Engine, Module};
    use wasmparser::{BinaryReader, FuncToValidate, FunctionBody, Parser, ValidPayload, Validator, ValidatorResources};

    /// A module whose function uses every operator `OpReader` decodes itself, with immediates of
    /// one and of several bytes, and operators and encodings it leaves to wasmparser: memory
    /// arguments naming memory 1 (a 64-bit memory), block types with `v128` and a type index,
    /// floating-point constants, `br_table`, `call_indirect`, typed `select`, SIMD.
    const WAT: &str = r#"(module
      (type $t (func (param i32) (result i32)))
      (memory $m0 1)
      (memory $m1 i64 1)
      (global $g (mut i32) (i32.const 0))
      (table 1 funcref)
      (func $f (type $t) (local i64 f32 f64 v128)
        local.get 0 local.set 0 local.get 0 local.tee 0 drop
        global.get $g global.set $g
        i32.const 63 i32.const -64 i32.const 64 i32.const -65 i32.const 100000 i32.const -2147483648
        i32.add i32.sub i32.mul i32.div_s drop drop
        i64.const 0 i64.const -1 i64.const 1000000000000 i64.const -9223372036854775808
        i64.add i64.mul i64.rem_u drop
        f32.const 1.5 f32.sqrt drop f64.const 2.5 f64.neg drop
        i32.const 0 i32.load i32.const 0 i32.load offset=200 align=1 i32.add
        i32.const 0 i64.load8_s offset=5 i32.wrap_i64 i32.add
        i32.const 0 f64.load offset=100000 i32.trunc_sat_f64_s i32.add
        i32.const 0 i32.const 1 i32.store16 offset=3
        i64.const 8 i32.load $m1 offset=70000 i32.add
        i64.const 8 i64.const 1 i64.store32 $m1
        i32.const 0 v128.load v128.any_true i32.add
        block i32.const 1 br_if 0 end
        block (result i32) i32.const 1 end i32.add
        block (result i64) i64.const 1 end i32.wrap_i64 i32.add
        block (result f32) f32.const 1 end i32.trunc_f32_s i32.add
        block (result f64) f64.const 1 end i32.trunc_f64_u i32.add
        block (result v128) v128.const i64x2 1 2 end i8x16.all_true i32.add
        i32.const 7 block (type $t) i32.eqz end i32.add
        loop (result i32) local.get 0 br_if 0 i32.const 2 end i32.add
        if (result i32) i32.const 1 else i32.const 2 end
        local.get 0 call $f i32.add
        local.get 0 i32.const 0 call_indirect (type $t) i32.add
        block block local.get 0 br_table 0 1 0 end end
        i32.const 1 i32.const 2 local.get 0 select i32.add
        i32.const 1 i32.const 2 local.get 0 select (result i32) i32.add
        i32.extend8_s i32.popcnt i32.const 3 i32.rotl i32.const 4 i32.shr_u i32.eqz
        local.get 0 i32.ge_u nop
        i64.const 5 i64.extend32_s f64.convert_i64_s i64.trunc_f64_s i64.eqz i32.and
        local.get 0 i32.eqz if unreachable end
        return)
      (elem (i32.const 0) $f))"#;

    /// Validates each body of `wasm` when its code section ends, as `parse` does, with wasmparser's
    /// `FuncValidator::validate` or with [`super::super::validate`].
    fn validate(wasm: &[u8], ours: bool) -> Result<(), String> {
        let features = Config::new().wasm_features();
        let mut validator = Validator::new_with_features(features);
        let mut parser = Parser::new(0);
        parser.set_features(features);
        let mut bodies: Vec<(FuncToValidate<ValidatorResources>, FunctionBody<'_>)> = Vec::new();
        let flush = |bodies: &mut Vec<(FuncToValidate<ValidatorResources>, FunctionBody<'_>)>| {
            for (func, body) in bodies.drain(..) {
                let mut func = func.into_validator(Default::default());
                if ours { super::super::validate(&mut func, &body) } else { func.validate(&body).map_err(invalid) }
                    .map_err(|e| e.to_string())?;
            }
            Ok::<(), String>(())
        };
        for payload in parser.parse_all(wasm) {
            let payload = payload.map_err(|e| malformed(e).to_string())?;
            match validator.payload(&payload).map_err(|e| invalid(e).to_string())? {
                ValidPayload::Func(func, body) => bodies.push((func, body)),
                _ => flush(&mut bodies)?,
            }
        }
        flush(&mut bodies)
    }

    /// The message and offset of a decoding or validation error (`None` for any other error).
    fn message(e: &Error) -> Option<(String, usize)> {
        match e.kind() {
            ErrorKind::Malformed { message, offset } => Some((message.clone(), offset.unwrap_or(usize::MAX))),
            ErrorKind::Invalid { message, offset } => Some((message.clone(), *offset)),
            _ => None,
        }
    }

    /// Integer immediates and memory offsets (64-bit with memory64): every sequence of one and
    /// two bytes, and a spread of longer ones (overlong, too large, truncated), read as
    /// wasmparser's readers read them.
    #[test]
    fn immediates_read_as_wasmparser_reads_them() {
        let features = Config::new().wasm_features();
        let mut sequences: Vec<Vec<u8>> = (0..=0xffffu32).map(|n| n.to_le_bytes()[..2].to_vec()).collect();
        sequences.extend((0..=0xffu8).map(|b| vec![b]));
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for len in 3..=11 {
            for _ in 0..20_000 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // Continuation bits set on all but (usually) the last byte, the rest random.
                let mut bytes: Vec<u8> = (0..len).map(|i| (x >> (i * 5)) as u8 | 0x80).collect();
                if x & 0x7 != 0 {
                    bytes[len - 1] &= 0x7f;
                }
                sequences.push(bytes);
            }
        }
        for bytes in &sequences {
            let ops = super::OpReader { data: bytes, pos: 0, base: 100, features };
            fn theirs<T>(
                bytes: &[u8],
                read: impl FnOnce(&mut BinaryReader<'_>) -> wasmparser::Result<T>,
            ) -> Option<(T, usize)> {
                let mut reader = BinaryReader::new(bytes, 100);
                read(&mut reader).ok().map(|v| (v, reader.current_position()))
            }
            fn ours<T>(read: impl FnOnce(&mut usize) -> wasmparser::Result<T>) -> Option<(T, usize)> {
                let mut p = 0;
                read(&mut p).ok().map(|v| (v, p))
            }
            assert_eq!(ours(|p| ops.var_u32(p)), theirs(bytes, |r| r.read_var_u32()), "{bytes:x?}");
            assert_eq!(ours(|p| ops.var_i32(p)), theirs(bytes, |r| r.read_var_i32()), "{bytes:x?}");
            assert_eq!(ours(|p| ops.var_i64(p)), theirs(bytes, |r| r.read_var_i64()), "{bytes:x?}");
            assert_eq!(ours(|p| ops.offset_long(p)), theirs(bytes, |r| r.read_var_u64()), "{bytes:x?}");
            let ops = super::OpReader { features: features.difference(wasmparser::WasmFeatures::MEMORY64), ..ops };
            let u32_offset = |r: &mut BinaryReader<'_>| r.read_var_u32().map(u64::from);
            assert_eq!(ours(|p| ops.offset_long(p)), theirs(bytes, u32_offset), "{bytes:x?}");
        }
    }

    /// Every byte of the code section replaced by bytes that matter to the decoder (opcodes,
    /// LEB128 continuation and sign bits, memory argument flags, block types): validation through
    /// `OpReader` accepts and refuses exactly what wasmparser's validator does, with the same
    /// message at the same offset, and so does eager translation, where it fails to decode or
    /// validate.
    #[test]
    fn single_byte_mutations_decode_as_wasmparser_does() {
        let wasm = wat::parse_str(WAT).unwrap();
        let code = Parser::new(0)
            .parse_all(&wasm)
            .find_map(|p| match p.unwrap() {
                wasmparser::Payload::CodeSectionStart { unchecked_range, .. } => Some(unchecked_range),
                _ => None,
            })
            .unwrap();
        let eager = Engine::new(Config::new().lazy_translation(false));
        let reference = |bytes: &[u8]| {
            let mut v = Validator::new_with_features(Config::new().wasm_features());
            v.validate_all(bytes).map(drop).map_err(|e| (e.message().to_string(), e.offset() as usize))
        };
        assert_eq!(validate(&wasm, true), Ok(()));
        let (mut cases, mut refused) = (0, 0);
        for at in code.start as usize..code.end as usize {
            let byte = wasm[at];
            let values =
                [0x00, 0x02, 0x05, 0x0b, 0x10, 0x1f, 0x20, 0x40, 0x41, 0x7b, 0x7c, 0x7f, 0x80, 0xc0, 0xfd, 0xff];
            for value in values.into_iter().chain([byte ^ 0x80, byte ^ 0x40, byte ^ 0x10, byte.wrapping_add(1)]) {
                if value == byte {
                    continue;
                }
                let mut bytes = wasm.clone();
                bytes[at] = value;
                let ours = validate(&bytes, true);
                assert_eq!(ours, validate(&bytes, false), "byte {at:#x} set to {value:#04x}");
                cases += 1;
                refused += usize::from(ours.is_err());
                // Eager translation: a body that decodes and validates is translated, so only the
                // decoding and validation errors are compared.
                let want = reference(&bytes);
                match Module::new(&eager, &bytes) {
                    Ok(_) => {
                        assert!(want.is_ok(), "byte {at:#x} set to {value:#04x}: accepted, wasmparser says {want:?}")
                    }
                    Err(e) => {
                        if let Some(got) = message(&e) {
                            assert_eq!(Err(got), want, "byte {at:#x} set to {value:#04x}");
                        }
                    }
                }
            }
        }
        assert!(refused > cases / 4 && refused < cases, "{refused} of {cases} mutations refused");
    }
}
