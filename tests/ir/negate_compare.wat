;; `i32.eqz` of a comparison computed just before negates that comparison, so a double negation
;; (`i64.eqz; i32.eqz; br_if`) becomes one fused branch; float comparisons (NaN) are not negated.
(module
  (func (export "nez64") (param $x i64) (result i32)
    (block $b (br_if $b (i32.eqz (i64.eqz (local.get $x)))) (return (i32.const 0)))
    (i32.const 1))
  (func (export "ge") (param $a i32) (param $b i32) (result i32)
    (i32.eqz (i32.lt_s (local.get $a) (local.get $b))))
  (func (export "leu_imm") (param $a i64) (result i32)
    (i32.eqz (i64.gt_u (local.get $a) (i64.const 7))))
  (func (export "float") (param $a f64) (param $b f64) (result i32)
    (i32.eqz (f64.lt (local.get $a) (local.get $b)))))
