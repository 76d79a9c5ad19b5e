;; Benchmark kernel: a bare counting loop, the cheapest possible loop body (add + compare + branch).
;; count(n) counts i from 0 to n and returns the final counter, so the result is n itself.
(module
  (func (export "count") (param $n i32) (result i32)
    (local $i i32)
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $next
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $next (i32.lt_s (local.get $i) (local.get $n)))))
    (local.get $i)))
