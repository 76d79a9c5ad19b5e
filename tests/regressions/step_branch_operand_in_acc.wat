;; A counter-stepping branch whose bound was computed just before (so the integer accumulator
;; held it) must still compare against the bound, not the stepped counter: the step writes the
;; accumulator before the compare reads its other operand. Found while adding register steps.
;; invoke "count_to_sum" i32:3 i32:4 -> i32:7
;; invoke "count_to_sum" i32:100 i32:-90 -> i32:10
;; invoke "lt_bound" i32:5 i32:6 -> i32:11
(module
  (func (export "count_to_sum") (param $a i32) (param $b i32) (result i32)
    (local $i i32) (local $x i32) (local $c i32)
    (loop $l
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (local.set $x (i32.add (local.get $a) (local.get $b)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.ne (local.get $i) (local.get $x))))
    (local.get $c))
  (func (export "lt_bound") (param $a i32) (param $b i32) (result i32)
    (local $i i32) (local $x i32) (local $c i32)
    (loop $l
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (local.set $x (i32.add (local.get $a) (local.get $b)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $x))))
    (local.get $c)))
