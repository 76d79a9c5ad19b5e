;; `i32.shl` by a constant feeding an `i32.add` (array indexing) becomes one I32AddShl, with the
;; shifted value on either side; a shifted value that is also kept in a local is not fused.
(module
  (memory 1)
  (func (export "index") (param $base i32) (param $i i32) (result i32)
    (i32.load (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2)))))
  (func (export "index_first") (param $base i32) (param $i i32) (result i32)
    (i32.add (i32.shl (local.get $i) (i32.const 3)) (local.get $base)))
  (func (export "kept") (param $base i32) (param $i i32) (result i32) (local $t i32)
    (i32.add (local.get $base) (local.tee $t (i32.shl (local.get $i) (i32.const 2))))))
