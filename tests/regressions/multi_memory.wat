;; Multi-memory: memory 0 keeps its own instructions; memory 1 and 2 go through the `…At` forms.
;; Loads and stores of every width on memory 1, memory.copy between two memories both ways,
;; memory.fill/init on a memory other than 0, data segments for each memory, size and grow per
;; memory with each memory's own limit, and out-of-bounds accesses near the end of memory 1
;; (one page) that would be in bounds in memory 0 (two pages).
;;
;; invoke "load8" i32:1 i32:0 -> i32:17
;; invoke "load8" i32:2 i32:0 -> i32:34
;; invoke "load0" i32:0 -> i32:-559038737
;; invoke "widths" i32:100 -> i64:-2
;; invoke "copy_1_to_0" i32:0 i32:1000 i32:4 -> i32:287454020
;; invoke "copy_0_to_2" i32:0 i32:8 i32:4 -> i32:-559038737
;; invoke "fill2" i32:16 i32:171 i32:4 -> i32:-1414812757
;; invoke "init1" i32:32 -> i32:1684234849
;; invoke "sizes" -> i64:4295098369
;; invoke "grow1" i32:1 -> i32:1
;; invoke "grow1" i32:1 -> i32:-1
;; invoke "grow0" i32:1 -> i32:2
;; invoke "load_far1" i32:131068 -> i32:0
;; invoke "load_far1" i32:131069 -> trap out of bounds memory access
;; invoke "store_far1" i32:131072 -> trap out of bounds memory access
;; invoke "fill2" i32:65535 i32:1 i32:2 -> trap out of bounds memory access
;; invoke "copy_1_to_0" i32:0 i32:196606 i32:4 -> trap out of bounds memory access
(module
  (memory $m0 2)
  (memory $m1 1 2)
  (memory $m2 1 1)
  (data (memory $m0) (i32.const 0) "\ef\be\ad\de")
  (data (memory $m1) (i32.const 0) "\11")
  (data (memory $m2) (i32.const 0) "\22")
  (data $p "abcd")
  (func (export "load8") (param $m i32) (param $a i32) (result i32)
    (if (result i32) (i32.eq (local.get $m) (i32.const 1))
      (then (i32.load8_u $m1 (local.get $a)))
      (else (i32.load8_u $m2 (local.get $a)))))
  (func (export "load0") (param $a i32) (result i32) (i32.load $m0 (local.get $a)))
  (func (export "widths") (param $a i32) (result i64)
    (i64.store $m1 offset=8 (local.get $a) (i64.const -1))
    (i32.store16 $m1 (local.get $a) (i32.const 0xffff))
    (i64.store32 $m1 offset=2 (local.get $a) (i64.const -1))
    (i64.store8 $m1 offset=6 (local.get $a) (i64.const -1))
    (i32.store8 $m1 offset=7 (local.get $a) (i32.const -1))
    (i64.add
      (i64.add (i64.load $m1 (local.get $a)) (i64.extend_i32_s (i32.load16_s $m1 offset=8 (local.get $a))))
      (i64.add (i64.load32_u $m1 offset=12 (local.get $a)) (i64.sub (i64.load8_s $m1 (local.get $a)) (i64.const 0xfffffffe)))))
  (func (export "copy_1_to_0") (param $src i32) (param $dst i32) (param $n i32) (result i32)
    (i32.store $m1 (local.get $src) (i32.const 0x11223344))
    (memory.copy $m0 $m1 (local.get $dst) (local.get $src) (local.get $n))
    (i32.load $m0 (local.get $dst)))
  (func (export "copy_0_to_2") (param $src i32) (param $dst i32) (param $n i32) (result i32)
    (memory.copy $m2 $m0 (local.get $dst) (local.get $src) (local.get $n))
    (i32.load $m2 (local.get $dst)))
  (func (export "fill2") (param $dst i32) (param $v i32) (param $n i32) (result i32)
    (memory.fill $m2 (local.get $dst) (local.get $v) (local.get $n))
    (i32.load $m2 (local.get $dst)))
  (func (export "init1") (param $dst i32) (result i32)
    (memory.init $m1 $p (local.get $dst) (i32.const 0) (i32.const 4))
    (i32.load $m1 (local.get $dst)))
  (func (export "sizes") (result i64)
    (i64.or (i64.or (i64.shl (i64.extend_i32_u (memory.size $m2)) (i64.const 32))
                    (i64.shl (i64.extend_i32_u (memory.size $m0)) (i64.const 16)))
            (i64.extend_i32_u (memory.size $m1))))
  (func (export "grow1") (param i32) (result i32) (memory.grow $m1 (local.get 0)))
  (func (export "grow0") (param i32) (result i32) (memory.grow $m0 (local.get 0)))
  (func (export "load_far1") (param $a i32) (result i32) (i32.load $m1 (local.get $a)))
  (func (export "store_far1") (param $a i32) (i32.store8 $m1 (local.get $a) (i32.const 1))))
