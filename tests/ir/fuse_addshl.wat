;; `i32.shl` by a constant feeding an `i32.add` (array indexing) becomes one I32AddShl, with the
;; shifted value on either side; a shifted value that is also kept in a local is not fused. An
;; I32AddShl whose result only addresses the next load or store joins it (`…Shl` forms) when the
;; access offset fits 16 bits and, for a store, the value needed no instruction after the address.
;; The same module is the regression test tests/regressions/fused_addshl_access.wat.
;; invoke "index" i32:0 i32:3 -> i32:0
;; invoke "store_load" i32:64 i32:5 i32:-7 -> i32:-7
;; invoke "store_load64" i32:64 i32:5 i64:-9 -> i64:-9
;; invoke "wrap" i32:-4 i32:2 -> i32:305419896
;; invoke "out_of_bounds" i32:0 i32:32767 -> trap out of bounds memory access
;; invoke "out_of_bounds" i32:-4 i32:32767 -> i32:0
;; invoke "wide_offset" i32:1 -> i32:0
(module
  (memory 2)
  (data (i32.const 4) "\78\56\34\12")
  (func (export "index") (param $base i32) (param $i i32) (result i32)
    (i32.load (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2)))))
  (func (export "index_first") (param $base i32) (param $i i32) (result i32)
    (i32.add (i32.shl (local.get $i) (i32.const 3)) (local.get $base)))
  (func (export "kept") (param $base i32) (param $i i32) (result i32) (local $t i32)
    (i32.add (local.get $base) (local.tee $t (i32.shl (local.get $i) (i32.const 2)))))
  ;; a[i + 2] = v, then a[i + 2] read back through another address computation.
  (func (export "store_load") (param $a i32) (param $i i32) (param $v i32) (result i32)
    (i32.store offset=8 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 2))) (local.get $v))
    (i32.load offset=8 (i32.add (i32.shl (local.get $i) (i32.const 2)) (local.get $a))))
  (func (export "store_load64") (param $a i32) (param $i i32) (param $v i64) (result i64)
    (i64.store offset=16 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3))) (local.get $v))
    (i64.load offset=16 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 3)))))
  ;; The address wraps around as the i32 add would: -4 + (2 << 2) = 4.
  (func (export "wrap") (param $a i32) (param $i i32) (result i32)
    (i32.load (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 2)))))
  ;; 32767 * 4 + 4 = 131072: one past the end (but not from a base of -4).
  (func (export "out_of_bounds") (param $a i32) (param $i i32) (result i32)
    (i32.load offset=4 (i32.add (local.get $a) (i32.shl (local.get $i) (i32.const 2)))))
  ;; An offset above 16 bits keeps the add and the load apart.
  (func (export "wide_offset") (param $i i32) (result i32)
    (i32.load offset=65536 (i32.add (local.get $i) (i32.shl (local.get $i) (i32.const 1))))))
