;; Accesses at the end of memory: loads and stores of up to 8 bytes first compare the address with a
;; precomputed bound (memory length - 7) and only the last 7 bytes take the exact test, so an access
;; there must still succeed when it fits and trap when it does not, for every width, also after
;; memory.grow moves the end (each call grows two pages), and in a memory too small for any 8-byte
;; access.
;; invoke "load8" i32:65535 -> i32:255
;; invoke "load8" i32:65536 -> trap out of bounds memory access
;; invoke "load16" i32:65534 -> i32:65535
;; invoke "load16" i32:65535 -> trap out of bounds memory access
;; invoke "load32" i32:65532 -> i32:-1
;; invoke "load32" i32:65533 -> trap out of bounds memory access
;; invoke "load64" i32:65528 -> i64:-1
;; invoke "load64" i32:65529 -> trap out of bounds memory access
;; invoke "load64_off" i32:65520 -> i64:-1
;; invoke "load64_off" i32:65521 -> trap out of bounds memory access
;; invoke "load64" i32:-1 -> trap out of bounds memory access
;; invoke "store64" i32:65528 -> i32:0
;; invoke "store64" i32:65529 -> trap out of bounds memory access
;; invoke "store32" i32:65532 -> i32:0
;; invoke "store32" i32:65533 -> trap out of bounds memory access
;; invoke "grow_then_load64" i32:131064 -> i64:0
;; invoke "grow_then_load64" i32:327672 -> i64:0
;; invoke "grow_then_load64" i32:458745 -> trap out of bounds memory access
(module
  (memory 1)
  (data (i32.const 65520) "\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff")
  (func (export "load8") (param $a i32) (result i32) (i32.load8_u (local.get $a)))
  (func (export "load16") (param $a i32) (result i32) (i32.load16_u (local.get $a)))
  (func (export "load32") (param $a i32) (result i32) (i32.load (local.get $a)))
  (func (export "load64") (param $a i32) (result i64) (i64.load (local.get $a)))
  (func (export "load64_off") (param $a i32) (result i64) (i64.load offset=8 (local.get $a)))
  (func (export "store64") (param $a i32) (result i32)
    (i64.store (local.get $a) (i64.const 0)) (i32.const 0))
  (func (export "store32") (param $a i32) (result i32)
    (i32.store (local.get $a) (i32.const 0)) (i32.const 0))
  (func (export "grow_then_load64") (param $a i32) (result i64)
    (drop (memory.grow (i32.const 2)))
    (i64.load (local.get $a))))
