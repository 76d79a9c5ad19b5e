;; Rule pair (src/translate/fuse.rs): two independent instructions back to back that no other rule
;; joins become one pair instruction: an i32 or i64 store and an add of a constant (I32StoreAddRI,
;; I64StoreAddRI), two adds of a constant (I32AddRI2, a subtraction as the add of the negated
;; constant), a copy and an i32 constant (CopyI32Const), two i32 constants (I32Const2), each half
;; in order (the second may read what the first wrote). Not with an offset past 8 bits unsigned,
;; an add's constant past 8 bits signed or two constants past 16 bits, not across a label; and a
;; pair gives its second half back to a rule that joins it with the next instruction (an add that
;; is an access's address or a table's biased index, a step before a branch, two steps of locals,
;; a constant before a branch), its first half then pairing with what precedes it where it can.
(module
  (memory 1)
  (func $use (param i32 i32 i32))
  (func (export "store_step") (param $p i32) (param $x i32) (result i32)
    (i32.store offset=8 (local.get $p) (local.get $x))
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (local.get $p))
  (func (export "store64_step") (param $p i32) (param $x i64) (result i32)
    (i64.store offset=255 (local.get $p) (local.get $x))
    (local.set $p (i32.sub (local.get $p) (i32.const 128)))
    (local.get $p))
  (func (export "adds") (param $p i32)
    (call $use (i32.add (local.get $p) (i32.const 8)) (i32.add (local.get $p) (i32.const 16))
      (i32.sub (local.get $p) (i32.const 24))))
  (func (export "chained") (param $p i32) (result i32)
    (i32.add (i32.add (local.get $p) (i32.const 1)) (i32.const 127)))
  (func (export "wide") (param $p i32) (param $x i32) (result i32)
    (i32.store offset=256 (local.get $p) (local.get $x))
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (i32.store (local.get $p) (local.get $x))
    (local.set $x (i32.add (local.get $x) (i32.const 128)))
    (call $use (i32.add (local.get $p) (i32.const -129)) (i32.add (local.get $p) (i32.const 1))
      (local.get $x))
    (local.get $p))
  (func (export "label_between") (param $p i32) (param $c i32) (result i32)
    (i32.store (local.get $p) (local.get $c))
    (block $skip
      (br_if $skip (local.get $c))
      (local.set $c (i32.const 0)))
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (local.get $p))
  (func (export "address") (param $p i32) (param $q i32) (result i32)
    (call $use (i32.add (local.get $p) (i32.const 1)) (i32.add (local.get $q) (i32.const 2))
      (i32.load (i32.add (local.get $p) (i32.const 8))))
    (i32.const 0))
  (func (export "table") (param $p i32) (param $i i32) (result i32)
    (local.set $p (i32.add (local.get $p) (i32.const 1)))
    (block $a (block $b
      (br_table $a $b (i32.add (local.get $i) (i32.const -3)))))
    (local.get $p))
  (func (export "loop") (param $p i32) (param $n i32)
    (loop $l
      (i32.store (local.get $p) (local.get $n))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "arguments") (param $p i32) (param $q i32)
    (call $use (local.get $q) (i32.const 70000) (i32.const -32768))
    (call $use (local.get $q) (i32.const 1) (i32.const 32768)))
  (func (export "constant_branch") (param $p i32) (param $q i32) (result i32) (local $x i32)
    (block $b
      (local.set $q (local.get $p))
      (local.set $x (i32.const 5))
      (br_if $b (local.get $p))
      (local.set $x (i32.const 6)))
    (i32.add (local.get $x) (local.get $q))))
