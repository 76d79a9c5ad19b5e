;; Rule add_shl (src/translate/fuse.rs): `i32.shl` by a constant into a temporary, then an
;; `i32.add` of it (on either side) becomes one I32AddShl. Not when the shifted value is also kept
;; in a local, for a shift by a register, or when a label lands between the two.
(module
  (func (export "right") (param $base i32) (param $i i32) (result i32)
    (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2))))
  (func (export "left") (param $base i32) (param $i i32) (result i32)
    (i32.add (i32.shl (local.get $i) (i32.const 35)) (local.get $base)))
  (func (export "kept") (param $base i32) (param $i i32) (result i32) (local $t i32)
    (i32.add (local.get $base) (local.tee $t (i32.shl (local.get $i) (i32.const 2)))))
  (func (export "by_register") (param $base i32) (param $i i32) (param $k i32) (result i32)
    (i32.add (local.get $base) (i32.shl (local.get $i) (local.get $k))))
  (func (export "label_between") (param $base i32) (param $i i32) (result i32)
    (i32.shl (local.get $i) (i32.const 2))
    (loop (param i32) (result i32) (i32.add (local.get $base)))))
