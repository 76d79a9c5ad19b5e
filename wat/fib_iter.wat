;; Benchmark kernel: iterative Fibonacci over i64 with wrapping adds, n steps of (a, b) := (b, a + b).
;; fib_iter(n) returns fib(n) mod 2^64 with the sign bit cleared, so every runtime prints it the same way.
(module
  (func (export "fib_iter") (param $n i64) (result i64)
    (local $a i64) (local $b i64) (local $t i64)
    (local.set $b (i64.const 1))
    (block $done
      (br_if $done (i64.le_s (local.get $n) (i64.const 0)))
      (loop $next
        (local.set $t (i64.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br_if $next (i64.ne (local.get $n) (i64.const 0)))))
    (i64.and (local.get $a) (i64.const 0x7fffffffffffffff))))
