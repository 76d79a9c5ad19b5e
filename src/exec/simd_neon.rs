//! The SIMD lane semantics on AArch64 with NEON (Advanced SIMD is in every AArch64 CPU and in the
//! target's baseline, so it is chosen at build time, never checked at run time): the instructions
//! whose portable code in [`super::simd`] compiles to per-lane scalar code on AArch64 (every 8- and
//! 16-bit lane operation, the conversions, rounding, shuffles) get a few NEON instructions
//! instead. Every other function comes from the portable module through the glob import, and the
//! executor calls this module (as `exec::lanes`) on AArch64. Results are the portable ones bit for
//! bit, NaN payloads included where the portable code defines them (the shared tests in
//! `simd_tests.rs` compare the two on many inputs; `.ci/run` runs them under qemu-user).

pub use super::simd::*;

use std::arch::aarch64::*;

/// Runs a body of NEON intrinsics.
macro_rules! neon {
    ($($body:tt)*) => {{
        // SAFETY: the intrinsics need only NEON, which every AArch64 CPU has (it is in the target's
        // baseline); they are `unsafe` to call only because of their `#[target_feature]`.
        #[allow(unused_unsafe)]
        unsafe { $($body)* }
    }};
}

/// A 64- or 128-bit NEON vector type (plain lanes, any bit pattern valid).
trait Vector: Copy {}
macro_rules! vector {
    ($($t:ty),*) => {$(impl Vector for $t {})*};
}
vector!(
    uint8x16_t,
    int8x16_t,
    uint16x8_t,
    int16x8_t,
    uint32x4_t,
    int32x4_t,
    uint64x2_t,
    int64x2_t,
    float32x4_t,
    float64x2_t,
    uint8x8_t,
    int8x8_t,
    uint16x4_t,
    int16x4_t,
    uint32x2_t,
    int32x2_t
);

/// The `v128` as a vector register of any lane shape.
#[inline(always)]
fn v<T: Vector>(a: u128) -> T {
    const { assert!(size_of::<T>() == 16) };
    // SAFETY: both are 16 plain bytes (asserted above) of which any pattern is valid; lane 0 is the
    // low end of both (little-endian AArch64).
    unsafe { std::mem::transmute_copy(&a) }
}

/// The vector register as a `v128`.
#[inline(always)]
fn u<T: Vector>(a: T) -> u128 {
    const { assert!(size_of::<T>() == 16) };
    // SAFETY: as in `v`.
    unsafe { std::mem::transmute_copy(&a) }
}

/// Eight loaded bytes as a 64-bit vector register of any lane shape.
#[inline(always)]
fn d<T: Vector>(b: [u8; 8]) -> T {
    const { assert!(size_of::<T>() == 8) };
    // SAFETY: 8 plain bytes each side (asserted above), any pattern valid.
    unsafe { std::mem::transmute_copy(&b) }
}

/// Functions of one or two `v128`s that are one intrinsic (the lane shapes follow from it).
macro_rules! op {
    ($($name:ident($($arg:ident),+) => $op:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (NEON)")]
        #[inline(always)]
        pub fn $name($($arg: u128),+) -> u128 {
            neon! {
                u($op($(v($arg)),+))
            }
        }
    )*};
}

