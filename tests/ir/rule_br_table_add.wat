;; Rule br_table_add (src/translate/fuse.rs): an i32 add or subtract of a constant whose result
;; only feeds a br_table becomes one BrTableAddRI (a switch whose first case is not 0 biases its
;; index before the table). Not when the biased index is kept in a local.
(module
  (func (export "switch") (param $x i32) (result i32)
    (block $b2 (block $b1 (block $b0
      (br_table $b0 $b1 $b2 (i32.sub (local.get $x) (i32.const 10))))
      (return (i32.const 100)))
      (return (i32.const 101)))
    (i32.const 102))
  (func (export "index_kept") (param $x i32) (result i32) (local $i i32)
    (block $b1 (block $b0
      (br_table $b0 $b1 (local.tee $i (i32.add (local.get $x) (i32.const 1)))))
      (return (local.get $i)))
    (i32.const 0)))
