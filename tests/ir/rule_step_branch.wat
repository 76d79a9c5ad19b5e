;; Rule step_branch (src/translate/fuse.rs): a counter step (`r += k` in place with `k` within 16
;; bits, or `r += r[by]`), then a compare-and-branch on the stepped register, becomes one stepping
;; branch; a bound too wide for the immediate form moves to a constant register. Not across a
;; label, for a step into another register, or for a test with no stepping form.
(module
  (func (export "down") (param $n i32) (result i32)
    (loop $l (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $n))
  (func (export "wide_bound") (param $i i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 1048576))))
    (local.get $i))
  (func (export "i64") (param $n i64) (result i64)
    (loop $l
      (local.set $n (i64.add (local.get $n) (i64.const -1)))
      (br_if $l (i64.ne (local.get $n) (i64.const 0))))
    (local.get $n))
  (func (export "by_register") (param $i i32) (param $by i32) (param $n i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $by) (local.get $i)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $i))
  (func (export "label_between") (param $i i32) (param $n i32) (param $c i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (block $b (br_if $b (local.get $c)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (local.get $i))
  (func (export "other_register") (param $i i32) (param $j i32) (param $n i32) (result i32)
    (loop $l
      (local.set $j (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $j) (local.get $n))))
    (local.get $j))
  (func (export "no_stepping_form") (param $i i32) (result i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.gt_u (local.get $i) (i32.const 10))))
    (local.get $i)))
