;; A `local.tee` value left on the stack below a `loop` whose parameter is another local, which the
;; loop then overwrites with `local.tee`. wasmi 2.0.0 returns that other local's old value (0.5
;; here: the bits 1056964608) instead of the tee'd 2.0 below it. Shrunk from differential seed
;; 50169833 (outside the default seed range; found 2026-12-07 with HAYATE_DIFF_START=50000000);
;; this pins hayate's right answer: the bits of 2.0, the page count converted and tee'd.
;;
;; invoke "f" f32:0.5 -> i32:1073741824
;; invoke "f" f32:-3 -> i32:1073741824
(module
  (memory i64 2 4)
  (func (export "f") (param f32) (result i32)
    (local f32)
    memory.size
    f32.convert_i64_s
    local.tee 1
    local.get 0
    loop (param f32)
      f32.abs
      local.tee 0
      drop
    end
    i32.reinterpret_f32))
