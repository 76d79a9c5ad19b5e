;; Results of I32AddI64ShrURI (rule add_high): the high half of an i64 (shifted right unsigned,
;; count mod 64) wrapped to i32 and added with wrapping, either side of the add, and the sum
;; written over its own operand.
;; invoke "high" i32:-1 i64:-4294967296 -> i32:-2
;; invoke "high_first" i32:7 i64:-1 -> i32:6
;; invoke "in_place" i32:2147483647 i64:21474836480 -> i32:-2147483644
(module
  (func (export "high") (param $c i32) (param $p i64) (result i32)
    (i32.add (local.get $c) (i32.wrap_i64 (i64.shr_u (local.get $p) (i64.const 32)))))
  (func (export "high_first") (param $c i32) (param $p i64) (result i32)
    (i32.add (i32.wrap_i64 (i64.shr_u (local.get $p) (i64.const 70))) (local.get $c)))
  (func (export "in_place") (param $c i32) (param $p i64) (result i32)
    (local.set $c (i32.add (local.get $c) (i32.wrap_i64 (i64.shr_u (local.get $p) (i64.const 32)))))
    (local.get $c)))