op! {
    v128_not(a) => vmvnq_u8;
    v128_and(a, b) => vandq_u8;
    v128_or(a, b) => vorrq_u8;
    v128_xor(a, b) => veorq_u8;
    v128_andnot(a, b) => vbicq_u8;
    i8x16_add(a, b) => vaddq_u8;
    i16x8_add(a, b) => vaddq_u16;
    i32x4_add(a, b) => vaddq_u32;
    i64x2_add(a, b) => vaddq_u64;
    i8x16_sub(a, b) => vsubq_u8;
    i16x8_sub(a, b) => vsubq_u16;
    i32x4_sub(a, b) => vsubq_u32;
    i64x2_sub(a, b) => vsubq_u64;
    i16x8_mul(a, b) => vmulq_u16;
    i32x4_mul(a, b) => vmulq_u32;
    i8x16_neg(a) => vnegq_s8;
    i16x8_neg(a) => vnegq_s16;
    i32x4_neg(a) => vnegq_s32;
    i64x2_neg(a) => vnegq_s64;
    i8x16_abs(a) => vabsq_s8;
    i16x8_abs(a) => vabsq_s16;
    i32x4_abs(a) => vabsq_s32;
    i64x2_abs(a) => vabsq_s64;
    i8x16_popcnt(a) => vcntq_u8;
    i8x16_eq(a, b) => vceqq_u8;
    i16x8_eq(a, b) => vceqq_u16;
    i32x4_eq(a, b) => vceqq_u32;
    i64x2_eq(a, b) => vceqq_u64;
    i8x16_lt_s(a, b) => vcltq_s8;
    i8x16_lt_u(a, b) => vcltq_u8;
    i8x16_gt_s(a, b) => vcgtq_s8;
    i8x16_gt_u(a, b) => vcgtq_u8;
    i8x16_le_s(a, b) => vcleq_s8;
    i8x16_le_u(a, b) => vcleq_u8;
    i8x16_ge_s(a, b) => vcgeq_s8;
    i8x16_ge_u(a, b) => vcgeq_u8;
    i16x8_lt_s(a, b) => vcltq_s16;
    i16x8_lt_u(a, b) => vcltq_u16;
    i16x8_gt_s(a, b) => vcgtq_s16;
    i16x8_gt_u(a, b) => vcgtq_u16;
    i16x8_le_s(a, b) => vcleq_s16;
    i16x8_le_u(a, b) => vcleq_u16;
    i16x8_ge_s(a, b) => vcgeq_s16;
    i16x8_ge_u(a, b) => vcgeq_u16;
    i32x4_lt_s(a, b) => vcltq_s32;
    i32x4_lt_u(a, b) => vcltq_u32;
    i32x4_gt_s(a, b) => vcgtq_s32;
    i32x4_gt_u(a, b) => vcgtq_u32;
    i32x4_le_s(a, b) => vcleq_s32;
    i32x4_le_u(a, b) => vcleq_u32;
    i32x4_ge_s(a, b) => vcgeq_s32;
    i32x4_ge_u(a, b) => vcgeq_u32;
    i64x2_lt_s(a, b) => vcltq_s64;
    i64x2_gt_s(a, b) => vcgtq_s64;
    i64x2_le_s(a, b) => vcleq_s64;
    i64x2_ge_s(a, b) => vcgeq_s64;
    i8x16_min_s(a, b) => vminq_s8;
    i8x16_min_u(a, b) => vminq_u8;
    i8x16_max_s(a, b) => vmaxq_s8;
    i8x16_max_u(a, b) => vmaxq_u8;
    i16x8_min_s(a, b) => vminq_s16;
    i16x8_min_u(a, b) => vminq_u16;
    i16x8_max_s(a, b) => vmaxq_s16;
    i16x8_max_u(a, b) => vmaxq_u16;
    i32x4_min_s(a, b) => vminq_s32;
    i32x4_min_u(a, b) => vminq_u32;
    i32x4_max_s(a, b) => vmaxq_s32;
    i32x4_max_u(a, b) => vmaxq_u32;
    i8x16_add_sat_s(a, b) => vqaddq_s8;
    i8x16_add_sat_u(a, b) => vqaddq_u8;
    i8x16_sub_sat_s(a, b) => vqsubq_s8;
    i8x16_sub_sat_u(a, b) => vqsubq_u8;
    i16x8_add_sat_s(a, b) => vqaddq_s16;
    i16x8_add_sat_u(a, b) => vqaddq_u16;
    i16x8_sub_sat_s(a, b) => vqsubq_s16;
    i16x8_sub_sat_u(a, b) => vqsubq_u16;
    i8x16_avgr_u(a, b) => vrhaddq_u8;
    i16x8_avgr_u(a, b) => vrhaddq_u16;
    // (2ab + 2^15) >> 16 saturated is Wasm's (ab + 2^14) >> 15 saturated.
    i16x8_q15mulr_sat_s(a, b) => vqrdmulhq_s16;
    i16x8_extadd_pairwise_i8x16_s(a) => vpaddlq_s8;
    i16x8_extadd_pairwise_i8x16_u(a) => vpaddlq_u8;
    i32x4_extadd_pairwise_i16x8_s(a) => vpaddlq_s16;
    i32x4_extadd_pairwise_i16x8_u(a) => vpaddlq_u16;
    i16x8_extend_high_i8x16_s(a) => vmovl_high_s8;
    i16x8_extend_high_i8x16_u(a) => vmovl_high_u8;
    i32x4_extend_high_i16x8_s(a) => vmovl_high_s16;
    i32x4_extend_high_i16x8_u(a) => vmovl_high_u16;
    i64x2_extend_high_i32x4_s(a) => vmovl_high_s32;
    i64x2_extend_high_i32x4_u(a) => vmovl_high_u32;
    i16x8_extmul_high_i8x16_s(a, b) => vmull_high_s8;
    i16x8_extmul_high_i8x16_u(a, b) => vmull_high_u8;
    i32x4_extmul_high_i16x8_s(a, b) => vmull_high_s16;
    i32x4_extmul_high_i16x8_u(a, b) => vmull_high_u16;
    i64x2_extmul_high_i32x4_s(a, b) => vmull_high_s32;
    i64x2_extmul_high_i32x4_u(a, b) => vmull_high_u32;
    // Both give 0 for an index past the table, as Wasm's swizzle does.
    i8x16_swizzle(a, s) => vqtbl1q_u8;
    // Saturating and NaN to 0, as Wasm's trunc_sat.
    i32x4_trunc_sat_f32x4_s(a) => vcvtq_s32_f32;
    i32x4_trunc_sat_f32x4_u(a) => vcvtq_u32_f32;
    f32x4_convert_i32x4_s(a) => vcvtq_f32_s32;
    f32x4_convert_i32x4_u(a) => vcvtq_f32_u32;
}

