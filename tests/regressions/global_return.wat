;; A C function's epilogue (the stack pointer moved back up) and its return are one instruction
;; (rule global_return), which jump threading copies to the branches that lead to it. Each
;; function checks the result and that the stack pointer is back where it was, by every path.
;; invoke "check_result" i32:0 -> i32:65536
;; invoke "check_result" i32:5 -> i32:65548
;; invoke "check_result" i32:200 -> i32:65737
;; invoke "check_void" i32:9 -> i32:65545
;; invoke "check_deep" i32:10 -> i32:65591
(module
  (global $sp (mut i32) (i32.const 65536))
  (memory 2)
  ;; r = 0 if n == 0, n + 1 if that exceeds 100, else 2 (n + 1).
  (func $result (param $n i32) (result i32) (local $fp i32) (local $r i32)
    (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 16))))
    (i32.store offset=4 (local.get $fp) (local.get $n))
    (block $out
      (br_if $out (i32.eqz (local.get $n)))
      (local.set $r (i32.add (i32.load offset=4 (local.get $fp)) (i32.const 1)))
      (br_if $out (i32.gt_u (local.get $r) (i32.const 100)))
      (if (i32.lt_u (local.get $r) (i32.const 50))
        (then (local.set $r (i32.mul (local.get $r) (i32.const 2))) (br $out)))
      (local.set $r (i32.const -1)))
    (global.set $sp (i32.add (local.get $fp) (i32.const 16)))
    (local.get $r))
  (func $void (param $n i32) (local $fp i32)
    (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 32))))
    (i32.store (local.get $fp) (local.get $n))
    (global.set $sp (i32.add (local.get $fp) (i32.const 32))))
  ;; Recursion: each level's frame below its caller's, sum of n..1 plus the final stack pointer.
  (func $deep (param $n i32) (result i32) (local $fp i32) (local $r i32)
    (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 16))))
    (i32.store (local.get $fp) (local.get $n))
    (if (local.get $n)
      (then (local.set $r (i32.add (i32.load (local.get $fp))
                                   (call $deep (i32.sub (local.get $n) (i32.const 1)))))))
    (global.set $sp (i32.add (local.get $fp) (i32.const 16)))
    (local.get $r))
  (func (export "check_result") (param $n i32) (result i32)
    (i32.add (call $result (local.get $n)) (global.get $sp)))
  (func (export "check_void") (param $n i32) (result i32)
    (call $void (local.get $n))
    (i32.add (i32.load (i32.const 65504)) (global.get $sp)))
  (func (export "check_deep") (param $n i32) (result i32)
    (i32.add (call $deep (local.get $n)) (global.get $sp))))
