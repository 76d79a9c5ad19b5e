;; A constant (within 16 bits), a copy or a step of a counter, then a branch on zero of another
;; register, is one instruction that sets the register and branches (rule set_branch): the set
;; happens whichever way the branch goes, and reads the condition before it writes (a copy tested
;; where it lands is tested at its source; a step tested where it lands is not joined). Each case runs both ways; `carried` keeps a value the
;; branch carries apart from the set before it.
;; invoke "const_nez" i32:1 -> i32:7
;; invoke "const_nez" i32:0 -> i32:9
;; invoke "const_negative" i32:0 -> i32:-32768
;; invoke "const_negative" i32:5 -> i32:1
;; invoke "copy_eqz" i32:0 i32:42 -> i32:42
;; invoke "copy_eqz" i32:3 i32:42 -> i32:51
;; invoke "copy_tested" i32:0 -> i32:0
;; invoke "copy_tested" i32:4 -> i32:13
;; invoke "copy_f64" i32:1 f64:2.5 -> f64:2.5
;; invoke "copy_f64" i32:0 f64:2.5 -> f64:9
;; invoke "copy_i64" i32:1 i64:-4294967296 -> i64:-4294967296
;; invoke "copy_i64" i32:0 i64:-4294967296 -> i64:8
;; invoke "same_register" i32:1 -> i32:9
;; invoke "carried" i32:1 i32:5 -> i32:5
;; invoke "carried" i32:0 i32:5 -> i32:105
;; invoke "carried_param" i32:1 i32:5 -> i32:5
;; invoke "carried_param" i32:0 i32:5 -> i32:105
;; invoke "loop_exit" i32:10 -> i32:45
;; invoke "step_nez" i32:1 i32:2147483647 -> i32:-2147483644
;; invoke "step_nez" i32:0 i32:2147483647 -> i32:9
;; invoke "sub_eqz" i32:0 i32:1 -> i32:-2
;; invoke "sub_eqz" i32:7 i32:1 -> i32:9
;; invoke "add_condition" i32:4 -> i32:5
;; invoke "add_condition" i32:0 -> i32:10
;; invoke "add_tested" i32:-1 -> i32:9
;; invoke "add_tested" i32:6 -> i32:7
(module
  (func (export "const_nez") (param $c i32) (result i32) (local $x i32)
    (block $b
      (local.set $x (i32.const 7))
      (br_if $b (local.get $c))
      (local.set $x (i32.add (local.get $x) (i32.const 2))))
    (local.get $x))
  (func (export "const_negative") (param $c i32) (result i32) (local $x i32)
    (block $b
      (local.set $x (i32.const -32768))
      (br_if $b (i32.eqz (local.get $c)))
      (local.set $x (i32.const 1)))
    (local.get $x))
  (func (export "copy_eqz") (param $c i32) (param $y i32) (result i32) (local $x i32)
    (block $b
      (local.set $x (local.get $y))
      (br_if $b (i32.eqz (local.get $c)))
      (local.set $x (i32.add (local.get $x) (i32.const 9))))
    (local.get $x))
  (func (export "copy_tested") (param $c i32) (result i32) (local $x i32)
    (block $b
      (br_if $b (i32.eqz (local.tee $x (local.get $c))))
      (local.set $x (i32.add (local.get $x) (i32.const 9))))
    (local.get $x))
  (func (export "copy_f64") (param $c i32) (param $y f64) (result f64) (local $x f64)
    (block $b
      (local.set $x (local.get $y))
      (br_if $b (local.get $c))
      (local.set $x (f64.const 9)))
    (local.get $x))
  (func (export "copy_i64") (param $c i32) (param $y i64) (result i64) (local $x i64)
    (block $b
      (local.set $x (local.get $y))
      (br_if $b (local.get $c))
      (local.set $x (i64.const 8)))
    (local.get $x))
  (func (export "same_register") (param $c i32) (result i32)
    (block $b
      (local.set $c (i32.const 0))
      (br_if $b (local.get $c))
      (local.set $c (i32.const 9)))
    (local.get $c))
  (func (export "carried") (param $c i32) (param $y i32) (result i32) (local $z i32)
    (block $b (result i32)
      (local.get $y)
      (local.set $y (i32.const 0))
      (br_if $b (local.get $c))
      (local.set $z)
      (i32.add (local.get $z) (i32.const 100))))
  ;; Sums 0..n-1; the exit test follows the copy of the next value, as in a loop's phi copies.
  (func (export "loop_exit") (param $n i32) (result i32) (local $i i32) (local $next i32) (local $sum i32)
    (block $done
      (loop $l
        (local.set $sum (i32.add (local.get $sum) (local.get $i)))
        (local.set $next (i32.add (local.get $i) (i32.const 1)))
        (local.set $i (local.get $next))
        (br_if $done (i32.eqz (i32.sub (local.get $n) (local.get $i))))
        (br $l)))
    (local.get $sum))
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
  (func (export "sub_eqz") (param $c i32) (param $x i32) (result i32)
    (block $b
      (local.set $x (i32.sub (local.get $x) (i32.const 3)))
      (br_if $b (i32.eqz (local.get $c)))
      (local.set $x (i32.const 9)))
    (local.get $x))
  ;; The add reads the register the branch tests (which it does not write).
  (func (export "add_condition") (param $c i32) (result i32) (local $x i32)
    (block $b
      (local.set $x (i32.add (local.get $c) (i32.const 1)))
      (br_if $b (local.get $c))
      (local.set $x (i32.add (local.get $x) (i32.const 9))))
    (local.get $x))
  (func (export "add_tested") (param $c i32) (result i32)
    (block $b
      (br_if $b (local.tee $c (i32.add (local.get $c) (i32.const 1))))
      (local.set $c (i32.const 9)))
    (local.get $c)))
