//! Every function of a fast lane module (`simd_x86`, `simd_neon`, which include this file as their
//! `tests`) against its portable original, on edge values and on
//! pseudo-random ones; float lanes compare NaN-ness only where the portable code leaves the
//! NaN to the hardware.

use super::super::simd as p;

/// Interesting lane values for every lane width, and random bits.
fn inputs() -> Vec<u128> {
    let mut out = Vec::new();
    let specials32: [u32; 14] = [
        0,
        1,
        0x8000_0000,
        0x7fff_ffff,
        0xffff_ffff,
        0x7f80_0000,
        0xff80_0000,
        0x7fc0_0000,
        0x7fa0_0001,
        0xffc0_0001,
        0x4f00_0000,
        0xcf00_0000,
        0x3f80_0000,
        0xbf00_0000,
    ];
    let specials64: [u64; 12] = [
        0,
        1,
        0x8000_0000_0000_0000,
        0x7fff_ffff_ffff_ffff,
        u64::MAX,
        0x7ff0_0000_0000_0000,
        0xfff8_0000_0000_0000,
        0x7ff4_0000_0000_0001,
        0x41e0_0000_0000_0000,
        0xc1e0_0000_0020_0000,
        0x41df_ffff_ffc0_0000,
        0x3fe0_0000_0000_0000,
    ];
    for (i, &x) in specials32.iter().enumerate() {
        let y = specials32[(i * 5 + 3) % specials32.len()];
        out.push(u128::from(x) | u128::from(y) << 32 | u128::from(x) << 64 | u128::from(!y) << 96);
    }
    for (i, &x) in specials64.iter().enumerate() {
        out.push(u128::from(x) | u128::from(specials64[(i * 7 + 1) % specials64.len()]) << 64);
    }
    for b in [0x00u8, 0x01, 0x7f, 0x80, 0x81, 0xff, 0xfe, 0x40] {
        out.push(u128::from_le_bytes([b; 16]));
        out.push(u128::from_le_bytes(std::array::from_fn(|i| b.wrapping_add(i as u8 * 17))));
    }
    let mut s = 0x9e37_79b9_7f4a_7c15_u64;
    for _ in 0..400 {
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        out.push(u128::from(next()) | u128::from(next()) << 64);
    }
    out
}

/// Equal, or NaN in the same lanes where `width` is a float lane width (4 or 8 bytes).
fn same(a: u128, b: u128, width: usize) -> bool {
    if a == b {
        return true;
    }
    let (a, b) = (a.to_le_bytes(), b.to_le_bytes());
    (0..16 / width).all(|i| {
        let r = i * width..(i + 1) * width;
        match width {
            4 => {
                let f = |x: &[u8]| f32::from_le_bytes(x.try_into().unwrap_or_default());
                let (x, y) = (f(&a[r.clone()]), f(&b[r]));
                x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
            }
            8 => {
                let f = |x: &[u8]| f64::from_le_bytes(x.try_into().unwrap_or_default());
                let (x, y) = (f(&a[r.clone()]), f(&b[r]));
                x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
            }
            _ => false,
        }
    })
}

/// `check!(width; name, ...)` for unary, binary and ternary `u128` functions, shift and splat
/// forms; `width` 0 means exact comparison.
macro_rules! check {
    (1 $w:literal; $($($f:ident)::+),*) => {$(
        for &a in &inputs() {
            let (x, y) = (super::$($f)::+(a), p::$($f)::+(a));
            assert!(same(u128::from(x), u128::from(y), $w), "{}({a:#x}): {x:#x} vs {y:#x}", stringify!($($f)::+));
        }
    )*};
    (2 $w:literal; $($($f:ident)::+),*) => {$(
        let all = inputs();
        for (i, &a) in all.iter().enumerate() {
            for &b in all.iter().skip(i % 7).step_by(7) {
                let (x, y) = (super::$($f)::+(a, b), p::$($f)::+(a, b));
                assert!(same(x, y, $w), "{}({a:#x}, {b:#x}): {x:#x} vs {y:#x}", stringify!($($f)::+));
            }
        }
    )*};
    (shift; $($f:ident),*) => {$(
        for &a in &inputs() {
            for s in [0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 200, u32::MAX] {
                assert_eq!(super::$f(a, s), p::$f(a, s), "{}({a:#x}, {s})", stringify!($f));
            }
        }
    )*};
    (splat; $($f:ident),*) => {$(
        for &a in &inputs() {
            assert_eq!(super::$f(a as u64), p::$f(a as u64), "{}({a:#x})", stringify!($f));
        }
    )*};
}

