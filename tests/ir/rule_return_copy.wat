;; Rule return_copy (src/translate/fuse.rs, over the finished function): a copy into the register
;; a `return` then returns returns the copy's source instead; the original return stays for the
;; branches that land on it. Not for a copy into another register.
(module
  (func (export "threaded") (param $a i32) (param $c i32) (result i32) (local $r i32)
    (block $b
      (br_if $b (local.get $c))
      (local.set $r (local.get $a)))
    (local.get $r))
  (func (export "other_register") (param $a i32) (param $c i32) (result i32) (local $r i32) (local $s i32)
    (block $b
      (br_if $b (local.get $c))
      (local.set $s (local.get $a)))
    (local.get $r)))
