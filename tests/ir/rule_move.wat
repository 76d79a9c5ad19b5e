;; Rule move (src/translate/fuse.rs): a load whose value only feeds a store of the same width
;; (`*q = *p`: 8, 16, 32 or 64 bits, the narrow loads unsigned) becomes one I32Move8, I32Move16,
;; I32Move or I64Move, also when the store's address is computed or loaded. Not when the value is
;; kept in a local, the widths differ, the narrow load is signed, or an offset is past 16 bits.
(module
  (memory 1)
  (func (export "byte") (param $p i32) (param $q i32)
    (i32.store8 offset=3 (local.get $q) (i32.load8_u offset=1 (local.get $p))))
  (func (export "half") (param $p i32) (param $q i32)
    (i32.store16 (local.get $q) (i32.load16_u (local.get $p))))
  (func (export "word") (param $p i32) (param $q i32)
    (i32.store offset=4 (local.get $q) (i32.load offset=8 (local.get $p))))
  (func (export "double") (param $p i32) (param $q i32)
    (i64.store (local.get $q) (i64.load offset=16 (local.get $p))))
  (func (export "float") (param $p i32) (param $q i32)
    (f64.store (local.get $q) (f64.load (local.get $p))))
  (func (export "computed_address") (param $p i32) (param $q i32)
    (i32.store (i32.shl (local.get $q) (i32.const 2)) (i32.load (local.get $p))))
  (func (export "kept") (param $p i32) (param $q i32) (result i32) (local $v i32)
    (i32.store (local.get $q) (local.tee $v (i32.load (local.get $p))))
    (local.get $v))
  (func (export "loaded_address") (param $p i32)
    (i32.store (i32.load (local.get $p)) (i32.load (local.get $p))))
  (func (export "widths_differ") (param $p i32) (param $q i32)
    (i32.store8 (local.get $q) (i32.load (local.get $p))))
  (func (export "signed") (param $p i32) (param $q i32)
    (i32.store8 (local.get $q) (i32.load8_s (local.get $p))))
  (func (export "far_offset") (param $p i32) (param $q i32)
    (i32.store offset=65536 (local.get $q) (i32.load (local.get $p)))))
