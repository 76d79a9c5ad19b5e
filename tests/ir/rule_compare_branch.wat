;; Rule compare_branch (src/translate/fuse.rs): a compare, bit test (`i32.and`) or `eqz` computed
;; into a temporary, then a branch on it (`br_if`, or `if` for the opposite test), becomes one
;; compare-and-branch; `br_if (i32.eqz (i32.and …))` joins twice. Not when the result is also kept
;; in a local, when a label lands between, or for a float compare that would need negating (NaN).
(module
  (func (export "lt") (param $a i32) (param $b i32) (result i32)
    (block $b (br_if $b (i32.lt_s (local.get $a) (local.get $b))) (return (i32.const 0)))
    (i32.const 1))
  (func (export "if_ne64") (param $a i64) (result i32)
    (if (result i32) (i64.ne (local.get $a) (i64.const 5)) (then (i32.const 1)) (else (i32.const 0))))
  (func (export "bit_clear") (param $x i32) (result i32)
    (block $b (br_if $b (i32.eqz (i32.and (local.get $x) (i32.const 4)))) (return (i32.const 0)))
    (i32.const 1))
  (func (export "float") (param $a f64) (param $b f64) (result i32)
    (block $b (br_if $b (f64.lt (local.get $a) (local.get $b))) (return (i32.const 0)))
    (i32.const 1))
  (func (export "float_if") (param $a f64) (param $b f64) (result i32)
    (if (result i32) (f64.lt (local.get $a) (local.get $b)) (then (i32.const 1)) (else (i32.const 0))))
  (func (export "kept") (param $a i32) (param $b i32) (result i32) (local $c i32)
    (block $b (br_if $b (local.tee $c (i32.lt_s (local.get $a) (local.get $b)))) (return (i32.const 0)))
    (local.get $c))
  (func (export "label_between") (param $a i32) (param $b i32) (result i32)
    (block $b
      (i32.lt_s (local.get $a) (local.get $b))
      (loop (param i32) (br_if $b))
      (return (i32.const 0)))
    (i32.const 1)))
