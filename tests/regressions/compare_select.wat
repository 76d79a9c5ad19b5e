;; Results of the compare-and-select instructions (SelectI32...): both sides of each bound, the
;; `<=`/`>=` forms turned into `<`/`>` of the adjusted constant, a negative constant compared
;; unsigned (sign-extended from 16 bits), `>` of two registers with them swapped, and i64 and f64
;; values chosen whole.
;;
;; invoke "les" i32:100 -> i32:1
;; invoke "les" i32:101 -> i32:2
;; invoke "les" i32:-2147483648 -> i32:1
;; invoke "geu" i32:10 -> i32:1
;; invoke "geu" i32:9 -> i32:2
;; invoke "geu" i32:-1 -> i32:1
;; invoke "leu_neg" i32:-6 -> i32:1
;; invoke "leu_neg" i32:-5 -> i32:2
;; invoke "ltu_neg" i32:-6 -> i32:1
;; invoke "ltu_neg" i32:-5 -> i32:2
;; invoke "ltu_neg" i32:0 -> i32:1
;; invoke "ges" i32:-3 -> i32:1
;; invoke "ges" i32:-4 -> i32:2
;; invoke "gts" i32:0 -> i32:2
;; invoke "gts" i32:1 -> i32:1
;; invoke "gt_rr_u" i32:-1 i32:1 -> i32:-1
;; invoke "gt_rr_u" i32:1 i32:-1 -> i32:-1
;; invoke "gt_rr_s" i32:-1 i32:1 -> i32:1
;; invoke "lt_rr_u" i32:3 i32:-3 -> i32:3
;; invoke "wide_values" i32:5 -> i64:-81985529216486896
;; invoke "wide_values" i32:4 -> i64:1311768467750121456
;; invoke "float_values" i32:100 -> f64:0.5
;; invoke "float_values" i32:-100 -> f64:-2.25
(module
  (func (export "les") (param $x i32) (result i32)
    (select (i32.const 1) (i32.const 2) (i32.le_s (local.get $x) (i32.const 100))))
  (func (export "geu") (param $x i32) (result i32)
    (select (i32.const 1) (i32.const 2) (i32.ge_u (local.get $x) (i32.const 10))))
  (func (export "leu_neg") (param $x i32) (result i32)
    (select (i32.const 1) (i32.const 2) (i32.le_u (local.get $x) (i32.const -6))))
  (func (export "ltu_neg") (param $x i32) (result i32)
    (select (i32.const 1) (i32.const 2) (i32.lt_u (local.get $x) (i32.const -5))))
  (func (export "ges") (param $x i32) (result i32)
    (select (i32.const 1) (i32.const 2) (i32.ge_s (local.get $x) (i32.const -3))))
  (func (export "gts") (param $x i32) (result i32)
    (select (i32.const 1) (i32.const 2) (i32.gt_s (local.get $x) (i32.const 0))))
  (func (export "gt_rr_u") (param $x i32) (param $y i32) (result i32)
    (select (local.get $x) (local.get $y) (i32.gt_u (local.get $x) (local.get $y))))
  (func (export "gt_rr_s") (param $x i32) (param $y i32) (result i32)
    (select (local.get $x) (local.get $y) (i32.gt_s (local.get $x) (local.get $y))))
  (func (export "lt_rr_u") (param $x i32) (param $y i32) (result i32)
    (select (local.get $x) (local.get $y) (i32.lt_u (local.get $x) (local.get $y))))
  (func (export "wide_values") (param $x i32) (result i64)
    (select (i64.const 0xfedcba9876543210) (i64.const 0x12345678abcdeff0)
      (i32.gt_u (local.get $x) (i32.const 4))))
  (func (export "float_values") (param $x i32) (result f64)
    (select (f64.const 0.5) (f64.const -2.25) (i32.gt_s (local.get $x) (i32.const -100)))))
