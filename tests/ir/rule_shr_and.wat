;; Rule shr_and (src/translate/fuse.rs): an unsigned i32 shift right by a constant whose result only
;; feeds an i32 and with a constant becomes one I32ShrUAndRI (a bit field). The shift count is
;; taken mod 32. Not when the shifted value is kept in a local, nor for a signed shift.
(module
  (func (export "field") (param $w i32) (result i32)
    (i32.and (i32.shr_u (local.get $w) (i32.const 7)) (i32.const 0xff)))
  (func (export "count_mod_32") (param $w i32) (result i32)
    (i32.and (i32.shr_u (local.get $w) (i32.const 35)) (i32.const 0x1ff)))
  (func (export "shifted_kept") (param $w i32) (result i32) (local $s i32)
    (i32.add (i32.and (local.tee $s (i32.shr_u (local.get $w) (i32.const 7))) (i32.const 0xff)) (local.get $s)))
  (func (export "signed") (param $w i32) (result i32)
    (i32.and (i32.shr_s (local.get $w) (i32.const 7)) (i32.const 0xff))))
