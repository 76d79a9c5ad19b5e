;; Counter step + compare + branch fusion: in-place add/sub of a small constant joins the
;; loop's compare-and-branch; a wide bound moves to a constant register; a label between the
;; step and the compare (or a step into another register) keeps them apart.
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
  (func (export "i64") (param $n i64) (result i64)
    (loop $l
      (local.set $n (i64.add (local.get $n) (i64.const -1)))
      (br_if $l (i64.ne (local.get $n) (i64.const 0))))
    (local.get $n))
  (func (export "label_between") (param $i i32) (param $n i32) (param $c i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (block $b (br_if $b (local.get $c)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $i))
  (func (export "other_register") (param $i i32) (param $j i32) (param $n i32) (result i32)
    (loop $l
      (local.set $j (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $j) (local.get $n))))
    (local.get $j)))
