;; Rule load_load (src/translate/fuse.rs): an i32 load at the address another i32 load just read
;; (`p->a->b`) becomes one I32LoadLoad. Not when the loaded pointer is kept in a local (teed), nor
;; with an offset past 16 bits, nor for another width of the second load.
(module
  (memory 1)
  (func (export "chase") (param $p i32) (result i32)
    (i32.load offset=8 (i32.load offset=4 (local.get $p))))
  (func (export "chase_twice") (param $p i32) (result i32)
    (i32.load (i32.load (i32.load (local.get $p)))))
  (func (export "kept") (param $p i32) (result i32) (local $q i32)
    (i32.add (i32.load (local.tee $q (i32.load (local.get $p)))) (local.get $q)))
  (func (export "far_offset") (param $p i32) (result i32)
    (i32.load offset=65536 (i32.load (local.get $p))))
  (func (export "byte") (param $p i32) (result i32)
    (i32.load8_u (i32.load (local.get $p)))))
