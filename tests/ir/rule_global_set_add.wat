;; Rule global_set_add (src/translate/fuse.rs): an i32 add or subtract of a constant whose result
;; only feeds a global.set becomes one GlobalSetAddRI (a C function's epilogue, which moves the
;; stack pointer back up). Not when the sum is also kept in a local.
(module
  (global $sp (mut i32) (i32.const 1024))
  (func (export "epilogue") (param $fp i32)
    (global.set $sp (i32.add (local.get $fp) (i32.const 32))))
  (func (export "sub") (param $fp i32)
    (global.set $sp (i32.sub (local.get $fp) (i32.const 32))))
  (func (export "sum_kept") (param $fp i32) (result i32) (local $y i32)
    (global.set $sp (local.tee $y (i32.add (local.get $fp) (i32.const 32))))
    (local.get $y)))
