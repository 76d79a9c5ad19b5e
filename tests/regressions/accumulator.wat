;; The tail-call dispatcher's accumulators: an instruction right after the one that produced its
;; operand reads that operand from a host register instead of the frame. These cases pin the
;; results where a wrong choice would show: a loop head (a branch target, reached from two places)
;; reading what the instruction before the loop wrote; the same value as both operands; the
;; second operand of non-commutative operations; f32 values (kept as bits) and f64 values (kept as
;; floats) crossing into integer instructions and back, with NaN payloads; select conditions,
;; store values, load and store addresses, branch conditions; an operand after a call; a trap
;; whose divisor came from the accumulator.
;;
;; invoke "loop_head" i32:5 -> i32:4515
;; invoke "two_back_edges" i32:5 -> i32:540005
;; invoke "counter_into_loop" i32:10 -> i32:45
;; invoke "square" f64:3 f64:4 -> f64:49
;; invoke "sub_rhs" i32:100 i32:6 i32:7 -> i32:58
;; invoke "shl_rhs" i32:1 i32:2 i32:3 -> i32:32
;; invoke "fsub_rhs" f64:100 f64:6 f64:7 -> f64:58
;; invoke "fdiv_rhs" f64:1 f64:2 f64:2 -> f64:0.25
;; invoke "f32_chain" f32:1.5 f32:2.5 f32:3 -> f32:12
;; invoke "f64_bits" f64:1 f64:1 -> i64:4611686018427387905
;; invoke "nan_payload" i64:9221120237041090561 -> i64:-2251799813685247
;; invoke "f32_nan_payload" i32:2139095041 -> i32:-8388607
;; invoke "select_cond" i32:3 i32:4 -> i32:10
;; invoke "select_cond" i32:4 i32:3 -> i32:20
;; invoke "store_load" i32:16 i32:5 -> i32:35
;; invoke "branch_cond" i32:7 i32:7 -> i32:1
;; invoke "branch_cond" i32:7 i32:8 -> i32:2
;; invoke "after_call" i32:10 -> i32:52
;; invoke "div_by_acc" i32:10 i32:3 -> trap integer divide by zero
;; invoke "i64_chain" i64:3 -> i64:-1
(module
  (memory 1)
  (func (export "loop_head") (param $n i32) (result i32)
    (local $x i32) (local $y i32) (local $i i32)
    (local.set $x (i32.const 500))
    (loop $l
      ;; the first instruction of the loop reads $x, which the instruction before the loop wrote;
      ;; on later iterations the last result computed was $y
      (local.set $x (i32.add (local.get $x) (i32.const 3)))
      (local.set $y (i32.mul (local.get $i) (i32.const 1000)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $i) (local.get $n))))
    (i32.add (local.get $x) (local.get $y)))
  (func (export "two_back_edges") (param $n i32) (result i32)
    ;; the loop head reads $x; one back-edge leaves $x in the accumulator, the other $y
    (local $x i32) (local $y i32)
    (local.set $x (i32.const 500))
    (loop $l
      (local.set $x (i32.add (local.get $x) (local.get $n)))
      (br_if $l (i32.lt_s (local.get $x) (i32.const 520)))
      (local.set $y (i32.add (local.get $y) (i32.const 1)))
      (br_if $l (i32.lt_s (local.get $y) (local.get $n))))
    (i32.add (i32.mul (local.get $x) (i32.const 1000)) (local.get $y)))
  (func (export "counter_into_loop") (param $n i32) (result i32)
    ;; both ways into the loop head (the i32.const before it, the counter step at its end) leave
    ;; $i in the accumulator, so the head may read it from there
    (local $i i32) (local $sum i32)
    (local.set $i (i32.const 0))
    (loop $l
      (local.set $sum (i32.add (local.get $sum) (local.get $i)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $sum))
  (func (export "square") (param $a f64) (param $b f64) (result f64)
    (local $t f64)
    (f64.mul (local.tee $t (f64.add (local.get $a) (local.get $b))) (local.get $t)))
  (func (export "sub_rhs") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (i32.sub (local.get $a) (i32.mul (local.get $b) (local.get $c))))
  (func (export "shl_rhs") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (i32.shl (local.get $a) (i32.add (local.get $b) (local.get $c))))
  (func (export "fsub_rhs") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.sub (local.get $a) (f64.mul (local.get $b) (local.get $c))))
  (func (export "fdiv_rhs") (param $a f64) (param $b f64) (param $c f64) (result f64)
    (f64.div (local.get $a) (f64.mul (local.get $b) (local.get $c))))
  (func (export "f32_chain") (param $a f32) (param $b f32) (param $c f32) (result f32)
    (f32.mul (f32.add (local.get $a) (local.get $b)) (local.get $c)))
  (func (export "f64_bits") (param $a f64) (param $b f64) (result i64)
    (i64.xor (i64.reinterpret_f64 (f64.add (local.get $a) (local.get $b))) (i64.const 1)))
  (func (export "nan_payload") (param $p i64) (result i64)
    ;; a quiet NaN with payload 1, negated: only the sign bit may change
    (i64.reinterpret_f64 (f64.neg (f64.reinterpret_i64 (i64.xor (local.get $p) (i64.const 0))))))
  (func (export "f32_nan_payload") (param $p i32) (result i32)
    ;; a signalling f32 NaN, negated through the accumulator: the payload stays
    (i32.reinterpret_f32 (f32.neg (f32.reinterpret_i32 (i32.or (local.get $p) (i32.const 0))))))
  (func (export "select_cond") (param $a i32) (param $b i32) (result i32)
    (select (i32.const 10) (i32.const 20) (i32.lt_s (local.get $a) (local.get $b))))
  (func (export "store_load") (param $p i32) (param $v i32) (result i32)
    (i32.store (i32.add (local.get $p) (i32.const 4)) (i32.mul (local.get $v) (i32.const 7)))
    (i32.load (i32.add (local.get $p) (i32.const 4))))
  (func (export "branch_cond") (param $a i32) (param $b i32) (result i32)
    (block $b
      (br_if $b (i32.eqz (i32.xor (local.get $a) (local.get $b))))
      (return (i32.const 2)))
    (i32.const 1))
  (func $forty_two (result i32) (i32.const 42))
  (func (export "after_call") (param $x i32) (result i32)
    (i32.add (call $forty_two) (local.get $x)))
  (func (export "div_by_acc") (param $a i32) (param $b i32) (result i32)
    (i32.div_s (local.get $a) (i32.sub (local.get $b) (local.get $b))))
  (func (export "i64_chain") (param $a i64) (result i64)
    (i64.sub (i64.mul (i64.add (local.get $a) (i64.const 1)) (i64.const 0)) (i64.const 1))))
