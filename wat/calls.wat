;; Benchmark kernel: many small direct function calls (four calls per loop iteration, depth two).
;; calls(n) runs acc = step(acc, i) for i in 0..n, where step(acc, i) = mix(acc, inc(i)) + low(i),
;; and returns acc with the sign bit cleared.
(module
  (func $inc (param $x i32) (result i32)
    (i32.add (local.get $x) (i32.const 1)))
  (func $low (param $x i32) (result i32)
    (i32.and (local.get $x) (i32.const 15)))
  (func $mix (param $a i32) (param $b i32) (result i32)
    (i32.add (i32.xor (local.get $a) (local.get $b)) (i32.shl (local.get $a) (i32.const 1))))
  (func $step (param $acc i32) (param $i i32) (result i32)
    (i32.add
      (call $mix (local.get $acc) (call $inc (local.get $i)))
      (call $low (local.get $i))))
  (func (export "calls") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $next
        (local.set $acc (call $step (local.get $acc) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $next (i32.lt_s (local.get $i) (local.get $n)))))
    (i32.and (local.get $acc) (i32.const 0x7fffffff))))