/// Functions of the low halves of one or two `v128`s that are one intrinsic.
macro_rules! low {
    ($($name:ident($($arg:ident),+) => $op:ident, $get:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (NEON)")]
        #[inline(always)]
        pub fn $name($($arg: u128),+) -> u128 {
            neon! {
                u($op($($get(v($arg))),+))
            }
        }
    )*};
}

low! {
    i16x8_extend_low_i8x16_s(a) => vmovl_s8, vget_low_s8;
    i16x8_extend_low_i8x16_u(a) => vmovl_u8, vget_low_u8;
    i32x4_extend_low_i16x8_s(a) => vmovl_s16, vget_low_s16;
    i32x4_extend_low_i16x8_u(a) => vmovl_u16, vget_low_u16;
    i64x2_extend_low_i32x4_s(a) => vmovl_s32, vget_low_s32;
    i64x2_extend_low_i32x4_u(a) => vmovl_u32, vget_low_u32;
    i16x8_extmul_low_i8x16_s(a, b) => vmull_s8, vget_low_s8;
    i16x8_extmul_low_i8x16_u(a, b) => vmull_u8, vget_low_u8;
    i32x4_extmul_low_i16x8_s(a, b) => vmull_s16, vget_low_s16;
    i32x4_extmul_low_i16x8_u(a, b) => vmull_u16, vget_low_u16;
    i64x2_extmul_low_i32x4_s(a, b) => vmull_s32, vget_low_s32;
    i64x2_extmul_low_i32x4_u(a, b) => vmull_u32, vget_low_u32;
    f64x2_promote_low_f32x4(a) => vcvt_f64_f32, vget_low_f32;
}

/// The `ne` comparisons: the complement of `eq`.
macro_rules! ne {
    ($($name:ident => $eq:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (NEON)")]
        #[inline(always)]
        pub fn $name(a: u128, b: u128) -> u128 {
            neon! {
                u(vmvnq_u8(v(u($eq(v(a), v(b))))))
            }
        }
    )*};
}

ne! {
    i8x16_ne => vceqq_u8;
    i16x8_ne => vceqq_u16;
    i32x4_ne => vceqq_u32;
    i64x2_ne => vceqq_u64;
    f32x4_ne => vceqq_f32;
    f64x2_ne => vceqq_f64;
}

/// Shifts by a count taken modulo the lane width: NEON's register shift, left for a positive
/// count and right for a negative one.
macro_rules! shift {
    (@count left, $s:expr) => { $s };
    (@count right, $s:expr) => { -$s };
    ($($name:ident => $op:ident, $dup:ident, $bits:literal, $direction:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (NEON)")]
        #[inline(always)]
        pub fn $name(a: u128, s: u32) -> u128 {
            let s = shift!(@count $direction, (s % $bits) as i8);
            neon! {
                u($op(v(a), $dup(s.into())))
            }
        }
    )*};
}

