//! The lane semantics of the fixed-width SIMD instructions, written once in portable Rust: each
//! function takes and returns a `v128` as a `u128` (lane 0 in the least significant bits, as a
//! little-endian `v128.store` lays it out), exactly as the Wasm specification defines the
//! instruction (wrapping or saturating integer lanes, IEEE float lanes with Wasm's `min`/`max`
//! and rounding, NaN to 0 in saturating truncations).
//!
//! A lane index is reduced modulo the lane count (validation keeps it below), so no input panics.

// On x86-64 and AArch64 the executor calls `simd_x86` or `simd_neon`, which replace many of these
// with SSE2 or NEON forms; they stay the reference those are tested against.
#![cfg_attr(any(target_arch = "x86_64", target_arch = "aarch64"), allow(dead_code))]

/// A lane type: an integer or float of 1, 2, 4 or 8 bytes.
pub(crate) trait Lane: Copy {
    /// Its width in bytes.
    const W: usize;
    /// From its little-endian bytes (`b` is `W` bytes long).
    fn read(b: &[u8]) -> Self;
    /// Into its little-endian bytes (`b` is `W` bytes long).
    fn write(self, b: &mut [u8]);
}

macro_rules! lane {
    ($($t:ty),*) => {$(
        impl Lane for $t {
            const W: usize = std::mem::size_of::<$t>();
            #[inline(always)]
            fn read(b: &[u8]) -> Self {
                let mut a = [0u8; std::mem::size_of::<$t>()];
                a.copy_from_slice(b);
                <$t>::from_le_bytes(a)
            }
            #[inline(always)]
            fn write(self, b: &mut [u8]) {
                b.copy_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}
lane!(i8, u8, i16, u16, i32, u32, i64, u64, f32, f64);

/// The `N` lanes of type `T` of `v` (`N * T::W == 16`).
#[inline(always)]
fn get<T: Lane, const N: usize>(v: u128) -> [T; N] {
    let b = v.to_le_bytes();
    std::array::from_fn(|i| T::read(&b[i * T::W..(i + 1) * T::W]))
}

/// The `v128` of `N` lanes of type `T` (`N * T::W == 16`).
#[inline(always)]
fn put<T: Lane, const N: usize>(lanes: [T; N]) -> u128 {
    let mut b = [0u8; 16];
    for (i, x) in lanes.iter().enumerate() {
        x.write(&mut b[i * T::W..(i + 1) * T::W]);
    }
    u128::from_le_bytes(b)
}

/// `f` applied to each lane of `a` (read as `T`, written as `U`).
#[inline(always)]
fn map1<T: Lane, U: Lane, const N: usize>(a: u128, f: impl Fn(T) -> U) -> u128 {
    let a = get::<T, N>(a);
    put::<U, N>(std::array::from_fn(|i| f(a[i])))
}

/// `f` applied to each pair of lanes of `a` and `b` (read as `T`, written as `U`).
#[inline(always)]
fn map2<T: Lane, U: Lane, const N: usize>(a: u128, b: u128, f: impl Fn(T, T) -> U) -> u128 {
    let (a, b) = (get::<T, N>(a), get::<T, N>(b));
    put::<U, N>(std::array::from_fn(|i| f(a[i], b[i])))
}

/// `f` applied to each triple of lanes of `a`, `b` and `c` (all of type `T`).
#[inline(always)]
fn map3<T: Lane, const N: usize>(a: u128, b: u128, c: u128, f: impl Fn(T, T, T) -> T) -> u128 {
    let (a, b, c) = (get::<T, N>(a), get::<T, N>(b), get::<T, N>(c));
    put::<T, N>(std::array::from_fn(|i| f(a[i], b[i], c[i])))
}

/// A comparison's lane: all ones when it holds, else zero.
#[inline(always)]
fn mask<T: From<i8>>(holds: bool) -> T {
    T::from(-i8::from(holds))
}

/// `v` with its lane `lane` of `N` bytes replaced by `bytes` (`v128.loadN_lane`).
#[inline(always)]
pub fn load_lane<const N: usize>(v: u128, lane: u16, bytes: [u8; N]) -> u128 {
    let mut b = v.to_le_bytes();
    let at = usize::from(lane) * N % 16;
    b[at..at + N].copy_from_slice(&bytes);
    u128::from_le_bytes(b)
}

/// The bytes of lane `lane` of `N` bytes of `v` (`v128.storeN_lane`).
#[inline(always)]
pub fn lane_bytes<const N: usize>(v: u128, lane: u16) -> [u8; N] {
    let b = v.to_le_bytes();
    let at = usize::from(lane) * N % 16;
    std::array::from_fn(|i| b[at + i])
}

/// `v128.not`
#[inline(always)]
pub fn v128_not(a: u128) -> u128 {
    !a
}

/// `v128.and`
#[inline(always)]
pub fn v128_and(a: u128, b: u128) -> u128 {
    a & b
}

/// `v128.andnot`
#[inline(always)]
pub fn v128_andnot(a: u128, b: u128) -> u128 {
    a & !b
}

/// `v128.or`
#[inline(always)]
pub fn v128_or(a: u128, b: u128) -> u128 {
    a | b
}

/// `v128.xor`
#[inline(always)]
pub fn v128_xor(a: u128, b: u128) -> u128 {
    a ^ b
}

/// `v128.bitselect`: bits of `a` where `c` is 1, of `b` where it is 0
#[inline(always)]
pub fn v128_bitselect(a: u128, b: u128, c: u128) -> u128 {
    (a & c) | (b & !c)
}

/// `v128.any_true`
#[inline(always)]
pub fn v128_any_true(a: u128) -> u32 {
    u32::from(a != 0)
}

/// `i8x16.add` (wrapping)
#[inline(always)]
pub fn i8x16_add(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| x.wrapping_add(y))
}

/// `i8x16.sub` (wrapping)
#[inline(always)]
pub fn i8x16_sub(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| x.wrapping_sub(y))
}

/// `i8x16.neg` (wrapping)
#[inline(always)]
pub fn i8x16_neg(a: u128) -> u128 {
    map1::<i8, i8, 16>(a, |x| x.wrapping_neg())
}

/// `i8x16.abs` (the minimum stays)
#[inline(always)]
pub fn i8x16_abs(a: u128) -> u128 {
    map1::<i8, i8, 16>(a, |x| x.wrapping_abs())
}

/// `i8x16.eq`: all ones where it holds
#[inline(always)]
pub fn i8x16_eq(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| mask(x == y))
}

/// `i8x16.ne`: all ones where it holds
#[inline(always)]
pub fn i8x16_ne(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| mask(x != y))
}

/// `i8x16.lt_s`: all ones where it holds
#[inline(always)]
pub fn i8x16_lt_s(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| mask(x < y))
}

/// `i8x16.lt_u`: all ones where it holds
#[inline(always)]
pub fn i8x16_lt_u(a: u128, b: u128) -> u128 {
    map2::<u8, i8, 16>(a, b, |x, y| mask(x < y))
}

