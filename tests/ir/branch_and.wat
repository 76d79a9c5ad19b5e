;; A bit test (`i32.and`) feeding `br_if` or `if` fuses into one test-and-branch instruction.
(module
  (func (export "bit") (param $x i32) (result i32)
    (block $b (br_if $b (i32.and (local.get $x) (i32.const 4))) (return (i32.const 0)))
    (i32.const 1))
  (func (export "mask") (param $x i32) (param $m i32) (result i32)
    (if (result i32) (i32.and (local.get $x) (local.get $m)) (then (i32.const 1)) (else (i32.const 0)))))
