;; Block results: branches copy their values into the block's result register.
(module
  (func (export "f") (param i32 i32) (result i32)
    (block $b (result i32)
      (br_if $b (local.get 1) (local.get 0))
      (drop)
      (i32.const 7))))
