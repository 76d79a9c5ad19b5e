;; A memory of 1-byte pages smaller than 8 bytes: its quick bound is 0 (no address passes it), so
;; every access takes the exact test; those that fit succeed, the others trap.
;; invoke "load32" i32:0 -> i32:67305985
;; invoke "load32" i32:1 -> i32:84148994
;; invoke "load32" i32:2 -> trap out of bounds memory access
;; invoke "load64" i32:0 -> trap out of bounds memory access
;; invoke "load8" i32:4 -> i32:5
;; invoke "load8" i32:5 -> trap out of bounds memory access
(module
  (memory 5 (pagesize 1))
  (data (i32.const 0) "\01\02\03\04\05")
  (func (export "load8") (param $a i32) (result i32) (i32.load8_u (local.get $a)))
  (func (export "load32") (param $a i32) (result i32) (i32.load (local.get $a)))
  (func (export "load64") (param $a i32) (result i64) (i64.load (local.get $a))))
