;; I32Move16 and I32LoadLoad in a memory of 1-byte pages smaller than 8 bytes (its quick bound is
;; 0): every access takes the exact test; those that fit succeed, the others trap.
;; invoke "move16" i32:4 i32:0 -> i32:1284
;; invoke "move16" i32:5 i32:0 -> trap out of bounds memory access
;; invoke "move16" i32:0 i32:5 -> trap out of bounds memory access
;; invoke "move16" i32:0 i32:4 -> i32:1284
;; invoke "chase" i32:1 -> trap out of bounds memory access
(module
  (memory 6 (pagesize 1))
  (data (i32.const 0) "\00\00\00\00\04\05")
  (func (export "move16") (param $p i32) (param $q i32) (result i32)
    (i32.store16 (local.get $q) (i32.load16_u (local.get $p)))
    (i32.load16_u (local.get $q)))
  (func (export "chase") (param $p i32) (result i32)
    (i32.load (i32.load (local.get $p)))))
