;; Locals that need not start at zero (translate/assigned.rs, func.rs `order_locals`): a local
;; written on every path from the entry before any read is left out of the frame's zeroing, and
;; the locals that must start at zero move before it when that spares a call some zeroing
;; (definite_assignment.wat has the paths). Each export first fills the cells the next frame
;; takes with non-zero values, then calls the function under test.
;; invoke "skip" i32:0 -> i32:1027
;; invoke "skip" i32:1 -> i32:1000
;; invoke "looped" i32:3 -> i32:21
;; invoke "looped" i32:0 -> i32:3
;; invoke "wide" i32:0 -> i64:13
;; invoke "wide" i32:1 -> i64:1083
;; invoke "again" i32:0 -> i32:0
;; invoke "again" i32:5 -> i32:0
;; invoke "dead" i32:0 -> i32:0
;; invoke "dead" i32:1 -> i32:0
(module
  ;; Fills the cells the next call's frame takes with non-zero values.
  (func $dirty (local i32 i32 i32 i32 i32 i32 i32 i32 v128 v128)
    (local.set 0 (i32.const -1)) (local.set 1 (i32.const -1)) (local.set 2 (i32.const -1))
    (local.set 3 (i32.const -1)) (local.set 4 (i32.const -1)) (local.set 5 (i32.const -1))
    (local.set 6 (i32.const -1)) (local.set 7 (i32.const -1))
    (local.set 8 (v128.const i32x4 -1 -1 -1 -1)) (local.set 9 (v128.const i32x4 -1 -1 -1 -1))
    (drop (i32.add (local.get 0) (local.get 7))))
  ;; $w1..$w4 are written first outside any block: they need no zero; $x is written in a block
  ;; a branch leaves first, $y in an `if`: both start at zero, and move before the others.
  (func $skip (param $c i32) (result i32)
    (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $w4 i32) (local $x i32) (local $y i32)
    (local.set $w1 (i32.const 100)) (local.set $w2 (i32.const 200))
    (local.set $w3 (i32.const 300)) (local.set $w4 (i32.const 400))
    (block (br_if 0 (local.get $c)) (local.set $x (i32.const 7)))
    (if (i32.eqz (local.get $c)) (then (local.set $y (i32.const 20))))
    (i32.add (i32.add (i32.add (local.get $w1) (local.get $w2)) (i32.add (local.get $w3) (local.get $w4)))
      (i32.add (local.get $x) (local.get $y))))
  (func (export "skip") (param $c i32) (result i32)
    (call $dirty)
    (call $skip (local.get $c)))
  ;; In a loop: $t1..$t4 are written first at the top of the body (no zero), $acc read first.
  (func $looped (param $n i32) (result i32)
    (local $t1 i32) (local $t2 i32) (local $t3 i32) (local $t4 i32) (local $acc i32)
    (loop $l
      (local.set $t1 (i32.mul (local.get $n) (i32.const 2)))
      (local.set $t2 (i32.add (local.get $t1) (i32.const 1)))
      (local.set $t3 (i32.add (local.get $t2) (i32.const 1)))
      (local.set $t4 (i32.add (local.get $t3) (i32.const 1)))
      (local.set $acc (i32.add (local.get $acc) (local.get $t4)))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (i32.gt_s (local.get $n) (i32.const 0))))
    (local.get $acc))
  (func (export "looped") (param $n i32) (result i32)
    (call $dirty)
    (call $looped (local.get $n)))
  ;; `v128` locals keep their two cells together when the locals move: $v and $v2 need no
  ;; zero, $a and $u do.
  (func $wide (param $c i32) (result i64) (local $v v128) (local $v2 v128) (local $a i32) (local $u v128)
    (local.set $v (v128.const i64x2 5 6))
    (local.set $v2 (v128.const i64x2 7 8))
    (if (local.get $c) (then (local.set $a (i32.const 1000)) (local.set $u (v128.const i64x2 30 40))))
    (i64.add
      (i64.add (i64x2.extract_lane 0 (local.get $v)) (i64x2.extract_lane 1 (local.get $v2)))
      (i64.add (i64.extend_i32_u (local.get $a))
        (i64.add (i64x2.extract_lane 0 (local.get $u)) (i64x2.extract_lane 1 (local.get $u))))))
  (func (export "wide") (param $c i32) (result i64)
    (call $dirty)
    (call $wide (local.get $c)))
  ;; A tail call to itself zeroes again the locals that must start at zero: $r is read before
  ;; it is written, so the last round returns 0, not what the round before left.
  (func $again (param $k i32) (result i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $s4 i32) (local $r i32)
    (local.set $s1 (i32.const 9)) (local.set $s2 (i32.const 1))
    (local.set $s3 (i32.const 2)) (local.set $s4 (i32.const 3))
    (if (i32.eqz (local.get $k)) (then (return (local.get $r))))
    (local.set $r (i32.add (local.get $k) (i32.add (local.get $s1) (local.get $s4))))
    (return_call $again (i32.sub (local.get $k) (i32.add (local.get $s2) (i32.sub (local.get $s3) (i32.const 2))))))
  (func (export "again") (param $k i32) (result i32)
    (call $dirty)
    (call $again (local.get $k)))
  ;; A first write in code no branch reaches (after `br`) counts as a read.
  (func $dead (param $c i32) (result i32) (local $z i32)
    (block (br_if 0 (local.get $c)) (br 0) (local.set $z (i32.const 3)))
    (local.get $z))
  (func (export "dead") (param $c i32) (result i32)
    (call $dirty)
    (call $dead (local.get $c))))
