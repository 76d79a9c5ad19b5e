;; Hello World for WASI, as in the WASI tutorial: one `fd_write` of a string from a data segment.
;;
;;   hayate run wat/hello.wat
(module
  ;; fd_write(fd, *iovs, iovs_len, *nwritten) -> errno
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))

  (memory 1)
  (export "memory" (memory 0))

  ;; The text at offset 8; the iovec goes at 0 and `nwritten` at 24.
  (data (i32.const 8) "Hello, World!\n")

  (func $main (export "_start")
    ;; iov.iov_base: where the text starts
    (i32.store (i32.const 0) (i32.const 8))
    ;; iov.iov_len: its length
    (i32.store (i32.const 4) (i32.const 14))
    (call $fd_write
      (i32.const 1)   ;; fd 1: stdout
      (i32.const 0)   ;; *iovs
      (i32.const 1)   ;; one iovec
      (i32.const 24)) ;; *nwritten
    drop))