/// `i8x16.gt_s`: all ones where it holds
#[inline(always)]
pub fn i8x16_gt_s(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| mask(x > y))
}

/// `i8x16.gt_u`: all ones where it holds
#[inline(always)]
pub fn i8x16_gt_u(a: u128, b: u128) -> u128 {
    map2::<u8, i8, 16>(a, b, |x, y| mask(x > y))
}

/// `i8x16.le_s`: all ones where it holds
#[inline(always)]
pub fn i8x16_le_s(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| mask(x <= y))
}

/// `i8x16.le_u`: all ones where it holds
#[inline(always)]
pub fn i8x16_le_u(a: u128, b: u128) -> u128 {
    map2::<u8, i8, 16>(a, b, |x, y| mask(x <= y))
}

/// `i8x16.ge_s`: all ones where it holds
#[inline(always)]
pub fn i8x16_ge_s(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| mask(x >= y))
}

/// `i8x16.ge_u`: all ones where it holds
#[inline(always)]
pub fn i8x16_ge_u(a: u128, b: u128) -> u128 {
    map2::<u8, i8, 16>(a, b, |x, y| mask(x >= y))
}

/// `i8x16.shl` (the amount modulo the lane width)
#[inline(always)]
pub fn i8x16_shl(a: u128, s: u32) -> u128 {
    map1::<u8, u8, 16>(a, |x| x.wrapping_shl(s))
}

/// `i8x16.shr_s` (the amount modulo the lane width)
#[inline(always)]
pub fn i8x16_shr_s(a: u128, s: u32) -> u128 {
    map1::<i8, i8, 16>(a, |x| x.wrapping_shr(s))
}

/// `i8x16.shr_u` (the amount modulo the lane width)
#[inline(always)]
pub fn i8x16_shr_u(a: u128, s: u32) -> u128 {
    map1::<u8, u8, 16>(a, |x| x.wrapping_shr(s))
}

/// `i8x16.all_true`
#[inline(always)]
pub fn i8x16_all_true(a: u128) -> u32 {
    u32::from(get::<i8, 16>(a).iter().all(|x| *x != 0))
}

/// `i8x16.bitmask`: the lanes' sign bits
#[inline(always)]
pub fn i8x16_bitmask(a: u128) -> u32 {
    get::<i8, 16>(a).iter().enumerate().fold(0, |m, (i, x)| m | (u32::from(*x < 0) << i))
}

/// `i8x16.splat` of the low bits of a cell
#[inline(always)]
pub fn i8x16_splat(x: u64) -> u128 {
    put::<u8, 16>([x as u8; 16])
}

/// `i8x16.min_s`
#[inline(always)]
pub fn i8x16_min_s(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| x.min(y))
}

/// `i8x16.min_u`
#[inline(always)]
pub fn i8x16_min_u(a: u128, b: u128) -> u128 {
    map2::<u8, u8, 16>(a, b, |x, y| x.min(y))
}

/// `i8x16.max_s`
#[inline(always)]
pub fn i8x16_max_s(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| x.max(y))
}

/// `i8x16.max_u`
#[inline(always)]
pub fn i8x16_max_u(a: u128, b: u128) -> u128 {
    map2::<u8, u8, 16>(a, b, |x, y| x.max(y))
}

/// `i8x16.add_sat_s`
#[inline(always)]
pub fn i8x16_add_sat_s(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| x.saturating_add(y))
}

/// `i8x16.add_sat_u`
#[inline(always)]
pub fn i8x16_add_sat_u(a: u128, b: u128) -> u128 {
    map2::<u8, u8, 16>(a, b, |x, y| x.saturating_add(y))
}

/// `i8x16.sub_sat_s`
#[inline(always)]
pub fn i8x16_sub_sat_s(a: u128, b: u128) -> u128 {
    map2::<i8, i8, 16>(a, b, |x, y| x.saturating_sub(y))
}

/// `i8x16.sub_sat_u`
#[inline(always)]
pub fn i8x16_sub_sat_u(a: u128, b: u128) -> u128 {
    map2::<u8, u8, 16>(a, b, |x, y| x.saturating_sub(y))
}

/// `i8x16.avgr_u`
#[inline(always)]
pub fn i8x16_avgr_u(a: u128, b: u128) -> u128 {
    map2::<u8, u8, 16>(a, b, |x, y| ((u32::from(x) + u32::from(y) + 1) >> 1) as u8)
}

/// `i8x16.extract_lane_s`
#[inline(always)]
pub fn i8x16_extract_lane_s(a: u128, lane: u16) -> u64 {
    let x = get::<i8, 16>(a)[usize::from(lane) % 16];
    x as i32 as u32 as u64
}

/// `i8x16.extract_lane_u`
#[inline(always)]
pub fn i8x16_extract_lane_u(a: u128, lane: u16) -> u64 {
    let x = get::<u8, 16>(a)[usize::from(lane) % 16];
    u64::from(x)
}

/// `i8x16.replace_lane` with the low bits of a cell
#[inline(always)]
pub fn i8x16_replace_lane(a: u128, lane: u16, x: u64) -> u128 {
    let mut l = get::<u8, 16>(a);
    l[usize::from(lane) % 16] = x as u8;
    put(l)
}

/// `i16x8.add` (wrapping)
#[inline(always)]
pub fn i16x8_add(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| x.wrapping_add(y))
}

/// `i16x8.sub` (wrapping)
#[inline(always)]
pub fn i16x8_sub(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| x.wrapping_sub(y))
}

/// `i16x8.mul` (wrapping)
#[inline(always)]
pub fn i16x8_mul(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| x.wrapping_mul(y))
}

/// `i16x8.neg` (wrapping)
#[inline(always)]
pub fn i16x8_neg(a: u128) -> u128 {
    map1::<i16, i16, 8>(a, |x| x.wrapping_neg())
}

/// `i16x8.abs` (the minimum stays)
#[inline(always)]
pub fn i16x8_abs(a: u128) -> u128 {
    map1::<i16, i16, 8>(a, |x| x.wrapping_abs())
}

/// `i16x8.eq`: all ones where it holds
#[inline(always)]
pub fn i16x8_eq(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| mask(x == y))
}

/// `i16x8.ne`: all ones where it holds
#[inline(always)]
pub fn i16x8_ne(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| mask(x != y))
}

/// `i16x8.lt_s`: all ones where it holds
#[inline(always)]
pub fn i16x8_lt_s(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| mask(x < y))
}

/// `i16x8.lt_u`: all ones where it holds
#[inline(always)]
pub fn i16x8_lt_u(a: u128, b: u128) -> u128 {
    map2::<u16, i16, 8>(a, b, |x, y| mask(x < y))
}

/// `i16x8.gt_s`: all ones where it holds
#[inline(always)]
pub fn i16x8_gt_s(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| mask(x > y))
}

/// `i16x8.gt_u`: all ones where it holds
#[inline(always)]
pub fn i16x8_gt_u(a: u128, b: u128) -> u128 {
    map2::<u16, i16, 8>(a, b, |x, y| mask(x > y))
}

