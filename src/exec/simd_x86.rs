//! The SIMD lane semantics on x86-64 with SSE2 (always there on x86-64, so chosen at build time,
//! never checked at run time): the instructions whose portable code in [`super::simd`] compiles
//! to per-lane scalar code get a few SSE2 instructions instead. Every other function comes from
//! the portable module through the glob import, and the executor calls this module (as
//! `exec::lanes`) on x86-64. Results are the portable ones bit for bit, NaN payloads included
//! where the portable code defines them (the tests at the end compare the two on many inputs).

pub use super::simd::*;

use std::arch::x86_64::*;

/// Runs a body of SSE2 intrinsics.
macro_rules! sse2 {
    ($($body:tt)*) => {{
        // SAFETY: the intrinsics need only SSE2, which every x86-64 CPU has (it is in the target's
        // baseline); they are `unsafe` to call only because of their `#[target_feature]`.
        #[allow(unused_unsafe)]
        unsafe { $($body)* }
    }};
}

/// The `v128` as a vector register.
#[inline(always)]
fn v(a: u128) -> __m128i {
    // SAFETY: both are 16 plain bytes; lane 0 is the low end of both (x86 is little-endian).
    unsafe { std::mem::transmute::<u128, __m128i>(a) }
}

/// The vector register as a `v128`.
#[inline(always)]
fn u(a: __m128i) -> u128 {
    // SAFETY: as in `v`.
    unsafe { std::mem::transmute::<__m128i, u128>(a) }
}

#[inline(always)]
fn ps(a: u128) -> __m128 {
    sse2! {
        _mm_castsi128_ps(v(a))
    }
}

#[inline(always)]
fn pd(a: u128) -> __m128d {
    sse2! {
        _mm_castsi128_pd(v(a))
    }
}

#[inline(always)]
fn ups(a: __m128) -> u128 {
    sse2! {
        u(_mm_castps_si128(a))
    }
}

#[inline(always)]
fn upd(a: __m128d) -> u128 {
    sse2! {
        u(_mm_castpd_si128(a))
    }
}

#[inline(always)]
fn ones() -> __m128i {
    sse2! {
        _mm_set1_epi32(-1)
    }
}

#[inline(always)]
fn not(a: __m128i) -> __m128i {
    sse2! {
        _mm_xor_si128(a, ones())
    }
}

/// `m ? a : b` per bit.
#[inline(always)]
fn select(m: __m128i, a: __m128i, b: __m128i) -> __m128i {
    sse2! {
        _mm_or_si128(_mm_and_si128(m, a), _mm_andnot_si128(m, b))
    }
}

/// Binary functions that are one intrinsic on `__m128i`.
macro_rules! int2 {
    ($($name:ident => $op:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (SSE2)")]
        #[inline(always)]
        pub fn $name(a: u128, b: u128) -> u128 {
            sse2! {
                u($op(v(a), v(b)))
            }
        }
    )*};
}

int2! {
    v128_and => _mm_and_si128;
    v128_or => _mm_or_si128;
    v128_xor => _mm_xor_si128;
    i8x16_add => _mm_add_epi8;
    i16x8_add => _mm_add_epi16;
    i32x4_add => _mm_add_epi32;
    i64x2_add => _mm_add_epi64;
    i8x16_sub => _mm_sub_epi8;
    i16x8_sub => _mm_sub_epi16;
    i32x4_sub => _mm_sub_epi32;
    i64x2_sub => _mm_sub_epi64;
    i16x8_mul => _mm_mullo_epi16;
    i8x16_eq => _mm_cmpeq_epi8;
    i16x8_eq => _mm_cmpeq_epi16;
    i32x4_eq => _mm_cmpeq_epi32;
    i8x16_gt_s => _mm_cmpgt_epi8;
    i16x8_gt_s => _mm_cmpgt_epi16;
    i32x4_gt_s => _mm_cmpgt_epi32;
    i8x16_lt_s => _mm_cmplt_epi8;
    i16x8_lt_s => _mm_cmplt_epi16;
    i32x4_lt_s => _mm_cmplt_epi32;
    i8x16_min_u => _mm_min_epu8;
    i8x16_max_u => _mm_max_epu8;
    i16x8_min_s => _mm_min_epi16;
    i16x8_max_s => _mm_max_epi16;
    i8x16_add_sat_s => _mm_adds_epi8;
    i8x16_add_sat_u => _mm_adds_epu8;
    i8x16_sub_sat_s => _mm_subs_epi8;
    i8x16_sub_sat_u => _mm_subs_epu8;
    i16x8_add_sat_s => _mm_adds_epi16;
    i16x8_add_sat_u => _mm_adds_epu16;
    i16x8_sub_sat_s => _mm_subs_epi16;
    i16x8_sub_sat_u => _mm_subs_epu16;
    i8x16_avgr_u => _mm_avg_epu8;
    i16x8_avgr_u => _mm_avg_epu16;
    i8x16_narrow_i16x8_s => _mm_packs_epi16;
    i8x16_narrow_i16x8_u => _mm_packus_epi16;
    i16x8_narrow_i32x4_s => _mm_packs_epi32;
    i32x4_dot_i16x8_s => _mm_madd_epi16;
}

/// Binary float functions that are one intrinsic on `__m128` or `__m128d` (comparisons give all
/// ones or zero per lane, ordered or not as Wasm says: `ne` is the only one true for NaN).
macro_rules! float2 {
    ($($name:ident => $op:ident, $to:ident, $from:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (SSE2)")]
        #[inline(always)]
        pub fn $name(a: u128, b: u128) -> u128 {
            sse2! {
                $from($op($to(a), $to(b)))
            }
        }
    )*};
}

