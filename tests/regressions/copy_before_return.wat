;; A copy right before `return` of its destination folds into the return (`return r[src]`); the
;; original return stays for branches that land on it.
;;
;; invoke "pick" i32:1 i32:10 i32:20 -> i32:10
;; invoke "pick" i32:0 i32:10 i32:20 -> i32:20
;; invoke "fib" i32:20 -> i32:6765
(module
  (func (export "pick") (param $c i32) (param $a i32) (param $b i32) (result i32)
    (if (result i32) (local.get $c) (then (local.get $a)) (else (local.get $b))))
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2))))))))
