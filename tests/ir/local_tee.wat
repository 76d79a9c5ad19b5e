;; A value read from a local before the local is overwritten is preserved in a temporary.
(module
  (func (export "swap") (param i32 i32) (result i32 i32)
    (local.get 0)
    (local.set 0 (local.get 1))
    (local.get 0)))
