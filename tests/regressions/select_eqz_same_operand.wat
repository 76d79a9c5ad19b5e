;; `select` whose condition compares one of its own operands with zero. wasmi 2.0.0 fuses the
;; comparison into the select and picks the wrong operand here (see tests/differential.rs,
;; `oracle_module`); wasm-smith's `disallow_traps` division guards produce this shape, so hayate's
;; compare+select fusion must keep it right.
;;
;; invoke "eqz" i32:5 -> i32:5
;; invoke "eqz" i32:0 -> i32:1
;; invoke "eq0" i32:5 -> i32:5
;; invoke "eq0" i32:0 -> i32:1
;; invoke "ne0" i32:5 -> i32:1
;; invoke "ne0" i32:0 -> i32:0
;; invoke "eqz_lhs_local" i32:5 i32:0 -> i32:5
;; invoke "eqz_lhs_local" i32:0 i32:9 -> i32:9
;; invoke "guarded_rem" i32:7 i32:0 -> i32:0
;; invoke "guarded_rem" i32:7 i32:5 -> i32:2
(module
  (func (export "eqz") (param i32) (result i32)
    (select (i32.const 1) (local.get 0) (i32.eqz (local.get 0))))
  (func (export "eq0") (param i32) (result i32)
    (select (i32.const 1) (local.get 0) (i32.eq (local.get 0) (i32.const 0))))
  (func (export "ne0") (param i32) (result i32)
    (select (i32.const 1) (local.get 0) (i32.ne (local.get 0) (i32.const 0))))
  (func (export "eqz_lhs_local") (param i32 i32) (result i32)
    (select (local.get 1) (local.get 0) (i32.eqz (local.get 0))))
  ;; The shape wasm-smith's `disallow_traps` wraps around a division: divisor 0 becomes 1.
  (func (export "guarded_rem") (param i32 i32) (result i32)
    (i32.rem_s (local.get 0) (select (i32.const 1) (local.get 1) (i32.eqz (local.get 1))))))
