;; SIMD memory accesses beyond memory 0 as a 32-bit memory: on memory 1 and on a 64-bit memory 0
;; they are MemoryLoadAt/MemoryStoreAt of the bytes plus the register instruction that builds or
;; takes apart the vector. A v128.store that straddles the end traps and writes nothing (its high
;; half is stored first). Lane, splat, zero and extending forms; memory64 v128.load/store use the
;; A64 forms.
;;
;; invoke "store_load1" i32:100 v128:0x0123456789abcdef_fedcba9876543210 -> v128:0x0123456789abcdef_fedcba9876543210
;; invoke "store1" i32:65528 v128:0xffffffffffffffff_ffffffffffffffff -> trap out of bounds memory access
;; invoke "peek1" i32:65528 -> i64:0
;; invoke "load8x8_s_64" i64:8 v128:0x7fff0180 -> v128:0x007fffff0001ff80
;; invoke "load16_lane1" i32:40 v128:0x7fff0180 -> v128:0x0180000000000000
;; invoke "store32_lane_64" i64:24 v128:0x00000004_00000003_00000002_00000001 -> i32:2
;; invoke "load32_splat1" i32:60 v128:0x7fff0180 -> v128:0x7fff0180_7fff0180_7fff0180_7fff0180
;; invoke "load64_zero1" i32:0 v128:0x0123456789abcdef_fedcba9876543210 -> v128:0xfedcba9876543210
;; invoke "load8_lane1" i32:65536 v128:0 -> trap out of bounds memory access
(module
  (memory $m0 i64 1)
  (memory $m1 1)
  (func (export "store_load1") (param i32 v128) (result v128)
    (v128.store $m1 (local.get 0) (local.get 1))
    (v128.load $m1 (local.get 0)))
  (func (export "store1") (param i32 v128)
    (v128.store $m1 (local.get 0) (local.get 1)))
  (func (export "peek1") (param i32) (result i64)
    (i64.load $m1 (local.get 0)))
  (func (export "load8x8_s_64") (param i64 v128) (result v128)
    (v128.store $m0 (local.get 0) (local.get 1))
    (v128.load8x8_s $m0 (local.get 0)))
  (func (export "load16_lane1") (param i32 v128) (result v128)
    (v128.store $m1 (local.get 0) (local.get 1))
    (v128.load16_lane $m1 3 (local.get 0) (v128.const i64x2 0 0)))
  (func (export "store32_lane_64") (param i64 v128) (result i32)
    (v128.store32_lane $m0 1 (local.get 0) (local.get 1))
    (i32.load $m0 (local.get 0)))
  (func (export "load32_splat1") (param i32 v128) (result v128)
    (v128.store $m1 (local.get 0) (local.get 1))
    (v128.load32_splat $m1 (local.get 0)))
  (func (export "load64_zero1") (param i32 v128) (result v128)
    (v128.store $m1 (local.get 0) (local.get 1))
    (v128.load64_zero $m1 (local.get 0)))
  (func (export "load8_lane1") (param i32 v128) (result v128)
    (v128.load8_lane $m1 0 (local.get 0) (local.get 1))))
