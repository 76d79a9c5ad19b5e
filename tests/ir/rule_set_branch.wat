;; Rule set_branch (src/translate/fuse.rs): a constant (within 16 bits) or a copy into a register,
;; or a step of a register by a constant (within 16 bits), then a branch on zero of another
;; register, becomes one instruction that sets the register and branches. A copy tested where it
;; lands is tested at its source. Not for a constant or a step into the register tested, an add
;; into another register, a wider constant, or across a label; and a later copy of the value set
;; is not folded into the branch.
(module
  (func (export "const_nez") (param $c i32) (result i32) (local $x i32)
    (block $b
      (local.set $x (i32.const 7))
      (br_if $b (local.get $c))
      (local.set $x (i32.const 9)))
    (local.get $x))
  (func (export "copy_eqz") (param $c i32) (param $y i32) (result i32) (local $x i32)
    (block $b
      (local.set $x (local.get $y))
      (br_if $b (i32.eqz (local.get $c)))
      (local.set $x (i32.const 9)))
    (local.get $x))
  (func (export "copy_tested") (param $c i32) (result i32) (local $x i32)
    (block $b
      (br_if $b (i32.eqz (local.tee $x (local.get $c))))
      (local.set $x (i32.const 9)))
    (local.get $x))
  (func (export "copy_f64") (param $c i32) (param $y f64) (result f64) (local $x f64)
    (block $b
      (local.set $x (local.get $y))
      (br_if $b (local.get $c))
      (local.set $x (f64.const 9)))
    (local.get $x))
  (func (export "same_register") (param $c i32) (result i32)
    (block $b
      (local.set $c (i32.const 0))
      (br_if $b (local.get $c))
      (local.set $c (i32.const 9)))
    (local.get $c))
  (func (export "wide_constant") (param $c i32) (result i32) (local $x i32)
    (block $b
      (local.set $x (i32.const 70000))
      (br_if $b (local.get $c))
      (local.set $x (i32.const 9)))
    (local.get $x))
  (func (export "label_between") (param $c i32) (result i32) (local $x i32)
    (block $b
      (local.set $x (i32.const 7))
      (loop $l (br_if $b (local.get $c)))
      (local.set $x (i32.const 9)))
    (local.get $x))
  ;; The copy into the value the branch carries (the inner block's parameter) stays apart from
  ;; the later copy of it: folding that copy into the branch would move the value.
  (func (export "carried_param") (param $c i32) (param $y i32) (result i32) (local $z i32)
    (block $b (result i32)
      (local.get $y)
      (block (param i32) (result i32)
        (br_if $b (local.get $c))
        (local.set $z)
        (i32.add (local.get $z) (i32.const 100)))))
  (func (export "step_nez") (param $c i32) (param $x i32) (result i32)
    (block $b
      (local.set $x (i32.add (local.get $x) (i32.const 5)))
      (br_if $b (local.get $c))
      (local.set $x (i32.const 9)))
    (local.get $x))
  (func (export "add_other") (param $c i32) (param $y i32) (result i32) (local $x i32)
    (block $b
      (local.set $x (i32.add (local.get $y) (i32.const 5)))
      (br_if $b (local.get $c))
      (local.set $x (i32.const 9)))
    (local.get $x))
  (func (export "sub_eqz") (param $c i32) (param $x i32) (result i32)
    (block $b
      (local.set $x (i32.sub (local.get $x) (i32.const 3)))
      (br_if $b (i32.eqz (local.get $c)))
      (local.set $x (i32.const 9)))
    (local.get $x))
  (func (export "add_tested") (param $c i32) (result i32)
    (block $b
      (br_if $b (local.tee $c (i32.add (local.get $c) (i32.const 1))))
      (local.set $c (i32.const 9)))
    (local.get $c))
  (func (export "add_wide") (param $c i32) (param $x i32) (result i32)
    (block $b
      (local.set $x (i32.add (local.get $x) (i32.const 70000)))
      (br_if $b (local.get $c))
      (local.set $x (i32.const 9)))
    (local.get $x)))
