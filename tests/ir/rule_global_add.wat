;; Rule global_add (src/translate/fuse.rs): a global.get whose value only feeds an i32 add or
;; subtract of a constant becomes one GlobalGetAddRI (a C function's frame address below the
;; stack pointer). Not when the value is kept in a local, nor across a label.
(module
  (global $sp (mut i32) (i32.const 1024))
  (func (export "sub") (result i32)
    (i32.sub (global.get $sp) (i32.const 16)))
  (func (export "add_into_local") (result i32) (local $fp i32)
    (local.set $fp (i32.add (global.get $sp) (i32.const 8)))
    (local.get $fp))
  (func (export "value_kept") (result i32) (local $x i32)
    (local.set $x (global.get $sp))
    (i32.add (i32.add (local.get $x) (i32.const 4)) (local.get $x)))
  (func (export "label_between") (result i32)
    (global.get $sp)
    (loop (param i32) (result i32)
      (i32.const 16)
      (i32.sub))))
