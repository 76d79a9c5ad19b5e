;; Rule step2 (src/translate/fuse.rs): two counter steps in a row (an `i32` add or subtract of a
;; constant within 16 bits, in place, the second on a local) become one I32Step2. Not across a
;; label, with a wider constant, for a step into another register, or for steps of a temporary
;; (an address being computed, which the access after it joins instead).
(module
  (memory 1)
  (func (export "steps") (param $p i32) (param $n i32) (result i32)
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
    (i32.add (local.get $p) (local.get $n)))
  (func (export "label_between") (param $a i32) (param $c i32) (result i32) (local $b i32)
    (local.set $a (i32.add (local.get $a) (i32.const 1)))
    (block $skip
      (br_if $skip (local.get $c))
      (local.set $b (i32.const 0)))
    (local.set $b (i32.add (local.get $b) (i32.const 6)))
    (i32.add (local.get $a) (local.get $b)))
  (func (export "wide") (param $a i32) (param $b i32) (result i32)
    (local.set $a (i32.add (local.get $a) (i32.const 1)))
    (local.set $b (i32.add (local.get $b) (i32.const 98304)))
    (i32.add (local.get $a) (local.get $b)))
  (func (export "other_register") (param $a i32) (result i32) (local $b i32)
    (local.set $a (i32.add (local.get $a) (i32.const 1)))
    (local.set $b (i32.add (local.get $a) (i32.const 1)))
    (i32.add (local.get $a) (local.get $b)))
  (func (export "temporary") (param $i i32) (result i32)
    (i32.load (i32.add (i32.add (i32.shl (local.get $i) (i32.const 2)) (i32.const 64)) (i32.const 4)))))
