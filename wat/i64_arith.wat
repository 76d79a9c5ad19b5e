;; Benchmark kernel: i64 multiply/xor/shift/rotate mix, a splitmix64 generator folded into a checksum.
;; i64_arith(n) draws n splitmix64 outputs z and folds each with acc = rotl(acc, 5) ^ z, then
;; acc += z >>s 3. Returns acc with the sign bit cleared.
(module
  (func (export "i64_arith") (param $n i32) (result i64)
    (local $state i64) (local $z i64) (local $acc i64)
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $next
        (local.set $state (i64.add (local.get $state) (i64.const 0x9e3779b97f4a7c15)))
        (local.set $z (local.get $state))
        (local.set $z (i64.mul (i64.xor (local.get $z) (i64.shr_u (local.get $z) (i64.const 30)))
                               (i64.const 0xbf58476d1ce4e5b9)))
        (local.set $z (i64.mul (i64.xor (local.get $z) (i64.shr_u (local.get $z) (i64.const 27)))
                               (i64.const 0x94d049bb133111eb)))
        (local.set $z (i64.xor (local.get $z) (i64.shr_u (local.get $z) (i64.const 31))))
        (local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const 5)) (local.get $z)))
        (local.set $acc (i64.add (local.get $acc) (i64.shr_s (local.get $z) (i64.const 3))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $next (i32.ne (local.get $n) (i32.const 0)))))
    (i64.and (local.get $acc) (i64.const 0x7fffffffffffffff))))
