;; Rule address (src/translate/fuse.rs): an address computed into a temporary by an `i32.add` (a
;; constant only with access offset 0) or an I32AddShl (access offset within 16 bits), then a
;; load or store at it, becomes one access. Not when the address is also kept in a local, when
;; a label lands between, for other access widths, or when the offset is out of range.
(module
  (memory 1)
  (func (export "load_ri") (param $p i32) (result i32)
    (i32.load (i32.add (local.get $p) (i32.const -8))))
  (func (export "load_rr") (param $p i32) (param $i i32) (result i64)
    (i64.load offset=4 (i32.add (local.get $p) (local.get $i))))
  (func (export "store_rr") (param $p i32) (param $i i32) (param $v i32)
    (i32.store8 offset=8 (i32.add (local.get $p) (local.get $i)) (local.get $v)))
  (func (export "load_shl") (param $p i32) (param $i i32) (result i32)
    (i32.load offset=12 (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))))
  (func (export "store_shl") (param $p i32) (param $i i32) (param $v i64)
    (i64.store offset=8 (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 3))) (local.get $v)))
  (func (export "ri_with_offset") (param $p i32) (result i32)
    (i32.load offset=4 (i32.add (local.get $p) (i32.const 8))))
  (func (export "shl_wide_offset") (param $p i32) (param $i i32) (result i32)
    (i32.load offset=65536 (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))))
  (func (export "kept") (param $p i32) (result i32) (local $a i32)
    (i32.load (local.tee $a (i32.add (local.get $p) (i32.const 8)))))
  (func (export "other_width") (param $p i32) (result i32)
    (i32.load16_u (i32.add (local.get $p) (i32.const 2))))
  (func (export "label_between") (param $p i32) (result i32)
    (i32.add (local.get $p) (i32.const 8))
    (loop (param i32) (result i32) (i32.load))))