/// `i16x8.le_s`: all ones where it holds
#[inline(always)]
pub fn i16x8_le_s(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| mask(x <= y))
}

/// `i16x8.le_u`: all ones where it holds
#[inline(always)]
pub fn i16x8_le_u(a: u128, b: u128) -> u128 {
    map2::<u16, i16, 8>(a, b, |x, y| mask(x <= y))
}

/// `i16x8.ge_s`: all ones where it holds
#[inline(always)]
pub fn i16x8_ge_s(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| mask(x >= y))
}

/// `i16x8.ge_u`: all ones where it holds
#[inline(always)]
pub fn i16x8_ge_u(a: u128, b: u128) -> u128 {
    map2::<u16, i16, 8>(a, b, |x, y| mask(x >= y))
}

/// `i16x8.shl` (the amount modulo the lane width)
#[inline(always)]
pub fn i16x8_shl(a: u128, s: u32) -> u128 {
    map1::<u16, u16, 8>(a, |x| x.wrapping_shl(s))
}

/// `i16x8.shr_s` (the amount modulo the lane width)
#[inline(always)]
pub fn i16x8_shr_s(a: u128, s: u32) -> u128 {
    map1::<i16, i16, 8>(a, |x| x.wrapping_shr(s))
}

/// `i16x8.shr_u` (the amount modulo the lane width)
#[inline(always)]
pub fn i16x8_shr_u(a: u128, s: u32) -> u128 {
    map1::<u16, u16, 8>(a, |x| x.wrapping_shr(s))
}

/// `i16x8.all_true`
#[inline(always)]
pub fn i16x8_all_true(a: u128) -> u32 {
    u32::from(get::<i16, 8>(a).iter().all(|x| *x != 0))
}

/// `i16x8.bitmask`: the lanes' sign bits
#[inline(always)]
pub fn i16x8_bitmask(a: u128) -> u32 {
    get::<i16, 8>(a).iter().enumerate().fold(0, |m, (i, x)| m | (u32::from(*x < 0) << i))
}

/// `i16x8.splat` of the low bits of a cell
#[inline(always)]
pub fn i16x8_splat(x: u64) -> u128 {
    put::<u16, 8>([x as u16; 8])
}

/// `i16x8.min_s`
#[inline(always)]
pub fn i16x8_min_s(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| x.min(y))
}

/// `i16x8.min_u`
#[inline(always)]
pub fn i16x8_min_u(a: u128, b: u128) -> u128 {
    map2::<u16, u16, 8>(a, b, |x, y| x.min(y))
}

/// `i16x8.max_s`
#[inline(always)]
pub fn i16x8_max_s(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| x.max(y))
}

/// `i16x8.max_u`
#[inline(always)]
pub fn i16x8_max_u(a: u128, b: u128) -> u128 {
    map2::<u16, u16, 8>(a, b, |x, y| x.max(y))
}

/// `i16x8.add_sat_s`
#[inline(always)]
pub fn i16x8_add_sat_s(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| x.saturating_add(y))
}

/// `i16x8.add_sat_u`
#[inline(always)]
pub fn i16x8_add_sat_u(a: u128, b: u128) -> u128 {
    map2::<u16, u16, 8>(a, b, |x, y| x.saturating_add(y))
}

/// `i16x8.sub_sat_s`
#[inline(always)]
pub fn i16x8_sub_sat_s(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| x.saturating_sub(y))
}

/// `i16x8.sub_sat_u`
#[inline(always)]
pub fn i16x8_sub_sat_u(a: u128, b: u128) -> u128 {
    map2::<u16, u16, 8>(a, b, |x, y| x.saturating_sub(y))
}

/// `i16x8.avgr_u`
#[inline(always)]
pub fn i16x8_avgr_u(a: u128, b: u128) -> u128 {
    map2::<u16, u16, 8>(a, b, |x, y| ((u32::from(x) + u32::from(y) + 1) >> 1) as u16)
}

/// `i16x8.extract_lane_s`
#[inline(always)]
pub fn i16x8_extract_lane_s(a: u128, lane: u16) -> u64 {
    let x = get::<i16, 8>(a)[usize::from(lane) % 8];
    x as i32 as u32 as u64
}

/// `i16x8.extract_lane_u`
#[inline(always)]
pub fn i16x8_extract_lane_u(a: u128, lane: u16) -> u64 {
    let x = get::<u16, 8>(a)[usize::from(lane) % 8];
    u64::from(x)
}

/// `i16x8.replace_lane` with the low bits of a cell
#[inline(always)]
pub fn i16x8_replace_lane(a: u128, lane: u16, x: u64) -> u128 {
    let mut l = get::<u16, 8>(a);
    l[usize::from(lane) % 8] = x as u16;
    put(l)
}

/// `i32x4.add` (wrapping)
#[inline(always)]
pub fn i32x4_add(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| x.wrapping_add(y))
}

/// `i32x4.sub` (wrapping)
#[inline(always)]
pub fn i32x4_sub(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| x.wrapping_sub(y))
}

/// `i32x4.mul` (wrapping)
#[inline(always)]
pub fn i32x4_mul(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| x.wrapping_mul(y))
}

/// `i32x4.neg` (wrapping)
#[inline(always)]
pub fn i32x4_neg(a: u128) -> u128 {
    map1::<i32, i32, 4>(a, |x| x.wrapping_neg())
}

/// `i32x4.abs` (the minimum stays)
#[inline(always)]
pub fn i32x4_abs(a: u128) -> u128 {
    map1::<i32, i32, 4>(a, |x| x.wrapping_abs())
}

/// `i32x4.eq`: all ones where it holds
#[inline(always)]
pub fn i32x4_eq(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| mask(x == y))
}

/// `i32x4.ne`: all ones where it holds
#[inline(always)]
pub fn i32x4_ne(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| mask(x != y))
}

/// `i32x4.lt_s`: all ones where it holds
#[inline(always)]
pub fn i32x4_lt_s(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| mask(x < y))
}

/// `i32x4.lt_u`: all ones where it holds
#[inline(always)]
pub fn i32x4_lt_u(a: u128, b: u128) -> u128 {
    map2::<u32, i32, 4>(a, b, |x, y| mask(x < y))
}

/// `i32x4.gt_s`: all ones where it holds
#[inline(always)]
pub fn i32x4_gt_s(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| mask(x > y))
}

/// `i32x4.gt_u`: all ones where it holds
#[inline(always)]
pub fn i32x4_gt_u(a: u128, b: u128) -> u128 {
    map2::<u32, i32, 4>(a, b, |x, y| mask(x > y))
}

/// `i32x4.le_s`: all ones where it holds
#[inline(always)]
pub fn i32x4_le_s(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| mask(x <= y))
}

/// `i32x4.le_u`: all ones where it holds
#[inline(always)]
pub fn i32x4_le_u(a: u128, b: u128) -> u128 {
    map2::<u32, i32, 4>(a, b, |x, y| mask(x <= y))
}

/// `i32x4.ge_s`: all ones where it holds
#[inline(always)]
pub fn i32x4_ge_s(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| mask(x >= y))
}

