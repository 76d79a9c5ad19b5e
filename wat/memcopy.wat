;; Benchmark kernel: memory copies, an i64 load/store loop plus the bulk `memory.copy` instruction.
;; Region A = bytes [0, 65536), region B = [65536, 131072). A starts as a byte pattern; each of the n
;; passes copies A to B eight bytes at a time, memory.copy's B[0..65535) back to A[1..65536) (a one-byte
;; shift) and stores the pass number's low byte at A[0]. Returns the wrapping i64 sum of A's 8-byte
;; words with the sign bit cleared.
(module
  (memory 2)
  (func (export "memcopy") (param $n i32) (result i64)
    (local $p i32) (local $i i32) (local $sum i64)
    ;; A[i] = i * 7 + 3
    (loop $init
      (i32.store8 (local.get $i) (i32.add (i32.mul (local.get $i) (i32.const 7)) (i32.const 3)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $init (i32.lt_u (local.get $i) (i32.const 65536))))
    (block $done
      (br_if $done (i32.le_s (local.get $n) (i32.const 0)))
      (loop $pass
        (local.set $i (i32.const 0))
        (loop $copy
          (i64.store offset=65536 (local.get $i) (i64.load (local.get $i)))
          (local.set $i (i32.add (local.get $i) (i32.const 8)))
          (br_if $copy (i32.lt_u (local.get $i) (i32.const 65536))))
        (memory.copy (i32.const 1) (i32.const 65536) (i32.const 65535))
        (i32.store8 (i32.const 0) (local.get $p))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br_if $pass (i32.lt_s (local.get $p) (local.get $n)))))
    (local.set $i (i32.const 0))
    (loop $sum
      (local.set $sum (i64.add (local.get $sum) (i64.load (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $sum (i32.lt_u (local.get $i) (i32.const 65536))))
    (i64.and (local.get $sum) (i64.const 0x7fffffffffffffff))))
