;; Loads and stores keep their static offset as an immediate.
(module
  (memory 1)
  (func (export "f") (param i32) (result i64)
    (i32.store offset=8 (local.get 0) (i32.load8_u offset=3 (local.get 0)))
    (i64.load32_u offset=8 (local.get 0))))
