;; Benchmark kernel: an eight-state machine dispatched with `br_table`, one dispatch per step.
;; br_table(n) runs n steps from x = 1, state = 0; each state scrambles x its own way and picks the
;; next state (some fixed, some from bits of x); state 5 adds the remaining step count so the machine
;; never settles into a short cycle. Returns x with the sign bit cleared.
(module
  (func (export "br_table") (param $n i32) (result i32)
    (local $x i32) (local $s i32)
    (local.set $x (i32.const 1))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $step
        (block $end
          (block $c7 (block $c6 (block $c5 (block $c4 (block $c3 (block $c2 (block $c1 (block $c0
            (br_table $c0 $c1 $c2 $c3 $c4 $c5 $c6 $c7 $c7 (local.get $s)))
            ;; 0: x += golden; s = x >> 29
            (local.set $x (i32.add (local.get $x) (i32.const 0x9e3779b9)))
            (local.set $s (i32.shr_u (local.get $x) (i32.const 29)))
            (br $end))
            ;; 1: x ^= x << 13; s = 4
            (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 13))))
            (local.set $s (i32.const 4))
            (br $end))
            ;; 2: x ^= x >> 17; s = x & 7
            (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 17))))
            (local.set $s (i32.and (local.get $x) (i32.const 7)))
            (br $end))
            ;; 3: x = x * 5 + 1; s = 6
            (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 5)) (i32.const 1)))
            (local.set $s (i32.const 6))
            (br $end))
            ;; 4: x ^= x << 5; s = (x >> 7) & 7
            (local.set $x (i32.xor (local.get $x) (i32.shl (local.get $x) (i32.const 5))))
            (local.set $s (i32.and (i32.shr_u (local.get $x) (i32.const 7)) (i32.const 7)))
            (br $end))
            ;; 5: x += n (steps left); s = 0
            (local.set $x (i32.add (local.get $x) (local.get $n)))
            (local.set $s (i32.const 0))
            (br $end))
            ;; 6: x = rotl(x, 11); s = (x >> 3) & 7
            (local.set $x (i32.rotl (local.get $x) (i32.const 11)))
            (local.set $s (i32.and (i32.shr_u (local.get $x) (i32.const 3)) (i32.const 7)))
            (br $end))
          ;; 7: x -= 1; s = 2
          (local.set $x (i32.sub (local.get $x) (i32.const 1)))
          (local.set $s (i32.const 2)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $step (i32.ne (local.get $n) (i32.const 0)))))
    (i32.and (local.get $x) (i32.const 0x7fffffff))))
