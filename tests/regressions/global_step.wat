;; The stack-pointer instructions fused from global.get/global.set and an i32 add or subtract of a
;; constant (rules global_add, global_step, global_set_add): a recursive C-like function moves
;; the stack-pointer global down on entry and back up on exit, keeping values in its frame; the
;; arithmetic wraps at 32 bits (the global starts near 0 and near 2^32), and the global must end
;; where it started.
;; invoke "sum_frames" i32:10 -> i32:55
;; invoke "sp" -> i32:64
;; invoke "wrap_down" -> i32:-16
;; invoke "sp" -> i32:-16
;; invoke "wrap_up" -> i32:16
;; invoke "sp" -> i32:16
;; invoke "peek" -> i32:-2147483632
(module
  (global $sp (mut i32) (i32.const 64))
  (memory 1)
  (func $sum_frames (export "sum_frames") (param $n i32) (result i32) (local $fp i32) (local $r i32)
    (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 4))))
    (i32.store (i32.and (local.get $fp) (i32.const 0xfffc)) (local.get $n))
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then (local.set $r (call $sum_frames (i32.sub (local.get $n) (i32.const 1))))))
    (local.set $r (i32.add (local.get $r) (i32.load (i32.and (local.get $fp) (i32.const 0xfffc)))))
    (global.set $sp (i32.add (local.get $fp) (i32.const 4)))
    (local.get $r))
  (func (export "sp") (result i32) (global.get $sp))
  (func (export "wrap_down") (result i32) (local $fp i32)
    (global.set $sp (i32.const 0))
    (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 16))))
    (local.get $fp))
  (func (export "wrap_up") (result i32)
    (global.set $sp (i32.add (global.get $sp) (i32.const 32)))
    (global.get $sp))
  (func (export "peek") (result i32)
    (i32.add (global.get $sp) (i32.const 0x7fffffff))
    (i32.const 1)
    (i32.add)))
