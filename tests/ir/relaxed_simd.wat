;; Relaxed SIMD: an instruction whose deterministic result equals a fixed-width instruction's
;; becomes that instruction (swizzle, trunc_sat, bitselect, min/max, q15mulr_sat_s); the unfused
;; multiply-adds and the dot products have instructions of their own.
(module
  (func (export "reuse") (param v128 v128 v128) (result v128)
    (i8x16.relaxed_swizzle (local.get 0) (local.get 1))
    (i32x4.relaxed_trunc_f32x4_s)
    (i32x4.relaxed_trunc_f32x4_u)
    (i32x4.relaxed_trunc_f64x2_s_zero)
    (i32x4.relaxed_trunc_f64x2_u_zero)
    (local.get 1)
    (local.get 2)
    (i16x8.relaxed_laneselect)
    (f32x4.relaxed_min (local.get 0))
    (f64x2.relaxed_max (local.get 1))
    (i16x8.relaxed_q15mulr_s (local.get 2)))
  (func (export "own") (param v128 v128 v128) (result v128)
    (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2))
    (f64x2.relaxed_nmadd (local.get 0) (local.get 1))
    (i16x8.relaxed_dot_i8x16_i7x16_s (local.get 2))
    (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get 0) (local.get 1))))
