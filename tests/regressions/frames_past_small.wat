;; Calls of functions at the small call path's limits (3 parameters, 8 locals, 3 constants:
;; fixed-length frame set-up) and just past them, which the medium path's chunks set up: more
;; constants than a small function (4-8), a fourth and a fifth parameter, a ninth local, and
;; mixes; directly and through call_indirect. Parameters arrive, locals start at zero although the
;; callee leaves them dirty (`call_*` calls twice in a row, the second frame where the first was),
;; constants are in place. Each function m{params}_{locals}_{consts} returns its parameters folded
;; base 3, plus 1000000007 times the OR of its locals at entry (0), plus the XOR of its constants;
;; `call_*` and `indirect_*` return twice that. (Written for a "compact" path for such frames, tried
;; on 2026-12-07 and not kept: README, "What the real programs execute".)
;; invoke "m1_0_4" i64:11 -> i64:15
;; invoke "call_m1_0_4" -> i64:30
;; invoke "call_m1_0_4" -> i64:30
;; invoke "indirect_m1_0_4" -> i64:30
;; invoke "indirect_m1_0_4" -> i64:30
;; invoke "m3_8_5" i64:11 i64:22 i64:33 -> i64:1145915905448850
;; invoke "call_m3_8_5" -> i64:2291831810897700
;; invoke "call_m3_8_5" -> i64:2291831810897700
;; invoke "indirect_m3_8_5" -> i64:2291831810897700
;; invoke "indirect_m3_8_5" -> i64:2291831810897700
;; invoke "m4_0_0" i64:11 i64:22 i64:33 i64:44 -> i64:638
;; invoke "call_m4_0_0" -> i64:1276
;; invoke "call_m4_0_0" -> i64:1276
;; invoke "indirect_m4_0_0" -> i64:1276
;; invoke "indirect_m4_0_0" -> i64:1276
;; invoke "m4_8_7" i64:11 i64:22 i64:33 i64:44 -> i64:1990340835777863
;; invoke "call_m4_8_7" -> i64:3980681671555726
;; invoke "call_m4_8_7" -> i64:3980681671555726
;; invoke "indirect_m4_8_7" -> i64:3980681671555726
;; invoke "indirect_m4_8_7" -> i64:3980681671555726
;; invoke "m2_3_7" i64:11 i64:22 -> i64:1990340835777280
;; invoke "call_m2_3_7" -> i64:3980681671554560
;; invoke "call_m2_3_7" -> i64:3980681671554560
;; invoke "indirect_m2_3_7" -> i64:3980681671554560
;; invoke "indirect_m2_3_7" -> i64:3980681671554560
;; invoke "m5_8_7" i64:11 i64:22 i64:33 i64:44 i64:55 -> i64:1990340835779194
;; invoke "call_m5_8_7" -> i64:3980681671558388
;; invoke "call_m5_8_7" -> i64:3980681671558388
;; invoke "indirect_m5_8_7" -> i64:3980681671558388
;; invoke "indirect_m5_8_7" -> i64:3980681671558388
;; invoke "m4_9_7" i64:11 i64:22 i64:33 i64:44 -> i64:1990340835777863
;; invoke "call_m4_9_7" -> i64:3980681671555726
;; invoke "call_m4_9_7" -> i64:3980681671555726
;; invoke "indirect_m4_9_7" -> i64:3980681671555726
;; invoke "indirect_m4_9_7" -> i64:3980681671555726
;; invoke "m4_8_8" i64:11 i64:22 i64:33 i64:44 -> i64:662
;; invoke "call_m4_8_8" -> i64:1324
;; invoke "call_m4_8_8" -> i64:1324
;; invoke "indirect_m4_8_8" -> i64:1324
;; invoke "indirect_m4_8_8" -> i64:1324
;; invoke "m3_8_3" i64:11 i64:22 i64:33 -> i64:864440928672647
;; invoke "call_m3_8_3" -> i64:1728881857345294
;; invoke "call_m3_8_3" -> i64:1728881857345294
;; invoke "indirect_m3_8_3" -> i64:1728881857345294
;; invoke "indirect_m3_8_3" -> i64:1728881857345294
(module
  (type $t0 (func (result i64)))
  (table 9 funcref)
  (elem (i32.const 0) $c_m1_0_4 $c_m3_8_5 $c_m4_0_0 $c_m4_8_7 $c_m2_3_7 $c_m5_8_7 $c_m4_9_7 $c_m4_8_8 $c_m3_8_3)
  (func $m1_0_4 (export "m1_0_4") (param i64) (result i64)
    (i64.add (local.get 0) (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453))))
  (func $c_m1_0_4 (export "call_m1_0_4") (result i64) (i64.add (call $m1_0_4 (i64.const 11)) (call $m1_0_4 (i64.const 11))))
  (func (export "indirect_m1_0_4") (result i64) (call_indirect (type $t0) (i32.const 0)))
  (func $m3_8_5 (export "m3_8_5") (param i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 3 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 3) (local.get 4)) (local.get 5)) (local.get 6)) (local.get 7)) (local.get 8)) (local.get 9)) (local.get 10)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648))))
    (local.set 4 (i64.const -1))(local.set 5 (i64.const -1))(local.set 6 (i64.const -1))(local.set 7 (i64.const -1))(local.set 8 (i64.const -1))(local.set 9 (i64.const -1))(local.set 10 (i64.const -1))
    (local.get 3))
  (func $c_m3_8_5 (export "call_m3_8_5") (result i64) (i64.add (call $m3_8_5 (i64.const 11) (i64.const 22) (i64.const 33)) (call $m3_8_5 (i64.const 11) (i64.const 22) (i64.const 33))))
  (func (export "indirect_m3_8_5") (result i64) (call_indirect (type $t0) (i32.const 1)))
  (func $m4_0_0 (export "m4_0_0") (param i64 i64 i64 i64) (result i64)
    (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)))
  (func $c_m4_0_0 (export "call_m4_0_0") (result i64) (i64.add (call $m4_0_0 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44)) (call $m4_0_0 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44))))
  (func (export "indirect_m4_0_0") (result i64) (call_indirect (type $t0) (i32.const 2)))
  (func $m4_8_7 (export "m4_8_7") (param i64 i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 4 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 4) (local.get 5)) (local.get 6)) (local.get 7)) (local.get 8)) (local.get 9)) (local.get 10)) (local.get 11)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648)) (i64.const 1427390882224843)) (i64.const 1708865859001038))))
    (local.set 5 (i64.const -1))(local.set 6 (i64.const -1))(local.set 7 (i64.const -1))(local.set 8 (i64.const -1))(local.set 9 (i64.const -1))(local.set 10 (i64.const -1))(local.set 11 (i64.const -1))
    (local.get 4))
  (func $c_m4_8_7 (export "call_m4_8_7") (result i64) (i64.add (call $m4_8_7 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44)) (call $m4_8_7 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44))))
  (func (export "indirect_m4_8_7") (result i64) (call_indirect (type $t0) (i32.const 3)))
  (func $m2_3_7 (export "m2_3_7") (param i64 i64) (result i64) (local i64 i64 i64)
    (local.set 2 (i64.add (i64.add (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.mul (i64.or (i64.or (local.get 2) (local.get 3)) (local.get 4)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648)) (i64.const 1427390882224843)) (i64.const 1708865859001038))))
    (local.set 3 (i64.const -1))(local.set 4 (i64.const -1))
    (local.get 2))
  (func $c_m2_3_7 (export "call_m2_3_7") (result i64) (i64.add (call $m2_3_7 (i64.const 11) (i64.const 22)) (call $m2_3_7 (i64.const 11) (i64.const 22))))
  (func (export "indirect_m2_3_7") (result i64) (call_indirect (type $t0) (i32.const 4)))
  (func $m5_8_7 (export "m5_8_7") (param i64 i64 i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 5 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)) (i64.const 3)) (local.get 4)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 5) (local.get 6)) (local.get 7)) (local.get 8)) (local.get 9)) (local.get 10)) (local.get 11)) (local.get 12)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648)) (i64.const 1427390882224843)) (i64.const 1708865859001038))))
    (local.set 6 (i64.const -1))(local.set 7 (i64.const -1))(local.set 8 (i64.const -1))(local.set 9 (i64.const -1))(local.set 10 (i64.const -1))(local.set 11 (i64.const -1))(local.set 12 (i64.const -1))
    (local.get 5))
  (func $c_m5_8_7 (export "call_m5_8_7") (result i64) (i64.add (call $m5_8_7 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55)) (call $m5_8_7 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55))))
  (func (export "indirect_m5_8_7") (result i64) (call_indirect (type $t0) (i32.const 5)))
  (func $m4_9_7 (export "m4_9_7") (param i64 i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 4 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 4) (local.get 5)) (local.get 6)) (local.get 7)) (local.get 8)) (local.get 9)) (local.get 10)) (local.get 11)) (local.get 12)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648)) (i64.const 1427390882224843)) (i64.const 1708865859001038))))
    (local.set 5 (i64.const -1))(local.set 6 (i64.const -1))(local.set 7 (i64.const -1))(local.set 8 (i64.const -1))(local.set 9 (i64.const -1))(local.set 10 (i64.const -1))(local.set 11 (i64.const -1))(local.set 12 (i64.const -1))
    (local.get 4))
  (func $c_m4_9_7 (export "call_m4_9_7") (result i64) (i64.add (call $m4_9_7 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44)) (call $m4_9_7 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44))))
  (func (export "indirect_m4_9_7") (result i64) (call_indirect (type $t0) (i32.const 6)))
  (func $m4_8_8 (export "m4_8_8") (param i64 i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 4 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 4) (local.get 5)) (local.get 6)) (local.get 7)) (local.get 8)) (local.get 9)) (local.get 10)) (local.get 11)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648)) (i64.const 1427390882224843)) (i64.const 1708865859001038)) (i64.const 1990340835777233))))
    (local.set 5 (i64.const -1))(local.set 6 (i64.const -1))(local.set 7 (i64.const -1))(local.set 8 (i64.const -1))(local.set 9 (i64.const -1))(local.set 10 (i64.const -1))(local.set 11 (i64.const -1))
    (local.get 4))
  (func $c_m4_8_8 (export "call_m4_8_8") (result i64) (i64.add (call $m4_8_8 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44)) (call $m4_8_8 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44))))
  (func (export "indirect_m4_8_8") (result i64) (call_indirect (type $t0) (i32.const 7)))
  (func $m3_8_3 (export "m3_8_3") (param i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 3 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 3) (local.get 4)) (local.get 5)) (local.get 6)) (local.get 7)) (local.get 8)) (local.get 9)) (local.get 10)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258))))
    (local.set 4 (i64.const -1))(local.set 5 (i64.const -1))(local.set 6 (i64.const -1))(local.set 7 (i64.const -1))(local.set 8 (i64.const -1))(local.set 9 (i64.const -1))(local.set 10 (i64.const -1))
    (local.get 3))
  (func $c_m3_8_3 (export "call_m3_8_3") (result i64) (i64.add (call $m3_8_3 (i64.const 11) (i64.const 22) (i64.const 33)) (call $m3_8_3 (i64.const 11) (i64.const 22) (i64.const 33))))
  (func (export "indirect_m3_8_3") (result i64) (call_indirect (type $t0) (i32.const 8))))
