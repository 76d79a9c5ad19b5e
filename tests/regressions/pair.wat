;; Results of the pair instructions (I32StoreAddRI, I64StoreAddRI, I32AddRI2, CopyI32Const,
;; I32Const2): each half in order, so a second
;; half that reads what the first wrote sees the new value (a store of a just-stepped pointer, an
;; add of an add), the constants' sign (8-bit, sign-extended) and wrapping, the offset's
;; zero-extension, and a store that traps.
;;
;; invoke "store_step" i32:192 i32:42 -> i32:238
;; invoke "store_offset" i32:0 i32:9 -> i32:-118
;; invoke "store64_step" i32:300 i64:-4294967296 -> i64:-4294966992
;; invoke "adds" i32:2147483647 -> i32:-2147483570
;; invoke "chained" i32:-5 -> i32:-7
;; invoke "negative" i32:0 -> i32:-256
;; invoke "store_traps" i32:65534 -> trap out of bounds memory access
;; invoke "untouched" -> i32:0
;; invoke "arguments" i32:7 -> i32:-32729
;; invoke "const_over_copy" i32:7 -> i32:3
;; invoke "consts_same" -> i32:-2
(module
  (memory 1)
  (func (export "store_step") (param $p i32) (param $x i32) (result i32)
    (i32.store (local.get $p) (local.get $x))
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (i32.store (local.get $p) (local.get $p))
    (i32.add (i32.load (i32.const 192)) (i32.load (i32.const 196))))
  ;; [255] = 9, then p = p - 128; 9 - 128 + 1 = -118
  (func (export "store_offset") (param $p i32) (param $x i32) (result i32)
    (i32.store offset=255 (local.get $p) (local.get $x))
    (local.set $p (i32.sub (local.get $p) (i32.const 128)))
    (i32.add (i32.add (local.get $p) (i32.load offset=255 (i32.const 0))) (i32.const 1)))
  ;; [300] = -2^32 (both halves), then p = p + 4: -2^32 + 304 (from the low word at 304 - 4 = 300,
  ;; read as i64 and the stepped pointer added)
  (func (export "store64_step") (param $p i32) (param $x i64) (result i64)
    (i64.store (local.get $p) (local.get $x))
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (i64.add (i64.load (i32.const 300)) (i64.extend_i32_u (local.get $p))))
  (func (export "adds") (param $x i32) (result i32) (local $a i32)
    (local.set $a (i32.add (local.get $x) (i32.const 1)))
    (local.set $x (i32.sub (local.get $x) (i32.const -40)))
    (i32.add (i32.sub (local.get $x) (local.get $a)) (local.get $x)))
  (func (export "chained") (param $p i32) (result i32)
    (i32.add (i32.add (local.get $p) (i32.const 126)) (i32.const -128)))
  (func (export "negative") (param $p i32) (result i32)
    (i32.add (i32.add (local.get $p) (i32.const -128)) (i32.const -128)))
  (func (export "store_traps") (param $p i32) (result i32)
    (i32.store (local.get $p) (i32.const 1))
    (local.set $p (i32.add (local.get $p) (i32.const 4)))
    (i32.store (i32.const 12) (local.get $p))
    (local.get $p))
  (func (export "untouched") (result i32)
    (i32.load (i32.const 12)))
  (func $sum3 (param i32 i32 i32) (result i32)
    (i32.add (local.get 0) (i32.add (local.get 1) (local.get 2))))
  ;; 7 + 32 + -32768 (a copy and a constant, two constants, each sign-extended from 16 bits).
  (func (export "arguments") (param $p i32) (result i32)
    (call $sum3 (local.get $p) (i32.const 32) (i32.const -32768)))
  ;; The constant's register is the one just copied into: the constant wins.
  (func (export "const_over_copy") (param $p i32) (result i32) (local $x i32)
    (local.set $x (local.get $p))
    (local.set $x (i32.const 3))
    (local.get $x))
  (func (export "consts_same") (result i32) (local $x i32)
    (local.set $x (i32.const 1))
    (local.set $x (i32.const -2))
    (local.get $x)))
