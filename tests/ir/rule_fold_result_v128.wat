;; Rule fold_result_v128 (src/translate/fuse.rs): a `v128` computed into a pair of temporaries and
;; then stored in a local (`local.set`, `local.tee`) is computed into the local's pair. Not when the
;; operand stack still holds the local's old value (it is copied out first), when the value is a
;; local or a constant, when a label lands between the computation and the copy, or when the
;; instruction writes more than the `v128`.
(module
  (memory 1)
  (func (export "set") (param $a v128) (param $b v128) (result v128) (local $x v128)
    (local.set $x (i32x4.add (local.get $a) (local.get $b)))
    (local.get $x))
  (func (export "load") (param $p i32) (result v128) (local $x v128)
    (local.set $x (v128.load (local.get $p)))
    (i8x16.avgr_u (local.get $x) (local.get $x)))
  (func (export "tee") (param $p i32) (result v128) (local $x v128)
    (f32x4.mul (local.tee $x (v128.load offset=16 (local.get $p))) (local.get $x)))
  (func (export "old_value_on_stack") (param $a v128) (result v128) (local $x v128)
    (local.get $x)
    (local.set $x (i16x8.sub (local.get $a) (local.get $a)))
    (i16x8.add (local.get $x)))
  (func (export "from_local") (param $a v128) (result v128) (local $x v128)
    (local.set $x (local.get $a))
    (v128.xor (local.get $x) (local.get $a)))
  (func (export "constant") (result v128) (local $x v128)
    (local.set $x (v128.const i32x4 1 2 3 4))
    (local.get $x))
  (func (export "label_between") (param $a v128) (result v128) (local $x v128)
    (i64x2.add (local.get $a) (local.get $a))
    (loop (param v128) (local.set $x))
    (i64x2.sub (local.get $x) (local.get $a))))
