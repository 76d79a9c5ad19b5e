;; A `local.get` of a never-written i64 local left on the stack below a `block` with a parameter
;; that a `br_if` leaves at once. wasmi 2.0.0 returns a stale value here (65536, from the
;; `memory.size` product computed earlier in the discarded block; in a larger variant, whatever was
;; in its value stack: a heap address), where the local is 0. Shrunk from differential seed 144059.
;;
;; invoke "f" externref:null -> i64:1 f64:0x50406efc9e3cc2ee i64:-32769
;; global "g3" -> i64:0
(module
  (type (func (param externref) (result i64 f64 i64)))
  (type $p (func (param i32)))
  (memory 1 3)
  (global $g0 i32 (i32.const 0))
  (global $g1 (mut i32) (i32.const 0))
  (global $g3 (export "g3") (mut i64) (i64.const 0))
  (global $g4 (mut i32) (i32.const 0))
  (global $g5 (mut i32) (i32.const 1))
  (func (export "f") (param externref) (result i64 f64 i64)
    (local i32 i64 i32 i64 f64 i32 i32 i32 i32 i32 f32 f32 f64 i32)
    global.get $g5
    local.get 0
    local.get 2
    f32.convert_i64_s
    ref.null func
    block
      block
        memory.size
        i32.const 65536
        i32.mul
        i32.const 0
        local.get 3
        i32.add
        br 1
      end
    end
    local.get 4
    f32.const -0x1.2ac1p-12
    memory.size
    block (type $p)
      br_if 0
      i32.const 1
      if
      end
    end
    i32.reinterpret_f32
    global.set $g1
    global.set $g3
    drop
    i32.reinterpret_f32
    global.set $g1
    drop
    global.set $g4
    i64.const 1
    f64.const 0x1.06efc9e3cc2eep+261
    i64.const -32769))
