;; Results of `i32.eqz` folded into the comparison before it (including the fused branch it
;; enables), and a float comparison it must not fold (NaN).
;;
;; invoke "nez64" i64:0 -> i32:1
;; invoke "nez64" i64:-5 -> i32:0
;; invoke "ge" i32:3 i32:3 -> i32:1
;; invoke "ge" i32:-1 i32:3 -> i32:0
;; invoke "leu_imm" i64:-1 -> i32:0
;; invoke "leu_imm" i64:7 -> i32:1
;; invoke "eqz_eqz" i32:9 -> i32:1
;; invoke "eqz_eqz" i32:0 -> i32:0
;; invoke "float_nan" f64:0x7ff8000000000000 -> i32:1
(module
  (func (export "nez64") (param $x i64) (result i32)
    (block $b (br_if $b (i32.eqz (i64.eqz (local.get $x)))) (return (i32.const 1)))
    (i32.const 0))
  (func (export "ge") (param $a i32) (param $b i32) (result i32)
    (i32.eqz (i32.lt_s (local.get $a) (local.get $b))))
  (func (export "leu_imm") (param $a i64) (result i32)
    (i32.eqz (i64.gt_u (local.get $a) (i64.const 7))))
  (func (export "eqz_eqz") (param $a i32) (result i32)
    (i32.eqz (i32.eqz (local.get $a))))
  (func (export "float_nan") (param $a f64) (result i32)
    (i32.eqz (f64.lt (local.get $a) (f64.const 0)))))
