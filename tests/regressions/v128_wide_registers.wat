;; v128 results whose temporaries would start on an odd cell go to even-cell "wide" registers past
;; the temporaries (translate/func.rs, `v128_dst`): two of them live at once, one teed into a
;; local, passed as a call argument and as a loop parameter (the producer retargeted to the
;; temporaries), and carried by br_if to a block result; each function once with an even and
;; once with an odd number of parameter cells before the v128s, so both parities of temporaries
;; are covered. Every result is stored above its address (the v128 one stack entry up) and
;; loaded back.
;;
;; invoke "two_live" i32:16 v128:0x00000004_00000003_00000002_00000001 v128:0x00000028_0000001e_00000014_0000000a -> v128:0x00000034_00000024_00000016_0000000a
;; invoke "two_live_odd" i32:0 i32:16 v128:0x00000004_00000003_00000002_00000001 v128:0x00000028_0000001e_00000014_0000000a -> v128:0x00000034_00000024_00000016_0000000a
;; invoke "tee" i32:0 i32:32 v128:0x00000004_00000003_00000002_00000001 -> v128:0x00000040_00000024_00000010_00000004
;; invoke "call_arg" i32:0 i32:48 v128:0x00000004_00000003_00000002_00000001 -> v128:0xfffffff8_fffffffa_fffffffc_fffffffe
;; invoke "call_arg_even" i32:48 v128:0x00000004_00000003_00000002_00000001 -> v128:0xfffffff8_fffffffa_fffffffc_fffffffe
;; invoke "loop_param" i32:0 i32:64 v128:0x00000004_00000003_00000002_00000001 -> v128:0x0000000c_00000009_00000006_00000003
;; invoke "block_br" i32:1 i32:80 v128:0x00000004_00000003_00000002_00000001 -> v128:0x00000008_00000006_00000004_00000002
;; invoke "block_br" i32:0 i32:80 v128:0x00000004_00000003_00000002_00000001 -> v128:0x00000004_00000003_00000002_00000001
(module
  (memory 1)
  (func $neg (param v128) (result v128) (i32x4.neg (local.get 0)))
  (func (export "two_live") (param $p i32) (param $a v128) (param $b v128) (result v128)
    (v128.store (local.get $p)
      (i32x4.add (i32x4.mul (local.get $a) (local.get $a)) (i32x4.sub (local.get $b) (local.get $a))))
    (v128.load (local.get $p)))
  (func (export "two_live_odd") (param $q i32) (param $p i32) (param $a v128) (param $b v128) (result v128)
    (v128.store (local.get $p)
      (i32x4.add (i32x4.mul (local.get $a) (local.get $a)) (i32x4.sub (local.get $b) (local.get $a))))
    (v128.load (local.get $p)))
  (func (export "tee") (param $q i32) (param $p i32) (param $a v128) (result v128) (local $x v128)
    (v128.store (local.get $p)
      (i32x4.mul (local.tee $x (i32x4.add (local.get $a) (local.get $a))) (local.get $x)))
    (v128.load (local.get $p)))
  (func (export "call_arg") (param $q i32) (param $p i32) (param $a v128) (result v128)
    (v128.store (local.get $p) (call $neg (i32x4.add (local.get $a) (local.get $a))))
    (v128.load (local.get $p)))
  (func (export "call_arg_even") (param $p i32) (param $a v128) (result v128)
    (v128.store (local.get $p) (call $neg (i32x4.add (local.get $a) (local.get $a))))
    (v128.load (local.get $p)))
  (func (export "loop_param") (param $q i32) (param $p i32) (param $a v128) (result v128)
    (local.get $p)
    (i32x4.add (local.get $a) (local.get $a))
    (loop (param v128) (result v128) (i32x4.add (local.get $a)))
    (v128.store)
    (v128.load (local.get $p)))
  (func (export "block_br") (param $q i32) (param $p i32) (param $a v128) (result v128)
    (v128.store (local.get $p)
      (block (result v128)
        (drop (br_if 0 (i32x4.add (local.get $a) (local.get $a)) (local.get $q)))
        (local.get $a)))
    (v128.load (local.get $p)))
)