float2! {
    f32x4_add => _mm_add_ps, ps, ups;
    f32x4_sub => _mm_sub_ps, ps, ups;
    f32x4_mul => _mm_mul_ps, ps, ups;
    f32x4_div => _mm_div_ps, ps, ups;
    f32x4_eq => _mm_cmpeq_ps, ps, ups;
    f32x4_ne => _mm_cmpneq_ps, ps, ups;
    f32x4_lt => _mm_cmplt_ps, ps, ups;
    f32x4_gt => _mm_cmpgt_ps, ps, ups;
    f32x4_le => _mm_cmple_ps, ps, ups;
    f32x4_ge => _mm_cmpge_ps, ps, ups;
    f64x2_add => _mm_add_pd, pd, upd;
    f64x2_sub => _mm_sub_pd, pd, upd;
    f64x2_mul => _mm_mul_pd, pd, upd;
    f64x2_div => _mm_div_pd, pd, upd;
    f64x2_eq => _mm_cmpeq_pd, pd, upd;
    f64x2_ne => _mm_cmpneq_pd, pd, upd;
    f64x2_lt => _mm_cmplt_pd, pd, upd;
    f64x2_gt => _mm_cmpgt_pd, pd, upd;
    f64x2_le => _mm_cmple_pd, pd, upd;
    f64x2_ge => _mm_cmpge_pd, pd, upd;
}

/// `v128.not` (SSE2)
#[inline(always)]
pub fn v128_not(a: u128) -> u128 {
    sse2! {
        u(not(v(a)))
    }
}

/// `v128.andnot` (SSE2)
#[inline(always)]
pub fn v128_andnot(a: u128, b: u128) -> u128 {
    sse2! {
        u(_mm_andnot_si128(v(b), v(a)))
    }
}

/// `v128.bitselect` (SSE2)
#[inline(always)]
pub fn v128_bitselect(a: u128, b: u128, c: u128) -> u128 {
    sse2! {
        u(select(v(c), v(a), v(b)))
    }
}

/// `v128.any_true` (SSE2)
#[inline(always)]
pub fn v128_any_true(a: u128) -> u32 {
    sse2! {
        u32::from(_mm_movemask_epi8(_mm_cmpeq_epi8(v(a), _mm_setzero_si128())) != 0xffff)
    }
}

/// `i8x16.all_true` (SSE2)
#[inline(always)]
pub fn i8x16_all_true(a: u128) -> u32 {
    sse2! {
        u32::from(_mm_movemask_epi8(_mm_cmpeq_epi8(v(a), _mm_setzero_si128())) == 0)
    }
}

/// `i16x8.all_true` (SSE2)
#[inline(always)]
pub fn i16x8_all_true(a: u128) -> u32 {
    sse2! {
        u32::from(_mm_movemask_epi8(_mm_cmpeq_epi16(v(a), _mm_setzero_si128())) == 0)
    }
}

/// `i32x4.all_true` (SSE2)
#[inline(always)]
pub fn i32x4_all_true(a: u128) -> u32 {
    sse2! {
        u32::from(_mm_movemask_epi8(_mm_cmpeq_epi32(v(a), _mm_setzero_si128())) == 0)
    }
}

/// Per 64-bit lane: all ones where `a` and `b` are equal.
#[inline(always)]
fn eq64(a: __m128i, b: __m128i) -> __m128i {
    sse2! {
        let halves = _mm_cmpeq_epi32(a, b);
        _mm_and_si128(halves, _mm_shuffle_epi32::<0b10_11_00_01>(halves))
    }
}

/// `i64x2.all_true` (SSE2)
#[inline(always)]
pub fn i64x2_all_true(a: u128) -> u32 {
    sse2! {
        u32::from(_mm_movemask_epi8(eq64(v(a), _mm_setzero_si128())) == 0)
    }
}

/// `i64x2.eq` (SSE2)
#[inline(always)]
pub fn i64x2_eq(a: u128, b: u128) -> u128 {
    sse2! {
        u(eq64(v(a), v(b)))
    }
}

/// `i64x2.ne` (SSE2)
#[inline(always)]
pub fn i64x2_ne(a: u128, b: u128) -> u128 {
    sse2! {
        u(not(eq64(v(a), v(b))))
    }
}

/// `i8x16.bitmask` (SSE2)
#[inline(always)]
pub fn i8x16_bitmask(a: u128) -> u32 {
    sse2! {
        _mm_movemask_epi8(v(a)) as u32
    }
}

/// `i16x8.bitmask` (SSE2)
#[inline(always)]
pub fn i16x8_bitmask(a: u128) -> u32 {
    sse2! {
        (_mm_movemask_epi8(_mm_packs_epi16(v(a), _mm_setzero_si128())) & 0xff) as u32
    }
}

/// `i32x4.bitmask` (SSE2)
#[inline(always)]
pub fn i32x4_bitmask(a: u128) -> u32 {
    sse2! {
        _mm_movemask_ps(ps(a)) as u32
    }
}

/// `i64x2.bitmask` (SSE2)
#[inline(always)]
pub fn i64x2_bitmask(a: u128) -> u32 {
    sse2! {
        _mm_movemask_pd(pd(a)) as u32
    }
}

