;; Rule copy2 (src/translate/fuse.rs): two register copies in a row become one Copy2, in order
;; (the second may read what the first wrote); a third starts a new pair. Not across a label.
(module
  (func (export "pair") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local.set $a (local.get $b))
    (local.set $b (local.get $a))
    (local.set $c (local.get $b))
    (i32.add (local.get $a) (i32.add (local.get $b) (local.get $c))))
  (func (export "label_between") (param $a i32) (param $b i32) (param $n i32) (result i32)
    (local.set $a (local.get $b))
    (loop $l
      (local.set $b (local.get $n))
      (br_if $l (i32.eqz (local.get $b))))
    (i32.add (local.get $a) (local.get $b))))