/// `i32x4.ge_u`: all ones where it holds
#[inline(always)]
pub fn i32x4_ge_u(a: u128, b: u128) -> u128 {
    map2::<u32, i32, 4>(a, b, |x, y| mask(x >= y))
}

/// `i32x4.shl` (the amount modulo the lane width)
#[inline(always)]
pub fn i32x4_shl(a: u128, s: u32) -> u128 {
    map1::<u32, u32, 4>(a, |x| x.wrapping_shl(s))
}

/// `i32x4.shr_s` (the amount modulo the lane width)
#[inline(always)]
pub fn i32x4_shr_s(a: u128, s: u32) -> u128 {
    map1::<i32, i32, 4>(a, |x| x.wrapping_shr(s))
}

/// `i32x4.shr_u` (the amount modulo the lane width)
#[inline(always)]
pub fn i32x4_shr_u(a: u128, s: u32) -> u128 {
    map1::<u32, u32, 4>(a, |x| x.wrapping_shr(s))
}

/// `i32x4.all_true`
#[inline(always)]
pub fn i32x4_all_true(a: u128) -> u32 {
    u32::from(get::<i32, 4>(a).iter().all(|x| *x != 0))
}

/// `i32x4.bitmask`: the lanes' sign bits
#[inline(always)]
pub fn i32x4_bitmask(a: u128) -> u32 {
    get::<i32, 4>(a).iter().enumerate().fold(0, |m, (i, x)| m | (u32::from(*x < 0) << i))
}

/// `i32x4.splat` of the low bits of a cell (also `f32x4.splat`)
#[inline(always)]
pub fn i32x4_splat(x: u64) -> u128 {
    put::<u32, 4>([x as u32; 4])
}

/// `i32x4.min_s`
#[inline(always)]
pub fn i32x4_min_s(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| x.min(y))
}

/// `i32x4.min_u`
#[inline(always)]
pub fn i32x4_min_u(a: u128, b: u128) -> u128 {
    map2::<u32, u32, 4>(a, b, |x, y| x.min(y))
}

/// `i32x4.max_s`
#[inline(always)]
pub fn i32x4_max_s(a: u128, b: u128) -> u128 {
    map2::<i32, i32, 4>(a, b, |x, y| x.max(y))
}

/// `i32x4.max_u`
#[inline(always)]
pub fn i32x4_max_u(a: u128, b: u128) -> u128 {
    map2::<u32, u32, 4>(a, b, |x, y| x.max(y))
}

/// `i32x4.extract_lane` (also `f32x4.extract_lane`: the bits)
#[inline(always)]
pub fn i32x4_extract_lane(a: u128, lane: u16) -> u64 {
    u64::from(get::<u32, 4>(a)[usize::from(lane) % 4])
}

/// `i32x4.replace_lane` with the low bits of a cell (also `f32x4.replace_lane`)
#[inline(always)]
pub fn i32x4_replace_lane(a: u128, lane: u16, x: u64) -> u128 {
    let mut l = get::<u32, 4>(a);
    l[usize::from(lane) % 4] = x as u32;
    put(l)
}

/// `i64x2.add` (wrapping)
#[inline(always)]
pub fn i64x2_add(a: u128, b: u128) -> u128 {
    map2::<i64, i64, 2>(a, b, |x, y| x.wrapping_add(y))
}

/// `i64x2.sub` (wrapping)
#[inline(always)]
pub fn i64x2_sub(a: u128, b: u128) -> u128 {
    map2::<i64, i64, 2>(a, b, |x, y| x.wrapping_sub(y))
}

/// `i64x2.mul` (wrapping)
#[inline(always)]
pub fn i64x2_mul(a: u128, b: u128) -> u128 {
    map2::<i64, i64, 2>(a, b, |x, y| x.wrapping_mul(y))
}

/// `i64x2.neg` (wrapping)
#[inline(always)]
pub fn i64x2_neg(a: u128) -> u128 {
    map1::<i64, i64, 2>(a, |x| x.wrapping_neg())
}

/// `i64x2.abs` (the minimum stays)
#[inline(always)]
pub fn i64x2_abs(a: u128) -> u128 {
    map1::<i64, i64, 2>(a, |x| x.wrapping_abs())
}

/// `i64x2.eq`: all ones where it holds
#[inline(always)]
pub fn i64x2_eq(a: u128, b: u128) -> u128 {
    map2::<i64, i64, 2>(a, b, |x, y| mask(x == y))
}

/// `i64x2.ne`: all ones where it holds
#[inline(always)]
pub fn i64x2_ne(a: u128, b: u128) -> u128 {
    map2::<i64, i64, 2>(a, b, |x, y| mask(x != y))
}

/// `i64x2.lt_s`: all ones where it holds
#[inline(always)]
pub fn i64x2_lt_s(a: u128, b: u128) -> u128 {
    map2::<i64, i64, 2>(a, b, |x, y| mask(x < y))
}

/// `i64x2.gt_s`: all ones where it holds
#[inline(always)]
pub fn i64x2_gt_s(a: u128, b: u128) -> u128 {
    map2::<i64, i64, 2>(a, b, |x, y| mask(x > y))
}

/// `i64x2.le_s`: all ones where it holds
#[inline(always)]
pub fn i64x2_le_s(a: u128, b: u128) -> u128 {
    map2::<i64, i64, 2>(a, b, |x, y| mask(x <= y))
}

/// `i64x2.ge_s`: all ones where it holds
#[inline(always)]
pub fn i64x2_ge_s(a: u128, b: u128) -> u128 {
    map2::<i64, i64, 2>(a, b, |x, y| mask(x >= y))
}

/// `i64x2.shl` (the amount modulo the lane width)
#[inline(always)]
pub fn i64x2_shl(a: u128, s: u32) -> u128 {
    map1::<u64, u64, 2>(a, |x| x.wrapping_shl(s))
}

/// `i64x2.shr_s` (the amount modulo the lane width)
#[inline(always)]
pub fn i64x2_shr_s(a: u128, s: u32) -> u128 {
    map1::<i64, i64, 2>(a, |x| x.wrapping_shr(s))
}

/// `i64x2.shr_u` (the amount modulo the lane width)
#[inline(always)]
pub fn i64x2_shr_u(a: u128, s: u32) -> u128 {
    map1::<u64, u64, 2>(a, |x| x.wrapping_shr(s))
}

/// `i64x2.all_true`
#[inline(always)]
pub fn i64x2_all_true(a: u128) -> u32 {
    u32::from(get::<i64, 2>(a).iter().all(|x| *x != 0))
}

/// `i64x2.bitmask`: the lanes' sign bits
#[inline(always)]
pub fn i64x2_bitmask(a: u128) -> u32 {
    get::<i64, 2>(a).iter().enumerate().fold(0, |m, (i, x)| m | (u32::from(*x < 0) << i))
}

/// `i64x2.splat` (also `f64x2.splat`)
#[inline(always)]
pub fn i64x2_splat(x: u64) -> u128 {
    put::<u64, 2>([x; 2])
}

