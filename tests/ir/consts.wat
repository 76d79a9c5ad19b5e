;; Constants: small ones become immediates, large ones and floats live in constant registers.
(module
  (func (export "f") (param f64 i64) (result f64 i64)
    (f64.mul (local.get 0) (f64.const 2.5))
    (i64.add (i64.mul (local.get 1) (i64.const 0x123456789)) (i64.const -7))))
