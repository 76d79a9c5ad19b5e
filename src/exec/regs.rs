//! Small unchecked views used by the dispatch loop: the current frame's registers and the current
//! linear memory. Their soundness rests on what translation and the call sequence guarantee.

use crate::error::TrapCode;
use crate::ir::Reg;

/// The registers of the running frame.
#[derive(Clone, Copy)]
pub(crate) struct Regs(pub *mut u64);

impl Regs {
    #[inline(always)]
    pub fn get(self, r: Reg) -> u64 {
        // SAFETY: translation only emits registers below the function's `frame_size`, and the call
        // sequence reserves `frame_size` cells from the frame base before running the function.
        unsafe { *self.0.add(usize::from(r.0)) }
    }

    #[inline(always)]
    pub fn set(self, r: Reg, v: u64) {
        // SAFETY: as in `get`.
        unsafe { *self.0.add(usize::from(r.0)) = v }
    }

    #[inline(always)]
    pub fn u32(self, r: Reg) -> u32 {
        self.get(r) as u32
    }

    #[inline(always)]
    pub fn i32(self, r: Reg) -> i32 {
        self.get(r) as i32
    }

    #[inline(always)]
    pub fn i64(self, r: Reg) -> i64 {
        self.get(r) as i64
    }

    #[inline(always)]
    pub fn set_u32(self, r: Reg, v: u32) {
        self.set(r, u64::from(v))
    }

    #[inline(always)]
    pub fn set_i32(self, r: Reg, v: i32) {
        self.set(r, u64::from(v as u32))
    }

    #[inline(always)]
    pub fn set_i64(self, r: Reg, v: i64) {
        self.set(r, v as u64)
    }

    /// `r[reg] += step` as `i32` (wrapping); returns the new value.
    #[inline(always)]
    pub fn step_i32(self, reg: Reg, step: i16) -> i32 {
        let v = self.i32(reg).wrapping_add(i32::from(step));
        self.set_i32(reg, v);
        v
    }

    /// `r[reg] += step` as `i64` (wrapping); returns the new value.
    #[inline(always)]
    pub fn step_i64(self, reg: Reg, step: i16) -> i64 {
        let v = self.i64(reg).wrapping_add(i64::from(step));
        self.set_i64(reg, v);
        v
    }

    /// `r[dst..dst + len] = r[src..src + len]`, as if through a temporary.
    #[inline(always)]
    pub fn copy_span(self, dst: Reg, src: Reg, len: u16) {
        // SAFETY: both spans lie inside the frame (translation guarantees it); `ptr::copy` allows
        // overlap.
        unsafe { std::ptr::copy(self.0.add(usize::from(src.0)), self.0.add(usize::from(dst.0)), usize::from(len)) }
    }
}

/// The running instance's default memory (or an empty one).
#[derive(Clone, Copy)]
pub(crate) struct Mem {
    pub ptr: *mut u8,
    pub len: usize,
    /// [`Mem::bound`] of `len`: an address below it has 8 bytes in bounds after it.
    pub bound: isize,
}

impl Mem {
    /// The quick bound of a memory of `len` bytes: `len - 7`, signed (negative below 7 bytes), so
    /// that every effective address below it has 8 bytes in bounds (`ea + 8 <= len`), and the
    /// exact test of an access of up to 8 bytes needs it alone (`ea + N - 7 <= bound`).
    #[inline(always)]
    pub fn bound(len: usize) -> isize {
        // A memory's bytes are one allocation, whose length fits `isize`.
        len as isize - 7
    }

    /// The effective address of an `N`-byte access, if it is in bounds. An access of 2 to 8
    /// bytes compares the address with the precomputed [`Mem::bound`] only (one addition less
    /// than `ea + N <= len`); the exact test decides the few addresses at the end of memory.
    #[inline(always)]
    fn ea<const N: usize>(self, addr: u32, offset: u32) -> Option<usize> {
        self.ea_with::<N>(addr, offset, false)
    }

