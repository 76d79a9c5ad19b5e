;; Wide arithmetic: `i64.add128`/`i64.sub128` become a high-half instruction and a plain add/sub,
;; which must not clobber an operand the other half still reads; `i64.mul_wide_*` writes two
;; registers from operands that may live in them. Operands come from locals, temporaries and
;; constants, and results go to locals through `local.set` (which folds into the producer).
;;
;; invoke "add" i64:-1 i64:0 i64:1 i64:0 -> i64:0 i64:1
;; invoke "add" i64:-1 i64:-1 i64:1 i64:0 -> i64:0 i64:0
;; invoke "sub" i64:0 i64:0 i64:1 i64:0 -> i64:-1 i64:-1
;; invoke "sub" i64:0 i64:5 i64:1 i64:0 -> i64:-1 i64:4
;; invoke "add_const" i64:-2 -> i64:0 i64:1
;; invoke "add_temps" i64:-1 i64:1 -> i64:0 i64:1
;; invoke "swap_halves" i64:-1 i64:7 -> i64:8 i64:-1
;; invoke "sum_into_locals" i64:-1 i64:2 -> i64:1 i64:2
;; invoke "sub_self_hi" i64:3 i64:4 -> i64:-1 i64:-1
;; invoke "mul_s" i64:-1 i64:2 -> i64:-2 i64:-1
;; invoke "mul_u" i64:-1 i64:2 -> i64:-2 i64:1
;; invoke "mul_s" i64:-9223372036854775808 i64:-9223372036854775808 -> i64:0 i64:4611686018427387904
;; invoke "mul_u_temps" i64:4294967296 i64:4294967296 -> i64:0 i64:1
;; invoke "square_hi_lo" i64:-1 -> i64:1 i64:-2
;; invoke "fact128_hi" i64:25 -> i64:840864
(module
  (func (export "add") (param i64 i64 i64 i64) (result i64 i64)
    (i64.add128 (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "sub") (param i64 i64 i64 i64) (result i64 i64)
    (i64.sub128 (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  ;; x + 2 with a constant 128-bit right-hand side
  (func (export "add_const") (param i64) (result i64 i64)
    (i64.add128 (local.get 0) (i64.const 0) (i64.const 2) (i64.const 0)))
  ;; operands computed into temporaries
  (func (export "add_temps") (param i64 i64) (result i64 i64)
    (i64.add128 (i64.add (local.get 0) (i64.const 0)) (i64.mul (local.get 0) (i64.const 0))
                (i64.add (local.get 1) (i64.const 0)) (i64.const 0)))
  ;; (hi=a, lo=b) + (hi=0, lo=1), the results swapped through locals
  (func (export "swap_halves") (param $a i64) (param $b i64) (result i64 i64)
    (local $lo i64) (local $hi i64)
    (i64.add128 (local.get $b) (local.get $a) (i64.const 1) (i64.const 0))
    (local.set $hi)
    (local.set $lo)
    (local.get $lo) (local.get $hi))
  ;; results stored back into the locals they were read from
  (func (export "sum_into_locals") (param $a i64) (param $b i64) (result i64 i64)
    (i64.add128 (local.get $a) (local.get $b) (local.get $b) (local.get $a))
    (local.set $b)
    (local.set $a)
    (local.get $a) (local.get $b))
  ;; the same local as several operands: (4:3) - (4:4) = -1
  (func (export "sub_self_hi") (param $a i64) (param $b i64) (result i64 i64)
    (i64.sub128 (local.get $a) (local.get $b) (local.get $b) (local.get $b)))
  (func (export "mul_s") (param i64 i64) (result i64 i64)
    (i64.mul_wide_s (local.get 0) (local.get 1)))
  (func (export "mul_u") (param i64 i64) (result i64 i64)
    (i64.mul_wide_u (local.get 0) (local.get 1)))
  (func (export "mul_u_temps") (param i64 i64) (result i64 i64)
    (i64.mul_wide_u (i64.add (local.get 0) (i64.const 0)) (i64.add (local.get 1) (i64.const 0))))
  ;; (2^64-1)^2 = 2^128 - 2^65 + 1: results into the operand local
  (func (export "square_hi_lo") (param $x i64) (result i64 i64)
    (local $hi i64)
    (i64.mul_wide_u (local.get $x) (local.get $x))
    (local.set $hi)
    (local.set $x)
    (local.get $x) (local.get $hi))
  ;; the high 64 bits of 25! computed in 128 bits (25! = 842 * 2^64 + ...)
  (func (export "fact128_hi") (param $n i64) (result i64)
    (local $lo i64) (local $hi i64) (local $plo i64) (local $phi i64)
    (local.set $lo (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i64.eqz (local.get $n)))
        ;; (hi:lo) * n = lo*n (wide) + (hi*n << 64)
        (i64.mul_wide_u (local.get $lo) (local.get $n))
        (local.set $phi)
        (local.set $plo)
        (i64.add128 (local.get $plo) (local.get $phi) (i64.const 0) (i64.mul (local.get $hi) (local.get $n)))
        (local.set $hi)
        (local.set $lo)
        (local.set $n (i64.sub (local.get $n) (i64.const 1)))
        (br $next)))
    (local.get $hi)))