/// The comparisons that are the negation, or the unsigned form (operands with their sign bits
/// flipped), of a signed one.
macro_rules! cmp_derived {
    ($($ne:ident, $le_s:ident, $ge_s:ident, $lt_u:ident, $gt_u:ident, $le_u:ident, $ge_u:ident:
        $eq:ident, $gt:ident, $bias:expr;)*) => {$(
        #[doc = concat!("`", stringify!($ne), "` (SSE2)")]
        #[inline(always)]
        pub fn $ne(a: u128, b: u128) -> u128 {
            sse2! {
                u(not($eq(v(a), v(b))))
            }
        }
        #[doc = concat!("`", stringify!($le_s), "` (SSE2)")]
        #[inline(always)]
        pub fn $le_s(a: u128, b: u128) -> u128 {
            sse2! {
                u(not($gt(v(a), v(b))))
            }
        }
        #[doc = concat!("`", stringify!($ge_s), "` (SSE2)")]
        #[inline(always)]
        pub fn $ge_s(a: u128, b: u128) -> u128 {
            sse2! {
                u(not($gt(v(b), v(a))))
            }
        }
        #[doc = concat!("`", stringify!($lt_u), "` (SSE2)")]
        #[inline(always)]
        pub fn $lt_u(a: u128, b: u128) -> u128 {
            sse2! {
                let k = $bias;
                u($gt(_mm_xor_si128(v(b), k), _mm_xor_si128(v(a), k)))
            }
        }
        #[doc = concat!("`", stringify!($gt_u), "` (SSE2)")]
        #[inline(always)]
        pub fn $gt_u(a: u128, b: u128) -> u128 {
            sse2! {
                let k = $bias;
                u($gt(_mm_xor_si128(v(a), k), _mm_xor_si128(v(b), k)))
            }
        }
        #[doc = concat!("`", stringify!($le_u), "` (SSE2)")]
        #[inline(always)]
        pub fn $le_u(a: u128, b: u128) -> u128 {
            sse2! {
                let k = $bias;
                u(not($gt(_mm_xor_si128(v(a), k), _mm_xor_si128(v(b), k))))
            }
        }
        #[doc = concat!("`", stringify!($ge_u), "` (SSE2)")]
        #[inline(always)]
        pub fn $ge_u(a: u128, b: u128) -> u128 {
            sse2! {
                let k = $bias;
                u(not($gt(_mm_xor_si128(v(b), k), _mm_xor_si128(v(a), k))))
            }
        }
    )*};
}

cmp_derived! {
    i8x16_ne, i8x16_le_s, i8x16_ge_s, i8x16_lt_u, i8x16_gt_u, i8x16_le_u, i8x16_ge_u:
        _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_set1_epi8(i8::MIN);
    i16x8_ne, i16x8_le_s, i16x8_ge_s, i16x8_lt_u, i16x8_gt_u, i16x8_le_u, i16x8_ge_u:
        _mm_cmpeq_epi16, _mm_cmpgt_epi16, _mm_set1_epi16(i16::MIN);
    i32x4_ne, i32x4_le_s, i32x4_ge_s, i32x4_lt_u, i32x4_gt_u, i32x4_le_u, i32x4_ge_u:
        _mm_cmpeq_epi32, _mm_cmpgt_epi32, _mm_set1_epi32(i32::MIN);
}

/// Minimum and maximum through a signed comparison and a select (operands biased for the
/// unsigned forms).
macro_rules! minmax_select {
    ($($min:ident, $max:ident: $gt:ident, $bias:expr;)*) => {$(
        #[doc = concat!("`", stringify!($min), "` (SSE2)")]
        #[inline(always)]
        pub fn $min(a: u128, b: u128) -> u128 {
            sse2! {
                let k = $bias;
                let (a, b) = (v(a), v(b));
                u(select($gt(_mm_xor_si128(a, k), _mm_xor_si128(b, k)), b, a))
            }
        }
        #[doc = concat!("`", stringify!($max), "` (SSE2)")]
        #[inline(always)]
        pub fn $max(a: u128, b: u128) -> u128 {
            sse2! {
                let k = $bias;
                let (a, b) = (v(a), v(b));
                u(select($gt(_mm_xor_si128(a, k), _mm_xor_si128(b, k)), a, b))
            }
        }
    )*};
}

minmax_select! {
    i8x16_min_s, i8x16_max_s: _mm_cmpgt_epi8, _mm_setzero_si128();
    i16x8_min_u, i16x8_max_u: _mm_cmpgt_epi16, _mm_set1_epi16(i16::MIN);
    i32x4_min_s, i32x4_max_s: _mm_cmpgt_epi32, _mm_setzero_si128();
    i32x4_min_u, i32x4_max_u: _mm_cmpgt_epi32, _mm_set1_epi32(i32::MIN);
}

/// Negations: zero minus the lanes.
macro_rules! neg {
    ($($name:ident => $sub:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (SSE2)")]
        #[inline(always)]
        pub fn $name(a: u128) -> u128 {
            sse2! { u($sub(_mm_setzero_si128(), v(a))) }
        }
    )*};
}

neg! {
    i8x16_neg => _mm_sub_epi8;
    i16x8_neg => _mm_sub_epi16;
    i32x4_neg => _mm_sub_epi32;
    i64x2_neg => _mm_sub_epi64;
}

/// `i8x16.abs` (SSE2): as unsigned bytes, `|x|` is the smaller of `x` and `-x`.
#[inline(always)]
pub fn i8x16_abs(a: u128) -> u128 {
    sse2! {
        let a = v(a);
        u(_mm_min_epu8(a, _mm_sub_epi8(_mm_setzero_si128(), a)))
    }
}

/// `i16x8.abs` (SSE2)
#[inline(always)]
pub fn i16x8_abs(a: u128) -> u128 {
    sse2! {
        let a = v(a);
        u(_mm_max_epi16(a, _mm_sub_epi16(_mm_setzero_si128(), a)))
    }
}

/// `i32x4.abs` (SSE2)
#[inline(always)]
pub fn i32x4_abs(a: u128) -> u128 {
    sse2! {
        let a = v(a);
        let sign = _mm_srai_epi32::<31>(a);
        u(_mm_sub_epi32(_mm_xor_si128(a, sign), sign))
    }
}

/// `i64x2.abs` (SSE2)
#[inline(always)]
pub fn i64x2_abs(a: u128) -> u128 {
    sse2! {
        let a = v(a);
        let sign = _mm_shuffle_epi32::<0b11_11_01_01>(_mm_srai_epi32::<31>(a));
        u(_mm_sub_epi64(_mm_xor_si128(a, sign), sign))
    }
}

/// `i32x4.mul` (SSE2): the even and odd lanes' 64-bit products, low halves interleaved.
#[inline(always)]
pub fn i32x4_mul(a: u128, b: u128) -> u128 {
    sse2! {
        let (a, b) = (v(a), v(b));
        let even = _mm_mul_epu32(a, b);
        let odd = _mm_mul_epu32(_mm_srli_epi64::<32>(a), _mm_srli_epi64::<32>(b));
        u(_mm_unpacklo_epi32(_mm_shuffle_epi32::<0b00_00_10_00>(even), _mm_shuffle_epi32::<0b00_00_10_00>(odd)))
    }
}

