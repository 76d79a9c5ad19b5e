;; Rule mul_add (src/translate/fuse.rs): an f32x4/f64x2 multiply whose product an add takes (either
;; side) becomes the unfused multiply-add, a subtract of the product the unfused negated one. Not
;; when the product is kept in a local, is subtracted from (`a * b - c`), is added to itself, or
;; when the shapes differ.
(module
  (func (export "madd_rhs") (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f32x4.add (local.get $c) (f32x4.mul (local.get $a) (local.get $b))))
  (func (export "madd_lhs") (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f64x2.add (f64x2.mul (local.get $a) (local.get $b)) (local.get $c)))
  (func (export "nmadd") (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f32x4.sub (local.get $c) (f32x4.mul (local.get $a) (local.get $b))))
  (func (export "sub_from_product") (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f64x2.sub (f64x2.mul (local.get $a) (local.get $b)) (local.get $c)))
  (func (export "kept") (param $a v128) (param $b v128) (param $c v128) (result v128) (local $p v128)
    (f32x4.add (local.get $c) (local.tee $p (f32x4.mul (local.get $a) (local.get $b)))))
  (func (export "other_shape") (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f64x2.add (local.get $c) (f32x4.mul (local.get $a) (local.get $b)))))
