;; Benchmark kernel: `fib_tail` with real tail calls: accumulator-style Fibonacci whose recursive step
;; is a `return_call`, so each step replaces its frame instead of pushing one. fib_tail_call(n) runs
;; go(32 + (i & 31), 0, 1) for i in 0..n and returns the wrapping i64 sum of the results with the sign
;; bit cleared (the same result as fib_tail.wat).
(module
  (func $go (param $k i32) (param $a i64) (param $b i64) (result i64)
    (if (result i64) (i32.eqz (local.get $k))
      (then (local.get $a))
      (else
        (return_call $go
          (i32.sub (local.get $k) (i32.const 1))
          (local.get $b)
          (i64.add (local.get $a) (local.get $b))))))
  (func (export "fib_tail_call") (param $n i32) (result i64)
    (local $i i32) (local $sum i64)
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $next
        (local.set $sum
          (i64.add (local.get $sum)
            (call $go
              (i32.add (i32.const 32) (i32.and (local.get $i) (i32.const 31)))
              (i64.const 0) (i64.const 1))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $next (i32.lt_s (local.get $i) (local.get $n)))))
    (i64.and (local.get $sum) (i64.const 0x7fffffffffffffff))))
