;; Tail calls: a self tail call becomes a restart of the frame and a branch to the first
;; instruction; a tail call to another defined function replaces the frame; one to an import or
;; through a table is followed by the return of a host callee's results (one, none, two).
(module
  (import "host" "f" (func $host (param i32) (result i32)))
  (import "host" "g" (func $host0 (param i32)))
  (type $two (func (param i32) (result i32 i64)))
  (table 1 funcref)
  (func $count (param $n i32) (param $acc i32) (result i32)
    (local $scratch i64)
    (if (result i32) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else (return_call $count (i32.sub (local.get $n) (i32.const 1))
                                (i32.add (local.get $acc) (local.get $n))))))
  (func $other (param i32) (result i32)
    (return_call $count (local.get 0) (i32.const 0)))
  (func $imported (param i32) (result i32)
    (return_call $host (local.get 0)))
  (func $imported0 (param i32)
    (return_call $host0 (local.get 0)))
  (func $indirect (param i32) (result i32 i64)
    (return_call_indirect (type $two) (local.get 0) (i32.const 0))))
