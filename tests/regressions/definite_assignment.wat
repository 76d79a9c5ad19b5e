;; The definite assignment of locals (translate/assigned.rs): a local whose every read follows a
;; write on every path from the entry starts with whatever its cell held, any other at zero. Each
;; export first fills the cells the next frame takes with non-zero values, then calls the function
;; under test, so a local left unzeroed where a path reads it unwritten shows.
;; invoke "blocks" i32:0 -> i32:2
;; invoke "blocks" i32:1 -> i32:1
;; invoke "blocks" i32:2 -> i32:10
;; invoke "ifs" i32:0 -> i32:200
;; invoke "ifs" i32:1 -> i32:110
;; invoke "table" i32:0 -> i32:0
;; invoke "table" i32:1 -> i32:5
;; invoke "table" i32:2 -> i32:7
;; invoke "table" i32:9 -> i32:0
;; invoke "looped" i32:1 -> i32:0
;; invoke "looped" i32:4 -> i32:3
;; invoke "caught" i32:0 -> i32:30
;; invoke "caught" i32:1 -> i32:0
;; invoke "legacy" i32:0 -> i32:40
;; invoke "legacy" i32:1 -> i32:4
;; invoke "nested" i32:0 -> i32:0
;; invoke "nested" i32:1 -> i32:3
;; invoke "nested" i32:2 -> i32:7
;; invoke "wide" i32:0 -> i64:0
;; invoke "wide" i32:1 -> i64:9
(module
  (tag $e)
  ;; Fills the cells the next call's frame takes with non-zero values.
  (func $dirty (local i32 i32 i32 i32 i32 i32 i32 i32 v128 v128)
    (local.set 0 (i32.const -1)) (local.set 1 (i32.const -1)) (local.set 2 (i32.const -1))
    (local.set 3 (i32.const -1)) (local.set 4 (i32.const -1)) (local.set 5 (i32.const -1))
    (local.set 6 (i32.const -1)) (local.set 7 (i32.const -1))
    (local.set 8 (v128.const i32x4 -1 -1 -1 -1)) (local.set 9 (v128.const i32x4 -1 -1 -1 -1))
    (drop (i32.add (local.get 0) (local.get 7))))
  (func $throw_if (param $c i32)
    (if (local.get $c) (then (throw $e))))
  ;; $a is written on both ways out of the inner block (no zero); $b only when no `br_if` leaves
  ;; first (zero).
  (func $blocks (param $c i32) (result i32) (local $a i32) (local $b i32)
    (block $out
      (block $in
        (local.set $a (i32.const 10))
        (br_if $out (i32.eq (local.get $c) (i32.const 2)))
        (br_if $in (local.get $c))
        (local.set $b (i32.const 1)))
      (local.set $a (i32.sub (local.get $a) (i32.const 9))))
    (i32.add (local.get $a) (local.get $b)))
  (func (export "blocks") (param $c i32) (result i32)
    (call $dirty)
    (call $blocks (local.get $c)))
  ;; $a is written in both arms (no zero), $b in one arm of an `if` without `else` (zero).
  (func $ifs (param $c i32) (result i32) (local $a i32) (local $b i32)
    (if (local.get $c)
      (then (local.set $a (i32.const 100)) (local.set $b (i32.const 10)))
      (else (local.set $a (i32.const 200))))
    (if (local.get $c) (then (local.set $b (i32.add (local.get $b) (i32.const 0)))))
    (i32.add (local.get $a) (local.get $b)))
  (func (export "ifs") (param $c i32) (result i32)
    (call $dirty)
    (call $ifs (local.get $c)))
  ;; A `br_table` whose default leaves before $r is written, and a target after.
  (func $table (param $c i32) (result i32) (local $r i32)
    (block $done
      (block $two
        (block $one
          (block $zero
            (br_table $zero $one $two $done (local.get $c)))
          (local.set $r (i32.const 0))
          (br $done))
        (local.set $r (i32.const 5))
        (br $done))
      (local.set $r (i32.const 7)))
    (local.get $r))
  (func (export "table") (param $c i32) (result i32)
    (call $dirty)
    (call $table (local.get $c)))
  ;; $p is read at the loop's head before the body writes it: its first round reads zero.
  (func $looped (param $n i32) (result i32) (local $p i32) (local $acc i32) (local $i i32)
    (local.set $acc (i32.const 0))
    (local.set $i (i32.const 0))
    (loop $l
      (local.set $acc (i32.add (local.get $acc) (local.get $p)))
      (local.set $p (local.get $i))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))
  (func (export "looped") (param $n i32) (result i32)
    (call $dirty)
    (call $looped (local.get $n)))
  ;; A `try_table` whose catch goes on where $w, written in the body after a call that may throw,
  ;; is read: it must start at zero. $v is written before the `try_table` (no zero).
  (func $caught (param $c i32) (result i32) (local $v i32) (local $w i32)
    (local.set $v (i32.const 10))
    (block $h
      (try_table (catch $e $h)
        (call $throw_if (local.get $c))
        (local.set $w (i32.const 20))))
    (if (result i32) (local.get $c)
      (then (local.get $w))
      (else (i32.add (local.get $v) (local.get $w)))))
  (func (export "caught") (param $c i32) (result i32)
    (call $dirty)
    (call $caught (local.get $c)))
  ;; The same with a legacy `try`: the handler reads $w, written after the throwing call.
  (func $legacy (param $c i32) (result i32) (local $v i32) (local $w i32)
    (local.set $v (i32.const 4))
    try
      (call $throw_if (local.get $c))
      (local.set $w (i32.const 36))
    catch $e
      (local.set $v (i32.add (local.get $v) (local.get $w)))
    end
    (i32.add (local.get $v) (local.get $w)))
  (func (export "legacy") (param $c i32) (result i32)
    (call $dirty)
    (call $legacy (local.get $c)))
  ;; A branch out of two blocks before the write, from inside an inner one.
  (func $nested (param $c i32) (result i32) (local $x i32)
    (block $outer
      (block $inner
        (br_if $outer (i32.eqz (local.get $c)))
        (local.set $x (i32.const 3))
        (br_if $inner (i32.eq (local.get $c) (i32.const 1)))
        (local.set $x (i32.const 7))))
    (local.get $x))
  (func (export "nested") (param $c i32) (result i32)
    (call $dirty)
    (call $nested (local.get $c)))
  ;; A `v128` local written in one arm of an `if` only.
  (func $wide (param $c i32) (result i64) (local $v v128)
    (if (local.get $c) (then (local.set $v (v128.const i64x2 4 5))))
    (i64.add (i64x2.extract_lane 0 (local.get $v)) (i64x2.extract_lane 1 (local.get $v))))
  (func (export "wide") (param $c i32) (result i64)
    (call $dirty)
    (call $wide (local.get $c))))