/// The shift count as a vector register (`s` modulo the lane width `bits`).
#[inline(always)]
fn count(s: u32, bits: u32) -> __m128i {
    sse2! {
        _mm_cvtsi32_si128((s & (bits - 1)) as i32)
    }
}

/// Shifts that are one intrinsic, with the count taken modulo the lane width.
macro_rules! shift {
    ($($name:ident => $op:ident, $bits:literal;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (SSE2)")]
        #[inline(always)]
        pub fn $name(a: u128, s: u32) -> u128 {
            sse2! { u($op(v(a), count(s, $bits))) }
        }
    )*};
}

shift! {
    i16x8_shl => _mm_sll_epi16, 16;
    i16x8_shr_s => _mm_sra_epi16, 16;
    i16x8_shr_u => _mm_srl_epi16, 16;
    i32x4_shl => _mm_sll_epi32, 32;
    i32x4_shr_s => _mm_sra_epi32, 32;
    i32x4_shr_u => _mm_srl_epi32, 32;
    i64x2_shl => _mm_sll_epi64, 64;
    i64x2_shr_u => _mm_srl_epi64, 64;
}

/// `i8x16.shl` (SSE2): 16-bit shifts, then the bits shifted in from the neighbouring byte
/// cleared.
#[inline(always)]
pub fn i8x16_shl(a: u128, s: u32) -> u128 {
    sse2! {
        let s = s & 7;
        let keep = _mm_set1_epi8((0xffu8 << s) as i8);
        u(_mm_and_si128(_mm_sll_epi16(v(a), count(s, 16)), keep))
    }
}

/// `i8x16.shr_u` (SSE2)
#[inline(always)]
pub fn i8x16_shr_u(a: u128, s: u32) -> u128 {
    sse2! {
        let s = s & 7;
        let keep = _mm_set1_epi8((0xffu8 >> s) as i8);
        u(_mm_and_si128(_mm_srl_epi16(v(a), count(s, 16)), keep))
    }
}

/// `i8x16.shr_s` (SSE2): each byte doubled into a 16-bit lane whose high byte it is, shifted
/// arithmetically by 8 more, and packed back (no saturation happens: the results fit).
#[inline(always)]
pub fn i8x16_shr_s(a: u128, s: u32) -> u128 {
    sse2! {
        let a = v(a);
        let c = _mm_cvtsi32_si128(((s & 7) + 8) as i32);
        let lo = _mm_sra_epi16(_mm_unpacklo_epi8(a, a), c);
        let hi = _mm_sra_epi16(_mm_unpackhi_epi8(a, a), c);
        u(_mm_packs_epi16(lo, hi))
    }
}

/// Splats of the low bits of a cell.
macro_rules! splat {
    ($($name:ident => $set1:ident, $t:ty;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (SSE2)")]
        #[inline(always)]
        pub fn $name(x: u64) -> u128 {
            sse2! { u($set1(x as $t)) }
        }
    )*};
}

splat! {
    i8x16_splat => _mm_set1_epi8, i8;
    i16x8_splat => _mm_set1_epi16, i16;
    i32x4_splat => _mm_set1_epi32, i32;
    i64x2_splat => _mm_set1_epi64x, i64;
}

// The lane replacements select between the vector and the splatted value with a mask (all ones
// where a lane's index equals `lane`), without a trip through memory: a 16-byte load right after
// a narrower store to the same place waits for the store.

/// `i8x16.replace_lane` (SSE2)
#[inline(always)]
pub fn i8x16_replace_lane(a: u128, lane: u16, x: u64) -> u128 {
    sse2! {
        let index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        u(select(_mm_cmpeq_epi8(index, _mm_set1_epi8((lane % 16) as i8)), _mm_set1_epi8(x as i8), v(a)))
    }
}

/// `i16x8.replace_lane` (SSE2)
#[inline(always)]
pub fn i16x8_replace_lane(a: u128, lane: u16, x: u64) -> u128 {
    sse2! {
        let index = _mm_setr_epi16(0, 1, 2, 3, 4, 5, 6, 7);
        u(select(_mm_cmpeq_epi16(index, _mm_set1_epi16((lane % 8) as i16)), _mm_set1_epi16(x as i16), v(a)))
    }
}

/// `i32x4.replace_lane` (SSE2)
#[inline(always)]
pub fn i32x4_replace_lane(a: u128, lane: u16, x: u64) -> u128 {
    sse2! {
        let index = _mm_setr_epi32(0, 1, 2, 3);
        u(select(_mm_cmpeq_epi32(index, _mm_set1_epi32(i32::from(lane % 4))), _mm_set1_epi32(x as i32), v(a)))
    }
}

/// `i64x2.replace_lane` (SSE2)
#[inline(always)]
pub fn i64x2_replace_lane(a: u128, lane: u16, x: u64) -> u128 {
    sse2! {
        let index = _mm_setr_epi32(0, 0, 1, 1);
        u(select(_mm_cmpeq_epi32(index, _mm_set1_epi32(i32::from(lane % 2))), _mm_set1_epi64x(x as i64), v(a)))
    }
}

/// `v` with its lane `lane` of `N` bytes replaced by `bytes` (`v128.loadN_lane`), as a lane
/// replacement.
#[inline(always)]
pub fn load_lane<const N: usize>(v: u128, lane: u16, bytes: [u8; N]) -> u128 {
    let mut x = [0; 8];
    x[..N].copy_from_slice(&bytes);
    let x = u64::from_le_bytes(x);
    match N {
        1 => i8x16_replace_lane(v, lane, x),
        2 => i16x8_replace_lane(v, lane, x),
        4 => i32x4_replace_lane(v, lane, x),
        _ => i64x2_replace_lane(v, lane, x),
    }
}

