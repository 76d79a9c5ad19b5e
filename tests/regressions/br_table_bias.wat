;; BrTableAddRI (rule br_table_add): a br_table whose index is biased by a constant first. Cases
;; below the bias wrap around to large unsigned indices and take the default, as does everything
;; past the last case; the sum wraps at 32 bits.
;; invoke "switch" i32:10 -> i32:100
;; invoke "switch" i32:11 -> i32:101
;; invoke "switch" i32:12 -> i32:102
;; invoke "switch" i32:13 -> i32:103
;; invoke "switch" i32:9 -> i32:103
;; invoke "switch" i32:0 -> i32:103
;; invoke "switch" i32:-2147483648 -> i32:103
;; invoke "up" i32:-1 -> i32:200
;; invoke "up" i32:0 -> i32:201
;; invoke "up" i32:2147483647 -> i32:202
(module
  (func (export "switch") (param $x i32) (result i32)
    (block $d (block $b2 (block $b1 (block $b0
      (br_table $b0 $b1 $b2 $d (i32.sub (local.get $x) (i32.const 10))))
      (return (i32.const 100)))
      (return (i32.const 101)))
      (return (i32.const 102)))
    (i32.const 103))
  (func (export "up") (param $x i32) (result i32)
    (block $d (block $b1 (block $b0
      (br_table $b0 $b1 $d (i32.add (local.get $x) (i32.const 1))))
      (return (i32.const 200)))
      (return (i32.const 201)))
    (i32.const 202)))
