;; Results of I64MulShrURR (rule mul_shift): a wrapping i64 product shifted right unsigned by a
;; register, the count taken mod 64 (68 shifts by 4), and a count of 0.
;; invoke "hash" i64:81985529216486895 i64:-7046029288634856825 i64:40 -> i64:1271624
;; invoke "hash" i64:-1 i64:-7046029288634856825 i64:68 -> i64:440376830539678551
;; invoke "hash" i64:3 i64:5 i64:0 -> i64:15
(module
  (func (export "hash") (param $v i64) (param $prime i64) (param $s i64) (result i64)
    (i64.shr_u (i64.mul (local.get $v) (local.get $prime)) (local.get $s))))
