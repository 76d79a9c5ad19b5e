;; I32LoadAddRR / I32LoadAddRI / I32Load8UAddRR (rule load_add) and I32LoadShlRI (rule shl_load): the add wraps,
;; the loaded value is read before the other operand could matter, the access keeps its bounds
;; check (offset included, no wrap of address plus offset); the table lookup's address wraps at
;; 32 bits (shift and constant) before the check, and the shift count is taken mod 32.
;; invoke "add_rr" i32:0 i32:5 -> i32:-2147483644
;; invoke "add_rr" i32:65528 i32:1 -> trap out of bounds memory access
;; invoke "add_rr_swapped" i32:0 i32:-1 -> i32:2147483646
;; invoke "add_ri" i32:0 -> i32:17
;; invoke "sub_ri" i32:4 -> i32:-1
;; invoke "add_ri" i32:65532 -> trap out of bounds memory access
;; invoke "add_ri" i32:-4 -> trap out of bounds memory access
;; invoke "byte_rr" i32:1027 i32:-1 -> i32:0
;; invoke "byte_rr" i32:1030 i32:1 -> i32:129
;; invoke "byte_rr" i32:65535 i32:0 -> trap out of bounds memory access
;; invoke "entry" i32:1 -> i32:-2147483647
;; invoke "entry" i32:0x40000001 -> i32:-2147483647
;; invoke "entry" i32:16383 -> trap out of bounds memory access
;; invoke "wrap" i32:0x3fffffff -> i32:-2147483647
;; invoke "count_mod_32" i32:1 -> i32:-2147483647
(module
  (memory 1)
  (data (i32.const 4) "\01\00\00\00")
  (data (i32.const 8) "\ff\ff\ff\7f")
  (data (i32.const 1028) "\01\00\00\80")
  (func (export "add_rr") (param $p i32) (param $x i32) (result i32)
    (i32.add (i32.load offset=8 (local.get $p)) (local.get $x)))
  (func (export "add_rr_swapped") (param $p i32) (param $x i32) (result i32)
    (i32.add (local.get $x) (i32.load offset=8 (local.get $p))))
  (func (export "add_ri") (param $p i32) (result i32)
    (i32.add (i32.load offset=4 (local.get $p)) (i32.const 16)))
  (func (export "sub_ri") (param $p i32) (result i32)
    (i32.sub (i32.load (local.get $p)) (i32.const 2)))
  (func (export "entry") (param $i i32) (result i32)
    (i32.load (i32.add (i32.shl (local.get $i) (i32.const 2)) (i32.const 1024))))
  (func (export "wrap") (param $i i32) (result i32)
    (i32.load (i32.add (i32.shl (local.get $i) (i32.const 2)) (i32.const 1032))))
  (func (export "count_mod_32") (param $i i32) (result i32)
    (i32.load (i32.add (i32.shl (local.get $i) (i32.const 34)) (i32.const 1024))))
  (func (export "byte_rr") (param $p i32) (param $x i32) (result i32)
    (i32.add (local.get $x) (i32.load8_u offset=1 (local.get $p)))))
