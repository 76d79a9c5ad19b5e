;; Rule mul_shift (src/translate/fuse.rs): an i64 multiply whose product only feeds an unsigned
;; i64 shift right by a register becomes one I64MulShrURR: a multiplicative hash keeping its top
;; bits. Not when an instruction comes between the two (the count computed after the product), nor
;; when the product is kept in a local, nor for a signed shift.
(module
  (func (export "hash") (param $v i64) (param $prime i64) (param $s i64) (result i64)
    (i64.shr_u (i64.mul (local.get $v) (local.get $prime)) (local.get $s)))
  (func (export "count_between") (param $v i64) (param $prime i64) (param $bits i64) (result i64)
    (i64.shr_u (i64.mul (local.get $v) (local.get $prime)) (i64.sub (i64.const 64) (local.get $bits))))
  (func (export "product_kept") (param $v i64) (param $prime i64) (param $s i64) (result i64) (local $p i64)
    (i64.add (i64.shr_u (local.tee $p (i64.mul (local.get $v) (local.get $prime))) (local.get $s)) (local.get $p)))
  (func (export "signed") (param $v i64) (param $prime i64) (param $s i64) (result i64)
    (i64.shr_s (i64.mul (local.get $v) (local.get $prime)) (local.get $s))))
