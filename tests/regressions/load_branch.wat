;; A branch on zero of the value just loaded (`i32.load8_u`/`i32.load`, offset within 16 bits)
;; becomes one loading branch that still writes the loaded value: C strings, null-terminated
;; lists, flag arrays. A wide offset or a label between the load and the branch keeps them
;; apart. The same module is the regression test tests/regressions/load_branch.wat.
;; invoke "strlen" i32:16 -> i32:5
;; invoke "strlen" i32:21 -> i32:0
;; invoke "list_sum" i32:64 -> i32:60
;; invoke "list_sum" i32:0 -> i32:0
;; invoke "first_set" i32:32 -> i32:3
;; invoke "flag" i32:35 -> i32:1
;; invoke "flag" i32:36 -> i32:7
;; invoke "trap" i32:131069 -> trap out of bounds memory access
;; invoke "wide_offset" i32:0 -> i32:0
;; invoke "label_between" i32:16 i32:0 -> i32:104
;; invoke "label_between" i32:21 i32:1 -> i32:0
(module
  (memory 2)
  (data (i32.const 16) "hello\00")
  (data (i32.const 32) "\00\00\00\01")
  ;; A list of 3 nodes {next, value}: 64 -> 72 -> 80 -> end, values 10, 20, 30.
  (data (i32.const 64) "\48\00\00\00\0a\00\00\00\50\00\00\00\14\00\00\00\00\00\00\00\1e\00\00\00")
  (func (export "strlen") (param $s i32) (result i32)
    (local $n i32)
    (block $end
      (loop $l
        (br_if $end (i32.eqz (i32.load8_u (i32.add (local.get $s) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $l)))
    (local.get $n))
  ;; Sums each node's value twice: once as it walks (next loaded into $p and tested), and
  ;; once more from the value the branch left in $p's predecessor.
  (func (export "list_sum") (param $p i32) (result i32)
    (local $sum i32)
    (block $end
      (br_if $end (i32.eqz (local.get $p)))
      (loop $l
        (local.set $sum (i32.add (local.get $sum) (i32.load offset=4 (local.get $p))))
        (br_if $l (local.tee $p (i32.load (local.get $p))))))
    (local.get $sum))
  (func (export "first_set") (param $p i32) (result i32)
    (local $i i32)
    (loop $l
      (if (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $i))))
        (then
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $l))))
    (local.get $i))
  ;; The loaded byte stays available after the branch.
  (func (export "flag") (param $p i32) (result i32)
    (local $v i32)
    (if (local.tee $v (i32.load8_u (local.get $p)))
      (then (return (local.get $v))))
    (i32.add (local.get $v) (i32.const 7)))
  (func (export "trap") (param $p i32) (result i32)
    (if (i32.load (local.get $p)) (then (return (i32.const 1))))
    (i32.const 0))
  (func (export "wide_offset") (param $p i32) (result i32)
    (if (i32.load8_u offset=65536 (local.get $p)) (then (return (i32.const 1))))
    (i32.const 0))
  ;; A block ends between the load and the branch (a label lands on the branch).
  (func (export "label_between") (param $p i32) (param $c i32) (result i32)
    (local $v i32)
    (local.set $v (i32.load8_u (local.get $p)))
    (block $b
      (br_if $b (local.get $c))
      (local.set $v (i32.load8_u (local.get $p))))
    (if (i32.eqz (local.get $v)) (then (return (i32.const 0))))
    (local.get $v)))
