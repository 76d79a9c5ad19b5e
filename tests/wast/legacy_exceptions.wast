;; The legacy exception-handling instructions (`try`, `catch`, `catch_all`, `delegate`, `rethrow`),
;; which the pinned spec testsuite no longer holds: hayate's own checks of them, run by
;; tests/spec.rs (as `hayate/legacy_exceptions.wast`) in both translation modes.

(module
  (tag $a (param i32))
  (tag $b (param i64 i32))
  (tag $c)
  (tag $unused)

  (func $throw (param $which i32)
    (if (i32.eq (local.get $which) (i32.const 1)) (then (throw $a (i32.const 10))))
    (if (i32.eq (local.get $which) (i32.const 2)) (then (throw $b (i64.const 20) (i32.const 21))))
    (if (i32.eq (local.get $which) (i32.const 3)) (then (throw $c)))
    (if (i32.eq (local.get $which) (i32.const 4)) (then unreachable)))

  ;; Clauses in order, values on the handler's stack, catch_all last.
  (func (export "clauses") (param i32) (result i32)
    try (result i32)
      (call $throw (local.get 0))
      (i32.const 0)
    catch $a
      (i32.add (i32.const 100))
    catch $b
      (drop) (i32.wrap_i64)
    catch_all
      (i32.const -1)
    end)

  ;; A try without handlers is a block; one without catch_all lets other tags through.
  (func (export "partial") (param i32) (result i32)
    try (result i32)
      try
        (call $throw (local.get 0))
      end
      (i32.const 0)
    catch $a
    end)

  ;; Block parameters go into the body; the handler starts from the height below them.
  (func (export "params") (param i32) (result i32)
    (i32.const 5)
    try (param i32) (result i32)
      (call $throw (local.get 0))
      (i32.const 1)
      (i32.add)
    catch $a
      (i32.const 1000)
      (i32.add)
    end)

  ;; An exception thrown in a handler is not caught by that try's own handlers.
  (func (export "in-handler") (param i32) (result i32)
    try (result i32)
      try (result i32)
        (call $throw (local.get 0))
        (i32.const 0)
      catch $a
        (drop)
        (throw $c)
      catch $c
        (i32.const 1)
      end
    catch $c
      (i32.const 2)
    end)

  ;; delegate to an enclosing try: its handlers catch, an inner one is skipped.
  (func (export "delegate-try") (param i32) (result i32)
    try $outer (result i32)
      try (result i32)
        try (result i32)
          (call $throw (local.get 0))
          (i32.const 0)
        delegate $outer
      catch_all
        (i32.const 1)
      end
    catch $a
      (drop)
      (i32.const 2)
    catch_all
      (i32.const 3)
    end)

  ;; delegate to a block: the handlers around the block catch.
  (func (export "delegate-block") (param i32) (result i32)
    try (result i32)
      (block $blk
        try
          (call $throw (local.get 0))
        delegate $blk)
      (i32.const 0)
    catch_all
      (i32.const 1)
    end)

  ;; delegate to a handler: the try whose handler it is does not catch again.
  (func (export "delegate-handler") (param i32) (result i32)
    try (result i32)
      try (result i32)
        (call $throw (local.get 0))
        (i32.const 0)
      catch_all
        try
          (rethrow 1)
        delegate 0
        (i32.const 7)
      end
    catch_all
      (i32.const 1)
    end)

  ;; A chain of delegates, each to the next try out.
  (func (export "delegate-chain") (param i32) (result i32)
    try $t0 (result i32)
      try $t1 (result i32)
        try $t2 (result i32)
          try (result i32)
            (call $throw (local.get 0))
            (i32.const 0)
          delegate $t2
        delegate $t1
      delegate $t0
    catch $a
      (i32.const 1)
      (i32.add)
    end)

  ;; delegate to the function's label: the exception leaves the function.
  (func $delegate-out (param i32) (result i32)
    try (result i32)
      try (result i32)
        (call $throw (local.get 0))
        (i32.const 0)
      delegate 1
    catch_all
      (i32.const 99)
    end)
  (func (export "delegate-out") (param i32) (result i32)
    try (result i32)
      (call $delegate-out (local.get 0))
    catch $a
      (i32.const 3)
      (i32.add)
    end)

  ;; rethrow from nested blocks of a handler, and from catch_all.
  (func (export "rethrow") (param i32) (result i32)
    try (result i32)
      try (result i32)
        (call $throw (local.get 0))
        (i32.const 0)
      catch $a
        (drop)
        (block (block (rethrow 2)))
        (i32.const 50)
      catch_all
        (rethrow 0)
      end
    catch $a
      (i32.const 200)
      (i32.add)
    catch $b
      (drop)
      (i32.wrap_i64)
    catch $c
      (i32.const 300)
    end)

  ;; rethrow names the outer of two nested handlers: the first exception goes on.
  (func (export "rethrow-outer") (result i32)
    try (result i32)
      try (result i32)
        (throw $a (i32.const 1))
      catch $a
        (drop)
        try (result i32)
          (throw $c)
        catch $c
          (rethrow 1)
        end
      end
    catch $a
    catch $c
      (i32.const -3)
    end)

  ;; Loops through a try: the handler's register is reused, branches out of bodies and handlers.
  (func (export "loop") (param $n i32) (result i32)
    (local $sum i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        try
          (if (i32.and (local.get $n) (i32.const 1))
            (then (throw $a (local.get $n))))
          (local.set $sum (i32.add (local.get $sum) (i32.const 1000)))
        catch $a
          (local.set $sum (i32.add (local.get $sum)))
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br $next)
        end
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $sum))

  ;; Branches out of a body and out of a handler with values.
  (func (export "branch-out") (param i32) (result i32)
    (block $out (result i32)
      try (result i32)
        (drop (br_if $out (i32.const 40) (i32.eqz (local.get 0))))
        (call $throw (local.get 0))
        (i32.const 0)
      catch $a
        (br $out)
      end
      (i32.const 1)
      (i32.add)))

  ;; Legacy handlers and try_table together; a legacy catch_all rethrows into a try_table.
  (func (export "mixed") (param i32) (result i32)
    (block $caught (result i32)
      (try_table (result i32) (catch $a $caught)
        try (result i32)
          (call $throw (local.get 0))
          (i32.const 0)
        catch_all
          (rethrow 0)
        end))
    (i32.const 1)
    (i32.add))

  ;; A rethrown exception is the same exception: throw_ref of its reference after rethrow.
  (func (export "same") (result i32)
    (local $e exnref)
    (block $h (result exnref)
      (try_table (catch_all_ref $h)
        try
          (throw $a (i32.const 8))
        catch $a
          (drop)
          (rethrow 0)
        end)
      (unreachable))
    (local.set $e)
    (block $v (result i32)
      (try_table (catch $a $v)
        (throw_ref (local.get $e)))
      (i32.const -1)))

  ;; Traps are not exceptions: catch_all does not catch them.
  (func (export "trap") (result i32)
    try (result i32)
      (call $throw (i32.const 4))
      (i32.const 0)
    catch_all
      (i32.const 1)
    end)

  ;; Dead code: handlers of a try entered unreachable.
  (func (export "dead") (result i32)
    (return (i32.const 6))
    try
      (throw $c)
    catch $c
      (rethrow 0)
    catch_all
    end
    (i32.const 0))
)

