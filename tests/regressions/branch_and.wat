;; Results of the fused test-and-branch instructions (BrIfI32And{RR,RI}{Nez,Eqz}).
;;
;; invoke "bit" i32:5 -> i32:1
;; invoke "bit" i32:3 -> i32:0
;; invoke "bit" i32:-1 -> i32:1
;; invoke "mask" i32:6 i32:9 -> i32:0
;; invoke "mask" i32:6 i32:10 -> i32:1
;; invoke "high" i32:-2147483648 -> i32:1
;; invoke "high" i32:2147483647 -> i32:0
(module
  (func (export "bit") (param $x i32) (result i32)
    (block $b (br_if $b (i32.and (local.get $x) (i32.const 4))) (return (i32.const 0)))
    (i32.const 1))
  (func (export "mask") (param $x i32) (param $m i32) (result i32)
    (if (result i32) (i32.and (local.get $x) (local.get $m)) (then (i32.const 1)) (else (i32.const 0))))
  (func (export "high") (param $x i32) (result i32)
    (if (result i32) (i32.and (local.get $x) (i32.const 0x80000000)) (then (i32.const 1)) (else (i32.const 0)))))