/// `i64x2.extract_lane` (also `f64x2.extract_lane`: the bits)
#[inline(always)]
pub fn i64x2_extract_lane(a: u128, lane: u16) -> u64 {
    get::<u64, 2>(a)[usize::from(lane) % 2]
}

/// `i64x2.replace_lane` with the low bits of a cell (also `f64x2.replace_lane`)
#[inline(always)]
pub fn i64x2_replace_lane(a: u128, lane: u16, x: u64) -> u128 {
    let mut l = get::<u64, 2>(a);
    l[usize::from(lane) % 2] = x;
    put(l)
}

/// `i8x16.popcnt`
#[inline(always)]
pub fn i8x16_popcnt(a: u128) -> u128 {
    map1::<u8, u8, 16>(a, |x| x.count_ones() as u8)
}

/// `i16x8.q15mulr_sat_s`: rounding, saturating Q15 multiplication
#[inline(always)]
pub fn i16x8_q15mulr_sat_s(a: u128, b: u128) -> u128 {
    map2::<i16, i16, 8>(a, b, |x, y| ((i32::from(x) * i32::from(y) + 0x4000) >> 15).clamp(-0x8000, 0x7fff) as i16)
}

/// `i32x4.dot_i16x8_s`
#[inline(always)]
pub fn i32x4_dot_i16x8_s(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i16, 8>(a), get::<i16, 8>(b));
    put::<i32, 4>(std::array::from_fn(|i| {
        (i32::from(a[2 * i]) * i32::from(b[2 * i])).wrapping_add(i32::from(a[2 * i + 1]) * i32::from(b[2 * i + 1]))
    }))
}

/// `i16x8.relaxed_dot_i8x16_i7x16_s` as the deterministic profile fixes it: both operands read
/// as signed, each pair of products added with i16 saturation
#[inline(always)]
pub fn i16x8_relaxed_dot_i8x16_i7x16_s(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i8, 16>(a), get::<i8, 16>(b));
    let product = |i: usize| i16::from(a[i]) * i16::from(b[i]);
    put::<i16, 8>(std::array::from_fn(|i| product(2 * i).saturating_add(product(2 * i + 1))))
}

/// `i32x4.relaxed_dot_i8x16_i7x16_add_s` as the deterministic profile fixes it: the i16 lanes of
/// [`i16x8_relaxed_dot_i8x16_i7x16_s`], added pairwise into i32 lanes, plus `c` (wrapping)
#[inline(always)]
pub fn i32x4_relaxed_dot_i8x16_i7x16_add_s(a: u128, b: u128, c: u128) -> u128 {
    i32x4_add(i32x4_extadd_pairwise_i16x8_s(i16x8_relaxed_dot_i8x16_i7x16_s(a, b)), c)
}

/// `i8x16_narrow_i16x8_s`: saturating
#[inline(always)]
pub fn i8x16_narrow_i16x8_s(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i16, 8>(a), get::<i16, 8>(b));
    put::<i8, 16>(std::array::from_fn(|i| {
        let x = if i < 8 { a[i] } else { b[i - 8] };
        x.clamp(i16::from(i8::MIN), i16::from(i8::MAX)) as i8
    }))
}

/// `i8x16_narrow_i16x8_u`: saturating
#[inline(always)]
pub fn i8x16_narrow_i16x8_u(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i16, 8>(a), get::<i16, 8>(b));
    put::<u8, 16>(std::array::from_fn(|i| {
        let x = if i < 8 { a[i] } else { b[i - 8] };
        x.clamp(0, i16::from(u8::MAX)) as u8
    }))
}

/// `i16x8_narrow_i32x4_s`: saturating
#[inline(always)]
pub fn i16x8_narrow_i32x4_s(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i32, 4>(a), get::<i32, 4>(b));
    put::<i16, 8>(std::array::from_fn(|i| {
        let x = if i < 4 { a[i] } else { b[i - 4] };
        x.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16
    }))
}

/// `i16x8_narrow_i32x4_u`: saturating
#[inline(always)]
pub fn i16x8_narrow_i32x4_u(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i32, 4>(a), get::<i32, 4>(b));
    put::<u16, 8>(std::array::from_fn(|i| {
        let x = if i < 4 { a[i] } else { b[i - 4] };
        x.clamp(0, i32::from(u16::MAX)) as u16
    }))
}

/// `i16x8_extend_low_i8x16_s`
#[inline(always)]
pub fn i16x8_extend_low_i8x16_s(a: u128) -> u128 {
    let a = get::<i8, 16>(a);
    put::<i16, 8>(std::array::from_fn(|i| i16::from(a[i])))
}

/// `i16x8_extmul_low_i8x16_s`
#[inline(always)]
pub fn i16x8_extmul_low_i8x16_s(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i8, 16>(a), get::<i8, 16>(b));
    put::<i16, 8>(std::array::from_fn(|i| i16::from(a[i]).wrapping_mul(i16::from(b[i]))))
}

/// `i16x8_extend_high_i8x16_s`
#[inline(always)]
pub fn i16x8_extend_high_i8x16_s(a: u128) -> u128 {
    let a = get::<i8, 16>(a);
    put::<i16, 8>(std::array::from_fn(|i| i16::from(a[i + 8])))
}

/// `i16x8_extmul_high_i8x16_s`
#[inline(always)]
pub fn i16x8_extmul_high_i8x16_s(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i8, 16>(a), get::<i8, 16>(b));
    put::<i16, 8>(std::array::from_fn(|i| i16::from(a[i + 8]).wrapping_mul(i16::from(b[i + 8]))))
}

/// `i16x8_extadd_pairwise_i8x16_s`
#[inline(always)]
pub fn i16x8_extadd_pairwise_i8x16_s(a: u128) -> u128 {
    let a = get::<i8, 16>(a);
    put::<i16, 8>(std::array::from_fn(|i| i16::from(a[2 * i]).wrapping_add(i16::from(a[2 * i + 1]))))
}

/// `i16x8_extend_low_i8x16_u`
#[inline(always)]
pub fn i16x8_extend_low_i8x16_u(a: u128) -> u128 {
    let a = get::<u8, 16>(a);
    put::<u16, 8>(std::array::from_fn(|i| u16::from(a[i])))
}

/// `i16x8_extmul_low_i8x16_u`
#[inline(always)]
pub fn i16x8_extmul_low_i8x16_u(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<u8, 16>(a), get::<u8, 16>(b));
    put::<u16, 8>(std::array::from_fn(|i| u16::from(a[i]).wrapping_mul(u16::from(b[i]))))
}

/// `i16x8_extend_high_i8x16_u`
#[inline(always)]
pub fn i16x8_extend_high_i8x16_u(a: u128) -> u128 {
    let a = get::<u8, 16>(a);
    put::<u16, 8>(std::array::from_fn(|i| u16::from(a[i + 8])))
}

/// `i16x8_extmul_high_i8x16_u`
#[inline(always)]
pub fn i16x8_extmul_high_i8x16_u(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<u8, 16>(a), get::<u8, 16>(b));
    put::<u16, 8>(std::array::from_fn(|i| u16::from(a[i + 8]).wrapping_mul(u16::from(b[i + 8]))))
}

