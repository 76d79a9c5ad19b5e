;; Rule add_shr_and (src/translate/fuse.rs): a bit field (an I32ShrUAndRI) whose value only feeds
;; an i32 add of another register becomes one I32AddShrUAndRI, the field on either side of the add:
;; how a bytecode interpreter finds an operand's register (lua's `ra = base + GETARG_A(i)`). Not
;; when the mask needs more than 16 bits, nor when the field is kept in a local.
(module
  (func (export "base_first") (param $base i32) (param $i i32) (result i32)
    (i32.add (local.get $base) (i32.and (i32.shr_u (local.get $i) (i32.const 3)) (i32.const 4080))))
  (func (export "field_first") (param $base i32) (param $i i32) (result i32)
    (i32.add (i32.and (i32.shr_u (local.get $i) (i32.const 14)) (i32.const 0xffff)) (local.get $base)))
  (func (export "wide_mask") (param $base i32) (param $i i32) (result i32)
    (i32.add (local.get $base) (i32.and (i32.shr_u (local.get $i) (i32.const 5)) (i32.const 0x7fffffc))))
  (func (export "field_kept") (param $base i32) (param $i i32) (result i32) (local $f i32)
    (i32.add
      (i32.add (local.get $base) (local.tee $f (i32.and (i32.shr_u (local.get $i) (i32.const 3)) (i32.const 4080))))
      (local.get $f))))
