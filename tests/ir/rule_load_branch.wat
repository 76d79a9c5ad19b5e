;; Rule load_branch (src/translate/fuse.rs): a branch on zero of the value just loaded
;; (`i32.load8_u` or `i32.load`, offset within 16 bits) becomes one loading branch, which still
;; writes the loaded value. Not for an offset out of range, another load width, or across a label.
(module
  (memory 1)
  (func (export "byte") (param $p i32) (result i32)
    (block $b (br_if $b (i32.eqz (i32.load8_u offset=3 (local.get $p)))) (return (i32.const 0)))
    (i32.const 1))
  (func (export "word_kept") (param $p i32) (result i32) (local $v i32)
    (if (local.tee $v (i32.load (local.get $p))) (then (return (local.get $v))))
    (i32.const 0))
  (func (export "wide_offset") (param $p i32) (result i32)
    (if (i32.load8_u offset=65536 (local.get $p)) (then (return (i32.const 1))))
    (i32.const 0))
  (func (export "other_width") (param $p i32) (result i32)
    (if (i32.load16_u (local.get $p)) (then (return (i32.const 1))))
    (i32.const 0))
  (func (export "label_between") (param $p i32) (result i32)
    (block $b
      (i32.load8_u (local.get $p))
      (loop (param i32) (br_if $b))
      (return (i32.const 0)))
    (i32.const 1)))
