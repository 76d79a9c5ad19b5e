;; Rule load_add (src/translate/fuse.rs): an i32 load whose value only feeds an i32 add (of a
;; register, in either operand order, or of a constant, also as a subtraction) becomes one
;; I32LoadAddRR / I32LoadAddRI, and an i32.load8_u feeding an add of a register one I32Load8UAddRR
;; (bytes summed). Not when the loaded value is kept in a local (teed, or set and read twice), nor
;; with a constant and an offset past 16 bits, nor for a byte and a constant.
(module
  (memory 1)
  (func (export "add_rr") (param $p i32) (param $x i32) (result i32)
    (i32.add (i32.load offset=8 (local.get $p)) (local.get $x)))
  (func (export "add_rr_swapped") (param $p i32) (param $x i32) (result i32)
    (i32.add (local.get $x) (i32.load offset=8 (local.get $p))))
  (func (export "add_ri") (param $p i32) (result i32)
    (i32.add (i32.load offset=4 (local.get $p)) (i32.const 16)))
  (func (export "sub_ri") (param $p i32) (result i32)
    (i32.sub (i32.load (local.get $p)) (i32.const 1)))
  (func (export "kept") (param $p i32) (param $x i32) (result i32) (local $v i32)
    (i32.add (i32.add (local.tee $v (i32.load (local.get $p))) (local.get $x)) (local.get $v)))
  (func (export "doubled") (param $p i32) (result i32)
    (local.set $p (i32.load (local.get $p)))
    (i32.add (local.get $p) (local.get $p)))
  (func (export "far_offset") (param $p i32) (result i32)
    (i32.add (i32.load offset=65536 (local.get $p)) (i32.const 1)))
  (func (export "byte_rr") (param $p i32) (param $x i32) (result i32)
    (i32.add (local.get $x) (i32.load8_u offset=2 (local.get $p))))
  (func (export "byte_ri") (param $p i32) (result i32)
    (i32.add (i32.load8_u (local.get $p)) (i32.const 1))))
