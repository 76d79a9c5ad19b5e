;; v128 values: a v128 is two adjacent cells (low half at r, high half at r + 1), so a v128
;; parameter or local takes two registers and shifts the locals after it (`$a` is r4, `$b` r5-r6,
;; `$c` r7); a whole v128 moves with one CopyV128 (local.set/tee of an adjacent pair), a v128
;; constant is a pair of constant cells, and calls, blocks, branches and returns carry v128s as
;; cells (spans of twice the length). A fusion must never retarget a v128-writing instruction's
;; destination: `local.set $b (i32x4.add …)` stays an add into temporaries plus a CopyV128.
(module
  (func $f (param v128 i32) (result v128)
    (local $a i32) (local $b v128) (local $c f64)
    (local.set $a (i32.const 5))
    (local.set $b (i32x4.add (local.get 0) (local.tee $b (local.get 0))))
    (local.set $c (f64.const 1))
    (block (result v128)
      (local.get $b)
      (br_if 0 (local.get 1))
      (drop)
      (v128.const i32x4 1 2 3 4))
    (select (local.get $b) (local.get 1))
    (call $f (i32.const 0))))