/// `i8x16.shuffle` (SSE2, which has no byte shuffle): the two operands side by side in memory
/// (two 16-byte stores, from which the byte loads are forwarded), the result gathered as eight
/// 16-bit words inserted into a vector register.
#[inline(always)]
pub fn i8x16_shuffle(a: u128, b: u128, mask: u128) -> u128 {
    let mut t = [0; 32];
    t[..16].copy_from_slice(&a.to_le_bytes());
    t[16..].copy_from_slice(&b.to_le_bytes());
    let s = mask.to_le_bytes();
    let word = |i: usize| i32::from(t[usize::from(s[2 * i] & 31)]) | i32::from(t[usize::from(s[2 * i + 1] & 31)]) << 8;
    sse2! {
        let r = _mm_cvtsi32_si128(word(0));
        let r = _mm_insert_epi16::<1>(r, word(1));
        let r = _mm_insert_epi16::<2>(r, word(2));
        let r = _mm_insert_epi16::<3>(r, word(3));
        let r = _mm_insert_epi16::<4>(r, word(4));
        let r = _mm_insert_epi16::<5>(r, word(5));
        let r = _mm_insert_epi16::<6>(r, word(6));
        u(_mm_insert_epi16::<7>(r, word(7)))
    }
}

/// `i8x16.shuffle` with SSSE3's byte shuffle: each operand's bytes picked by its half of the
/// indices (an index into the other operand has bit 7 set, which picks zero), then or-ed.
///
/// # Safety
/// The CPU must have SSSE3 (the executor picks this form only after checking, when it encodes
/// the instruction).
// Only the tail-call dispatcher picks handlers by CPU (the portable loop uses SSE2).
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
#[inline]
#[target_feature(enable = "ssse3")]
pub unsafe fn i8x16_shuffle_ssse3(a: u128, b: u128, mask: u128) -> u128 {
    let m = _mm_and_si128(v(mask), _mm_set1_epi8(31));
    let in_b = _mm_cmpgt_epi8(m, _mm_set1_epi8(15));
    // Indices below 16 minus 16 are negative, so they pick zero from `b`.
    let from_b = _mm_shuffle_epi8(v(b), _mm_sub_epi8(m, _mm_set1_epi8(16)));
    u(_mm_or_si128(_mm_shuffle_epi8(v(a), _mm_or_si128(m, in_b)), from_b))
}

/// `i8x16.swizzle` with SSSE3's byte shuffle: indices of 16 and up saturate to bit 7 set, which
/// picks zero.
///
/// # Safety
/// As for [`i8x16_shuffle_ssse3`].
// Only the tail-call dispatcher picks handlers by CPU (the portable loop uses SSE2).
#[cfg_attr(not(hayate_tail_calls), allow(dead_code))]
#[inline]
#[target_feature(enable = "ssse3")]
pub unsafe fn i8x16_swizzle_ssse3(a: u128, s: u128) -> u128 {
    u(_mm_shuffle_epi8(v(a), _mm_adds_epu8(v(s), _mm_set1_epi8(0x70))))
}

/// `x` clamped to `0..=65535` and moved into the signed 16-bit range.
#[inline(always)]
fn clamp_u16(x: __m128i) -> __m128i {
    sse2! {
        let x = _mm_and_si128(x, _mm_cmpgt_epi32(x, _mm_setzero_si128()));
        let max = _mm_set1_epi32(0xffff);
        let x = select(_mm_cmpgt_epi32(x, max), max, x);
        _mm_sub_epi32(x, _mm_set1_epi32(0x8000))
    }
}

/// `i16x8.narrow_i32x4_u` (SSE2, which has no unsigned 32-to-16 pack): each lane clamped to
/// `0..=65535`, moved into the signed range, packed, and moved back.
#[inline(always)]
pub fn i16x8_narrow_i32x4_u(a: u128, b: u128) -> u128 {
    sse2! {
        u(_mm_xor_si128(_mm_packs_epi32(clamp_u16(v(a)), clamp_u16(v(b))), _mm_set1_epi16(i16::MIN)))
    }
}

/// Each 8-bit lane of the low (`lo`) or high half, sign-extended to 16 bits.
#[inline(always)]
fn ext8_s(a: __m128i, lo: bool) -> __m128i {
    sse2! {
        let d = if lo { _mm_unpacklo_epi8(a, a) } else { _mm_unpackhi_epi8(a, a) };
        _mm_srai_epi16::<8>(d)
    }
}

#[inline(always)]
fn ext8_u(a: __m128i, lo: bool) -> __m128i {
    sse2! {
        let z = _mm_setzero_si128();
        if lo { _mm_unpacklo_epi8(a, z) } else { _mm_unpackhi_epi8(a, z) }
    }
}

#[inline(always)]
fn ext16_s(a: __m128i, lo: bool) -> __m128i {
    sse2! {
        let d = if lo { _mm_unpacklo_epi16(a, a) } else { _mm_unpackhi_epi16(a, a) };
        _mm_srai_epi32::<16>(d)
    }
}

#[inline(always)]
fn ext16_u(a: __m128i, lo: bool) -> __m128i {
    sse2! {
        let z = _mm_setzero_si128();
        if lo { _mm_unpacklo_epi16(a, z) } else { _mm_unpackhi_epi16(a, z) }
    }
}

#[inline(always)]
fn ext32_s(a: __m128i, lo: bool) -> __m128i {
    sse2! {
        let sign = _mm_srai_epi32::<31>(a);
        if lo { _mm_unpacklo_epi32(a, sign) } else { _mm_unpackhi_epi32(a, sign) }
    }
}

#[inline(always)]
fn ext32_u(a: __m128i, lo: bool) -> __m128i {
    sse2! {
        let z = _mm_setzero_si128();
        if lo { _mm_unpacklo_epi32(a, z) } else { _mm_unpackhi_epi32(a, z) }
    }
}

/// The extensions, one line per instruction: name, extension function, low half or not.
macro_rules! extend {
    ($($name:ident => $ext:ident, $lo:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (SSE2)")]
        #[inline(always)]
        pub fn $name(a: u128) -> u128 {
            sse2! {
                u($ext(v(a), $lo))
            }
        }
    )*};
}