#[test]
fn integer_lanes_match_the_portable_code() {
    check!(1 0; v128_not, i8x16_neg, i16x8_neg, i32x4_neg, i64x2_neg, i8x16_abs, i16x8_abs, i32x4_abs,
        i64x2_abs, i8x16_popcnt, i16x8_extadd_pairwise_i8x16_s, i16x8_extadd_pairwise_i8x16_u,
        i32x4_extadd_pairwise_i16x8_s, i32x4_extadd_pairwise_i16x8_u, i16x8_extend_low_i8x16_s,
        i16x8_extend_high_i8x16_s, i16x8_extend_low_i8x16_u, i16x8_extend_high_i8x16_u,
        i32x4_extend_low_i16x8_s, i32x4_extend_high_i16x8_s, i32x4_extend_low_i16x8_u,
        i32x4_extend_high_i16x8_u, i64x2_extend_low_i32x4_s, i64x2_extend_high_i32x4_s,
        i64x2_extend_low_i32x4_u, i64x2_extend_high_i32x4_u, v128_any_true, i8x16_all_true,
        i16x8_all_true, i32x4_all_true, i64x2_all_true, i8x16_bitmask, i16x8_bitmask, i32x4_bitmask,
        i64x2_bitmask, i32x4_trunc_sat_f32x4_s, i32x4_trunc_sat_f32x4_u, i32x4_trunc_sat_f64x2_s_zero,
        i32x4_trunc_sat_f64x2_u_zero);
    check!(2 0; v128_and, v128_or, v128_xor, v128_andnot, i8x16_add, i16x8_add, i32x4_add, i64x2_add,
        i8x16_sub, i16x8_sub, i32x4_sub, i64x2_sub, i16x8_mul, i32x4_mul, i8x16_eq, i16x8_eq, i32x4_eq,
        i64x2_eq, i8x16_ne, i16x8_ne, i32x4_ne, i64x2_ne, i8x16_lt_s, i8x16_lt_u, i8x16_gt_s,
        i8x16_gt_u, i8x16_le_s, i8x16_le_u, i8x16_ge_s, i8x16_ge_u, i16x8_lt_s, i16x8_lt_u,
        i16x8_gt_s, i16x8_gt_u, i16x8_le_s, i16x8_le_u, i16x8_ge_s, i16x8_ge_u, i32x4_lt_s,
        i32x4_lt_u, i32x4_gt_s, i32x4_gt_u, i32x4_le_s, i32x4_le_u, i32x4_ge_s, i32x4_ge_u,
        i8x16_min_s, i8x16_min_u, i8x16_max_s, i8x16_max_u, i16x8_min_s, i16x8_min_u, i16x8_max_s,
        i16x8_max_u, i32x4_min_s, i32x4_min_u, i32x4_max_s, i32x4_max_u, i8x16_add_sat_s,
        i8x16_add_sat_u, i8x16_sub_sat_s, i8x16_sub_sat_u, i16x8_add_sat_s, i16x8_add_sat_u,
        i16x8_sub_sat_s, i16x8_sub_sat_u, i8x16_avgr_u, i16x8_avgr_u, i8x16_narrow_i16x8_s,
        i8x16_narrow_i16x8_u, i16x8_narrow_i32x4_s, i16x8_narrow_i32x4_u, i32x4_dot_i16x8_s,
        i16x8_extmul_low_i8x16_s, i16x8_extmul_high_i8x16_s, i16x8_extmul_low_i8x16_u,
        i16x8_extmul_high_i8x16_u, i32x4_extmul_low_i16x8_s, i32x4_extmul_high_i16x8_s,
        i32x4_extmul_low_i16x8_u, i32x4_extmul_high_i16x8_u, i64x2_extmul_low_i32x4_u,
        i64x2_extmul_high_i32x4_u, i64x2_extmul_low_i32x4_s, i64x2_extmul_high_i32x4_s,
        i16x8_q15mulr_sat_s, i16x8_relaxed_dot_i8x16_i7x16_s, i64x2_lt_s, i64x2_gt_s, i64x2_le_s, i64x2_ge_s);
    check!(shift; i8x16_shl, i8x16_shr_s, i8x16_shr_u, i16x8_shl, i16x8_shr_s, i16x8_shr_u, i32x4_shl,
        i32x4_shr_s, i32x4_shr_u, i64x2_shl, i64x2_shr_s, i64x2_shr_u);
    check!(splat; i8x16_splat, i16x8_splat, i32x4_splat, i64x2_splat);
    for &a in &inputs() {
        for &b in inputs().iter().step_by(11) {
            let x = b as u64;
            for lane in [0, 1, 2, 3, 5, 7, 8, 15, 16, 17] {
                assert_eq!(super::i8x16_replace_lane(a, lane, x), p::i8x16_replace_lane(a, lane, x));
                assert_eq!(super::i16x8_replace_lane(a, lane, x), p::i16x8_replace_lane(a, lane, x));
                assert_eq!(super::i32x4_replace_lane(a, lane, x), p::i32x4_replace_lane(a, lane, x));
                assert_eq!(super::i64x2_replace_lane(a, lane, x), p::i64x2_replace_lane(a, lane, x));
                let y = x.to_le_bytes();
                assert_eq!(super::load_lane::<1>(a, lane, [y[0]]), p::load_lane::<1>(a, lane, [y[0]]));
                assert_eq!(super::load_lane::<2>(a, lane, [y[0], y[1]]), p::load_lane::<2>(a, lane, [y[0], y[1]]));
                let four = [y[0], y[1], y[2], y[3]];
                assert_eq!(super::load_lane::<4>(a, lane, four), p::load_lane::<4>(a, lane, four));
                assert_eq!(super::load_lane::<8>(a, lane, y), p::load_lane::<8>(a, lane, y));
            }
            // Shuffle masks are below 32 (validation); swizzle indices of every size, some past
            // the end.
            let near = b & 0x1f1f_1f1f_1f1f_1f1f_1f1f_1f1f_1f1f_1f1f;
            assert_eq!(super::i8x16_shuffle(a, !a, near), p::i8x16_shuffle(a, !a, near));
            assert_eq!(super::i8x16_swizzle(a, b), p::i8x16_swizzle(a, b));
            assert_eq!(super::i8x16_swizzle(a, near), p::i8x16_swizzle(a, near));
        }
    }
    for &a in &inputs() {
        for &c in inputs().iter().step_by(13) {
            assert_eq!(super::v128_bitselect(a, !a, c), p::v128_bitselect(a, !a, c));
            assert_eq!(
                super::i32x4_relaxed_dot_i8x16_i7x16_add_s(a, c, !a),
                p::i32x4_relaxed_dot_i8x16_i7x16_add_s(a, c, !a)
            );
        }
        let b = (a as u64).to_le_bytes();
        assert_eq!(super::v128_load8x8_s(b), p::v128_load8x8_s(b));
        assert_eq!(super::v128_load8x8_u(b), p::v128_load8x8_u(b));
        assert_eq!(super::v128_load16x4_s(b), p::v128_load16x4_s(b));
        assert_eq!(super::v128_load16x4_u(b), p::v128_load16x4_u(b));
        assert_eq!(super::v128_load32x2_s(b), p::v128_load32x2_s(b));
        assert_eq!(super::v128_load32x2_u(b), p::v128_load32x2_u(b));
    }
}