/// `i16x8_extadd_pairwise_i8x16_u`
#[inline(always)]
pub fn i16x8_extadd_pairwise_i8x16_u(a: u128) -> u128 {
    let a = get::<u8, 16>(a);
    put::<u16, 8>(std::array::from_fn(|i| u16::from(a[2 * i]).wrapping_add(u16::from(a[2 * i + 1]))))
}

/// `i32x4_extend_low_i16x8_s`
#[inline(always)]
pub fn i32x4_extend_low_i16x8_s(a: u128) -> u128 {
    let a = get::<i16, 8>(a);
    put::<i32, 4>(std::array::from_fn(|i| i32::from(a[i])))
}

/// `i32x4_extmul_low_i16x8_s`
#[inline(always)]
pub fn i32x4_extmul_low_i16x8_s(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i16, 8>(a), get::<i16, 8>(b));
    put::<i32, 4>(std::array::from_fn(|i| i32::from(a[i]).wrapping_mul(i32::from(b[i]))))
}

/// `i32x4_extend_high_i16x8_s`
#[inline(always)]
pub fn i32x4_extend_high_i16x8_s(a: u128) -> u128 {
    let a = get::<i16, 8>(a);
    put::<i32, 4>(std::array::from_fn(|i| i32::from(a[i + 4])))
}

/// `i32x4_extmul_high_i16x8_s`
#[inline(always)]
pub fn i32x4_extmul_high_i16x8_s(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i16, 8>(a), get::<i16, 8>(b));
    put::<i32, 4>(std::array::from_fn(|i| i32::from(a[i + 4]).wrapping_mul(i32::from(b[i + 4]))))
}

/// `i32x4_extadd_pairwise_i16x8_s`
#[inline(always)]
pub fn i32x4_extadd_pairwise_i16x8_s(a: u128) -> u128 {
    let a = get::<i16, 8>(a);
    put::<i32, 4>(std::array::from_fn(|i| i32::from(a[2 * i]).wrapping_add(i32::from(a[2 * i + 1]))))
}

/// `i32x4_extend_low_i16x8_u`
#[inline(always)]
pub fn i32x4_extend_low_i16x8_u(a: u128) -> u128 {
    let a = get::<u16, 8>(a);
    put::<u32, 4>(std::array::from_fn(|i| u32::from(a[i])))
}

/// `i32x4_extmul_low_i16x8_u`
#[inline(always)]
pub fn i32x4_extmul_low_i16x8_u(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<u16, 8>(a), get::<u16, 8>(b));
    put::<u32, 4>(std::array::from_fn(|i| u32::from(a[i]).wrapping_mul(u32::from(b[i]))))
}

/// `i32x4_extend_high_i16x8_u`
#[inline(always)]
pub fn i32x4_extend_high_i16x8_u(a: u128) -> u128 {
    let a = get::<u16, 8>(a);
    put::<u32, 4>(std::array::from_fn(|i| u32::from(a[i + 4])))
}

/// `i32x4_extmul_high_i16x8_u`
#[inline(always)]
pub fn i32x4_extmul_high_i16x8_u(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<u16, 8>(a), get::<u16, 8>(b));
    put::<u32, 4>(std::array::from_fn(|i| u32::from(a[i + 4]).wrapping_mul(u32::from(b[i + 4]))))
}

/// `i32x4_extadd_pairwise_i16x8_u`
#[inline(always)]
pub fn i32x4_extadd_pairwise_i16x8_u(a: u128) -> u128 {
    let a = get::<u16, 8>(a);
    put::<u32, 4>(std::array::from_fn(|i| u32::from(a[2 * i]).wrapping_add(u32::from(a[2 * i + 1]))))
}

/// `i64x2_extend_low_i32x4_s`
#[inline(always)]
pub fn i64x2_extend_low_i32x4_s(a: u128) -> u128 {
    let a = get::<i32, 4>(a);
    put::<i64, 2>(std::array::from_fn(|i| i64::from(a[i])))
}

/// `i64x2_extmul_low_i32x4_s`
#[inline(always)]
pub fn i64x2_extmul_low_i32x4_s(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i32, 4>(a), get::<i32, 4>(b));
    put::<i64, 2>(std::array::from_fn(|i| i64::from(a[i]).wrapping_mul(i64::from(b[i]))))
}

/// `i64x2_extend_high_i32x4_s`
#[inline(always)]
pub fn i64x2_extend_high_i32x4_s(a: u128) -> u128 {
    let a = get::<i32, 4>(a);
    put::<i64, 2>(std::array::from_fn(|i| i64::from(a[i + 2])))
}

/// `i64x2_extmul_high_i32x4_s`
#[inline(always)]
pub fn i64x2_extmul_high_i32x4_s(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<i32, 4>(a), get::<i32, 4>(b));
    put::<i64, 2>(std::array::from_fn(|i| i64::from(a[i + 2]).wrapping_mul(i64::from(b[i + 2]))))
}

/// `i64x2_extend_low_i32x4_u`
#[inline(always)]
pub fn i64x2_extend_low_i32x4_u(a: u128) -> u128 {
    let a = get::<u32, 4>(a);
    put::<u64, 2>(std::array::from_fn(|i| u64::from(a[i])))
}

/// `i64x2_extmul_low_i32x4_u`
#[inline(always)]
pub fn i64x2_extmul_low_i32x4_u(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<u32, 4>(a), get::<u32, 4>(b));
    put::<u64, 2>(std::array::from_fn(|i| u64::from(a[i]).wrapping_mul(u64::from(b[i]))))
}

/// `i64x2_extend_high_i32x4_u`
#[inline(always)]
pub fn i64x2_extend_high_i32x4_u(a: u128) -> u128 {
    let a = get::<u32, 4>(a);
    put::<u64, 2>(std::array::from_fn(|i| u64::from(a[i + 2])))
}

/// `i64x2_extmul_high_i32x4_u`
#[inline(always)]
pub fn i64x2_extmul_high_i32x4_u(a: u128, b: u128) -> u128 {
    let (a, b) = (get::<u32, 4>(a), get::<u32, 4>(b));
    put::<u64, 2>(std::array::from_fn(|i| u64::from(a[i + 2]).wrapping_mul(u64::from(b[i + 2]))))
}

/// `i8x16.shuffle` with the lane indices of `mask` (each below 32)
#[inline(always)]
pub fn i8x16_shuffle(a: u128, b: u128, mask: u128) -> u128 {
    let (a, b, s) = (a.to_le_bytes(), b.to_le_bytes(), mask.to_le_bytes());
    u128::from_le_bytes(std::array::from_fn(|i| {
        let j = usize::from(s[i] & 31);
        if j < 16 { a[j] } else { b[j - 16] }
    }))
}

/// `i8x16.swizzle`: 0 for an index past 15
#[inline(always)]
pub fn i8x16_swizzle(a: u128, s: u128) -> u128 {
    let (a, s) = (a.to_le_bytes(), s.to_le_bytes());
    u128::from_le_bytes(std::array::from_fn(|i| a.get(usize::from(s[i])).copied().unwrap_or(0)))
}

