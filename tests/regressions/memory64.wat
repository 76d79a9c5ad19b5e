;; Memory64 and 64-bit tables: i64 addresses and offsets (memory 0 through the `…A64`
;; instructions, an address computed just before the access read from the accumulator), bounds
;; checks that cannot wrap around (an address or offset near 2^64 traps instead of landing back
;; inside the memory; an address that wraps in `i64.add` first is fine), memory.size
;; and memory.grow in i64 with -1 as an i64 when refused, fill/copy/init with i64 operands, a
;; data segment at an i64 offset, a declared maximum of 2^48 pages that reserves nothing (growth
;; past the engine's limit is refused), and a 64-bit table: call_indirect, table.get/set/size/
;; grow/fill with i64 indices, an index past 2^32 that must not be truncated into the table.
;;
;; invoke "load" i64:10 -> i32:26984
;; invoke "store_load" i64:65528 i64:-2 -> i64:-2
;; invoke "store_load" i64:65529 i64:1 -> trap out of bounds memory access
;; invoke "load_added" i64:65520 -> i64:-2
;; invoke "load_added" i64:65521 -> trap out of bounds memory access
;; invoke "load_added" i64:-8 -> i64:0
;; invoke "load_added" i64:-16 -> trap out of bounds memory access
;; invoke "load_off" i64:-8 -> trap out of bounds memory access
;; invoke "load_off" i64:65528 -> trap out of bounds memory access
;; invoke "load_max_off" i64:1 -> trap out of bounds memory access
;; invoke "load" i64:4294967306 -> trap out of bounds memory access
;; invoke "size" -> i64:1
;; invoke "grow" i64:1 -> i64:1
;; invoke "grow" i64:1 -> i64:-1
;; invoke "size" -> i64:2
;; invoke "grow_huge" i64:4294967296 -> i64:-1
;; invoke "grow_huge" i64:1 -> i64:0
;; invoke "bulk" i64:70000 -> i32:1684234849
;; invoke "fill" i64:131070 i64:3 -> trap out of bounds memory access
;; invoke "fill" i64:-1 i64:2 -> trap out of bounds memory access
;; invoke "call" i64:1 -> i32:11
;; invoke "call" i64:4294967297 -> trap out of bounds table access
;; invoke "table_ops" i64:4294967296 -> i64:1
;; invoke "table_ops" i64:2 -> i64:6
;; invoke "call" i64:1 -> i32:10
;; invoke "table_fill" i64:3 i64:1 -> i32:10
;; invoke "table_fill" i64:3 i64:4294967297 -> trap out of bounds table access
;; invoke "table_fill" i64:4294967299 i64:1 -> trap out of bounds table access
;; invoke "table_get" i64:4294967296 -> trap out of bounds table access
(module
  (memory $m i64 1 2)
  (memory $huge i64 0 0x1000000000000)
  (data (memory $m) (i64.const 10) "hi")
  (data $p "abcd")
  (type $t (func (result i32)))
  (table $tab i64 2 10 funcref)
  (elem (table $tab) (i64.const 0) func $ten $eleven)
  (func $ten (result i32) (i32.const 10))
  (func $eleven (result i32) (i32.const 11))
  (func (export "load") (param $a i64) (result i32) (i32.load16_u (local.get $a)))
  (func (export "store_load") (param $a i64) (param $v i64) (result i64)
    (i64.store (local.get $a) (local.get $v))
    (i64.load (local.get $a)))
  (func (export "load_added") (param $a i64) (result i64) (i64.load (i64.add (local.get $a) (i64.const 8))))
  (func (export "load_off") (param $a i64) (result i64) (i64.load offset=8 (local.get $a)))
  (func (export "load_max_off") (param $a i64) (result i32) (i32.load8_u offset=0xffffffffffffffff (local.get $a)))
  (func (export "size") (result i64) (memory.size))
  (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0)))
  (func (export "grow_huge") (param i64) (result i64) (memory.grow $huge (local.get 0)))
  (func (export "bulk") (param $a i64) (result i32)
    (memory.fill (local.get $a) (i32.const 0) (i64.const 8))
    (memory.init $p (local.get $a) (i32.const 0) (i32.const 4))
    (memory.copy (i64.add (local.get $a) (i64.const 4)) (local.get $a) (i64.const 4))
    (i32.load offset=4 (local.get $a)))
  (func (export "fill") (param $a i64) (param $n i64) (memory.fill (local.get $a) (i32.const 1) (local.get $n)))
  (func (export "call") (param $i i64) (result i32) (call_indirect $tab (type $t) (local.get $i)))
  (func (export "table_ops") (param $n i64) (result i64)
    (table.set $tab (i64.const 1) (table.get $tab (i64.const 0)))
    (i64.add (table.grow $tab (ref.null func) (local.get $n)) (table.size $tab)))
  (func (export "table_fill") (param $d i64) (param $n i64) (result i32)
    (table.fill $tab (local.get $d) (ref.func $ten) (local.get $n))
    (call_indirect $tab (type $t) (local.get $d)))
  (func (export "table_get") (param $i i64) (result funcref) (table.get $tab (local.get $i))))
