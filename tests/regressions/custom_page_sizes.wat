;; Custom page sizes: memories of 1-byte pages, alone (memory 0, whose loads and stores keep the
;; memory-0 instructions while memory.size/grow count its own pages) and next to a 64 KiB one,
;; grown a byte at a time up to their declared maximum.
;;
;; invoke "size0" -> i32:3
;; invoke "grow0" i32:2 -> i32:3
;; invoke "size0" -> i32:5
;; invoke "store_load0" i32:4 -> i32:171
;; invoke "store_load0" i32:5 -> trap out of bounds memory access
;; invoke "grow0" i32:6 -> i32:-1
;; invoke "grow0" i32:5 -> i32:5
;; invoke "size1" -> i32:65536
;; invoke "grow1" i32:1 -> i32:-1
;; invoke "load2" i32:65535 -> i32:0
;; invoke "size2" -> i32:1
(module
  (memory $b 3 10 (pagesize 1))
  (memory $big 65536 65536 (pagesize 1))
  (memory $k 1)
  (func (export "size0") (result i32) (memory.size $b))
  (func (export "grow0") (param i32) (result i32) (memory.grow $b (local.get 0)))
  (func (export "store_load0") (param $a i32) (result i32)
    (i32.store8 $b (local.get $a) (i32.const 0xab))
    (i32.load8_u $b (local.get $a)))
  (func (export "size1") (result i32) (memory.size $big))
  (func (export "grow1") (param i32) (result i32) (memory.grow $big (local.get 0)))
  (func (export "load2") (param $a i32) (result i32) (i32.load8_u $k (local.get $a)))
  (func (export "size2") (result i32) (memory.size $k)))
