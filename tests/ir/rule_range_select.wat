;; Rule range_select (src/translate/fuse.rs): an add (or subtract) of a constant whose result only
;; feeds the condition of a SelectI32LtURI (`(x - lo) <u n ? a : b`, a range check choosing a
;; value) becomes one SelectI32AddLtURI. Not when a constant needs more than 8 bits, nor when the
;; sum is one of the chosen values or is kept in a local.
(module
  (func (export "norm_tag") (param $tag i32) (param $f i32) (result i32)
    (select (local.get $f) (local.get $tag)
      (i32.lt_u (i32.add (local.get $tag) (i32.const -8)) (i32.const -17))))
  (func (export "sub") (param $c i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b)
      (i32.lt_u (i32.sub (local.get $c) (i32.const 97)) (i32.const 26))))
  (func (export "wide_constant") (param $c i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b)
      (i32.lt_u (i32.add (local.get $c) (i32.const 1000)) (i32.const 26))))
  (func (export "sum_chosen") (param $c i32) (param $b i32) (result i32) (local $s i32)
    (select (local.tee $s (i32.add (local.get $c) (i32.const -97))) (local.get $b)
      (i32.lt_u (local.get $s) (i32.const 26))))
  (func (export "sum_kept") (param $c i32) (param $a i32) (param $b i32) (result i32) (local $s i32)
    (i32.add
      (select (local.get $a) (local.get $b)
        (i32.lt_u (local.tee $s (i32.add (local.get $c) (i32.const -97))) (i32.const 26)))
      (local.get $s))))
