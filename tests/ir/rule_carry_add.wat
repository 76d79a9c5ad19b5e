;; Rule carry_add (src/translate/fuse.rs): an unsigned i32 less-than (or greater-than, operands
;; swapped) whose result only feeds an i32 add becomes one I32AddLtURR: a carry added to the next
;; limb. Either operand order of the add. Not when the comparison is kept in a local, nor for a
;; signed comparison.
(module
  (func (export "carry") (param $hi i32) (param $s i32) (param $a i32) (result i32)
    (i32.add (local.get $hi) (i32.lt_u (local.get $s) (local.get $a))))
  (func (export "carry_first") (param $hi i32) (param $s i32) (param $a i32) (result i32)
    (i32.add (i32.gt_u (local.get $a) (local.get $s)) (local.get $hi)))
  (func (export "kept") (param $hi i32) (param $s i32) (param $a i32) (result i32) (local $c i32)
    (i32.add (i32.add (local.get $hi) (local.tee $c (i32.lt_u (local.get $s) (local.get $a)))) (local.get $c)))
  (func (export "signed") (param $hi i32) (param $s i32) (param $a i32) (result i32)
    (i32.add (local.get $hi) (i32.lt_s (local.get $s) (local.get $a)))))
