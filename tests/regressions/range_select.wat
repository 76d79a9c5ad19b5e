;; Results of SelectI32AddLtURI (rule range_select): `(x + k) <u c ? a : b` with both constants
;; sign-extended from 8 bits, the sum wrapping and compared unsigned, at both ends of the range.
;; invoke "norm_tag" i32:7 i32:55 -> i32:7
;; invoke "norm_tag" i32:100 i32:55 -> i32:55
;; invoke "norm_tag" i32:-9 i32:55 -> i32:-9
;; invoke "norm_tag" i32:-10 i32:55 -> i32:55
;; invoke "lower" i32:97 i32:1 i32:2 -> i32:1
;; invoke "lower" i32:122 i32:1 i32:2 -> i32:1
;; invoke "lower" i32:123 i32:1 i32:2 -> i32:2
;; invoke "lower" i32:96 i32:1 i32:2 -> i32:2
;; invoke "lower" i32:-2147483648 i32:1 i32:2 -> i32:2
(module
  (func (export "norm_tag") (param $tag i32) (param $f i32) (result i32)
    (select (local.get $f) (local.get $tag)
      (i32.lt_u (i32.add (local.get $tag) (i32.const -8)) (i32.const -17))))
  (func (export "lower") (param $c i32) (param $a i32) (param $b i32) (result i32)
    (select (local.get $a) (local.get $b)
      (i32.lt_u (i32.sub (local.get $c) (i32.const 97)) (i32.const 26)))))