shift! {
    i8x16_shl => vshlq_u8, vdupq_n_s8, 8, left;
    i8x16_shr_s => vshlq_s8, vdupq_n_s8, 8, right;
    i8x16_shr_u => vshlq_u8, vdupq_n_s8, 8, right;
    i16x8_shl => vshlq_u16, vdupq_n_s16, 16, left;
    i16x8_shr_s => vshlq_s16, vdupq_n_s16, 16, right;
    i16x8_shr_u => vshlq_u16, vdupq_n_s16, 16, right;
    i32x4_shl => vshlq_u32, vdupq_n_s32, 32, left;
    i32x4_shr_s => vshlq_s32, vdupq_n_s32, 32, right;
    i32x4_shr_u => vshlq_u32, vdupq_n_s32, 32, right;
    i64x2_shl => vshlq_u64, vdupq_n_s64, 64, left;
    i64x2_shr_s => vshlq_s64, vdupq_n_s64, 64, right;
    i64x2_shr_u => vshlq_u64, vdupq_n_s64, 64, right;
}

/// `splat`s of the low bits of an integer operand.
macro_rules! splat {
    ($($name:ident => $dup:ident, $t:ty;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (NEON)")]
        #[inline(always)]
        pub fn $name(x: u64) -> u128 {
            neon! {
                u($dup(x as $t))
            }
        }
    )*};
}

splat! {
    i8x16_splat => vdupq_n_u8, u8;
    i16x8_splat => vdupq_n_u16, u16;
    i32x4_splat => vdupq_n_u32, u32;
    i64x2_splat => vdupq_n_u64, u64;
}

/// `all_true`s: the smallest lane is not zero.
macro_rules! all_true {
    ($($name:ident => $min:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (NEON)")]
        #[inline(always)]
        pub fn $name(a: u128) -> u32 {
            neon! {
                u32::from($min(v(a)) != 0)
            }
        }
    )*};
}

all_true! {
    i8x16_all_true => vminvq_u8;
    i16x8_all_true => vminvq_u16;
    i32x4_all_true => vminvq_u32;
}

/// `v128.bitselect` (NEON)
#[inline(always)]
pub fn v128_bitselect(a: u128, b: u128, c: u128) -> u128 {
    neon! {
        u(vbslq_u8(v(c), v(a), v(b)))
    }
}

/// `i8x16.bitmask` (NEON): each lane's sign bit moved to its place in its half, the halves summed
#[inline(always)]
pub fn i8x16_bitmask(a: u128) -> u32 {
    const PLACE: u128 = 0x0706_0504_0302_0100_0706_0504_0302_0100;
    neon! {
        let bits: uint8x16_t = vshlq_u8(vshrq_n_u8::<7>(v(a)), v(PLACE));
        u32::from(vaddv_u8(vget_low_u8(bits))) | u32::from(vaddv_u8(vget_high_u8(bits))) << 8
    }
}

/// `i16x8.bitmask` (NEON)
#[inline(always)]
pub fn i16x8_bitmask(a: u128) -> u32 {
    const PLACE: u128 = 0x0007_0006_0005_0004_0003_0002_0001_0000;
    neon! {
        u32::from(vaddvq_u16(vshlq_u16(vshrq_n_u16::<15>(v(a)), v(PLACE))))
    }
}

/// `i32x4.bitmask` (NEON)
#[inline(always)]
pub fn i32x4_bitmask(a: u128) -> u32 {
    const PLACE: u128 = 0x0000_0003_0000_0002_0000_0001_0000_0000;
    neon! {
        vaddvq_u32(vshlq_u32(vshrq_n_u32::<31>(v(a)), v(PLACE)))
    }
}

/// `i8x16.shuffle` (NEON table lookup over both operands). Validation keeps the indices below 32,
/// where this is the portable code (past 31 it gives 0 where that wraps).
#[inline(always)]
pub fn i8x16_shuffle(a: u128, b: u128, mask: u128) -> u128 {
    neon! {
        u(vqtbl2q_u8(uint8x16x2_t(v(a), v(b)), v(mask)))
    }
}

