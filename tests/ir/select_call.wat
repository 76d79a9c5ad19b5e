;; Call arguments are placed in consecutive registers; results come back in the same place.
(module
  (func $add (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "f") (param i32 i32 i32) (result i32)
    (select (call $add (local.get 0) (local.get 1)) (i32.const 0) (local.get 2))))