/// What the float instructions need of a lane type beyond IEEE arithmetic: Wasm's `min`, `max`
/// and rounding ([`crate::num`]), and the sign bit of its bits.
trait WasmFloat: Lane {
    /// The unsigned integer of the same width.
    type Bits: Lane
        + std::ops::BitAnd<Output = Self::Bits>
        + std::ops::BitXor<Output = Self::Bits>
        + std::ops::Not<Output = Self::Bits>;
    /// The sign bit.
    const SIGN: Self::Bits;
    fn wasm_min(self, other: Self) -> Self;
    fn wasm_max(self, other: Self) -> Self;
    fn wasm_ceil(self) -> Self;
    fn wasm_floor(self) -> Self;
    fn wasm_trunc(self) -> Self;
    fn wasm_nearest(self) -> Self;
}

macro_rules! wasm_float {
    ($($f:ident, $bits:ident: $min:ident, $max:ident, $ceil:ident, $floor:ident, $trunc:ident, $nearest:ident;)*) => {$(
        impl WasmFloat for $f {
            type Bits = $bits;
            const SIGN: $bits = 1 << ($bits::BITS - 1);
            #[inline(always)]
            fn wasm_min(self, other: Self) -> Self {
                crate::num::$min(self, other)
            }
            #[inline(always)]
            fn wasm_max(self, other: Self) -> Self {
                crate::num::$max(self, other)
            }
            #[inline(always)]
            fn wasm_ceil(self) -> Self {
                crate::num::$ceil(self)
            }
            #[inline(always)]
            fn wasm_floor(self) -> Self {
                crate::num::$floor(self)
            }
            #[inline(always)]
            fn wasm_trunc(self) -> Self {
                crate::num::$trunc(self)
            }
            #[inline(always)]
            fn wasm_nearest(self) -> Self {
                crate::num::$nearest(self)
            }
        }
    )*};
}
wasm_float! {
    f32, u32: f32_min, f32_max, f32_ceil, f32_floor, f32_trunc, f32_nearest;
    f64, u64: f64_min, f64_max, f64_ceil, f64_floor, f64_trunc, f64_nearest;
}

/// The instructions `f32x4` and `f64x2` share, written once: `float_shape!(f32x4, f32, i32, 4)`
/// defines the module `f32x4` whose `add` is `f32x4.add`, and so on (lanes of `f32`, comparison
/// masks of `i32`, 4 lanes).
macro_rules! float_shape {
    ($shape:ident, $f:ident, $mask:ident, $n:literal) => {
        #[doc = concat!("The `", stringify!($shape), "` arithmetic, comparison, sign, rounding and multiply-add instructions.")]
        pub mod $shape {
            use super::{WasmFloat, map1, map2, map3, mask};

            type Bits = <$f as WasmFloat>::Bits;

            /// `add`
            #[inline(always)]
            pub fn add(a: u128, b: u128) -> u128 {
                map2::<$f, $f, $n>(a, b, |x, y| x + y)
            }

            /// `sub`
            #[inline(always)]
            pub fn sub(a: u128, b: u128) -> u128 {
                map2::<$f, $f, $n>(a, b, |x, y| x - y)
            }

            /// `mul`
            #[inline(always)]
            pub fn mul(a: u128, b: u128) -> u128 {
                map2::<$f, $f, $n>(a, b, |x, y| x * y)
            }

            /// `div`
            #[inline(always)]
            pub fn div(a: u128, b: u128) -> u128 {
                map2::<$f, $f, $n>(a, b, |x, y| x / y)
            }

            /// `min` (also `relaxed_min`): NaN if either lane is NaN, `-0 < +0`
            #[inline(always)]
            pub fn min(a: u128, b: u128) -> u128 {
                map2::<$f, $f, $n>(a, b, $f::wasm_min)
            }

            /// `max` (also `relaxed_max`): NaN if either lane is NaN, `-0 < +0`
            #[inline(always)]
            pub fn max(a: u128, b: u128) -> u128 {
                map2::<$f, $f, $n>(a, b, $f::wasm_max)
            }

            /// `pmin`: `b < a ? b : a`
            #[inline(always)]
            pub fn pmin(a: u128, b: u128) -> u128 {
                map2::<$f, $f, $n>(a, b, |x, y| if y < x { y } else { x })
            }

            /// `pmax`: `a < b ? b : a`
            #[inline(always)]
            pub fn pmax(a: u128, b: u128) -> u128 {
                map2::<$f, $f, $n>(a, b, |x, y| if x < y { y } else { x })
            }

            /// `eq`: all ones where it holds
            #[inline(always)]
            pub fn eq(a: u128, b: u128) -> u128 {
                map2::<$f, $mask, $n>(a, b, |x, y| mask(x == y))
            }

            /// `ne`: all ones where it holds
            #[inline(always)]
            pub fn ne(a: u128, b: u128) -> u128 {
                map2::<$f, $mask, $n>(a, b, |x, y| mask(x != y))
            }

            /// `lt`: all ones where it holds
            #[inline(always)]
            pub fn lt(a: u128, b: u128) -> u128 {
                map2::<$f, $mask, $n>(a, b, |x, y| mask(x < y))
            }

            /// `gt`: all ones where it holds
            #[inline(always)]
            pub fn gt(a: u128, b: u128) -> u128 {
                map2::<$f, $mask, $n>(a, b, |x, y| mask(x > y))
            }

            /// `le`: all ones where it holds
            #[inline(always)]
            pub fn le(a: u128, b: u128) -> u128 {
                map2::<$f, $mask, $n>(a, b, |x, y| mask(x <= y))
            }

            /// `ge`: all ones where it holds
            #[inline(always)]
            pub fn ge(a: u128, b: u128) -> u128 {
                map2::<$f, $mask, $n>(a, b, |x, y| mask(x >= y))
            }

            /// `abs`: the sign bit cleared (NaNs too)
            #[inline(always)]
            pub fn abs(a: u128) -> u128 {
                map1::<Bits, Bits, $n>(a, |x| x & !<$f as WasmFloat>::SIGN)
            }

            /// `neg`: the sign bit flipped (NaNs too)
            #[inline(always)]
            pub fn neg(a: u128) -> u128 {
                map1::<Bits, Bits, $n>(a, |x| x ^ <$f as WasmFloat>::SIGN)
            }

            /// `sqrt`
            #[inline(always)]
            pub fn sqrt(a: u128) -> u128 {
                map1::<$f, $f, $n>(a, $f::sqrt)
            }

            /// `ceil`
            #[inline(always)]
            pub fn ceil(a: u128) -> u128 {
                map1::<$f, $f, $n>(a, $f::wasm_ceil)
            }

            /// `floor`
            #[inline(always)]
            pub fn floor(a: u128) -> u128 {
                map1::<$f, $f, $n>(a, $f::wasm_floor)
            }

            /// `trunc`
            #[inline(always)]
            pub fn trunc(a: u128) -> u128 {
                map1::<$f, $f, $n>(a, $f::wasm_trunc)
            }

            /// `nearest`
            #[inline(always)]
            pub fn nearest(a: u128) -> u128 {
                map1::<$f, $f, $n>(a, $f::wasm_nearest)
            }

            /// `relaxed_madd` as the deterministic profile fixes it: unfused, `a * b` rounded, then
            /// `+ c` rounded
            #[inline(always)]
            pub fn relaxed_madd(a: u128, b: u128, c: u128) -> u128 {
                map3::<$f, $n>(a, b, c, |x, y, z| x * y + z)
            }

            /// `relaxed_nmadd` as the deterministic profile fixes it: unfused, `-a * b` rounded,
            /// then `+ c` rounded
            #[inline(always)]
            pub fn relaxed_nmadd(a: u128, b: u128, c: u128) -> u128 {
                map3::<$f, $n>(a, b, c, |x, y, z| -x * y + z)
            }
        }
    };
}
float_shape!(f32x4, f32, i32, 4);
float_shape!(f64x2, f64, i64, 2);

