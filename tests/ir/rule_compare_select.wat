;; Rule compare_select (src/translate/fuse.rs): an i32 compare whose result only chooses a select's
;; value becomes one SelectI32... instruction: `<` and `>` (signed, unsigned) of a constant, `<=`
;; and `>=` as `<`/`>` of the next constant, `<` of two registers, `>` of two registers as `<` with
;; them swapped. Not when the constant (adjusted) does not fit 16 bits or the compare is always
;; true (`<=u -1`, `>=u 0`), not when the compare's result is also a selected value, not for a
;; select of v128 values or an `==` compare.
(module
  (func (export "ltu") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.lt_u (local.get $x) (i32.const 1024))))
  (func (export "lts") (param $x i32) (param $a i64) (param $b i64) (result i64)
    (select (local.get $a) (local.get $b) (i32.lt_s (local.get $x) (i32.const -7))))
  (func (export "gtu") (param $x i32) (param $a f64) (param $b f64) (result f64)
    (select (local.get $a) (local.get $b) (i32.gt_u (local.get $x) (i32.const 26))))
  (func (export "gts") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.gt_s (local.get $x) (i32.const 0))))
  (func (export "les") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.le_s (local.get $x) (i32.const 100))))
  (func (export "geu") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.ge_u (local.get $x) (i32.const 10))))
  (func (export "leu_max") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.le_u (local.get $x) (i32.const -1))))
  (func (export "geu_zero") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.ge_u (local.get $x) (i32.const 0))))
  (func (export "wide") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.lt_u (local.get $x) (i32.const 32768))))
  (func (export "lt_rr") (param $x i32) (param $y i32) (result i32)
    (select (local.get $x) (local.get $y) (i32.lt_s (local.get $x) (local.get $y))))
  (func (export "gt_rr") (param $x i32) (param $y i32) (result i32)
    (select (local.get $x) (local.get $y) (i32.gt_u (local.get $x) (local.get $y))))
  (func (export "eq") (param $x i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b) (i32.eq (local.get $x) (i32.const 3))))
  (func (export "kept") (param $x i32) (param $a i32) (result i32) (local $c i32)
    (select (local.get $a) (local.tee $c (i32.lt_u (local.get $x) (i32.const 5)))
      (local.get $c))))
