;; Results of I32AddShrUAndRI (rule add_shr_and): a bit field of one register added to another,
;; either side of the add, with the sum wrapping, the field read from the whole unsigned word,
;; the shift count taken mod 32, the result written over its own source, and a mask too wide
;; for the joined form (left as two instructions).
;;
;; invoke "base_first" i32:2147483647 i32:305419896 -> i32:-2147480897
;; invoke "field_first" i32:-1 i32:-1 -> i32:65534
;; invoke "in_place" i32:100 i32:-559038737 -> i32:2100
;; invoke "count_mod_32" i32:-8 i32:32760 -> i32:4072
;; invoke "wide_mask" i32:1 i32:-1 -> i32:134217725
(module
  (func (export "base_first") (param $base i32) (param $i i32) (result i32)
    (i32.add (local.get $base) (i32.and (i32.shr_u (local.get $i) (i32.const 3)) (i32.const 4080))))
  (func (export "field_first") (param $base i32) (param $i i32) (result i32)
    (i32.add (i32.and (i32.shr_u (local.get $i) (i32.const 14)) (i32.const 0xffff)) (local.get $base)))
  (func (export "in_place") (param $base i32) (param $i i32) (result i32)
    (local.set $i (i32.add (local.get $base) (i32.and (i32.shr_u (local.get $i) (i32.const 3)) (i32.const 4080))))
    (local.get $i))
  (func (export "count_mod_32") (param $base i32) (param $i i32) (result i32)
    (i32.add (local.get $base) (i32.and (i32.shr_u (local.get $i) (i32.const 35)) (i32.const 4080))))
  (func (export "wide_mask") (param $base i32) (param $i i32) (result i32)
    (i32.add (local.get $base) (i32.and (i32.shr_u (local.get $i) (i32.const 5)) (i32.const 0x7fffffc)))))
