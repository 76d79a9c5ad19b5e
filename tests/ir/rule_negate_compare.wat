;; Rule negate_compare (src/translate/fuse.rs): `i32.eqz` of an integer compare just computed into
;; a temporary becomes the opposite compare. Not when the compare is a float one (NaN), when its
;; result is also kept in a local, or when a label lands between the two.
(module
  (func (export "ge") (param $a i32) (param $b i32) (result i32)
    (i32.eqz (i32.lt_s (local.get $a) (local.get $b))))
  (func (export "nez64") (param $x i64) (result i32)
    (i32.eqz (i64.eqz (local.get $x))))
  (func (export "twice") (param $a i32) (result i32)
    (i32.eqz (i32.eqz (i32.gt_u (local.get $a) (i32.const 7)))))
  (func (export "float") (param $a f64) (param $b f64) (result i32)
    (i32.eqz (f64.lt (local.get $a) (local.get $b))))
  (func (export "kept") (param $a i32) (param $b i32) (result i32) (local $c i32)
    (i32.add (i32.eqz (local.tee $c (i32.lt_s (local.get $a) (local.get $b)))) (local.get $c)))
  (func (export "label_between") (param $a i32) (param $b i32) (result i32)
    (i32.lt_s (local.get $a) (local.get $b))
    (loop (param i32) (result i32) (i32.eqz))))
