;; Rule shl_load (src/translate/fuse.rs): an i32 shift left by a constant whose result, plus a
;; constant, is the address of an i32 load (the I32LoadRI rule address makes) becomes one
;; I32LoadShlRI: an entry of a table at a constant address. The shift count is taken mod 32. Not
;; when the shifted index is kept in a local, nor with a memory offset instead of an added constant.
(module
  (memory 1)
  (func (export "entry") (param $i i32) (result i32)
    (i32.load (i32.add (i32.shl (local.get $i) (i32.const 2)) (i32.const 1024))))
  (func (export "count_mod_32") (param $i i32) (result i32)
    (i32.load (i32.add (i32.shl (local.get $i) (i32.const 34)) (i32.const 1024))))
  (func (export "kept") (param $i i32) (result i32) (local $s i32)
    (i32.add (i32.load (i32.add (local.tee $s (i32.shl (local.get $i) (i32.const 2))) (i32.const 1024))) (local.get $s)))
  (func (export "offset") (param $i i32) (result i32)
    (i32.load offset=1024 (i32.shl (local.get $i) (i32.const 2)))))
