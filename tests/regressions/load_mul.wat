;; Results of I64MulLoadRI (rule load_mul): a 32-bit word loaded zero-extended from a register
;; plus a constant (the address wrapping as the add would) and multiplied as i64 with wrapping,
;; either side of the multiply, and a load out of bounds trapping.
;; invoke "limb" i32:4 i64:3 -> i64:12827635656
;; invoke "limb_second" i32:16 i64:-1 -> i64:-4275878552
;; invoke "limb_wraps" i32:-4 i64:2 -> i64:8551757104
;; invoke "limb_traps" i32:65533 i64:2 -> trap out of bounds memory access
(module
  (memory 1)
  (data (i32.const 8) "\98\ba\dc\fe")
  (func (export "limb") (param $p i32) (param $b i64) (result i64)
    (i64.mul (i64.load32_u (i32.add (local.get $p) (i32.const 4))) (local.get $b)))
  (func (export "limb_second") (param $p i32) (param $b i64) (result i64)
    (i64.mul (local.get $b) (i64.load32_u (i32.add (local.get $p) (i32.const -8)))))
  (func (export "limb_wraps") (param $p i32) (param $b i64) (result i64)
    (i64.mul (i64.load32_u (i32.add (local.get $p) (i32.const 12))) (local.get $b)))
  (func (export "limb_traps") (param $p i32) (param $b i64) (result i64)
    (i64.mul (i64.load32_u (i32.add (local.get $p) (i32.const 4))) (local.get $b))))
