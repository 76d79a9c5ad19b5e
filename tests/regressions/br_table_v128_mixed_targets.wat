;; `br_table` carrying a `v128` (with another value below it) to two different enclosing labels.
;; wasmi 2.0.0 returns a wrong vector here (differential seed 29166, outside the default seed
;; range; see tests/differential.rs, "Working around the oracle's own bugs"); this pins hayate's
;; right answer: the branched vector, whichever label is taken.
;;
;; invoke "mixed" f32:1 v128:0x0123456789abcdef_fedcba9876543210 i32:0 -> v128:0x0123456789abcdef_fedcba9876543210
;; invoke "mixed" f32:1 v128:0x0123456789abcdef_fedcba9876543210 i32:1 -> v128:0x0123456789abcdef_fedcba9876543210
;; invoke "mixed" f32:1 v128:0x0123456789abcdef_fedcba9876543210 i32:32 -> v128:0x0123456789abcdef_fedcba9876543210
;; invoke "mixed_or_fall" v128:5 i32:0 -> v128:5
;; invoke "mixed_or_fall" v128:5 i32:1 -> v128:6
;; invoke "mixed_or_fall" v128:5 i32:9 -> v128:5
(module
  (func (export "mixed") (param f32 v128 i32) (result v128)
    (block (result v128)
      (drop (block (result f64)
        (local.get 0)
        (local.get 1)
        (local.get 2)
        (br_table 1 2 1)))
      (v128.const i64x2 7 7)))
  (func (export "mixed_or_fall") (param v128 i32) (result v128)
    (i64x2.add
      (block (result v128)
        (block (result v128)
          (f32.const 2)
          (local.get 0)
          (local.get 1)
          (br_table 1 0 1))
        (drop (f32.const 0))
        (v128.const i64x2 1 0)
        (i64x2.add))
      (v128.const i64x2 0 0))))