/// `i8x16.narrow_i16x8_s` (NEON)
#[inline(always)]
pub fn i8x16_narrow_i16x8_s(a: u128, b: u128) -> u128 {
    neon! {
        u(vqmovn_high_s16(vqmovn_s16(v(a)), v(b)))
    }
}

/// `i8x16.narrow_i16x8_u` (NEON)
#[inline(always)]
pub fn i8x16_narrow_i16x8_u(a: u128, b: u128) -> u128 {
    neon! {
        u(vqmovun_high_s16(vqmovun_s16(v(a)), v(b)))
    }
}

/// `i16x8.narrow_i32x4_s` (NEON)
#[inline(always)]
pub fn i16x8_narrow_i32x4_s(a: u128, b: u128) -> u128 {
    neon! {
        u(vqmovn_high_s32(vqmovn_s32(v(a)), v(b)))
    }
}

/// `i16x8.narrow_i32x4_u` (NEON)
#[inline(always)]
pub fn i16x8_narrow_i32x4_u(a: u128, b: u128) -> u128 {
    neon! {
        u(vqmovun_high_s32(vqmovun_s32(v(a)), v(b)))
    }
}

/// `i32x4.dot_i16x8_s` (NEON): widening products, added pairwise (wrapping)
#[inline(always)]
pub fn i32x4_dot_i16x8_s(a: u128, b: u128) -> u128 {
    neon! {
        let (a, b): (int16x8_t, int16x8_t) = (v(a), v(b));
        u(vpaddq_s32(vmull_s16(vget_low_s16(a), vget_low_s16(b)), vmull_high_s16(a, b)))
    }
}

/// `i16x8.relaxed_dot_i8x16_i7x16_s` as the deterministic profile fixes it (NEON): signed
/// products, the even and odd ones added with saturation
#[inline(always)]
pub fn i16x8_relaxed_dot_i8x16_i7x16_s(a: u128, b: u128) -> u128 {
    neon! {
        let (a, b): (int8x16_t, int8x16_t) = (v(a), v(b));
        let (low, high) = (vmull_s8(vget_low_s8(a), vget_low_s8(b)), vmull_high_s8(a, b));
        u(vqaddq_s16(vuzp1q_s16(low, high), vuzp2q_s16(low, high)))
    }
}

/// `i32x4.relaxed_dot_i8x16_i7x16_add_s` as the deterministic profile fixes it (NEON)
#[inline(always)]
pub fn i32x4_relaxed_dot_i8x16_i7x16_add_s(a: u128, b: u128, c: u128) -> u128 {
    i32x4_add(i32x4_extadd_pairwise_i16x8_s(i16x8_relaxed_dot_i8x16_i7x16_s(a, b)), c)
}

/// `i32x4.trunc_sat_f64x2_s_zero` (NEON: saturating to i64, then to i32)
#[inline(always)]
pub fn i32x4_trunc_sat_f64x2_s_zero(a: u128) -> u128 {
    neon! {
        u(vcombine_s32(vqmovn_s64(vcvtq_s64_f64(v(a))), vdup_n_s32(0)))
    }
}

/// `i32x4.trunc_sat_f64x2_u_zero` (NEON)
#[inline(always)]
pub fn i32x4_trunc_sat_f64x2_u_zero(a: u128) -> u128 {
    neon! {
        u(vcombine_u32(vqmovn_u64(vcvtq_u64_f64(v(a))), vdup_n_u32(0)))
    }
}

/// `f64x2.convert_low_i32x4_s` (NEON)
#[inline(always)]
pub fn f64x2_convert_low_i32x4_s(a: u128) -> u128 {
    neon! {
        u(vcvtq_f64_s64(vmovl_s32(vget_low_s32(v(a)))))
    }
}

/// `f64x2.convert_low_i32x4_u` (NEON)
#[inline(always)]
pub fn f64x2_convert_low_i32x4_u(a: u128) -> u128 {
    neon! {
        u(vcvtq_f64_u64(vmovl_u32(vget_low_u32(v(a)))))
    }
}

/// `f32x4.demote_f64x2_zero` (NEON)
#[inline(always)]
pub fn f32x4_demote_f64x2_zero(a: u128) -> u128 {
    neon! {
        u(vcombine_f32(vcvt_f32_f64(v(a)), vdup_n_f32(0.0)))
    }
}

