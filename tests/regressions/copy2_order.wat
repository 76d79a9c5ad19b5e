;; Copy2 runs its two copies in order: the second reads what the first wrote.
;;
;; invoke "chain" i32:1 i32:2 i32:3 -> i32:6
(module
  (func (export "chain") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local.set $a (local.get $b))
    (local.set $b (local.get $a))
    (local.set $c (local.get $b))
    (i32.add (local.get $a) (i32.add (local.get $b) (local.get $c)))))