extend! {
    i16x8_extend_low_i8x16_s => ext8_s, true;
    i16x8_extend_high_i8x16_s => ext8_s, false;
    i16x8_extend_low_i8x16_u => ext8_u, true;
    i16x8_extend_high_i8x16_u => ext8_u, false;
    i32x4_extend_low_i16x8_s => ext16_s, true;
    i32x4_extend_high_i16x8_s => ext16_s, false;
    i32x4_extend_low_i16x8_u => ext16_u, true;
    i32x4_extend_high_i16x8_u => ext16_u, false;
    i64x2_extend_low_i32x4_s => ext32_s, true;
    i64x2_extend_high_i32x4_s => ext32_s, false;
    i64x2_extend_low_i32x4_u => ext32_u, true;
    i64x2_extend_high_i32x4_u => ext32_u, false;
}

/// `i16x8.extmul_*_i8x16_*`: both operands extended, then one 16-bit multiply.
macro_rules! extmul8 {
    ($($name:ident => $ext:ident, $lo:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (SSE2)")]
        #[inline(always)]
        pub fn $name(a: u128, b: u128) -> u128 {
            sse2! {
                u(_mm_mullo_epi16($ext(v(a), $lo), $ext(v(b), $lo)))
            }
        }
    )*};
}

extmul8! {
    i16x8_extmul_low_i8x16_s => ext8_s, true;
    i16x8_extmul_high_i8x16_s => ext8_s, false;
    i16x8_extmul_low_i8x16_u => ext8_u, true;
    i16x8_extmul_high_i8x16_u => ext8_u, false;
}

/// `i32x4.extmul_*_i16x8_*`: the low and high halves of the 16-bit products, interleaved.
macro_rules! extmul16 {
    ($($name:ident => $mulhi:ident, $unpack:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (SSE2)")]
        #[inline(always)]
        pub fn $name(a: u128, b: u128) -> u128 {
            sse2! {
                let (a, b) = (v(a), v(b));
                u($unpack(_mm_mullo_epi16(a, b), $mulhi(a, b)))
            }
        }
    )*};
}

extmul16! {
    i32x4_extmul_low_i16x8_s => _mm_mulhi_epi16, _mm_unpacklo_epi16;
    i32x4_extmul_high_i16x8_s => _mm_mulhi_epi16, _mm_unpackhi_epi16;
    i32x4_extmul_low_i16x8_u => _mm_mulhi_epu16, _mm_unpacklo_epi16;
    i32x4_extmul_high_i16x8_u => _mm_mulhi_epu16, _mm_unpackhi_epi16;
}

/// `i64x2.extmul_low_i32x4_u` (SSE2)
#[inline(always)]
pub fn i64x2_extmul_low_i32x4_u(a: u128, b: u128) -> u128 {
    sse2! {
        let (a, b) = (v(a), v(b));
        u(_mm_mul_epu32(_mm_shuffle_epi32::<0b01_01_00_00>(a), _mm_shuffle_epi32::<0b01_01_00_00>(b)))
    }
}

/// `i64x2.extmul_high_i32x4_u` (SSE2)
#[inline(always)]
pub fn i64x2_extmul_high_i32x4_u(a: u128, b: u128) -> u128 {
    sse2! {
        let (a, b) = (v(a), v(b));
        u(_mm_mul_epu32(_mm_shuffle_epi32::<0b11_11_10_10>(a), _mm_shuffle_epi32::<0b11_11_10_10>(b)))
    }
}

/// `i16x8.extadd_pairwise_i8x16_s` (SSE2)
#[inline(always)]
pub fn i16x8_extadd_pairwise_i8x16_s(a: u128) -> u128 {
    sse2! {
        let a = v(a);
        u(_mm_add_epi16(_mm_srai_epi16::<8>(_mm_slli_epi16::<8>(a)), _mm_srai_epi16::<8>(a)))
    }
}

/// `i16x8.extadd_pairwise_i8x16_u` (SSE2)
#[inline(always)]
pub fn i16x8_extadd_pairwise_i8x16_u(a: u128) -> u128 {
    sse2! {
        let a = v(a);
        u(_mm_add_epi16(_mm_and_si128(a, _mm_set1_epi16(0xff)), _mm_srli_epi16::<8>(a)))
    }
}

/// `i32x4.extadd_pairwise_i16x8_s` (SSE2)
#[inline(always)]
pub fn i32x4_extadd_pairwise_i16x8_s(a: u128) -> u128 {
    sse2! {
        u(_mm_madd_epi16(v(a), _mm_set1_epi16(1)))
    }
}

/// `i32x4.extadd_pairwise_i16x8_u` (SSE2): the lanes biased into the signed range, summed in
/// pairs, and the bias (twice 32768) added back.
#[inline(always)]
pub fn i32x4_extadd_pairwise_i16x8_u(a: u128) -> u128 {
    sse2! {
        let biased = _mm_xor_si128(v(a), _mm_set1_epi16(i16::MIN));
        u(_mm_add_epi32(_mm_madd_epi16(biased, _mm_set1_epi16(1)), _mm_set1_epi32(0x1_0000)))
    }
}

/// `i16x8.q15mulr_sat_s` (SSE2): the 32-bit products, rounded and shifted, then packed with
/// saturation (only `-32768 * -32768` saturates).
#[inline(always)]
pub fn i16x8_q15mulr_sat_s(a: u128, b: u128) -> u128 {
    sse2! {
        let (a, b) = (v(a), v(b));
        let (lo, hi) = (_mm_mullo_epi16(a, b), _mm_mulhi_epi16(a, b));
        let round = _mm_set1_epi32(0x4000);
        let p0 = _mm_srai_epi32::<15>(_mm_add_epi32(_mm_unpacklo_epi16(lo, hi), round));
        let p1 = _mm_srai_epi32::<15>(_mm_add_epi32(_mm_unpackhi_epi16(lo, hi), round));
        u(_mm_packs_epi32(p0, p1))
    }
}

