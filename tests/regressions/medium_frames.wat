;; Calls of functions whose frames the medium call path sets up (up to 8 parameters, 24 locals,
;; 8 constants: odd and even counts, the limits and one past each), directly and through
;; call_indirect: parameters arrive, locals start at zero although the callee leaves them dirty
;; (`call_*` calls twice in a row, the second frame where the first was), constants are in place.
;; Each function returns its parameters folded base 3, plus 1000000007 times the OR of its locals
;; at entry (0), plus the XOR of its constants; `call_*` and `indirect_*` return twice that.
;; invoke "m7_11_5" i64:11 i64:22 i64:33 i64:44 i64:55 i64:66 i64:77 -> i64:1145915905466648
;; invoke "call_m7_11_5" -> i64:2291831810933296
;; invoke "call_m7_11_5" -> i64:2291831810933296
;; invoke "indirect_m7_11_5" -> i64:2291831810933296
;; invoke "indirect_m7_11_5" -> i64:2291831810933296
;; invoke "m8_24_8" i64:11 i64:22 i64:33 i64:44 i64:55 i64:66 i64:77 i64:88 -> i64:54100
;; invoke "call_m8_24_8" -> i64:108200
;; invoke "call_m8_24_8" -> i64:108200
;; invoke "indirect_m8_24_8" -> i64:108200
;; invoke "indirect_m8_24_8" -> i64:108200
;; invoke "m4_9_4" i64:11 i64:22 i64:33 i64:44 -> i64:642
;; invoke "call_m4_9_4" -> i64:1284
;; invoke "call_m4_9_4" -> i64:1284
;; invoke "indirect_m4_9_4" -> i64:1284
;; invoke "indirect_m4_9_4" -> i64:1284
;; invoke "m9_24_8" i64:11 i64:22 i64:33 i64:44 i64:55 i64:66 i64:77 i64:88 i64:99 -> i64:162351
;; invoke "call_m9_24_8" -> i64:324702
;; invoke "call_m9_24_8" -> i64:324702
;; invoke "indirect_m9_24_8" -> i64:324702
;; invoke "indirect_m9_24_8" -> i64:324702
;; invoke "m8_25_8" i64:11 i64:22 i64:33 i64:44 i64:55 i64:66 i64:77 i64:88 -> i64:54100
;; invoke "call_m8_25_8" -> i64:108200
;; invoke "call_m8_25_8" -> i64:108200
;; invoke "indirect_m8_25_8" -> i64:108200
;; invoke "indirect_m8_25_8" -> i64:108200
;; invoke "m8_24_9" i64:11 i64:22 i64:33 i64:44 i64:55 i64:66 i64:77 i64:88 -> i64:2271815812607496
;; invoke "call_m8_24_9" -> i64:4543631625214992
;; invoke "call_m8_24_9" -> i64:4543631625214992
;; invoke "indirect_m8_24_9" -> i64:4543631625214992
;; invoke "indirect_m8_24_9" -> i64:4543631625214992
;; invoke "m1_13_7" i64:11 -> i64:1990340835777236
;; invoke "call_m1_13_7" -> i64:3980681671554472
;; invoke "call_m1_13_7" -> i64:3980681671554472
;; invoke "indirect_m1_13_7" -> i64:3980681671554472
;; invoke "indirect_m1_13_7" -> i64:3980681671554472
(module
  (type $t0 (func (result i64)))
  (table 7 funcref)
  (elem (i32.const 0) $c_m7_11_5 $c_m8_24_8 $c_m4_9_4 $c_m9_24_8 $c_m8_25_8 $c_m8_24_9 $c_m1_13_7)
  (func $m7_11_5 (export "m7_11_5") (param i64 i64 i64 i64 i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 7 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)) (i64.const 3)) (local.get 4)) (i64.const 3)) (local.get 5)) (i64.const 3)) (local.get 6)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 7) (local.get 8)) (local.get 9)) (local.get 10)) (local.get 11)) (local.get 12)) (local.get 13)) (local.get 14)) (local.get 15)) (local.get 16)) (local.get 17)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648))))
    (local.set 8 (i64.const -1))(local.set 9 (i64.const -1))(local.set 10 (i64.const -1))(local.set 11 (i64.const -1))(local.set 12 (i64.const -1))(local.set 13 (i64.const -1))(local.set 14 (i64.const -1))(local.set 15 (i64.const -1))(local.set 16 (i64.const -1))(local.set 17 (i64.const -1))
    (local.get 7))
  (func $c_m7_11_5 (export "call_m7_11_5") (result i64) (i64.add (call $m7_11_5 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55) (i64.const 66) (i64.const 77)) (call $m7_11_5 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55) (i64.const 66) (i64.const 77))))
  (func (export "indirect_m7_11_5") (result i64) (call_indirect (type $t0) (i32.const 0)))
  (func $m8_24_8 (export "m8_24_8") (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 8 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)) (i64.const 3)) (local.get 4)) (i64.const 3)) (local.get 5)) (i64.const 3)) (local.get 6)) (i64.const 3)) (local.get 7)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 8) (local.get 9)) (local.get 10)) (local.get 11)) (local.get 12)) (local.get 13)) (local.get 14)) (local.get 15)) (local.get 16)) (local.get 17)) (local.get 18)) (local.get 19)) (local.get 20)) (local.get 21)) (local.get 22)) (local.get 23)) (local.get 24)) (local.get 25)) (local.get 26)) (local.get 27)) (local.get 28)) (local.get 29)) (local.get 30)) (local.get 31)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648)) (i64.const 1427390882224843)) (i64.const 1708865859001038)) (i64.const 1990340835777233))))
    (local.set 9 (i64.const -1))(local.set 10 (i64.const -1))(local.set 11 (i64.const -1))(local.set 12 (i64.const -1))(local.set 13 (i64.const -1))(local.set 14 (i64.const -1))(local.set 15 (i64.const -1))(local.set 16 (i64.const -1))(local.set 17 (i64.const -1))(local.set 18 (i64.const -1))(local.set 19 (i64.const -1))(local.set 20 (i64.const -1))(local.set 21 (i64.const -1))(local.set 22 (i64.const -1))(local.set 23 (i64.const -1))(local.set 24 (i64.const -1))(local.set 25 (i64.const -1))(local.set 26 (i64.const -1))(local.set 27 (i64.const -1))(local.set 28 (i64.const -1))(local.set 29 (i64.const -1))(local.set 30 (i64.const -1))(local.set 31 (i64.const -1))
    (local.get 8))
  (func $c_m8_24_8 (export "call_m8_24_8") (result i64) (i64.add (call $m8_24_8 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55) (i64.const 66) (i64.const 77) (i64.const 88)) (call $m8_24_8 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55) (i64.const 66) (i64.const 77) (i64.const 88))))
  (func (export "indirect_m8_24_8") (result i64) (call_indirect (type $t0) (i32.const 1)))
  (func $m4_9_4 (export "m4_9_4") (param i64 i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 4 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 4) (local.get 5)) (local.get 6)) (local.get 7)) (local.get 8)) (local.get 9)) (local.get 10)) (local.get 11)) (local.get 12)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453))))
    (local.set 5 (i64.const -1))(local.set 6 (i64.const -1))(local.set 7 (i64.const -1))(local.set 8 (i64.const -1))(local.set 9 (i64.const -1))(local.set 10 (i64.const -1))(local.set 11 (i64.const -1))(local.set 12 (i64.const -1))
    (local.get 4))
  (func $c_m4_9_4 (export "call_m4_9_4") (result i64) (i64.add (call $m4_9_4 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44)) (call $m4_9_4 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44))))
  (func (export "indirect_m4_9_4") (result i64) (call_indirect (type $t0) (i32.const 2)))
  (func $m9_24_8 (export "m9_24_8") (param i64 i64 i64 i64 i64 i64 i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 9 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)) (i64.const 3)) (local.get 4)) (i64.const 3)) (local.get 5)) (i64.const 3)) (local.get 6)) (i64.const 3)) (local.get 7)) (i64.const 3)) (local.get 8)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 9) (local.get 10)) (local.get 11)) (local.get 12)) (local.get 13)) (local.get 14)) (local.get 15)) (local.get 16)) (local.get 17)) (local.get 18)) (local.get 19)) (local.get 20)) (local.get 21)) (local.get 22)) (local.get 23)) (local.get 24)) (local.get 25)) (local.get 26)) (local.get 27)) (local.get 28)) (local.get 29)) (local.get 30)) (local.get 31)) (local.get 32)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648)) (i64.const 1427390882224843)) (i64.const 1708865859001038)) (i64.const 1990340835777233))))
    (local.set 10 (i64.const -1))(local.set 11 (i64.const -1))(local.set 12 (i64.const -1))(local.set 13 (i64.const -1))(local.set 14 (i64.const -1))(local.set 15 (i64.const -1))(local.set 16 (i64.const -1))(local.set 17 (i64.const -1))(local.set 18 (i64.const -1))(local.set 19 (i64.const -1))(local.set 20 (i64.const -1))(local.set 21 (i64.const -1))(local.set 22 (i64.const -1))(local.set 23 (i64.const -1))(local.set 24 (i64.const -1))(local.set 25 (i64.const -1))(local.set 26 (i64.const -1))(local.set 27 (i64.const -1))(local.set 28 (i64.const -1))(local.set 29 (i64.const -1))(local.set 30 (i64.const -1))(local.set 31 (i64.const -1))(local.set 32 (i64.const -1))
    (local.get 9))
  (func $c_m9_24_8 (export "call_m9_24_8") (result i64) (i64.add (call $m9_24_8 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55) (i64.const 66) (i64.const 77) (i64.const 88) (i64.const 99)) (call $m9_24_8 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55) (i64.const 66) (i64.const 77) (i64.const 88) (i64.const 99))))
  (func (export "indirect_m9_24_8") (result i64) (call_indirect (type $t0) (i32.const 3)))
  (func $m8_25_8 (export "m8_25_8") (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 8 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)) (i64.const 3)) (local.get 4)) (i64.const 3)) (local.get 5)) (i64.const 3)) (local.get 6)) (i64.const 3)) (local.get 7)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 8) (local.get 9)) (local.get 10)) (local.get 11)) (local.get 12)) (local.get 13)) (local.get 14)) (local.get 15)) (local.get 16)) (local.get 17)) (local.get 18)) (local.get 19)) (local.get 20)) (local.get 21)) (local.get 22)) (local.get 23)) (local.get 24)) (local.get 25)) (local.get 26)) (local.get 27)) (local.get 28)) (local.get 29)) (local.get 30)) (local.get 31)) (local.get 32)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648)) (i64.const 1427390882224843)) (i64.const 1708865859001038)) (i64.const 1990340835777233))))
    (local.set 9 (i64.const -1))(local.set 10 (i64.const -1))(local.set 11 (i64.const -1))(local.set 12 (i64.const -1))(local.set 13 (i64.const -1))(local.set 14 (i64.const -1))(local.set 15 (i64.const -1))(local.set 16 (i64.const -1))(local.set 17 (i64.const -1))(local.set 18 (i64.const -1))(local.set 19 (i64.const -1))(local.set 20 (i64.const -1))(local.set 21 (i64.const -1))(local.set 22 (i64.const -1))(local.set 23 (i64.const -1))(local.set 24 (i64.const -1))(local.set 25 (i64.const -1))(local.set 26 (i64.const -1))(local.set 27 (i64.const -1))(local.set 28 (i64.const -1))(local.set 29 (i64.const -1))(local.set 30 (i64.const -1))(local.set 31 (i64.const -1))(local.set 32 (i64.const -1))
    (local.get 8))
  (func $c_m8_25_8 (export "call_m8_25_8") (result i64) (i64.add (call $m8_25_8 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55) (i64.const 66) (i64.const 77) (i64.const 88)) (call $m8_25_8 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55) (i64.const 66) (i64.const 77) (i64.const 88))))
  (func (export "indirect_m8_25_8") (result i64) (call_indirect (type $t0) (i32.const 4)))
  (func $m8_24_9 (export "m8_24_9") (param i64 i64 i64 i64 i64 i64 i64 i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 8 (i64.add (i64.add (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (i64.add (i64.mul (local.get 0) (i64.const 3)) (local.get 1)) (i64.const 3)) (local.get 2)) (i64.const 3)) (local.get 3)) (i64.const 3)) (local.get 4)) (i64.const 3)) (local.get 5)) (i64.const 3)) (local.get 6)) (i64.const 3)) (local.get 7)) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 8) (local.get 9)) (local.get 10)) (local.get 11)) (local.get 12)) (local.get 13)) (local.get 14)) (local.get 15)) (local.get 16)) (local.get 17)) (local.get 18)) (local.get 19)) (local.get 20)) (local.get 21)) (local.get 22)) (local.get 23)) (local.get 24)) (local.get 25)) (local.get 26)) (local.get 27)) (local.get 28)) (local.get 29)) (local.get 30)) (local.get 31)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648)) (i64.const 1427390882224843)) (i64.const 1708865859001038)) (i64.const 1990340835777233)) (i64.const 2271815812553428))))
    (local.set 9 (i64.const -1))(local.set 10 (i64.const -1))(local.set 11 (i64.const -1))(local.set 12 (i64.const -1))(local.set 13 (i64.const -1))(local.set 14 (i64.const -1))(local.set 15 (i64.const -1))(local.set 16 (i64.const -1))(local.set 17 (i64.const -1))(local.set 18 (i64.const -1))(local.set 19 (i64.const -1))(local.set 20 (i64.const -1))(local.set 21 (i64.const -1))(local.set 22 (i64.const -1))(local.set 23 (i64.const -1))(local.set 24 (i64.const -1))(local.set 25 (i64.const -1))(local.set 26 (i64.const -1))(local.set 27 (i64.const -1))(local.set 28 (i64.const -1))(local.set 29 (i64.const -1))(local.set 30 (i64.const -1))(local.set 31 (i64.const -1))
    (local.get 8))
  (func $c_m8_24_9 (export "call_m8_24_9") (result i64) (i64.add (call $m8_24_9 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55) (i64.const 66) (i64.const 77) (i64.const 88)) (call $m8_24_9 (i64.const 11) (i64.const 22) (i64.const 33) (i64.const 44) (i64.const 55) (i64.const 66) (i64.const 77) (i64.const 88))))
  (func (export "indirect_m8_24_9") (result i64) (call_indirect (type $t0) (i32.const 5)))
  (func $m1_13_7 (export "m1_13_7") (param i64) (result i64) (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 1 (i64.add (i64.add (local.get 0) (i64.mul (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (i64.or (local.get 1) (local.get 2)) (local.get 3)) (local.get 4)) (local.get 5)) (local.get 6)) (local.get 7)) (local.get 8)) (local.get 9)) (local.get 10)) (local.get 11)) (local.get 12)) (local.get 13)) (i64.const 1000000007))) (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.xor (i64.const 20015998343868) (i64.const 301490975120063)) (i64.const 582965951896258)) (i64.const 864440928672453)) (i64.const 1145915905448648)) (i64.const 1427390882224843)) (i64.const 1708865859001038))))
    (local.set 2 (i64.const -1))(local.set 3 (i64.const -1))(local.set 4 (i64.const -1))(local.set 5 (i64.const -1))(local.set 6 (i64.const -1))(local.set 7 (i64.const -1))(local.set 8 (i64.const -1))(local.set 9 (i64.const -1))(local.set 10 (i64.const -1))(local.set 11 (i64.const -1))(local.set 12 (i64.const -1))(local.set 13 (i64.const -1))
    (local.get 1))
  (func $c_m1_13_7 (export "call_m1_13_7") (result i64) (i64.add (call $m1_13_7 (i64.const 11)) (call $m1_13_7 (i64.const 11))))
  (func (export "indirect_m1_13_7") (result i64) (call_indirect (type $t0) (i32.const 6)))
)