/// `v128.load*x*` forms: the eight bytes read, each half-width lane extended.
macro_rules! load_extend {
    ($($name:ident => $op:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` of the 8 bytes read (NEON)")]
        #[inline(always)]
        pub fn $name(b: [u8; 8]) -> u128 {
            neon! {
                u($op(d(b)))
            }
        }
    )*};
}

load_extend! {
    v128_load8x8_s => vmovl_s8;
    v128_load8x8_u => vmovl_u8;
    v128_load16x4_s => vmovl_s16;
    v128_load16x4_u => vmovl_u16;
    v128_load32x2_s => vmovl_s32;
    v128_load32x2_u => vmovl_u32;
}

/// The float arithmetic, comparisons, sign, square root, rounding and multiply-adds of one shape.
macro_rules! float_shape {
    ($shape:ident: $add:ident, $sub:ident, $mul:ident, $div:ident, $min:ident, $max:ident, $eq:ident,
     $lt:ident, $gt:ident, $le:ident, $ge:ident, $abs:ident, $neg:ident, $sqrt:ident, $ceil:ident,
     $floor:ident, $trunc:ident, $nearest:ident, $bsl:ident, $ne:ident) => {
        #[doc = concat!("The `", stringify!($shape), "` arithmetic, comparison, sign, rounding and multiply-add instructions (NEON).")]
        pub mod $shape {
            use super::{u, v};
            use std::arch::aarch64::*;

            op! {
                add(a, b) => $add;
                sub(a, b) => $sub;
                mul(a, b) => $mul;
                div(a, b) => $div;
                // NaN when either is (the first NaN, quieted), and -0 below +0: Wasm's min/max.
                min(a, b) => $min;
                max(a, b) => $max;
                eq(a, b) => $eq;
                lt(a, b) => $lt;
                gt(a, b) => $gt;
                le(a, b) => $le;
                ge(a, b) => $ge;
                // Sign-bit operations, NaN payloads kept.
                abs(a) => $abs;
                neg(a) => $neg;
                sqrt(a) => $sqrt;
                ceil(a) => $ceil;
                floor(a) => $floor;
                trunc(a) => $trunc;
                // Round to nearest, ties to even.
                nearest(a) => $nearest;
            }

            pub use super::$ne as ne;

            /// `pmin`: `b < a ? b : a` (NEON)
            #[inline(always)]
            pub fn pmin(a: u128, b: u128) -> u128 {
                neon! {
                    u($bsl($lt(v(b), v(a)), v(b), v(a)))
                }
            }

            /// `pmax`: `a < b ? b : a` (NEON)
            #[inline(always)]
            pub fn pmax(a: u128, b: u128) -> u128 {
                neon! {
                    u($bsl($lt(v(a), v(b)), v(b), v(a)))
                }
            }

            /// `relaxed_madd` (unfused, as the deterministic profile fixes it; NEON)
            #[inline(always)]
            pub fn relaxed_madd(a: u128, b: u128, c: u128) -> u128 {
                add(mul(a, b), c)
            }

            /// `relaxed_nmadd` (unfused: `-a * b`, then `+ c`; NEON)
            #[inline(always)]
            pub fn relaxed_nmadd(a: u128, b: u128, c: u128) -> u128 {
                add(mul(neg(a), b), c)
            }
        }
    };
}

float_shape!(f32x4: vaddq_f32, vsubq_f32, vmulq_f32, vdivq_f32, vminq_f32, vmaxq_f32, vceqq_f32, vcltq_f32,
    vcgtq_f32, vcleq_f32, vcgeq_f32, vabsq_f32, vnegq_f32, vsqrtq_f32, vrndpq_f32, vrndmq_f32, vrndq_f32,
    vrndnq_f32, vbslq_f32, f32x4_ne);
float_shape!(f64x2: vaddq_f64, vsubq_f64, vmulq_f64, vdivq_f64, vminq_f64, vmaxq_f64, vceqq_f64, vcltq_f64,
    vcgtq_f64, vcleq_f64, vcgeq_f64, vabsq_f64, vnegq_f64, vsqrtq_f64, vrndpq_f64, vrndmq_f64, vrndq_f64,
    vrndnq_f64, vbslq_f64, f64x2_ne);

#[cfg(test)]
#[path = "simd_tests.rs"]
mod tests;