/// `i32x4_trunc_sat_f32x4_s` (saturating, NaN to 0, where it truncates)
#[inline(always)]
pub fn i32x4_trunc_sat_f32x4_s(a: u128) -> u128 {
    map1::<f32, i32, 4>(a, |x| x as i32)
}

/// `i32x4_trunc_sat_f32x4_u` (saturating, NaN to 0, where it truncates)
#[inline(always)]
pub fn i32x4_trunc_sat_f32x4_u(a: u128) -> u128 {
    map1::<f32, u32, 4>(a, |x| x as u32)
}

/// `f32x4_convert_i32x4_s`
#[inline(always)]
pub fn f32x4_convert_i32x4_s(a: u128) -> u128 {
    map1::<i32, f32, 4>(a, |x| x as f32)
}

/// `f32x4_convert_i32x4_u`
#[inline(always)]
pub fn f32x4_convert_i32x4_u(a: u128) -> u128 {
    map1::<u32, f32, 4>(a, |x| x as f32)
}

/// `i32x4_trunc_sat_f64x2_s_zero` (saturating, NaN to 0, where it truncates)
#[inline(always)]
pub fn i32x4_trunc_sat_f64x2_s_zero(a: u128) -> u128 {
    let a = get::<f64, 2>(a);
    put::<i32, 4>([a[0] as i32, a[1] as i32, 0, 0])
}

/// `i32x4_trunc_sat_f64x2_u_zero` (saturating, NaN to 0, where it truncates)
#[inline(always)]
pub fn i32x4_trunc_sat_f64x2_u_zero(a: u128) -> u128 {
    let a = get::<f64, 2>(a);
    put::<u32, 4>([a[0] as u32, a[1] as u32, 0, 0])
}

/// `f64x2_convert_low_i32x4_s`
#[inline(always)]
pub fn f64x2_convert_low_i32x4_s(a: u128) -> u128 {
    let a = get::<i32, 4>(a);
    put::<f64, 2>([f64::from(a[0]), f64::from(a[1])])
}

/// `f64x2_convert_low_i32x4_u`
#[inline(always)]
pub fn f64x2_convert_low_i32x4_u(a: u128) -> u128 {
    let a = get::<u32, 4>(a);
    put::<f64, 2>([f64::from(a[0]), f64::from(a[1])])
}

/// `f32x4_demote_f64x2_zero`
#[inline(always)]
pub fn f32x4_demote_f64x2_zero(a: u128) -> u128 {
    let a = get::<f64, 2>(a);
    put::<f32, 4>([a[0] as f32, a[1] as f32, 0.0, 0.0])
}

/// `f64x2_promote_low_f32x4`
#[inline(always)]
pub fn f64x2_promote_low_f32x4(a: u128) -> u128 {
    let a = get::<f32, 4>(a);
    put::<f64, 2>([f64::from(a[0]), f64::from(a[1])])
}
/// `v128_load8x8_s` of the 8 bytes read
#[inline(always)]
pub fn v128_load8x8_s(b: [u8; 8]) -> u128 {
    put::<i16, 8>(std::array::from_fn(|i| i16::from(b[i] as i8)))
}

/// `v128_load8x8_u` of the 8 bytes read
#[inline(always)]
pub fn v128_load8x8_u(b: [u8; 8]) -> u128 {
    put::<u16, 8>(std::array::from_fn(|i| u16::from(b[i])))
}

/// `v128_load16x4_s` of the 8 bytes read
#[inline(always)]
pub fn v128_load16x4_s(b: [u8; 8]) -> u128 {
    put::<i32, 4>(std::array::from_fn(|i| i32::from(i16::from_le_bytes([b[2 * i], b[2 * i + 1]]))))
}

/// `v128_load16x4_u` of the 8 bytes read
#[inline(always)]
pub fn v128_load16x4_u(b: [u8; 8]) -> u128 {
    put::<u32, 4>(std::array::from_fn(|i| u32::from(u16::from_le_bytes([b[2 * i], b[2 * i + 1]]))))
}

/// `v128_load32x2_s` of the 8 bytes read
#[inline(always)]
pub fn v128_load32x2_s(b: [u8; 8]) -> u128 {
    let l = get::<i32, 4>(u128::from(u64::from_le_bytes(b)));
    put::<i64, 2>([i64::from(l[0]), i64::from(l[1])])
}

/// `v128_load32x2_u` of the 8 bytes read
#[inline(always)]
pub fn v128_load32x2_u(b: [u8; 8]) -> u128 {
    let l = get::<u32, 4>(u128::from(u64::from_le_bytes(b)));
    put::<u64, 2>([u64::from(l[0]), u64::from(l[1])])
}

/// `v128_load8_splat` of the 1 bytes read
#[inline(always)]
pub fn v128_load8_splat(b: [u8; 1]) -> u128 {
    put::<u8, 16>([b[0]; 16])
}

/// `v128_load16_splat` of the 2 bytes read
#[inline(always)]
pub fn v128_load16_splat(b: [u8; 2]) -> u128 {
    put::<u16, 8>([u16::from_le_bytes(b); 8])
}

/// `v128_load32_splat` of the 4 bytes read
#[inline(always)]
pub fn v128_load32_splat(b: [u8; 4]) -> u128 {
    put::<u32, 4>([u32::from_le_bytes(b); 4])
}

/// `v128_load64_splat` of the 8 bytes read
#[inline(always)]
pub fn v128_load64_splat(b: [u8; 8]) -> u128 {
    put::<u64, 2>([u64::from_le_bytes(b); 2])
}

/// `v128_load32_zero` of the 4 bytes read
#[inline(always)]
pub fn v128_load32_zero(b: [u8; 4]) -> u128 {
    u128::from(u32::from_le_bytes(b))
}

/// `v128_load64_zero` of the 8 bytes read
#[inline(always)]
pub fn v128_load64_zero(b: [u8; 8]) -> u128 {
    u128::from(u64::from_le_bytes(b))
}
