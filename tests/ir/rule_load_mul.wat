;; Rule load_mul (src/translate/fuse.rs): a 32-bit load, zero-extended, at a register plus a
;; constant (an I32LoadRI) whose value only feeds an i64 multiply becomes one I64MulLoadRI, on
;; either side of the multiply: a limb loaded and multiplied. Not when the loaded value is kept in
;; a local, nor for a load with a plain offset (its address does not wrap).
(module
  (memory 1)
  (func (export "limb") (param $p i32) (param $b i64) (result i64)
    (i64.mul (i64.load32_u (i32.add (local.get $p) (i32.const 4))) (local.get $b)))
  (func (export "limb_second") (param $p i32) (param $b i64) (result i64)
    (i64.mul (local.get $b) (i64.load32_u (i32.add (local.get $p) (i32.const -8)))))
  (func (export "kept") (param $p i32) (param $b i64) (result i64) (local $a i64)
    (i64.add
      (i64.mul (local.tee $a (i64.load32_u (i32.add (local.get $p) (i32.const 4)))) (local.get $b))
      (local.get $a)))
  (func (export "offset") (param $p i32) (param $b i64) (result i64)
    (i64.mul (i64.load32_u offset=4 (local.get $p)) (local.get $b))))
