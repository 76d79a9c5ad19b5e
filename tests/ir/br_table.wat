;; br_table: one table entry per target; targets whose values must move go through stubs.
(module
  (func (export "f") (param i32) (result i32)
    (block $c (result i32)
      (block $b (result i32)
        (br_table $b $c 2 (i32.const 30) (local.get 0)))
      (i32.add (i32.const 1)))))
