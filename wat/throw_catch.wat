;; Benchmark kernel: exception handling. throw_catch(n) runs n rounds; each calls a chain of ten
;; functions whose innermost throws an exception carrying (round, 7), which a `try_table` in the
;; round's loop catches. Returns the wrapping i64 sum of the caught payloads (round + 7 each).
(module
  (tag $e (param i32 i64))
  (func $f0 (param $i i32) (throw $e (local.get $i) (i64.const 7)))
  (func $f1 (param i32) (call $f0 (local.get 0)))
  (func $f2 (param i32) (call $f1 (local.get 0)))
  (func $f3 (param i32) (call $f2 (local.get 0)))
  (func $f4 (param i32) (call $f3 (local.get 0)))
  (func $f5 (param i32) (call $f4 (local.get 0)))
  (func $f6 (param i32) (call $f5 (local.get 0)))
  (func $f7 (param i32) (call $f6 (local.get 0)))
  (func $f8 (param i32) (call $f7 (local.get 0)))
  (func $f9 (param i32) (call $f8 (local.get 0)))
  (func (export "throw_catch") (param $n i32) (result i64)
    (local $i i32) (local $sum i64) (local $a i32) (local $b i64)
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $next
        (block $caught (result i32 i64)
          (try_table (catch $e $caught)
            (call $f9 (local.get $i)))
          ;; Never reached: $f0 always throws.
          (unreachable))
        (local.set $b)
        (local.set $a)
        (local.set $sum (i64.add (local.get $sum) (i64.add (local.get $b) (i64.extend_i32_u (local.get $a)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $next (i32.lt_s (local.get $i) (local.get $n)))))
    (local.get $sum)))
