;; v128 values through everything the translator handles cell by cell (a v128 is two adjacent
;; cells, two operand-stack entries): parameters and locals mixed with scalars (so a local's
;; register is not its index), multiple results, local.tee, select (plain and typed), blocks,
;; br_if and loops carrying v128s, if/else with v128 parameters, calls (direct, indirect, tail),
;; an exception carrying a v128, memory, constants and drop.
;;
;; invoke "id" v128:0x0123456789abcdef_fedcba9876543210 -> v128:0x0123456789abcdef_fedcba9876543210
;; invoke "mixed" i32:7 v128:0x00000004_00000003_00000002_00000001 i64:9 -> i64:9 v128:0x00000004_00000003_00000002_00000001 i32:7
;; invoke "swap" v128:1 v128:2 -> v128:2 v128:1
;; invoke "locals" v128:0x00000004_00000003_00000002_00000001 -> v128:0x0000000d_0000000b_00000009_00000007
;; invoke "sel" v128:1 v128:2 i32:1 -> v128:1
;; invoke "sel" v128:1 v128:2 i32:0 -> v128:2
;; invoke "typed_sel" v128:1 v128:2 i32:0 -> v128:2
;; invoke "block_br_if" v128:5 i32:1 -> v128:5
;; invoke "block_br_if" v128:5 i32:0 -> v128:0x00000004_00000003_00000002_00000001
;; invoke "loop_sum" i32:4 -> v128:0x00000004_00000004_00000004_00000004
;; invoke "if_else" i32:1 v128:0x00000004_00000003_00000002_00000001 -> v128:0x00000005_00000004_00000003_00000002
;; invoke "if_else" i32:0 v128:0x00000004_00000003_00000002_00000001 -> v128:0x00000003_00000002_00000001_00000000
;; invoke "calls" v128:0x00000004_00000003_00000002_00000001 -> v128:0x0000000c_00000009_00000006_00000003
;; invoke "tail" v128:42 -> v128:42
;; invoke "exn" v128:0x0123456789abcdef_fedcba9876543210 -> i32:1 v128:0x0123456789abcdef_fedcba9876543210
;; invoke "store_load" i32:16 v128:0x0123456789abcdef_fedcba9876543210 -> v128:0x0123456789abcdef_fedcba9876543210
;; invoke "store_load" i32:65530 v128:1 -> trap out of bounds memory access
;; invoke "consts" -> v128:0x0000002c_00000021_00000016_0000000b
;; invoke "drops" v128:3 i32:5 -> i32:5
;; invoke "global_swap" v128:9 -> v128:0x00000004_00000003_00000002_00000001
;; global "g" -> v128:9
(module
  (type $vv (func (param v128) (result v128)))
  (table 1 funcref)
  (elem (i32.const 0) $double)
  (memory 1)
  (tag $t (param i32 v128))
  (global $g (export "g") (mut v128) (v128.const i32x4 1 2 3 4))
  (func $id (export "id") (param v128) (result v128) (local.get 0))
  (func (export "mixed") (param i32 v128 i64) (result i64 v128 i32)
    (local.get 2) (local.get 1) (local.get 0))
  (func $swap (export "swap") (param v128 v128) (result v128 v128)
    (local.get 1) (local.get 0))
  (func (export "locals") (param v128) (result v128)
    (local $a i32) (local $b v128) (local $c f64)
    (local.set $a (i32.const 5))
    (local.set $b (i32x4.add (local.get 0) (local.tee $b (local.get 0))))
    (local.set $c (f64.const 1))
    (i32x4.add (local.get $b) (i32x4.splat (local.get $a))))
  (func (export "sel") (param v128 v128 i32) (result v128)
    (select (local.get 0) (local.get 1) (local.get 2)))
  (func (export "typed_sel") (param v128 v128 i32) (result v128)
    (select (result v128) (local.get 0) (local.get 1) (local.get 2)))
  (func (export "block_br_if") (param v128 i32) (result v128)
    (block (result v128)
      (local.get 0)
      (br_if 0 (local.get 1))
      (drop)
      (v128.const i32x4 1 2 3 4)))
  (func (export "loop_sum") (param $n i32) (result v128)
    (v128.const i64x2 0 0)
    (loop $l (param v128) (result v128)
      (i32x4.add (v128.const i32x4 1 1 1 1))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n))))
  (func (export "if_else") (param i32 v128) (result v128)
    (local.get 1)
    (if (param v128) (result v128) (local.get 0)
      (then (i32x4.add (v128.const i32x4 1 1 1 1)))
      (else (i32x4.sub (v128.const i32x4 1 1 1 1)))))
  (func $double (param v128) (result v128)
    (i32x4.add (local.get 0) (local.get 0)))
  (func (export "calls") (param v128) (result v128)
    (call $swap (local.get 0) (call_indirect (type $vv) (local.get 0) (i32.const 0)))
    (i32x4.add))
  (func (export "tail") (param v128) (result v128)
    (return_call $id (local.get 0)))
  (func (export "exn") (param v128) (result i32 v128)
    (block $h (result i32 v128)
      (try_table (catch $t $h)
        (throw $t (i32.const 1) (local.get 0)))
      (unreachable)))
  (func (export "store_load") (param i32 v128) (result v128)
    (v128.store offset=2 (local.get 0) (local.get 1))
    (v128.load offset=2 (local.get 0)))
  (func (export "consts") (result v128)
    (i32x4.add (v128.const i32x4 1 2 3 4) (v128.const i32x4 10 20 30 40)))
  (func (export "global_swap") (param v128) (result v128)
    (global.get $g)
    (global.set $g (local.get 0)))
  (func (export "drops") (param v128 i32) (result i32)
    (drop (local.get 0))
    (local.get 1)))
