;; Results of the counter-step branch and shift-add fusions (I32StepBr*, I64StepBrNeRI,
;; I32AddShl), including wrap-around, unsigned compares, a wide bound in a constant register,
;; the shifted index on either side of the add, and shift counts taken modulo 32.
;;
;; invoke "down" i32:5 -> i32:0
;; invoke "wide" i32:0 -> i32:1048576
;; invoke "wrap" i32:2147483646 -> i32:-2147483648
;; invoke "ltu" i32:-3 -> i32:-1
;; invoke "gts" i32:10 -> i32:0
;; invoke "i64down" i64:7 -> i64:0
;; invoke "sum" i32:100 -> i32:4950
;; invoke "addshl" i32:100 i32:3 -> i32:124
;; invoke "addshl_first" i32:100 i32:3 -> i32:124
;; invoke "addshl_mod" i32:1 i32:1 -> i32:3
(module
  (func (export "down") (param $n i32) (result i32)
    (loop $l
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (i32.ne (local.get $n) (i32.const 0))))
    (local.get $n))
  (func (export "wide") (param $i i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 1048576))))
    (local.get $i))
  (func (export "wrap") (param $i i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.gt_s (local.get $i) (i32.const 0))))
    (local.get $i))
  (func (export "ltu") (param $i i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const -1))))
    (local.get $i))
  (func (export "gts") (param $i i32) (result i32)
    (loop $l
      (local.set $i (i32.sub (local.get $i) (i32.const 1)))
      (br_if $l (i32.gt_s (local.get $i) (i32.const 0))))
    (local.get $i))
  (func (export "i64down") (param $n i64) (result i64)
    (loop $l
      (local.set $n (i64.sub (local.get $n) (i64.const 1)))
      (br_if $l (i64.ne (local.get $n) (i64.const 0))))
    (local.get $n))
  (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $s))
  (func (export "addshl") (param $b i32) (param $i i32) (result i32)
    (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 3))))
  (func (export "addshl_first") (param $b i32) (param $i i32) (result i32)
    (i32.add (i32.shl (local.get $i) (i32.const 3)) (local.get $b)))
  (func (export "addshl_mod") (param $b i32) (param $i i32) (result i32)
    (i32.add (local.get $b) (i32.shl (local.get $i) (i32.const 33)))))
