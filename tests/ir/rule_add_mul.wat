;; Rule add_mul (src/translate/fuse.rs): an i32 multiply by a constant whose product only feeds an
;; i32 add of another register becomes one I32AddMulRI, the product on either side of the add: the
;; address of an element of an array of structs. Not when the product is kept in a local.
(module
  (func (export "element") (param $base i32) (param $i i32) (result i32)
    (i32.add (local.get $base) (i32.mul (local.get $i) (i32.const 40))))
  (func (export "product_first") (param $base i32) (param $i i32) (result i32)
    (i32.add (i32.mul (local.get $i) (i32.const -20)) (local.get $base)))
  (func (export "product_kept") (param $base i32) (param $i i32) (result i32) (local $p i32)
    (i32.add (i32.add (local.get $base) (local.tee $p (i32.mul (local.get $i) (i32.const 40)))) (local.get $p))))
