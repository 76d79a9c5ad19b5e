;; Interpreter loops whose cases jump back to the fetch and `br_table` (a `BrToTable` in each
;; case's copy of the fetch, or in place of a `br` to the table): every opcode path, the default
;; entry, a biased table and a table at the loop head. The same module is the golden IR file
;; tests/ir/dispatch_loop.wat.
;; invoke "run" i32:0 i32:0 -> i32:204
;; invoke "run" i32:16 i32:3 -> i32:42
;; invoke "run" i32:16 i32:1 -> i32:6
;; invoke "run" i32:16 i32:-5 -> i32:6
;; invoke "run" i32:32 i32:0 -> i32:85
;; invoke "run" i32:7 i32:0 -> i32:0
;; invoke "run1" i32:0 -> i32:10
;; invoke "run1" i32:48 -> i32:29
;; invoke "run1" i32:50 -> i32:1
;; invoke "direct" i32:0 i32:10 -> i32:5859375
;; invoke "direct" i32:1 i32:1 -> i32:0
;; invoke "direct" i32:2 i32:5 -> i32:0
;; invoke "direct" i32:0 i32:100 -> i32:-1182679305
;; invoke "direct" i32:1 i32:1000 -> i32:-908458853
;; invoke "direct" i32:-1 i32:3 -> i32:0
(module
  (memory 1)
  ;; Bytecode for "run" (opcodes: 0 halt, 1 add the next byte, 2 double, 3 xor 0x55, 4 loop back
  ;; to the byte the next one names while the counter lasts, 5 and up halt).
  (data (i32.const 0) "\01\05\02\03\01\07\02\00")
  (data (i32.const 16) "\01\03\02\04\10\00")
  (data (i32.const 32) "\03\09")
  ;; Bytecode for "run1" (opcodes from 1: 1 add the next byte, 2 double, others halt).
  (data (i32.const 48) "\01\07\02\02\01\01\00")
  ;; An interpreter's loop: every case goes back to the fetch and the `br_table`, which each
  ;; case gets a copy of, ending in a `BrToTable`. The index is the opcode itself (a plain
  ;; `BrTable`, taken in its biased form).
  (func (export "run") (param $pc i32) (param $count i32) (result i32) (local $acc i32) (local $op i32)
    (loop $next
      (local.set $op (i32.load8_u (local.get $pc)))
      (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
      (block $halt
        (block $c4
          (block $c3
            (block $c2
              (block $c1
                (br_table $halt $c1 $c2 $c3 $c4 $halt (local.get $op)))
              (local.set $acc (i32.add (local.get $acc) (i32.load8_u (local.get $pc))))
              (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
              (br $next))
            (local.set $acc (i32.shl (local.get $acc) (i32.const 1)))
            (br $next))
          (local.set $acc (i32.xor (local.get $acc) (i32.const 0x55)))
          (br $next))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (if (i32.gt_s (local.get $count) (i32.const 0))
          (then (local.set $pc (i32.load8_u (local.get $pc))))
          (else (local.set $pc (i32.add (local.get $pc) (i32.const 1)))))
        (br $next))
      (return (local.get $acc)))
    unreachable)
  ;; The same with opcodes counted from 1 (a `BrTableAddRI`), so 0 halts through the default.
  (func (export "run1") (param $pc i32) (result i32) (local $acc i32)
    (loop $next
      (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
      (block $halt
        (block $c2
          (block $c1
            (br_table $c1 $c2 $halt (i32.sub (i32.load8_u (i32.sub (local.get $pc) (i32.const 1))) (i32.const 1))))
          (local.set $acc (i32.add (local.get $acc) (i32.load8_u (local.get $pc))))
          (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
          (br $next))
        (local.set $acc (i32.shl (local.get $acc) (i32.const 1)))
        (br $next))
      (return (local.get $acc)))
    unreachable)
  ;; A loop whose head is the `br_table` itself: the `br` back to it becomes a `BrToTable` (jump
  ;; threading), the table's entries stay `Br`s.
  (func (export "direct") (param $x i32) (param $n i32) (result i32) (local $acc i32)
    (loop $top
      (block $done
        (block $b
          (block $a
            (br_table $a $b $done (local.get $x)))
          (local.set $acc (i32.add (local.get $acc) (i32.const 3)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (local.set $x (select (i32.const 2) (i32.and (local.get $acc) (i32.const 1)) (i32.le_s (local.get $n) (i32.const 0))))
          (br $top))
        (local.set $acc (i32.mul (local.get $acc) (i32.const 5)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (local.set $x (select (i32.const 2) (i32.and (local.get $acc) (i32.const 1)) (i32.le_s (local.get $n) (i32.const 0))))
        (br $top)))
    (local.get $acc)))