    /// [`Mem::ea`], whose exact test compares with the bound too when `from_bound` (`ea + N - 7
    /// <= bound`) rather than with the length: for handlers with several accesses, which then
    /// keep one field of the context in a register instead of two (a handler with one access
    /// compares with each field in memory, without a register).
    #[inline(always)]
    fn ea_with<const N: usize>(self, addr: u32, offset: u32, from_bound: bool) -> Option<usize> {
        let ea = addr as usize + offset as usize;
        // One byte needs no quick bound: `ea + 1 <= len` is `ea < len`, one comparison already.
        if N > 1 && N <= 8 {
            // `ea` is below 2^33: it fits `isize`, and so does `ea + N - 7`.
            if (ea as isize) < self.bound {
                return Some(ea);
            }
            std::hint::cold_path();
            if from_bound {
                return ((ea + N) as isize - 7 <= self.bound).then_some(ea);
            }
        }
        (ea + N <= self.len).then_some(ea)
    }

    #[inline(always)]
    pub fn load<const N: usize>(self, addr: u32, offset: u32) -> Result<[u8; N], TrapCode> {
        self.load_with(addr, offset, false)
    }

    /// [`Mem::load`] with its exact test as [`Mem::ea_with`] makes it.
    #[inline(always)]
    fn load_with<const N: usize>(self, addr: u32, offset: u32, from_bound: bool) -> Result<[u8; N], TrapCode> {
        let ea = self.ea_with::<N>(addr, offset, from_bound).ok_or(TrapCode::MemoryOutOfBounds)?;
        // SAFETY: `ea + N <= len`, and `ptr..ptr + len` is the memory's live allocation, refreshed
        // after every operation that may move it (growth, calls, host functions).
        Ok(unsafe { std::ptr::read_unaligned(self.ptr.add(ea) as *const [u8; N]) })
    }

    /// `v128.load`: one 16-byte read (as bytes, the read above becomes a patchwork of smaller
    /// loads in the optimizer's hands).
    #[inline(always)]
    pub fn load_v128(self, addr: u32, offset: u32) -> Result<u128, TrapCode> {
        let ea = self.ea::<16>(addr, offset).ok_or(TrapCode::MemoryOutOfBounds)?;
        // SAFETY: as in `load`.
        Ok(u128::from_le(unsafe { std::ptr::read_unaligned(self.ptr.add(ea) as *const u128) }))
    }

    #[inline(always)]
    pub fn store<const N: usize>(self, addr: u32, offset: u32, bytes: [u8; N]) -> Result<(), TrapCode> {
        self.store_with(addr, offset, bytes, false)
    }

    /// [`Mem::store`] with its exact test as [`Mem::ea_with`] makes it.
    #[inline(always)]
    fn store_with<const N: usize>(
        self,
        addr: u32,
        offset: u32,
        bytes: [u8; N],
        from_bound: bool,
    ) -> Result<(), TrapCode> {
        let ea = self.ea_with::<N>(addr, offset, from_bound).ok_or(TrapCode::MemoryOutOfBounds)?;
        // SAFETY: as in `load_with`.
        unsafe { std::ptr::write_unaligned(self.ptr.add(ea) as *mut [u8; N], bytes) };
        Ok(())
    }

    /// The effective address of an `N`-byte access with a 64-bit address, if it is in bounds
    /// (`addr + offset + N` computed without wrapping: an access past 2^64 is out of bounds).
    #[inline(always)]
    fn ea64<const N: usize>(self, addr: u64, offset: u32) -> Option<usize> {
        // `offset + N` fits in `u64`; only the sum with `addr` may overflow.
        let end = addr.checked_add(u64::from(offset) + N as u64)?;
        (end <= self.len as u64).then_some(end as usize - N)
    }

    /// `v128.load` with a 64-bit address (see `load_v128`).
    #[inline(always)]
    pub fn load64_v128(self, addr: u64, offset: u32) -> Result<u128, TrapCode> {
        let ea = self.ea64::<16>(addr, offset).ok_or(TrapCode::MemoryOutOfBounds)?;
        // SAFETY: as in `load`.
        Ok(u128::from_le(unsafe { std::ptr::read_unaligned(self.ptr.add(ea) as *const u128) }))
    }

    #[inline(always)]
    pub fn load64<const N: usize>(self, addr: u64, offset: u32) -> Result<[u8; N], TrapCode> {
        let ea = self.ea64::<N>(addr, offset).ok_or(TrapCode::MemoryOutOfBounds)?;
        // SAFETY: as in `load`.
        Ok(unsafe { std::ptr::read_unaligned(self.ptr.add(ea) as *const [u8; N]) })
    }

