;; Two counter steps in a row (in-place add/sub of a small constant, nothing landing on the
;; second) join into one `I32Step2`; a label before the second, a wide constant or a step into
;; another register keeps them apart. A `br_if` on a counter stepped just before steps it itself. The same module is the regression test
;; tests/regressions/step2.wat.
;; invoke "walk" i32:0 i32:5 -> i32:120
;; invoke "walk" i32:100 i32:1 -> i32:104
;; invoke "wrap" i32:2147483647 -> i32:-2147483648
;; invoke "label_between" i32:3 i32:0 -> i32:10
;; invoke "label_between" i32:3 i32:1 -> i32:10
;; invoke "wide" i32:0 -> i32:98305
;; invoke "other_register" i32:7 -> i32:17
;; invoke "countdown" i32:5 -> i32:15
;; invoke "countdown" i32:1 -> i32:1
(module
  (memory 1)
  ;; Stores i at p for each of n steps (p += 4, n -= 1), then returns p + the sum of the stores.
  (func (export "walk") (param $p i32) (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (i32.store (local.get $p) (local.get $i))
        (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $p))))
        (local.set $i (i32.add (local.get $i) (i32.const 10)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (i32.add (local.get $p) (local.get $sum)))
  ;; Steps wrap around as i32 (the high bits of a register never leak in).
  (func (export "wrap") (param $a i32) (result i32)
    (local $b i32)
    (local.set $a (i32.add (local.get $a) (i32.const 1)))
    (local.set $b (i32.sub (local.get $b) (i32.const 1)))
    (i32.add (local.get $a) (i32.add (local.get $b) (i32.const 1))))
  (func (export "label_between") (param $a i32) (param $c i32) (result i32)
    (local $b i32)
    (local.set $a (i32.add (local.get $a) (i32.const 1)))
    (block $skip
      (br_if $skip (local.get $c))
      (local.set $b (i32.const 0)))
    (local.set $b (i32.add (local.get $b) (i32.const 6)))
    (i32.add (local.get $a) (local.get $b)))
  (func (export "wide") (param $a i32) (result i32)
    (local $b i32)
    (local.set $a (i32.add (local.get $a) (i32.const 1)))
    (local.set $b (i32.add (local.get $b) (i32.const 98304)))
    (i32.add (local.get $a) (local.get $b)))
  (func (export "other_register") (param $a i32) (result i32)
    (local $b i32)
    (local.set $a (i32.add (local.get $a) (i32.const 1)))
    (local.set $b (i32.add (local.get $a) (i32.const 1)))
    (i32.add (local.get $a) (local.get $b)))
  (func (export "countdown") (param $n i32) (result i32)
    (local $k i32)
    (loop $l
      (local.set $k (i32.add (local.get $k) (local.get $n)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n)))
    (local.get $k)))
