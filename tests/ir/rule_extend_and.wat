;; Rule extend_and (src/translate/fuse.rs): an i64.extend_i32_u whose result only feeds an i64.and
;; with a constant below 2^31 disappears into the and (the mask clears the bits it would). Not when
;; the mask has high bits, nor when the extended value is kept in a local.
(module
  (func (export "masked") (param $b i32) (result i64)
    (i64.and (i64.extend_i32_u (local.get $b)) (i64.const 0x7f)))
  (func (export "high_mask") (param $b i32) (result i64)
    (i64.and (i64.extend_i32_u (local.get $b)) (i64.const -256)))
  (func (export "kept") (param $b i32) (result i64) (local $w i64)
    (i64.add (i64.and (local.tee $w (i64.extend_i32_u (local.get $b))) (i64.const 0x7f)) (local.get $w))))
