;; I32AddLtURR (rule carry_add): the carry is an unsigned comparison (either way round) added
;; with wrapping.
;; invoke "carry" i32:-1 i32:0 i32:1 -> i32:0
;; invoke "carry" i32:5 i32:-1 i32:1 -> i32:5
;; invoke "carry_gt" i32:7 i32:1 i32:-2 -> i32:8
(module
  (memory 1)
  (func (export "carry") (param $hi i32) (param $s i32) (param $a i32) (result i32)
    (i32.add (local.get $hi) (i32.lt_u (local.get $s) (local.get $a))))
  (func (export "carry_gt") (param $hi i32) (param $s i32) (param $a i32) (result i32)
    (i32.add (i32.gt_u (local.get $a) (local.get $s)) (local.get $hi))))