/// `i8x16.popcnt` (SSE2): the bit counts of pairs, nibbles and bytes.
#[inline(always)]
pub fn i8x16_popcnt(a: u128) -> u128 {
    sse2! {
        let a = v(a);
        let m1 = _mm_set1_epi8(0x55);
        let m2 = _mm_set1_epi8(0x33);
        let m4 = _mm_set1_epi8(0x0f);
        let a = _mm_sub_epi8(a, _mm_and_si128(_mm_srli_epi16::<1>(a), m1));
        let a = _mm_add_epi8(_mm_and_si128(a, m2), _mm_and_si128(_mm_srli_epi16::<2>(a), m2));
        u(_mm_and_si128(_mm_add_epi8(a, _mm_srli_epi16::<4>(a)), m4))
    }
}

/// Float sign-bit operations: `abs` clears it, `neg` flips it.
macro_rules! float_sign {
    ($($abs:ident, $neg:ident: $mask:expr;)*) => {$(
        #[doc = concat!("`", stringify!($abs), "` (SSE2)")]
        #[inline(always)]
        pub fn $abs(a: u128) -> u128 {
            sse2! {
                u(_mm_andnot_si128($mask, v(a)))
            }
        }
        #[doc = concat!("`", stringify!($neg), "` (SSE2)")]
        #[inline(always)]
        pub fn $neg(a: u128) -> u128 {
            sse2! {
                u(_mm_xor_si128($mask, v(a)))
            }
        }
    )*};
}

float_sign! {
    f32x4_abs, f32x4_neg: _mm_set1_epi32(i32::MIN);
    f64x2_abs, f64x2_neg: _mm_set1_epi64x(i64::MIN);
}

/// `f32x4.sqrt` (SSE2)
#[inline(always)]
pub fn f32x4_sqrt(a: u128) -> u128 {
    sse2! {
        ups(_mm_sqrt_ps(ps(a)))
    }
}

/// `f64x2.sqrt` (SSE2)
#[inline(always)]
pub fn f64x2_sqrt(a: u128) -> u128 {
    sse2! {
        upd(_mm_sqrt_pd(pd(a)))
    }
}

/// Wasm's `min` and `max` on float lanes: SSE's `min`/`max` return their second operand when
/// either is NaN or both are zeros, so both orders are combined (`or` makes `min(-0, +0)` -0,
/// `and` makes `max` +0) and NaN lanes become the canonical NaN, as the portable code gives.
macro_rules! float_minmax {
    ($($name:ident => $op:ident, $combine:ident, $ty:ident;)*) => {$(
        #[doc = concat!("`", stringify!($name), "` (SSE2)")]
        #[inline(always)]
        pub fn $name(a: u128, b: u128) -> u128 {
            sse2! {
                float_minmax!(@$ty a, b, $op, $combine)
            }
        }
    )*};
    (@f32 $a:ident, $b:ident, $op:ident, $combine:ident) => {{
        let (x, y) = (ps($a), ps($b));
        let m = $combine($op(x, y), $op(y, x));
        let nan = _mm_cmpunord_ps(x, y);
        let canonical = _mm_castsi128_ps(_mm_set1_epi32(0x7fc0_0000));
        ups(_mm_or_ps(_mm_andnot_ps(nan, m), _mm_and_ps(nan, canonical)))
    }};
    (@f64 $a:ident, $b:ident, $op:ident, $combine:ident) => {{
        let (x, y) = (pd($a), pd($b));
        let m = $combine($op(x, y), $op(y, x));
        let nan = _mm_cmpunord_pd(x, y);
        let canonical = _mm_castsi128_pd(_mm_set1_epi64x(0x7ff8_0000_0000_0000));
        upd(_mm_or_pd(_mm_andnot_pd(nan, m), _mm_and_pd(nan, canonical)))
    }};
}

float_minmax! {
    f32x4_min => _mm_min_ps, _mm_or_ps, f32;
    f32x4_max => _mm_max_ps, _mm_and_ps, f32;
    f64x2_min => _mm_min_pd, _mm_or_pd, f64;
    f64x2_max => _mm_max_pd, _mm_and_pd, f64;
}

/// `f32x4.pmin` (SSE2): `b < a ? b : a` is `minps(b, a)`.
#[inline(always)]
pub fn f32x4_pmin(a: u128, b: u128) -> u128 {
    sse2! {
        ups(_mm_min_ps(ps(b), ps(a)))
    }
}

/// `f32x4.pmax` (SSE2): `a < b ? b : a` is `maxps(b, a)`.
#[inline(always)]
pub fn f32x4_pmax(a: u128, b: u128) -> u128 {
    sse2! {
        ups(_mm_max_ps(ps(b), ps(a)))
    }
}

/// `f64x2.pmin` (SSE2)
#[inline(always)]
pub fn f64x2_pmin(a: u128, b: u128) -> u128 {
    sse2! {
        upd(_mm_min_pd(pd(b), pd(a)))
    }
}

/// `f64x2.pmax` (SSE2)
#[inline(always)]
pub fn f64x2_pmax(a: u128, b: u128) -> u128 {
    sse2! {
        upd(_mm_max_pd(pd(b), pd(a)))
    }
}

/// The `f32x4` arithmetic, comparison, sign, rounding and multiply-add instructions: SSE2 forms
/// where SSE2 has them, the portable ones (rounding) otherwise.
pub mod f32x4 {
    pub use super::super::simd::f32x4::*;
    pub use super::{
        f32x4_abs as abs, f32x4_add as add, f32x4_div as div, f32x4_eq as eq, f32x4_ge as ge, f32x4_gt as gt,
        f32x4_le as le, f32x4_lt as lt, f32x4_max as max, f32x4_min as min, f32x4_mul as mul, f32x4_ne as ne,
        f32x4_neg as neg, f32x4_pmax as pmax, f32x4_pmin as pmin, f32x4_sqrt as sqrt, f32x4_sub as sub,
    };

    /// `relaxed_madd` (unfused, as the deterministic profile fixes it; SSE2)
    #[inline(always)]
    pub fn relaxed_madd(a: u128, b: u128, c: u128) -> u128 {
        super::f32x4_add(super::f32x4_mul(a, b), c)
    }

