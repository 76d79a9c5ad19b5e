;; I32ShrUAndRI (rule shr_and): the shift is unsigned (the sign bit shifts in as 0), its count is
;; taken mod 32, and the mask may have the sign bit set.
;; invoke "field" i32:-1 -> i32:255
;; invoke "field" i32:0x12345678 -> i32:172
;; invoke "count_mod_32" i32:-8 -> i32:536870911
;; invoke "top" i32:-2147483648 -> i32:1
;; invoke "wide_mask" i32:-15 -> i32:-2147483647
(module
  (func (export "field") (param $w i32) (result i32)
    (i32.and (i32.shr_u (local.get $w) (i32.const 7)) (i32.const 0xff)))
  (func (export "count_mod_32") (param $w i32) (result i32)
    (i32.and (i32.shr_u (local.get $w) (i32.const 35)) (i32.const -1)))
  (func (export "top") (param $w i32) (result i32)
    (i32.and (i32.shr_u (local.get $w) (i32.const 31)) (i32.const 1)))
  (func (export "wide_mask") (param $w i32) (result i32)
    (i32.and (i32.shr_u (local.get $w) (i32.const 0)) (i32.const 0x80000001))))
