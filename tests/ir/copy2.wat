;; Consecutive register copies join into one Copy2, in order (the second may read what the first
;; wrote), but not across a label that branches land on.
(module
  (func (export "chain") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local.set $a (local.get $b))
    (local.set $b (local.get $a))
    (local.set $c (local.get $b))
    (i32.add (local.get $a) (i32.add (local.get $b) (local.get $c))))
  (func (export "across_loop") (param $a i32) (param $b i32) (param $n i32) (result i32)
    (local.set $a (local.get $b))
    (loop $l
      (local.set $b (local.get $n))
      (br_if $l (i32.eqz (local.get $b))))
    (local.get $a)))
