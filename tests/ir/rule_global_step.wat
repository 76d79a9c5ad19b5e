;; Rule global_step (src/translate/fuse.rs): a GlobalGetAddRI whose result is stored back into the
;; same global becomes one GlobalStepRI: the whole stack-pointer bump of a C function's prologue,
;; the new value kept in a local. Not when the result goes to another global.
(module
  (global $sp (mut i32) (i32.const 1024))
  (global $other (mut i32) (i32.const 0))
  (memory 1)
  (func (export "prologue") (result i32) (local $fp i32)
    (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 32))))
    (i32.store (local.get $fp) (i32.const 7))
    (i32.load (local.get $fp)))
  (func (export "other_global") (result i32) (local $fp i32)
    (global.set $other (local.tee $fp (i32.sub (global.get $sp) (i32.const 32))))
    (local.get $fp)))
