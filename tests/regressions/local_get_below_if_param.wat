;; A parameter read twice onto the stack below an `if` that takes a `funcref` parameter and whose
;; `then` arm (not taken here) leaves a value across an empty `loop`. wasmi 2.0.0 returns garbage
;; for the lower copy (in one run 139768489553088, a heap address; in the differential run, the
;; exported global that should have held the parameter's bits xor `-0x1p+1023`'s held only the
;; latter's).
;; Shrunk from differential seed 50370782 (outside the default seed range; found 2026-12-07 with
;; HAYATE_DIFF_START=50000000); this pins hayate's right answer: the parameter's own bits.
;;
;; invoke "f" f64:925 -> i64:4651347601864523776
;; invoke "f" f64:0 -> i64:1
(module
  (global $e externref (ref.null extern))
  (func (export "f") (param f64) (result i64)
    local.get 0
    f64.const -0x1p+1023
    ref.null func
    local.get 0
    f64.const 0x1p-1073
    f64.le
    if (param funcref) (result v128)
      global.get $e
      loop
      end
      drop
      drop
      v128.const i64x2 1 0
    else
      drop
      v128.const i64x2 0 0
    end
    i64x2.extract_lane 0
    i64.const 0
    i64.ne
    if (param f64 f64) (result i64)
      drop
      drop
      i64.const 1
    else
      drop
      i64.reinterpret_f64
    end))
