;; `return_call_indirect` on a 64-bit table with an index of 2^32 or more. The index was used as
;; its low 32 bits (here 0, a null entry: "uninitialized element") where `call_indirect` clamps
;; it first; it is out of bounds. Found by the differential test (seed 38863).
;;
;; invoke "tail_far" -> trap out of bounds table access
;; invoke "call_far" -> trap out of bounds table access
;; invoke "tail_near" -> i32:7
;; invoke "tail_null" -> trap uninitialized element
(module
  (type $t (func (result i32)))
  (table i64 4 funcref)
  (elem (table 0) (i64.const 1) func $seven)
  (func $seven (type $t) (i32.const 7))
  (func (export "tail_far") (result i32)
    (return_call_indirect (type $t) (i64.const 0x1_0000_0001)))
  (func (export "call_far") (result i32)
    (call_indirect (type $t) (i64.const 0xffff_ffff_0000_0000)))
  (func (export "tail_near") (result i32)
    (return_call_indirect (type $t) (i64.const 1)))
  (func (export "tail_null") (result i32)
    (return_call_indirect (type $t) (i64.const 0))))
