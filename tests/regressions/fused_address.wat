;; Results of the fused address-and-access instructions (I32LoadRI, I64LoadRI, I32Load8URI,
;; I32LoadRR, I64LoadRR, I32Load8URR, I32StoreRI, I32StoreRR, I32Store8RR): the address add wraps
;; at 32 bits exactly as `i32.add` does (a wrapped address is in bounds, not a trap), the access
;; offset applies after the wrap (and does not wrap itself), and accesses past the end trap.
;;
;; invoke "load_ri" i32:0 -> i32:134678021
;; invoke "load_ri" i32:-4 -> i32:67305985
;; invoke "load64_ri" i32:-8 -> i64:578437695752307201
;; invoke "load8_ri" i32:-1 -> i32:2
;; invoke "load_rr" i32:-16 i32:16 -> i32:134678021
;; invoke "load64_rr" i32:1 i32:-1 -> i64:578437695752307201
;; invoke "load8_rr" i32:-2 i32:2 -> i32:3
;; invoke "load8_rr" i32:-2 i32:1 -> trap out of bounds memory access
;; invoke "load_ri" i32:65532 -> trap out of bounds memory access
;; invoke "load_rr" i32:65530 i32:0 -> trap out of bounds memory access
;; invoke "store_ri" i32:-12 i32:305419896 -> i32:305419896
;; invoke "store_rr" i32:-100 i32:100 i32:-559038737 -> i32:-559038737
;; invoke "store8_rr" i32:-1 i32:101 i32:511 -> i32:255
;; invoke "store_rr" i32:65535 i32:1 i32:7 -> trap out of bounds memory access
(module
  (memory 1)
  (data (i32.const 0) "\01\02\03\04\05\06\07\08")
  (func (export "load_ri") (param $p i32) (result i32)
    (i32.load (i32.add (local.get $p) (i32.const 4))))
  (func (export "load64_ri") (param $p i32) (result i64)
    (i64.load (i32.add (local.get $p) (i32.const 8))))
  (func (export "load8_ri") (param $p i32) (result i32)
    (i32.load8_u (i32.add (local.get $p) (i32.const 2))))
  (func (export "load_rr") (param $p i32) (param $i i32) (result i32)
    (i32.load offset=4 (i32.add (local.get $p) (local.get $i))))
  (func (export "load64_rr") (param $p i32) (param $i i32) (result i64)
    (i64.load (i32.add (local.get $p) (local.get $i))))
  (func (export "load8_rr") (param $p i32) (param $i i32) (result i32)
    (i32.load8_u offset=2 (i32.add (local.get $p) (local.get $i))))
  (func (export "store_ri") (param $p i32) (param $v i32) (result i32)
    (i32.store (i32.add (local.get $p) (i32.const 40)) (local.get $v))
    (i32.load (i32.const 28)))
  (func (export "store_rr") (param $p i32) (param $i i32) (param $v i32) (result i32)
    (i32.store offset=32 (i32.add (local.get $p) (local.get $i)) (local.get $v))
    (i32.load (i32.const 32)))
  (func (export "store8_rr") (param $p i32) (param $i i32) (param $v i32) (result i32)
    (i32.store8 (i32.add (local.get $p) (local.get $i)) (local.get $v))
    (i32.load8_u (i32.const 100))))