    #[inline(always)]
    pub fn store64<const N: usize>(self, addr: u64, offset: u32, bytes: [u8; N]) -> Result<(), TrapCode> {
        let ea = self.ea64::<N>(addr, offset).ok_or(TrapCode::MemoryOutOfBounds)?;
        // SAFETY: as in `load`.
        unsafe { std::ptr::write_unaligned(self.ptr.add(ea) as *mut [u8; N], bytes) };
        Ok(())
    }

    /// An `N`-byte load from `src + src_offset` whose bytes are stored at `dst + dst_offset` (the
    /// `…Move` instructions): the load is checked first, as the two instructions would be; both
    /// exact tests from the bound ([`Mem::ea_with`]).
    #[inline(always)]
    pub fn move_bytes<const N: usize>(
        self,
        src: u32,
        src_offset: u32,
        dst: u32,
        dst_offset: u32,
    ) -> Result<(), TrapCode> {
        let bytes = self.load_with::<N>(src, src_offset, true)?;
        self.store_with(dst, dst_offset, bytes, true)
    }

    /// `mem.u32[mem.u32[ptr + offset1] + offset2]` (`I32LoadLoad`), each access checked as in
    /// [`Mem::move_bytes`].
    #[inline(always)]
    pub fn load_load(self, ptr: u32, offset1: u32, offset2: u32) -> Result<u32, TrapCode> {
        let p = u32::from_le_bytes(self.load_with(ptr, offset1, true)?);
        Ok(u32::from_le_bytes(self.load_with(p, offset2, true)?))
    }

    /// `memory.fill`.
    #[inline(always)]
    pub fn fill(self, dst: u32, val: u8, len: u32) -> Result<(), TrapCode> {
        let (d, n) = (dst as usize, len as usize);
        if d + n > self.len {
            return Err(TrapCode::MemoryOutOfBounds);
        }
        // SAFETY: `d + n <= len`, checked above.
        unsafe { std::ptr::write_bytes(self.ptr.add(d), val, n) };
        Ok(())
    }

    /// `memory.copy`.
    #[inline(always)]
    pub fn copy(self, dst: u32, src: u32, len: u32) -> Result<(), TrapCode> {
        let (d, s, n) = (dst as usize, src as usize, len as usize);
        if d + n > self.len || s + n > self.len {
            return Err(TrapCode::MemoryOutOfBounds);
        }
        // SAFETY: both ranges are in bounds, checked above; `ptr::copy` allows overlap.
        unsafe { std::ptr::copy(self.ptr.add(s), self.ptr.add(d), n) };
        Ok(())
    }
}

/// Where an instruction's source operand is read from: its register, or one of the accumulators
/// (which hold the result of the instruction just before, as well as its register does).
#[derive(Clone, Copy)]
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
pub(crate) struct Src {
    reg: Reg,
    from: u8,
}

/// [`Src::from`]: the register in the frame.
pub(crate) const FROM_FRAME: u8 = 0;
/// [`Src::from`]: the integer accumulator (the cell's bits).
pub(crate) const FROM_ACC: u8 = 1;
/// [`Src::from`]: the float accumulator (an `f64` with the cell's bits).
pub(crate) const FROM_FACC: u8 = 2;

/// An operand as the instruction semantics read it: a plain register or a [`Src`].
pub(crate) trait Loc: Copy {
    /// The register.
    fn reg(self) -> Reg;
    /// Where its value is read from (one of the `FROM_*` constants).
    fn from(self) -> u8 {
        FROM_FRAME
    }
}

impl Loc for Reg {
    #[inline(always)]
    fn reg(self) -> Reg {
        self
    }
}

impl Loc for Src {
    #[inline(always)]
    fn reg(self) -> Reg {
        self.reg
    }
    #[inline(always)]
    fn from(self) -> u8 {
        self.from
    }
}

/// Where a field that is source operand `role` (its [`crate::ir::Field::source`], 0 for none) is
/// read from in handler variant `v`
/// (the const parameter of the tail-call handlers: 0 reads everything from the frame, 1-8 see
/// [`variant`]).
#[inline(always)]
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
pub(crate) const fn source_of(role: u8, v: u8) -> u8 {
    match (role, v) {
        (1, 1 | 5 | 8) | (2, 3 | 5 | 7) => FROM_ACC,
        (1, 2 | 6 | 7) | (2, 4 | 6 | 8) => FROM_FACC,
        _ => FROM_FRAME,
    }
}

