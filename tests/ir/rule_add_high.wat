;; Rule add_high (src/translate/fuse.rs): an unsigned i64 shift right by a constant (the high half
;; of a 64-bit product) whose result, wrapped to i32, only feeds an i32 add becomes one
;; I32AddI64ShrURI, on either side of the add; the shift count is taken mod 64. Not when the
;; shifted value is kept in a local, nor for a signed shift.
(module
  (func (export "high") (param $c i32) (param $p i64) (result i32)
    (i32.add (local.get $c) (i32.wrap_i64 (i64.shr_u (local.get $p) (i64.const 32)))))
  (func (export "high_first") (param $c i32) (param $p i64) (result i32)
    (i32.add (i32.wrap_i64 (i64.shr_u (local.get $p) (i64.const 70))) (local.get $c)))
  (func (export "kept") (param $c i32) (param $p i64) (result i64) (local $h i64)
    (i64.add
      (i64.extend_i32_u (i32.add (local.get $c) (i32.wrap_i64 (local.tee $h (i64.shr_u (local.get $p) (i64.const 32))))))
      (local.get $h)))
  (func (export "signed") (param $c i32) (param $p i64) (result i32)
    (i32.add (local.get $c) (i32.wrap_i64 (i64.shr_s (local.get $p) (i64.const 32))))))