    /// `relaxed_nmadd` (unfused: `-a * b`, then `+ c`; SSE2)
    #[inline(always)]
    pub fn relaxed_nmadd(a: u128, b: u128, c: u128) -> u128 {
        super::f32x4_add(super::f32x4_mul(super::f32x4_neg(a), b), c)
    }
}

/// The `f64x2` arithmetic, comparison, sign, rounding and multiply-add instructions: SSE2 forms
/// where SSE2 has them, the portable ones (rounding) otherwise.
pub mod f64x2 {
    pub use super::super::simd::f64x2::*;
    pub use super::{
        f64x2_abs as abs, f64x2_add as add, f64x2_div as div, f64x2_eq as eq, f64x2_ge as ge, f64x2_gt as gt,
        f64x2_le as le, f64x2_lt as lt, f64x2_max as max, f64x2_min as min, f64x2_mul as mul, f64x2_ne as ne,
        f64x2_neg as neg, f64x2_pmax as pmax, f64x2_pmin as pmin, f64x2_sqrt as sqrt, f64x2_sub as sub,
    };

    /// `relaxed_madd` (unfused, as the deterministic profile fixes it; SSE2)
    #[inline(always)]
    pub fn relaxed_madd(a: u128, b: u128, c: u128) -> u128 {
        super::f64x2_add(super::f64x2_mul(a, b), c)
    }

    /// `relaxed_nmadd` (unfused: `-a * b`, then `+ c`; SSE2)
    #[inline(always)]
    pub fn relaxed_nmadd(a: u128, b: u128, c: u128) -> u128 {
        super::f64x2_add(super::f64x2_mul(super::f64x2_neg(a), b), c)
    }
}

/// `f32x4.convert_i32x4_s` (SSE2)
#[inline(always)]
pub fn f32x4_convert_i32x4_s(a: u128) -> u128 {
    sse2! {
        ups(_mm_cvtepi32_ps(v(a)))
    }
}

/// `f32x4.convert_i32x4_u` (SSE2): the high 16 bits converted and scaled exactly, the low 16
/// bits converted exactly, and one rounding in their sum.
#[inline(always)]
pub fn f32x4_convert_i32x4_u(a: u128) -> u128 {
    sse2! {
        let a = v(a);
        let lo = _mm_cvtepi32_ps(_mm_and_si128(a, _mm_set1_epi32(0xffff)));
        let hi = _mm_mul_ps(_mm_cvtepi32_ps(_mm_srli_epi32::<16>(a)), _mm_set1_ps(65536.0));
        ups(_mm_add_ps(hi, lo))
    }
}

/// `i32x4.trunc_sat_f32x4_s` (SSE2): NaN lanes zeroed first; `cvttps2dq` gives `i32::MIN` for
/// every lane out of range, which is right below the range and turned into `i32::MAX` above it.
#[inline(always)]
pub fn i32x4_trunc_sat_f32x4_s(a: u128) -> u128 {
    sse2! {
        let a = ps(a);
        let a = _mm_and_ps(a, _mm_cmpeq_ps(a, a));
        let above = _mm_castps_si128(_mm_cmpge_ps(a, _mm_set1_ps(2147483648.0)));
        u(_mm_xor_si128(_mm_cvttps_epi32(a), above))
    }
}

/// `f64x2.convert_low_i32x4_s` (SSE2)
#[inline(always)]
pub fn f64x2_convert_low_i32x4_s(a: u128) -> u128 {
    sse2! {
        upd(_mm_cvtepi32_pd(v(a)))
    }
}

/// `i32x4.trunc_sat_f64x2_s_zero` (SSE2): NaN lanes zeroed, lanes above the range clamped to
/// `i32::MAX` (exact in f64); below it `cvttpd2dq` gives `i32::MIN`.
#[inline(always)]
pub fn i32x4_trunc_sat_f64x2_s_zero(a: u128) -> u128 {
    sse2! {
        let a = pd(a);
        let a = _mm_min_pd(_mm_and_pd(a, _mm_cmpeq_pd(a, a)), _mm_set1_pd(2147483647.0));
        u(_mm_cvttpd_epi32(a))
    }
}

/// `f32x4.demote_f64x2_zero` (SSE2)
#[inline(always)]
pub fn f32x4_demote_f64x2_zero(a: u128) -> u128 {
    sse2! {
        ups(_mm_cvtpd_ps(pd(a)))
    }
}

/// `f64x2.promote_low_f32x4` (SSE2)
#[inline(always)]
pub fn f64x2_promote_low_f32x4(a: u128) -> u128 {
    sse2! {
        upd(_mm_cvtps_pd(ps(a)))
    }
}

#[cfg(test)]
#[path = "simd_tests.rs"]
mod tests;

#[cfg(test)]
mod ssse3_tests {
    //! The SSSE3 shuffles against the portable ones.

    use super::super::simd as p;

    #[test]
    fn ssse3_shuffles_match_the_portable_code() {
        // Every x86-64 CPU of the last fifteen years has SSSE3; the test machine must.
        assert!(std::arch::is_x86_feature_detected!("ssse3"));
        let mut s = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            u128::from(s) | u128::from(s.rotate_left(29)) << 64
        };
        for _ in 0..20_000 {
            let (a, b) = (next(), next());
            // SAFETY: just checked.
            let (x, y) = unsafe { (super::i8x16_shuffle_ssse3(a, !a, b), super::i8x16_swizzle_ssse3(a, b)) };
            // Any byte is a shuffle mask here (the instruction's are below 32).
            assert_eq!(x, p::i8x16_shuffle(a, !a, b));
            assert_eq!(y, p::i8x16_swizzle(a, b));
            let near = b & 0x1f1f_1f1f_1f1f_1f1f_1f1f_1f1f_1f1f_1f1f;
            // SAFETY: as above.
            assert_eq!(unsafe { super::i8x16_swizzle_ssse3(a, near) }, p::i8x16_swizzle(a, near));
        }
    }
}
