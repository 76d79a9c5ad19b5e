;; Benchmark kernel: byte stores over 1 MiB of linear memory, then a loop loading and summing the bytes.
;; memfill(n) repeats n passes; pass p stores (i * i + p) & 255 at byte i and adds every byte back into
;; a wrapping i32 sum. Returns the sum with the sign bit cleared.
(module
  (memory 16)
  (func (export "memfill") (param $n i32) (result i32)
    (local $p i32) (local $i i32) (local $sum i32)
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $pass
        ;; fill: mem[i] = i * i + p (store8 keeps the low byte)
        (local.set $i (i32.const 0))
        (loop $fill
          (i32.store8 (local.get $i) (i32.add (i32.mul (local.get $i) (local.get $i)) (local.get $p)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $fill (i32.lt_u (local.get $i) (i32.const 1048576))))
        ;; sum: sum += mem[i]
        (local.set $i (i32.const 0))
        (loop $load
          (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $i))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $load (i32.lt_u (local.get $i) (i32.const 1048576))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br_if $pass (i32.lt_s (local.get $p) (local.get $n)))))
    (i32.and (local.get $sum) (i32.const 0x7fffffff))))
