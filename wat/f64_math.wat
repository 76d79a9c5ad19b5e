;; Benchmark kernel: f64 arithmetic, a Mandelbrot escape-time loop over a size x size grid of
;; [-2, 1] x [-1.5, 1.5] with at most 64 iterations per point. f64_math(size) returns the total
;; iteration count plus the truncated sum of |z|^2 at exit (as i64), so rounding differences show up.
(module
  (func (export "f64_math") (param $size i32) (result i64)
    (local $x i32) (local $y i32) (local $it i32) (local $total i64)
    (local $step f64) (local $cr f64) (local $ci f64)
    (local $zr f64) (local $zi f64) (local $zr2 f64) (local $zi2 f64) (local $fsum f64)
    (block $done
      (br_if $done (i32.le_s (local.get $size) (i32.const 0)))
      (local.set $step (f64.div (f64.const 3.0) (f64.convert_i32_s (local.get $size))))
      (loop $row
        (local.set $ci (f64.add (f64.const -1.5) (f64.mul (f64.convert_i32_s (local.get $y)) (local.get $step))))
        (local.set $x (i32.const 0))
        (loop $col
          (local.set $cr (f64.add (f64.const -2.0) (f64.mul (f64.convert_i32_s (local.get $x)) (local.get $step))))
          (local.set $zr (f64.const 0)) (local.set $zi (f64.const 0))
          (local.set $zr2 (f64.const 0)) (local.set $zi2 (f64.const 0))
          (local.set $it (i32.const 0))
          (block $escaped
            (loop $iter
              (br_if $escaped (i32.ge_u (local.get $it) (i32.const 64)))
              (br_if $escaped (f64.gt (f64.add (local.get $zr2) (local.get $zi2)) (f64.const 4.0)))
              (local.set $zi (f64.add (f64.mul (f64.mul (f64.const 2.0) (local.get $zr)) (local.get $zi)) (local.get $ci)))
              (local.set $zr (f64.add (f64.sub (local.get $zr2) (local.get $zi2)) (local.get $cr)))
              (local.set $zr2 (f64.mul (local.get $zr) (local.get $zr)))
              (local.set $zi2 (f64.mul (local.get $zi) (local.get $zi)))
              (local.set $it (i32.add (local.get $it) (i32.const 1)))
              (br $iter)))
          (local.set $total (i64.add (local.get $total) (i64.extend_i32_u (local.get $it))))
          (local.set $fsum (f64.add (local.get $fsum) (f64.add (local.get $zr2) (local.get $zi2))))
          (local.set $x (i32.add (local.get $x) (i32.const 1)))
          (br_if $col (i32.lt_s (local.get $x) (local.get $size))))
        (local.set $y (i32.add (local.get $y) (i32.const 1)))
        (br_if $row (i32.lt_s (local.get $y) (local.get $size)))))
    (i64.add (local.get $total) (i64.trunc_f64_s (local.get $fsum)))))
