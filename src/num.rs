//! Wasm numeric semantics that plain Rust operators do not give directly (float min/max/nearest,
//! checked float-to-int conversions, division traps), shared by execution and constant folding.

use crate::error::TrapCode;

/// `fN.min`: NaN if either is NaN, and -0 < +0.
macro_rules! float_minmax {
    ($min:ident, $max:ident, $t:ty) => {
        /// Wasm `min`: NaN if either operand is NaN; `-0` is less than `+0`.
        #[inline(always)]
        pub fn $min(a: $t, b: $t) -> $t {
            if a.is_nan() || b.is_nan() {
                return a + b;
            }
            if a == b {
                // Equal values, possibly zeros of different sign: prefer the negative one.
                return if a.is_sign_negative() { a } else { b };
            }
            if a < b { a } else { b }
        }

        /// Wasm `max`: NaN if either operand is NaN; `+0` is greater than `-0`.
        #[inline(always)]
        pub fn $max(a: $t, b: $t) -> $t {
            if a.is_nan() || b.is_nan() {
                return a + b;
            }
            if a == b {
                return if a.is_sign_positive() { a } else { b };
            }
            if a > b { a } else { b }
        }
    };
}
float_minmax!(f32_min, f32_max, f32);
float_minmax!(f64_min, f64_max, f64);

/// Sets the quiet bit of a NaN (rounding functions may pass a signalling NaN through unchanged,
/// while Wasm requires an arithmetic NaN).
#[inline(always)]
fn quiet_f32(x: f32) -> f32 {
    if x.is_nan() { f32::from_bits(x.to_bits() | 0x0040_0000) } else { x }
}

#[inline(always)]
fn quiet_f64(x: f64) -> f64 {
    if x.is_nan() { f64::from_bits(x.to_bits() | 0x0008_0000_0000_0000) } else { x }
}

/// Rounding operations with Wasm's NaN rule: `$name(x)` rounds with `$method`.
macro_rules! rounding {
    ($($name:ident, $t:ty, $method:ident, $quiet:ident;)*) => {$(
        #[doc = concat!("Wasm `", stringify!($name), "`: `", stringify!($method), "` returning an arithmetic NaN for NaN.")]
        #[inline(always)]
        pub fn $name(x: $t) -> $t {
            $quiet(x.$method())
        }
    )*};
}
rounding! {
    f32_ceil, f32, ceil, quiet_f32;
    f32_floor, f32, floor, quiet_f32;
    f32_trunc, f32, trunc, quiet_f32;
    f32_nearest, f32, round_ties_even, quiet_f32;
    f64_ceil, f64, ceil, quiet_f64;
    f64_floor, f64, floor, quiet_f64;
    f64_trunc, f64, trunc, quiet_f64;
    f64_nearest, f64, round_ties_even, quiet_f64;
}

/// Checked float-to-int truncation: `$name(x)` traps on NaN and on values out of range.
/// The bounds are exclusive and exactly representable in the float type.
macro_rules! trunc {
    ($name:ident, $f:ty, $i:ty, $lo:expr, $hi:expr) => {
        /// Truncates toward zero; traps on NaN and when the result does not fit.
        #[inline(always)]
        pub fn $name(x: $f) -> Result<$i, TrapCode> {
            if x.is_nan() {
                return Err(TrapCode::BadConversionToInteger);
            }
            if !(x > $lo && x < $hi) {
                return Err(TrapCode::IntegerOverflow);
            }
            Ok(x as $i)
        }
    };
}
trunc!(i32_trunc_f32_s, f32, i32, -2147483904.0_f32, 2147483648.0_f32);
trunc!(i32_trunc_f32_u, f32, u32, -1.0_f32, 4294967296.0_f32);
trunc!(i32_trunc_f64_s, f64, i32, -2147483649.0_f64, 2147483648.0_f64);
trunc!(i32_trunc_f64_u, f64, u32, -1.0_f64, 4294967296.0_f64);
trunc!(i64_trunc_f32_s, f32, i64, -9223373136366403584.0_f32, 9223372036854775808.0_f32);
trunc!(i64_trunc_f32_u, f32, u64, -1.0_f32, 18446744073709551616.0_f32);
trunc!(i64_trunc_f64_s, f64, i64, -9223372036854777856.0_f64, 9223372036854775808.0_f64);
trunc!(i64_trunc_f64_u, f64, u64, -1.0_f64, 18446744073709551616.0_f64);

