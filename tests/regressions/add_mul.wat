;; Results of I32AddMulRI (rule add_mul): a register times a constant (negative too) added to
;; another, either side of the add, product and sum wrapping, the result over its own operand.
;; invoke "element" i32:2147483647 i32:5 -> i32:-2147483449
;; invoke "product_first" i32:-1 i32:2147483647 -> i32:19
;; invoke "in_place" i32:100 i32:3 -> i32:220
(module
  (func (export "element") (param $base i32) (param $i i32) (result i32)
    (i32.add (local.get $base) (i32.mul (local.get $i) (i32.const 40))))
  (func (export "product_first") (param $base i32) (param $i i32) (result i32)
    (i32.add (i32.mul (local.get $i) (i32.const -20)) (local.get $base)))
  (func (export "in_place") (param $base i32) (param $i i32) (result i32)
    (local.set $i (i32.add (local.get $base) (i32.mul (local.get $i) (i32.const 40))))
    (local.get $i)))
