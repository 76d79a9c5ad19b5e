;; Rule extend_and: an i64.extend_i32_u folded into the i64.and after it; the mask (below 2^31)
;; keeps only low bits, whatever the i32 held (a sign-extended byte load included).
;; invoke "masked" i32:-1 -> i64:127
;; invoke "masked" i32:-2147483515 -> i64:5
;; invoke "byte" i32:0 -> i64:5
;; invoke "wide" i32:-1 -> i64:2147483647
(module
  (memory 1)
  (data (i32.const 0) "\85")
  (func (export "masked") (param $b i32) (result i64)
    (i64.and (i64.extend_i32_u (local.get $b)) (i64.const 0x7f)))
  (func (export "byte") (param $p i32) (result i64)
    (i64.and (i64.extend_i32_u (i32.load8_s (local.get $p))) (i64.const 0x7f)))
  (func (export "wide") (param $b i32) (result i64)
    (i64.and (i64.extend_i32_u (local.get $b)) (i64.const 0x7fffffff))))
