;; Fuzz finding (execute target, slow unit: 248 s under AddressSanitizer): a function growing memory
;; one page at a time copied the whole memory on every `memory.grow`. Growth now reserves
;; geometrically (see the unit test in src/runtime/memory.rs); this is the shape of the module.
;;
;; invoke "grow_all" -> i32:1024
(module
  (memory 1 1024)
  (func (export "grow_all") (result i32)
    (loop $l
      (br_if $l (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
    (i32.store (i32.const 67108860) (i32.const 7))
    (memory.size)))