/// The handler variant that reads the first source operand from the accumulator of class
/// `first` and the second from that of `second` (`Class::None`: from the frame).
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
pub(crate) const fn variant(first: Class, second: Class) -> u8 {
    match (first, second) {
        (Class::Int, Class::Int) => 5,
        (Class::Float, Class::Float) => 6,
        (Class::Float, Class::Int) => 7,
        (Class::Int, Class::Float) => 8,
        (Class::Int, _) => 1,
        (Class::Float, _) => 2,
        (_, Class::Int) => 3,
        (_, Class::Float) => 4,
        _ => 0,
    }
}

/// A field of an instruction, as a handler variant sees it: registers become [`Src`]s.
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
pub(crate) trait Field: Copy {
    /// What the handler binds.
    type Out;
    /// Wraps the field for a handler variant.
    fn shadow(self, from: u8) -> Self::Out;
}

impl Field for Reg {
    type Out = Src;
    #[inline(always)]
    fn shadow(self, from: u8) -> Src {
        Src { reg: self, from }
    }
}

macro_rules! plain_field {
    ($($t:ty),*) => {$(
        impl Field for $t {
            type Out = $t;
            #[inline(always)]
            fn shadow(self, _from: u8) -> $t {
                self
            }
        }
    )*};
}
plain_field!(i8, u8, i16, u16, u32, i32, crate::ir::BranchOffset);

/// Which accumulator an instruction leaves its result in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Class {
    /// Neither, and no register is written (the body's value is `()`: every register write goes
    /// through a `#[must_use]` setter of [`View`] whose value says what it did).
    None,
    /// Registers written without an accumulator ([`View::copy_span`]).
    Clobber,
    /// The integer accumulator.
    Int,
    /// The float accumulator.
    Float,
}

/// The value of an instruction body that left an integer result in the accumulator.
#[must_use]
pub(crate) struct Int(());
/// The value of an instruction body that wrote registers without an accumulator.
#[must_use]
pub(crate) struct Clobber(());
/// The value of an instruction body that left an `f64` result in the float accumulator.
#[must_use]
pub(crate) struct Float(());

/// The accumulator class of an instruction body's value.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) trait Produce {
    /// See [`Class`].
    const CLASS: Class;
}
impl Produce for () {
    const CLASS: Class = Class::None;
}
impl Produce for Int {
    const CLASS: Class = Class::Int;
}
impl Produce for Clobber {
    const CLASS: Class = Class::Clobber;
}
impl Produce for Float {
    const CLASS: Class = Class::Float;
}

/// The class of the value a body returns (the body is never run; the tests compare it with the
/// declarations of the op list).
#[cfg(test)]
pub(crate) fn class_of<T: Produce, F: FnOnce(&mut View, Mem) -> Result<T, TrapCode>>(_body: F) -> Class {
    T::CLASS
}

/// The frame's registers plus the two accumulators, as the instruction semantics see them: every
/// write goes to the frame *and* to an accumulator, so the next instruction may read either.
#[derive(Clone, Copy)]
pub(crate) struct View {
    sp: *mut u64,
    /// The integer accumulator: the cell bits of the last integer (or `f32`) result.
    pub acc: u64,
    /// The float accumulator: the last `f64` result.
    pub facc: f64,
}

impl View {
    #[inline(always)]
    pub fn new(sp: *mut u64, acc: u64, facc: f64) -> View {
        View { sp, acc, facc }
    }

    #[inline(always)]
    pub fn get(&self, o: impl Loc) -> u64 {
        match o.from() {
            FROM_ACC => self.acc,
            FROM_FACC => self.facc.to_bits(),
            _ => Regs(self.sp).get(o.reg()),
        }
    }

    #[inline(always)]
    pub fn u32(&self, o: impl Loc) -> u32 {
        self.get(o) as u32
    }

    #[inline(always)]
    pub fn i32(&self, o: impl Loc) -> i32 {
        self.get(o) as i32
    }

    #[inline(always)]
    pub fn i64(&self, o: impl Loc) -> i64 {
        self.get(o) as i64
    }

    #[inline(always)]
    pub fn f32(&self, o: impl Loc) -> f32 {
        f32::from_bits(self.get(o) as u32)
    }

    #[inline(always)]
    pub fn f64(&self, o: impl Loc) -> f64 {
        match o.from() {
            FROM_FACC => self.facc,
            _ => f64::from_bits(self.get(o)),
        }
    }

    #[inline(always)]
    pub fn set(&mut self, d: impl Loc, v: u64) -> Int {
        Regs(self.sp).set(d.reg(), v);
        self.acc = v;
        Int(())
    }

