;; Rule fold_result (src/translate/fuse.rs): a value computed into a temporary and then stored in
;; a local (`local.set`, `local.tee`) is computed into the local. Not when the operand stack still
;; holds the local's old value (it is copied out first), when the value is a local or a constant,
;; or when a label lands between the computation and the copy.
(module
  (memory 1)
  (func (export "set") (param $a i32) (param $b i32) (result i32) (local $x i32)
    (local.set $x (i32.mul (local.get $a) (local.get $b)))
    (local.get $x))
  (func (export "tee") (param $p i32) (result i32) (local $x i32)
    (i32.add (local.tee $x (i32.load (local.get $p))) (local.get $x)))
  (func (export "old_value_on_stack") (param $a i32) (param $b i32) (result i32) (local $x i32)
    (local.get $x)
    (local.set $x (i32.mul (local.get $a) (local.get $b)))
    (i32.add (local.get $x)))
  (func (export "from_local") (param $a i32) (result i32) (local $x i32)
    (local.set $x (local.get $a))
    (i32.add (local.get $x) (local.get $a)))
  (func (export "label_between") (param $a i32) (param $b i32) (result i32) (local $x i32)
    (i32.mul (local.get $a) (local.get $b))
    (loop (param i32) (local.set $x))
    (i32.add (local.get $x) (local.get $a))))
