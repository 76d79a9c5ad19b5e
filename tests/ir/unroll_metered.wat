;; golden: fuel interruptible
;; With fuel metering and interruption, short loops ending in their conditional back edge are laid
;; out several times over: the check point at the head is passed once per round of copies.
(module
  (memory 1)
  ;; One instruction: four copies, each but the last followed by a way out (here the return).
  (func (export "count") (param $n i32) (result i32) (local $i i32)
    (loop $l
      (br_if $l (i32.lt_s (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
    (local.get $i))
  ;; Four instructions: two copies (the `br` out of the first becomes the return it leads to,
  ;; as the count's `br`s do).
  (func (export "scan") (param $p i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.load8_u (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $l (i32.load8_u (local.get $p))))
    (local.get $s))
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
      (local.set $s (i32.add (local.get $s) (i32.load8_u (local.get $p))))
      (local.set $s (i32.xor (local.get $s) (i32.load8_u offset=1 (local.get $p))))
      (local.set $s (i32.mul (local.get $s) (i32.load8_u offset=2 (local.get $p))))
      (local.set $s (i32.sub (local.get $s) (i32.load8_u offset=4 (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 5)))
      (br_if $l (i32.lt_u (local.get $p) (local.get $end))))
    (local.get $s)))
