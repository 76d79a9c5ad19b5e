;; I32LoadLoad (rule load_load): the second access reads at the loaded pointer plus its offset, each
;; access with its own bounds check (no wrap of address plus offset); a pointer out of bounds traps
;; at the first access, a loaded pointer leading out of bounds at the second.
;; invoke "chase" i32:0 -> i32:287454020
;; invoke "chase" i32:65533 -> trap out of bounds memory access
;; invoke "chase" i32:-1 -> trap out of bounds memory access
;; invoke "chase" i32:4 -> trap out of bounds memory access
;; invoke "chase" i32:8 -> trap out of bounds memory access
;; invoke "chase" i32:12 -> i32:-1
(module
  (memory 1)
  ;; r[0] -> 16 (value 0x11223344 at 16 + 8); r[4] -> 65532 (+ 8 is past the end); r[8] ->
  ;; 0xfffffff8 (+ 8 wraps to 0 only if the sum wrapped); r[12] -> 65520 (+ 8: the last 4 bytes
  ;; in bounds at 65528).
  (data (i32.const 0) "\10\00\00\00\fc\ff\00\00\f8\ff\ff\ff\f0\ff\00\00")
  (data (i32.const 24) "\44\33\22\11")
  (data (i32.const 65528) "\ff\ff\ff\ff")
  (func (export "chase") (param $p i32) (result i32)
    (i32.load offset=8 (i32.load offset=0 (local.get $p)))))
