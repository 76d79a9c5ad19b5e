;; A `br_table` out of an `if` with two results, with one more operand below them on the stack:
;; the branch carries the top two (49, null) whichever target it takes. Differential seed 198542
;; (found with multi-memory and memory64 generation on, but no memory is involved): wasmi 2.0
;; returns 0 for the i64 here, hayate 49, which is what the spec's semantics give.
;;
;; invoke "f" f32:1000 -> i64:49 funcref:null
;; invoke "f" f32:1 -> i64:49 funcref:null
;; invoke "f" f32:0 -> i64:49 funcref:null
(module
  (type $t (func (param f32) (result i64 funcref)))
  (func (export "f") (type $t) (param f32) (result i64 funcref)
    f32.const 1
    i32.const 1
    if (type $t) (param f32) (result i64 funcref)
      i64.const -524288
      i64.const 4034566771409580593
      i64.extend8_s
      ref.null func
      local.get 0
      i32.trunc_sat_f32_u
      br_table 0 1 0
    else
      drop
      i64.const 7
      ref.null func
    end))