    #[inline(always)]
    pub fn set_u32(&mut self, d: impl Loc, v: u32) -> Int {
        self.set(d, u64::from(v))
    }

    #[inline(always)]
    pub fn set_i32(&mut self, d: impl Loc, v: i32) -> Int {
        self.set(d, u64::from(v as u32))
    }

    #[inline(always)]
    pub fn set_i64(&mut self, d: impl Loc, v: i64) -> Int {
        self.set(d, v as u64)
    }

    #[inline(always)]
    pub fn set_bool(&mut self, d: impl Loc, v: bool) -> Int {
        self.set(d, u64::from(v))
    }

    #[inline(always)]
    pub fn set_f32(&mut self, d: impl Loc, v: f32) -> Int {
        self.set(d, u64::from(v.to_bits()))
    }

    #[inline(always)]
    pub fn set_f64(&mut self, d: impl Loc, v: f64) -> Float {
        Regs(self.sp).set(d.reg(), v.to_bits());
        self.facc = v;
        Float(())
    }

    /// `r[reg] += step` as `i32` (wrapping), also into the integer accumulator; returns the new
    /// value.
    #[inline(always)]
    pub fn step_i32(&mut self, reg: impl Loc, step: i16) -> i32 {
        let v = Regs(self.sp).step_i32(reg.reg(), step);
        self.acc = u64::from(v as u32);
        v
    }

    /// `r[reg] += r[by]` as `i32` (wrapping), also into the integer accumulator; returns the new
    /// value.
    #[inline(always)]
    pub fn add_i32(&mut self, reg: impl Loc, by: impl Loc) -> i32 {
        let v = self.i32(reg).wrapping_add(self.i32(by));
        let _ = self.set_i32(reg, v);
        v
    }

    /// `r[reg] += step` as `i64` (wrapping), also into the integer accumulator; returns the new
    /// value.
    #[inline(always)]
    pub fn step_i64(&mut self, reg: impl Loc, step: i16) -> i64 {
        let v = Regs(self.sp).step_i64(reg.reg(), step);
        self.acc = v as u64;
        v
    }

    /// The `v128` in registers `o` (low half) and `o + 1` (high half), always read from the
    /// frame (no accumulator holds a `v128`).
    #[inline(always)]
    pub fn v128(&self, o: impl Loc) -> u128 {
        let r = usize::from(o.reg().0);
        // SAFETY: translation gives a v128 two adjacent registers below the frame size (so `r + 1`
        // is a register of the frame too), lane 0 in the low cell. One 16-byte read lets SIMD
        // handlers load the value straight into a vector register.
        let v = unsafe { self.sp.add(r).cast::<u128>().read_unaligned() };
        // On a big-endian host the first cell (the low half) is the high half of that read.
        if cfg!(target_endian = "little") { v } else { v.rotate_left(64) }
    }

    /// Writes a `v128` to registers `d` (low half) and `d + 1` (high half), without an
    /// accumulator.
    #[inline(always)]
    pub fn set_v128(&mut self, d: impl Loc, v: u128) -> Clobber {
        let r = usize::from(d.reg().0);
        // One 16-byte store, from a vector register on x86-64: the next instruction usually reads
        // the value with one 16-byte load, which waits many cycles for two 8-byte stores (a load
        // is forwarded only from a store that covers it) but not for one.
        #[cfg(target_arch = "x86_64")]
        // SAFETY: as in `v128`; SSE2 is part of x86-64, and `__m128i` is 16 plain bytes.
        unsafe {
            use std::arch::x86_64::{__m128i, _mm_storeu_si128};
            _mm_storeu_si128(self.sp.add(r).cast::<__m128i>(), std::mem::transmute::<u128, __m128i>(v));
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let v = if cfg!(target_endian = "little") { v } else { v.rotate_left(64) };
            // SAFETY: as in `v128`, whose rotation this undoes on a big-endian host.
            unsafe { self.sp.add(r).cast::<u128>().write_unaligned(v) };
        }
        Clobber(())
    }

    /// `r[dst..dst + len] = r[src..src + len]`, as if through a temporary.
    #[inline(always)]
    pub fn copy_span(&self, dst: impl Loc, src: impl Loc, len: u16) -> Clobber {
        Regs(self.sp).copy_span(dst.reg(), src.reg(), len);
        Clobber(())
    }
}