(assert_return (invoke "clauses" (i32.const 0)) (i32.const 0))
(assert_return (invoke "clauses" (i32.const 1)) (i32.const 110))
(assert_return (invoke "clauses" (i32.const 2)) (i32.const 20))
(assert_return (invoke "clauses" (i32.const 3)) (i32.const -1))
(assert_trap (invoke "clauses" (i32.const 4)) "unreachable")

(assert_return (invoke "partial" (i32.const 0)) (i32.const 0))
(assert_return (invoke "partial" (i32.const 1)) (i32.const 10))
(assert_exception (invoke "partial" (i32.const 2)))
(assert_exception (invoke "partial" (i32.const 3)))

(assert_return (invoke "params" (i32.const 0)) (i32.const 6))
(assert_return (invoke "params" (i32.const 1)) (i32.const 1010))

(assert_return (invoke "in-handler" (i32.const 0)) (i32.const 0))
(assert_return (invoke "in-handler" (i32.const 1)) (i32.const 2))
(assert_return (invoke "in-handler" (i32.const 3)) (i32.const 1))

(assert_return (invoke "delegate-try" (i32.const 0)) (i32.const 0))
(assert_return (invoke "delegate-try" (i32.const 1)) (i32.const 2))
(assert_return (invoke "delegate-try" (i32.const 3)) (i32.const 3))

(assert_return (invoke "delegate-block" (i32.const 0)) (i32.const 0))
(assert_return (invoke "delegate-block" (i32.const 3)) (i32.const 1))

(assert_return (invoke "delegate-handler" (i32.const 0)) (i32.const 0))
(assert_return (invoke "delegate-handler" (i32.const 1)) (i32.const 1))

(assert_return (invoke "delegate-chain" (i32.const 0)) (i32.const 0))
(assert_return (invoke "delegate-chain" (i32.const 1)) (i32.const 11))
(assert_exception (invoke "delegate-chain" (i32.const 3)))

(assert_return (invoke "delegate-out" (i32.const 0)) (i32.const 0))
(assert_return (invoke "delegate-out" (i32.const 1)) (i32.const 13))
(assert_exception (invoke "delegate-out" (i32.const 2)))

(assert_return (invoke "rethrow" (i32.const 0)) (i32.const 0))
(assert_return (invoke "rethrow" (i32.const 1)) (i32.const 210))
(assert_return (invoke "rethrow" (i32.const 2)) (i32.const 20))
(assert_return (invoke "rethrow" (i32.const 3)) (i32.const 300))

(assert_return (invoke "rethrow-outer") (i32.const 1))

(assert_return (invoke "loop" (i32.const 0)) (i32.const 0))
(assert_return (invoke "loop" (i32.const 6)) (i32.const 3009))
(assert_return (invoke "loop" (i32.const 7)) (i32.const 3016))

(assert_return (invoke "branch-out" (i32.const 0)) (i32.const 40))
(assert_return (invoke "branch-out" (i32.const 1)) (i32.const 10))
(assert_return (invoke "branch-out" (i32.const 5)) (i32.const 1))

(assert_return (invoke "mixed" (i32.const 0)) (i32.const 1))
(assert_return (invoke "mixed" (i32.const 1)) (i32.const 11))
(assert_exception (invoke "mixed" (i32.const 3)))

(assert_return (invoke "same") (i32.const 8))
(assert_trap (invoke "trap") "unreachable")
(assert_return (invoke "dead") (i32.const 6))

;; Validation: rethrow must name a handler; delegate's label must exist.
(assert_invalid
  (module (func try rethrow 0 end))
  "invalid rethrow label")
(assert_invalid
  (module (func (block try delegate 2)))
  "unknown label")
