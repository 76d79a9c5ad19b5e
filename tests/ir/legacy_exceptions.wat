;; Legacy exception handling: handlers are clauses over the body with pads, `rethrow` is a
;; `throw_ref` of the hidden register the handler put the exception in, `delegate` forwards the search.
(module
  (tag $e0 (param i32))
  (tag $e1)
  (func $throw-if (param i32)
    (if (local.get 0) (then (throw $e0 (i32.const 7)))))
  (func (export "simple") (param i32) (result i32)
    try (result i32)
      (call $throw-if (local.get 0)) (i32.const 1)
    catch $e0 (i32.const 100) (i32.add)
    catch_all (i32.const 2)
    end)
  (func (export "delegate") (param i32) (result i32)
    try $t (result i32)
      try (result i32) (call $throw-if (local.get 0)) (i32.const 1) delegate $t
    catch $e0
    end)
  (func (export "rethrow") (param i32) (result i32)
    try (result i32)
      try (result i32)
        (call $throw-if (local.get 0)) (i32.const 1)
      catch $e0 (drop) (rethrow 0)
      end
    catch $e0 (i32.const 1000) (i32.add)
    end)
)
