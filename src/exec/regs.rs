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
    pub fn f32(self, r: Reg) -> f32 {
        f32::from_bits(self.get(r) as u32)
    }

    #[inline(always)]
    pub fn f64(self, r: Reg) -> f64 {
        f64::from_bits(self.get(r))
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

    #[inline(always)]
    pub fn set_bool(self, r: Reg, v: bool) {
        self.set(r, u64::from(v))
    }

    #[inline(always)]
    pub fn set_f32(self, r: Reg, v: f32) {
        self.set(r, u64::from(v.to_bits()))
    }

    #[inline(always)]
    pub fn set_f64(self, r: Reg, v: f64) {
        self.set(r, v.to_bits())
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
}

impl Mem {
    /// The effective address of an `N`-byte access, if it is in bounds.
    #[inline(always)]
    fn ea<const N: usize>(self, addr: u32, offset: u32) -> Option<usize> {
        let ea = addr as usize + offset as usize;
        (ea + N <= self.len).then_some(ea)
    }

    #[inline(always)]
    pub fn load<const N: usize>(self, addr: u32, offset: u32) -> Result<[u8; N], TrapCode> {
        let ea = self.ea::<N>(addr, offset).ok_or(TrapCode::MemoryOutOfBounds)?;
        // SAFETY: `ea + N <= len`, and `ptr..ptr + len` is the memory's live allocation, refreshed
        // after every operation that may move it (growth, calls, host functions).
        Ok(unsafe { std::ptr::read_unaligned(self.ptr.add(ea) as *const [u8; N]) })
    }

    #[inline(always)]
    pub fn store<const N: usize>(self, addr: u32, offset: u32, bytes: [u8; N]) -> Result<(), TrapCode> {
        let ea = self.ea::<N>(addr, offset).ok_or(TrapCode::MemoryOutOfBounds)?;
        // SAFETY: as in `load`.
        unsafe { std::ptr::write_unaligned(self.ptr.add(ea) as *mut [u8; N], bytes) };
        Ok(())
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
