;; An in-place `i32.add` of a register (a variable stride, on either side of the add) joins the
;; compare-and-branch on the stepped counter that follows it (I32AddBr…); a constant bound moves
;; to a constant register. The same module is the regression test tests/regressions/step_by_reg.wat.
;; invoke "strided" i32:0 i32:3 i32:10 -> i32:4
;; invoke "strided" i32:0 i32:-1 i32:10 -> i32:1
;; invoke "strided_signed" i32:-20 i32:7 i32:0 -> i32:3
;; invoke "until_equal" i32:5 i32:5 i32:30 -> i32:30
;; invoke "const_bound" i32:4 -> i32:250
;; invoke "doubling" i32:1 -> i32:1024
(module
  ;; Counts the multiples of $by visited from $i while below $n (unsigned).
  (func (export "strided") (param $i i32) (param $by i32) (param $n i32) (result i32)
    (local $c i32)
    (loop $l
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (local.get $by)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $c))
  (func (export "strided_signed") (param $i i32) (param $by i32) (param $n i32) (result i32)
    (local $c i32)
    (loop $l
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (local.set $i (i32.add (local.get $by) (local.get $i)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $c))
  (func (export "until_equal") (param $i i32) (param $by i32) (param $n i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (local.get $by)))
      (br_if $l (i32.ne (local.get $i) (local.get $n))))
    (local.get $i))
  (func (export "const_bound") (param $by i32) (result i32)
    (local $i i32) (local $c i32)
    (loop $l
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (local.get $by)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 1000))))
    (local.get $c))
  ;; The stride is the counter itself: i += i.
  (func (export "doubling") (param $i i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (local.get $i)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 1000))))
    (local.get $i)))
