;; I32Move8 / I32Move16 / I32Move / I64Move (rule move): the moved bytes are the loaded ones (one
;; read of the source, then one write, also when the two overlap), each access keeps its own bounds
;; check with its offset (no wrap of address plus offset), and the load is checked first: a move
;; from out of bounds traps without storing, one to out of bounds traps after reading.
;; invoke "move8" i32:0 i32:32 -> i32:1
;; invoke "get64" i32:32 -> i64:1
;; invoke "move16" i32:0 i32:40 -> i32:513
;; invoke "move32" i32:0 i32:48 -> i32:67305985
;; invoke "move64" i32:0 i32:56 -> i64:578437695752307201
;; invoke "move64" i32:0 i32:4 -> i64:578437695752307201
;; invoke "get64" i32:0 -> i64:289077004467372545
;; invoke "move64" i32:65528 i32:64 -> i64:-1
;; invoke "move64" i32:65529 i32:64 -> trap out of bounds memory access
;; invoke "move64" i32:64 i32:65528 -> i64:-1
;; invoke "move64" i32:64 i32:65529 -> trap out of bounds memory access
;; invoke "move32" i32:65533 i32:80 -> trap out of bounds memory access
;; invoke "get64" i32:80 -> i64:0
;; invoke "move32" i32:-1 i32:80 -> trap out of bounds memory access
;; invoke "move16" i32:65534 i32:65534 -> i32:65535
;; invoke "move16" i32:65535 i32:0 -> trap out of bounds memory access
;; invoke "move8" i32:65535 i32:65535 -> i32:255
;; invoke "move8" i32:0 i32:65536 -> trap out of bounds memory access
;; invoke "move8_offsets" i32:-1 i32:100 -> trap out of bounds memory access
;; invoke "move8_offsets" i32:100 i32:-1 -> trap out of bounds memory access
;; invoke "move8_offsets" i32:0 i32:100 -> i32:2
(module
  (memory 1)
  (data (i32.const 0) "\01\02\03\04\05\06\07\08")
  (data (i32.const 65520) "\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff\ff")
  (func (export "get64") (param $a i32) (result i64) (i64.load (local.get $a)))
  (func (export "move8") (param $p i32) (param $q i32) (result i32)
    (i32.store8 (local.get $q) (i32.load8_u (local.get $p)))
    (i32.load8_u (local.get $q)))
  (func (export "move16") (param $p i32) (param $q i32) (result i32)
    (i32.store16 (local.get $q) (i32.load16_u (local.get $p)))
    (i32.load16_u (local.get $q)))
  (func (export "move32") (param $p i32) (param $q i32) (result i32)
    (i32.store (local.get $q) (i32.load (local.get $p)))
    (i32.load (local.get $q)))
  (func (export "move64") (param $p i32) (param $q i32) (result i64)
    (i64.store (local.get $q) (i64.load (local.get $p)))
    (i64.load (local.get $q)))
  (func (export "move8_offsets") (param $p i32) (param $q i32) (result i32)
    (i32.store8 offset=1 (local.get $q) (i32.load8_u offset=1 (local.get $p)))
    (i32.load8_u offset=1 (local.get $q))))
