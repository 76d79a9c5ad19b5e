;; Typed function references: `call_ref` to defined, imported-through-table and host-free
;; functions (results land where the arguments were, the callee register sits above them),
;; `ref.as_non_null` traps on null and leaves the value in place, `br_on_null` and
;; `br_on_non_null` carry the right values on both paths (directly and through copies when the
;; values are not where the label wants them), non-nullable locals, a table of `(ref $t)` with an
;; initialiser expression, and a global initialised with `ref.func`.
;;
;; invoke "apply" i32:0 i32:7 -> i32:8
;; invoke "apply" i32:1 i32:7 -> i32:14
;; invoke "apply" i32:2 i32:7 -> i32:49
;; invoke "apply" i32:3 i32:7 -> trap out of bounds table access
;; invoke "via_global" i32:20 -> i32:21
;; invoke "call_null" -> trap null function reference
;; invoke "as_non_null_null" -> trap null reference
;; invoke "as_non_null_ok" i32:5 -> i32:10
;; invoke "on_null" i32:0 -> i32:-1
;; invoke "on_null" i32:1 -> i32:12
;; invoke "on_null_copies" i32:0 i32:3 -> i32:3
;; invoke "on_null_copies" i32:1 i32:3 -> i32:6
;; invoke "on_non_null" i32:0 i32:4 -> i32:-4
;; invoke "on_non_null" i32:1 i32:4 -> i32:5
;; invoke "on_non_null" i32:2 i32:4 -> i32:8
;; invoke "on_non_null_local" i32:1 -> i32:100
;; invoke "on_non_null_local" i32:0 -> i32:-100
;; invoke "pair" i32:3 i32:4 -> i32:7 i32:12
;; invoke "ref_is_null_typed" i32:0 -> i32:1
;; invoke "ref_is_null_typed" i32:1 -> i32:0
;; invoke "deep" i32:10 -> i32:20
;; invoke "nullable_local_default" -> i32:1
(module
  (type $i2i (func (param i32) (result i32)))
  (type $ii2ii (func (param i32 i32) (result i32 i32)))
  (func $inc (type $i2i) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $i2i) (i32.mul (local.get 0) (i32.const 2)))
  (func $sq (type $i2i) (i32.mul (local.get 0) (local.get 0)))
  (func $sum_prod (type $ii2ii)
    (i32.add (local.get 0) (local.get 1))
    (i32.mul (local.get 0) (local.get 1)))
  (table $t 3 (ref $i2i) (ref.func $inc))
  (global $g (ref $i2i) (ref.func $inc))
  (global $gnull (mut (ref null $i2i)) (ref.null $i2i))
  (elem (table $t) (i32.const 1) (ref $i2i) (ref.func $dbl) (ref.func $sq))

  (func (export "apply") (param $i i32) (param $x i32) (result i32)
    (call_ref $i2i (local.get $x) (table.get $t (local.get $i))))
  (func (export "via_global") (param $x i32) (result i32)
    (call_ref $i2i (local.get $x) (global.get $g)))
  (func (export "call_null") (result i32)
    (call_ref $i2i (i32.const 1) (global.get $gnull)))
  (func (export "as_non_null_null") (result i32)
    (call_ref $i2i (i32.const 1) (ref.as_non_null (ref.null $i2i))))
  (func (export "as_non_null_ok") (param $x i32) (result i32)
    (local $f (ref $i2i))
    (local.set $f (ref.as_non_null (table.get $t (i32.const 1))))
    (call_ref $i2i (local.get $x) (local.get $f)))
  ;; null -> -1 (the label's value), else call it on 6 (doubled)
  (func (export "on_null") (param $nonnull i32) (result i32)
    (local $f (ref null $i2i)) (local $g (ref $i2i))
    (if (local.get $nonnull) (then (local.set $f (ref.func $dbl))))
    (block $l (result i32)
      (i32.const -1)
      (br_on_null $l (local.get $f))
      (local.set $g)
      (drop)
      (call_ref $i2i (i32.const 6) (local.get $g))))
  ;; the label takes a value that is a local (copies needed), null keeps it as it was
  (func (export "on_null_copies") (param $nonnull i32) (param $x i32) (result i32)
    (local $f (ref null $i2i))
    (if (local.get $nonnull) (then (local.set $f (ref.func $dbl))))
    (block $l (result i32)
      (local.get $x)
      (br_on_null $l (local.get $f))
      (call_ref $i2i)))
  ;; non-null: the reference goes to the label, which calls it; null: -x
  (func (export "on_non_null") (param $which i32) (param $x i32) (result i32)
    (local $f (ref null $i2i))
    (if (i32.eq (local.get $which) (i32.const 1)) (then (local.set $f (ref.func $inc))))
    (if (i32.eq (local.get $which) (i32.const 2)) (then (local.set $f (ref.func $dbl))))
    (block $l (result i32 (ref $i2i))
      (local.get $x)
      (br_on_non_null $l (local.get $f))
      (drop)
      (return (i32.sub (i32.const 0) (local.get $x))))
    (call_ref $i2i))
  ;; br_on_non_null of a local straight to a function-level block with one value
  (func (export "on_non_null_local") (param $nonnull i32) (result i32)
    (local $f (ref null $i2i))
    (if (local.get $nonnull) (then (local.set $f (ref.func $sq))))
    (block $l (result (ref $i2i))
      (br_on_non_null $l (local.get $f))
      (return (i32.const -100)))
    (local.set $f)
    (call_ref $i2i (i32.const 10) (local.get $f)))
  (func (export "pair") (param i32 i32) (result i32 i32)
    (call_ref $ii2ii (local.get 0) (local.get 1) (ref.func $sum_prod)))
  (func (export "ref_is_null_typed") (param $nonnull i32) (result i32)
    (local $f (ref null $i2i))
    (if (local.get $nonnull) (then (local.set $f (ref.func $sq))))
    (ref.is_null (local.get $f)))
  ;; call_ref with operands computed into temporaries below the callee
  (func (export "deep") (param $x i32) (result i32)
    (i32.add
      (i32.mul (local.get $x) (i32.const 0))
      (call_ref $i2i
        (i32.sub (call_ref $i2i (local.get $x) (ref.func $inc)) (i32.const 1))
        (select (result (ref $i2i)) (ref.func $inc) (ref.func $dbl) (i32.const 0)))))
  (func (export "nullable_local_default") (result i32)
    (local $f (ref null $i2i))
    (ref.is_null (local.get $f)))
  (elem declare func $sum_prod))
