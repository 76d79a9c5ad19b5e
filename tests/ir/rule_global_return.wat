;; Rule global_return (src/translate/fuse.rs): a C function's epilogue, the stack pointer moved
;; back up (`GlobalSetAddRI`) right before the return, is one returning instruction with or without
;; a result; jump threading then puts it in place of the branches to it (the `return` statements).
;; Not for a `global.set` of anything else, or a label between the two (a loop head).
(module
  (global $sp (mut i32) (i32.const 65536))
  (memory 2)
  (func (export "result") (param $n i32) (result i32) (local $fp i32) (local $r i32)
    (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 16))))
    (i32.store offset=4 (local.get $fp) (local.get $n))
    (block $out
      (br_if $out (i32.eqz (local.get $n)))
      (local.set $r (i32.add (i32.load offset=4 (local.get $fp)) (i32.const 1)))
      (br_if $out (i32.gt_u (local.get $r) (i32.const 100)))
      (local.set $r (i32.mul (local.get $r) (i32.const 2))))
    (global.set $sp (i32.add (local.get $fp) (i32.const 16)))
    (local.get $r))
  (func (export "returns") (param $n i32) (result i32) (local $fp i32) (local $r i32)
    (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 16))))
    (block $out
      (if (local.get $n)
        (then
          (i32.store (local.get $fp) (local.get $n))
          (local.set $r (i32.load (local.get $fp)))
          (br $out)))
      (local.set $r (i32.const 7)))
    (global.set $sp (i32.add (local.get $fp) (i32.const 16)))
    (local.get $r))
  (func (export "void") (param $n i32) (local $fp i32)
    (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 32))))
    (i32.store (local.get $fp) (local.get $n))
    (global.set $sp (i32.add (local.get $fp) (i32.const 32))))
  (func (export "plain_set") (param $n i32) (result i32)
    (global.set $sp (local.get $n))
    (local.get $n))
  (func (export "label_between") (param $n i32) (result i32) (local $fp i32)
    (local.set $fp (global.get $sp))
    (global.set $sp (i32.add (local.get $fp) (i32.const 16)))
    (loop $l (result i32) (local.get $n))))
