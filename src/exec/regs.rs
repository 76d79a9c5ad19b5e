//! Small unchecked views used by the dispatch loop: the current frame's registers and the current
//! linear memory. Their soundness rests on what translation and the call sequence guarantee.

use crate::ir::Reg;

/// The registers of the running frame.
#[derive(Clone, Copy)]
pub(super) struct Regs(pub *mut u64);

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
}

/// The running instance's default memory (or an empty one).
#[derive(Clone, Copy)]
pub(super) struct Mem {
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
    pub fn load<const N: usize>(self, addr: u32, offset: u32) -> Option<[u8; N]> {
        let ea = self.ea::<N>(addr, offset)?;
        // SAFETY: `ea + N <= len`, and `ptr..ptr + len` is the memory's live allocation, refreshed
        // after every operation that may move it (growth, calls, host functions).
        Some(unsafe { std::ptr::read_unaligned(self.ptr.add(ea) as *const [u8; N]) })
    }

    #[inline(always)]
    pub fn store<const N: usize>(self, addr: u32, offset: u32, bytes: [u8; N]) -> Option<()> {
        let ea = self.ea::<N>(addr, offset)?;
        // SAFETY: as in `load`.
        unsafe { std::ptr::write_unaligned(self.ptr.add(ea) as *mut [u8; N], bytes) };
        Some(())
    }
}
