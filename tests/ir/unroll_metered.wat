;; golden: fuel interruptible
;; With fuel metering and interruption, short counted loops (ending in a stepping branch) are laid
;; out several times over: the check point at the head is passed once per round of copies.
(module
  (memory 1)
  ;; One instruction: four copies, each but the last followed by a way out (here the return).
  (func (export "count") (param $n i32) (result i32) (local $i i32)
    (loop $l
      (br_if $l (i32.lt_s (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $i))
  ;; A loop whose exit depends on the data, not on a counter: left as it is (it often leaves
  ;; after an iteration or two).
  (func (export "scan") (param $p i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load8_u (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $l (i32.load8_u (local.get $p))))
    (local.get $s))
  ;; Two instructions (the load and the store are one move): four copies.
  (func (export "copy") (param $p i32) (param $end i32)
    (loop $l
      (i32.store offset=4096 (local.get $p) (i32.load (local.get $p)))
      (br_if $l (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 4))) (local.get $end)))))
  ;; A branch inside the body: left as it is.
  (func (export "inner") (param $p i32) (param $end i32)
    (loop $l
      (block $skip
        (br_if $skip (i32.load8_u (local.get $p)))
        (i32.store8 (local.get $p) (i32.const 1)))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $p) (local.get $end)))))
  ;; Nine instructions: one more than is unrolled.
  (func (export "long") (param $p i32) (param $end i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.or (local.get $s) (i32.load8_u (local.get $p))))
      (local.set $s (i32.xor (local.get $s) (i32.load8_u offset=1 (local.get $p))))
      (local.set $s (i32.mul (local.get $s) (i32.load8_u offset=2 (local.get $p))))
      (local.set $s (i32.sub (local.get $s) (i32.load8_u offset=4 (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 5)))
      (br_if $l (i32.lt_u (local.get $p) (local.get $end))))
    (local.get $s)))