/// Signed division with Wasm's traps.
macro_rules! div_rem {
    ($div_s:ident, $div_u:ident, $rem_s:ident, $rem_u:ident, $s:ty, $u:ty) => {
        /// Signed division; traps on zero and on `MIN / -1`.
        #[inline(always)]
        pub fn $div_s(a: $s, b: $s) -> Result<$s, TrapCode> {
            if b == 0 {
                return Err(TrapCode::IntegerDivisionByZero);
            }
            a.checked_div(b).ok_or(TrapCode::IntegerOverflow)
        }
        /// Unsigned division; traps on zero.
        #[inline(always)]
        pub fn $div_u(a: $u, b: $u) -> Result<$u, TrapCode> {
            a.checked_div(b).ok_or(TrapCode::IntegerDivisionByZero)
        }
        /// Signed remainder; traps on zero (`MIN % -1` is 0).
        #[inline(always)]
        pub fn $rem_s(a: $s, b: $s) -> Result<$s, TrapCode> {
            if b == 0 {
                return Err(TrapCode::IntegerDivisionByZero);
            }
            Ok(a.wrapping_rem(b))
        }
        /// Unsigned remainder; traps on zero.
        #[inline(always)]
        pub fn $rem_u(a: $u, b: $u) -> Result<$u, TrapCode> {
            a.checked_rem(b).ok_or(TrapCode::IntegerDivisionByZero)
        }
    };
}
div_rem!(i32_div_s, i32_div_u, i32_rem_s, i32_rem_u, i32, u32);
div_rem!(i64_div_s, i64_div_u, i64_rem_s, i64_rem_u, i64, u64);

/// `i64.add128`: the 128-bit sum of `(a_hi:a_lo)` and `(b_hi:b_lo)`, wrapping, as `(lo, hi)`.
#[inline(always)]
pub fn i64_add128(a_lo: u64, a_hi: u64, b_lo: u64, b_hi: u64) -> (u64, u64) {
    let sum = (u128::from(a_hi) << 64 | u128::from(a_lo)).wrapping_add(u128::from(b_hi) << 64 | u128::from(b_lo));
    (sum as u64, (sum >> 64) as u64)
}

/// `i64.sub128`: the 128-bit difference `(a_hi:a_lo) - (b_hi:b_lo)`, wrapping, as `(lo, hi)`.
#[inline(always)]
pub fn i64_sub128(a_lo: u64, a_hi: u64, b_lo: u64, b_hi: u64) -> (u64, u64) {
    let diff = (u128::from(a_hi) << 64 | u128::from(a_lo)).wrapping_sub(u128::from(b_hi) << 64 | u128::from(b_lo));
    (diff as u64, (diff >> 64) as u64)
}

/// `i64.mul_wide_s`: the full 128-bit product of two signed `i64`s, as `(lo, hi)`.
#[inline(always)]
pub fn i64_mul_wide_s(a: u64, b: u64) -> (u64, u64) {
    let p = i128::from(a as i64) * i128::from(b as i64);
    (p as u64, (p >> 64) as u64)
}

/// `i64.mul_wide_u`: the full 128-bit product of two unsigned `i64`s, as `(lo, hi)`.
#[inline(always)]
pub fn i64_mul_wide_u(a: u64, b: u64) -> (u64, u64) {
    let p = u128::from(a) * u128::from(b);
    (p as u64, (p >> 64) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_arithmetic() {
        assert_eq!(i64_add128(u64::MAX, 0, 1, 0), (0, 1));
        assert_eq!(i64_add128(u64::MAX, u64::MAX, 1, 0), (0, 0));
        assert_eq!(i64_sub128(0, 0, 1, 0), (u64::MAX, u64::MAX));
        assert_eq!(i64_sub128(0, 1, 1, 0), (u64::MAX, 0));
        assert_eq!(i64_mul_wide_s(-1i64 as u64, 2), (-2i64 as u64, u64::MAX));
        assert_eq!(i64_mul_wide_u(u64::MAX, 2), (u64::MAX - 1, 1));
    }

    #[test]
    fn trunc_bounds() {
        assert_eq!(i32_trunc_f32_s(-2147483648.0), Ok(i32::MIN));
        assert_eq!(i32_trunc_f32_s(2147483648.0), Err(TrapCode::IntegerOverflow));
        assert_eq!(i32_trunc_f64_u(-0.9), Ok(0));
        assert_eq!(i64_trunc_f64_u(f64::NAN), Err(TrapCode::BadConversionToInteger));
        assert_eq!(i32_trunc_f64_s(-2147483648.9), Ok(i32::MIN));
    }

    #[test]
    fn min_max_zeros_and_nan() {
        assert!(f32_min(0.0, -0.0).is_sign_negative());
        assert!(f64_max(-0.0, 0.0).is_sign_positive());
        assert!(f32_min(f32::NAN, 1.0).is_nan());
    }

    #[test]
    fn rounding_quiets_signalling_nans() {
        let snan = f32::from_bits(0xffa0_0000);
        assert_eq!(f32_floor(snan).to_bits(), 0xffe0_0000);
        assert_eq!(f64_nearest(f64::from_bits(0x7ff4_0000_0000_0000)).to_bits(), 0x7ffc_0000_0000_0000);
        assert_eq!(f32_nearest(2.5), 2.0);
    }

    #[test]
    fn division_traps() {
        assert_eq!(i32_div_s(i32::MIN, -1), Err(TrapCode::IntegerOverflow));
        assert_eq!(i64_rem_s(i64::MIN, -1), Ok(0));
        assert_eq!(i32_div_u(1, 0), Err(TrapCode::IntegerDivisionByZero));
    }
}