#[test]
fn float_lanes_match_the_portable_code() {
    check!(1 4; f32x4::abs, f32x4::neg, f32x4::sqrt, f32x4::ceil, f32x4::floor, f32x4::trunc, f32x4::nearest,
        f32x4_convert_i32x4_s, f32x4_convert_i32x4_u, f32x4_demote_f64x2_zero);
    check!(1 8; f64x2::abs, f64x2::neg, f64x2::sqrt, f64x2::ceil, f64x2::floor, f64x2::trunc, f64x2::nearest,
        f64x2_convert_low_i32x4_s, f64x2_convert_low_i32x4_u, f64x2_promote_low_f32x4);
    check!(2 4; f32x4::add, f32x4::sub, f32x4::mul, f32x4::div, f32x4::min, f32x4::max, f32x4::pmin,
        f32x4::pmax, f32x4::eq, f32x4::ne, f32x4::lt, f32x4::gt, f32x4::le, f32x4::ge);
    check!(2 8; f64x2::add, f64x2::sub, f64x2::mul, f64x2::div, f64x2::min, f64x2::max, f64x2::pmin,
        f64x2::pmax, f64x2::eq, f64x2::ne, f64x2::lt, f64x2::gt, f64x2::le, f64x2::ge);
    let all = inputs();
    for (i, &a) in all.iter().enumerate() {
        for &b in all.iter().skip(i % 5).step_by(5) {
            let c = all[(i * 7) % all.len()];
            assert!(same(super::f32x4::relaxed_madd(a, b, c), p::f32x4::relaxed_madd(a, b, c), 4));
            assert!(same(super::f32x4::relaxed_nmadd(a, b, c), p::f32x4::relaxed_nmadd(a, b, c), 4));
            assert!(same(super::f64x2::relaxed_madd(a, b, c), p::f64x2::relaxed_madd(a, b, c), 8));
            assert!(same(super::f64x2::relaxed_nmadd(a, b, c), p::f64x2::relaxed_nmadd(a, b, c), 8));
        }
    }
}
