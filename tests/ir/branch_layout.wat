;; Branch layout (translate/layout.rs): loops whose back edge would take a `br` plus a test.
(module
  ;; A `while` loop: the `br` back to the head test becomes the opposite test, joined with the
  ;; counter step (I32StepBrLtURR); the exit comes next, so no `br` is left.
  (func (export "while_sum") (param $n i32) (result i32) (local $i i32) (local $s i32)
    (block $exit
      (loop $top
        (br_if $exit (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $s (i32.add (local.get $s) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $top)))
    (local.get $s))
  ;; A `while` loop whose last instruction is no counter step: the opposite test, unfused.
  (func (export "while_grow") (param $n i32) (result i32) (local $p i32)
    (block $exit
      (loop $top
        (br_if $exit (i32.ge_s (local.get $p) (local.get $n)))
        (local.set $p (i32.add (i32.mul (local.get $p) (i32.const 2)) (i32.const 1)))
        (br $top)))
    (local.get $p))
  ;; `br_if $exit; br $top` with code between the loop and $exit: swapped.
  (func (export "swap") (param $n i32) (result i32) (local $s i32)
    (block $exit
      (block $other
        (loop $top
          (br_if $other (i32.eq (local.get $s) (i32.const 1000)))
          (local.set $s (i32.add (local.get $s) (i32.const 4)))
          (br_if $exit (i32.gt_u (local.get $s) (local.get $n)))
          (br $top)))
      (local.set $s (i32.const -1)))
    (local.get $s))
  ;; `br_if $exit; br $top` where $exit is right after: one opposite test.
  (func (export "skip") (param $n i32) (result i32) (local $i i32)
    (block $exit
      (loop $top
        (local.set $i (i32.add (local.get $i) (i32.const 7)))
        (br_if $exit (i32.gt_s (local.get $i) (local.get $n)))
        (br $top)))
    (local.get $i))
  ;; Cases of a `br_table` jumping to a shared loop tail: each case gets a copy of the tail.
  (func (export "tail") (param $n i32) (result i32) (local $i i32) (local $acc i32)
    (loop $top
      (block $join
        (block $c2
          (block $c1
            (block $c0
              (br_table $c0 $c1 $c2 (i32.rem_u (local.get $i) (i32.const 3))))
            (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
            (br $join))
          (local.set $acc (i32.mul (local.get $acc) (i32.const 3)))
          (br $join))
        (local.set $acc (i32.xor (local.get $acc) (i32.const 0x55))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $top (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc)))
